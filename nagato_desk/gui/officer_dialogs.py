"""The term form (役員の任期: who, which role, from when to when, chosen by whom) and the list of
roles (役職の一覧: add, rename, order, stop using, remove)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError, Problem, ValidationError
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.date_field import DateField
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.gui.table_model import setup_table
from nagato_desk.services import associations as associations_service
from nagato_desk.services import committees as committees_service
from nagato_desk.services import members as members_service
from nagato_desk.services import officers as officers_service
from nagato_desk.services.officers import TermDraft


class TermDialog(QDialog):
    """Register a term (新しい任期) or correct one. 選出母体 is a 自治会 or a body named in words."""

    def __init__(
        self,
        db: Database,
        date_style: str,
        term_id: int | None = None,
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.term_id = term_id
        self.member_id: int | None = None
        self.setWindowTitle(self.tr("New officer term") if term_id is None else self.tr("Edit officer term"))
        self.member_label = QLabel(self.tr("(not chosen)"), self)
        self.member_button = QPushButton(self.tr("Choose…"), self)
        self.member_button.clicked.connect(self.choose_member)
        self.role = QComboBox(self)
        self.committee = QComboBox(self)
        self.starts = DateField(date_style, date.today(), field="starts_on", parent=self)
        self.ends = DateField(date_style, None, field="ends_on", required=False, parent=self)
        self.by_association = QRadioButton(self.tr("Association"), self)
        self.by_text = QRadioButton(self.tr("Other body"), self)
        self.association = QComboBox(self)
        self.chosen_text = QLineEdit(self)
        self.chosen_text.setPlaceholderText(self.tr("e.g. seniors' club, open call"))
        self.notes = QLineEdit(self)
        self.committee.addItem(self.tr("(none)"), None)
        self.association.addItem(self.tr("(none)"), None)
        with db.Session() as session:
            term = officers_service.get_term(session, term_id) if term_id is not None else None
            roles = officers_service.list_roles(session)
            draft = officers_service.term_draft_of(term) if term is not None else None
            if draft is not None and all(r.id != draft.role_id for r in roles):
                roles.append(term.role)  # a role no longer in use still shows on its old terms
            for role in roles:
                self.role.addItem(role.name, role.id)
            for committee in committees_service.list_committees(session):
                self.committee.addItem(committee.name, committee.id)
            for assoc in associations_service.list_associations(session):
                self.association.addItem(assoc.name, assoc.id)
            member_name = members_service.get_member(session, draft.member_id).name if draft else ""
        self.by_association.setChecked(True)
        self.by_association.toggled.connect(self._chosen_by_changed)
        member_row = QHBoxLayout()
        member_row.addWidget(self.member_label, 1)
        member_row.addWidget(self.member_button)
        chosen_row = QGridLayout()
        chosen_row.addWidget(self.by_association, 0, 0)
        chosen_row.addWidget(self.association, 0, 1)
        chosen_row.addWidget(self.by_text, 1, 0)
        chosen_row.addWidget(self.chosen_text, 1, 1)
        chosen_row.setColumnStretch(1, 1)
        form = QFormLayout()
        form.addRow(self.tr("Person"), member_row)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Committee (for committee heads)"), self.committee)
        form.addRow(self.tr("Term starts"), self.starts)
        form.addRow(self.tr("Term ends (empty while in office)"), self.ends)
        form.addRow(self.tr("Chosen by"), chosen_row)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Save")))
        self.resize(760, 380)
        if draft is not None:
            self.member_id = draft.member_id
            self.member_label.setText(member_name)
            self.role.setCurrentIndex(max(0, self.role.findData(draft.role_id)))
            self.committee.setCurrentIndex(max(0, self.committee.findData(draft.committee_id)))
            self.starts.set_date(draft.starts_on)
            self.ends.set_date(draft.ends_on)
            self.association.setCurrentIndex(
                max(0, self.association.findData(draft.chosen_by_association_id))
            )
            self.chosen_text.setText(draft.chosen_by_text)
            self.by_text.setChecked(bool(draft.chosen_by_text) and draft.chosen_by_association_id is None)
            self.notes.setText(draft.notes)
        self._chosen_by_changed()
        (self.role if draft else self.member_button).setFocus()

    def _chosen_by_changed(self) -> None:
        self.association.setEnabled(self.by_association.isChecked())
        self.chosen_text.setEnabled(self.by_text.isChecked())

    def choose_member(self) -> None:
        picker = MemberPicker(self.db, self.tr("Choose the officer"), "", self.lang, self)
        if picker.exec() and picker.member_id is not None:
            self.member_id = picker.member_id
            with self.db.Session() as session:
                member = members_service.get_member(session, picker.member_id)
                self.member_label.setText(member.name)
                if self.by_association.isChecked() and self.association.currentData() is None:
                    self.association.setCurrentIndex(max(0, self.association.findData(member.association_id)))
            self.role.setFocus()

    def draft(self) -> TermDraft:
        if self.member_id is None:
            raise ValidationError(
                [Problem("役員になる人を選んでください。", "Choose the person.", field="member_id")]
            )
        by_association = self.by_association.isChecked()
        return TermDraft(
            member_id=self.member_id,
            role_id=self.role.currentData(),
            starts_on=self.starts.value(),  # type: ignore[arg-type]  # required: never None
            ends_on=self.ends.value(),
            committee_id=self.committee.currentData(),
            chosen_by_association_id=self.association.currentData() if by_association else None,
            chosen_by_text="" if by_association else self.chosen_text.text(),
            notes=self.notes.text(),
        )

    def accept(self) -> None:
        try:
            draft = self.draft()
            with self.db.session() as session:
                if self.term_id is None:
                    self.term_id = officers_service.add_term(session, draft).id
                else:
                    officers_service.update_term(session, self.term_id, draft)
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            field = exc.problems[0].field if exc.problems else None
            widgets = {"member_id": self.member_button, "starts_on": self.starts, "ends_on": self.ends}
            widgets.get(field or "", self.role).setFocus()
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()


class RolesDialog(QDialog):
    """役職の一覧: the order is the order of the officer list; a role in use can only stop being used."""

    def __init__(self, db: Database, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.changed = False
        self.setWindowTitle(self.tr("Roles"))
        hint = QLabel(
            self.tr(
                "The order here is the order of the officer list. A role that is not used any more can be "
                "set to “not in use”: past terms keep it."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("In use")])
        setup_table(self.table, stretch=0)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.active_button = QPushButton(self.tr("Use / stop using"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        for button, slot in (
            (self.add_button, self.add_role),
            (self.rename_button, self.rename_role),
            (self.up_button, lambda: self.move_role(-1)),
            (self.down_button, lambda: self.move_role(1)),
            (self.active_button, self.toggle_active),
            (self.remove_button, self.remove_role),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.up_button.setShortcut("Ctrl+Up")
        self.down_button.setShortcut("Ctrl+Down")
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(body)
        self.resize(560, 460)
        self.load()

    def load(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.selected_id()
        with self.db.Session() as session:
            roles = [
                (r.id, r.name, r.active) for r in officers_service.list_roles(session, include_inactive=True)
            ]
        self.table.setRowCount(len(roles))
        for row, (role_id, name, active) in enumerate(roles):
            for col, text in enumerate((name, self.tr("in use") if active else self.tr("not in use"))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, role_id)
                item.setData(Qt.ItemDataRole.UserRole + 1, active)
                self.table.setItem(row, col, item)
            if role_id == select_id:
                self.table.selectRow(row)
        if self.table.currentRow() < 0 and roles:
            self.table.selectRow(0)

    def selected_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _run(self, action, select_id: int | None = None) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                result = action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.changed = True
        self.load(select_id if select_id is not None else getattr(result, "id", None))

    def add_role(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add a role"), self.tr("Name of the new role"))
        if ok and name.strip():
            self._run(lambda s: officers_service.add_role(s, name))

    def rename_role(self) -> None:
        role_id = self.selected_id()
        if role_id is None:
            return
        old = self.table.item(self.table.currentRow(), 0).text()
        name, ok = QInputDialog.getText(self, self.tr("Rename role"), self.tr("New name"), text=old)
        if ok and name.strip() and name != old:
            self._run(lambda s: officers_service.rename_role(s, role_id, name))

    def move_role(self, delta: int) -> None:
        role_id = self.selected_id()
        if role_id is not None:
            self._run(lambda s: officers_service.move_role(s, role_id, delta), role_id)

    def toggle_active(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        role_id, active = item.data(Qt.ItemDataRole.UserRole), bool(item.data(Qt.ItemDataRole.UserRole + 1))
        self._run(lambda s: officers_service.set_role_active(s, role_id, not active), role_id)

    def remove_role(self) -> None:
        role_id = self.selected_id()
        if role_id is None:
            return
        name = self.table.item(self.table.currentRow(), 0).text()
        text = self.tr("The role “%1” will be removed from the list.").replace("%1", name)
        if QMessageBox.question(self, self.tr("Remove role"), text) == QMessageBox.StandardButton.Yes:
            self._run(lambda s: officers_service.remove_role(s, role_id))
