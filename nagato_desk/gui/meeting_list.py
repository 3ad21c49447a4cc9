"""会議一覧: every meeting, newest first, with its number, date, kind, name and place and whether it
had its quorum; filter by kind, fiscal year and words; new, edit, open, delete to the trash, restore."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.meeting_dialog import MeetingDialog
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.models.meeting import MEETING_KINDS
from nagato_desk.services import meetings as meetings_service
from nagato_desk.services.meeting_views import meeting_years
from nagato_desk.services.meetings import MeetingFilter, MeetingRow

_QUORUM_WORDS = {
    "none": QT_TRANSLATE_NOOP("MeetingList", "no quorum rule"),
    "met": QT_TRANSLATE_NOOP("MeetingList", "quorum met"),
    "untaken": QT_TRANSLATE_NOOP("MeetingList", "not taken yet"),
    "short": QT_TRANSLATE_NOOP("MeetingList", "no quorum"),
}


def quorum_word(row: MeetingRow) -> str:
    if row.quorum_met is None:
        key = "none"
    elif row.quorum_met:
        key = "met"
    else:
        key = "untaken" if row.counted == 0 else "short"
    return QCoreApplication.translate("MeetingList", _QUORUM_WORDS[key])


class MeetingList(QWidget):
    changed = Signal()
    open_meeting = Signal(int)  # show the meeting's attendance and agenda

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All"), None)
        self.kind.addItem(self.tr("General meetings (both)"), "general_any")
        for code, label in MEETING_KINDS.items():
            self.kind.addItem(label, code)
        self.year = QComboBox(self)
        self.years_shown = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search names, places and agenda items"))
        self.search.setClearButtonEnabled(True)
        self.trash = QCheckBox(self.tr("Trash"), self)
        self.count = QLabel(self)
        self.model = RowsModel(
            "MeetingList",
            [
                Column(QT_TRANSLATE_NOOP("MeetingList", "No."), lambda r: str(r.number), right=True),
                Column(
                    QT_TRANSLATE_NOOP("MeetingList", "Date"),
                    lambda r: format_date(r.held_on, self.date_style),
                ),
                Column(QT_TRANSLATE_NOOP("MeetingList", "Start"), lambda r: r.starts_at),
                Column(QT_TRANSLATE_NOOP("MeetingList", "Kind"), lambda r: r.kind_label),
                Column(QT_TRANSLATE_NOOP("MeetingList", "Name"), lambda r: r.title),
                Column(QT_TRANSLATE_NOOP("MeetingList", "Place"), lambda r: r.place),
                Column(
                    QT_TRANSLATE_NOOP("MeetingList", "Attendance"),
                    lambda r: f"{r.counted} / {r.eligible}",
                    right=True,
                ),
                Column(QT_TRANSLATE_NOOP("MeetingList", "Quorum"), quorum_word),
            ],
            self,
            highlight=lambda r: "#f8d7d3" if r.quorum_met is False and r.counted else None,
            tooltip=lambda r: r.quorum_text,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, stretch=4)
        for col, width in ((0, 56), (1, 150), (2, 64), (3, 120), (5, 190), (6, 100), (7, 110)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.new_button = QPushButton(self.tr("New meeting…"), self)
        mark_primary(self.new_button)
        self.open_button = QPushButton(self.tr("Attendance and agenda"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        for button, slot in (
            (self.new_button, self.new_meeting),
            (self.open_button, self.open_selected),
            (self.edit_button, self.edit_meeting),
            (self.delete_button, self.delete_meeting),
            (self.restore_button, self.restore_meeting),
        ):
            button.clicked.connect(slot)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_meeting)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_meeting)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_selected)

        filters = QHBoxLayout()
        for label, combo in ((self.tr("Kind"), self.kind), (self.tr("Fiscal year"), self.year)):
            caption = QLabel(label, self)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.trash)
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.edit_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.kind.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.year.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.trash.toggled.connect(lambda _c: self.apply_filter())
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Read the years again (a meeting may have been added in a new one), then the list."""
        current = self.year.currentData()
        with self.db.Session() as session:
            years = meeting_years(session)
        if not self.years_shown and years:
            # first the latest year with meetings: ten years of them at once would be slow to read
            current, self.years_shown = years[0], True
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("All years"), None)
        for fy in years:
            self.year.addItem(format_fiscal_year(fy, self.date_style), fy)
        self.year.setCurrentIndex(max(0, self.year.findData(current)))
        self.year.blockSignals(False)
        self.apply_filter(select_id)

    def current_filter(self) -> MeetingFilter:
        return MeetingFilter(
            fiscal_year=self.year.currentData(),
            kind=self.kind.currentData(),
            text=self.search.text() or None,
            trash=self.trash.isChecked(),
        )

    def apply_filter(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.selected_id()
        with self.db.Session() as session:
            rows = meetings_service.list_meetings(session, self.current_filter())
        self.model.set_rows(rows)
        in_trash = self.trash.isChecked()
        self.count.setText(
            (self.tr("%1 in the trash") if in_trash else self.tr("%1 meetings")).replace("%1", str(len(rows)))
        )
        for button in (self.new_button, self.open_button, self.edit_button, self.delete_button):
            button.setVisible(not in_trash)
        self.restore_button.setVisible(in_trash)
        index = next((i for i, r in enumerate(rows) if r.id == select_id), 0 if rows else -1)
        if index >= 0:
            self.table.selectRow(index)

    def selected(self) -> MeetingRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row is not None else None

    def select_meeting(self, meeting_id: int) -> None:
        row = next((i for i, r in enumerate(self.model.rows) if r.id == meeting_id), -1)
        if row < 0 and (self.kind.currentIndex() or self.year.currentIndex() or self.search.text()):
            self.kind.setCurrentIndex(0)
            self.year.setCurrentIndex(0)
            self.search.clear()
            row = next((i for i, r in enumerate(self.model.rows) if r.id == meeting_id), -1)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # --- actions -------------------------------------------------------------------------------
    def new_meeting(self) -> None:
        if self.trash.isChecked():
            return
        dialog = MeetingDialog(self.db, self.date_style, None, self.lang, self)
        if dialog.exec() and dialog.meeting_id is not None:
            self.after_change(dialog.meeting_id)
            self.open_meeting.emit(dialog.meeting_id)

    def edit_meeting(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is None or self.trash.isChecked():
            return
        if MeetingDialog(self.db, self.date_style, meeting_id, self.lang, self).exec():
            self.after_change(meeting_id)

    def open_selected(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is not None and not self.trash.isChecked():
            self.open_meeting.emit(meeting_id)

    def delete_meeting(self) -> None:
        row = self.selected()
        if row is None or self.trash.isChecked():
            return
        text = (
            self.tr(
                "The meeting No.%1 “%2” will be moved to the trash with its attendance and agenda. "
                "It can be restored from the trash."
            )
            .replace("%1", str(row.number))
            .replace("%2", row.title)
        )
        if QMessageBox.question(self, self.tr("Delete meeting"), text) == QMessageBox.StandardButton.Yes:
            self._run(lambda s: meetings_service.delete_meeting(s, row.id))

    def restore_meeting(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is None or not self.trash.isChecked():
            return
        try:
            with self.db.session() as session:
                meetings_service.restore_meeting(session, meeting_id)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.trash.blockSignals(True)
        self.trash.setChecked(False)
        self.trash.blockSignals(False)
        self.after_change(meeting_id)

    def after_change(self, select_id: int | None = None) -> None:
        self.refresh(select_id)
        self.changed.emit()

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.after_change()
