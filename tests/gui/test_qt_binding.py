"""The Qt binding itself: reading an empty value must not lose a reference to None.

PySide6 6.12 returns None for an empty QVariant without counting the reference, so after a few
thousand reads (a combo box item 「（なし）」 read on each change) Python frees None and the program
aborts. pyproject.toml keeps the binding below that version; this test fails if it comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox


def test_reading_empty_values_keeps_none_alive(app):
    combo = QComboBox()
    combo.addItem("（なし）", None)
    combo.addItem("no data")
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("x"))
    before = sys.getrefcount(None)
    for _ in range(500):
        combo.setCurrentIndex(0)
        assert combo.currentData() is None
        combo.setCurrentIndex(1)
        assert combo.currentData() is None
        assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) is None
    # 1,500 reads of an empty value: a leaking binding would be ~1,500 lower
    assert sys.getrefcount(None) - before > -50
