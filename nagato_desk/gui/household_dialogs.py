"""The household form (世帯の登録・編集) and the 転居 form (the whole household moves). Enter saves,
Esc cancels; the move is confirmed in words before anything is written."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_date
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.date_field import DateField
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.services import associations as associations_service
from nagato_desk.services import blocks as blocks_service
from nagato_desk.services import households as households_service
from nagato_desk.services import members as members_service
from nagato_desk.services.households import HouseholdDraft


class PlaceFields(QWidget):
    """自治会 and 班 as two linked lists (the 班 are those of the chosen 自治会)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.association = QComboBox(self)
        self.block = QComboBox(self)
        self.association.addItem(self.tr("(none)"), None)
        with db.Session() as session:
            for assoc in associations_service.list_associations(session):
                self.association.addItem(assoc.name, assoc.id)
        self.association.currentIndexChanged.connect(self._fill_blocks)
        block_label = QLabel(self.tr("Block"), self)
        block_label.setBuddy(self.block)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.association, 2)
        layout.addWidget(block_label)
        layout.addWidget(self.block, 1)
        self.setFocusProxy(self.association)
        self._fill_blocks()

    def _fill_blocks(self) -> None:
        current = self.block.currentData()
        self.block.clear()
        self.block.addItem(self.tr("(none)"), None)
        assoc_id = self.association.currentData()
        if assoc_id is not None:
            with self.db.Session() as session:
                for block in blocks_service.list_blocks(session, assoc_id):
                    self.block.addItem(block.name, block.id)
        self.block.setCurrentIndex(max(0, self.block.findData(current)))
        self.block.setEnabled(assoc_id is not None)

    def set_place(self, association_id: int | None, block_id: int | None) -> None:
        self.association.setCurrentIndex(max(0, self.association.findData(association_id)))
        self._fill_blocks()
        self.block.setCurrentIndex(max(0, self.block.findData(block_id)))

    def place(self) -> tuple[int | None, int | None]:
        return self.association.currentData(), self.block.currentData()


