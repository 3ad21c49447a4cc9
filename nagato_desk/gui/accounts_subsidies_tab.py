"""補助金 tab: the grants of the fiscal year (交付決定額, eligible heads) with what was received, spent,
left unspent and is to be refunded, the cash-book entries each paid for, and linking entries to it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.dates import format_date
from nagato_desk.errors import NagatoError, Problem, ValidationError
from nagato_desk.gui.accounts_common import Books, run_write, yen
from nagato_desk.gui.buttons import dialog_buttons, mark_primary
from nagato_desk.gui.date_field import DateField
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.money import parse_yen
from nagato_desk.services import account_heads as heads_service
from nagato_desk.services import cashbook as cashbook_service
from nagato_desk.services import subsidies as subsidies_service
from nagato_desk.services.subsidies import SubsidyDraft


def _checked_ids(widget: QListWidget) -> list[int]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def _check_item(widget: QListWidget, text: str, data: int, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(text, widget)
    item.setData(Qt.ItemDataRole.UserRole, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


class SubsidyDialog(QDialog):
    """A grant: name, granting body, amount decided and when, purpose, the heads it may pay for."""

    def __init__(self, books: Books, subsidy_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = books
        self.subsidy_id = subsidy_id
        self.setWindowTitle(self.tr("New subsidy") if subsidy_id is None else self.tr("Edit subsidy"))
        with books.db.Session() as session:
            draft = (
                subsidies_service.draft_of_subsidy(subsidies_service.get_subsidy(session, subsidy_id))
                if subsidy_id is not None
                else SubsidyDraft(books.fund_id or 0, books.fiscal_year, "")
            )
            heads = heads_service.list_heads(session, draft.fund_id, fiscal_year=draft.fiscal_year)
        self.base = draft
        self.name = QLineEdit(draft.name, self)
        self.body = QLineEdit(draft.granting_body, self)
        self.body.setPlaceholderText(self.tr("e.g. 長門市"))
        self.amount = QLineEdit(yen(draft.decided_amount), self)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.decided = DateField(
            books.date_style, draft.decided_on, field="decided_on", required=False, parent=self
        )
        self.purpose = QPlainTextEdit(draft.purpose, self)
        self.purpose.setTabChangesFocus(True)
        self.purpose.setMaximumHeight(70)
        self.heads = QListWidget(self)
        self.heads.setStyleSheet("QListWidget::item { padding: 2px; }")
        for h in heads:
            if h.side == "out":
                _check_item(self.heads, "　" * (h.level - 1) + h.name, h.id, h.id in draft.head_ids)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Granted by"), self.body)
        form.addRow(self.tr("Amount decided (yen)"), self.amount)
        form.addRow(self.tr("Decided on"), self.decided)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Eligible heads"), self.heads)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Save")))
        self.resize(560, 560)

    def draft(self) -> SubsidyDraft:
        try:
            amount = parse_yen(self.amount.text() or "0")
        except ValueError as exc:
            raise ValidationError([Problem(str(exc), "Enter whole yen.", field="decided_amount")]) from exc
        return SubsidyDraft(
            fund_id=self.base.fund_id,
            fiscal_year=self.base.fiscal_year,
            name=self.name.text().strip(),
            granting_body=self.body.text().strip(),
            decided_amount=amount,
            decided_on=self.decided.value(),
            purpose=self.purpose.toPlainText().strip(),
            notes=self.base.notes,
            head_ids=_checked_ids(self.heads),
        )

    def accept(self) -> None:
        try:
            draft = self.draft()
            with self.books.db.session() as session:
                if self.subsidy_id is None:
                    self.subsidy_id = subsidies_service.add_subsidy(session, draft).id
                else:
                    subsidies_service.update_subsidy(session, self.subsidy_id, draft)
        except NagatoError as exc:
            show_error(self, exc, self.books.lang)
            return
        super().accept()


class LinkEntriesDialog(QDialog):
    """Tick the cash-book entries the grant paid for (or that received it)."""

    def __init__(self, books: Books, subsidy_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = books
        self.subsidy_id = subsidy_id
        self.setWindowTitle(self.tr("Entries paid by the subsidy"))
        with books.db.Session() as session:
            subsidy = subsidies_service.get_subsidy(session, subsidy_id)
            eligible = {h.head_id for h in subsidy.heads}
            rows = cashbook_service.entry_page(session, subsidy.fund_id, subsidy.fiscal_year, 0, 100_000)
        self.before = {r.id for r in rows if r.subsidy_id == subsidy_id}
        self.entries = QListWidget(self)
        self.entries.setStyleSheet("QListWidget::item { padding: 2px; }")
        for r in rows:
            if r.kind == "transfer" or (r.subsidy_id not in (None, subsidy_id)):
                continue
            if r.kind == "out" and eligible and r.head_id not in eligible and r.id not in self.before:
                continue
            amount = r.income or r.expense or r.amount
            sign = "" if r.kind == "out" else "+"
            text = (
                f"{format_date(r.entry_date, books.date_style)}　No.{r.voucher_no}　{r.head_name}　"
                f"{r.description}　{sign}{yen(amount)}円"
            )
            _check_item(self.entries, text, r.id, r.id in self.before)
        hint = QLabel(
            self.tr(
                "Expenses on the eligible heads and incomes are listed; entries of another subsidy are not."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "subtitle")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.entries, 1)
        layout.addWidget(dialog_buttons(self, self.tr("Save")))
        self.resize(640, 480)

    def accept(self) -> None:
        chosen = set(_checked_ids(self.entries))
        removed = self.before - chosen

        def write(session):  # type: ignore[no-untyped-def]
            subsidies_service.link_entries(session, self.subsidy_id, sorted(chosen - self.before))
            for entry_id in sorted(removed):
                subsidies_service.unlink_entry(session, entry_id)

        ok, _ = run_write(self, self.books, write)
        if ok:
            super().accept()


class SubsidiesTab(QWidget):
    changed = Signal()

    def __init__(self, books: Books, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = books
        self.model = RowsModel(
            "SubsidiesTab",
            [
                Column(QT_TRANSLATE_NOOP("SubsidiesTab", "Subsidy"), lambda s: s.name),
                Column(QT_TRANSLATE_NOOP("SubsidiesTab", "Granted by"), lambda s: s.granting_body),
                Column(QT_TRANSLATE_NOOP("SubsidiesTab", "Decided"), lambda s: yen(s.decided_amount), True),
                Column(QT_TRANSLATE_NOOP("SubsidiesTab", "Received"), lambda s: yen(s.received), True),
                Column(QT_TRANSLATE_NOOP("SubsidiesTab", "Spent"), lambda s: yen(s.spent), True),
                Column(QT_TRANSLATE_NOOP("SubsidiesTab", "Unspent"), lambda s: yen(s.unspent), True),
                Column(QT_TRANSLATE_NOOP("SubsidiesTab", "To refund"), lambda s: yen(s.to_refund), True),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, stretch=0)
        for col in range(1, 7):
            self.table.setColumnWidth(col, 150 if col == 1 else 100)
        self.table.doubleClicked.connect(lambda _i: self.edit_subsidy())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.entries = RowsModel(
            "SubsidiesTab",
            [
                Column(
                    QT_TRANSLATE_NOOP("SubsidiesTab", "Date"),
                    lambda e: format_date(e.entry_date, self.books.date_style),
                ),
                Column(QT_TRANSLATE_NOOP("SubsidiesTab", "Voucher"), lambda e: str(e.voucher_no), True),
                Column(QT_TRANSLATE_NOOP("SubsidiesTab", "Head"), lambda e: e.head_name),
                Column(QT_TRANSLATE_NOOP("SubsidiesTab", "Description"), lambda e: e.description),
                Column(
                    QT_TRANSLATE_NOOP("SubsidiesTab", "Income"),
                    lambda e: yen(e.amount) if e.kind == "in" else "",
                    True,
                ),
                Column(
                    QT_TRANSLATE_NOOP("SubsidiesTab", "Expense"),
                    lambda e: yen(e.amount) if e.kind == "out" else "",
                    True,
                ),
            ],
            self,
        )
        self.entry_table = QTableView(self)
        self.entry_table.setModel(self.entries)
        setup_table(self.entry_table, stretch=3)
        for col, width in ((0, 150), (1, 80), (2, 160), (4, 100), (5, 100)):
            self.entry_table.setColumnWidth(col, width)
        self.new_button = QPushButton(self.tr("New subsidy…"), self)
        mark_primary(self.new_button)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.link_button = QPushButton(self.tr("Entries paid…"), self)
        self.link_button.setToolTip(self.tr("Choose the cash-book entries this subsidy paid for"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        for button, slot in (
            (self.new_button, self.new_subsidy),
            (self.edit_button, self.edit_subsidy),
            (self.link_button, self.link_entries),
            (self.delete_button, self.delete_subsidy),
        ):
            button.clicked.connect(slot)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail)
        lower_layout.addWidget(self.entry_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([200, 320])
        splitter.setChildrenCollapsible(False)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.link_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

    def refresh(self, select_id: int | None = None) -> None:
        books = self.books
        current = self.selected()
        select_id = select_id if select_id is not None else (current.subsidy_id if current else None)
        summaries = []
        if books.fund_id is not None:
            with books.db.Session() as session:
                for s in subsidies_service.list_subsidies(session, books.fiscal_year):
                    if s.fund_id == books.fund_id:
                        summaries.append(subsidies_service.subsidy_summary(session, s.id))
        self.model.set_rows(summaries)
        row = next((i for i, s in enumerate(summaries) if s.subsidy_id == select_id), 0 if summaries else -1)
        if row >= 0:
            self.table.selectRow(row)
        for button in (self.link_button,):
            button.setEnabled(not books.closed)
        self.show_detail()

    def selected(self):  # type: ignore[no-untyped-def]
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def show_detail(self) -> None:
        s = self.selected()
        if s is None:
            self.detail.setText(self.tr("No subsidy is recorded for this year."))
            self.entries.set_rows([])
            return
        parts = [
            self.tr("%1 from %2: decided %3 yen%4.")
            .replace("%1", s.name)
            .replace("%2", s.granting_body or "—")
            .replace("%3", yen(s.decided_amount))
            .replace("%4", f"（{format_date(s.decided_on, self.books.date_style)}）" if s.decided_on else ""),
            self.tr("Eligible heads: %1.").replace("%1", "、".join(s.eligible_heads) or "—"),
        ]
        if s.ineligible_spent:
            parts.append(
                self.tr("%1 yen of the linked expenses are on heads the subsidy does not cover.").replace(
                    "%1", yen(s.ineligible_spent)
                )
            )
        self.detail.setText("\n".join(parts))
        self.entries.set_rows(s.entries)

    def new_subsidy(self) -> None:
        if self.books.fund_id is None:
            return
        dialog = SubsidyDialog(self.books, None, self)
        if dialog.exec():
            self.refresh(dialog.subsidy_id)
            self.changed.emit()

    def edit_subsidy(self) -> None:
        s = self.selected()
        if s is not None and SubsidyDialog(self.books, s.subsidy_id, self).exec():
            self.refresh(s.subsidy_id)
            self.changed.emit()

    def link_entries(self) -> None:
        s = self.selected()
        if s is not None and LinkEntriesDialog(self.books, s.subsidy_id, self).exec():
            self.refresh(s.subsidy_id)
            self.changed.emit()

    def delete_subsidy(self) -> None:
        s = self.selected()
        if s is None:
            return
        text = self.tr("The subsidy “%1” will be deleted; its entries stay in the cash book.").replace(
            "%1", s.name
        )
        if QMessageBox.question(self, self.tr("Delete subsidy"), text) != QMessageBox.StandardButton.Yes:
            return
        ok, _ = run_write(
            self, self.books, lambda session: subsidies_service.delete_subsidy(session, s.subsidy_id)
        )
        if ok:
            self.refresh()
            self.changed.emit()

    def screenshots(self, save) -> None:  # type: ignore[no-untyped-def]
        if self.books.fund_id is not None:
            save(SubsidyDialog(self.books, None, self), "accounts-subsidy-dialog")
