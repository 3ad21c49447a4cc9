"""The one place Designer forms (ui/*.ui) are loaded, with QUiLoader (not loadUiType)."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from nagato_desk.paths import ui_path


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of ``ui/<name>``; children are found with ``findChild(Type, "objectName")``."""
    path = ui_path(name)
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"form {path} not readable")
    try:
        widget = QUiLoader().load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise RuntimeError(f"form {path} failed to load")
    return widget
