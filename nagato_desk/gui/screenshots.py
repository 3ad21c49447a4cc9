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
        names = ["home", "settings"]
        for index, name in enumerate(names):
            window.show_page(index)
            save(window, name)
        save(CouncilDialog(db, settings.date_style, lang, window), "council-dialog")
        save(FiguresDialog(db, settings.date_style, None, lang, window), "figures-dialog")
        window.hide()
        window.deleteLater()
    return written
