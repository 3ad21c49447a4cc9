"""出納簿 tab: the entries of the fund and year chosen on the page, for all money accounts or one,
with the running balance, 月計・累計 per month, the balance of every account, and the entry row for
fast keyboard entry. Corrections and deletions go through the same row; a closed year is read-only."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.gui.accounts_common import WARNING_STYLE, Books, run_write, yen
from nagato_desk.gui.cashbook_entry import EntryForm
from nagato_desk.gui.cashbook_heads import entry_heads
from nagato_desk.gui.cashbook_model import (
    COL_ACCOUNT,
    COL_BALANCE,
    COL_DATE,
    COL_DESCRIPTION,
    COL_EXPENSE,
    COL_HEAD,
    COL_INCOME,
    COL_NOTE,
    COL_PAYEE,
    COL_VOUCHER,
    CashBookModel,
)
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.services import account_heads as heads_service
from nagato_desk.services import cashbook as cashbook_service
from nagato_desk.services import funds as funds_service


def _month(row) -> str:  # type: ignore[no-untyped-def]
    return f"{row.month}月"


class CashBookTab(QWidget):
    changed = Signal()

    def __init__(self, books: Books, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = books
        self.account_filter = QComboBox(self)
        self.account_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.balances = QLabel(self)
        self.balances.setWordWrap(True)
        self.count = QLabel(self)
        self.closed_note = QLabel(self)
        self.closed_note.setStyleSheet(WARNING_STYLE)
        self.closed_note.setWordWrap(True)
        self.model = CashBookModel(books.db, books.date_style, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, stretch=COL_DESCRIPTION)
        for col, width in (
            (COL_DATE, 72), (COL_VOUCHER, 70), (COL_HEAD, 170), (COL_INCOME, 86), (COL_EXPENSE, 86),
            (COL_BALANCE, 100), (COL_ACCOUNT, 96), (COL_PAYEE, 110), (COL_NOTE, 70),
        ):  # fmt: skip
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_entry())
        self.months = RowsModel(
            "CashBookTab",
            [
                Column(QT_TRANSLATE_NOOP("CashBookTab", "Month"), _month),
                Column(QT_TRANSLATE_NOOP("CashBookTab", "Income (month)"), lambda r: yen(r.income), True),
                Column(QT_TRANSLATE_NOOP("CashBookTab", "Expense (month)"), lambda r: yen(r.expense), True),
                Column(
                    QT_TRANSLATE_NOOP("CashBookTab", "Income (to date)"),
                    lambda r: yen(r.cumulative_income),
                    True,
                ),
                Column(
                    QT_TRANSLATE_NOOP("CashBookTab", "Expense (to date)"),
                    lambda r: yen(r.cumulative_expense),
                    True,
                ),
                Column(QT_TRANSLATE_NOOP("CashBookTab", "Balance"), lambda r: yen(r.balance), True),
            ],
            self,
        )
        self.month_table = QTableView(self)
        self.month_table.setModel(self.months)
        setup_table(self.month_table)
        self.month_table.verticalHeader().setDefaultSectionSize(24)
        for col in range(5):
            self.month_table.setColumnWidth(col, 60 if col == 0 else 140)
        self.books_shown: tuple | None = None  # (fund, year, closed) the entry row was set for
        self.form = EntryForm(books, self)
        self.form.saved.connect(self.after_save)
        self.edit_button = QPushButton(self.tr("Correct…"), self)
        self.edit_button.setToolTip(self.tr("Load the selected entry into the entry row"))
        self.delete_button = QPushButton(self.tr("Delete entry"), self)
        self.new_button = QPushButton(self.tr("New entry"), self)
        self.edit_button.clicked.connect(self.edit_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.new_button.clicked.connect(lambda: self.form.start_new(focus=True))
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_entry)
        QShortcut(QKeySequence.StandardKey.New, self, lambda: self.form.start_new(focus=True))
        self.account_filter.currentIndexChanged.connect(lambda _i: self.reload_entries())

        top = QHBoxLayout()
        caption = QLabel(self.tr("Money account"), self)
        caption.setBuddy(self.account_filter)
        top.addWidget(caption)
        top.addWidget(self.account_filter)
        top.addWidget(self.balances, 1)
        top.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.month_table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 150])
        splitter.setChildrenCollapsible(False)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.closed_note)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self.form)

    # --- lists ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The fund or year changed (or another tab wrote): accounts, heads and entries read again."""
        books = self.books
        accounts: list[tuple[int, str]] = []
        heads = []
        if books.fund_id is not None:
            with books.db.Session() as session:
                accounts = [(a.id, a.name) for a in funds_service.list_money_accounts(session, books.fund_id)]
                heads = entry_heads(
                    heads_service.list_heads(session, books.fund_id, fiscal_year=books.fiscal_year)
                )
        current = self.account_filter.currentData()
        self.account_filter.blockSignals(True)
        self.account_filter.clear()
        self.account_filter.addItem(self.tr("All accounts"), None)
        for account_id, name in accounts:
            self.account_filter.addItem(name, account_id)
        self.account_filter.setCurrentIndex(max(0, self.account_filter.findData(current)))
        self.account_filter.blockSignals(False)
        self.form.set_choices(heads, accounts)
        self.form.set_account(self.account_filter.currentData())
        closed = books.closed
        self.closed_note.setVisible(closed)
        self.closed_note.setText(
            self.tr(
                "This fiscal year is closed: the cash book is read-only. Reopen the year on the Settlement tab to correct it."
            )
        )
        self.form.setEnabled(not closed and books.fund_id is not None)
        for button in (self.edit_button, self.delete_button, self.new_button):
            button.setEnabled(not closed)
        books_shown = (books.fund_id, books.fiscal_year, closed)
        if books_shown != self.books_shown:  # another fund or year: the entry row starts afresh
            self.books_shown = books_shown
            self.form.start_new()
        self.reload_entries()

    def reload_entries(self, select_entry: int | None = None) -> None:
        books = self.books
        account_id = self.account_filter.currentData()
        self.model.date_style = books.date_style
        self.model.set_query(books.fund_id, books.fiscal_year, account_id)
        self.form.set_account(account_id)
        self.count.setText(self.tr("%1 entries").replace("%1", f"{self.model.count:,}"))
        months, balances = [], []
        if books.fund_id is not None:
            with books.db.Session() as session:
                months = cashbook_service.month_totals(session, books.fund_id, books.fiscal_year, account_id)
                balances = cashbook_service.account_balances(session, books.fund_id, books.fiscal_year)
        self.months.set_rows(months)
        parts = [f"{b.name} {yen(b.closing)}円" for b in balances]
        total = sum(b.closing for b in balances)
        self.balances.setText(
            self.tr("Balances: %1 — total %2 yen").replace("%1", "、".join(parts)).replace("%2", yen(total))
        )
        row = self.model.row_of(select_entry) if select_entry is not None else self.model.rowCount() - 1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def selected_entry(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.entry_id(index.row()) if index.isValid() else None

    # --- actions -------------------------------------------------------------------------------
    def after_save(self, entry_id: int) -> None:
        self.reload_entries(entry_id)
        self.changed.emit()

    def edit_entry(self) -> None:
        entry_id = self.selected_entry()
        if entry_id is not None and not self.books.closed:
            self.form.edit(entry_id)

    def delete_entry(self) -> None:
        entry_id = self.selected_entry()
        if entry_id is None or self.books.closed:
            return
        row = self.model.entry_row(self.table.currentIndex().row())
        amount = row.income or row.expense or row.amount  # a transfer is neither in the fund's book
        what = f"{row.voucher_no}: {row.head_name or ''} {row.description} {yen(amount)}円".strip()
        answer = QMessageBox.question(
            self,
            self.tr("Delete entry"),
            self.tr("The entry “%1” will be deleted from the cash book.").replace("%1", what),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ok, _ = run_write(self, self.books, lambda s: cashbook_service.delete_entry(s, entry_id))
        if ok:
            if self.form.entry_id == entry_id:
                self.form.start_new()
            self.reload_entries()
            self.changed.emit()
