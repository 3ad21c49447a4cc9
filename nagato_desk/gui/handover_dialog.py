"""ファイル → 引継ぎファイルを作る… / 引継ぎファイルを開く…: the hand-over file for the next secretariat.

Making one asks where to save it, writes it (with the checklist PDF beside it, for printing) and says
what it holds. Opening one shows what it holds, asks before replacing the data that is open, and
installs it (the data as it was is backed up first).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError
from nagato_desk.gui.errors import show_error
from nagato_desk.services.handover import (
    HANDOVER_SUFFIX,
    default_handover_name,
    read_handover,
    take_over_open_database,
    write_handover,
)
from nagato_desk.settings import Settings


def file_filter() -> str:
    return (
        QCoreApplication.translate("Handover", "Nagato Desk hand-over file") + f" (*{HANDOVER_SUFFIX} *.zip)"
    )


def checklist_path_for(out: Path) -> Path:
    """「…-引継ぎ-20261129.nagato-handover.zip」 → 「…-引継ぎ-20261129-チェックリスト.pdf」 beside it."""
    name = out.name[: -len(HANDOVER_SUFFIX)] if out.name.endswith(HANDOVER_SUFFIX) else out.stem
    return out.with_name(f"{name}-チェックリスト.pdf")


def _busy(work):  # type: ignore[no-untyped-def]
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    finally:
        QApplication.restoreOverrideCursor()


def make_handover_file(
    parent: QWidget | None, db: Database, settings: Settings, lang: str = "ja", out: Path | None = None
) -> Path | None:
    """Write the hand-over file; returns its path (None when cancelled or refused)."""
    if out is None:
        from nagato_desk.services.council import get_council

        with db.Session() as session:
            council = get_council(session)
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder or Path.home()) / default_handover_name(council.name if council else "")
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("Handover", "Make a hand-over file"),
            str(suggested),
            file_filter(),
        )
        if not name:
            return None
        out = Path(name)
        if not out.name.endswith((HANDOVER_SUFFIX, ".zip")):
            out = out.with_name(out.name + HANDOVER_SUFFIX)
    checklist = checklist_path_for(out)
    try:
        result = _busy(
            lambda: write_handover(
                db.path,
                out,
                backup_dir=settings.backups(db.path),
                checklist_out=checklist,
                date_style=settings.date_style,
            )
        )
    except NagatoError as exc:
        show_error(parent, exc, lang)
        return None
    text = (
        QCoreApplication.translate("Handover", "The hand-over file was written:")
        + f"\n{result.path}\n\n{result.manifest.describe(lang)}\n\n"
        + QCoreApplication.translate(
            "Handover", "Print the checklist, tick it off together with the next secretariat and sign it:"
        )
        + f"\n{checklist}"
    )
    QMessageBox.information(parent, QCoreApplication.translate("Handover", "Make a hand-over file"), text)
    return result.path


def open_handover_file(
    parent: QWidget | None, db: Database, backup_dir: Path, lang: str = "ja", chosen: Path | None = None
) -> bool:
    """Replace the open data with a hand-over file's; True when replaced (the caller refreshes)."""
    if chosen is None:
        name, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("Handover", "Open a hand-over file"), "", file_filter()
        )
        if not name:
            return False
        chosen = Path(name)
    try:
        manifest = _busy(lambda: read_handover(chosen))
    except NagatoError as exc:
        show_error(parent, exc, lang)
        return False
    question = (
        QCoreApplication.translate("Handover", "The data will be replaced by this hand-over file:")
        + f"\n\n{manifest.describe(lang)}\n\n"
        + QCoreApplication.translate(
            "Handover",
            "The data as it is now is backed up first, so this can be undone by restoring that copy.",
        )
    )
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("Handover", "Open a hand-over file"), question
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        result = _busy(lambda: take_over_open_database(db, chosen, backup_dir, force=True))
    except NagatoError as exc:
        show_error(parent, exc, lang)
        return False
    done = QCoreApplication.translate("Handover", "The hand-over file was opened.")
    if result.previous is not None:
        done += (
            "\n"
            + QCoreApplication.translate("Handover", "The data before was saved to:")
            + f"\n{result.previous}"
        )
    QMessageBox.information(parent, QCoreApplication.translate("Handover", "Open a hand-over file"), done)
    return True
