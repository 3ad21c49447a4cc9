"""ファイル → バックアップから戻す…: choose a backup, see what it holds, confirm, restore in place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from nagato_desk.database import DamagedDatabaseError, Database
from nagato_desk.errors import NagatoError
from nagato_desk.gui.errors import show_error
from nagato_desk.services.backups import describe_backup, restore_open_database


def restore_from_backup(
    parent: QWidget, db: Database, backup_dir: Path, lang: str = "ja", chosen: Path | None = None
) -> bool:
    """True when the data was replaced (the caller refreshes what it shows)."""
    if chosen is None:
        name, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("Restore", "Restore from a backup"), str(backup_dir),
            QCoreApplication.translate("Restore", "Nagato Desk data (*.db)"),
        )  # fmt: skip
        if not name:
            return False
        chosen = Path(name)
    try:
        summary = describe_backup(chosen)
    except NagatoError as exc:
        show_error(parent, exc, lang)
        return False
    question = (
        QCoreApplication.translate("Restore", "The data will be replaced by this backup:")
        + "\n\n" + summary.describe(lang) + "\n\n"
        + QCoreApplication.translate(
            "Restore", "The data as it is now is backed up first, so this can be undone by restoring that copy."
        )
    )  # fmt: skip
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("Restore", "Restore from a backup"), question
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        _summary, saved = restore_open_database(db, chosen, backup_dir)
    except NagatoError as exc:
        show_error(parent, exc, lang)
        return False
    done = QCoreApplication.translate("Restore", "Restored. The data before restoring was saved to:")
    QMessageBox.information(
        parent,
        QCoreApplication.translate("Restore", "Restore from a backup"),
        f"{done}\n{saved}" if saved else done,
    )
    return True


def offer_restore_of_damaged(
    parent: QWidget | None, error: DamagedDatabaseError, backup_dir: Path, lang: str = "ja"
) -> bool:
    """The data file is damaged: say so and offer its latest good backup. True when it was restored.

    The damaged file is kept in the backup folder (as ``…-damaged-….db``) before it is replaced.
    """
    from nagato_desk.locking import DatabaseLock
    from nagato_desk.services.backups import restore_backup

    title = QCoreApplication.translate("Restore", "The data file is damaged")
    if error.backup is None:  # nothing to offer: the caller says what is wrong
        return False
    try:
        summary = describe_backup(error.backup)
    except NagatoError as exc:
        show_error(parent, exc, lang)
        return False
    question = (
        error.window_text(lang) + "\n\n" + summary.describe(lang) + "\n\n"
        + QCoreApplication.translate(
            "Restore", "Restore this backup now? The damaged file is kept in the backup folder."
        )
    )  # fmt: skip
    if QMessageBox.question(parent, title, question) != QMessageBox.StandardButton.Yes:
        return False
    try:
        with DatabaseLock(error.path):
            _summary, saved = restore_backup(error.backup, error.path, backup_dir)
    except NagatoError as exc:
        show_error(parent, exc, lang)
        return False
    done = QCoreApplication.translate("Restore", "Restored. The damaged file was kept as:")
    QMessageBox.information(parent, title, f"{done}\n{saved}" if saved else done)
    return True
