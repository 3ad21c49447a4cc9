"""A read-only table model over a list of plain rows (the dataclasses the services return), with its
columns described once: header, how to write the cell, right-aligned or not.

The lists of the 会員 tabs (households, officers, organisations, import preview) are a few hundred
rows at most, so they are read whole; the member list, which can be tens of thousands, has its own
lazy model (``members_model.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont


@dataclass(frozen=True)
class Column:
    header: str  # English source text, marked with QT_TRANSLATE_NOOP in the model's context
    text: Callable[[Any], str]
    right: bool = False


class RowsModel(QAbstractTableModel):
    """``rows`` are shown as given; ``highlight(row)`` may return a background colour name,
    ``tooltip(row)`` a tooltip for the whole row and ``bold(row)`` whether the row is in bold."""

    def __init__(
        self,
        context: str,
        columns: Sequence[Column],
        parent=None,  # type: ignore[no-untyped-def]
        *,
        highlight: Callable[[Any], str | None] | None = None,
        tooltip: Callable[[Any], str] | None = None,
        bold: Callable[[Any], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._highlight = highlight
        self._tooltip = tooltip
        self._bold = bold

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return QCoreApplication.translate(self.context, self.columns[section].header)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row) or None if self._tooltip else None
        if role == Qt.ItemDataRole.BackgroundRole and self._highlight is not None:
            colour = self._highlight(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and self._bold is not None and self._bold(row):
            font = QFont()
            font.setBold(True)
            return font
        return None


def setup_table(view, stretch: int | None = None) -> None:  # type: ignore[no-untyped-def]
    """The house style of a list: whole rows selected one at a time, alternating rows, not editable;
    ``stretch`` is the column that takes the remaining width (the last one by default)."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(28)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
