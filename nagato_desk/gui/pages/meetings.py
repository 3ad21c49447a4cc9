"""会議・議事録: the meetings of the council (総会, 役員会, 部会 …) — the list, one meeting's attendance
(with the quorum), agenda and votes, the open actions of every meeting and the register of
resolutions, one tab each; and the documents: 議事録, 出席簿, 委任状, 書面表決書, 開催通知, 議決事項一覧."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import fiscal_year_of, format_date
from nagato_desk.gui.meeting_actions import ActionsList
from nagato_desk.gui.meeting_detail import MeetingDetail
from nagato_desk.gui.meeting_list import MeetingList
from nagato_desk.gui.meeting_resolutions import ResolutionsTab
from nagato_desk.services.meeting_views import meeting_years
from nagato_desk.settings import Settings

#: the documents of the section: (report key, name shown), meeting documents first
DOCUMENTS = (
    ("minutes", QT_TRANSLATE_NOOP("MeetingsPage", "Minutes (議事録)")),
    ("attendance-sheet", QT_TRANSLATE_NOOP("MeetingsPage", "Attendance sheet (出席簿)")),
    ("proxy-form", QT_TRANSLATE_NOOP("MeetingsPage", "Proxy form (委任状)")),
    ("written-vote", QT_TRANSLATE_NOOP("MeetingsPage", "Written vote form (書面表決書)")),
    ("notice", QT_TRANSLATE_NOOP("MeetingsPage", "Notice of the meeting (開催通知)")),
    ("resolutions", QT_TRANSLATE_NOOP("MeetingsPage", "Resolutions of the year (議決事項一覧)")),
)


class MeetingsPage(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, settings: Settings, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.lang = lang
        heading = QLabel(self.tr("Meetings"), self)
        heading.setProperty("role", "title")
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(
            self.tr("Save the minutes, attendance sheet, forms, notice or resolutions as PDF or Excel")
        )
        self.export_button.clicked.connect(self.export_documents)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_documents)
        style = settings.date_style
        self.meeting_list = MeetingList(db, style, lang, self)
        self.detail = MeetingDetail(db, style, lang, self)
        self.actions = ActionsList(db, style, lang, self, across=True)
        self.resolutions = ResolutionsTab(db, style, lang, self)
        self.tabs = QTabWidget(self)
        self.tab_pages: list[tuple[str, QWidget]] = [
            ("list", self.meeting_list),
            ("meeting", self.detail),
            ("actions", self.actions),
            ("resolutions", self.resolutions),
        ]
        for widget, title in (
            (self.meeting_list, self.tr("Meeting list")),
            (self.detail, self.tr("Attendance and agenda")),
            (self.actions, self.tr("Open actions")),
            (self.resolutions, self.tr("Resolutions")),
        ):
            self.tabs.addTab(widget, title)
        self.meeting_list.open_meeting.connect(self.open_meeting)
        self.actions.open_meeting.connect(self.open_meeting)
        self.resolutions.open_meeting.connect(self.open_meeting)
        for widget in (self.meeting_list, self.detail, self.actions):
            widget.changed.connect(self.changed)
        self.tabs.currentChanged.connect(lambda _i: self.refresh_current())
        head = QHBoxLayout()
        head.addWidget(heading, 1)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)

    def page_title(self) -> str:
        return self.tr("Meetings")

    def show_tab(self, key: str) -> None:
        index = next(i for i, (k, _w) in enumerate(self.tab_pages) if k == key)
        self.tabs.setCurrentIndex(index)

    def refresh(self) -> None:
        style = self.settings.date_style
        for tab in (self.meeting_list, self.detail, self.actions, self.resolutions):
            tab.date_style = style
        self.detail.agenda.date_style = style
        self.detail.actions.date_style = style
        self.refresh_current()

    def refresh_current(self) -> None:
        """The tab shown is read again: another tab may have changed what it lists."""
        widget = self.tabs.currentWidget()
        if widget is self.detail:
            if self.detail.meeting_id is None:
                self.detail.load(self.meeting_list.selected_id())
            else:
                self.detail.refresh()
        elif widget is self.meeting_list:
            self.meeting_list.refresh()
        else:
            widget.refresh()  # type: ignore[attr-defined]

    def open_meeting(self, meeting_id: int) -> None:
        """Show one meeting's attendance and agenda (from the list, an action or a resolution)."""
        self.meeting_list.select_meeting(meeting_id)
        self.detail.load(meeting_id)
        self.tabs.blockSignals(True)
        self.show_tab("meeting")
        self.tabs.blockSignals(False)
        self.detail.attendance.setFocus()

    def current_meeting(self) -> tuple[int | None, int | None, str]:
        """(number, fiscal year, name) of the meeting the documents are about: the one open, else
        the one selected in the list."""
        if self.tabs.currentWidget() is self.detail and self.detail.number is not None:
            return self.detail.number, self.detail.fiscal_year, self.detail.label
        row = self.meeting_list.selected()
        if row is not None:
            name = f"No.{row.number} {format_date(row.held_on, self.settings.date_style)} {row.title}"
            return row.number, fiscal_year_of(row.held_on), name
        return self.detail.number, self.detail.fiscal_year, self.detail.label

    def export_dialog(self):  # type: ignore[no-untyped-def]
        """The documents of the meeting chosen (named at the top) and the resolutions of a year
        (the year asked only for them)."""
        from nagato_desk.gui.document_export import SaveDocumentDialog

        number, fiscal_year, name = self.current_meeting()
        with self.db.Session() as session:
            years = meeting_years(session)
        current = fiscal_year or fiscal_year_of(date.today())
        years = [current] + [y for y in years if y != current]
        documents = [
            (key, QCoreApplication.translate("MeetingsPage", text))
            for key, text in DOCUMENTS
            if number is not None or key == "resolutions"
        ]
        dialog = SaveDocumentDialog(
            self.db,
            self.settings.date_style,
            self.lang,
            documents,
            years=years,
            meeting=str(number) if number is not None else None,
            parent=self,
        )
        about = QLabel(self.tr("Meeting: %1").replace("%1", name), dialog)
        about.setWordWrap(True)
        about.setProperty("role", "subtitle")
        dialog.layout().insertWidget(0, about)
        dialog.meeting_label = about  # type: ignore[attr-defined]  # the guide and the tests read it
        form = next(
            (
                item.layout()
                for item in (dialog.layout().itemAt(i) for i in range(dialog.layout().count()))
                if isinstance(item.layout(), QFormLayout)
            ),
            None,
        )

        def document_changed() -> None:
            for_year = dialog.key() == "resolutions"
            about.setVisible(not for_year and number is not None)
            if form is not None:
                form.setRowVisible(dialog.year, for_year)

        dialog.document.currentIndexChanged.connect(lambda _i: document_changed())
        if number is None:
            dialog.set_document("resolutions")
        document_changed()
        return dialog

    def export_documents(self):  # type: ignore[no-untyped-def]
        dialog = self.export_dialog()
        dialog.exec()
        return dialog

    def screenshots(self, save) -> None:  # type: ignore[no-untyped-def]
        """The section's dialogs and the agenda of a 総会, for the guide."""
        from nagato_desk.gui.agenda_election import ElectionDialog
        from nagato_desk.gui.meeting_action_dialog import ActionDialog
        from nagato_desk.gui.meeting_dialog import MeetingDialog

        style = self.settings.date_style
        meeting_id = self.meeting_list.selected_id()
        save(MeetingDialog(self.db, style, meeting_id, self.lang, self), "meeting-dialog")
        general = next((r.id for r in self.meeting_list.model.rows if r.kind == "general"), meeting_id)
        if general is not None:
            self.open_meeting(general)  # the 総会: votes with counts and the 役員選任
            window = self.window()
            items = self.detail.agenda.items
            self.detail.show_part("agenda")
            items.setCurrentCell(items.rowCount() - 1, 0)
            save(window, "meetings-meeting-agenda")
            self.detail.show_part("actions")
            save(window, "meetings-meeting-actions")
            self.detail.show_part("attendance")
            save(ActionDialog(self.db, style, general, None, self.lang, self), "meeting-action-dialog")
            election = next(
                (
                    items.item(row, 0).data(Qt.ItemDataRole.UserRole)
                    for row in range(items.rowCount())
                    if items.item(row, 1).text().startswith("役員")
                ),
                None,
            )
            if election is not None:
                save(ElectionDialog(self.db, style, election, self.lang, self), "meeting-election-dialog")
        save(self.export_dialog(), "meeting-export")
        self.show_tab("list")
