"""The side forms of the outline: a goal (基本目標: field chosen from the plan's list, title,
description) and an action (取組: what, committee, partners, years on the ten-year grid, cost)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from nagato_desk.errors import Problem, ValidationError
from nagato_desk.gui.plan_dialogs import text_box
from nagato_desk.gui.plan_year_grid import YearGrid
from nagato_desk.models import PLAN_FIELDS
from nagato_desk.money import format_yen, parse_yen
from nagato_desk.services.goals import GoalDraft
from nagato_desk.services.plan_actions import ActionDraft


class GoalForm(QWidget):
    submitted = Signal()  # Enter in the goal's title: save

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QComboBox(self)
        for name in PLAN_FIELDS:
            self.field.addItem(name, name)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. Everyone lives safely and in good health"))
        self.description = text_box(self, 90)
        self.title.returnPressed.connect(self.submitted)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Field"), self.field)
        form.addRow(self.tr("Goal"), self.title)
        form.addRow(self.tr("Description"), self.description)

    def set_draft(self, draft: GoalDraft | None) -> None:
        draft = draft or GoalDraft(field=PLAN_FIELDS[0], title="")
        index = self.field.findData(draft.field)
        if index < 0 and draft.field:  # a field no longer on the list still shows as it was written
            self.field.addItem(draft.field, draft.field)
            index = self.field.count() - 1
        self.field.setCurrentIndex(max(0, index))
        self.title.setText(draft.title)
        self.description.setPlainText(draft.description)

    def draft(self) -> GoalDraft:
        return GoalDraft(
            field=self.field.currentData() or "",
            title=self.title.text(),
            description=self.description.toPlainText(),
        )

    def set_read_only(self, read_only: bool) -> None:
        self.field.setEnabled(not read_only)
        self.title.setReadOnly(read_only)
        self.description.setReadOnly(read_only)

    def focus_field(self, field: str | None) -> None:
        (self.field if field == "field" else self.title).setFocus()


class ActionForm(QWidget):
    def __init__(self, date_style: str = "wareki", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. Make and sell bamboo charcoal with the university"))
        self.description = text_box(self, 56)
        self.committee = QComboBox(self)
        self.partners = QLineEdit(self)
        self.partners.setPlaceholderText(self.tr("e.g. university, local businesses"))
        self.cost = QLineEdit(self)
        self.cost.setPlaceholderText(self.tr("yen, e.g. 300,000"))
        self.years = YearGrid(date_style, self)
        # Enter moves on: what → details, partners → cost → the first year
        self.title.returnPressed.connect(self.description.setFocus)
        self.partners.returnPressed.connect(self.cost.setFocus)
        self.cost.returnPressed.connect(lambda: self.focus_field("years"))
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # the year grid goes under its label
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Action"), self.title)
        form.addRow(self.tr("Details"), self.description)
        form.addRow(self.tr("Committee"), self.committee)
        form.addRow(self.tr("Partners"), self.partners)
        form.addRow(self.tr("Estimated cost"), self.cost)
        form.addRow(self.tr("Years"), self.years)

    def set_committees(self, committees: Iterable[tuple[int, str]]) -> None:
        self.committee.clear()
        self.committee.addItem(self.tr("(none)"), 0)  # 0, not None: see plan_view.py
        for cid, name in committees:
            self.committee.addItem(name, cid)

    def set_period(self, years: Iterable[int]) -> None:
        self.years.set_period(years)

    def set_draft(self, draft: ActionDraft | None, committee_name: str = "") -> None:
        draft = draft or ActionDraft(title="")
        self.title.setText(draft.title)
        self.description.setPlainText(draft.description)
        index = self.committee.findData(draft.committee_id or 0)
        if index < 0 and draft.committee_id is not None:  # a committee in the trash still shows
            self.committee.addItem(committee_name or "?", draft.committee_id)
            index = self.committee.count() - 1
        self.committee.setCurrentIndex(max(0, index))
        self.partners.setText(draft.partners)
        self.cost.setText(format_yen(draft.estimated_cost) if draft.estimated_cost is not None else "")
        self.years.set_years(draft.years)

    def draft(self) -> ActionDraft:
        text = self.cost.text().strip()
        try:
            cost = parse_yen(text) if text else None
        except ValueError as exc:
            raise ValidationError(
                [Problem(f"概算事業費：{exc}", f"Cannot read the cost '{text}'.", field="estimated_cost")]
            ) from exc
        return ActionDraft(
            title=self.title.text(),
            description=self.description.toPlainText(),
            committee_id=self.committee.currentData() or None,
            partners=self.partners.text(),
            estimated_cost=cost,
            years=self.years.years(),
        )

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.title, self.partners, self.cost):
            edit.setReadOnly(read_only)
        self.description.setReadOnly(read_only)
        self.committee.setEnabled(not read_only)
        self.years.set_read_only(read_only)

    def focus_field(self, field: str | None) -> None:
        widgets = {
            "committee_id": self.committee,
            "estimated_cost": self.cost,
            "years": self.years,
            "partners": self.partners,
        }
        target = widgets.get(field or "", self.title)
        if target is self.years and self.years.boxes:
            target = next(iter(self.years.boxes.values()))
        target.setFocus()
