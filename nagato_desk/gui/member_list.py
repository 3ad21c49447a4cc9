"""会員一覧: search as you type (name, reading in any kana, phone), filters, 50音 order, and the
actions on a member: new, edit, leave, delete to the trash and restore."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.member_dialog import MemberDialog, parse_optional_date
from nagato_desk.gui.members_model import (
    COL_AGE,
    COL_ASSOCIATION,
    COL_BLOCK,
    COL_GENDER,
    COL_NAME,
    COL_PHONE,
    COL_READING,
    MemberListModel,
)
from nagato_desk.services import associations as associations_service
from nagato_desk.services import blocks as blocks_service
from nagato_desk.services import committees as committees_service
from nagato_desk.services import members as members_service
from nagato_desk.services import officers as officers_service
from nagato_desk.services.members import STATUS_LABELS, MemberFilter

_ALL = None
_STATUS_CHOICES = ("active", "withdrawn", "moved", "deceased", "")  # "": every status


class MemberList(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name, reading or phone"))
        self.search.setClearButtonEnabled(True)
        self.association = QComboBox(self)
        self.block = QComboBox(self)
        self.committee = QComboBox(self)
        self.role = QComboBox(self)
        self.status = QComboBox(self)
        index = 1 if lang == "en" else 0
        for status in _STATUS_CHOICES:
            label = STATUS_LABELS[status][index] if status else self.tr("All")
            self.status.addItem(label, status)
        self.no_consent = QCheckBox(self.tr("Without consent"), self)
        self.trash = QCheckBox(self.tr("Trash"), self)
        self.count = QLabel(self)
        self.model = MemberListModel(db, lang, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Fixed widths: measuring 20,000 rows to fit the contents would defeat the lazy model.
        for col, width in (
            (COL_NAME, 150), (COL_READING, 190), (COL_GENDER, 70), (COL_AGE, 60),
            (COL_ASSOCIATION, 140), (COL_BLOCK, 70), (COL_PHONE, 140),
        ):  # fmt: skip
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_member())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.show_context_menu)

        self.new_button = QPushButton(self.tr("New member…"), self)
        mark_primary(self.new_button)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.leave_button = QPushButton(self.tr("Leaving…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.new_button.clicked.connect(self.new_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.leave_button.clicked.connect(self.record_leaving)
        self.delete_button.clicked.connect(self.delete_member)
        self.restore_button.clicked.connect(self.restore_member)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_member)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_member)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.no_consent)
        search_row.addWidget(self.trash)
        filters = QHBoxLayout()
        for label, combo in (
            (self.tr("Association"), self.association),
            (self.tr("Block"), self.block),
            (self.tr("Committee"), self.committee),
            (self.tr("Role"), self.role),
            (self.tr("Status"), self.status),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.count)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.leave_button)
        actions.addStretch(1)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.search.textChanged.connect(self.apply_filter)
        for combo in (self.block, self.committee, self.role, self.status):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.association.currentIndexChanged.connect(self._association_changed)
        self.no_consent.toggled.connect(self.apply_filter)
        self.trash.toggled.connect(self.apply_filter)
        self.reload_choices()

    # --- filters -------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        """Refill the filter lists (自治会, 部会, 役職) from the data, keeping the current choices."""
        with self.db.Session() as session:
            associations = [(a.name, a.id) for a in associations_service.list_associations(session)]
            committees = [(c.name, c.id) for c in committees_service.list_committees(session)]
            roles = [(r.name, r.id) for r in officers_service.list_roles(session)]
        for combo, items in (
            (self.association, associations),
            (self.committee, committees),
            (self.role, roles),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), _ALL)
            for name, item_id in items:
                combo.addItem(name, item_id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self._fill_blocks()
        self.apply_filter()

    def _fill_blocks(self) -> None:
        current = self.block.currentData()
        self.block.blockSignals(True)
        self.block.clear()
        self.block.addItem(self.tr("All"), _ALL)
        assoc = self.association.currentData()
        if assoc is not None:
            with self.db.Session() as session:
                for b in blocks_service.list_blocks(session, assoc):
                    self.block.addItem(b.name, b.id)
        self.block.setCurrentIndex(max(0, self.block.findData(current)))
        self.block.setEnabled(assoc is not None)
        self.block.blockSignals(False)

    def _association_changed(self) -> None:
        self._fill_blocks()
        self.apply_filter()

    def current_filter(self) -> MemberFilter:
        return MemberFilter(
            text=self.search.text(),
            association_id=self.association.currentData(),
            block_id=self.block.currentData(),
            committee_id=self.committee.currentData(),
            role_id=self.role.currentData(),
            statuses=(self.status.currentData(),)
            if self.status.currentData() and not self.trash.isChecked()
            else (),
            without_consent=self.no_consent.isChecked(),
            trash=self.trash.isChecked(),
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        in_trash = self.trash.isChecked()
        self.count.setText(self.tr("%1 people").replace("%1", f"{self.model.rowCount():,}"))
        for button in (self.new_button, self.edit_button, self.leave_button, self.delete_button):
            button.setVisible(not in_trash)
        self.restore_button.setVisible(in_trash)

    # --- actions -------------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.member_id(index.row()) if index.isValid() else None

    def select_member(self, member_id: int) -> None:
        row = self.model.row_of(member_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def new_member(self) -> None:
        dialog = MemberDialog(self.db, self.date_style, None, self.lang, self)
        if dialog.exec():
            self.after_change(dialog.member_id)

    def edit_member(self) -> None:
        member_id = self.selected_id()
        if member_id is None:
            return
        if MemberDialog(self.db, self.date_style, member_id, self.lang, self).exec():
            self.after_change(member_id)

    def after_change(self, member_id: int | None) -> None:
        self.model.refresh()
        self.count.setText(self.tr("%1 people").replace("%1", f"{self.model.rowCount():,}"))
        if member_id is not None:
            self.select_member(member_id)
        self.changed.emit()

    def _name(self, member_id: int) -> str:
        with self.db.Session() as session:
            return members_service.get_member(session, member_id).name

    def delete_member(self) -> None:
        member_id = self.selected_id()
        if member_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete member"),
            self.tr("%1 will be moved to the trash. It can be restored from the trash.").replace(
                "%1", self._name(member_id)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda s: members_service.delete_member(s, member_id))

    def restore_member(self) -> None:
        member_id = self.selected_id()
        if member_id is not None:
            self._run(lambda s: members_service.restore_member(s, member_id))

    def record_leaving(self) -> None:
        member_id = self.selected_id()
        if member_id is None:
            return
        index = 1 if self.lang == "en" else 0
        choices = [STATUS_LABELS[s][index] for s in ("withdrawn", "moved", "deceased")]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Leaving"),
            self.tr("How did %1 leave?").replace("%1", self._name(member_id)),
            choices,
            0,
            False,
        )
        if not ok:
            return
        status = ("withdrawn", "moved", "deceased")[choices.index(choice)]
        text, ok = QInputDialog.getText(
            self,
            self.tr("Leaving"),
            self.tr("On which date? (e.g. R8.4.1)"),
            text=date.today().strftime("%Y/%m/%d"),
        )
        if not ok:
            return
        try:
            on = parse_optional_date(text, "left_on") or date.today()
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self._run(lambda s: members_service.record_leaving(s, member_id, status, on))

    def context_menu(self) -> QMenu:
        """Edit, leaving, delete — and 「匿名化…」 for a member who has left."""
        menu = QMenu(self)
        menu.addAction(self.tr("Edit…"), self.edit_member)
        menu.addAction(self.tr("Leaving…"), self.record_leaving)
        member_id = self.selected_id()
        if member_id is not None:
            from nagato_desk.services.anonymise_views import can_anonymise

            with self.db.Session() as session:
                allowed = can_anonymise(session, member_id)
            if allowed:
                menu.addSeparator()
                menu.addAction(self.tr("Anonymise…"), self.anonymise_member)
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), self.delete_member)
        return menu

    def show_context_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        self.context_menu().exec(self.table.viewport().mapToGlobal(pos))

    def anonymise_member(self) -> None:
        """Only for a member who left: confirmation naming what is erased, a backup, then the erasure."""
        from nagato_desk.gui.anonymise_dialog import anonymise_with_confirmation

        member_id = self.selected_id()
        if member_id is not None and anonymise_with_confirmation(self, self.db, member_id, self.lang):
            self.after_change(member_id)

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.after_change(None)
