"""The entry row under the 出納簿: typed from the keyboard as fast as a paper book is written.

Enter moves to the next field and, on the last one, saves and starts the next entry (Ctrl+S saves
from anywhere). The 科目 is picked by typing part of its name or reading (かいひ finds 会費); choosing
a head sets 収入 or 支出. A date may be typed short (4/1 is read inside the fiscal year shown).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from nagato_desk.dates import fiscal_year_bounds, fiscal_year_of, format_date, format_fiscal_year
from nagato_desk.errors import NagatoError, Problem, ValidationError
from nagato_desk.gui.accounts_common import Books
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.cashbook_heads import TRANSFER_WORDS, HeadChoice, match_heads, parse_entry_date
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.link_pickers import PlanActionPicker
from nagato_desk.money import parse_yen
from nagato_desk.reading import fold
from nagato_desk.services import cashbook as cashbook_service
from nagato_desk.services.cashbook import EntryDraft


class EntryForm(QWidget):
    """New entries (and one entry being corrected) of the fund and year in ``books``."""

    saved = Signal(int)  # the entry's id
    closed_edit = Signal()

    def __init__(self, books: Books, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = books
        self.heads: list[HeadChoice] = []
        self.entry_id: int | None = None  # the entry being corrected, None for a new one
        self.original: EntryDraft | None = None
        self.last_date: date | None = None
        self.mode = QLabel(self)
        self.mode.setProperty("role", "subtitle")
        self.date = QLineEdit(self)
        self.date.setPlaceholderText(self.tr("e.g. 4/1"))
        self.date_hint = QLabel(self)
        self.date_hint.setProperty("role", "subtitle")
        self.kind = QComboBox(self)
        for kind, label in (
            ("in", self.tr("Income")),
            ("out", self.tr("Expense")),
            ("transfer", self.tr("Transfer")),
        ):
            self.kind.addItem(label, kind)
        self.head = QLineEdit(self)
        self.head.setPlaceholderText(self.tr("Type a head's name or reading (振替 for a transfer)"))
        self.completer_model = QStringListModel(self)
        self.completer = QCompleter(self.completer_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.head.setCompleter(self.completer)
        self.completer.activated.connect(self._head_chosen)
        self.head.returnPressed.connect(self._head_return)
        self.description = QLineEdit(self)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("yen"))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.account = QComboBox(self)
        self.to_account = QComboBox(self)
        self.voucher = QLineEdit(self)
        self.voucher.setMaximumWidth(90)
        self.payee = QLineEdit(self)
        self.plan = PlanActionPicker(books.db, self)  # optional: not in the Enter chain; Enter saves
        self.plan.lineEdit().returnPressed.connect(self.save)
        self.save_button = QPushButton(self.tr("Save entry"), self)
        self.save_button.setToolTip(self.tr("Enter on the last field or Ctrl+S"))
        mark_primary(self.save_button)
        self.cancel_button = QPushButton(self.tr("Cancel correction"), self)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel_edit)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel_edit).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.to_label = QLabel(self.tr("To account"), self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.mode, 0, 0, 1, 6)
        top = (
            (self.tr("Date"), self.date),
            (self.tr("Kind"), self.kind),
            (self.tr("Head"), self.head),
            (self.tr("Description"), self.description),
            (self.tr("Amount"), self.amount),
            (self.tr("Dream-plan action"), self.plan),
        )
        bottom = (
            (self.tr("Account"), self.account),
            (None, self.to_account),
            (self.tr("Voucher"), self.voucher),
            (self.tr("Payee"), self.payee),
        )
        for col, (text, widget) in enumerate(top):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, 1, col)
            grid.addWidget(widget, 2, col)
        grid.addWidget(self.date_hint, 3, 0, 1, 2)
        for col, (text, widget) in enumerate(bottom):
            label = self.to_label if text is None else QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, 4, col)
            grid.addWidget(widget, 5, col)
        grid.addWidget(self.save_button, 5, 4)
        grid.addWidget(self.cancel_button, 5, 5)
        for col, stretch in ((0, 2), (1, 1), (2, 3), (3, 4), (4, 2), (5, 3)):
            grid.setColumnStretch(col, stretch)
        self.chain: list[QWidget] = [
            self.date,
            self.head,
            self.description,
            self.amount,
            self.account,
            self.to_account,
            self.voucher,
            self.payee,
        ]
        order = [self.date, self.kind, *self.chain[1:], self.plan, self.save_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for widget in [*self.chain, self.kind, self.completer.popup()]:
            widget.installEventFilter(self)
        self.date.textChanged.connect(self._show_date)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.head.editingFinished.connect(self._resolve_head_quietly)
        self._kind_changed()
        self.start_new()

    # --- choices -------------------------------------------------------------------------------
    def set_choices(self, heads: list[HeadChoice], accounts: list[tuple[int, str]]) -> None:
        self.heads = heads
        self.plan.reload()
        self.completer_model.setStringList([h.display() for h in heads])
        for combo in (self.account, self.to_account):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for account_id, name in accounts:
                combo.addItem(name, account_id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        if self.to_account.currentIndex() == self.account.currentIndex() and self.to_account.count() > 1:
            self.to_account.setCurrentIndex(1 if self.account.currentIndex() == 0 else 0)

    def set_account(self, account_id: int | None) -> None:
        if account_id is not None:
            self.account.setCurrentIndex(max(0, self.account.findData(account_id)))

    # --- keyboard ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+S and Esc work in every field even before the window was ever activated
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Save):  # type: ignore[attr-defined]
            self.save()
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.entry_id is not None
        ):  # type: ignore[attr-defined]
            self.cancel_edit()
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier  # type: ignore[attr-defined]
        ):
            if watched is self.completer.popup():
                if self.completer.popup().currentIndex().isValid():
                    return False  # the completer takes the head chosen in its list
                self.completer.popup().hide()
                self._head_return()
            elif watched is self.kind:
                self.advance(self.date)
            elif watched is self.head:
                self._head_return()
            else:
                self.advance(watched)  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def advance(self, widget: QWidget) -> None:
        """Enter: the next field that is in use, or save after the last one."""
        index = self.chain.index(widget)
        for following in self.chain[index + 1 :]:
            if following.isEnabled() and not following.isHidden():
                following.setFocus()
                if isinstance(following, QLineEdit):
                    following.selectAll()
                return
        self.save()

    def _head_chosen(self, text: str) -> None:
        self.head.setText(text)
        self._head_return()

    def _head_return(self) -> None:
        # Enter in the head field (also when the completer's list had it): exact head, then move on
        if self.focusWidget() is not self.head:
            return
        if fold(self.head.text()) in TRANSFER_WORDS:  # 「振替」 typed as the head: a transfer
            self.head.clear()
            self.kind.setCurrentIndex(self.kind.findData("transfer"))
            self.advance(self.head)
        elif self._resolve_head():
            self.advance(self.head)

    def _resolve_head_quietly(self) -> None:
        matches = match_heads(self.head.text(), self.heads)
        if len(matches) == 1:
            self._take_head(matches[0])

    def _resolve_head(self) -> bool:
        """The typed head made exact (its side sets 収入/支出); a message when it is unknown or unclear."""
        if self.kind.currentData() == "transfer":
            return True
        try:
            self._take_head(self._head_or_error())
        except NagatoError as exc:
            show_error(self, exc, self.books.lang)
            self.head.setFocus()
            return False
        return True

    def _head_or_error(self) -> HeadChoice:
        text = self.head.text().strip()
        matches = match_heads(text, self.heads)
        if len(matches) == 1:
            return matches[0]
        if not text:
            ja, en = "科目を入力してください。", "Enter a head."
        elif not matches:
            ja, en = f"科目「{text}」は見つかりません。", f"There is no head '{text}'."
        else:
            names = "、".join(m.path for m in matches[:8])
            ja = f"「{text}」に当てはまる科目が複数あります（{names}）。もう少し詳しく入力してください。"
            en = f"'{text}' matches several heads ({names}). Type a little more."
        raise ValidationError([Problem(ja, en, field="head_id")])

    def _take_head(self, head: HeadChoice) -> None:
        self.head.setText(head.path)
        if self.kind.currentData() != head.side:
            self.kind.setCurrentIndex(self.kind.findData(head.side))

    def _kind_changed(self) -> None:
        transfer = self.kind.currentData() == "transfer"
        self.head.setEnabled(not transfer)
        self.to_account.setVisible(transfer)
        self.to_label.setVisible(transfer)

    def _show_date(self) -> None:
        text = self.date.text().strip()
        if not text:
            self.date_hint.setText("")
            return
        try:
            self.date_hint.setText(
                format_date(parse_entry_date(text, self.books.fiscal_year), self.books.date_style)
            )
        except ValueError:
            self.date_hint.setText(self.tr("cannot read this date"))

    # --- new entry, correction -------------------------------------------------------------------
    def default_date(self) -> date:
        """The date of the last entry typed in this year, else today inside the year, else 1 April."""
        first, last = fiscal_year_bounds(self.books.fiscal_year)
        if self.last_date is not None and first <= self.last_date <= last:
            return self.last_date
        today = date.today()
        return today if fiscal_year_of(today) == self.books.fiscal_year else first

    def start_new(self, focus: bool = False) -> None:
        self.entry_id, self.original = None, None
        if self.kind.currentData() == "transfer":  # transfers are rare: the next entry has a head again
            self.kind.setCurrentIndex(0)
        self.date.setText(f"{self.default_date():%Y/%m/%d}")
        for edit in (self.head, self.description, self.amount, self.voucher, self.payee):
            edit.clear()
        self.plan.set_value(None)
        self.cancel_button.hide()
        self._show_mode()
        if focus:
            self.date.setFocus()
            self.date.selectAll()

    def _show_mode(self) -> None:
        if self.entry_id is not None and self.original is not None:
            self.mode.setText(
                self.tr("Correcting voucher no. %1 (Esc to stop)").replace(
                    "%1", str(self.original.voucher_no)
                )
            )
            return
        next_no = ""
        if self.books.fund_id is not None:
            with self.books.db.Session() as session:
                next_no = str(
                    cashbook_service.next_voucher_no(session, self.books.fund_id, self.books.fiscal_year)
                )
        self.voucher.setPlaceholderText(next_no)
        self.mode.setText(self.tr("New entry: Enter moves to the next field and saves after the last"))

    def edit(self, entry_id: int) -> None:
        with self.books.db.Session() as session:
            entry = cashbook_service.get_entry(session, entry_id)
            draft = cashbook_service.draft_of_entry(entry)
        self.entry_id, self.original = entry_id, draft
        self.date.setText(f"{draft.entry_date:%Y/%m/%d}")
        self.kind.setCurrentIndex(self.kind.findData(draft.kind))
        head = next((h for h in self.heads if h.id == draft.head_id), None)
        self.head.setText(head.path if head else "")
        self.description.setText(draft.description)
        self.amount.setText(f"{draft.amount:,}")
        self.account.setCurrentIndex(max(0, self.account.findData(draft.money_account_id)))
        if draft.to_account_id is not None:
            self.to_account.setCurrentIndex(max(0, self.to_account.findData(draft.to_account_id)))
        self.voucher.setText(str(draft.voucher_no or ""))
        self.payee.setText(draft.payee)
        self.plan.reload(draft.plan_action_id)
        self.cancel_button.show()
        self._show_mode()
        self.date.setFocus()
        self.date.selectAll()

    def cancel_edit(self) -> None:
        if self.entry_id is not None:
            self.start_new(focus=True)
            self.closed_edit.emit()

    # --- saving --------------------------------------------------------------------------------
    def draft(self) -> EntryDraft:
        problems: list[Problem] = []
        entry_date = amount = voucher = None
        fy = self.books.fiscal_year
        try:
            entry_date = parse_entry_date(self.date.text(), fy)
        except ValueError as exc:
            problems.append(
                Problem(str(exc), f"Cannot read the date '{self.date.text()}'.", field="entry_date")
            )
        else:
            if fiscal_year_of(entry_date) != fy:
                year = format_fiscal_year(fy, self.books.date_style)
                problems.append(
                    Problem(
                        f"{format_date(entry_date, self.books.date_style)}は{year}（4月1日〜3月31日）の日付では"
                        "ありません。ほかの年度の行は、上の「年度」でその年度を選んでから入力してください。",
                        f"{entry_date:%Y-%m-%d} is not in FY{fy} (April–March); choose that year above first.",
                        field="entry_date",
                    )
                )
        kind = self.kind.currentData()
        head_id = None
        if kind != "transfer":
            try:
                head = self._head_or_error()
                self._take_head(head)
                head_id, kind = head.id, head.side
            except ValidationError as exc:
                problems.extend(exc.problems)
        try:
            amount = parse_yen(self.amount.text())
            if amount <= 0:
                raise ValueError("金額は1円以上で入力してください。")
        except ValueError as exc:
            problems.append(Problem(str(exc), "Enter the amount in whole yen, more than 0.", field="amount"))
        if self.voucher.text().strip():
            try:
                voucher = int(parse_yen(self.voucher.text()))
            except ValueError:
                problems.append(
                    Problem(
                        "証憑番号は数字で入力してください。",
                        "The voucher number is a number.",
                        field="voucher_no",
                    )
                )
        if problems:
            raise ValidationError(problems)
        base = self.original or EntryDraft(entry_date, kind, amount, self.account.currentData())  # type: ignore[arg-type]
        return replace(
            base,
            entry_date=entry_date,
            kind=kind,
            amount=amount,
            money_account_id=self.account.currentData(),
            head_id=head_id,
            to_account_id=self.to_account.currentData() if kind == "transfer" else None,
            description=self.description.text().strip(),
            payee=self.payee.text().strip(),
            voucher_no=voucher,
            plan_action_id=self.plan.value(),
        )

    def save(self) -> int | None:
        if self.books.fund_id is None or self.books.closed or not self.isEnabled():
            return None
        try:
            draft = self.draft()
            with self.books.db.session() as session:
                if self.entry_id is None:
                    entry = cashbook_service.add_entry(session, self.books.fund_id, draft)
                else:
                    entry = cashbook_service.update_entry(session, self.entry_id, draft)
                entry_id = entry.id
        except ValidationError as exc:
            show_error(self, exc, self.books.lang)
            self.focus_field(exc.problems[0].field if exc.problems else None)
            return None
        except NagatoError as exc:
            show_error(self, exc, self.books.lang)
            return None
        self.last_date = draft.entry_date
        self.start_new(focus=True)
        self.saved.emit(entry_id)
        return entry_id

    def focus_field(self, field: str | None) -> None:
        widget = {
            "entry_date": self.date,
            "head_id": self.head,
            "kind": self.kind,
            "amount": self.amount,
            "money_account_id": self.account,
            "to_account_id": self.to_account,
            "voucher_no": self.voucher,
            "description": self.description,
            "payee": self.payee,
            "plan_action_id": self.plan,
        }.get(field or "", self.date)
        widget.setFocus()
