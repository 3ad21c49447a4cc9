"""世帯: the households, filtered by 自治会, and who lives in each; new and edit, add a member, the
head of household, 転居 and 転出 of the whole household (each with its date, confirmed in words), and
delete to the trash and restore."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_date
from nagato_desk.errors import NagatoError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.date_field import DateDialog
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.household_dialogs import HouseholdDialog, MoveDialog
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.services import associations as associations_service
from nagato_desk.services import households as households_service
from nagato_desk.services.households import HouseholdRow
from nagato_desk.services.members import status_label

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("HouseholdsTab", "Head of household"), lambda r: r.head_name),
    Column(QT_TRANSLATE_NOOP("HouseholdsTab", "Members"), lambda r: str(r.member_count), right=True),
    Column(QT_TRANSLATE_NOOP("HouseholdsTab", "Address"), lambda r: r.address),
    Column(QT_TRANSLATE_NOOP("HouseholdsTab", "Association"), lambda r: r.association),
    Column(QT_TRANSLATE_NOOP("HouseholdsTab", "Block"), lambda r: r.block),
)
COL_HEAD, COL_COUNT, COL_ADDRESS, COL_ASSOCIATION, COL_BLOCK = range(len(COLUMNS))


class HouseholdsTab(QWidget):
    changed = Signal()

    def __init__(
        self,
        db: Database,
        date_style: str,
        lang: str = "ja",
        parent: QWidget | None = None,
        load: bool = True,  # False: filled by the first refresh() (a tab not shown yet reads nothing)
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.association = QComboBox(self)
        self.trash = QCheckBox(self.tr("Trash"), self)
        self.count = QLabel(self)
        self.model = RowsModel("HouseholdsTab", COLUMNS, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, stretch=COL_ADDRESS)
        for col, width in ((COL_HEAD, 150), (COL_COUNT, 60), (COL_ASSOCIATION, 130), (COL_BLOCK, 70)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_household())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_members())

        self.members_title = QLabel(self)
        self.members = QTableWidget(0, 4, self)
        self.members.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Reading"), self.tr("Head"), self.tr("Status")]
        )
        setup_table(self.members, stretch=1)
        self.members.setColumnWidth(0, 150)

        self.new_button = QPushButton(self.tr("New household…"), self)
        mark_primary(self.new_button)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.add_member_button = QPushButton(self.tr("Add a member…"), self)
        self.head_button = QPushButton(self.tr("Make head of household"), self)
        self.move_button = QPushButton(self.tr("Moves house…"), self)
        self.leave_button = QPushButton(self.tr("Moves away…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        for button, slot in (
            (self.new_button, self.new_household),
            (self.edit_button, self.edit_household),
            (self.add_member_button, self.add_member),
            (self.head_button, self.make_head),
            (self.move_button, self.move_household),
            (self.leave_button, self.household_leaves),
            (self.delete_button, self.delete_household),
            (self.restore_button, self.restore_household),
        ):
            button.clicked.connect(slot)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_household)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_household)

        filters = QHBoxLayout()
        caption = QLabel(self.tr("Association"), self)
        caption.setBuddy(self.association)
        filters.addWidget(caption)
        filters.addWidget(self.association)
        filters.addWidget(self.trash)
        filters.addStretch(1)
        filters.addWidget(self.count)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        member_actions = QHBoxLayout()
        member_actions.addWidget(self.members_title, 1)
        member_actions.addWidget(self.add_member_button)
        member_actions.addWidget(self.head_button)
        lower_layout.addLayout(member_actions)
        lower_layout.addWidget(self.members)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 220])
        splitter.setChildrenCollapsible(False)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.move_button, self.leave_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

        self.association.currentIndexChanged.connect(lambda _i: self.reload())
        self.trash.toggled.connect(lambda _c: self.reload())
        if load:
            self.refresh()

    # --- lists ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Refill the 自治会 filter (keeping the choice) and the list."""
        current = self.association.currentData()
        self.association.blockSignals(True)
        self.association.clear()
        self.association.addItem(self.tr("All"), None)
        with self.db.Session() as session:
            for assoc in associations_service.list_associations(session):
                self.association.addItem(assoc.name, assoc.id)
        self.association.setCurrentIndex(max(0, self.association.findData(current)))
        self.association.blockSignals(False)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.selected_id()
        in_trash = self.trash.isChecked()
        with self.db.Session() as session:
            rows = households_service.list_households(session, self.association.currentData(), trash=in_trash)
        self.model.set_rows(rows)
        self.count.setText(self.tr("%1 households").replace("%1", f"{len(rows):,}"))
        for button in (
            self.new_button,
            self.edit_button,
            self.move_button,
            self.leave_button,
            self.delete_button,
            self.add_member_button,
            self.head_button,
        ):
            button.setVisible(not in_trash)
        self.restore_button.setVisible(in_trash)
        row = next((i for i, r in enumerate(rows) if r.id == select_id), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.show_members()

    def selected(self) -> HouseholdRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row else None

    def show_members(self) -> None:
        household = self.selected()
        self.members.setRowCount(0)
        if household is None:
            self.members_title.setText(self.tr("Select a household to see who lives in it."))
            return
        with self.db.Session() as session:
            record = households_service.get_household(session, household.id)
            head_id = record.head_member_id
            people = [(m.id, m.name, m.reading, m.status) for m in record.members if m.deleted_at is None]
        self.members_title.setText(self.tr("People in this household: %1").replace("%1", str(len(people))))
        self.members.setRowCount(len(people))
        for row, (member_id, name, reading, status) in enumerate(people):
            is_head = self.tr("Head") if member_id == head_id else ""
            for col, text in enumerate((name, reading, is_head, status_label(status, self.lang))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, member_id)
                self.members.setItem(row, col, item)
        if people:
            self.members.selectRow(0)

    def selected_member_id(self) -> int | None:
        item = self.members.item(self.members.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _who(self, household: HouseholdRow) -> str:
        if household.head_name:
            return self.tr("%1's household").replace("%1", household.head_name)
        return self.tr("The household at %1").replace("%1", household.address or "—")

    # --- actions -------------------------------------------------------------------------------
    def new_household(self) -> None:
        dialog = HouseholdDialog(self.db, None, self.lang, self)
        if dialog.exec():
            self.after_change(dialog.household_id)

    def edit_household(self) -> None:
        household_id = self.selected_id()
        if household_id is None or self.trash.isChecked():
            return
        if HouseholdDialog(self.db, household_id, self.lang, self).exec():
            self.after_change(household_id)

    def add_member(self) -> None:
        household = self.selected()
        if household is None:
            return
        picker = MemberPicker(
            self.db,
            self.tr("Add a member to the household"),
            self.tr(
                "%1: choose the person who lives here. Someone in another household moves to this one."
            ).replace("%1", self._who(household)),
            self.lang,
            self,
            ok_text=self.tr("Add to the household"),
        )
        if not picker.exec() or picker.member_id is None:
            return
        member_id = picker.member_id
        self._run(lambda s: households_service.add_to_household(s, household.id, member_id), household.id)

    def make_head(self) -> None:
        household_id, member_id = self.selected_id(), self.selected_member_id()
        if household_id is None or member_id is None:
            return
        self._run(lambda s: households_service.set_head(s, household_id, member_id), household_id)

    def move_household(self) -> None:
        household_id = self.selected_id()
        if household_id is None:
            return
        if MoveDialog(self.db, household_id, self.date_style, self.lang, self).exec():
            self.after_change(household_id)

    def household_leaves(self) -> None:
        household = self.selected()
        if household is None:
            return
        dialog = DateDialog(
            self.tr("Household moves away"),
            self.tr("%1 moves out of the council's area. On which date?").replace("%1", self._who(household)),
            self.tr("Date of moving away"),
            self.date_style,
            ok_text=self.tr("Next…"),
            lang=self.lang,
            parent=self,
        )
        if not dialog.exec() or dialog.on is None:
            return
        on = dialog.on
        text = (
            self.tr(
                "The %1 active member(s) of %2 will be recorded as moved away on %3.\n"
                "They leave the list of active members; their records are kept."
            )
            .replace("%1", str(household.member_count))
            .replace("%2", self._who(household))
            .replace("%3", format_date(on, self.date_style))
        )
        if (
            QMessageBox.question(self, self.tr("Household moves away"), text)
            != QMessageBox.StandardButton.Yes
        ):
            return
        self._run(lambda s: households_service.household_leaves(s, household.id, on), household.id)

    def delete_household(self) -> None:
        household = self.selected()
        if household is None or self.trash.isChecked():
            return
        text = self.tr(
            "%1 will be moved to the trash. The people in it stay members but belong to no household. "
            "It can be restored from the trash."
        ).replace("%1", self._who(household))
        if QMessageBox.question(self, self.tr("Delete household"), text) != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda s: households_service.delete_household(s, household.id))

    def restore_household(self) -> None:
        household_id = self.selected_id()
        if household_id is not None:
            self._run(lambda s: households_service.restore_household(s, household_id))

    def after_change(self, household_id: int | None = None) -> None:
        self.reload(household_id)
        self.changed.emit()

    def _run(self, action, household_id: int | None = None) -> bool:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return False
        self.after_change(household_id)
        return True
