"""An editable table of 自治会 with one fiscal year's 世帯数・人口・65歳以上 (高齢化率 computed live)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.errors import Problem, ValidationError
from nagato_desk.money import format_rate, parse_yen, rate
from nagato_desk.services.associations import AssociationRow

COL_NAME, COL_READING, COL_HOUSEHOLDS, COL_POPULATION, COL_AGED, COL_RATE = range(6)
_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class FiguresEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.removed_ids: list[int] = []
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Association"),
                self.tr("Reading"),
                self.tr("Households"),
                self.tr("Population"),
                self.tr("Aged 65+"),
                self.tr("Ageing rate"),
            ]
        )
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_READING, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._update_rate)
        self.add_button = QPushButton(self.tr("Add association"), self)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, row: AssociationRow | None = None) -> int:
        r = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(r)
        values = ["", "", "", "", "", ""]
        if row is not None:
            values = [
                row.name,
                row.reading,
                "" if row.households is None else f"{row.households:,}",
                "" if row.population is None else f"{row.population:,}",
                "" if row.aged_65_plus is None else f"{row.aged_65_plus:,}",
                "",
            ]
        for c, v in enumerate(values):
            item = QTableWidgetItem(v)
            if c >= COL_HOUSEHOLDS:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == COL_RATE:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(r, c, item)
        self.table.item(r, COL_NAME).setData(_ID_ROLE, row.id if row is not None else None)
        self.table.blockSignals(False)
        self._update_rate(self.table.item(r, COL_AGED))
        if row is None:
            # Typing starts editing (AnyKeyPressed), so the new name can be typed at once.
            self.table.setCurrentCell(r, COL_NAME)
            self.table.setFocus()
        return r

    def set_rows(self, rows: list[AssociationRow]) -> None:
        self.table.setRowCount(0)
        self.removed_ids = []
        for row in rows:
            self.add_row(row)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            assoc_id = self.table.item(r, COL_NAME).data(_ID_ROLE)
            if assoc_id is not None:
                self.removed_ids.append(int(assoc_id))
            self.table.removeRow(r)

    def move_selected(self, delta: int) -> None:
        r = self.table.currentRow()
        target = r + delta
        if r < 0 or not 0 <= target < self.table.rowCount():
            return
        self.table.blockSignals(True)
        for c in range(self.table.columnCount()):
            a, b = self.table.takeItem(r, c), self.table.takeItem(target, c)
            self.table.setItem(r, c, b)
            self.table.setItem(target, c, a)
        self.table.blockSignals(False)
        self.table.setCurrentCell(target, self.table.currentColumn())

    def _number(self, r: int, c: int) -> int | None:
        text = (self.table.item(r, c).text() if self.table.item(r, c) else "").strip()
        if not text:
            return None
        return parse_yen(text)

    def _update_rate(self, item: QTableWidgetItem | None) -> None:
        if item is None or item.column() not in (COL_POPULATION, COL_AGED):
            return
        r = item.row()
        try:
            pop, aged = self._number(r, COL_POPULATION), self._number(r, COL_AGED)
        except ValueError:
            pop = aged = None
        text = format_rate(rate(aged, pop)) if pop is not None and aged is not None else "—"
        self.table.blockSignals(True)
        self.table.item(r, COL_RATE).setText(text)
        self.table.blockSignals(False)

    def rows(self) -> list[AssociationRow]:
        """The table as drafts; cells that are not whole numbers are reported with row and column."""
        problems: list[Problem] = []
        result = []
        headers = [self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())]
        for r in range(self.table.rowCount()):
            numbers: list[int | None] = []
            for c in (COL_HOUSEHOLDS, COL_POPULATION, COL_AGED):
                try:
                    numbers.append(self._number(r, c))
                except ValueError:
                    text = self.table.item(r, c).text()
                    problems.append(
                        Problem(
                            f"「{text}」は整数ではありません。",
                            f"'{text}' is not a whole number.",
                            row=r + 1,
                            column=headers[c],
                        )
                    )
                    numbers.append(None)
            item = self.table.item(r, COL_NAME)
            result.append(
                AssociationRow(
                    id=item.data(_ID_ROLE),
                    name=item.text(),
                    reading=self.table.item(r, COL_READING).text(),
                    households=numbers[0],
                    population=numbers[1],
                    aged_65_plus=numbers[2],
                )
            )
        if problems:
            raise ValidationError(problems)
        return result
