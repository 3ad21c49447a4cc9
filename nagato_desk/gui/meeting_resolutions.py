"""議決事項一覧: what every meeting decided, by fiscal year, searchable (any kana width), with the vote."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.gui.meeting_widgets import fill_codes
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.models.agenda import RESULTS
from nagato_desk.services import resolutions as resolutions_service
from nagato_desk.services.meeting_views import meeting_years
from nagato_desk.services.resolutions import ResolutionFilter


class ResolutionsTab(QWidget):
    open_meeting = Signal(int)

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.year = QComboBox(self)
        self.years_shown = False
        self.result = QComboBox(self)
        fill_codes(self.result, RESULTS)
        self.result.insertItem(0, self.tr("All"), None)
        self.result.setCurrentIndex(0)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search the titles, proposals and discussions"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.model = RowsModel(
            "ResolutionsTab",
            [
                Column(
                    QT_TRANSLATE_NOOP("ResolutionsTab", "Held on"),
                    lambda r: format_date(r.held_on, self.date_style),
                ),
                Column(
                    QT_TRANSLATE_NOOP("ResolutionsTab", "Meeting"),
                    lambda r: f"No.{r.meeting_number} {r.meeting_title}",
                ),
                Column(QT_TRANSLATE_NOOP("ResolutionsTab", "Item"), lambda r: r.label),
                Column(QT_TRANSLATE_NOOP("ResolutionsTab", "Title"), lambda r: r.title),
                Column(QT_TRANSLATE_NOOP("ResolutionsTab", "Result"), lambda r: r.result_label),
                Column(QT_TRANSLATE_NOOP("ResolutionsTab", "Vote"), lambda r: r.vote),
            ],
            self,
            tooltip=lambda r: r.vote,
            bold=lambda r: r.overridden,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table)
        for col, width in ((0, 150), (1, 210), (2, 100), (3, 260), (4, 80)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.go_to_meeting())
        self.meeting_button = QPushButton(self.tr("Go to the meeting"), self)
        self.meeting_button.clicked.connect(self.go_to_meeting)
        top = QHBoxLayout()
        for label, widget in ((self.tr("Fiscal year"), self.year), (self.tr("Result"), self.result)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget)
        top.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.meeting_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.year.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.result.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.refresh()

    def refresh(self) -> None:
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
        self.apply_filter()

    def current_filter(self) -> ResolutionFilter:
        return ResolutionFilter(
            fiscal_year=self.year.currentData(),
            text=self.search.text() or None,
            result=self.result.currentData(),
        )

    def apply_filter(self) -> None:
        with self.db.Session() as session:
            rows = resolutions_service.search_resolutions(session, self.current_filter())
        self.model.set_rows(rows)
        self.count.setText(self.tr("%1 resolutions").replace("%1", str(len(rows))))
        if rows:
            self.table.selectRow(0)

    def go_to_meeting(self) -> None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.open_meeting.emit(row.meeting_id)
