"""``nagato-desk screenshots``: every page and dialog of the window as PNG, rendered offscreen.

The user guide's pictures come from here, so they never go stale; the names are stable.
"""

from __future__ import annotations

import os
from pathlib import Path

from nagato_desk.errors import UnreadableFileError
from nagato_desk.settings import Settings

WINDOW_SIZE = (1180, 760)


def take_screenshots(db_path: Path, out_dir: Path, settings: Settings, lang: str = "ja") -> list[Path]:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from nagato_desk.database import open_database
    from nagato_desk.gui.app import create_application
    from nagato_desk.gui.dialogs import CouncilDialog, FiguresDialog
    from nagato_desk.gui.main_window import MainWindow
    from nagato_desk.gui.setup_wizard import PAGE_ASSOCIATIONS, PAGE_COUNCIL, PAGE_START, SetupWizard
    from nagato_desk.services.council import get_council

    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnreadableFileError(
            f"フォルダ「{out_dir}」を作れません（{exc.strerror}）。",
            f"Cannot create '{out_dir}' ({exc.strerror}).",
        ) from exc
    app = create_application(settings, lang)
    written: list[Path] = []

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        widget.show()
        app.processEvents()
        path = out_dir / f"{name}.png"
        if not widget.grab().save(str(path), "PNG"):
            raise UnreadableFileError(f"「{path}」に保存できません。", f"Cannot write '{path}'.")
        written.append(path)

    wizard = SetupWizard(db_path, settings.date_style, lang)
    for page_id, name in (
        (PAGE_START, "wizard-start"),
        (PAGE_COUNCIL, "wizard-council"),
        (PAGE_ASSOCIATIONS, "wizard-associations"),
    ):
        wizard.setStartId(page_id)
        wizard.restart()
        save(wizard, name)
    wizard.close()

    with open_database(db_path, write=False) as db:
        with db.Session() as session:
            has_council = get_council(session) is not None
        if not has_council:
            return written
        window = MainWindow(db, settings, None, lang)
        window.resize(*WINDOW_SIZE)
        for index, (name, _page) in enumerate(window.sections):
            window.show_page(index)
            save(window, name)
            if name in ("home", "settings"):
                continue
            page = window.section_page(name)
            for key, _tab in getattr(page, "tab_pages", [])[1:]:  # the first tab is the section's picture
                page.show_tab(key)
                save(window, f"{name}-{key}")
            if hasattr(page, "tab_pages"):
                page.show_tab(page.tab_pages[0][0])
            if hasattr(page, "screenshots"):
                page.screenshots(save)
        save(CouncilDialog(db, settings.date_style, lang, window), "council-dialog")
        save(FiguresDialog(db, settings.date_style, None, lang, window), "figures-dialog")
        _member_screens(window, db, settings, lang, save)
        window.hide()
        window.deleteLater()
    return written


def _sample_roster(path: Path, associations: list[str]) -> Path:
    """A small roster as councils keep it in Excel (title row, header, people), for the import pictures."""
    from openpyxl import Workbook

    first = associations[0] if associations else ""
    second = associations[1] if len(associations) > 1 else first
    wb = Workbook()
    ws = wb.active
    ws.append(["会員名簿（見本）"])
    ws.append([])
    ws.append(["氏名", "フリガナ", "生年月日", "住所", "電話", "自治会", "班", "役職"])
    ws.append(
        [
            "見本　一郎",
            "ミホン イチロウ",
            "S30.4.1",
            "長門市油谷（見本）1番地",
            "0837-00-9001",
            first,
            "1班",
            None,
        ]
    )
    ws.append(["見本　春子", "ミホン ハルコ", "S33.5.3", "同上", "同上", first, "1班", None])
    ws.append(
        [
            "例示　次郎",
            "レイジ ジロウ",
            "1975/10/10",
            "長門市油谷（見本）8番地",
            "0837-00-9008",
            second,
            "2班",
            "役員",
        ]
    )
    ws.append(["例示　夏美", "レイジ ナツミ", "R2.7.7", "長門市油谷（見本）8番地", None, second, "2班", None])
    wb.save(path)
    return path


def _member_screens(window, db, settings: Settings, lang: str, save) -> None:  # type: ignore[no-untyped-def]
    """The 会員 import wizard on a sample file and the export dialog."""
    import tempfile

    from nagato_desk.gui.export_dialog import ExportDialog
    from nagato_desk.gui.member_import_wizard import MemberImportWizard
    from nagato_desk.services.associations import list_associations

    keys = [key for key, _page in window.sections]
    if "members" not in keys:
        return
    window.show_page(keys.index("members"))
    with db.Session() as session:
        names = [a.name for a in list_associations(session)]
    with tempfile.TemporaryDirectory() as folder:
        wizard = MemberImportWizard(db, settings.date_style, lang, window)
        wizard.open_file(_sample_roster(Path(folder) / "会員名簿.xlsx", names))
        save(wizard, "member-import")
        wizard.next()
        save(wizard, "member-import-preview")
        wizard.close()
    save(ExportDialog(db, settings.date_style, lang, window), "member-export")
