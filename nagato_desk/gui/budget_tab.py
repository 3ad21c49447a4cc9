"""予算 tab: the 収支予算書 of the year — 当初予算 and each 補正予算 with its date, the amount and
explanation per head beside last year's, and whether income and expense meet (予備費 can absorb the
difference). A 補正予算 starts as a copy of the budget before it; each holds the whole amended budget."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.gui.accounts_common import WARNING_STYLE, Books, run_write, yen
from nagato_desk.gui.budget_table import BudgetTable
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.date_field import DateDialog, DateField
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.link_pickers import MeetingLinkPicker
from nagato_desk.services import account_heads as heads_service
from nagato_desk.services import budgets as budgets_service
from nagato_desk.services.budgets import BudgetDraft

NEW = -1  # the revision combo's entry for a 当初予算 not saved yet


class BudgetTab(QWidget):
    changed = Signal()

    def __init__(self, books: Books, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = books
        self.revision = QComboBox(self)
        self.revision.setMinimumWidth(220)
        self.add_button = QPushButton(self.tr("Add amendment…"), self)
        self.add_button.setToolTip(self.tr("A 補正予算: starts as a copy of the budget in force"))
        self.delete_button = QPushButton(self.tr("Delete amendment"), self)
        self.decided = DateField(books.date_style, None, field="decided_on", required=False, parent=self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. 第1号補正予算"))
        self.meeting = MeetingLinkPicker(books.db, books.date_style, self)
        self.meeting.setToolTip(self.tr("The meeting that approved this budget (議決した会議)"))
        self.table = BudgetTable(self)
        self.table.totals_changed.connect(self.show_balance)
        self.balance = QLabel(self)
        self.balance.setWordWrap(True)
        self.absorb = QCheckBox(self.tr("Let the reserve (予備費) absorb the difference when saving"), self)
        self.save_button = QPushButton(self.tr("Save budget"), self)
        mark_primary(self.save_button)
        self.note = QLabel(self)
        self.note.setStyleSheet(WARNING_STYLE)
        self.add_button.clicked.connect(self.add_amendment)
        self.delete_button.clicked.connect(self.delete_amendment)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.dirty = False  # edits not saved yet
        self.loaded_for: tuple | None = None  # (fund, year) the table shows
        self.shown_revision = None
        self.table.edited.connect(self._edited)
        self.title.textEdited.connect(lambda _t: self._edited())
        self.meeting.changed.connect(self._edited)
        self.decided.edit.textEdited.connect(lambda _t: self._edited())
        self.revision.currentIndexChanged.connect(lambda _i: self._revision_chosen())
        top = QHBoxLayout()
        caption = QLabel(self.tr("Budget"), self)
        caption.setBuddy(self.revision)
        top.addWidget(caption)
        top.addWidget(self.revision)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        top.addSpacing(12)
        self.title.setMaximumWidth(220)
        self.decided.edit.setMinimumWidth(110)
        for text, widget, stretch in (
            (self.tr("Decided on"), self.decided, 1),
            (self.tr("Title"), self.title, 0),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget, stretch)
        approved = QHBoxLayout()
        approved_label = QLabel(self.tr("Approved at"), self)
        approved_label.setBuddy(self.meeting)
        approved.addWidget(approved_label)
        approved.addWidget(self.meeting, 1)
        approved.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.balance, 1)
        bottom.addWidget(self.absorb)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addLayout(approved)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # --- reading -------------------------------------------------------------------------------
    def _edited(self) -> None:
        self.dirty = True

    def confirm_leave(self) -> bool:
        """Before other books or another budget are shown: save or drop the edits (False: stay)."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Save the budget?"),
            self.tr("The budget shown has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.dirty = False
            return True
        return False

    def _revision_chosen(self) -> None:
        if self.confirm_leave():
            self.load()
            return
        self.revision.blockSignals(True)  # stay on the budget being edited
        self.revision.setCurrentIndex(max(0, self.revision.findData(self.shown_revision)))
        self.revision.blockSignals(False)

    def refresh(self, select_number: int | None = None) -> None:
        books = self.books
        if self.dirty and select_number is None and self.loaded_for == (books.fund_id, books.fiscal_year):
            return  # back from another tab: the edits stay on screen until saved
        self.decided.date_style = books.date_style
        revisions: list[tuple[int, str, int]] = []
        if books.fund_id is not None:
            with books.db.Session() as session:
                for rev in budgets_service.list_revisions(session, books.fund_id, books.fiscal_year):
                    label = rev.title or budgets_service.revision_title(rev.number)
                    if rev.decided_on:
                        label += f"（{format_date(rev.decided_on, books.date_style)}）"
                    revisions.append((rev.id, label, rev.number))
        if select_number is None:
            current = self.revision.currentData()
            ids = [r[0] for r in revisions]
            select_id = current if current in ids else (ids[-1] if ids else NEW)
        else:
            select_id = next((r[0] for r in revisions if r[2] == select_number), NEW)
        self.revision.blockSignals(True)
        self.revision.clear()
        if not revisions:
            self.revision.addItem(self.tr("Initial budget (not entered yet)"), NEW)
        for rev_id, label, _number in revisions:
            self.revision.addItem(label, rev_id)
        self.revision.setCurrentIndex(max(0, self.revision.findData(select_id)))
        self.revision.blockSignals(False)
        self.revisions = revisions
        self.load()

    def current_number(self) -> int | None:
        rev_id = self.revision.currentData()
        return next((n for i, _l, n in self.revisions if i == rev_id), None)

    def load(self) -> None:
        books = self.books
        rev_id = self.revision.currentData()
        heads, amounts, explanations, last_year = [], {}, {}, {}
        draft = BudgetDraft()
        if books.fund_id is not None:
            with books.db.Session() as session:
                heads = heads_service.list_heads(session, books.fund_id, fiscal_year=books.fiscal_year)
                last_year = budgets_service.budget_amounts(session, books.fund_id, books.fiscal_year - 1)
                if rev_id not in (None, NEW):
                    rev = budgets_service.get_revision(session, rev_id)
                    draft = budgets_service.draft_of_revision(rev)
        amounts = {ln.head_id: ln.amount for ln in draft.lines}
        explanations = {ln.head_id: ln.explanation for ln in draft.lines}
        latest = not self.revisions or rev_id == self.revisions[-1][0]
        editable = not books.closed and books.fund_id is not None
        self.table.set_data(heads, amounts, explanations, last_year, editable)
        self.decided.set_date(draft.decided_on)
        self.title.setText(draft.title)
        self.meeting.blockSignals(True)
        self.meeting.date_style = books.date_style
        self.meeting.reload(draft.approved_meeting_id)
        self.meeting.set_value(draft.approved_meeting_id)
        self.meeting.blockSignals(False)
        self.draft = draft
        self.dirty = False
        self.loaded_for = (books.fund_id, books.fiscal_year)
        self.shown_revision = rev_id
        number = self.current_number()
        for widget in (self.decided, self.title, self.meeting, self.save_button, self.absorb):
            widget.setEnabled(editable)
        self.add_button.setEnabled(editable and bool(self.revisions))
        self.delete_button.setEnabled(editable and latest and bool(number))
        if books.closed:
            self.note.setText(self.tr("This fiscal year is closed: its budget cannot be changed."))
        elif not latest:
            self.note.setText(
                self.tr("A later amendment replaces this budget; the settlement uses the latest one.")
            )
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))

    def show_balance(self, income: int, expense: int) -> None:
        diff = income - expense
        text = (
            self.tr("Income %1 yen − expense %2 yen = %3 yen")
            .replace("%1", yen(income))
            .replace("%2", yen(expense))
            .replace("%3", yen(diff))
        )
        if diff:
            text += "　" + self.tr("Income and expense do not balance.")
        self.balance.setText(text)
        self.balance.setStyleSheet(WARNING_STYLE if diff else "")

    # --- writing -------------------------------------------------------------------------------
    def current_draft(self) -> BudgetDraft:
        return BudgetDraft(
            decided_on=self.decided.value(),
            approved_meeting_id=self.meeting.value(),
            title=self.title.text().strip(),
            notes=self.draft.notes,
            lines=self.table.lines(),
            absorb_with_reserve=self.absorb.isChecked(),
        )

    def save(self) -> bool:
        books = self.books
        if books.fund_id is None or books.closed:
            return False
        try:
            draft = self.current_draft()
        except NagatoError as exc:
            show_error(self, exc, books.lang)
            return False
        rev_id = self.revision.currentData()
        fund_id, fy = books.fund_id, books.fiscal_year

        def write(session):  # type: ignore[no-untyped-def]
            if rev_id in (None, NEW):
                return budgets_service.save_budget(session, fund_id, fy, draft).number
            return budgets_service.update_revision(session, rev_id, draft).number

        ok, number = run_write(self, books, write)
        if ok:
            self.absorb.setChecked(False)
            self.refresh(number)
            self.changed.emit()
        return ok

    def add_amendment(self) -> None:
        books = self.books
        if books.fund_id is None or books.closed or not self.revisions:
            return
        number = len(self.revisions)
        dialog = DateDialog(
            self.tr("Add amendment"),
            self.tr(
                "Amendment no. %1 to the budget of %2. It starts as a copy of the budget in force; "
                "change the amounts that the meeting amended, then save."
            )
            .replace("%1", str(number))
            .replace("%2", format_fiscal_year(books.fiscal_year, books.date_style)),
            self.tr("Decided on"),
            books.date_style,
            ok_text=self.tr("Add"),
            lang=books.lang,
            parent=self,
        )
        if not dialog.exec() or dialog.on is None:
            return
        fund_id, fy, on = books.fund_id, books.fiscal_year, dialog.on

        def write(session):  # type: ignore[no-untyped-def]
            base = budgets_service.draft_of_revision(budgets_service.latest_revision(session, fund_id, fy))
            base.decided_on, base.title, base.approved_meeting_id = on, "", None
            return budgets_service.add_amendment(session, fund_id, fy, base).number

        ok, new_number = run_write(self, books, write)
        if ok:
            self.refresh(new_number)
            self.changed.emit()

    def delete_amendment(self) -> None:
        rev_id = self.revision.currentData()
        if rev_id in (None, NEW) or not self.current_number():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete amendment"),
            self.tr("“%1” will be deleted; the budget before it is in force again.").replace(
                "%1", self.revision.currentText()
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ok, _ = run_write(self, self.books, lambda s: budgets_service.delete_revision(s, rev_id))
        if ok:
            self.refresh(len(self.revisions) - 2)
            self.changed.emit()
