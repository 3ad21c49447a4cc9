"""Small forms of the 科目・口座 tab: a fund (会計), a money account (口座) with its opening balance,
and a head (科目) with its reading and first year."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.errors import NagatoError, Problem, ValidationError
from nagato_desk.gui.accounts_common import Books, yen
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.errors import show_error
from nagato_desk.money import parse_yen
from nagato_desk.services import account_heads as heads_service
from nagato_desk.services import funds as funds_service
from nagato_desk.services.account_heads import HeadDraft
from nagato_desk.services.funds import FundDraft, MoneyAccountDraft


def _years(
    combo: QComboBox, style: str, first: int, last: int, current: int | None, none_text: str = ""
) -> None:
    if none_text:
        combo.addItem(none_text, None)
    for fy in range(last, first - 1, -1):
        combo.addItem(format_fiscal_year(fy, style), fy)
    combo.setCurrentIndex(max(0, combo.findData(current)))


class _FormDialog(QDialog):
    def __init__(self, books: Books, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.books = books
        self.result_id: int | None = None
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.buttons = dialog_buttons(self, QCoreApplication.translate("Dialogs", "Save"))
        layout.addWidget(self.buttons)
        self.resize(460, 220)

    def write(self, session) -> int:  # type: ignore[no-untyped-def]
        raise NotImplementedError

    def accept(self) -> None:
        try:
            with self.books.db.session() as session:
                self.result_id = self.write(session)
        except NagatoError as exc:
            show_error(self, exc, self.books.lang)
            return
        super().accept()


class FundDialog(_FormDialog):
    def __init__(self, books: Books, fund_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(books, parent)
        self.setWindowTitle(self.tr("New fund") if fund_id is None else self.tr("Edit fund"))
        self.fund_id = fund_id
        draft = FundDraft("", "special", fiscal_year_of(date.today()))
        if fund_id is not None:
            with books.db.Session() as session:
                fund = funds_service.get_fund(session, fund_id)
                draft = FundDraft(fund.name, fund.kind, fund.first_fiscal_year, fund.notes)
        self.name = QLineEdit(draft.name, self)
        self.name.setPlaceholderText(self.tr("e.g. 竹炭事業特別会計"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("General (一般会計)"), "general")
        self.kind.addItem(self.tr("Special (特別会計)"), "special")
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.first_year = QComboBox(self)
        today = fiscal_year_of(date.today())
        _years(self.first_year, books.date_style, min(today - 10, draft.first_fiscal_year or today), today + 1,
               draft.first_fiscal_year)  # fmt: skip
        self.notes = QLineEdit(draft.notes, self)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("First year kept here"), self.first_year)
        self.form.addRow(self.tr("Notes"), self.notes)

    def write(self, session) -> int:  # type: ignore[no-untyped-def]
        draft = FundDraft(self.name.text().strip(), self.kind.currentData(), self.first_year.currentData(),
                          self.notes.text().strip())  # fmt: skip
        if self.fund_id is None:
            return funds_service.add_fund(session, draft).id
        return funds_service.update_fund(session, self.fund_id, draft).id


class MoneyAccountDialog(_FormDialog):
    def __init__(self, books: Books, account_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(books, parent)
        self.setWindowTitle(
            self.tr("New money account") if account_id is None else self.tr("Edit money account")
        )
        self.account_id = account_id
        draft = MoneyAccountDraft("", "bank", 0)
        if account_id is not None:
            with books.db.Session() as session:
                a = funds_service.get_money_account(session, account_id)
                draft = MoneyAccountDraft(a.name, a.kind, a.opening_balance, a.notes)
        self.name = QLineEdit(draft.name, self)
        self.name.setPlaceholderText(self.tr("e.g. 山口銀行 普通預金"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Cash"), "cash")
        self.kind.addItem(self.tr("Bank"), "bank")
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.opening = QLineEdit(yen(draft.opening_balance), self)
        self.opening.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.notes = QLineEdit(draft.notes, self)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Opening balance (yen)"), self.opening)
        self.form.addRow(self.tr("Notes"), self.notes)

    def write(self, session) -> int:  # type: ignore[no-untyped-def]
        try:
            opening = parse_yen(self.opening.text() or "0")
        except ValueError as exc:
            raise ValidationError([Problem(str(exc), "Enter whole yen.", field="opening_balance")]) from exc
        draft = MoneyAccountDraft(
            self.name.text().strip(), self.kind.currentData(), opening, self.notes.text().strip()
        )
        if self.account_id is None:
            return funds_service.add_money_account(session, self.books.fund_id, draft).id  # type: ignore[arg-type]
        return funds_service.update_money_account(session, self.account_id, draft).id


class HeadDialog(_FormDialog):
    """A new head (under ``parent_id`` or at the top of ``side``) or a head renamed."""

    def __init__(
        self,
        books: Books,
        head_id: int | None = None,
        side: str = "out",
        parent_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(books, parent)
        self.setWindowTitle(self.tr("New head") if head_id is None else self.tr("Edit head"))
        self.head_id = head_id
        draft = HeadDraft(side, "", parent_id, "", books.fiscal_year)
        if head_id is not None:
            with books.db.Session() as session:
                h = heads_service.get_head(session, head_id)
                draft = HeadDraft(h.side, h.name, h.parent_id, h.reading, h.valid_from, h.role)
        self.base = draft
        self.name = QLineEdit(draft.name, self)
        self.reading = QLineEdit(draft.reading, self)
        self.reading.setPlaceholderText(self.tr("hiragana, used to find the head when typing"))
        self.valid_from = QComboBox(self)
        today = fiscal_year_of(date.today())
        _years(
            self.valid_from,
            books.date_style,
            today - 10,
            today + 1,
            draft.valid_from,
            self.tr("(every year)"),
        )
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Reading"), self.reading)
        self.form.addRow(self.tr("Used from"), self.valid_from)

    def write(self, session) -> int:  # type: ignore[no-untyped-def]
        b = self.base
        draft = HeadDraft(b.side, self.name.text().strip(), b.parent_id, self.reading.text().strip(),
                          self.valid_from.currentData(), b.role)  # fmt: skip
        if self.head_id is None:
            return heads_service.add_head(session, self.books.fund_id, draft).id  # type: ignore[arg-type]
        return heads_service.update_head(session, self.head_id, draft).id
