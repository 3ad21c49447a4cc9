"""An indicator's form (指標): its name and unit, whether higher or lower is better, the baseline
(value and year), the final target, and the goal or action it measures."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from nagato_desk.database import Database
from nagato_desk.dates import format_fiscal_year
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.plan_view import PlanView
from nagato_desk.models import DIRECTIONS
from nagato_desk.services import goals as goals_service
from nagato_desk.services import indicators as indicators_service
from nagato_desk.services.indicators import IndicatorDraft
from nagato_desk.services.plan_values import format_value


def value_text(value) -> str:  # type: ignore[no-untyped-def]
    """A value as the user may type it back: ``Decimal("1200")`` → ``"1200"``, None → ``""``."""
    return "" if value is None else format_value(value).replace(",", "").replace("△", "-")


class IndicatorDialog(QDialog):
    def __init__(
        self,
        db: Database,
        view: PlanView,
        indicator_id: int | None = None,
        lang: str = "ja",
        parent: QWidget | None = None,
        *,
        date_style: str = "wareki",
        owner: tuple[str, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.view = view
        self.lang = lang
        self.indicator_id = indicator_id
        self.setWindowTitle(self.tr("New indicator") if indicator_id is None else self.tr("Edit indicator"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. residents taking part in the watch-over network"))
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText(self.tr("e.g. people, %, times"))
        self.direction = QComboBox(self)
        for code, label in DIRECTIONS.items():
            self.direction.addItem(label, code)
        self.baseline = QLineEdit(self)
        self.baseline_year = QComboBox(self)
        self.baseline_year.addItem(self.tr("(not set)"), 0)  # 0, not None: see plan_view.py
        for fy in range(view.start_year - 5, view.years[-1] + 1):
            self.baseline_year.addItem(format_fiscal_year(fy, date_style), fy)
        self.final_target = QLineEdit(self)
        self.owner = QComboBox(self)
        self.notes = QLineEdit(self)
        with db.Session() as session:
            for goal in goals_service.list_goals(session, view.version_id):
                self.owner.addItem(self.tr("Goal: %1").replace("%1", goal.title), f"goal:{goal.id}")
                for action in goal.actions:
                    self.owner.addItem(
                        "　" + self.tr("Action: %1").replace("%1", action.title), f"action:{action.id}"
                    )
            ind = (
                indicators_service.get_indicator(session, indicator_id) if indicator_id is not None else None
            )
            if ind is not None:
                self.name.setText(ind.name)
                self.unit.setText(ind.unit)
                self.direction.setCurrentIndex(max(0, self.direction.findData(ind.direction)))
                self.baseline.setText(value_text(ind.baseline_value))
                self.baseline_year.setCurrentIndex(
                    max(0, self.baseline_year.findData(ind.baseline_year or 0))
                )
                self.final_target.setText(value_text(ind.final_target))
                self.notes.setText(ind.notes)
                owner = ("goal", ind.goal_id) if ind.goal_id is not None else ("action", ind.action_id)
        if owner is not None:
            self.owner.setCurrentIndex(max(0, self.owner.findData(f"{owner[0]}:{owner[1]}")))
        form = QFormLayout()
        form.addRow(self.tr("Indicator"), self.name)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Better when"), self.direction)
        form.addRow(self.tr("Baseline value"), self.baseline)
        form.addRow(self.tr("Baseline year"), self.baseline_year)
        form.addRow(self.tr("Final target"), self.final_target)
        form.addRow(self.tr("Measures"), self.owner)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Save")))
        self.resize(700, 380)
        self.name.setFocus()

    def draft(self) -> IndicatorDraft:
        kind, _, number = str(self.owner.currentData() if self.owner.count() else "").partition(":")
        owner_id = int(number) if number else None
        return IndicatorDraft(
            name=self.name.text(),
            unit=self.unit.text(),
            direction=self.direction.currentData(),
            baseline_value=self.baseline.text(),
            baseline_year=self.baseline_year.currentData() or None,
            final_target=self.final_target.text(),
            goal_id=owner_id if kind == "goal" else None,
            action_id=owner_id if kind == "action" else None,
            notes=self.notes.text(),
        )

    def accept(self) -> None:
        try:
            draft = self.draft()
            with self.db.session() as session:
                if self.indicator_id is None:
                    self.indicator_id = indicators_service.add_indicator(
                        session, self.view.version_id, draft
                    ).id
                else:
                    indicators_service.update_indicator(session, self.indicator_id, draft)
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            field = exc.problems[0].field if exc.problems else None
            widgets = {
                "unit": self.unit,
                "direction": self.direction,
                "baseline_value": self.baseline,
                "baseline_year": self.baseline_year,
                "final_target": self.final_target,
                "goal_id": self.owner,
                "action_id": self.owner,
            }
            widgets.get(field or "", self.name).setFocus()
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()
