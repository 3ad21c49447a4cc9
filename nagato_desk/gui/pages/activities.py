"""事業: the council's activities of a fiscal year — a list by month and a month calendar with the
days marked — adding and correcting them (with photos), the trash, copying last year's recurring
events into this year as plans, and saving the 事業報告書."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import fiscal_year_of, format_date, format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.gui.activity_calendar import ActivityCalendar
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.models import PLAN_FIELDS
from nagato_desk.services import activities as activities_service
from nagato_desk.services import activity_views
from nagato_desk.services import committees as committees_service
from nagato_desk.services.activity_views import FISCAL_MONTHS, ActivityRow
from nagato_desk.settings import Settings

_CTX = "ActivitiesPage"
_MONTHS = {
    4: QT_TRANSLATE_NOOP("ActivitiesPage", "April"),
    5: QT_TRANSLATE_NOOP("ActivitiesPage", "May"),
    6: QT_TRANSLATE_NOOP("ActivitiesPage", "June"),
    7: QT_TRANSLATE_NOOP("ActivitiesPage", "July"),
    8: QT_TRANSLATE_NOOP("ActivitiesPage", "August"),
    9: QT_TRANSLATE_NOOP("ActivitiesPage", "September"),
    10: QT_TRANSLATE_NOOP("ActivitiesPage", "October"),
    11: QT_TRANSLATE_NOOP("ActivitiesPage", "November"),
    12: QT_TRANSLATE_NOOP("ActivitiesPage", "December"),
    1: QT_TRANSLATE_NOOP("ActivitiesPage", "January"),
    2: QT_TRANSLATE_NOOP("ActivitiesPage", "February"),
    3: QT_TRANSLATE_NOOP("ActivitiesPage", "March"),
}


_STATUSES = {
    "planned": QT_TRANSLATE_NOOP("ActivitiesPage", "Planned"),
    "done": QT_TRANSLATE_NOOP("ActivitiesPage", "Done"),
}


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(_CTX, text)


def _status(row: ActivityRow) -> str:
    return _tr(_STATUSES.get(row.status, row.status))


class ActivitiesPage(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, settings: Settings, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.lang = lang
        self.rows: list[ActivityRow] = []
        heading = QLabel(self.tr("Activities"), self)
        heading.setProperty("role", "title")
        self.year = QComboBox(self)
        self.month = QComboBox(self)
        self.month.addItem(self.tr("All months"), None)
        for m in FISCAL_MONTHS:
            self.month.addItem(_tr(_MONTHS[m]), m)
        self.field = QComboBox(self)
        self.field.addItem(self.tr("All fields"), None)
        for name in PLAN_FIELDS:
            self.field.addItem(name, name)
        self.committee = QComboBox(self)
        self.fill_committees()
        self.trash = QCheckBox(self.tr("Trash"), self)
        self.trash.setToolTip(self.tr("Show the activities that were deleted, to restore one"))
        self.new_button = QPushButton(self.tr("New activity…"), self)
        mark_primary(self.new_button)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.purge_button = QPushButton(self.tr("Delete for good…"), self)
        self.copy_button = QPushButton(self.tr("Copy recurring from last year…"), self)
        self.copy_button.setToolTip(
            self.tr("Last year's activities marked “held every year” become this year's plans")
        )
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(self.tr("Save the activity report as PDF or Excel"))
        self.count = QLabel(self)
        self.count.setProperty("role", "subtitle")

        self.model = RowsModel(
            _CTX,
            [
                Column(QT_TRANSLATE_NOOP("ActivitiesPage", "Date"), self._dates),
                Column(QT_TRANSLATE_NOOP("ActivitiesPage", "Title"), lambda r: r.title),
                Column(QT_TRANSLATE_NOOP("ActivitiesPage", "Field"), lambda r: r.field),
                Column(QT_TRANSLATE_NOOP("ActivitiesPage", "Committee"), lambda r: r.committee),
                Column(QT_TRANSLATE_NOOP("ActivitiesPage", "Place"), lambda r: r.place),
                Column(
                    QT_TRANSLATE_NOOP("ActivitiesPage", "Participants"),
                    lambda r: f"{r.participants:,}",
                    right=True,
                ),
                Column(QT_TRANSLATE_NOOP("ActivitiesPage", "Status"), _status),
                Column(
                    QT_TRANSLATE_NOOP("ActivitiesPage", "Photos"),
                    lambda r: str(r.photos) if r.photos else "",
                    right=True,
                ),
            ],
            self,
            highlight=lambda r: "#FFF6DC" if r.status == "planned" else None,
            tooltip=lambda r: "\n".join(t for t in (r.title, r.place, r.partner_bodies, r.outcome) if t),
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, stretch=1)
        for col, width in enumerate((200, 240, 180, 140, 180, 80, 80, 60)):
            self.table.setColumnWidth(col, width)
        self.table.activated.connect(lambda _i: self.edit_activity())

        self.calendar_view = ActivityCalendar(db, settings.date_style, lang, self)
        self.calendar_view.new_on.connect(lambda on: self.new_activity(on=on))
        self.calendar_view.edit.connect(lambda activity_id: self.edit_activity(activity_id))
        self.calendar = self.calendar_view.calendar
        self.day_list = self.calendar_view.day_list

        list_tab = QWidget(self)
        list_layout = QVBoxLayout(list_tab)
        list_layout.setContentsMargins(0, 8, 0, 0)
        list_layout.addWidget(self.table, 1)
        calendar_tab = self.calendar_view
        self.tabs = QTabWidget(self)
        self.tabs.addTab(list_tab, self.tr("List by month"))
        self.tabs.addTab(calendar_tab, self.tr("Calendar"))
        self.tab_pages: list[tuple[str, QWidget]] = [("list", list_tab), ("calendar", calendar_tab)]

        head = QHBoxLayout()
        head.addWidget(heading, 1)
        head.addWidget(self.copy_button)
        head.addWidget(self.export_button)
        filters = QHBoxLayout()
        for label, combo in (
            (self.tr("Fiscal year"), self.year),
            (self.tr("Month"), self.month),
            (self.tr("Field"), self.field),
            (self.tr("Committee"), self.committee),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)
        filters.addWidget(self.count, 1)
        filters.addWidget(self.trash)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addStretch(1)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.purge_button)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)

        for button, slot in (
            (self.new_button, lambda: self.new_activity()),
            (self.edit_button, lambda: self.edit_activity()),
            (self.delete_button, self.delete_activity),
            (self.restore_button, self.restore_activity),
            (self.purge_button, self.purge_activity),
            (self.copy_button, self.copy_recurring),
            (self.export_button, self.export_report),
        ):
            button.clicked.connect(slot)
        QShortcut(QKeySequence("Ctrl+N"), self, lambda: self.new_activity())
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_report)
        self.table.installEventFilter(self)  # the Delete key deletes the selected activity
        self.fill_years()
        for combo in (self.year, self.month, self.field, self.committee):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.trash.toggled.connect(lambda _c: self.refresh())
        self.refresh()

    # --- what is shown -------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
            and not self.in_trash()
        ):
            self.delete_activity()
            return True
        return super().eventFilter(watched, event)

    def page_title(self) -> str:
        return self.tr("Activities")

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(next(i for i, (k, _w) in enumerate(self.tab_pages) if k == key))

    def _dates(self, row: ActivityRow) -> str:
        start = format_date(row.starts_on, self.settings.date_style)
        if row.ends_on is None:
            return start
        return f"{start}〜{row.ends_on.month}/{row.ends_on.day}"

    def fill_years(self) -> None:
        current = fiscal_year_of(date.today())
        chosen = self.year.currentData()
        with self.db.Session() as session:
            years = set(activity_views.activity_years(session))
        years.update({current, current - 1, current + 1})
        self.year.blockSignals(True)
        self.year.clear()
        for fy in sorted(years, reverse=True):
            self.year.addItem(format_fiscal_year(fy, self.settings.date_style), fy)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen if chosen is not None else current)))
        self.year.blockSignals(False)

    def fill_committees(self) -> None:
        chosen = self.committee.currentData()
        self.committee.blockSignals(True)
        self.committee.clear()
        self.committee.addItem(self.tr("All committees"), None)
        with self.db.Session() as session:
            for committee in committees_service.list_committees(session):
                self.committee.addItem(committee.name, committee.id)
        self.committee.setCurrentIndex(max(0, self.committee.findData(chosen)))
        self.committee.blockSignals(False)

    def fiscal_year(self) -> int:
        return int(self.year.currentData())

    def in_trash(self) -> bool:
        return self.trash.isChecked()

    def refresh(self, select_id: int | None = None) -> None:
        """Read the list again (committees too: they may have changed in the 会員 section)."""
        self.fill_committees()
        select_id = select_id if select_id is not None else self.selected_id()
        with self.db.Session() as session:
            self.rows = activity_views.list_activities(
                session,
                self.fiscal_year(),
                month=self.month.currentData(),
                field=self.field.currentData(),
                committee_id=self.committee.currentData(),
                in_trash=self.in_trash(),
            )
            marked = activity_views.activity_days(session, self.fiscal_year())
        self.model.set_rows(self.rows)
        people = sum(r.participants for r in self.rows if r.status == "done")
        self.count.setText(
            (self.tr("%1 in the trash") if self.in_trash() else self.tr("%1 activities, %2 participants"))
            .replace("%1", str(len(self.rows)))
            .replace("%2", f"{people:,}")
        )
        for button in (self.new_button, self.edit_button, self.delete_button, self.copy_button):
            button.setVisible(not self.in_trash())
        self.restore_button.setVisible(self.in_trash())
        self.purge_button.setVisible(self.in_trash())
        index = next((i for i, r in enumerate(self.rows) if r.id == select_id), 0 if self.rows else -1)
        if index >= 0:
            self.table.selectRow(index)
        self.calendar_view.date_style = self.settings.date_style
        self.calendar_view.set_days(self.fiscal_year(), marked, self.month.currentData())

    def selected_id(self) -> int | None:
        row = (
            self.model.row_at(self.table.currentIndex().row())
            if self.table.currentIndex().isValid()
            else None
        )
        return row.id if row is not None else None

    def selected_row(self) -> ActivityRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    # --- actions -------------------------------------------------------------------------------
    def _dialog(self, activity_id: int | None, on: date | None = None):  # type: ignore[no-untyped-def]
        from nagato_desk.gui.activity_dialog import ActivityDialog

        return ActivityDialog(self.db, self.settings.date_style, activity_id, self.lang, self, on=on)

    def new_activity(self, on: date | None = None) -> None:
        if self.in_trash():
            return
        if on is None:
            first, last = date(self.fiscal_year(), 4, 1), date(self.fiscal_year() + 1, 3, 31)
            today = date.today()
            on = today if first <= today <= last else first
        dialog = self._dialog(None, on)
        if dialog.exec():
            self._after_save(dialog.saved_id, on)

    def edit_activity(self, activity_id: int | None = None) -> None:
        activity_id = activity_id or self.selected_id()
        if activity_id is None or self.in_trash():
            return
        dialog = self._dialog(activity_id)
        if dialog.exec():
            self._after_save(dialog.saved_id, None)

    def _after_save(self, activity_id: int | None, on: date | None) -> None:
        if activity_id is not None:
            with self.db.Session() as session:
                fy = activities_service.get_activity(session, activity_id).fiscal_year
            self.fill_years()
            if fy != self.fiscal_year():
                self.year.setCurrentIndex(self.year.findData(fy))
        self.refresh(activity_id)
        self.changed.emit()

    def delete_activity(self) -> None:
        row = self.selected_row()
        if row is None or self.in_trash():
            return
        text = self.tr(
            "The activity “%1” will be moved to the trash. Its photos are kept and come back if it is restored."
        ).replace("%1", row.title)
        if QMessageBox.question(self, self.tr("Delete activity"), text) != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda s: activities_service.delete_activity(s, row.id))

    def restore_activity(self) -> None:
        row = self.selected_row()
        if row is None or not self.in_trash():
            return
        if self._run(lambda s: activities_service.restore_activity(s, row.id)):
            self.trash.setChecked(False)
            self.refresh(row.id)

    def purge_activity(self) -> None:
        row = self.selected_row()
        if row is None or not self.in_trash():
            return
        text = self.tr(
            "The activity “%1” and its photos will be deleted for good. This cannot be undone."
        ).replace("%1", row.title)
        if QMessageBox.question(self, self.tr("Delete for good"), text) != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda s: activities_service.purge_activity(s, row.id))

    def copy_recurring(self) -> None:
        fy = self.fiscal_year()
        with self.db.Session() as session:
            count = len(activities_service.recurring_to_copy(session, fy))
        last, this = (format_fiscal_year(y, self.settings.date_style) for y in (fy - 1, fy))
        if count == 0:
            QMessageBox.information(
                self,
                self.tr("Copy recurring activities"),
                self.tr("There is nothing to copy: %1 has no recurring activity that is not in %2 yet.")
                .replace("%1", last)
                .replace("%2", this),
            )
            return
        text = (
            self.tr(
                "%1 recurring activities of %2 will be copied into %3 as plans, one year later, without participants or outcome."
            )
            .replace("%1", str(count))
            .replace("%2", last)
            .replace("%3", this)
        )
        if (
            QMessageBox.question(self, self.tr("Copy recurring activities"), text)
            != QMessageBox.StandardButton.Yes
        ):
            return
        self._run(lambda s: activities_service.copy_recurring(s, fy))

    def export_report(self):  # type: ignore[no-untyped-def]
        from nagato_desk.gui.document_export import SaveDocumentDialog

        with self.db.Session() as session:
            years = activity_views.activity_years(session)
        chosen = self.fiscal_year()
        years = [chosen, *(y for y in years if y != chosen)]
        dialog = SaveDocumentDialog(
            self.db,
            self.settings.date_style,
            self.lang,
            [
                ("activity-report", self.tr("Activity report (by field)")),
                ("activity-report-committee", self.tr("Activity report (by committee)")),
            ],
            years=years,
            parent=self,
        )
        dialog.exec()
        return dialog

    def _run(self, action) -> bool:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return False
        self.fill_years()
        self.refresh()
        self.changed.emit()
        return True

    def screenshots(self, save) -> None:  # type: ignore[no-untyped-def]
        """The activity form of an activity with a photo (this year's or last year's), else the first."""
        with self.db.Session() as session:
            last_year = activity_views.list_activities(session, self.fiscal_year() - 1)
        chosen = next((r for r in [*self.rows, *last_year] if r.photos), self.rows[0] if self.rows else None)
        dialog = self._dialog(chosen.id if chosen else None)
        save(dialog, "activity-dialog")
        dialog.deleteLater()
