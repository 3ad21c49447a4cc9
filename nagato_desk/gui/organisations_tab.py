"""団体: organisations that are members of the council (団体会員) or partners of it (連携団体), with
their kind and contact person; new, edit, delete to the trash and restore."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.buttons import dialog_buttons, mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.models import MemberOrganisation
from nagato_desk.services import organisations as organisations_service
from nagato_desk.services.organisations import ORGANISATION_KINDS, OrganisationDraft


def _contact(org: MemberOrganisation) -> str:
    return f"{org.contact_name}（{org.contact_role}）" if org.contact_role else org.contact_name


class OrganisationsTab(QWidget):
    changed = Signal()

    def __init__(self, db: Database, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(self.tr("All"), None)
        self.kind_filter.addItem(self.tr("Member organisations"), True)
        self.kind_filter.addItem(self.tr("Partners"), False)
        self.trash = QCheckBox(self.tr("Trash"), self)
        self.count = QLabel(self)
        columns = (
            Column(QT_TRANSLATE_NOOP("OrganisationsTab", "Organisation"), lambda o: o.name),
            Column(QT_TRANSLATE_NOOP("OrganisationsTab", "Kind"), lambda o: o.kind),
            Column(
                QT_TRANSLATE_NOOP("OrganisationsTab", "Member or partner"),
                lambda o: self.tr("Member") if o.is_member else self.tr("Partner"),
            ),
            Column(QT_TRANSLATE_NOOP("OrganisationsTab", "Contact"), _contact),
            Column(QT_TRANSLATE_NOOP("OrganisationsTab", "Phone"), lambda o: o.phone),
        )
        self.model = RowsModel("OrganisationsTab", columns, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, stretch=0)
        for col, width in ((1, 170), (2, 110), (3, 220), (4, 140)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_organisation())

        self.new_button = QPushButton(self.tr("New organisation…"), self)
        mark_primary(self.new_button)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.new_button.clicked.connect(self.new_organisation)
        self.edit_button.clicked.connect(self.edit_organisation)
        self.delete_button.clicked.connect(self.delete_organisation)
        self.restore_button.clicked.connect(self.restore_organisation)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_organisation)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_organisation)

        filters = QHBoxLayout()
        caption = QLabel(self.tr("Show"), self)
        caption.setBuddy(self.kind_filter)
        filters.addWidget(caption)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.trash)
        filters.addStretch(1)
        filters.addWidget(self.count)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addStretch(1)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.trash.toggled.connect(lambda _c: self.refresh())
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        current = self.selected()
        select_id = select_id if select_id is not None else (current.id if current else None)
        in_trash = self.trash.isChecked()
        with self.db.Session() as session:
            rows = organisations_service.list_organisations(
                session, is_member=self.kind_filter.currentData(), include_deleted=in_trash
            )
        if in_trash:
            rows = [o for o in rows if o.deleted_at is not None]
        self.model.set_rows(rows)
        self.count.setText(self.tr("%1 organisations").replace("%1", str(len(rows))))
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setVisible(not in_trash)
        self.restore_button.setVisible(in_trash)
        row = next((i for i, o in enumerate(rows) if o.id == select_id), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)

    def selected(self) -> MemberOrganisation | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def new_organisation(self) -> None:
        if self.trash.isChecked():
            self.trash.setChecked(False)
        dialog = OrganisationDialog(self.db, None, self.lang, self)
        if dialog.exec():
            self.after_change(dialog.org_id)

    def edit_organisation(self) -> None:
        org = self.selected()
        if org is None or self.trash.isChecked():
            return
        if OrganisationDialog(self.db, org.id, self.lang, self).exec():
            self.after_change(org.id)

    def delete_organisation(self) -> None:
        org = self.selected()
        if org is None or self.trash.isChecked():
            return
        text = self.tr("“%1” will be moved to the trash. It can be restored from the trash.").replace(
            "%1", org.name
        )
        if QMessageBox.question(self, self.tr("Delete organisation"), text) == QMessageBox.StandardButton.Yes:
            self._run(lambda s: organisations_service.delete_organisation(s, org.id))

    def restore_organisation(self) -> None:
        org = self.selected()
        if org is not None:
            self._run(lambda s: organisations_service.restore_organisation(s, org.id))

    def after_change(self, org_id: int | None = None) -> None:
        self.refresh(org_id)
        self.changed.emit()

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.after_change()


class OrganisationDialog(QDialog):
    """The organisation form. Enter saves, Esc cancels."""

    def __init__(
        self, db: Database, org_id: int | None = None, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.org_id = org_id
        self.setWindowTitle(self.tr("New organisation") if org_id is None else self.tr("Edit organisation"))
        self.edits = {
            key: QLineEdit(self)
            for key in (
                "name",
                "reading",
                "contact_name",
                "contact_role",
                "phone",
                "email",
                "address",
                "notes",
            )
        }
        self.kind = QComboBox(self)
        self.kind.setEditable(True)  # any other kind is kept as typed
        self.kind.addItems(["", *ORGANISATION_KINDS])
        self.member = QRadioButton(self.tr("Member organisation"), self)
        self.partner = QRadioButton(self.tr("Partner organisation"), self)
        self.member.setChecked(True)
        which = QHBoxLayout()
        which.addWidget(self.member)
        which.addWidget(self.partner)
        which.addStretch(1)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Name (required)"), self.edits["name"]),
            (self.tr("Reading (kana)"), self.edits["reading"]),
            (self.tr("Kind"), self.kind),
            (self.tr("Member or partner"), which),
            (self.tr("Contact person"), self.edits["contact_name"]),
            (self.tr("Their position"), self.edits["contact_role"]),
            (self.tr("Phone"), self.edits["phone"]),
            (self.tr("E-mail"), self.edits["email"]),
            (self.tr("Address"), self.edits["address"]),
            (self.tr("Notes"), self.edits["notes"]),
        ):
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Save")))
        self.resize(620, 440)
        if org_id is not None:
            self.load()
        self.edits["name"].setFocus()

    def load(self) -> None:
        with self.db.Session() as session:
            draft = organisations_service.draft_of(
                organisations_service.get_organisation(session, self.org_id)
            )
        for key, edit in self.edits.items():
            edit.setText(getattr(draft, key))
        self.kind.setCurrentText(draft.kind)
        (self.member if draft.is_member else self.partner).setChecked(True)

    def draft(self) -> OrganisationDraft:
        values = {key: edit.text() for key, edit in self.edits.items()}
        return OrganisationDraft(kind=self.kind.currentText(), is_member=self.member.isChecked(), **values)

    def accept(self) -> None:
        try:
            with self.db.session() as session:
                if self.org_id is None:
                    self.org_id = organisations_service.add_organisation(session, self.draft()).id
                else:
                    organisations_service.update_organisation(session, self.org_id, self.draft())
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            field = exc.problems[0].field if exc.problems else None
            self.edits.get(field or "", self.edits["name"]).setFocus()
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()