class HouseholdDialog(QDialog):
    """New household (with an optional head chosen from the members) or edit one."""

    def __init__(
        self, db: Database, household_id: int | None = None, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.household_id = household_id
        self.head_id: int | None = None
        self.setWindowTitle(self.tr("New household") if household_id is None else self.tr("Edit household"))
        self.place = PlaceFields(db, self)
        self.postal_code = QLineEdit(self)
        self.postal_code.setPlaceholderText("759-0000")
        self.address = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.notes = QLineEdit(self)
        self.head = QComboBox(self)  # editing: one of the household's members
        self.head_label = QLabel(self.tr("(not chosen)"), self)  # new: chosen from all members
        self.head_button = QPushButton(self.tr("Choose…"), self)
        self.head_button.clicked.connect(self.choose_head)
        head_row = QHBoxLayout()
        if household_id is None:
            head_row.addWidget(self.head_label, 1)
            head_row.addWidget(self.head_button)
            self.head.hide()
        else:
            head_row.addWidget(self.head, 1)
            self.head_label.hide()
            self.head_button.hide()
        form = QFormLayout()
        form.addRow(self.tr("Head of household"), head_row)
        form.addRow(self.tr("Association"), self.place)
        form.addRow(self.tr("Postal code"), self.postal_code)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Save")))
        self.resize(640, 320)
        if household_id is not None:
            self.load()
        self.address.setFocus()

    def load(self) -> None:
        with self.db.Session() as session:
            household = households_service.get_household(session, self.household_id)
            draft = households_service.draft_of(household)
            people = [(m.name, m.id) for m in household.members if m.deleted_at is None]
        self.place.set_place(draft.association_id, draft.block_id)
        self.postal_code.setText(draft.postal_code)
        self.address.setText(draft.address)
        self.phone.setText(draft.phone)
        self.notes.setText(draft.notes)
        self.head.addItem(self.tr("(none)"), None)
        for name, member_id in people:
            self.head.addItem(name, member_id)
        self.head.setCurrentIndex(max(0, self.head.findData(draft.head_member_id)))

    def choose_head(self) -> None:
        picker = MemberPicker(
            self.db,
            self.tr("Choose the head of household"),
            self.tr("The person chosen joins this household and heads it."),
            self.lang,
            self,
        )
        if picker.exec() and picker.member_id is not None:
            self.head_id = picker.member_id
            with self.db.Session() as session:
                member = members_service.get_member(session, self.head_id)
                self.head_label.setText(member.name)
                # A new household usually is where its head lives.
                if not self.address.text().strip():
                    self.address.setText(member.address)
                    self.postal_code.setText(member.postal_code)
                    self.phone.setText(member.phone)
                    self.place.set_place(member.association_id, member.block_id)

    def draft(self) -> HouseholdDraft:
        association_id, block_id = self.place.place()
        return HouseholdDraft(
            association_id=association_id,
            block_id=block_id,
            postal_code=self.postal_code.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            notes=self.notes.text(),
            head_member_id=self.head_id if self.household_id is None else self.head.currentData(),
        )

    def accept(self) -> None:
        try:
            with self.db.session() as session:
                if self.household_id is None:
                    self.household_id = households_service.add_household(session, self.draft()).id
                else:
                    households_service.update_household(session, self.household_id, self.draft())
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            field = exc.problems[0].field if exc.problems else None
            widget = {"postal_code": self.postal_code, "phone": self.phone}.get(field or "", self.address)
            widget.setFocus()
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()


class MoveDialog(QDialog):
    """転居: the date, the new address and (if it changes) the 自治会 and 班, for the whole household."""

    def __init__(
        self,
        db: Database,
        household_id: int,
        date_style: str = "wareki",
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.date_style = date_style
        self.household_id = household_id
        self.setWindowTitle(self.tr("Household moves house"))
        with db.Session() as session:
            household = households_service.get_household(session, household_id)
            self.head_name = household.head.name if household.head else ""
            self.people = sum(1 for m in household.members if m.deleted_at is None)
            self.old_address = household.address
            place = (household.association_id, household.block_id)
        explanation = QLabel(
            self.tr("Everyone in the household gets the new address. Now: %1").replace(
                "%1", self.old_address or "—"
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.on = DateField(date_style, date.today(), field="on", parent=self)
        self.postal_code = QLineEdit(self)
        self.address = QLineEdit(self)
        self.place = PlaceFields(db, self)
        self.place.set_place(*place)
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Date of the move"), self.on)
        form.addRow(self.tr("New address"), self.address)
        form.addRow(self.tr("Postal code"), self.postal_code)
        form.addRow(self.tr("Association"), self.place)
        form.addRow(self.tr("Notes"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Record the move")))
        self.resize(640, 300)
        self.address.setFocus()

    def confirmation(self, on: date) -> str:
        who = (
            self.tr("%1's household").replace("%1", self.head_name)
            if self.head_name
            else self.tr("This household")
        )
        return (
            self.tr(
                "%1 (%2 people) will be recorded as having moved to “%3” on %4.\n"
                "Everyone's address changes, and the move is kept in each person's history."
            )
            .replace("%1", who)
            .replace("%2", str(self.people))
            .replace("%3", self.address.text().strip())
            .replace("%4", format_date(on, self.date_style))
        )

    def accept(self) -> None:
        try:
            on = self.on.value()
            association_id, block_id = self.place.place()
            with (
                self.db.Session() as session
            ):  # check first, so the question is only asked when it can be done
                problems = members_service.move_problems(
                    session, on, self.address.text(), self.postal_code.text(), association_id, block_id
                )
            if problems:
                raise ValidationError(problems)
            answer = QMessageBox.question(self, self.tr("Record the move"), self.confirmation(on))
            if answer != QMessageBox.StandardButton.Yes:
                return
            with self.db.session() as session:
                households_service.move_household(
                    session,
                    self.household_id,
                    on,
                    address=self.address.text(),
                    postal_code=self.postal_code.text(),
                    association_id=association_id,
                    block_id=block_id,
                    note=self.note.text(),
                )
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            field = exc.problems[0].field if exc.problems else None
            (self.on if field == "on" else self.address).setFocus()
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()
