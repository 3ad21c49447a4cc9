"""役員選任: who a passed election item (総会の役員改選) elected to which role; recording it makes their
officer terms in the roster in one step (and ends the terms of whoever held those roles)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
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
from nagato_desk.gui.meeting_widgets import MemberChoice
from nagato_desk.gui.table_model import setup_table
from nagato_desk.services import associations as associations_service
from nagato_desk.services import committees as committees_service
from nagato_desk.services import elections as elections_service
from nagato_desk.services import meetings as meetings_service
from nagato_desk.services import officers as officers_service
from nagato_desk.services import votes as votes_service
from nagato_desk.services.elections import ElectionDraft, ElectionLine


class ElectionDialog(QDialog):
    """After ``exec()`` returns true, ``term_ids`` are the officer terms made."""

    def __init__(
        self,
        db: Database,
        date_style: str,
        item_id: int,
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.item_id = item_id
        self.lines: list[tuple[ElectionLine, str]] = []  # (line, how it is shown)
        self.term_ids: list[int] = []
        self.setWindowTitle(self.tr("Officers elected"))
        self.role = QComboBox(self)
        self.committee = QComboBox(self)
        self.committee.addItem(self.tr("(none)"), None)
        self.association = QComboBox(self)
        self.association.addItem(self.tr("(the meeting)"), None)
        self.person = MemberChoice(db, self.tr("Choose the person elected"), lang, self)
        self.add_button = QPushButton(self.tr("Add to the list"), self)
        self.remove_button = QPushButton(self.tr("Remove from the list"), self)
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Role"), self.tr("Name"), self.tr("Committee"), self.tr("Chosen by")]
        )
        setup_table(self.table, stretch=1)
        self.table.setColumnWidth(0, 140)
        with db.Session() as session:
            item = votes_service.get_agenda_item(session, item_id)
            meeting = item.meeting
            held_on = meeting.held_on
            about = f"{meetings_service.meeting_label(meeting)} {votes_service.item_label(item)} {item.title}"
            result = votes_service.result_label(item.result) or self.tr("not voted yet")
            for role in officers_service.list_roles(session):
                self.role.addItem(role.name, role.id)
            for committee in committees_service.list_committees(session):
                self.committee.addItem(committee.name, committee.id)
            for assoc in associations_service.list_associations(session):
                self.association.addItem(assoc.name, assoc.id)
            already = [f"{r.role} {r.name}" for r in elections_service.elected_rows(session, item_id)]
        self.starts = DateField(date_style, held_on, field="starts_on", parent=self)
        self.ends = DateField(date_style, None, field="ends_on", required=False, parent=self)
        self.end_previous = QCheckBox(
            self.tr("End the terms of those who hold these roles now (the day before)"), self
        )
        self.end_previous.setChecked(True)
        intro = QLabel(self.tr("%1 — result: %2").replace("%1", about).replace("%2", result), self)
        intro.setWordWrap(True)
        intro.setProperty("role", "subtitle")
        explanation = QLabel(
            self.tr(
                "Each person is added to the officer list of the roster with this term. "
                "The item must have been passed."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.already = QLabel(
            self.tr("Already recorded: %1").replace("%1", "、".join(already)) if already else "", self
        )
        self.already.setWordWrap(True)
        entry = QFormLayout()
        entry.addRow(self.tr("Role"), self.role)
        entry.addRow(self.tr("Person"), self.person)
        entry.addRow(self.tr("Committee (for committee heads)"), self.committee)
        entry.addRow(self.tr("Chosen by"), self.association)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.remove_button)
        add_row.addWidget(self.add_button)
        term = QFormLayout()
        term.addRow(self.tr("Term starts"), self.starts)
        term.addRow(self.tr("Term ends (may be empty)"), self.ends)
        term.addRow(self.end_previous)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(explanation)
        layout.addLayout(entry)
        layout.addLayout(add_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.already)
        layout.addLayout(term)
        layout.addWidget(dialog_buttons(self, self.tr("Record the election")))
        self.resize(780, 620)
        self.role.setFocus()

    def add_line(self) -> None:
        if self.person.member_id is None:
            show_error(
                self,
                ValidationError(
                    [Problem("選任された人を選んでください。", "Choose the person.", "member_id")]
                ),
                self.lang,
            )
            self.person.setFocus()
            return
        line = ElectionLine(
            member_id=self.person.member_id,
            role_id=self.role.currentData(),
            committee_id=self.committee.currentData(),
            chosen_by_association_id=self.association.currentData(),
        )
        cells = (
            self.role.currentText(),
            self.person.name(),
            self.committee.currentText() if line.committee_id else "",
            self.association.currentText() if line.chosen_by_association_id else "",
        )
        self.lines.append((line, self.person.name()))
        row = self.table.rowCount()
        self.table.setRowCount(row + 1)
        for col, text in enumerate(cells):
            self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.selectRow(row)
        self.person.set_member(None)
        self.role.setFocus()

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.lines):
            self.lines.pop(row)
            self.table.removeRow(row)

    def draft(self) -> ElectionDraft:
        return ElectionDraft(
            lines=[line for line, _name in self.lines],
            starts_on=self.starts.value(),
            ends_on=self.ends.value(),
            end_previous=self.end_previous.isChecked(),
        )

    def accept(self) -> None:
        try:
            draft = self.draft()
            with self.db.session() as session:
                terms = elections_service.record_election(session, self.item_id, draft)
                self.term_ids = [t.id for t in terms]
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            problem = exc.problems[0] if exc.problems else None
            if problem is not None and problem.row:
                self.table.selectRow(problem.row - 1)
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()
