"""Ways to play the user in GUI tests (imported as ``qt_helpers``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox


def type_text(widget, text: str) -> None:
    """Type as a user does, Japanese included (qtbot.keyClicks handles Latin-1 only)."""
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def click_ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def fake_exec(monkeypatch, cls, fill) -> None:
    """The dialog is built for real; instead of waiting for a user, ``fill`` plays the user."""

    def exec_(self):
        fill(self)
        return self.result()

    monkeypatch.setattr(cls, "exec", exec_)
