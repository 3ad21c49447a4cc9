"""議事: the items of one meeting on the left (報告1 …, 第1号議案 …, with their results), the selected
item's form on the right; add, order and delete items; record an election (役員選任) at a 総会."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError
from nagato_desk.gui.agenda_editor import AgendaEditor
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.table_model import setup_table
from nagato_desk.models.meeting import GENERAL_KINDS
from nagato_desk.services import meetings as meetings_service
from nagato_desk.services import quorum as quorum_service
from nagato_desk.services import votes as votes_service

_ID = Qt.ItemDataRole.UserRole


class AgendaPanel(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.meeting_id: int | None = None
        self.items = QTableWidget(0, 3, self)
        self.items.setHorizontalHeaderLabels([self.tr("No."), self.tr("Item"), self.tr("Result")])
        setup_table(self.items, stretch=1)
        self.items.setColumnWidth(0, 110)
        self.items.setColumnWidth(2, 80)
        self.items.currentCellChanged.connect(lambda *_: self._selected())
        self.editor = AgendaEditor(db, lang, self)
        self.editor.saved.connect(self._saved)
        self.editor.elect.connect(self.elect)
        self.new_deliberation = QPushButton(self.tr("New motion"), self)
        self.new_deliberation.setToolTip(self.tr("審議事項 (第n号議案)"))
        self.new_report = QPushButton(self.tr("New report"), self)
        self.new_report.setToolTip(self.tr("報告事項"))
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        for button, slot in (
            (self.new_deliberation, lambda: self.editor.clear("deliberation")),
            (self.new_report, lambda: self.editor.clear("report")),
            (self.up_button, lambda: self.move(-1)),
            (self.down_button, lambda: self.move(1)),
            (self.delete_button, self.delete_item),
        ):
            button.clicked.connect(slot)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.items, 1)
        row1 = QHBoxLayout()
        row1.addWidget(self.new_deliberation)
        row1.addWidget(self.new_report)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(self.up_button)
        row2.addWidget(self.down_button)
        row2.addStretch(1)
        row2.addWidget(self.delete_button)
        left_layout.addLayout(row1)
        left_layout.addLayout(row2)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 600])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter, 1)

    def load(self, meeting_id: int | None, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.selected_id()
        if meeting_id != self.meeting_id:
            select_id = None
        self.meeting_id = meeting_id
        rows: list[tuple[int, str, str, str]] = []
        if meeting_id is not None:
            with self.db.Session() as session:
                meeting = meetings_service.get_meeting(session, meeting_id, in_trash_ok=True)
                base = meetings_service.meeting_quorum(session, meeting_id).counted
                rule = quorum_service.rule_for(session, meeting.kind).vote_rule
                general = meeting.kind in GENERAL_KINDS
                rows = [
                    (
                        item.id,
                        votes_service.item_label(item),
                        item.title,
                        votes_service.result_label(item.result),
                    )
                    for item in votes_service.meeting_agenda(session, meeting_id)
                ]
            self.editor.set_meeting(meeting_id, base, rule, general)
        else:
            self.editor.set_meeting(None, 0, "majority", False)
        for button in (self.new_deliberation, self.new_report):
            button.setEnabled(meeting_id is not None)
        self.items.blockSignals(True)
        self.items.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for col, text in enumerate(row[1:]):
                item = QTableWidgetItem(text)
                item.setData(_ID, row[0])
                self.items.setItem(i, col, item)
        index = next((i for i, r in enumerate(rows) if r[0] == select_id), 0 if rows else -1)
        self.items.setCurrentCell(index, 0)
        self.items.blockSignals(False)
        self._selected()

    def attendance_changed(self) -> None:
        """The base of the majorities follows the attendance; stored results may have changed."""
        self.load(self.meeting_id)

    def selected_id(self) -> int | None:
        item = self.items.item(self.items.currentRow(), 0)
        return item.data(_ID) if item is not None else None

    def _selected(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            self.editor.clear(None)
        else:
            self.editor.load(item_id)
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setEnabled(item_id is not None)

    def _saved(self, item_id: int) -> None:
        self.load(self.meeting_id, item_id)
        self.changed.emit()

    def move(self, delta: int) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self._run(lambda s: votes_service.move_agenda_item(s, item_id, delta), item_id)

    def delete_item(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        row = self.items.currentRow()
        name = f"{self.items.item(row, 0).text()} {self.items.item(row, 1).text()}"
        text = self.tr("%1 will be deleted with its vote. This cannot be undone.").replace("%1", name)
        if QMessageBox.question(self, self.tr("Delete item"), text) == QMessageBox.StandardButton.Yes:
            self._run(lambda s: votes_service.delete_agenda_item(s, item_id))

    def elect(self, item_id: int) -> None:
        from nagato_desk.gui.agenda_election import ElectionDialog

        if self.editor.item_id == item_id and not self.editor.save():
            return  # the vote on screen is what the election needs: saved first
        dialog = ElectionDialog(self.db, self.date_style, item_id, self.lang, self)
        if dialog.exec():
            self.load(self.meeting_id, item_id)
            self.changed.emit()

    def _run(self, action, select_id: int | None = None) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.load(self.meeting_id, select_id)
        self.changed.emit()
