"""部会: the committees on the left, who sits on the selected one on the right (the head first);
add, rename, order and delete committees; add a member, make the head, record someone leaving;
the committees in the trash (ごみ箱), with who sat on them, and restoring one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
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
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.gui.table_model import setup_table
from nagato_desk.services import committees as committees_service
from nagato_desk.services.committees import CommitteeMemberRow

_ID = Qt.ItemDataRole.UserRole


class CommitteesTab(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.member_rows: list[CommitteeMemberRow] = []
        self.trash = QCheckBox(self.tr("Trash"), self)
        self.trash.setToolTip(self.tr("Show the committees that were deleted, to restore one"))
        self.trash.toggled.connect(lambda _c: self.refresh())
        self.count = QLabel(self)
        self.committees = QTableWidget(0, 2, self)
        setup_table(self.committees, stretch=0)
        self.committees.currentCellChanged.connect(lambda *_: self.show_members())
        self.members_title = QLabel(self)
        self.members_title.setProperty("role", "subtitle")
        self.members = QTableWidget(0, 4, self)
        self.members.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Reading"), self.tr("Head"), self.tr("Joined on")]
        )
        setup_table(self.members, stretch=1)
        self.members.setColumnWidth(0, 140)
        self.members.setColumnWidth(2, 80)
        self.members.setColumnWidth(3, 150)

        self.add_committee_button = QPushButton(self.tr("New committee…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.join_button = QPushButton(self.tr("Add a member…"), self)
        mark_primary(self.join_button)
        self.head_button = QPushButton(self.tr("Make head"), self)
        self.leave_button = QPushButton(self.tr("Leaves the committee…"), self)
        for button, slot in (
            (self.add_committee_button, self.add_committee),
            (self.rename_button, self.rename_committee),
            (self.up_button, lambda: self.move_committee(-1)),
            (self.down_button, lambda: self.move_committee(1)),
            (self.delete_button, self.delete_committee),
            (self.restore_button, self.restore_committee),
            (self.join_button, self.add_member),
            (self.head_button, self.make_head),
            (self.leave_button, self.leave),
        ):
            button.clicked.connect(slot)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        trash_row = QHBoxLayout()
        trash_row.addWidget(self.count)
        trash_row.addStretch(1)
        trash_row.addWidget(self.trash)
        left_layout.addLayout(trash_row)
        left_layout.addWidget(self.committees, 1)
        committee_actions = QHBoxLayout()
        for button in (self.add_committee_button, self.rename_button, self.up_button, self.down_button):
            committee_actions.addWidget(button)
        committee_actions.addStretch(1)
        left_layout.addLayout(committee_actions)
        delete_row = QHBoxLayout()
        delete_row.addStretch(1)
        delete_row.addWidget(self.restore_button)
        delete_row.addWidget(self.delete_button)
        left_layout.addLayout(delete_row)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.members_title)
        right_layout.addWidget(self.members, 1)
        member_actions = QHBoxLayout()
        member_actions.addWidget(self.join_button)
        member_actions.addWidget(self.head_button)
        member_actions.addStretch(1)
        member_actions.addWidget(self.leave_button)
        right_layout.addLayout(member_actions)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 620])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)
        self.refresh()

    # --- lists ---------------------------------------------------------------------------------
    def in_trash(self) -> bool:
        return self.trash.isChecked()

    def refresh(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.selected_committee()
        in_trash = self.in_trash()
        with self.db.Session() as session:
            if in_trash:
                rows = [
                    (cid, name, format_date(deleted.date(), self.date_style))
                    for cid, name, deleted in committees_service.trashed_committees(session)
                ]
            else:
                rows = [
                    (
                        c.id,
                        c.name,
                        self.tr("%1 people").replace(
                            "%1", str(len(committees_service.committee_members(session, c.id)))
                        ),
                    )
                    for c in committees_service.list_committees(session)
                ]
        self.committees.setHorizontalHeaderLabels(
            [self.tr("Committee"), self.tr("Deleted on") if in_trash else self.tr("Members")]
        )
        self.count.setText(
            (self.tr("%1 in the trash") if in_trash else self.tr("%1 committees")).replace(
                "%1", str(len(rows))
            )
        )
        for button in (
            self.add_committee_button,
            self.rename_button,
            self.up_button,
            self.down_button,
            self.delete_button,
            self.join_button,
            self.head_button,
            self.leave_button,
        ):
            button.setVisible(not in_trash)
        self.restore_button.setVisible(in_trash)
        self.committees.blockSignals(True)
        self.committees.setRowCount(len(rows))
        for i, (committee_id, name, second) in enumerate(rows):
            for col, text in enumerate((name, second)):
                item = QTableWidgetItem(text)
                item.setData(_ID, committee_id)
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.committees.setItem(i, col, item)
        self.committees.resizeColumnToContents(1)  # the whole date shows in the trash
        index = next((i for i, r in enumerate(rows) if r[0] == select_id), 0 if rows else -1)
        self.committees.setCurrentCell(index, 0)
        self.committees.blockSignals(False)
        self.show_members()

    def selected_committee(self) -> int | None:
        item = self.committees.item(self.committees.currentRow(), 0)
        return item.data(_ID) if item is not None else None

    def _committee_name(self) -> str:
        item = self.committees.item(self.committees.currentRow(), 0)
        return item.text() if item is not None else ""

    def show_members(self, select_member: int | None = None) -> None:
        committee_id = self.selected_committee()
        self.members.setRowCount(0)
        self.member_rows = []
        if committee_id is None:
            self.members_title.setText(
                self.tr("The trash is empty.")
                if self.in_trash()
                else self.tr("There are no committees yet. Add one with “New committee…”.")
            )
            return
        with self.db.Session() as session:
            self.member_rows = committees_service.committee_members(session, committee_id)
        title = (
            self.tr("%1 is in the trash. Restoring it brings back its %2 members.")
            if self.in_trash()
            else self.tr("Members of %1: %2 people")
        )
        self.members_title.setText(
            title.replace("%1", self._committee_name()).replace("%2", str(len(self.member_rows)))
        )
        self.members.setRowCount(len(self.member_rows))
        for i, row in enumerate(self.member_rows):
            joined = format_date(row.joined_on, self.date_style) if row.joined_on else ""
            cells = (row.name, row.reading, self.tr("Head") if row.is_head else "", joined)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID, row.membership_id)
                if row.is_head:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.members.setItem(i, col, item)
        index = next((i for i, r in enumerate(self.member_rows) if r.member_id == select_member), 0)
        if self.member_rows:
            self.members.selectRow(index)

    def selected_member(self) -> CommitteeMemberRow | None:
        row = self.members.currentRow()
        return self.member_rows[row] if 0 <= row < len(self.member_rows) else None

    # --- committees ----------------------------------------------------------------------------
    def add_committee(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New committee"), self.tr("Name of the committee"))
        if ok and name.strip():
            self._run(lambda s: committees_service.add_committee(s, name).id, select_result=True)

    def rename_committee(self) -> None:
        committee_id = self.selected_committee()
        if committee_id is None:
            return
        old = self._committee_name()
        name, ok = QInputDialog.getText(self, self.tr("Rename committee"), self.tr("New name"), text=old)
        if ok and name.strip() and name != old:
            self._run(lambda s: committees_service.rename_committee(s, committee_id, name))

    def move_committee(self, delta: int) -> None:
        committee_id = self.selected_committee()
        if committee_id is not None:
            self._run(lambda s: committees_service.move_committee(s, committee_id, delta))

    def delete_committee(self) -> None:
        committee_id = self.selected_committee()
        if committee_id is None:
            return
        text = self.tr(
            "The committee “%1” will be moved to the trash. Who sat on it is kept and comes back if it is restored."
        ).replace("%1", self._committee_name())
        if QMessageBox.question(self, self.tr("Delete committee"), text) == QMessageBox.StandardButton.Yes:
            self._run(lambda s: committees_service.delete_committee(s, committee_id))

    def restore_committee(self) -> None:
        """Bring the selected committee back with who sat on it, then show it among the others."""
        committee_id = self.selected_committee()
        if committee_id is None or not self.in_trash():
            return
        try:
            with self.db.session() as session:
                committees_service.restore_committee(session, committee_id)
        except NagatoError as exc:  # a committee of the same name exists: the service says so
            show_error(self, exc, self.lang)
            return
        self.trash.blockSignals(True)
        self.trash.setChecked(False)
        self.trash.blockSignals(False)
        self.refresh(committee_id)
        self.changed.emit()

    # --- members -------------------------------------------------------------------------------
    def add_member(self) -> None:
        committee_id = self.selected_committee()
        if committee_id is None:
            return
        picker = MemberPicker(
            self.db,
            self.tr("Add a member to the committee"),
            self.tr("Choose who joins %1, and the date they join.").replace("%1", self._committee_name()),
            self.lang,
            self,
            date_label=self.tr("Joins on"),
            date_style=self.date_style,
            ok_text=self.tr("Add to the committee"),
        )
        if not picker.exec() or picker.member_id is None:
            return
        member_id, on = picker.member_id, picker.on
        self._run(
            lambda s: committees_service.join_committee(s, committee_id, member_id, on), member=member_id
        )

    def make_head(self) -> None:
        committee_id, row = self.selected_committee(), self.selected_member()
        if committee_id is None or row is None or row.is_head:
            return
        member_id = row.member_id
        self._run(
            lambda s: committees_service.set_committee_head(s, committee_id, member_id), member=member_id
        )

    def leave(self) -> None:
        row = self.selected_member()
        if row is None:
            return
        dialog = DateDialog(
            self.tr("Leaves the committee"),
            self.tr("%1 leaves %2. On which date do they no longer sit on it?")
            .replace("%1", row.name)
            .replace("%2", self._committee_name()),
            self.tr("Date of leaving"),
            self.date_style,
            ok_text=self.tr("Record"),
            lang=self.lang,
            parent=self,
        )
        if dialog.exec() and dialog.on is not None:
            on = dialog.on
            self._run(lambda s: committees_service.leave_committee(s, row.membership_id, on))

    def _run(self, action, *, select_result: bool = False, member: int | None = None) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                result = action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.refresh(result if select_result else None)
        if member is not None:
            self.show_members(member)
        self.changed.emit()
