"""The lines of one budget as an editable table: per head (款・項・目, income then expense) this
year's amount and its explanation, last year's amount and the difference; a head with sub-heads shows
their sum, and the totals follow every keystroke."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemDelegate, QTableWidget, QTableWidgetItem, QWidget

from nagato_desk.errors import Problem, ValidationError
from nagato_desk.gui.accounts_common import cell, yen
from nagato_desk.gui.table_model import setup_table
from nagato_desk.money import parse_yen
from nagato_desk.services.budgets import BudgetLineDraft

COL_HEAD, COL_AMOUNT, COL_LAST, COL_DIFF, COL_EXPLANATION = range(5)
_HEADERS = (
    QT_TRANSLATE_NOOP("BudgetTable", "Head"),
    QT_TRANSLATE_NOOP("BudgetTable", "This year"),
    QT_TRANSLATE_NOOP("BudgetTable", "Last year"),
    QT_TRANSLATE_NOOP("BudgetTable", "Difference"),
    QT_TRANSLATE_NOOP("BudgetTable", "Explanation"),
)
SECTION_TITLES = {
    "in": QT_TRANSLATE_NOOP("BudgetTable", "Income"),
    "out": QT_TRANSLATE_NOOP("BudgetTable", "Expense"),
}
TOTAL_TITLES = {
    "in": QT_TRANSLATE_NOOP("BudgetTable", "Income total"),
    "out": QT_TRANSLATE_NOOP("BudgetTable", "Expense total"),
}
SECTION_COLOUR = "#e4ebf1"
BAD_COLOUR = "#f6d5d5"


def _bold(item: QTableWidgetItem) -> QTableWidgetItem:
    font = QFont()
    font.setBold(True)
    item.setFont(font)
    return item


class BudgetTable(QTableWidget):
    totals_changed = Signal(int, int)  # income, expense
    edited = Signal()  # the user changed a cell

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(_HEADERS), parent)
        self.setHorizontalHeaderLabels([QCoreApplication.translate("BudgetTable", h) for h in _HEADERS])
        setup_table(self, stretch=COL_EXPLANATION)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QTableWidget.EditTrigger.DoubleClicked
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.AnyKeyPressed
        )
        for col, width in ((COL_HEAD, 260), (COL_AMOUNT, 120), (COL_LAST, 120), (COL_DIFF, 110)):
            self.setColumnWidth(col, width)
        self.kinds: list[tuple[str, object]] = []  # ("section"|"total", side) or ("head", HeadRow)
        self.last_year: dict[int, int] = {}
        self.parents: set[int] = set()
        self._busy = False
        self.itemChanged.connect(self._changed)

    def closeEditor(self, editor, hint) -> None:  # type: ignore[no-untyped-def]
        """Enter after typing an amount moves to the next head's amount, as on a paper form."""
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            col = self.currentColumn()
            for row in range(self.currentRow() + 1, self.rowCount()):
                item = self.item(row, col)
                if item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable:
                    self.setCurrentCell(row, col)
                    return

    # --- filling -------------------------------------------------------------------------------
    def set_data(
        self,
        heads,  # type: ignore[no-untyped-def]
        amounts: dict[int, int],
        explanations: dict[int, str],
        last_year: dict[int, int],
        editable: bool,
    ) -> None:
        self._busy = True
        self.last_year = last_year
        self.parents = {h.parent_id for h in heads if h.parent_id is not None}
        self.kinds = []
        for side in ("in", "out"):
            self.kinds.append(("section", side))
            self.kinds += [("head", h) for h in heads if h.side == side]
            self.kinds.append(("total", side))
        self.setRowCount(len(self.kinds))
        for row, (kind, what) in enumerate(self.kinds):
            if kind == "section":
                text = QCoreApplication.translate("BudgetTable", SECTION_TITLES[what])
                for col in range(self.columnCount()):
                    item = cell(text if col == COL_HEAD else "")
                    item.setBackground(QBrush(QColor(SECTION_COLOUR)))
                    self.setItem(row, col, _bold(item))
                continue
            if kind == "total":
                text = QCoreApplication.translate("BudgetTable", TOTAL_TITLES[what])
                self.setItem(row, COL_HEAD, _bold(cell(text)))
                for col in (COL_AMOUNT, COL_LAST, COL_DIFF):
                    self.setItem(row, col, _bold(cell("", right=True)))
                self.setItem(row, COL_EXPLANATION, cell(""))
                continue
            head = what
            leaf = head.id not in self.parents  # type: ignore[attr-defined]
            name = "　" * (head.level - 1) + head.name  # type: ignore[attr-defined]
            self.setItem(row, COL_HEAD, cell(name) if leaf else _bold(cell(name)))
            amount = cell(yen(amounts.get(head.id, 0)), right=True, editable=editable and leaf)  # type: ignore[attr-defined]
            self.setItem(row, COL_AMOUNT, amount if leaf else _bold(amount))
            self.setItem(row, COL_LAST, cell("", right=True))
            self.setItem(row, COL_DIFF, cell("", right=True))
            self.setItem(
                row,
                COL_EXPLANATION,
                cell(explanations.get(head.id, ""), editable=editable),  # type: ignore[attr-defined]
            )
        self._busy = False
        self.recompute()

    def row_of_head(self, head_id: int) -> int:
        return next(
            (i for i, (k, h) in enumerate(self.kinds) if k == "head" and h.id == head_id),  # type: ignore[attr-defined]
            -1,
        )

    def set_amount(self, head_id: int, text: str) -> None:
        self.item(self.row_of_head(head_id), COL_AMOUNT).setText(text)

    # --- sums ----------------------------------------------------------------------------------
    def _own_amounts(self) -> tuple[dict[int, int], list[Problem]]:
        amounts: dict[int, int] = {}
        problems: list[Problem] = []
        for row, (kind, head) in enumerate(self.kinds):
            if kind != "head" or head.id in self.parents:  # type: ignore[attr-defined]
                continue
            item = self.item(row, COL_AMOUNT)
            text = item.text().strip()
            try:
                value = parse_yen(text) if text else 0
                if value < 0:
                    raise ValueError("予算額は0円以上で入力してください。")
                amounts[head.id] = value  # type: ignore[attr-defined]
                item.setBackground(QBrush())
            except ValueError as exc:
                item.setBackground(QBrush(QColor(BAD_COLOUR)))
                problems.append(
                    Problem(
                        f"「{head.name}」：{exc}",  # type: ignore[attr-defined]
                        f"'{head.name}': enter the amount in whole yen.",  # type: ignore[attr-defined]
                        field="lines",
                    )
                )
        return amounts, problems

    def _sums(self, own: dict[int, int]) -> dict[int, int]:
        heads = [h for k, h in self.kinds if k == "head"]
        parent = {h.id: h.parent_id for h in heads}  # type: ignore[attr-defined]
        sums: dict[int, int] = {}
        for head_id, amount in own.items():
            node: int | None = head_id
            while node is not None:
                sums[node] = sums.get(node, 0) + amount
                node = parent.get(node)
        return sums

    def recompute(self) -> None:
        self._busy = True
        own, _problems = self._own_amounts()
        sums = self._sums(own)
        last_sums = self._sums({h: a for h, a in self.last_year.items() if h not in self.parents})
        totals = {"in": [0, 0], "out": [0, 0]}
        for row, (kind, what) in enumerate(self.kinds):
            if kind == "head":
                head = what
                this, last = sums.get(head.id, 0), last_sums.get(head.id, 0)  # type: ignore[attr-defined]
                if head.id in self.parents:  # type: ignore[attr-defined]
                    self.item(row, COL_AMOUNT).setText(yen(this))
                self.item(row, COL_LAST).setText(yen(last))
                self.item(row, COL_DIFF).setText(yen(this - last))
                if head.level == 1:  # type: ignore[attr-defined]
                    totals[head.side][0] += this  # type: ignore[attr-defined]
                    totals[head.side][1] += last  # type: ignore[attr-defined]
            elif kind == "total":
                this, last = totals[what]  # type: ignore[index]
                self.item(row, COL_AMOUNT).setText(yen(this))
                self.item(row, COL_LAST).setText(yen(last))
                self.item(row, COL_DIFF).setText(yen(this - last))
        self._busy = False
        self.totals_changed.emit(totals["in"][0], totals["out"][0])

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._busy:
            return
        self.edited.emit()
        if item.column() == COL_AMOUNT:
            text = item.text().strip()
            try:
                shown = yen(parse_yen(text)) if text else "0"
            except ValueError:
                shown = text
            if shown != text:
                self._busy = True
                item.setText(shown)
                self._busy = False
        self.recompute()

    # --- the draft -----------------------------------------------------------------------------
    def lines(self) -> list[BudgetLineDraft]:
        own, problems = self._own_amounts()
        if problems:
            raise ValidationError(problems)
        lines = []
        for row, (kind, head) in enumerate(self.kinds):
            if kind != "head":
                continue
            explanation = self.item(row, COL_EXPLANATION).text().strip()
            amount = own.get(head.id, 0)  # type: ignore[attr-defined]
            if amount or explanation:
                lines.append(BudgetLineDraft(head.id, amount, explanation))  # type: ignore[attr-defined]
        return lines
