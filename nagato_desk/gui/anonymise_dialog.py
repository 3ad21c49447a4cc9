"""「匿名化…」: the confirmation before a member who left is anonymised — naming what will be erased
and what stays — then a backup (reason ``before-anonymise``) and the anonymisation itself
(services/member_anonymise.py). Cancel is the default button: Enter never erases anything."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError
from nagato_desk.gui.errors import show_error
from nagato_desk.services.anonymise_views import AnonymisePreview, anonymise_preview
from nagato_desk.settings import Settings, load_settings


class AnonymiseDialog(QDialog):
    def __init__(
        self,
        db: Database,
        preview: AnonymisePreview,
        settings: Settings,
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.preview = preview
        self.settings = settings
        self.lang = lang
        self.result_info = None
        self.setWindowTitle(self.tr("Anonymise %1").replace("%1", preview.name))
        erased = "、".join(preview.erased) or self.tr("(nothing recorded)")
        lines = [
            self.tr("The personal data of %1 will be erased from the data file for good.").replace(
                "%1", preview.name
            ),
            "",
            self.tr("Erased: %1").replace("%1", erased),
            self.tr("Also erased: the texts of %1 membership changes and %2 consent notes, and the old "
                    "values in %3 change-history entries.")
            .replace("%1", str(preview.events))
            .replace("%2", str(preview.consents))
            .replace("%3", str(preview.history_rows)),
            self.tr("Kept: %1").replace("%1", preview.kept),
            "",
            self.tr("A backup is made first. Backups made before still hold the old data until the "
                    "rotation deletes them. This cannot be undone."),
        ]  # fmt: skip
        self.text = QLabel("\n".join(lines), self)  # all of it, for tests and screen readers
        self.text.hide()
        paragraphs = []
        for line in (line for line in lines if line):
            label = QLabel(line, self)
            label.setWordWrap(True)
            paragraphs.append(label)
        self.confirm = QCheckBox(self.tr("I understand that this cannot be undone"), self)
        self.buttons = QDialogButtonBox(self)
        self.anonymise_button = self.buttons.addButton(
            self.tr("Anonymise"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.anonymise_button.setEnabled(False)
        self.anonymise_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.confirm.toggled.connect(self.anonymise_button.setEnabled)
        self.anonymise_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for label in paragraphs:
            layout.addWidget(label)
        layout.addSpacing(6)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self.resize(620, layout.heightForWidth(620))
        self.confirm.setFocus()

    def accept(self) -> None:
        if not self.confirm.isChecked():
            return
        from nagato_desk.services import backup_rotation
        from nagato_desk.services.member_anonymise import anonymise_member

        s = self.settings
        try:
            # a verified backup first; when it cannot be made nothing is erased
            backup_rotation.backup_before(
                self.db.path,
                s.backups(self.db.path),
                "before-anonymise",
                keep_daily=s.keep_daily,
                keep_monthly=s.keep_monthly,
            )
            self.result_info = anonymise_member(self.db, self.preview.member_id)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()


def anonymise_with_confirmation(
    parent: QWidget, db: Database, member_id: int, lang: str = "ja", settings: Settings | None = None
):  # type: ignore[no-untyped-def]
    """Ask, back up, anonymise; returns the AnonymiseResult, or None when refused or cancelled."""
    if settings is None:
        found = getattr(parent.window(), "settings", None)  # the main window's
        settings = found if isinstance(found, Settings) else load_settings()
    try:
        with db.Session() as session:
            preview = anonymise_preview(session, member_id)
    except NagatoError as exc:
        show_error(parent, exc, lang)
        return None
    dialog = AnonymiseDialog(db, preview, settings, lang, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_info is None:
        return None
    result = dialog.result_info
    QMessageBox.information(
        parent,
        QCoreApplication.translate("AnonymiseDialog", "Anonymised"),
        QCoreApplication.translate("AnonymiseDialog", "The member is now called %1.").replace(
            "%1", result.label
        )
        + ("\n" + result.note_ja if lang != "en" else ""),
    )
    return result
