"""One agenda item (議案) on the right of the agenda: 報告事項 or 審議事項, the proposal and the discussion,
and for 審議事項 the vote — 賛成/反対/棄権 counts, 全会一致 or 賛成多数 — with the rule and the result
worked out as the counts are typed; the chair may decide otherwise, with a reason."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.link_pickers import PlanActionPicker
from nagato_desk.gui.meeting_widgets import fill_codes, set_code
from nagato_desk.models.agenda import AGENDA_SECTIONS, RESULTS, SUBJECTS, VOTE_METHODS, VOTE_RULES
from nagato_desk.services import votes as votes_service
from nagato_desk.services.votes import AgendaDraft


def needed_for(base: int, rule: str) -> int | None:
    """The fewest votes for that pass ``rule`` with ``base`` people counted (過半数 of 20 is 11)."""
    return next((n for n in range(base + 1) if votes_service.passes(n, base, rule)), None)


class AgendaEditor(QWidget):
    saved = Signal(int)  # the item's id after it was added or changed
    elect = Signal(int)  # 「役員選任…」 for this item

    def __init__(self, db: Database, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.meeting_id: int | None = None
        self.item_id: int | None = None
        self.plan_action_id: int | None = None
        self.base = 0  # 出席者数 with usable proxies and written votes: the base of majorities
        self.default_rule = "majority"
        self.heading = QLabel(self)
        self.heading.setProperty("role", "subtitle")
        self.section = QComboBox(self)
        fill_codes(self.section, AGENDA_SECTIONS)
        self.subject = QComboBox(self)
        self.subject.addItem(self.tr("(ordinary)"), "")
        for code, label in SUBJECTS.items():
            if code:
                self.subject.addItem(label, code)
        self.title_edit = QLineEdit(self)
        self.proposal = QPlainTextEdit(self)
        self.proposal.setTabChangesFocus(True)
        self.discussion = QPlainTextEdit(self)
        self.discussion.setTabChangesFocus(True)
        self.discussion.setPlaceholderText(self.tr("Questions and answers (質疑応答)"))
        self.plan = PlanActionPicker(db, self)
        self.method = QComboBox(self)
        fill_codes(self.method, VOTE_METHODS)
        self.votes_for = QSpinBox(self)
        self.votes_against = QSpinBox(self)
        self.votes_abstain = QSpinBox(self)
        for spin in (self.votes_for, self.votes_against, self.votes_abstain):
            spin.setRange(0, 99999)
        self.rule = QComboBox(self)
        fill_codes(self.rule, VOTE_RULES)
        self.result = QLabel(self)
        self.result.setObjectName("agendaResult")
        self.result.setWordWrap(True)
        self.result.setMinimumHeight(self.result.fontMetrics().lineSpacing() * 2 + 6)  # two lines fit
        self.override = QCheckBox(self.tr("The chair decided otherwise"), self)
        self.override_result = QComboBox(self)
        fill_codes(self.override_result, RESULTS)
        self.override_reason = QLineEdit(self)
        self.override_reason.setPlaceholderText(self.tr("Reason (required; printed in the minutes)"))
        self.elected = QLabel(self)
        self.elected.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save item"), self)
        mark_primary(self.save_button)
        self.save_button.setShortcut("Ctrl+S")
        self.elect_button = QPushButton(self.tr("Officers elected…"), self)
        self.save_button.clicked.connect(self.save)
        self.elect_button.clicked.connect(lambda: self.item_id is not None and self.elect.emit(self.item_id))

        counts = QHBoxLayout()
        for label, spin in (
            (self.tr("For"), self.votes_for),
            (self.tr("Against"), self.votes_against),
            (self.tr("Abstain"), self.votes_abstain),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(spin)
            counts.addWidget(caption)
            counts.addWidget(spin)
        counts.addStretch(1)
        override_row = QHBoxLayout()
        override_row.addWidget(self.override)
        override_row.addWidget(self.override_result)
        override_row.addWidget(self.override_reason, 1)
        self.vote_box = QGroupBox(self.tr("Vote"), self)
        vote_form = QFormLayout(self.vote_box)
        vote_form.addRow(self.tr("How"), self.method)
        vote_form.addRow(self.tr("Counts"), counts)
        vote_form.addRow(self.tr("Rule"), self.rule)
        vote_form.addRow(self.tr("Result"), self.result)
        vote_form.addRow(override_row)
        form = QFormLayout()
        form.addRow(self.tr("Section"), self.section)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Proposal"), self.proposal)
        form.addRow(self.tr("Discussion"), self.discussion)
        form.addRow(self.tr("Dream-plan action"), self.plan)
        buttons = QHBoxLayout()
        buttons.addWidget(self.elect_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form, 1)
        layout.addWidget(self.vote_box)
        layout.addWidget(self.elected)
        layout.addLayout(buttons)
        for combo in (self.section, self.method, self.rule, self.override_result, self.subject):
            combo.currentIndexChanged.connect(lambda _i: self.update_state())
        for spin in (self.votes_for, self.votes_against, self.votes_abstain):
            spin.valueChanged.connect(lambda _v: self.update_state())
        self.override.toggled.connect(lambda _c: self.update_state())
        self.subject.currentIndexChanged.connect(lambda _i: self._subject_changed())
        self.general_meeting = False
        self.clear(None)

    # --- loading -------------------------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None, base: int, default_rule: str, general: bool) -> None:
        self.meeting_id, self.base, self.default_rule = meeting_id, base, default_rule
        self.plan.reload()  # the plan may have changed since
        self.general_meeting = general
        self.update_state()

    def set_base(self, base: int) -> None:
        self.base = base
        self.update_state()

    def clear(self, section: str | None) -> None:
        """An empty form for a new item of ``section`` (None: nothing to edit)."""
        self.item_id, self.plan_action_id = None, None
        self._fill(AgendaDraft(title="", section=section or "deliberation", vote_rule=self.default_rule))
        self.heading.setText(self.tr("New item") if section else self.tr("Choose an item or add one."))
        self.elected.setText("")
        self.setEnabled(section is not None)
        if section:
            self.title_edit.setFocus()

    def load(self, item_id: int) -> None:
        with self.db.Session() as session:
            item = votes_service.get_agenda_item(session, item_id)
            draft = votes_service.agenda_draft_of(item)
            label = votes_service.item_label(item)
            from nagato_desk.services import elections as elections_service

            elected = [
                f"{r.role}{'（' + r.committee + '）' if r.committee else ''} {r.name}"
                for r in elections_service.elected_rows(session, item_id)
            ]
        self.item_id, self.plan_action_id = item_id, draft.plan_action_id
        self._fill(draft)
        self.heading.setText(label)
        self.elected.setText(self.tr("Elected: %1").replace("%1", "、".join(elected)) if elected else "")
        self.setEnabled(True)

    def _fill(self, draft: AgendaDraft) -> None:
        for widget in self._inputs():
            widget.blockSignals(True)
        set_code(self.section, draft.section)
        set_code(self.subject, draft.subject)
        self.title_edit.setText(draft.title)
        self.proposal.setPlainText(draft.proposal)
        self.discussion.setPlainText(draft.discussion)
        set_code(self.method, draft.vote_method or "none")
        self.votes_for.setValue(draft.votes_for or 0)
        self.votes_against.setValue(draft.votes_against or 0)
        self.votes_abstain.setValue(draft.votes_abstain or 0)
        set_code(self.rule, draft.vote_rule or self.default_rule)
        self.override.setChecked(bool(draft.override_result))
        set_code(self.override_result, draft.override_result or "passed")
        self.override_reason.setText(draft.override_reason)
        self.plan.reload(draft.plan_action_id)
        self.plan.set_value(draft.plan_action_id)
        for widget in self._inputs():
            widget.blockSignals(False)
        self.update_state()

    def _inputs(self) -> list[QWidget]:
        return [
            self.section, self.subject, self.method, self.rule, self.override, self.override_result,
            self.votes_for, self.votes_against, self.votes_abstain,
        ]  # fmt: skip

    def _subject_changed(self) -> None:
        if self.subject.currentData() == "rules":  # 規約改正: 3分の2以上 unless the council says otherwise
            set_code(self.rule, "two_thirds")

    # --- the live result -----------------------------------------------------------------------
    def update_state(self) -> None:
        deliberation = self.section.currentData() == "deliberation"
        method = self.method.currentData()
        self.vote_box.setEnabled(deliberation)
        for spin in (self.votes_for, self.votes_against, self.votes_abstain):
            spin.setEnabled(deliberation and method == "count")
        self.override_result.setEnabled(self.override.isChecked())
        self.override_reason.setEnabled(self.override.isChecked())
        self.elect_button.setVisible(self.general_meeting and deliberation)
        self.elect_button.setEnabled(self.item_id is not None)
        self.result.setText(
            self.result_text() if deliberation else self.tr("(report items are not voted on)")
        )

    def computed(self) -> str:
        """The result as the service will compute it; ValidationError when the vote cannot decide."""
        return votes_service.compute_result(
            self.method.currentData(),
            self.rule.currentData(),
            self.votes_for.value(),
            self.votes_against.value(),
            self.votes_abstain.value(),
            self.base,
        )

    def result_text(self) -> str:
        try:
            code = self.computed()
        except ValidationError as exc:
            self.result.setStyleSheet("color: #a3231a;")
            return exc.message(self.lang)
        self.result.setStyleSheet("font-weight: bold;")
        if not code:
            return self.tr("Not voted yet")
        text = votes_service.result_label(code)
        method, rule = self.method.currentData(), self.rule.currentData()
        if method == "count":
            base = self.base or sum(
                s.value() for s in (self.votes_for, self.votes_against, self.votes_abstain)
            )
            needed = needed_for(base, rule)
            text += (
                self.tr(" — %1 for (passes with %2 or more: %4 of %3 counted)")
                .replace("%1", str(self.votes_for.value()))
                .replace("%2", str(needed))
                .replace("%3", str(base))
                .replace("%4", VOTE_RULES[rule])
            )
        if self.override.isChecked():
            text += self.tr(" → the chair decided: %1").replace(
                "%1", votes_service.result_label(self.override_result.currentData())
            )
        return text

    # --- saving --------------------------------------------------------------------------------
    def draft(self) -> AgendaDraft:
        deliberation = self.section.currentData() == "deliberation"
        method = self.method.currentData() if deliberation else "none"
        counted = method == "count"
        override = deliberation and self.override.isChecked()
        return AgendaDraft(
            title=self.title_edit.text(),
            section=self.section.currentData(),
            proposal=self.proposal.toPlainText(),
            discussion=self.discussion.toPlainText(),
            subject=self.subject.currentData(),
            vote_method=method,
            votes_for=self.votes_for.value() if counted else None,
            votes_against=self.votes_against.value() if counted else None,
            votes_abstain=self.votes_abstain.value() if counted else None,
            vote_rule=self.rule.currentData(),
            override_result=self.override_result.currentData() if override else "",
            override_reason=self.override_reason.text() if override else "",
            plan_action_id=self.plan.value(),
        )

    def save(self) -> bool:
        if self.meeting_id is None:
            return False
        try:
            draft = self.draft()
            with self.db.session() as session:
                if self.item_id is None:
                    item_id = votes_service.add_agenda_item(session, self.meeting_id, draft).id
                else:
                    item_id = votes_service.update_agenda_item(session, self.item_id, draft).id
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            field = exc.problems[0].field if exc.problems else None
            widgets = {
                "title": self.title_edit,
                "vote_method": self.method,
                "votes_for": self.votes_for,
                "override_reason": self.override_reason,
                "override_result": self.override_result,
                "vote_rule": self.rule,
                "plan_action_id": self.plan,
            }
            widgets.get(field or "", self.title_edit).setFocus()
            return False
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return False
        self.item_id = item_id
        self.saved.emit(item_id)
        return True
