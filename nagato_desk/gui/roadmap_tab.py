"""ロードマップ: every action × the plan's ten fiscal years, each cell coloured — planned, done, late
or not planned — under its goal, with a legend; a year can be planned or unplanned from the grid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.plan_view import PlanView
from nagato_desk.gui.plan_year_grid import short_fiscal_year
from nagato_desk.models import EVALUATION_STATUSES
from nagato_desk.services import plan_actions as actions_service
from nagato_desk.services import plan_views
from nagato_desk.services.roadmap import DONE, LATE, NONE, PLANNED, Roadmap, RoadmapRow

#: Cell colours, shared with the legend.
COLOURS = {PLANNED: "#cfe3f5", DONE: "#b9e4c4", LATE: "#f7c6a8", NONE: "#ffffff"}
STATE_TEXT = {
    PLANNED: QT_TRANSLATE_NOOP("RoadmapModel", "planned"),
    DONE: QT_TRANSLATE_NOOP("RoadmapModel", "done"),
    LATE: QT_TRANSLATE_NOOP("RoadmapModel", "late"),
    NONE: QT_TRANSLATE_NOOP("RoadmapModel", "not planned"),
}
FIXED = 2  # columns before the years: action, committee
HEADERS = (QT_TRANSLATE_NOOP("RoadmapModel", "Action"), QT_TRANSLATE_NOOP("RoadmapModel", "Committee"))
RATING = QT_TRANSLATE_NOOP("RoadmapModel", "rating %1")
THIS_YEAR = QT_TRANSLATE_NOOP("RoadmapModel", "this year")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RoadmapModel", text)


@dataclass(frozen=True)
class GoalLine:
    title: str
    field: str


class RoadmapModel(QAbstractTableModel):
    """Goal lines (spanning the row) and action lines with one cell per fiscal year."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.grid: Roadmap | None = None
        self.lines: list[GoalLine | RoadmapRow] = []
        self.date_style = "wareki"

    def set_grid(self, grid: Roadmap, date_style: str) -> None:
        self.beginResetModel()
        self.grid = grid
        self.date_style = date_style
        self.lines = []
        last_goal = None
        for row in grid.rows:
            if row.goal_id != last_goal:
                self.lines.append(GoalLine(row.goal_title, row.field))
                last_goal = row.goal_id
            self.lines.append(row)
        self.endResetModel()

    def years(self) -> list[int]:
        return self.grid.years if self.grid is not None else []

    def line(self, row: int) -> GoalLine | RoadmapRow | None:
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def state_at(self, row: int, column: int) -> str | None:
        """The state of an action's year cell (None for other cells)."""
        line = self.line(row)
        if not isinstance(line, RoadmapRow) or not FIXED <= column < FIXED + len(line.cells):
            return None
        return line.cells[column - FIXED].state

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED + len(self.years())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        years = self.years()
        if role == Qt.ItemDataRole.DisplayRole:
            if section < FIXED:
                return _tr(HEADERS[section])
            if FIXED <= section < FIXED + len(years):
                fy = years[section - FIXED]
                label = short_fiscal_year(fy, self.date_style)
                if self.grid is not None and fy == self.grid.current_year:
                    return f"{label}\n{_tr(THIS_YEAR)}"  # the column of the current fiscal year
                return label
        if role == Qt.ItemDataRole.ToolTipRole and FIXED <= section < FIXED + len(years):
            return format_fiscal_year(years[section - FIXED], self.date_style)
        if (
            role == Qt.ItemDataRole.FontRole
            and self.grid is not None
            and FIXED <= section < FIXED + len(years)
            and years[section - FIXED] == self.grid.current_year
        ):
            font = QFont()
            font.setBold(True)
            font.setUnderline(True)
            return font
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        line = self.line(index.row()) if index.isValid() else None
        if line is None:
            return None
        col = index.column()
        if isinstance(line, GoalLine):
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return f"{line.title}（{line.field}）"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#e4ebf1"))
            return None
        if col < FIXED:
            if role == Qt.ItemDataRole.DisplayRole:
                return line.title if col == 0 else line.committee
            if role == Qt.ItemDataRole.ToolTipRole and col == 0:
                return "\n".join(t for t in (line.title, line.partners) if t)
            return None
        if col - FIXED >= len(line.cells):
            return None
        cell = line.cells[col - FIXED]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.rating if cell.state != NONE else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS[cell.state]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [format_fiscal_year(cell.fiscal_year, self.date_style), _tr(STATE_TEXT[cell.state])]
            if cell.status is not None:
                parts.append(EVALUATION_STATUSES.get(cell.status, cell.status))
            if cell.rating:
                parts.append(_tr(RATING).replace("%1", cell.rating))
            return "　".join(parts)
        return None


class RoadmapTab(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.view: PlanView | None = None
        self.today: date | None = None  # tests fix the day; the window uses today
        self.model = RoadmapModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.doubleClicked.connect(lambda index: self.toggle(index))
        self.legend = QHBoxLayout()
        self.legend_labels: dict[str, QLabel] = {}
        for state in (PLANNED, DONE, LATE, NONE):
            swatch = QLabel(self)
            swatch.setFixedSize(22, 16)
            swatch.setStyleSheet(f"background:{COLOURS[state]}; border:1px solid #9aa5b1;")
            text = QLabel(self)
            self.legend_labels[state] = text
            self.legend.addWidget(swatch)
            self.legend.addWidget(text)
            self.legend.addSpacing(14)
        self.legend.addStretch(1)
        self.toggle_button = QPushButton(self.tr("Plan / unplan the year"), self)
        self.toggle_button.setToolTip(
            self.tr("Plan the selected action in the selected year, or take the year out (double-click)")
        )
        self.toggle_button.clicked.connect(lambda: self.toggle(self.table.currentIndex()))
        self.legend.addWidget(self.toggle_button)
        note = QLabel(
            self.tr(
                "Late: planned in a year that is over and not done. The letter in a cell is the year's rating."
            ),
            self,
        )
        note.setProperty("role", "subtitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self.legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)

    def set_view(self, view: PlanView | None) -> None:
        self.view = view

    def refresh(self) -> None:
        if self.view is None:
            return
        with self.db.Session() as session:
            grid = plan_views.fast_roadmap(session, self.view.version_id, self.today)
        current = self.table.currentIndex()
        self.model.set_grid(grid, self.date_style)
        self.table.clearSpans()
        for row, line in enumerate(self.model.lines):
            if isinstance(line, GoalLine):
                self.table.setSpan(row, 0, 1, self.model.columnCount())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 120)
        for col in range(FIXED, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(col, 52)
        for state, label in self.legend_labels.items():
            count = grid.count(state) if state != NONE else None
            text = _tr(STATE_TEXT[state])
            label.setText(text if count is None else f"{text}（{count}）")
        self.toggle_button.setEnabled(not self.view.read_only)
        if current.isValid():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))

    def toggle(self, index) -> None:  # type: ignore[no-untyped-def]
        """Plan the action in the cell's year, or take it out."""
        if self.view is None or self.view.read_only or not index.isValid():
            return
        line = self.model.line(index.row())
        if not isinstance(line, RoadmapRow) or index.column() < FIXED:
            return
        fy = self.model.years()[index.column() - FIXED]
        try:
            with self.db.session() as session:
                actions_service.toggle_action_year(session, line.action_id, fy)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.refresh()
        self.changed.emit()
