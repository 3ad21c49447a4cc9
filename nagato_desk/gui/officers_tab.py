"""役員: who is in office on a chosen date (today by default), with role, name, reading, 選出母体 and
term; register, correct, end and delete a term; a person's role history; the list of roles."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
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
from nagato_desk.gui.officer_dialogs import RolesDialog, TermDialog
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.services import officers as officers_service
from nagato_desk.services.officers import OfficerRow


def role_text(row: OfficerRow) -> str:
    """「部会長（福祉部会）」 for a committee's head, else the role."""
    return f"{row.role}（{row.committee}）" if row.committee else row.role


def term_text(starts_on: date, ends_on: date | None, style: str) -> str:
    return f"{format_date(starts_on, style)}〜{format_date(ends_on, style) if ends_on else ''}"


class OfficersTab(QWidget):
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
        self.as_of = QDateEdit(self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy/MM/dd")
        self.as_of.setDate(QDate.currentDate())
        self.as_of_text = QLabel(self)
        self.as_of_text.setProperty("role", "subtitle")
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.clicked.connect(lambda: self.as_of.setDate(QDate.currentDate()))
        self.count = QLabel(self)
        self.model = RowsModel("OfficersTab", self._columns(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, stretch=4)
        for col, width in ((0, 240), (1, 130), (2, 160), (3, 130)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_term())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_history())

        self.history_title = QLabel(self)
        self.history = QTableWidget(0, 3, self)
        self.history.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Term"), self.tr("Chosen by")])
        setup_table(self.history, stretch=1)
        self.history.setColumnWidth(0, 240)

        self.new_button = QPushButton(self.tr("New term…"), self)
        mark_primary(self.new_button)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.end_button = QPushButton(self.tr("End term…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.roles_button = QPushButton(self.tr("Roles…"), self)
        for button, slot in (
            (self.new_button, self.new_term),
            (self.edit_button, self.edit_term),
            (self.end_button, self.end_term),
            (self.delete_button, self.delete_term),
            (self.roles_button, self.edit_roles),
        ):
            button.clicked.connect(slot)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_term)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_term)

        top = QHBoxLayout()
        caption = QLabel(self.tr("Officers as of"), self)
        caption.setBuddy(self.as_of)
        top.addWidget(caption)
        top.addWidget(self.as_of)
        top.addWidget(self.as_of_text)
        top.addWidget(self.today_button)
        top.addStretch(1)
        top.addWidget(self.count)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.history_title)
        lower_layout.addWidget(self.history)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 220])
        splitter.setChildrenCollapsible(False)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.end_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.roles_button)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        if load:
            self.refresh()

    def _columns(self) -> list[Column]:
        return [
            Column(QT_TRANSLATE_NOOP("OfficersTab", "Role"), role_text),
            Column(QT_TRANSLATE_NOOP("OfficersTab", "Name"), lambda r: r.name),
            Column(QT_TRANSLATE_NOOP("OfficersTab", "Reading"), lambda r: r.reading),
            Column(QT_TRANSLATE_NOOP("OfficersTab", "Chosen by"), lambda r: r.chosen_by),
            Column(
                QT_TRANSLATE_NOOP("OfficersTab", "Term"),
                lambda r: term_text(r.starts_on, r.ends_on, self.date_style),
            ),
        ]

    # --- lists ---------------------------------------------------------------------------------
    def on(self) -> date:
        return self.as_of.date().toPython()  # type: ignore[return-value]

    def set_as_of(self, on: date) -> None:
        self.as_of.setDate(QDate(on.year, on.month, on.day))

    def refresh(self, select_term: int | None = None) -> None:
        current = self.selected()
        select_term = select_term if select_term is not None else (current.term_id if current else None)
        on = self.on()
        self.as_of_text.setText(self.tr("as of %1").replace("%1", format_date(on, self.date_style)))
        with self.db.Session() as session:
            rows = officers_service.officers_as_of(session, on)
        self.model.set_rows(rows)
        self.count.setText(self.tr("%1 officers").replace("%1", str(len(rows))))
        row = next((i for i, r in enumerate(rows) if r.term_id == select_term), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
        self.show_history()

    def selected(self) -> OfficerRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def show_history(self) -> None:
        row = self.selected()
        self.history.setRowCount(0)
        if row is None:
            self.history_title.setText(self.tr("Select an officer to see their roles over the years."))
            return
        with self.db.Session() as session:
            terms = officers_service.role_history(session, row.member_id)
        self.history_title.setText(self.tr("Roles of %1 over the years").replace("%1", row.name))
        self.history.setRowCount(len(terms))
        for i, term in enumerate(terms):
            cells = (
                role_text(term),
                term_text(term.starts_on, term.ends_on, self.date_style),
                term.chosen_by,
            )
            for col, text in enumerate(cells):
                self.history.setItem(i, col, QTableWidgetItem(text))

    # --- actions -------------------------------------------------------------------------------
    def new_term(self) -> None:
        dialog = TermDialog(self.db, self.date_style, None, self.lang, self)
        if dialog.exec():
            self.after_change(dialog.term_id)

    def edit_term(self) -> None:
        row = self.selected()
        if row is not None and TermDialog(self.db, self.date_style, row.term_id, self.lang, self).exec():
            self.after_change(row.term_id)

    def end_term(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = DateDialog(
            self.tr("End term"),
            self.tr("%1 leaves the role “%2”. Enter the last day in office.")
            .replace("%1", row.name)
            .replace("%2", role_text(row)),
            self.tr("Last day in office"),
            self.date_style,
            ok_text=self.tr("Next…"),
            lang=self.lang,
            parent=self,
        )
        if not dialog.exec() or dialog.on is None:
            return
        ends_on = dialog.on
        text = (
            self.tr("The term of %1 as “%2” will end on %3 (the last day in office). The record is kept.")
            .replace("%1", row.name)
            .replace("%2", role_text(row))
            .replace("%3", format_date(ends_on, self.date_style))
        )
        if QMessageBox.question(self, self.tr("End term"), text) == QMessageBox.StandardButton.Yes:
            self._run(lambda s: officers_service.end_term(s, row.term_id, ends_on))

    def delete_term(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = (
            self.tr(
                "The record of %1 as “%2” (%3) will be deleted and cannot be restored.\n"
                "If the term has simply ended, use “End term…” instead."
            )
            .replace("%1", row.name)
            .replace("%2", role_text(row))
            .replace("%3", term_text(row.starts_on, row.ends_on, self.date_style))
        )
        if QMessageBox.question(self, self.tr("Delete term"), text) == QMessageBox.StandardButton.Yes:
            self._run(lambda s: officers_service.delete_term(s, row.term_id))

    def edit_roles(self) -> None:
        dialog = RolesDialog(self.db, self.lang, self)
        dialog.exec()
        if dialog.changed:
            self.after_change()

    def after_change(self, term_id: int | None = None) -> None:
        self.refresh(term_id)
        self.changed.emit()

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.after_change()
