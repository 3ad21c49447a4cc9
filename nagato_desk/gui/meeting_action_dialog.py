"""The form of an action agreed at a meeting (決まった取組): what, who (a member or in words), by when,
done when, and the agenda item it came from."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.date_field import DateField
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.link_pickers import PlanActionPicker
from nagato_desk.gui.meeting_widgets import MemberChoice, set_code
from nagato_desk.services import meeting_actions as actions_service
from nagato_desk.services import votes as votes_service
from nagato_desk.services.meeting_actions import ActionDraft


class ActionDialog(QDialog):
    """New action of ``meeting_id`` (``action_id`` None) or an existing one; ``action_id`` after OK."""

    def __init__(
        self,
        db: Database,
        date_style: str,
        meeting_id: int,
        action_id: int | None = None,
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.meeting_id = meeting_id
        self.action_id = action_id
        self.plan_action_id: int | None = None
        self.setWindowTitle(self.tr("New action") if action_id is None else self.tr("Edit action"))
        self.what = QLineEdit(self)
        self.what.setPlaceholderText(self.tr("What is to be done"))
        self.who = MemberChoice(db, self.tr("Choose who does it"), lang, self)
        self.who_text = QLineEdit(self)
        self.who_text.setPlaceholderText(self.tr("or who in words (事務局, 福祉部会 …)"))
        self.due_date = DateField(date_style, None, field="due_on", required=False, parent=self)
        self.done_date = DateField(date_style, None, field="done_on", required=False, parent=self)
        self.item = QComboBox(self)
        self.item.addItem(self.tr("(none)"), 0)  # 0, not None: see plan_view.py
        self.note = QLineEdit(self)
        self.plan = PlanActionPicker(db, self)
        with db.Session() as session:
            for item in votes_service.meeting_agenda(session, meeting_id):
                self.item.addItem(f"{votes_service.item_label(item)} {item.title}", item.id)
            draft = (
                actions_service.action_draft_of(actions_service.get_action(session, action_id))
                if action_id is not None
                else None
            )
        form = QFormLayout()
        form.addRow(self.tr("What"), self.what)
        form.addRow(self.tr("Who"), self.who)
        form.addRow("", self.who_text)
        form.addRow(self.tr("By when"), self.due_date)
        form.addRow(self.tr("Done on"), self.done_date)
        form.addRow(self.tr("Agenda item"), self.item)
        form.addRow(self.tr("Dream-plan action"), self.plan)
        form.addRow(self.tr("Notes"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Save")))
        self.resize(680, 360)
        if draft is not None:
            self.what.setText(draft.what)
            self.who.set_member(draft.who_member_id)
            self.who_text.setText(draft.who_text)
            self.due_date.set_date(draft.due_on)
            self.done_date.set_date(draft.done_on)
            set_code(self.item, draft.agenda_item_id or 0)
            self.note.setText(draft.note)
            self.plan_action_id = draft.plan_action_id
            self.plan.reload(draft.plan_action_id)
        self.what.setFocus()

    def draft(self) -> ActionDraft:
        return ActionDraft(
            what=self.what.text(),
            who_member_id=self.who.member_id,
            who_text=self.who_text.text(),
            due_on=self.due_date.value(),
            done_on=self.done_date.value(),
            agenda_item_id=self.item.currentData() or None,
            note=self.note.text(),
            plan_action_id=self.plan.value(),
        )

    def accept(self) -> None:
        try:
            draft = self.draft()
            with self.db.session() as session:
                if self.action_id is None:
                    self.action_id = actions_service.add_action(session, self.meeting_id, draft).id
                else:
                    actions_service.update_action(session, self.action_id, draft)
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            field = exc.problems[0].field if exc.problems else None
            widgets = {
                "due_on": self.due_date,
                "done_on": self.done_date,
                "who_member_id": self.who,
                "plan_action_id": self.plan,
            }
            widgets.get(field or "", self.what).setFocus()
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()
