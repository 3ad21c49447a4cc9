"""GUI tests: a QApplication with the app's theme and Japanese translation, and a demo database."""

from __future__ import annotations

import pytest

from nagato_desk.database import open_database
from nagato_desk.settings import Settings


@pytest.fixture
def app(qapp):
    from nagato_desk.gui.app import create_application

    return create_application(Settings(), "ja")


@pytest.fixture
def demo(demo_db_path):
    db = open_database(demo_db_path)
    yield db
    db.close()


@pytest.fixture
def no_dialogs(monkeypatch):
    """Record message boxes instead of blocking on them; answer questions with Yes."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Yes

        return box

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    return shown
