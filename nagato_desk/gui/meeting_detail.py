"""One meeting: who chairs, records and signs, then 出欠 (attendance and the quorum), 議事 (the agenda
and votes) and 決まった取組 (actions agreed), one tab each."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from nagato_desk.database import Database
from nagato_desk.dates import format_date
from nagato_desk.errors import NagatoError
from nagato_desk.gui.agenda_panel import AgendaPanel
from nagato_desk.gui.attendance_panel import AttendancePanel
from nagato_desk.gui.meeting_actions import ActionsList
from nagato_desk.gui.meeting_dialog import MeetingDialog
from nagato_desk.services import meetings as meetings_service


class MeetingDetail(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.meeting_id: int | None = None
        self.number: int | None = None
        self.fiscal_year: int | None = None
        self.label = ""  # 「No.12 令和8年5月20日 令和8年度定期総会」
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setWordWrap(True)
        self.people = QLabel(self)
        self.people.setProperty("role", "subtitle")
        self.people.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit meeting…"), self)
        self.edit_button.clicked.connect(self.edit_meeting)
        self.attendance = AttendancePanel(db, lang, self)
        self.agenda = AgendaPanel(db, date_style, lang, self)
        self.actions = ActionsList(db, date_style, lang, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.attendance, self.tr("Attendance"))
        self.tabs.addTab(self.agenda, self.tr("Agenda and votes"))
        self.tabs.addTab(self.actions, self.tr("Actions agreed"))
        self.attendance.changed.connect(self._attendance_changed)
        self.agenda.changed.connect(self._agenda_changed)
        self.actions.changed.connect(self.changed)
        head = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.people)
        head.addLayout(text, 1)
        head.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.load(None)

    def load(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.number = self.fiscal_year = None
        self.label = ""
        if meeting_id is None:
            self.heading.setText(self.tr("Choose a meeting in the list, or add one."))
            self.people.setText("")
        else:
            with self.db.Session() as session:
                m = meetings_service.get_meeting(session, meeting_id, in_trash_ok=True)
                self.number, self.fiscal_year = m.number, m.fiscal_year
                label = (
                    f"No.{m.number} {format_date(m.held_on, self.date_style)} "
                    f"{meetings_service.meeting_title(m)}"
                )
                times = "〜".join(t for t in (m.starts_at, m.ends_at) if t)
                place = m.place
                chair = m.chair.name if m.chair else ""
                recorder = m.recorder.name if m.recorder else m.recorder_name
                signers = "、".join(s.member.name for s in m.signers)
            self.label = label
            self.heading.setText(" ".join(p for p in (label, times, place) if p))
            parts = [
                (self.tr("Chair"), chair),
                (self.tr("Recorder"), recorder),
                (self.tr("Minute signers"), signers),
            ]
            nobody = self.tr("(not chosen)")
            self.people.setText("　".join(f"{name}: {value or nobody}" for name, value in parts))
        self.edit_button.setEnabled(meeting_id is not None)
        self.attendance.load(meeting_id)
        self.agenda.load(meeting_id)
        self.actions.load(meeting_id)

    def refresh(self) -> None:
        if self.meeting_id is not None:
            try:
                self.load(self.meeting_id)
            except NagatoError:  # the meeting went away meanwhile (a restored backup)
                self.load(None)

    def show_part(self, key: str) -> None:
        self.tabs.setCurrentIndex({"attendance": 0, "agenda": 1, "actions": 2}[key])

    def edit_meeting(self) -> None:
        if self.meeting_id is None:
            return
        if MeetingDialog(self.db, self.date_style, self.meeting_id, self.lang, self).exec():
            self.load(self.meeting_id)
            self.changed.emit()

    def _attendance_changed(self) -> None:
        self.agenda.attendance_changed()
        self.changed.emit()

    def _agenda_changed(self) -> None:
        self.actions.load(self.meeting_id)  # an action's agenda item may have gone
        self.changed.emit()
