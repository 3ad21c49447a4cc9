"""決算 tab: the 収支決算書 computed from the cash book (予算額 of the budget in force, 決算額, 差異
with △, 備考), 収入合計 − 支出合計 = 次年度繰越金; closing the year (a backup first; the carry-over
becomes next year's 前年度繰越金 and the year is locked) and reopening it, with the reason recorded."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.dates import fiscal_year_bounds, format_date, format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.gui.accounts_common import Books, cell, run_write, yen
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.table_model import setup_table
from nagato_desk.services import budgets as budgets_service
from nagato_desk.services import settlement as settlement_service
from nagato_desk.services import year_close as year_close_service

COL_HEAD, COL_BUDGET, COL_ACTUAL, COL_DIFF, COL_NOTE = range(5)
_HEADERS = (
    QT_TRANSLATE_NOOP("SettlementTab", "Head"),
    QT_TRANSLATE_NOOP("SettlementTab", "Budget"),
    QT_TRANSLATE_NOOP("SettlementTab", "Actual"),
    QT_TRANSLATE_NOOP("SettlementTab", "Difference"),
    QT_TRANSLATE_NOOP("SettlementTab", "Remarks"),
)
SECTION_TITLES = {
    "in": QT_TRANSLATE_NOOP("SettlementTab", "Income"),
    "out": QT_TRANSLATE_NOOP("SettlementTab", "Expense"),
}
TOTAL_TITLES = {
    "in": QT_TRANSLATE_NOOP("SettlementTab", "Income total"),
    "out": QT_TRANSLATE_NOOP("SettlementTab", "Expense total"),
}
SECTION_COLOUR = "#e4ebf1"
REASON = "before-close-year"  # the backup's name says why it was made


class SettlementTab(QWidget):
    changed = Signal()
    year_state_changed = Signal()  # closed or reopened: the page reads the lock again

    def __init__(self, books: Books, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = books
        self.settlement = None
        self.budget_used = QLabel(self)
        self.budget_used.setProperty("role", "subtitle")
        self.table = QTableWidget(0, len(_HEADERS), self)
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("SettlementTab", h) for h in _HEADERS]
        )
        setup_table(self.table, stretch=COL_NOTE)
        for col, width in ((COL_HEAD, 260), (COL_BUDGET, 130), (COL_ACTUAL, 130), (COL_DIFF, 120)):
            self.table.setColumnWidth(col, width)
        self.carry_over = QLabel(self)
        self.carry_over.setProperty("role", "title")
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close the year…"), self)
        mark_primary(self.close_button)
        self.reopen_button = QPushButton(self.tr("Reopen the year…"), self)
        self.close_button.clicked.connect(self.close_year)
        self.reopen_button.clicked.connect(self.reopen_year)
        actions = QHBoxLayout()
        actions.addWidget(self.state, 1)
        actions.addWidget(self.reopen_button)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.budget_used)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.carry_over)
        layout.addLayout(actions)

    def _tr(self, text: str) -> str:
        return QCoreApplication.translate("SettlementTab", text)

    # --- reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        books = self.books
        self.table.setRowCount(0)
        if books.fund_id is None:
            return
        with books.db.Session() as session:
            s = settlement_service.settle_year(session, books.fund_id, books.fiscal_year)
            history = year_close_service.close_history(session, books.fund_id, books.fiscal_year)
            history = [
                (h.closed_at, h.closed_by, h.reopened_at, h.reopened_by, h.reopen_reason) for h in history
            ]
        self.settlement = s
        if s.revision_number is None:
            self.budget_used.setText(
                self.tr("No budget has been entered for this year: the budget column is 0.")
            )
        else:
            self.budget_used.setText(
                self.tr("Budget amounts from: %1").replace(
                    "%1", budgets_service.revision_title(s.revision_number)
                )
            )
        rows: list[tuple[str, object]] = [("section", "in")]
        rows += [("row", r) for r in s.income]
        rows += [("total", ("in", s.income_budget, s.income_actual)), ("section", "out")]
        rows += [("row", r) for r in s.expense]
        rows += [("total", ("out", s.expense_budget, s.expense_actual))]
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for i, (kind, what) in enumerate(rows):
            if kind == "section":
                texts = [self._tr(SECTION_TITLES[what]), "", "", "", ""]
            elif kind == "total":
                side, budget, actual = what  # type: ignore[misc]
                texts = [
                    self._tr(TOTAL_TITLES[side]),
                    yen(budget),
                    yen(actual),
                    yen(budget - actual),
                    "",
                ]
            else:
                r = what
                texts = [
                    "　" * (r.level - 1) + r.name,  # type: ignore[attr-defined]
                    yen(r.budget),  # type: ignore[attr-defined]
                    yen(r.actual),  # type: ignore[attr-defined]
                    yen(r.difference),  # type: ignore[attr-defined]
                    r.note,  # type: ignore[attr-defined]
                ]
            for col, text in enumerate(texts):
                item = cell(text, right=col in (COL_BUDGET, COL_ACTUAL, COL_DIFF))
                if kind != "row" or what.level == 1:  # type: ignore[attr-defined]
                    item.setFont(bold)
                if kind == "section":
                    item.setBackground(QBrush(QColor(SECTION_COLOUR)))
                self.table.setItem(i, col, item)
        self.carry_over.setText(
            self.tr("Carried over to next year: %1 yen (income %2 − expense %3)")
            .replace("%1", yen(s.carry_over_out))
            .replace("%2", yen(s.income_actual))
            .replace("%3", yen(s.expense_actual))
        )
        self._show_state(history)

    def _show_state(self, history) -> None:  # type: ignore[no-untyped-def]
        style = self.books.date_style
        lines = []
        for closed_at, closed_by, reopened_at, reopened_by, reason in history:
            line = (
                self.tr("Closed on %1 by %2.")
                .replace("%1", format_date(closed_at.date(), style))
                .replace("%2", closed_by or "—")
            )
            if reopened_at is not None:
                line += " " + self.tr("Reopened on %1 by %2: %3").replace(
                    "%1", format_date(reopened_at.date(), style)
                ).replace("%2", reopened_by or "—").replace("%3", reason)
            lines.append(line)
        closed = self.books.closed
        if not lines:
            lines.append(self.tr("This year is open: entries and the budget can still be changed."))
        self.state.setText("\n".join(lines))
        self.close_button.setEnabled(not closed)
        self.reopen_button.setEnabled(closed)

    # --- closing -------------------------------------------------------------------------------
    def close_year(self) -> None:
        books = self.books
        if books.fund_id is None or books.closed or self.settlement is None:
            return
        s = self.settlement
        year = format_fiscal_year(books.fiscal_year, books.date_style)
        following = format_fiscal_year(books.fiscal_year + 1, books.date_style)
        text = (
            self.tr(
                "Close %1 of %2?\n\nThe balance of %3 yen is carried over as the 前年度繰越金 of %4, and the "
                "cash book and budget of %1 can no longer be changed (a year can be reopened, with a reason).\n\n"
                "A backup of the data is made first."
            )
            .replace("%1", year)
            .replace("%2", s.fund_name)
            .replace("%3", yen(s.carry_over_out))
            .replace("%4", following)
        )
        last_day = fiscal_year_bounds(books.fiscal_year)[1]
        if date.today() <= last_day:
            text = (
                self.tr("%1 has not ended yet: it runs until %2.")
                .replace("%1", year)
                .replace("%2", format_date(last_day, books.date_style))
                + "\n\n"
                + text
            )
        if QMessageBox.question(self, self.tr("Close the year"), text) != QMessageBox.StandardButton.Yes:
            return
        try:
            self._backup()
        except NagatoError as exc:
            show_error(self, exc, books.lang)
            return
        fund_id, fy = books.fund_id, books.fiscal_year
        ok, _ = run_write(self, books, lambda s: year_close_service.close_year(s, fund_id, fy))
        if ok:
            self.year_state_changed.emit()

    def _backup(self) -> None:
        settings = self.books.settings
        path = getattr(self.books.db, "path", None)
        if settings is None or path is None:
            return
        from nagato_desk.services import backup_rotation

        # a verified backup first; when it cannot be made the year is not closed
        backup_rotation.backup_before(
            path,
            settings.backups(path),
            REASON,
            keep_daily=settings.keep_daily,
            keep_monthly=settings.keep_monthly,
        )

    def reopen_year(self) -> None:
        books = self.books
        if books.fund_id is None or not books.closed:
            return
        year = format_fiscal_year(books.fiscal_year, books.date_style)
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Reopen the year"),
            self.tr("Why is %1 reopened? The reason is recorded with your name and the time.").replace(
                "%1", year
            ),
        )
        if not ok:
            return
        fund_id, fy = books.fund_id, books.fiscal_year
        ok, _ = run_write(self, books, lambda s: year_close_service.reopen_year(s, fund_id, fy, reason))
        if ok:
            self.year_state_changed.emit()
