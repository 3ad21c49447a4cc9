"""監査 tab: the audits of the fiscal year (date, the 監事 who audited, result, remarks) and the form
to record one; the auditors offered are the members holding a 監事 role on the audit date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.accounts_common import Books, run_write
from nagato_desk.gui.buttons import dialog_buttons, mark_primary
from nagato_desk.gui.date_field import DateField
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.models.audit import AUDIT_RESULTS
from nagato_desk.services import audits as audits_service
from nagato_desk.services.audits import AuditDraft

RESULT_EN = {"proper": "Proper", "qualified": "With findings"}


class AuditRow:
    def __init__(
        self, audit_id: int, on: date, auditors: list[str], result: str, place: str, remarks: str
    ) -> None:
        self.id, self.on, self.auditors, self.result = audit_id, on, auditors, result
        self.place, self.remarks = place, remarks


def result_text(result: str, lang: str) -> str:
    return RESULT_EN.get(result, result) if lang == "en" else AUDIT_RESULTS.get(result, result)


class AuditDialog(QDialog):
    """Record or correct an audit. Enter saves, Esc cancels."""

    def __init__(self, books: Books, audit_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = books
        self.audit_id = audit_id
        self.setWindowTitle(self.tr("Record the audit") if audit_id is None else self.tr("Edit the audit"))
        draft = None
        if audit_id is not None:
            with books.db.Session() as session:
                draft = audits_service.draft_of_audit(audits_service.get_audit(session, audit_id))
        default = date.today()
        self.fiscal_year = draft.fiscal_year if draft else books.fiscal_year
        self.on = DateField(
            books.date_style, draft.audited_on if draft else default, field="audited_on", parent=self
        )
        self.auditors = QListWidget(self)
        self.auditors.setStyleSheet("QListWidget::item { padding: 2px; }")
        self.auditors.setMinimumHeight(110)
        self.outcome = QComboBox(self)
        for key in AUDIT_RESULTS:
            self.outcome.addItem(result_text(key, books.lang), key)
        self.place = QLineEdit(self)
        self.remarks = QPlainTextEdit(self)
        self.remarks.setTabChangesFocus(True)
        self.chosen: set[int] = set(draft.auditor_ids) if draft else set()
        if draft:
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(draft.result)))
            self.place.setText(draft.place)
            self.remarks.setPlainText(draft.remarks)
        form = QFormLayout()
        form.addRow(
            self.tr("Fiscal year audited"),
            QLabel(format_fiscal_year(self.fiscal_year, books.date_style), self),
        )
        form.addRow(self.tr("Audit date"), self.on)
        form.addRow(self.tr("Auditors (監事)"), self.auditors)
        form.addRow(self.tr("Result"), self.outcome)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Remarks"), self.remarks)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Save")))
        self.on.edit.textChanged.connect(lambda _t: self.fill_auditors())
        self.fill_auditors()
        self.resize(560, 460)

    def fill_auditors(self) -> None:
        """The 監事 in office on the audit date (and whoever was ticked before), ticked as chosen."""
        for i in range(self.auditors.count()):
            item = self.auditors.item(i)
            member_id = item.data(Qt.ItemDataRole.UserRole)
            if item.checkState() == Qt.CheckState.Checked:
                self.chosen.add(member_id)
            else:
                self.chosen.discard(member_id)
        try:
            on = self.on.value() or date.today()
        except NagatoError:
            return
        from nagato_desk.services import members as members_service

        with self.books.db.Session() as session:
            people = [(m.id, m.name) for m in audits_service.auditors_on(session, on)]
            for member_id in sorted(self.chosen - {p[0] for p in people}):
                people.append((member_id, members_service.get_member(session, member_id).name))
        self.auditors.clear()
        for member_id, name in people:
            item = QListWidgetItem(name, self.auditors)
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if member_id in self.chosen else Qt.CheckState.Unchecked)
        if not people:
            item = QListWidgetItem(self.tr("Nobody holds a 監事 role on this date (see Members → Officers)."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.auditors.addItem(item)

    def set_checked(self, member_ids: list[int]) -> None:
        for i in range(self.auditors.count()):
            item = self.auditors.item(i)
            if item.data(Qt.ItemDataRole.UserRole) is not None:
                wanted = item.data(Qt.ItemDataRole.UserRole) in member_ids
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def draft(self) -> AuditDraft:
        ids = [
            self.auditors.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.auditors.count())
            if self.auditors.item(i).checkState() == Qt.CheckState.Checked
        ]
        return AuditDraft(
            fiscal_year=self.fiscal_year,
            audited_on=self.on.value(),  # type: ignore[arg-type]
            auditor_ids=[i for i in ids if i is not None],
            result=self.outcome.currentData(),
            place=self.place.text().strip(),
            remarks=self.remarks.toPlainText().strip(),
        )

    def accept(self) -> None:
        try:
            draft = self.draft()
            with self.books.db.session() as session:
                if self.audit_id is None:
                    self.audit_id = audits_service.add_audit(session, draft).id
                else:
                    audits_service.update_audit(session, self.audit_id, draft)
        except ValidationError as exc:
            show_error(self, exc, self.books.lang)
            return
        except NagatoError as exc:
            show_error(self, exc, self.books.lang)
            return
        super().accept()


class AuditTab(QWidget):
    changed = Signal()

    def __init__(self, books: Books, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = books
        self.title = QLabel(self)
        self.title.setProperty("role", "subtitle")
        self.model = RowsModel(
            "AuditTab",
            [
                Column(
                    QT_TRANSLATE_NOOP("AuditTab", "Audit date"),
                    lambda r: format_date(r.on, self.books.date_style),
                ),
                Column(QT_TRANSLATE_NOOP("AuditTab", "Auditors"), lambda r: "、".join(r.auditors)),
                Column(
                    QT_TRANSLATE_NOOP("AuditTab", "Result"), lambda r: result_text(r.result, self.books.lang)
                ),
                Column(QT_TRANSLATE_NOOP("AuditTab", "Place"), lambda r: r.place),
                Column(QT_TRANSLATE_NOOP("AuditTab", "Remarks"), lambda r: r.remarks.replace("\n", " ")),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table)
        for col, width in ((0, 160), (1, 200), (2, 120), (3, 150)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_audit())
        self.new_button = QPushButton(self.tr("Record the audit…"), self)
        mark_primary(self.new_button)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.new_button.clicked.connect(self.new_audit)
        self.edit_button.clicked.connect(self.edit_audit)
        self.delete_button.clicked.connect(self.delete_audit)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    def refresh(self) -> None:
        books = self.books
        rows = []
        with books.db.Session() as session:
            for audit in audits_service.list_audits(session, books.fiscal_year):
                names = audits_service.auditor_names(session, audit)
                rows.append(
                    AuditRow(audit.id, audit.audited_on, names, audit.result, audit.place, audit.remarks)
                )
        self.model.set_rows(rows)
        self.title.setText(
            self.tr("Audits of the accounts of %1. The 監査報告書 is printed with Export….").replace(
                "%1", format_fiscal_year(books.fiscal_year, books.date_style)
            )
        )
        if rows:
            self.table.selectRow(0)

    def selected(self) -> AuditRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def new_audit(self) -> None:
        if AuditDialog(self.books, None, self).exec():
            self.refresh()
            self.changed.emit()

    def edit_audit(self) -> None:
        row = self.selected()
        if row is not None and AuditDialog(self.books, row.id, self).exec():
            self.refresh()
            self.changed.emit()

    def delete_audit(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = self.tr("The audit of %1 will be deleted.").replace(
            "%1", format_date(row.on, self.books.date_style)
        )
        if QMessageBox.question(self, self.tr("Delete the audit"), text) != QMessageBox.StandardButton.Yes:
            return
        ok, _ = run_write(self, self.books, lambda s: audits_service.delete_audit(s, row.id))
        if ok:
            self.refresh()
            self.changed.emit()

    def screenshots(self, save) -> None:  # type: ignore[no-untyped-def]
        save(AuditDialog(self.books, None, self), "accounts-audit-dialog")
