"""指標: the plan's indicators (baseline, final target, latest actual, achievement rate); the selected
one's target and actual for each fiscal year, typed straight into the table; and its chart."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.indicator_chart import IndicatorChart
from nagato_desk.gui.indicator_dialog import IndicatorDialog
from nagato_desk.gui.plan_view import PlanView
from nagato_desk.gui.table_model import setup_table
from nagato_desk.models import DIRECTIONS
from nagato_desk.money import format_rate
from nagato_desk.services import indicators as indicators_service
from nagato_desk.services.plan_values import format_value

_ID = Qt.ItemDataRole.UserRole
TARGET_COL, ACTUAL_COL, RATE_COL = 1, 2, 3


class IndicatorTab(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.view: PlanView | None = None
        self.list = QTableWidget(0, 5, self)
        self.list.setHorizontalHeaderLabels(
            [
                self.tr("Indicator"),
                self.tr("Baseline"),
                self.tr("Final target"),
                self.tr("Latest actual"),
                self.tr("Achieved"),
            ]
        )
        setup_table(self.list, stretch=0)
        for col, width in ((1, 80), (2, 84), (3, 90), (4, 70)):
            self.list.setColumnWidth(col, width)
        self.list.currentCellChanged.connect(lambda *_: self.show_selected())
        self.list.doubleClicked.connect(lambda _i: self.edit_indicator())
        self.add_button = QPushButton(self.tr("Add…"), self)
        mark_primary(self.add_button)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.up_button.setShortcut("Ctrl+Up")
        self.down_button.setShortcut("Ctrl+Down")
        for button, slot in (
            (self.add_button, self.add_indicator),
            (self.edit_button, self.edit_indicator),
            (self.up_button, lambda: self.move(-1)),
            (self.down_button, lambda: self.move(1)),
            (self.delete_button, self.delete_indicator),
        ):
            button.clicked.connect(slot)
        self.values_title = QLabel(self)
        self.values_title.setProperty("role", "subtitle")
        self.values_title.setWordWrap(True)
        self.values = QTableWidget(0, 4, self)
        self.values.setHorizontalHeaderLabels(
            [self.tr("Fiscal year"), self.tr("Target"), self.tr("Actual"), self.tr("Achieved")]
        )
        setup_table(self.values, stretch=None)
        self.values.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectItems)
        self.values.setEditTriggers(
            QTableWidget.EditTrigger.DoubleClicked
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.AnyKeyPressed
        )
        self.values.setColumnWidth(0, 110)
        self.values.itemChanged.connect(self.value_edited)
        self.chart = IndicatorChart(self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)
        hint = QLabel(self.tr("Type a target or an actual in the table; leave it empty to clear it."), self)
        hint.setProperty("role", "subtitle")
        hint.setWordWrap(True)
        left_layout.addWidget(self.values_title)
        left_layout.addWidget(self.values, 1)
        left_layout.addWidget(hint)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.chart)
        splitter.setSizes([680, 400])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)

    def set_view(self, view: PlanView | None) -> None:
        self.view = view

    def as_of_year(self) -> int:
        """Rates are shown up to the current fiscal year (kept inside the period)."""
        assert self.view is not None
        return min(max(fiscal_year_of(date.today()), self.view.years[0]), self.view.years[-1])

    def indicator_ids(self) -> list[int]:
        return [self.list.item(r, 0).data(_ID) for r in range(self.list.rowCount())]

    def selected_id(self) -> int | None:
        item = self.list.item(self.list.currentRow(), 0)
        return item.data(_ID) if item is not None else None

    def refresh(self, select_id: int | None = None) -> None:
        if self.view is None:
            return
        select_id = select_id if select_id is not None else self.selected_id()
        with self.db.Session() as session:
            rows = indicators_service.indicator_rows(session, self.view.version_id, self.as_of_year())
            latest = {
                r.indicator_id: indicators_service.latest_actual(
                    indicators_service.get_indicator(session, r.indicator_id), self.as_of_year()
                )
                for r in rows
            }
        self.list.blockSignals(True)
        self.list.setRowCount(len(rows))
        for i, r in enumerate(rows):
            year, value = latest[r.indicator_id]
            latest_text = format_value(value, r.unit)
            latest_tip = f"{format_fiscal_year(year, self.date_style)}：{latest_text}" if year else ""
            cells = (
                r.name,
                format_value(r.baseline, r.unit),
                format_value(r.final_target, r.unit),
                latest_text,
                format_rate(r.final_rate, 1),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID, r.indicator_id)
                tips = {0: f"{r.name}\n{r.owner}\n{DIRECTIONS.get(r.direction, '')}", 3: latest_tip}
                item.setToolTip(tips.get(col, text))
                if col >= 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.list.setItem(i, col, item)
        index = next((i for i, r in enumerate(rows) if r.indicator_id == select_id), 0)
        self.list.setCurrentCell(index if rows else -1, 0)
        self.list.blockSignals(False)
        editable = not self.view.read_only
        for button in (
            self.add_button,
            self.edit_button,
            self.up_button,
            self.down_button,
            self.delete_button,
        ):
            button.setEnabled(editable)
        self.show_selected()

    def show_selected(self) -> None:
        indicator_id = self.selected_id()
        self.values.blockSignals(True)
        self.values.setRowCount(0)
        if indicator_id is None or self.view is None:
            self.values_title.setText(self.tr("There are no indicators yet. Add one with “Add…”."))
            self.chart.set_data(None, self.date_style)
            self.values.blockSignals(False)
            return
        with self.db.Session() as session:
            ind = indicators_service.get_indicator(session, indicator_id)
            name, unit, direction = ind.name, ind.unit, ind.direction
            lines = []
            for fy in self.view.years:
                target, is_final = indicators_service.target_for(ind, fy)
                own_target = None if is_final else target
                actual = indicators_service.actual_for(ind, fy)
                rate = indicators_service.achievement_rate(direction, ind.baseline_value, target, actual)
                lines.append((fy, own_target, target if is_final else None, actual, rate))
            chart = indicators_service.indicator_chart(session, indicator_id)
        self.values_title.setText(
            self.tr("%1 (%2) by fiscal year")
            .replace("%1", name + (f"（{unit}）" if unit else ""))
            .replace("%2", DIRECTIONS.get(direction, ""))
        )
        self.values.setRowCount(len(lines))
        editable = not self.view.read_only
        for row, (fy, target, final, actual, rate) in enumerate(lines):
            year = QTableWidgetItem(format_fiscal_year(fy, self.date_style))
            year.setData(_ID, fy)
            year.setFlags(year.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.values.setItem(row, 0, year)
            for col, value in ((TARGET_COL, target), (ACTUAL_COL, actual)):
                item = QTableWidgetItem(format_value(value) if value is not None else "")
                if col == TARGET_COL and value is None and final is not None:
                    item.setToolTip(self.tr("No target for this year: the final target applies"))
                if not editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.values.setItem(row, col, item)
            rate_item = QTableWidgetItem(format_rate(rate, 1) if actual is not None else "")
            rate_item.setFlags(rate_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            rate_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.values.setItem(row, RATE_COL, rate_item)
        self.values.blockSignals(False)
        self.chart.set_data(chart, self.date_style)

    def value_edited(self, item: QTableWidgetItem) -> None:
        """A target or actual typed in the table: saved at once (empty clears it)."""
        indicator_id = self.selected_id()
        if indicator_id is None or self.view is None or item.column() not in (TARGET_COL, ACTUAL_COL):
            return
        fy = self.values.item(item.row(), 0).data(_ID)
        text = item.text()
        setter = (
            indicators_service.set_target if item.column() == TARGET_COL else indicators_service.set_actual
        )
        row, col = item.row(), item.column()
        try:
            with self.db.session() as session:
                setter(session, indicator_id, fy, text)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
        self.refresh(indicator_id)
        self.values.setCurrentCell(row, col)
        self.changed.emit()

    # --- the list ------------------------------------------------------------------------------
    def add_indicator(self) -> None:
        if self.view is None or self.view.read_only:
            return
        dialog = IndicatorDialog(self.db, self.view, None, self.lang, self, date_style=self.date_style)
        if dialog.exec():
            self.refresh(dialog.indicator_id)
            self.changed.emit()

    def edit_indicator(self) -> None:
        indicator_id = self.selected_id()
        if self.view is None or self.view.read_only or indicator_id is None:
            return
        dialog = IndicatorDialog(
            self.db, self.view, indicator_id, self.lang, self, date_style=self.date_style
        )
        if dialog.exec():
            self.refresh(indicator_id)
            self.changed.emit()

    def move(self, delta: int) -> None:
        indicator_id = self.selected_id()
        if self.view is None or self.view.read_only or indicator_id is None:
            return
        self._run(lambda s: indicators_service.move_indicator(s, indicator_id, delta), indicator_id)

    def delete_indicator(self) -> None:
        indicator_id = self.selected_id()
        if self.view is None or self.view.read_only or indicator_id is None:
            return
        name = self.list.item(self.list.currentRow(), 0).text()
        text = self.tr("The indicator “%1” will be deleted with its targets and actuals.").replace("%1", name)
        if QMessageBox.question(self, self.tr("Delete indicator"), text) == QMessageBox.StandardButton.Yes:
            self._run(lambda s: indicators_service.delete_indicator(s, indicator_id), None)

    def _run(self, action, select_id: int | None) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.refresh(select_id)
        self.changed.emit()
