"""The main window: side navigation on the left, one page per section on the right.

A section appears in the navigation only once it works; each record lists its page in ``SECTIONS``
(gui/sections.py). Pages other than the home page are built the first time they are shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nagato_desk import __version__
from nagato_desk.database import Database
from nagato_desk.gui.pages.home import HomePage
from nagato_desk.gui.pages.settings_page import SettingsPage
from nagato_desk.gui.sections import SECTIONS, Section
from nagato_desk.settings import Settings


class LazyPage(QWidget):
    """A section built the first time it is shown, so start-up pays only for the home page."""

    def __init__(self, title: str, factory, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.title = title
        self.factory = factory
        self._page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def page_title(self) -> str:
        return self.title

    def page(self) -> QWidget:
        if self._page is None:
            self._page = self.factory()
            self.layout().addWidget(self._page)
        return self._page

    def refresh(self) -> None:
        if self._page is None:
            self.page()  # a page reads its data when it is built: no second read
            return
        self._page.refresh()  # type: ignore[attr-defined]


class MainWindow(QMainWindow):
    def __init__(
        self, db: Database, settings: Settings, settings_path: Path | None = None, lang: str = "ja"
    ) -> None:
        super().__init__()
        self.db = db
        self.settings = settings
        self.lang = lang
        self.setWindowTitle(f"Nagato Desk — {db.path.name}")
        self.home = HomePage(db, settings, lang, self)
        self.settings_page = SettingsPage(db, settings, settings_path, lang, self)
        # (stable key for screenshots and the guide, page) in navigation order
        self.sections: list[tuple[str, QWidget]] = [("home", self.home)]
        self.sections += [(section.key, self._lazy(section)) for section in SECTIONS]
        self.sections.append(("settings", self.settings_page))
        self.pages: list[QWidget] = [page for _key, page in self.sections]
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        for number, page in enumerate(self.pages, start=1):
            item = QListWidgetItem(page.page_title())
            item.setSizeHint(QSize(0, 48))
            self.navigation.addItem(item)
            self.stack.addWidget(page)
            shortcut = QAction(self)
            shortcut.setShortcut(QKeySequence(f"Ctrl+{number}"))
            shortcut.triggered.connect(lambda _checked=False, n=number - 1: self.show_page(n))
            self.addAction(shortcut)
        self.navigation.currentRowChanged.connect(self._row_changed)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._menus()
        self.home.exported.connect(
            lambda path: self.statusBar().showMessage(self.tr("Saved: %1").replace("%1", path), 10_000)
        )
        self.settings_page.changed.connect(self.home.refresh)
        self.resize(1180, 760)
        self.show_page(0)

    def restore_backup(self, chosen: Path | None = None) -> bool:
        """Replace the data with a backup (after showing what it holds); every page shows it after."""
        from nagato_desk.gui.restore import restore_from_backup

        if not restore_from_backup(self, self.db, self.settings.backups(self.db.path), self.lang, chosen):
            return False
        self.reload_sections()
        return True

    def make_handover(self, out: Path | None = None) -> Path | None:
        """Write the hand-over file (引継ぎ) for the next secretariat."""
        from nagato_desk.gui.handover_dialog import make_handover_file

        return make_handover_file(self, self.db, self.settings, self.lang, out)

    def open_handover(self, chosen: Path | None = None) -> bool:
        """Replace the data with a hand-over file (after showing what it holds and backing up)."""
        from nagato_desk.gui.handover_dialog import open_handover_file

        if not open_handover_file(self, self.db, self.settings.backups(self.db.path), self.lang, chosen):
            return False
        self.reload_sections()
        return True

    def reload_sections(self) -> None:
        """Every section is rebuilt on the data now in the file (after a restore, a hand-over, an undo)."""
        for section in SECTIONS:
            index = [key for key, _page in self.sections].index(section.key)
            old = self.sections[index][1]
            fresh = self._lazy(section)
            self.sections[index] = (section.key, fresh)
            self.pages[index] = fresh
            self.stack.insertWidget(index, fresh)
            self.stack.removeWidget(old)
            old.deleteLater()
        self.show_page(0)
        self.home.refresh()

    def _lazy(self, section: Section) -> LazyPage:
        holder = LazyPage(section.translated_title(), lambda: self._build(section, holder), self)
        return holder

    def _build(self, section: Section, holder: QWidget) -> QWidget:
        page = section.page_class()(self.db, self.settings, self.lang, holder)
        changed = getattr(page, "changed", None)  # pages whose edits change the home page's figures
        if changed is not None:
            changed.connect(self.home.refresh)
        return page

    def section_page(self, key: str) -> QWidget:
        """The page of a section (built now if it was not yet shown)."""
        holder = dict(self.sections)[key]
        return holder.page() if isinstance(holder, LazyPage) else holder

    @property
    def members(self):  # type: ignore[no-untyped-def]
        """The 会員 page (built on first use)."""
        return self.section_page("members")

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        backup = QAction(self.tr("Back up now to…"), self)
        backup.triggered.connect(lambda: self.settings_page.backup_now())
        file_menu.addAction(backup)
        restore = QAction(self.tr("Restore from a backup…"), self)
        restore.triggered.connect(lambda: self.restore_backup())
        file_menu.addAction(restore)
        handover = QAction(self.tr("Make a hand-over file…"), self)
        handover.triggered.connect(lambda: self.make_handover())
        file_menu.addAction(handover)
        take_over = QAction(self.tr("Open a hand-over file…"), self)
        take_over.triggered.connect(lambda: self.open_handover())
        file_menu.addAction(take_over)
        check = QAction(self.tr("Check the data…"), self)
        check.triggered.connect(self.check_data)
        file_menu.addAction(check)
        changes = QAction(self.tr("Change history…"), self)
        changes.triggered.connect(self.show_history)
        file_menu.addAction(changes)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        from nagato_desk.gui.undo_dialog import EditMenu  # 編集: 元に戻す (Ctrl+Z), 変更の取り消し…

        self.edit_menu = EditMenu(self)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        # ヘルプ → 使い方ガイド (F1), wherever the focus is; the guide window is built on first use
        self.help_action = QAction(QCoreApplication.translate("HelpWindow", "User guide"), self)
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.triggered.connect(lambda: self.open_guide())
        help_menu.addAction(self.help_action)
        self.addAction(self.help_action)
        about = QAction(self.tr("About Nagato Desk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def open_guide(self, chapter: str | None = None):  # type: ignore[no-untyped-def]
        from nagato_desk.gui.help_window import open_help

        return open_help(self, chapter)

    def check_data(self) -> None:
        from nagato_desk.gui.check_dialog import CheckDialog

        dialog = CheckDialog(self.db, self.lang, self)
        dialog.start()
        dialog.exec()

    def show_history(self) -> None:
        from nagato_desk.gui.history_dialog import HistoryDialog

        HistoryDialog(self.db, self.lang, self, self.settings.date_style).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Nagato Desk"),
            self.tr(
                "Nagato Desk %1\nRecords and documents for community council secretariats.\n\nData file: %2"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.db.path)),
        )

    def show_page(self, index: int) -> None:
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)
        else:
            self._row_changed(index)

    def _row_changed(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            return
        page = self.pages[index]
        page.refresh()  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(page)
        page.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.db.close()
        super().closeEvent(event)
