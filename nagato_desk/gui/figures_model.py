"""Table model of the 自治会 figures (世帯数・人口・65歳以上・高齢化率) with the 合計 row in bold."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from nagato_desk.money import format_rate
from nagato_desk.services.associations import AssociationFigures, FiguresTable

COL_NAME, COL_HOUSEHOLDS, COL_POPULATION, COL_AGED, COL_RATE = range(5)
_CONTEXT = "FiguresModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("FiguresModel", "Association"),
    QT_TRANSLATE_NOOP("FiguresModel", "Households"),
    QT_TRANSLATE_NOOP("FiguresModel", "Population"),
    QT_TRANSLATE_NOOP("FiguresModel", "Aged 65+"),
    QT_TRANSLATE_NOOP("FiguresModel", "Ageing rate"),
)


def _count(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


class FiguresModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[AssociationFigures] = []
        self._total: AssociationFigures | None = None

    def set_table(self, table: FiguresTable | None) -> None:
        self.beginResetModel()
        self._rows = list(table.rows) if table else []
        self._total = table.totals if table and table.rows else None
        self.endResetModel()

    def _row(self, r: int) -> AssociationFigures:
        return self._rows[r] if r < len(self._rows) else self._total  # type: ignore[return-value]

    def is_total(self, row: int) -> bool:
        return self._total is not None and row == len(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._rows) + (1 if self._total is not None else 0)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(_HEADERS):
                return QCoreApplication.translate(_CONTEXT, _HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = self._row(index.row())
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return (
                    QCoreApplication.translate("FiguresModel", "Total")
                    if self.is_total(index.row())
                    else row.name
                )
            if col == COL_HOUSEHOLDS:
                return _count(row.households)
            if col == COL_POPULATION:
                return _count(row.population)
            if col == COL_AGED:
                return _count(row.aged_65_plus)
            if col == COL_RATE:
                return format_rate(row.ageing_rate)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        return None
