"""Choose one member: type part of the name, reading or phone, pick the row, Enter. Optionally with
a date (「就任日」) asked in the same dialog, so adding someone to a committee is one step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.date_field import DateField
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.members_model import COL_NAME, COL_READING, MemberListModel
from nagato_desk.services.members import MemberFilter


class MemberPicker(QDialog):
    """After ``exec()`` returns true, ``member_id`` (and ``on`` when a date was asked) hold the choice."""

    def __init__(
        self,
        db: Database,
        title: str,
        explanation: str = "",
        lang: str = "ja",
        parent: QWidget | None = None,
        *,
        date_label: str = "",
        date_style: str = "wareki",
        date_value: date | None = None,
        ok_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.member_id: int | None = None
        self.on: date | None = None
        self.setWindowTitle(title)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Type part of the name, reading or phone"))
        self.search.setClearButtonEnabled(True)
        self.model = MemberListModel(db, lang, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(COL_NAME, 150)
        self.table.setColumnWidth(COL_READING, 180)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.count = QLabel(self)
        self.date: DateField | None = None
        layout = QVBoxLayout(self)
        if explanation:
            text = QLabel(explanation, self)
            text.setWordWrap(True)
            layout.addWidget(text)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        if date_label:
            self.date = DateField(date_style, date_value or date.today(), parent=self)
            form = QFormLayout()
            form.addRow(date_label, self.date)
            layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, ok_text or self.tr("Choose")))
        self.search.textChanged.connect(self.apply_filter)
        self.apply_filter()
        self.resize(760, 560)
        self.search.setFocus()

    def apply_filter(self) -> None:
        self.model.set_filter(MemberFilter(text=self.search.text()))
        self.count.setText(self.tr("%1 people").replace("%1", f"{self.model.rowCount():,}"))
        if self.model.rowCount():
            self.table.selectRow(0)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Up and down from the search box move in the list, as in a search field anywhere.
        if self.search.hasFocus() and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.table.setFocus()
            self.table.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else (index.row() if index.isValid() else -1)
        return self.model.member_id(row)

    def accept(self) -> None:
        member_id = self.selected_id()
        if member_id is None:
            self.search.setFocus()
            return
        if self.date is not None:
            try:
                self.on = self.date.value()
            except NagatoError as exc:
                show_error(self, exc, self.lang)
                self.date.setFocus()
                return
        self.member_id = member_id
        super().accept()
