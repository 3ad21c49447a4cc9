"""科目・口座 tab: the funds (会計), the money accounts of the fund shown with their opening
balances, and the heads as a tree (款・項・目, income and expense): add, rename, order, retire from a
year (past years keep it), delete one nobody used."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.dates import format_fiscal_year
from nagato_desk.gui.accounts_common import Books, run_write, yen
from nagato_desk.gui.accounts_setup_dialogs import FundDialog, HeadDialog, MoneyAccountDialog
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.services import account_heads as heads_service
from nagato_desk.services import funds as funds_service


class AccountRow:
    def __init__(self, a) -> None:  # type: ignore[no-untyped-def]
        self.id, self.name, self.kind, self.opening, self.active = (
            a.id,
            a.name,
            a.kind,
            a.opening_balance,
            a.active,
        )


class SetupTab(QWidget):
    changed = Signal()
    funds_changed = Signal()

    def __init__(self, books: Books, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = books
        self.fund_label = QLabel(self)
        self.fund_label.setProperty("role", "subtitle")
        self.new_fund_button = QPushButton(self.tr("New fund…"), self)
        self.edit_fund_button = QPushButton(self.tr("Edit fund…"), self)
        self.accounts = RowsModel(
            "SetupTab",
            [
                Column(QT_TRANSLATE_NOOP("SetupTab", "Money account"), lambda a: a.name),
                Column(QT_TRANSLATE_NOOP("SetupTab", "Kind"), lambda a: self._kind(a.kind)),
                Column(QT_TRANSLATE_NOOP("SetupTab", "Opening balance"), lambda a: yen(a.opening), True),
                Column(QT_TRANSLATE_NOOP("SetupTab", "In use"), lambda a: "○" if a.active else "—"),
            ],
            self,
        )
        self.account_table = QTableView(self)
        self.account_table.setModel(self.accounts)
        setup_table(self.account_table, stretch=0)
        for col, width in ((1, 60), (2, 110), (3, 60)):
            self.account_table.setColumnWidth(col, width)
        self.account_table.doubleClicked.connect(lambda _i: self.edit_account())
        self.new_account_button = QPushButton(self.tr("New account…"), self)
        self.edit_account_button = QPushButton(self.tr("Edit…"), self)
        self.active_button = QPushButton(self.tr("Stop / resume using"), self)
        self.heads = QTreeWidget(self)
        self.heads.setHeaderLabels(
            [self.tr("Head"), self.tr("Reading"), self.tr("Used from"), self.tr("Retired from")]
        )
        self.heads.setStyleSheet("QTreeWidget::item { padding: 3px 0; }")
        self.heads.setAlternatingRowColors(True)
        self.heads.setColumnWidth(0, 240)
        self.heads.setColumnWidth(1, 190)
        self.heads.setColumnWidth(2, 100)
        self.heads.itemDoubleClicked.connect(lambda *_: self.edit_head())
        self.add_head_button = QPushButton(self.tr("Add head…"), self)
        self.add_sub_button = QPushButton(self.tr("Add sub-head…"), self)
        self.edit_head_button = QPushButton(self.tr("Rename…"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.retire_button = QPushButton(self.tr("Retire…"), self)
        self.delete_head_button = QPushButton(self.tr("Delete"), self)
        for button, slot in (
            (self.new_fund_button, self.new_fund),
            (self.edit_fund_button, self.edit_fund),
            (self.new_account_button, self.new_account),
            (self.edit_account_button, self.edit_account),
            (self.active_button, self.toggle_account),
            (self.add_head_button, lambda: self.add_head(False)),
            (self.add_sub_button, lambda: self.add_head(True)),
            (self.edit_head_button, self.edit_head),
            (self.up_button, lambda: self.move_head(-1)),
            (self.down_button, lambda: self.move_head(1)),
            (self.retire_button, self.retire_head),
            (self.delete_head_button, self.delete_head),
        ):
            button.clicked.connect(slot)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.fund_label.setWordWrap(True)
        left_layout.addWidget(self.fund_label)
        fund_row = QHBoxLayout()
        fund_row.addStretch(1)
        fund_row.addWidget(self.new_fund_button)
        fund_row.addWidget(self.edit_fund_button)
        left_layout.addLayout(fund_row)
        left_layout.addWidget(self.account_table, 1)
        account_row = QHBoxLayout()
        for button in (self.new_account_button, self.edit_account_button, self.active_button):
            account_row.addWidget(button)
        account_row.addStretch(1)
        left_layout.addLayout(account_row)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heads, 1)
        head_row = QHBoxLayout()
        for button in (self.add_head_button, self.add_sub_button, self.edit_head_button, self.up_button,
                       self.down_button):  # fmt: skip
            head_row.addWidget(button)
        head_row.addStretch(1)
        head_row.addWidget(self.retire_button)
        head_row.addWidget(self.delete_head_button)
        right_layout.addLayout(head_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 560])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)

    def _kind(self, kind: str) -> str:
        return self.tr("Cash") if kind == "cash" else self.tr("Bank")

    # --- reading -------------------------------------------------------------------------------
    def refresh(self, select_head: int | None = None) -> None:
        books = self.books
        if books.fund_id is None:
            return
        current = self.selected_head()
        select_head = select_head if select_head is not None else (current.id if current else None)
        with books.db.Session() as session:
            fund = funds_service.get_fund(session, books.fund_id)
            fund_text = (
                self.tr("%1 — books kept from %2")
                .replace("%1", fund.name)
                .replace("%2", format_fiscal_year(fund.first_fiscal_year, books.date_style))
            )
            accounts = [
                AccountRow(a)
                for a in funds_service.list_money_accounts(session, books.fund_id, include_inactive=True)
            ]
            heads = heads_service.list_heads(session, books.fund_id)
        self.fund_label.setText(fund_text)
        self.accounts.set_rows(accounts)
        self.heads.clear()
        items: dict[int, QTreeWidgetItem] = {}
        sides = {}
        for side, text in (("in", self.tr("Income")), ("out", self.tr("Expense"))):
            top = QTreeWidgetItem(self.heads, [text])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            sides[side] = top
        for h in heads:
            parent = items.get(h.parent_id) if h.parent_id else sides[h.side]  # type: ignore[arg-type]
            item = QTreeWidgetItem(
                parent,
                [
                    h.name,
                    h.reading,
                    format_fiscal_year(h.valid_from, books.date_style) if h.valid_from else "",
                    format_fiscal_year(h.retired_from, books.date_style) if h.retired_from else "",
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, h)
            if h.retired_from is not None:
                for col in range(4):
                    item.setForeground(col, Qt.GlobalColor.gray)
            items[h.id] = item
        self.heads.expandAll()
        if select_head in items:
            self.heads.setCurrentItem(items[select_head])

    def selected_head(self):  # type: ignore[no-untyped-def]
        item = self.heads.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def selected_side(self) -> str:
        item = self.heads.currentItem()
        head = self.selected_head()
        if head is not None:
            return head.side
        if item is not None and self.heads.indexOfTopLevelItem(item) == 0:
            return "in"
        return "out"

    def selected_account(self) -> AccountRow | None:
        index = self.account_table.currentIndex()
        return self.accounts.row_at(index.row()) if index.isValid() else None

    def _done(self, head_id: int | None = None) -> None:
        self.refresh(head_id)
        self.changed.emit()

    # --- funds and accounts --------------------------------------------------------------------
    def new_fund(self) -> None:
        dialog = FundDialog(self.books, None, self)
        if dialog.exec():
            self.funds_changed.emit()
            self.changed.emit()

    def edit_fund(self) -> None:
        if self.books.fund_id is not None and FundDialog(self.books, self.books.fund_id, self).exec():
            self.funds_changed.emit()
            self.changed.emit()

    def new_account(self) -> None:
        if self.books.fund_id is not None and MoneyAccountDialog(self.books, None, self).exec():
            self._done()

    def edit_account(self) -> None:
        row = self.selected_account()
        if row is not None and MoneyAccountDialog(self.books, row.id, self).exec():
            self._done()

    def toggle_account(self) -> None:
        row = self.selected_account()
        if row is None:
            return
        ok, _ = run_write(
            self, self.books, lambda s: funds_service.set_money_account_active(s, row.id, not row.active)
        )
        if ok:
            self._done()

    # --- heads ---------------------------------------------------------------------------------
    def add_head(self, under_selected: bool) -> None:
        head = self.selected_head()
        if self.books.fund_id is None or (under_selected and head is None):
            return
        parent_id = head.id if under_selected else (head.parent_id if head is not None else None)
        dialog = HeadDialog(self.books, None, self.selected_side(), parent_id, self)
        if dialog.exec():
            self._done(dialog.result_id)

    def edit_head(self) -> None:
        head = self.selected_head()
        if head is not None and HeadDialog(self.books, head.id, head.side, head.parent_id, self).exec():
            self._done(head.id)

    def move_head(self, delta: int) -> None:
        head = self.selected_head()
        if head is None:
            return
        ok, _ = run_write(self, self.books, lambda s: heads_service.move_head(s, head.id, delta))
        if ok:
            self._done(head.id)

    def retire_head(self) -> None:
        head = self.selected_head()
        if head is None:
            return
        style = self.books.date_style
        fy = self.books.fiscal_year
        choices = [self.tr("In use again (not retired)")] + [
            format_fiscal_year(y, style) for y in range(fy - 1, fy + 3)
        ]
        current = 0 if head.retired_from is None else 1
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Retire head"),
            self.tr("From which fiscal year is “%1” no longer used? Earlier years keep it.").replace(
                "%1", head.name
            ),
            choices,
            current,
            False,
        )
        if not ok:
            return
        index = choices.index(choice)
        year = None if index == 0 else fy - 2 + index
        ok, _ = run_write(self, self.books, lambda s: heads_service.retire_head(s, head.id, year))
        if ok:
            self._done(head.id)

    def delete_head(self) -> None:
        head = self.selected_head()
        if head is None:
            return
        text = self.tr("The head “%1” will be deleted. A head already used can only be retired.").replace(
            "%1", head.name
        )
        if QMessageBox.question(self, self.tr("Delete head"), text) != QMessageBox.StandardButton.Yes:
            return
        ok, _ = run_write(self, self.books, lambda s: heads_service.delete_head(s, head.id))
        if ok:
            self._done()
