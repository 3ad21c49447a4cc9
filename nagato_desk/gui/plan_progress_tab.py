"""進捗: how far the plan has come up to a fiscal year — planned years done and late, the rate, and
the year's statuses and ratings — by goal, by field (活動分野) and by committee."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from nagato_desk.database import Database
from nagato_desk.dates import format_fiscal_year
from nagato_desk.gui.evaluation_tab import default_year
from nagato_desk.gui.plan_view import PlanView
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.money import format_rate
from nagato_desk.services import plan_views
from nagato_desk.services.plan_progress import PlanProgress, ProgressRow

CONTEXT = "PlanProgressTab"


def _columns(first: str) -> list[Column]:
    return [
        Column(first, lambda r: r.label),
        Column(QT_TRANSLATE_NOOP("PlanProgressTab", "Actions"), lambda r: str(r.actions), right=True),
        Column(QT_TRANSLATE_NOOP("PlanProgressTab", "Planned years"), lambda r: str(r.planned), right=True),
        Column(QT_TRANSLATE_NOOP("PlanProgressTab", "Done"), lambda r: str(r.done), right=True),
        Column(QT_TRANSLATE_NOOP("PlanProgressTab", "Late"), lambda r: str(r.late), right=True),
        Column(QT_TRANSLATE_NOOP("PlanProgressTab", "Rate"), lambda r: format_rate(r.rate, 1), right=True),
        Column(QT_TRANSLATE_NOOP("PlanProgressTab", "Evaluated"), lambda r: str(r.evaluated), right=True),
        Column(
            QT_TRANSLATE_NOOP("PlanProgressTab", "Ratings A/B/C/D"),
            lambda r: "/".join(str(r.ratings.get(k, 0)) for k in "ABCD"),
            right=True,
        ),
    ]


class PlanProgressTab(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.view: PlanView | None = None
        self.today: date | None = None
        self.progress: PlanProgress | None = None
        self.year = QComboBox(self)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        year_label = QLabel(self.tr("Up to"), self)
        year_label.setBuddy(self.year)
        self.total = QLabel(self)
        self.total.setProperty("role", "subtitle")
        self.groups = QTabWidget(self)
        self.models: dict[str, RowsModel] = {}
        self.tables: dict[str, QTableView] = {}
        for key, title, first in (
            ("goal", self.tr("By goal"), QT_TRANSLATE_NOOP("PlanProgressTab", "Goal")),
            ("field", self.tr("By field"), QT_TRANSLATE_NOOP("PlanProgressTab", "Field")),
            ("committee", self.tr("By committee"), QT_TRANSLATE_NOOP("PlanProgressTab", "Committee")),
        ):
            model = RowsModel(CONTEXT, _columns(first), self, bold=lambda r: r.label == "合計")
            table = QTableView(self)
            table.setModel(model)
            setup_table(table, stretch=0)
            for col in range(1, 8):
                table.setColumnWidth(col, 120 if col == 7 else 84)
            self.models[key] = model
            self.tables[key] = table
            self.groups.addTab(table, title)
        note = QLabel(
            self.tr(
                "Planned years, done and late count the years up to the chosen one; the rate is done ÷ planned. "
                "Evaluated and ratings are of the chosen year."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setProperty("role", "subtitle")
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.total, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.groups, 1)
        layout.addWidget(note)

    def set_view(self, view: PlanView | None) -> None:
        filled = (view.plan_id, self.date_style) if view is not None else None
        changed_plan = filled != getattr(self, "_filled", None)  # another plan, or another date style
        self._filled = filled
        self.view = view
        if view is None or not changed_plan:
            return
        keep = self.year.currentData() if self.year.count() else None
        self.year.blockSignals(True)
        self.year.clear()
        for fy in view.years:
            self.year.addItem(format_fiscal_year(fy, self.date_style), fy)
        # the year just ended, as on the 評価 tab: its evaluations are complete
        chosen = keep if keep in view.years else default_year(view.years, self.today)
        self.year.setCurrentIndex(self.year.findData(chosen))
        self.year.blockSignals(False)

    def set_fiscal_year(self, fy: int) -> None:
        self.year.setCurrentIndex(self.year.findData(fy))

    def refresh(self) -> None:
        fy = self.year.currentData() if self.year.count() else None
        if self.view is None or fy is None:
            return
        with self.db.Session() as session:
            self.progress = plan_views.fast_progress(session, self.view.version_id, fy, self.today)
        p = self.progress
        for key, rows in (("goal", p.by_goal), ("field", p.by_field), ("committee", p.by_committee)):
            self.models[key].set_rows([*rows, p.total])
        self.total.setText(self._total_text(p.total))

    def _total_text(self, total: ProgressRow) -> str:
        return (
            self.tr("%1 actions: %2 of %3 planned years done (%4), %5 late")
            .replace("%1", str(total.actions))
            .replace("%2", str(total.done))
            .replace("%3", str(total.planned))
            .replace("%4", format_rate(total.rate, 1))
            .replace("%5", str(total.late))
        )
