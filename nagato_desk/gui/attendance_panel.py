"""出欠の入力: tick through the list with the keyboard — ↑↓ to move, 1 出席, 2 欠席, 3 委任状, 4 書面表決
(each moves to the next person), P to choose who holds a 委任状 — with the quorum line updating as
you go; everyone still absent can be marked present at once; the guests (来賓) beside the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
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
from nagato_desk.errors import NagatoError
from nagato_desk.gui.attendance_model import (
    COL_ASSOCIATION,
    COL_NAME,
    COL_READING,
    COL_STATUS,
    AttendanceModel,
    person_of,
)
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.gui.table_model import setup_table
from nagato_desk.reading import matches
from nagato_desk.services import attendance as attendance_service
from nagato_desk.services import meetings as meetings_service
from nagato_desk.services import quorum as quorum_service

#: the keys of quick entry
STATUS_KEYS = {
    Qt.Key.Key_1: "present",
    Qt.Key.Key_2: "absent",
    Qt.Key.Key_3: "proxy",
    Qt.Key.Key_4: "written",
}


class AttendanceTable(QTableView):
    """The list that takes the quick-entry keys; everything else (arrows, Page Down …) as usual."""

    status_key = Signal(str)
    holder_key = Signal()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        key = Qt.Key(event.key())
        if key in STATUS_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.status_key.emit(STATUS_KEYS[key])
            return
        if key == Qt.Key.Key_Space:
            self.status_key.emit("present")
            return
        if key == Qt.Key.Key_P:
            self.holder_key.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = self.currentIndex().row()
            self.selectRow(min(row + 1, self.model().rowCount() - 1))
            return
        super().keyPressEvent(event)


class AttendancePanel(QWidget):
    changed = Signal()  # an attendance or the list changed: the quorum and the results may follow

    def __init__(self, db: Database, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.meeting_id: int | None = None
        self.eligibility = ""
        self.quorum = QLabel(self)
        self.quorum.setWordWrap(True)
        self.quorum.setObjectName("quorumLine")
        self.keys_hint = QLabel(
            self.tr(
                "Keys: ↑↓ move · 1 present · 2 absent · 3 proxy · 4 written vote · Space present · "
                "P who holds the proxy"
            ),
            self,
        )
        self.keys_hint.setProperty("role", "subtitle")
        self.keys_hint.setWordWrap(True)
        self.find = QLineEdit(self)
        self.find.setPlaceholderText(self.tr("Find a name or reading (Enter jumps to it)"))
        self.find.setClearButtonEnabled(True)
        self.find.returnPressed.connect(lambda: (self.jump(), self.table.setFocus()))
        self.find.textChanged.connect(lambda _t: self.jump())
        self.model = AttendanceModel(self)
        self.table = AttendanceTable(self)
        self.table.setModel(self.model)
        setup_table(self.table)
        for col, width in ((COL_NAME, 120), (COL_READING, 140), (COL_ASSOCIATION, 110), (COL_STATUS, 80)):
            self.table.setColumnWidth(col, width)
        self.table.status_key.connect(self.mark)
        self.table.holder_key.connect(self.choose_holder)
        self.count = QLabel(self)
        self.status_buttons: dict[str, QPushButton] = {}
        status_row = QHBoxLayout()
        for status, text in (
            ("present", self.tr("1 Present")),
            ("absent", self.tr("2 Absent")),
            ("proxy", self.tr("3 Proxy")),
            ("written", self.tr("4 Written vote")),
        ):
            button = QPushButton(text, self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list keeps the keyboard
            button.clicked.connect(lambda _c=False, s=status: self.mark(s))
            self.status_buttons[status] = button
            status_row.addWidget(button)
        self.holder_button = QPushButton(self.tr("Proxy holder…"), self)
        self.holder_button.clicked.connect(self.choose_holder)
        status_row.addWidget(self.holder_button)
        status_row.addStretch(1)
        self.all_present_button = QPushButton(self.tr("Everyone still absent is present"), self)
        self.all_present_button.clicked.connect(self.all_present)
        status_row.addWidget(self.all_present_button)
        self.add_person_button = QPushButton(self.tr("Add a person…"), self)
        self.remove_person_button = QPushButton(self.tr("Remove from the list"), self)
        self.add_person_button.clicked.connect(self.add_person)
        self.remove_person_button.clicked.connect(self.remove_person)
        people_row = QHBoxLayout()
        people_row.addWidget(self.count)
        people_row.addStretch(1)
        people_row.addWidget(self.add_person_button)
        people_row.addWidget(self.remove_person_button)

        self.guests = QTableWidget(0, 2, self)
        self.guests.setHorizontalHeaderLabels([self.tr("Guest"), self.tr("Affiliation / role")])
        setup_table(self.guests)
        self.guests.setColumnWidth(0, 150)
        self.add_guest_button = QPushButton(self.tr("Add a guest…"), self)
        self.remove_guest_button = QPushButton(self.tr("Remove guest"), self)
        self.add_guest_button.clicked.connect(self.add_guest)
        self.remove_guest_button.clicked.connect(self.remove_guest)
        guest_title = QLabel(self.tr("Guests (not counted)"), self)
        guest_title.setProperty("role", "subtitle")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.find)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(people_row)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(guest_title)
        right_layout.addWidget(self.guests, 1)
        guest_buttons = QHBoxLayout()
        guest_buttons.addWidget(self.add_guest_button)
        guest_buttons.addWidget(self.remove_guest_button)
        guest_buttons.addStretch(1)
        right_layout.addLayout(guest_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([720, 220])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.quorum)
        layout.addWidget(self.keys_hint)
        layout.addLayout(status_row)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.table)

    # --- loading -------------------------------------------------------------------------------
    def load(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        current = self.current_member()
        if meeting_id is None:
            self.model.set_people([], None, quorum_service.RuleDraft())
            self.guests.setRowCount(0)
            self.eligibility = ""
            self.quorum.setText("")
            self._update_controls()
            return
        with self.db.Session() as session:
            meeting = meetings_service.get_meeting(session, meeting_id, in_trash_ok=True)
            chair, self.eligibility = meeting.chair_member_id, meeting.eligibility
            rule = quorum_service.rule_for(session, meeting.kind)
            people = [person_of(r) for r in attendance_service.attendance_rows(session, meeting_id)]
            guests = [(g.id, g.name, g.affiliation) for g in meeting.guests]
        self.model.set_people(people, chair, rule)
        self.guests.setRowCount(len(guests))
        for i, (guest_id, name, affiliation) in enumerate(guests):
            for col, text in enumerate((name, affiliation)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, guest_id)
                self.guests.setItem(i, col, item)
        row = self.model.row_of(current) if current is not None else -1
        if people:
            self.table.selectRow(max(row, 0))
        self.show_quorum()
        self._update_controls()

    def _update_controls(self) -> None:
        has = self.meeting_id is not None
        delegates = self.eligibility == "delegates"
        self.add_person_button.setVisible(delegates)
        self.remove_person_button.setVisible(delegates)
        for widget in (
            *self.status_buttons.values(),
            self.holder_button,
            self.all_present_button,
            self.add_guest_button,
            self.remove_guest_button,
            self.find,
        ):
            widget.setEnabled(has)
        self.count.setText(self.tr("%1 people may attend").replace("%1", str(self.model.rowCount())))

    def show_quorum(self) -> None:
        status = self.model.status()
        self.quorum.setText(status.text)
        colour = {True: "#1e6b34", False: "#a3231a"}.get(status.met, "#1f2933")  # type: ignore[arg-type]
        self.quorum.setStyleSheet(f"font-weight: bold; color: {colour};")

    def current_member(self) -> int | None:
        person = self.model.person(self.table.currentIndex().row())
        return person.member_id if person is not None else None

    def jump(self) -> None:
        text = self.find.text().strip()
        if not text:
            return
        row = next((i for i, p in enumerate(self.model.people) if matches(text, p.name, p.reading)), -1)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # --- marking -------------------------------------------------------------------------------
    def _save(self, row: int, status: str, holder: int | None) -> bool:
        person = self.model.person(row)
        if person is None or self.meeting_id is None:
            return False
        try:
            with self.db.session() as session:
                attendance_service.set_attendance(session, self.meeting_id, person.member_id, status, holder)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return False
        self.model.set_status(row, status, holder)
        self.show_quorum()
        self.changed.emit()
        return True

    def mark(self, status: str) -> None:
        """Record the selected person's status and move to the next one."""
        row = self.table.currentIndex().row()
        person = self.model.person(row)
        if person is None:
            return
        holder = person.proxy_to_member_id if status == "proxy" else None
        if self._save(row, status, holder):
            self.table.selectRow(min(row + 1, self.model.rowCount() - 1))
            self.table.setFocus()

    def choose_holder(self) -> None:
        """Who holds the selected person's 委任状: the chair (議長一任) or another person here."""
        row = self.table.currentIndex().row()
        person = self.model.person(row)
        if person is None:
            return
        others = [p for p in self.model.people if p.member_id != person.member_id]
        present = [p for p in others if p.status == "present"]
        rest = [p for p in others if p.status != "present"]
        choices: list[tuple[str, int | None]] = [(self.tr("The chair (議長一任)"), None)]
        choices += [(p.name, p.member_id) for p in present]
        choices += [(p.name + self.tr(" (not present)"), p.member_id) for p in rest]
        labels = [c[0] for c in choices]
        current = next(
            (
                i
                for i, c in enumerate(choices)
                if c[1] == person.proxy_to_member_id and person.status == "proxy"
            ),
            0,
        )
        text, ok = QInputDialog.getItem(
            self,
            self.tr("Proxy holder"),
            self.tr("%1 gives a proxy to:").replace("%1", person.name),
            labels,
            current,
            False,
        )
        if ok and text in labels:
            self._save(row, "proxy", choices[labels.index(text)][1])
            self.table.setFocus()

    def all_present(self) -> None:
        if self.meeting_id is None:
            return
        absent = sum(1 for p in self.model.people if p.status == "absent")
        text = self.tr("The %1 people still marked absent will be marked present.").replace("%1", str(absent))
        if not absent or QMessageBox.question(self, self.tr("Mark present"), text) != (
            QMessageBox.StandardButton.Yes
        ):
            return
        self._run(lambda s: attendance_service.mark_all(s, self.meeting_id, "present"))

    # --- delegates (出席者を選ぶ会議) ----------------------------------------------------------
    def add_person(self) -> None:
        if self.meeting_id is None:
            return
        picker = MemberPicker(self.db, self.tr("Add a person who may attend"), "", self.lang, self)
        if not picker.exec() or picker.member_id is None:
            return
        ids = [p.member_id for p in self.model.people]
        if picker.member_id not in ids:
            new_ids = [*ids, picker.member_id]
            self._run(lambda s: attendance_service.set_delegates(s, self.meeting_id, new_ids))

    def remove_person(self) -> None:
        person = self.model.person(self.table.currentIndex().row())
        if person is None or self.meeting_id is None:
            return
        text = self.tr("%1 will be taken off the list of this meeting.").replace("%1", person.name)
        if QMessageBox.question(self, self.tr("Remove from the list"), text) != (
            QMessageBox.StandardButton.Yes
        ):
            return
        ids = [p.member_id for p in self.model.people if p.member_id != person.member_id]
        self._run(lambda s: attendance_service.set_delegates(s, self.meeting_id, ids))

    # --- guests --------------------------------------------------------------------------------
    def add_guest(self) -> None:
        if self.meeting_id is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Add a guest"), self.tr("Name of the guest"))
        if not ok or not name.strip():
            return
        affiliation, ok = QInputDialog.getText(
            self, self.tr("Add a guest"), self.tr("Affiliation or role (e.g. city staff)")
        )
        if ok:
            self._run(lambda s: attendance_service.add_guest(s, self.meeting_id, name, affiliation))

    def remove_guest(self) -> None:
        item = self.guests.item(self.guests.currentRow(), 0)
        if item is None:
            return
        guest_id = item.data(Qt.ItemDataRole.UserRole)
        text = self.tr("The guest %1 will be removed from this meeting.").replace("%1", item.text())
        if QMessageBox.question(self, self.tr("Remove guest"), text) == QMessageBox.StandardButton.Yes:
            self._run(lambda s: attendance_service.remove_guest(s, guest_id))

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.load(self.meeting_id)
        self.changed.emit()
