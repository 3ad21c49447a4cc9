"""会員: the membership of the council — the member list and, beside it, households, officers,
committees, organisations and the figures (会員の状況), one tab each; importing the roster the council
already keeps in Excel, and exporting the rosters."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from nagato_desk.database import Database
from nagato_desk.gui.committees_tab import CommitteesTab
from nagato_desk.gui.households_tab import HouseholdsTab
from nagato_desk.gui.member_list import MemberList
from nagato_desk.gui.member_stats_tab import MemberStatsTab
from nagato_desk.gui.officers_tab import OfficersTab
from nagato_desk.gui.organisations_tab import OrganisationsTab
from nagato_desk.settings import Settings


class MembersPage(QWidget):
    changed = Signal()  # the members changed: the home page's figures follow

    def __init__(
        self, db: Database, settings: Settings, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.lang = lang
        heading = QLabel(self.tr("Members"), self)
        heading.setProperty("role", "title")
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setToolTip(self.tr("Add members from the Excel or CSV list you already keep"))
        self.export_button = QPushButton(self.tr("Export roster…"), self)
        self.export_button.setToolTip(
            self.tr("Save the member roster, officer list and more as PDF or Excel")
        )
        self.import_button.clicked.connect(self.import_members)
        self.export_button.clicked.connect(self.export_lists)
        QShortcut(QKeySequence("Ctrl+I"), self, self.import_members)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_lists)
        self.tabs = QTabWidget(self)
        style = settings.date_style
        self.member_list = MemberList(db, style, lang, self)
        self.member_list.changed.connect(self.changed)
        # tabs not shown yet read nothing: refresh_current() fills a tab when it is shown
        self.households = HouseholdsTab(db, style, lang, self, load=False)
        self.officers = OfficersTab(db, style, lang, self, load=False)
        self.committees = CommitteesTab(db, style, lang, self)
        self.organisations = OrganisationsTab(db, lang, self)
        self.stats = MemberStatsTab(db, style, lang, self, load=False)
        # (stable key for screenshots and the guide, tab) in the order shown
        self.tab_pages: list[tuple[str, QWidget]] = [
            ("list", self.member_list),
            ("households", self.households),
            ("officers", self.officers),
            ("committees", self.committees),
            ("organisations", self.organisations),
            ("stats", self.stats),
        ]
        for widget, title in (
            (self.member_list, self.tr("Member list")),
            (self.households, self.tr("Households")),
            (self.officers, self.tr("Officers")),
            (self.committees, self.tr("Committees")),
            (self.organisations, self.tr("Organisations")),
            (self.stats, self.tr("Figures")),
        ):
            self.tabs.addTab(widget, title)
        for tab in (self.households, self.officers, self.committees):
            # their changes show in the member list (status, 自治会, filters by role and committee)
            tab.changed.connect(lambda: self.member_list.after_change(None))
        # a committee deleted or restored leaves or comes back in the member list's 部会 filter
        self.committees.changed.connect(self.member_list.reload_choices)
        self.tabs.currentChanged.connect(lambda _i: self.refresh_current())
        head = QHBoxLayout()
        head.addWidget(heading, 1)
        head.addWidget(self.import_button)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)

    def page_title(self) -> str:
        return self.tr("Members")

    def show_tab(self, key: str) -> None:
        index = next(i for i, (k, _w) in enumerate(self.tab_pages) if k == key)
        self.tabs.setCurrentIndex(index)

    def refresh(self) -> None:
        style = self.settings.date_style
        self.member_list.date_style = style
        for tab in (self.households, self.officers, self.committees, self.stats):
            tab.date_style = style
        self.member_list.reload_choices()
        self.refresh_current()

    def refresh_current(self) -> None:
        """The tab shown is read again: another tab (or the import) may have changed what it lists."""
        widget = self.tabs.currentWidget()
        if widget is not self.member_list:
            widget.refresh()  # type: ignore[attr-defined]

    def import_members(self) -> None:
        from nagato_desk.gui.member_import_wizard import MemberImportWizard

        wizard = MemberImportWizard(
            self.db, self.settings.date_style, self.lang, self, settings=self.settings
        )
        wizard.imported.connect(lambda _result: self.after_import())
        wizard.exec()

    def after_import(self) -> None:
        self.member_list.reload_choices()  # the import may have made 班 and 部会
        self.member_list.after_change(None)
        self.refresh_current()

    def export_lists(self):  # type: ignore[no-untyped-def]
        from nagato_desk.gui.export_dialog import ExportDialog

        dialog = ExportDialog(self.db, self.settings.date_style, self.lang, self)
        dialog.exec()
        return dialog
