"""The plan's own dialogs: the plan form (title, period, vision, current state and issues, survey
results, adoption) and the mid-term revision (見直し: the date and what was revised)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.errors import NagatoError, Problem, ValidationError
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.date_field import DateField
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.link_pickers import MeetingLinkPicker
from nagato_desk.gui.plan_survey import SurveyEditor
from nagato_desk.services import associations as associations_service
from nagato_desk.services import plans as plans_service
from nagato_desk.services.plans import PlanDraft


def text_box(parent: QWidget, height: int = 64) -> QPlainTextEdit:
    """A few lines of text; Tab moves on to the next field."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class PlanDialog(QDialog):
    """Create the plan (``plan_id`` None) or edit its current version."""

    def __init__(
        self,
        db: Database,
        date_style: str,
        plan_id: int | None = None,
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.date_style = date_style
        self.plan_id = plan_id
        self.setWindowTitle(self.tr("New dream plan") if plan_id is None else self.tr("Edit the plan"))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. Utsuka dream plan"))
        self.start_year = QSpinBox(self)
        self.start_year.setRange(1990, 2100)
        self.start_year.setValue(fiscal_year_of(date.today()))
        self.period = QLabel(self)
        self.period.setProperty("role", "subtitle")
        self.start_year.valueChanged.connect(lambda _v: self._show_period())
        self.vision = text_box(self)
        self.current_state = text_box(self)
        self.issues = text_box(self)
        self.survey = text_box(self)
        self.survey_items = SurveyEditor(self)
        self.figures_year = QComboBox(self)
        self.figures_year.addItem(self.tr("The latest recorded"), 0)  # 0, not None: see plan_view.py
        self.adopted_on = DateField(date_style, None, field="adopted_on", required=False, parent=self)
        self.meeting_id: int | None = None  # → meeting.id
        self.meeting = MeetingLinkPicker(db, date_style, self)
        self.meeting.setToolTip(self.tr("The meeting that adopted the plan (策定した会議)"))
        with db.Session() as session:
            for fy in sorted(associations_service.figure_years(session), reverse=True):
                self.figures_year.addItem(format_fiscal_year(fy, date_style), fy)
            if plan_id is not None:
                plan = plans_service.get_plan(session, plan_id)
                draft = plans_service.draft_of(plan.versions[-1])
                self.survey_items.load(plan.versions[-1].survey_items)
                revised = len(plan.versions) > 1
            else:
                draft, revised = None, False
        period_row = QHBoxLayout()
        period_row.addWidget(self.start_year)
        period_row.addWidget(self.period, 1)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("First fiscal year"), period_row)
        form.addRow(self.tr("Vision (future image)"), self.vision)
        form.addRow(self.tr("Current state"), self.current_state)
        form.addRow(self.tr("Issues"), self.issues)
        form.addRow(self.tr("Survey results"), self.survey)
        form.addRow(self.tr("Survey figures"), self.survey_items)
        form.addRow(self.tr("Population figures of"), self.figures_year)
        form.addRow(self.tr("Adopted on"), self.adopted_on)
        form.addRow(self.tr("Adopted at"), self.meeting)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Save")))
        self.resize(800, 760)
        if draft is not None:
            self.title.setText(draft.title)
            self.start_year.setValue(draft.start_year)
            self.vision.setPlainText(draft.vision)
            self.current_state.setPlainText(draft.current_state)
            self.issues.setPlainText(draft.issues)
            self.survey.setPlainText(draft.survey_summary)
            self.figures_year.setCurrentIndex(max(0, self.figures_year.findData(draft.figures_year or 0)))
            self.adopted_on.set_date(draft.adopted_on)
            self.meeting_id = draft.adopted_meeting_id
            self.meeting.reload(draft.adopted_meeting_id)
        if revised:
            self.start_year.setEnabled(False)
            self.start_year.setToolTip(self.tr("The period of a revised plan cannot be moved"))
        self._show_period()
        self.title.setFocus()

    def _show_period(self) -> None:
        fy = self.start_year.value()
        try:
            text = f"{format_fiscal_year(fy, self.date_style)}〜{format_fiscal_year(fy + 9, self.date_style)}"
        except ValueError:
            text = ""
        self.period.setText(self.tr("Ten years: %1").replace("%1", text))

    def draft(self) -> PlanDraft:
        return PlanDraft(
            title=self.title.text(),
            start_year=self.start_year.value(),
            vision=self.vision.toPlainText(),
            current_state=self.current_state.toPlainText(),
            issues=self.issues.toPlainText(),
            survey_summary=self.survey.toPlainText(),
            figures_year=self.figures_year.currentData() or None,
            adopted_on=self.adopted_on.value(),
            adopted_meeting_id=self.meeting.value(),
        )

    def accept(self) -> None:
        try:
            draft = self.draft()
            with self.db.session() as session:
                if self.plan_id is None:
                    plan_id = plans_service.create_plan(session, draft).id
                else:
                    plan_id = self.plan_id
                    plans_service.update_plan(session, plan_id, draft)
                self._save_survey(session, plans_service.current_version(session, plan_id).id)
            self.plan_id = plan_id
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            field = exc.problems[0].field if exc.problems else None
            widgets = {
                "start_year": self.start_year,
                "adopted_on": self.adopted_on,
                "adopted_meeting_id": self.meeting,
                "question": self.survey_items.table,
                "value": self.survey_items.table,
            }
            widgets.get(field or "", self.title).setFocus()
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()

    def _save_survey(self, session, version_id: int) -> None:  # type: ignore[no-untyped-def]
        for item_id in self.survey_items.removed_ids:
            plans_service.delete_survey_item(session, item_id)
        for item_id, survey_draft in self.survey_items.rows():
            if item_id is None:
                plans_service.add_survey_item(session, version_id, survey_draft)
            else:
                plans_service.update_survey_item(session, item_id, survey_draft)


class RevisionDialog(QDialog):
    """見直し: on which date, and what was revised; ``on`` and ``note`` hold them after OK."""

    def __init__(self, date_style: str, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.on: date | None = None
        self.note = ""
        self.setWindowTitle(self.tr("Mid-term revision"))
        text = QLabel(
            self.tr(
                "A revision makes a new version of the plan with its goals, actions, indicators and "
                "evaluations. The current version is kept as it is and can still be read."
            ),
            self,
        )
        text.setWordWrap(True)
        self.date = DateField(date_style, date.today(), field="revised_on", parent=self)
        self.note_edit = text_box(self, 90)
        self.note_edit.setPlaceholderText(self.tr("e.g. goals reviewed after the resident survey"))
        form = QFormLayout()
        form.addRow(self.tr("Revised on"), self.date)
        form.addRow(self.tr("What is revised"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Make the new version")))
        self.resize(620, 300)
        self.date.setFocus()

    def accept(self) -> None:
        try:
            self.on = self.date.value()
            self.note = self.note_edit.toPlainText().strip()
            if not self.note:
                raise ValidationError(
                    [Problem("見直しの内容を入力してください。", "Describe the revision.", field="note")]
                )
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            (self.note_edit if self.on is not None else self.date).setFocus()
            return
        super().accept()
