"""Starting the window: Qt application, fonts, translation, error dialog, database, first-start wizard."""

from __future__ import annotations

import logging
import os
import sys
import time
from datetime import datetime
from pathlib import Path

from nagato_desk import STARTED_AT
from nagato_desk.errors import NagatoError
from nagato_desk.logs import setup_logging
from nagato_desk.settings import Settings, settings_file

log = logging.getLogger(__name__)


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )


def create_application(settings: Settings, lang: str):  # type: ignore[no-untyped-def]
    """The QApplication with theme and translator (reused if one exists, as under pytest-qt)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from nagato_desk.gui.i18n import load_translator
    from nagato_desk.gui.theme import apply_theme
    from nagato_desk.paths import resource_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Nagato Desk")
    app.setOrganizationName("nagato-desk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
    if lang == "ja" and not getattr(app, "_nagato_translators", None):
        # Qt's own Japanese (buttons of message boxes, file dialogs), then ours.
        qt_base = QTranslator(app)
        if qt_base.load(
            QLocale(QLocale.Language.Japanese),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            app.installTranslator(qt_base)
        translator = load_translator("ja", app)
        if translator is not None:
            app.installTranslator(translator)
        app._nagato_translators = (qt_base, translator)  # type: ignore[attr-defined]
    if getattr(app, "_nagato_theme", None) != settings.font_size:
        # Once per application: setting the style sheet again re-polishes every widget alive.
        apply_theme(app, settings.font_size)
        app._nagato_theme = settings.font_size  # type: ignore[attr-defined]
    return app


class Startup:
    """Opens the data file (or runs the first-start wizard) and shows the main window."""

    def __init__(self, db_path: Path, settings: Settings, lang: str, smoke: bool = False) -> None:
        self.db_path = db_path
        self.settings = settings
        self.lang = lang
        self.smoke = smoke
        self.window = None
        self.wizard = None
        self.db = None
        self.idle_lock = None

    def fail(self, error: NagatoError) -> int:
        if self.smoke:
            print(error.message(self.lang), file=sys.stderr)
        else:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "Nagato Desk", error.message(self.lang))
        return error.exit_code

    def open(self) -> int | None:
        """Show the first screen; returns an exit code if the program cannot go on."""
        from nagato_desk.services.council import get_council

        council_exists = False
        if self.db_path.exists() and self.db_path.stat().st_size > 0:
            try:
                self.db = self._open_or_restore()
            except NagatoError as exc:
                return self.fail(exc)
            if not self.smoke:  # smoke is timed and must stay read-mostly
                self.daily_backup()
            with self.db.Session() as session:
                council = get_council(session)
                council_exists = council is not None
                council_name = council.name if council is not None else ""
            if council_exists and not self.smoke and not self.ask_password(council_name):
                self.db.close()
                return 0
        if council_exists:
            self.show_main()
        else:
            self.show_wizard()
        return None

    def _open_or_restore(self):  # type: ignore[no-untyped-def]
        """Open the data file; a damaged one is offered its latest good backup (then opened again)."""
        from nagato_desk.database import DamagedDatabaseError, open_database
        from nagato_desk.errors import UnreadableFileError

        backup_dir = self.settings.backups(self.db_path)
        try:
            return open_database(self.db_path, backup_dir=backup_dir)
        except DamagedDatabaseError as exc:
            if self.smoke:
                raise
            from nagato_desk.gui.restore import offer_restore_of_damaged

            if not offer_restore_of_damaged(None, exc, backup_dir, self.lang):
                raise UnreadableFileError(exc.window_text("ja"), exc.window_text("en")) from exc
            return open_database(self.db_path, backup_dir=backup_dir)

    def daily_backup(self, now: datetime | None = None) -> Path | None:
        """The day's automatic backup at the first start of a day; a failure warns but never stops."""
        from nagato_desk.services.backup_rotation import daily_backup_if_needed

        assert self.db is not None
        try:
            summary = daily_backup_if_needed(
                self.db.path,
                self.settings.backups(self.db.path),
                keep_daily=self.settings.keep_daily,
                keep_monthly=self.settings.keep_monthly,
                now=now,
            )
        except Exception as exc:  # the program must start even when the backup cannot be made
            if isinstance(exc, NagatoError):
                detail = exc.message(self.lang)
            else:
                log.exception("the daily backup failed")
                detail = f"{type(exc).__name__}: {exc}"
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                None,
                QCoreApplication.translate("Startup", "Backup not made"),
                QCoreApplication.translate(
                    "Startup",
                    "Today's automatic backup could not be made. You can go on working, but please "
                    "check the backup folder in the settings.",
                )
                + "\n\n"
                + detail,
            )
            return None
        return summary.path if summary is not None else None

    def show_wizard(self) -> None:
        from nagato_desk.gui.setup_wizard import SetupWizard

        self.wizard = SetupWizard(self.db_path, self.settings.date_style, self.lang)
        self.wizard.accepted.connect(self._wizard_done)
        self.wizard.rejected.connect(self._wizard_cancelled)
        self.wizard.show()

    def _wizard_cancelled(self) -> None:
        if self.db is not None:
            self.db.close()
        from PySide6.QtWidgets import QApplication

        QApplication.instance().quit()

    def _wizard_done(self) -> None:
        from nagato_desk.database import open_database
        from nagato_desk.services.council import create_council
        from nagato_desk.services.demo import write_demo

        choice = self.wizard.choice()
        if choice.handover is not None:
            self._take_over(choice.handover)
            return
        try:
            if self.db is None:
                self.db = open_database(
                    self.db_path, create=True, backup_dir=self.settings.backups(self.db_path)
                )
            with self.db.session() as session:
                if choice.demo:
                    write_demo(session)
                else:
                    create_council(session, choice.council, choice.associations)
        except NagatoError as exc:
            self.fail(exc)
            self.show_wizard()
            return
        self.show_main()

    def _take_over(self, handover: Path) -> None:
        """The first start opened a hand-over file: install it where the data is kept, then open it."""
        from nagato_desk.database import open_database
        from nagato_desk.services.handover import take_over

        if self.db is not None:  # an empty file opened at start: take_over takes the lock itself
            self.db.close()
            self.db = None
        backup_dir = self.settings.backups(self.db_path)
        try:
            take_over(handover, self.db_path, backup_dir=backup_dir)
            self.db = open_database(self.db_path, backup_dir=backup_dir)
        except NagatoError as exc:
            self.fail(exc)
            self.show_wizard()
            return
        self.show_main()

    def warn_location(self) -> bool:
        """Once per data file: a message box when it is in a sync folder or on a network share."""
        from nagato_desk.storage_location import already_warned, check_location, remember_warned

        if self.db is None or self.smoke:
            return False
        warning = check_location(self.db.path)
        if warning is None or already_warned(self.db.path):
            return False
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            None,
            QCoreApplication.translate("Startup", "Where the data is kept"),
            warning.message(self.lang),
        )
        remember_warned(self.db.path)
        return True

    def ask_password(self, council_name: str = "") -> bool:
        """The start password, when the data file has one (docs/PRIVACY.md); False: the user gave up."""
        from nagato_desk.gui.password_dialog import ask_password_at_start

        return ask_password_at_start(self.db, council_name)

    def show_main(self) -> None:
        from nagato_desk.gui.main_window import MainWindow

        self.warn_location()

        self.window = MainWindow(self.db, self.settings, None if self.smoke else settings_file(), self.lang)
        if not self.smoke:
            from nagato_desk.gui.lock_screen import install_idle_lock, reload_idle_lock

            self.idle_lock = install_idle_lock(self.window, self.db)
            self.window.settings_page.changed.connect(lambda: reload_idle_lock(self.idle_lock, self.db))
        self.window.show()


def _route_qt_messages() -> None:
    """Qt's own warnings go to the log file, not to the terminal of a user who never opened one."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(mode, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        qt_log.log(levels.get(mode, logging.WARNING), message)

    qInstallMessageHandler(handler)


def run_gui(
    db_path: Path, settings: Settings, lang: str | None = None, smoke: bool = False, explicit_db: bool = False
) -> int:
    lang = lang or settings.language
    if smoke and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not _has_display():
        print(
            "画面（ディスプレイ）が見つからないため、ウィンドウを開けません。"
            if lang != "en"
            else "No display found: the window cannot open.",
            file=sys.stderr,
        )
        return 2
    setup_logging()
    _route_qt_messages()
    app = create_application(settings, lang)
    from nagato_desk.gui.errors import install_excepthook

    if not smoke:
        install_excepthook(lang)
    startup = Startup(db_path, settings, lang, smoke=smoke)
    code = startup.open()
    if code is not None:
        return code
    if smoke:
        app.processEvents()
        print(f"{time.perf_counter() - STARTED_AT:.3f}")
        if startup.window is not None:
            startup.window.close()
        elif startup.db is not None:
            startup.db.close()
        return 0
    return app.exec()
