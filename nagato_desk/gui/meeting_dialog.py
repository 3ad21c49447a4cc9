"""The meeting form (新しい会議 / 会議の編集): kind, date, times, place, who may attend, 議長, 記録者 and
the two 議事録署名人, chosen from the roster."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.date_field import DateField
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.meeting_widgets import MemberChoice, fill_codes, parse_time_text, set_code
from nagato_desk.models.meeting import ELIGIBILITY, MEETING_KINDS
from nagato_desk.services import committees as committees_service
from nagato_desk.services import meetings as meetings_service
from nagato_desk.services.meetings import DEFAULT_ELIGIBILITY, MeetingDraft


class MeetingDialog(QDialog):
    """After ``exec()`` returns true, ``meeting_id`` is the meeting added or changed."""

    def __init__(
        self,
        db: Database,
        date_style: str,
        meeting_id: int | None = None,
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.meeting_id = meeting_id
        self.setWindowTitle(self.tr("New meeting") if meeting_id is None else self.tr("Edit meeting"))
        self.kind = QComboBox(self)
        fill_codes(self.kind, MEETING_KINDS)
        self.committee = QComboBox(self)
        self.committee.addItem(self.tr("(none)"), None)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Leave empty for the usual name (e.g. 令和8年度定期総会)"))
        self.held_on = DateField(date_style, date.today(), field="held_on", parent=self)
        self.starts = QLineEdit(self)
        self.starts.setPlaceholderText("13:30")
        self.ends = QLineEdit(self)
        self.ends.setPlaceholderText("15:00")
        self.place = QLineEdit(self)
        self.eligibility = QComboBox(self)
        fill_codes(self.eligibility, ELIGIBILITY)
        self.chair = MemberChoice(db, self.tr("Choose the chair"), lang, self)
        self.recorder = MemberChoice(db, self.tr("Choose the recorder"), lang, self)
        self.recorder_name = QLineEdit(self)
        self.recorder_name.setPlaceholderText(self.tr("or a name, when the recorder is not a member"))
        self.signer1 = MemberChoice(db, self.tr("Choose the first minute signer"), lang, self)
        self.signer2 = MemberChoice(db, self.tr("Choose the second minute signer"), lang, self)
        self.notes = QLineEdit(self)
        self.number = QLabel(self)
        self.number.setProperty("role", "subtitle")
        with db.Session() as session:
            for committee in committees_service.list_committees(session):
                self.committee.addItem(committee.name, committee.id)
            if meeting_id is not None:
                meeting = meetings_service.get_meeting(session, meeting_id)
                draft = meetings_service.draft_of(meeting)
                number = meeting.number
            else:
                draft, number = None, meetings_service.next_number(session)
        self.number.setText(self.tr("Meeting number %1").replace("%1", str(number)))
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel("〜", self))
        times.addWidget(self.ends)
        times.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Committee"), self.committee)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Date"), self.held_on)
        form.addRow(self.tr("Time (start – end)"), times)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Who may attend"), self.eligibility)
        form.addRow(self.tr("Chair"), self.chair)
        form.addRow(self.tr("Recorder"), self.recorder)
        form.addRow("", self.recorder_name)
        form.addRow(self.tr("Minute signer 1"), self.signer1)
        form.addRow(self.tr("Minute signer 2"), self.signer2)
        form.addRow(self.tr("Notes"), self.notes)
        hint = QLabel(
            self.tr(
                "Everyone who may attend is listed as absent until attendance is taken. "
                "For “chosen people” add them on the attendance tab."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "subtitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(dialog_buttons(self, self.tr("Save")))
        self.resize(720, 640)
        if draft is not None:
            self._load(draft)
        else:
            set_code(self.eligibility, DEFAULT_ELIGIBILITY["general"])
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.eligibility.currentIndexChanged.connect(lambda _i: self._update_committee())
        self._update_committee()
        self.kind.setFocus()

    def _load(self, draft: MeetingDraft) -> None:
        set_code(self.kind, draft.kind)
        set_code(self.committee, draft.committee_id)
        self.title_edit.setText(draft.title)
        self.held_on.set_date(draft.held_on)
        self.starts.setText(meetings_service.time_text(draft.starts_at))
        self.ends.setText(meetings_service.time_text(draft.ends_at))
        self.place.setText(draft.place)
        set_code(self.eligibility, draft.eligibility)
        self.chair.set_member(draft.chair_member_id)
        self.recorder.set_member(draft.recorder_member_id)
        self.recorder_name.setText(draft.recorder_name)
        signers = list(draft.signer_ids) + [None, None]
        self.signer1.set_member(signers[0])
        self.signer2.set_member(signers[1])
        self.notes.setText(draft.notes)

    def _kind_changed(self) -> None:
        set_code(self.eligibility, DEFAULT_ELIGIBILITY.get(self.kind.currentData(), "members"))
        self._update_committee()

    def _update_committee(self) -> None:
        needed = self.kind.currentData() == "committee" or self.eligibility.currentData() == "committee"
        self.committee.setEnabled(needed)

    def draft(self) -> MeetingDraft:
        problems = []
        starts = ends = None
        try:
            starts = parse_time_text(self.starts.text(), "starts_at", "開始時刻")
        except ValidationError as exc:
            problems += exc.problems
        try:
            ends = parse_time_text(self.ends.text(), "ends_at", "終了時刻")
        except ValidationError as exc:
            problems += exc.problems
        if problems:
            raise ValidationError(problems)
        return MeetingDraft(
            kind=self.kind.currentData(),
            held_on=self.held_on.value(),  # type: ignore[arg-type]  # required: never None
            title=self.title_edit.text(),
            starts_at=starts,
            ends_at=ends,
            place=self.place.text(),
            committee_id=self.committee.currentData() if self.committee.isEnabled() else None,
            eligibility=self.eligibility.currentData(),
            chair_member_id=self.chair.member_id,
            recorder_member_id=self.recorder.member_id,
            recorder_name=self.recorder_name.text(),
            signer_ids=[s.member_id for s in (self.signer1, self.signer2) if s.member_id is not None],
            notes=self.notes.text(),
        )

    def accept(self) -> None:
        try:
            draft = self.draft()
            with self.db.session() as session:
                if self.meeting_id is None:
                    self.meeting_id = meetings_service.add_meeting(session, draft).id
                else:
                    meetings_service.update_meeting(session, self.meeting_id, draft)
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            field = exc.problems[0].field if exc.problems else None
            widgets = {
                "kind": self.kind,
                "held_on": self.held_on,
                "date": self.held_on,
                "starts_at": self.starts,
                "ends_at": self.ends,
                "committee_id": self.committee,
                "eligibility": self.eligibility,
                "title": self.title_edit,
                "place": self.place,
                "chair_member_id": self.chair,
                "recorder_member_id": self.recorder,
                "signer_ids": self.signer1,
            }
            widgets.get(field or "", self.kind).setFocus()
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()
