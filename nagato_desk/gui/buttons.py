"""Buttons every dialog and page shares: the main action in the accent colour, 保存/キャンセル."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget


def mark_primary(button: QWidget) -> None:
    """The page's or dialog's main action, in the accent colour. A button a button box made is
    already polished, so the style sheet is applied again for the new property to show."""
    button.setProperty("role", "primary")
    button.style().unpolish(button)
    button.style().polish(button)


def dialog_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """「ok_text」 (the main action, Enter) and 「キャンセル」 (Esc)."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    mark_primary(ok)
    ok.setDefault(True)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Dialogs", "Cancel")
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
