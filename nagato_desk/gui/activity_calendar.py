"""The month calendar of the 事業 page: the days of the fiscal year on which an activity is held are
marked; the activities of the chosen day are listed beside it (Enter or a double-click opens one;
a double-click on a day starts a new activity on it)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import fiscal_year_bounds, format_date
from nagato_desk.services import activities as activities_service

_MARK = QColor("#D9E2F3")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class ActivityCalendar(QWidget):
    new_on = Signal(object)  # a date: add an activity on it
    edit = Signal(int)  # an activity's id

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.marked: dict[date, list[int]] = {}
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        if lang != "en":
            self.calendar.setLocale(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
            # after setLocale the selection is drawn one cell off (Monday-first) until it moves
            selected = self.calendar.selectedDate()
            self.calendar.setSelectedDate(selected.addDays(1))
            self.calendar.setSelectedDate(selected)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.selectionChanged.connect(self.show_day)
        self.calendar.activated.connect(lambda _d: self.new_on.emit(self.selected_date()))
        self.day_title = QLabel(self)
        self.day_title.setProperty("role", "subtitle")
        self.day_list = QListWidget(self)
        self.day_list.setWordWrap(True)
        self.day_list.itemActivated.connect(self._open)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.calendar, 3)
        side = QVBoxLayout()
        side.addWidget(self.day_title)
        side.addWidget(self.day_list, 1)
        layout.addLayout(side, 2)

    def set_days(self, fiscal_year: int, marked: dict[date, list[int]], month: int | None) -> None:
        """Mark ``marked`` days of ``fiscal_year``; show ``month`` (else today's month, in the year)."""
        self.marked = marked
        first, last = fiscal_year_bounds(fiscal_year)
        self.calendar.blockSignals(True)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear every mark
        self.calendar.setDateRange(_qdate(first), _qdate(last))
        mark = QTextCharFormat()
        mark.setBackground(QBrush(_MARK))
        mark.setFontWeight(QFont.Weight.Bold)
        for day in marked:
            self.calendar.setDateTextFormat(_qdate(day), mark)
        if month is not None:
            year = fiscal_year if month >= 4 else fiscal_year + 1
            self.calendar.setCurrentPage(year, month)
            self.calendar.setSelectedDate(QDate(year, month, 1))
        elif not first <= self.selected_date() <= last:
            today = date.today()
            self.calendar.setSelectedDate(_qdate(today if first <= today <= last else first))
        self.calendar.blockSignals(False)
        self.show_day()

    def selected_date(self) -> date:
        d = self.calendar.selectedDate()
        return date(d.year(), d.month(), d.day())

    def show_day(self) -> None:
        day = self.selected_date()
        ids = self.marked.get(day, [])
        self.day_title.setText(format_date(day, self.date_style))
        self.day_list.clear()
        if not ids:
            self.day_list.addItem(self.tr("No activity on this day. Double-click the day to add one."))
            return
        with self.db.Session() as session:
            for activity_id in ids:
                a = activities_service.get_activity(session, activity_id)
                people = a.participants_total
                text = f"{a.title}（{a.field}）"
                if a.status == "planned":
                    text += "　" + self.tr("Planned")
                elif people:
                    text += "　" + self.tr("%1 participants").replace("%1", f"{people:,}")
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, activity_id)
                self.day_list.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        activity_id = item.data(Qt.ItemDataRole.UserRole)
        if activity_id is not None:
            self.edit.emit(activity_id)
