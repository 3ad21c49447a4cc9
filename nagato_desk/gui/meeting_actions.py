"""決まった取組: the actions agreed at one meeting (with those done), and the open actions of every
meeting on their own tab — mark one done, correct it, or go to its meeting."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_date
from nagato_desk.errors import NagatoError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.date_field import DateDialog
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.meeting_action_dialog import ActionDialog
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.services import meeting_actions as actions_service
from nagato_desk.services.meeting_actions import ActionRow


class ActionsList(QWidget):
    """``across=True``: the open actions of every meeting; else those of the meeting loaded."""

    changed = Signal()
    open_meeting = Signal(int)

    def __init__(
        self,
        db: Database,
        date_style: str,
        lang: str = "ja",
        parent: QWidget | None = None,
        *,
        across: bool = False,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.across = across
        self.meeting_id: int | None = None
        self.count = QLabel(self)
        self.model = RowsModel(
            "ActionsList",
            self._columns(),
            self,
            highlight=lambda r: "#f8d7d3" if r.overdue else ("#e4ebf1" if r.done_on else None),
            tooltip=lambda r: self.tr("Past its date and not done") if r.overdue else "",
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, stretch=3 if across else 1)
        widths = ((0, 260), (1, 140), (2, 160)) if across else ((0, 160), (2, 150), (3, 150))
        for col, width in widths:
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_action())
        self.new_button = QPushButton(self.tr("New action…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.done_button = QPushButton(self.tr("Done…"), self)
        self.reopen_button = QPushButton(self.tr("Not done yet"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.meeting_button = QPushButton(self.tr("Go to the meeting"), self)
        mark_primary(self.done_button if across else self.new_button)
        for button, slot in (
            (self.new_button, self.new_action),
            (self.edit_button, self.edit_action),
            (self.done_button, self.mark_done),
            (self.reopen_button, self.reopen),
            (self.delete_button, self.delete_action),
            (self.meeting_button, self.go_to_meeting),
        ):
            button.clicked.connect(slot)
        self.new_button.setVisible(not across)
        self.reopen_button.setVisible(not across)
        self.meeting_button.setVisible(across)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.done_button, self.reopen_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.meeting_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8 if across else 4, 0, 0)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        if across:
            self.refresh()

    def _date(self, d: date | None) -> str:
        return format_date(d, self.date_style) if d else ""

    def _columns(self) -> list[Column]:
        common = [
            Column(QT_TRANSLATE_NOOP("ActionsList", "Who"), lambda r: r.who),
            Column(QT_TRANSLATE_NOOP("ActionsList", "What"), lambda r: r.what),
            Column(QT_TRANSLATE_NOOP("ActionsList", "By when"), lambda r: self._date(r.due_on)),
        ]
        if self.across:
            return [
                Column(
                    QT_TRANSLATE_NOOP("ActionsList", "Meeting"),
                    lambda r: f"No.{r.meeting_number} {r.meeting_title}",
                ),
                Column(QT_TRANSLATE_NOOP("ActionsList", "Held on"), lambda r: self._date(r.held_on)),
                *common,
            ]
        return [*common, Column(QT_TRANSLATE_NOOP("ActionsList", "Done on"), lambda r: self._date(r.done_on))]

    def load(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        current = self.selected()
        select_id = select_id if select_id is not None else (current.id if current else None)
        rows: list[ActionRow] = []
        with self.db.Session() as session:
            if self.across:
                rows = actions_service.open_actions(session)
            elif self.meeting_id is not None:
                rows = actions_service.meeting_actions(session, self.meeting_id)
        self.model.set_rows(rows)
        if self.across:
            overdue = sum(1 for r in rows if r.overdue)
            self.count.setText(
                self.tr("%1 open actions, %2 past their date")
                .replace("%1", str(len(rows)))
                .replace("%2", str(overdue))
            )
        else:
            self.count.setText(self.tr("%1 actions agreed at this meeting").replace("%1", str(len(rows))))
        self.new_button.setEnabled(self.across or self.meeting_id is not None)
        index = next((i for i, r in enumerate(rows) if r.id == select_id), 0 if rows else -1)
        if index >= 0:
            self.table.selectRow(index)

    def selected(self) -> ActionRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def new_action(self) -> None:
        if self.meeting_id is None:
            return
        dialog = ActionDialog(self.db, self.date_style, self.meeting_id, None, self.lang, self)
        if dialog.exec():
            self.after_change(dialog.action_id)

    def edit_action(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ActionDialog(self.db, self.date_style, row.meeting_id, row.id, self.lang, self)
        if dialog.exec():
            self.after_change(row.id)

    def mark_done(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = DateDialog(
            self.tr("Action done"),
            self.tr("“%1” is done. On which date?").replace("%1", row.what),
            self.tr("Done on"),
            self.date_style,
            ok_text=self.tr("Record"),
            lang=self.lang,
            parent=self,
        )
        if dialog.exec() and dialog.on is not None:
            on = dialog.on
            self._run(lambda s: actions_service.mark_done(s, row.id, on), row.id)

    def reopen(self) -> None:
        row = self.selected()
        if row is not None and row.done_on is not None:
            self._run(lambda s: actions_service.mark_done(s, row.id, None), row.id)

    def delete_action(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = self.tr("The action “%1” will be deleted. This cannot be undone.").replace("%1", row.what)
        if QMessageBox.question(self, self.tr("Delete action"), text) == QMessageBox.StandardButton.Yes:
            self._run(lambda s: actions_service.delete_action(s, row.id))

    def go_to_meeting(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_meeting.emit(row.meeting_id)

    def after_change(self, select_id: int | None = None) -> None:
        self.refresh(select_id)
        self.changed.emit()

    def _run(self, action, select_id: int | None = None) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.after_change(select_id)
