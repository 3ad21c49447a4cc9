"""ホーム: the council's profile and its figures (世帯数・人口・高齢化率 per 自治会 and in total)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
from nagato_desk.gui.dialogs import CouncilDialog, FiguresDialog
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.figures_model import COL_NAME, FiguresModel
from nagato_desk.gui.jobs import Job
from nagato_desk.services import associations as associations_service
from nagato_desk.services import council as council_service
from nagato_desk.settings import Settings


class HomePage(QWidget):
    """The first page after start: who the council is and how many people it serves."""

    exported = Signal(str)

    def __init__(
        self, db: Database, settings: Settings, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.lang = lang
        self.job: Job | None = None
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.profile = QFormLayout()
        self.profile_labels: dict[str, QLabel] = {}
        for key, text in (
            ("representative", self.tr("Representative")),
            ("address", self.tr("Office")),
            ("phone", self.tr("Phone")),
            ("founded", self.tr("Founded")),
            ("associations", self.tr("Associations")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            self.profile_labels[key] = value
            self.profile.addRow(text + "：", value)
        self.edit_button = QPushButton(self.tr("Edit council profile…"), self)
        self.figures_button = QPushButton(self.tr("Enter associations and figures…"), self)
        mark_primary(self.figures_button)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"), self)
        self.edit_button.clicked.connect(self.edit_profile)
        self.figures_button.clicked.connect(self.edit_figures)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))

        self.year_combo = QComboBox(self)
        self.year_combo.currentIndexChanged.connect(self._show_figures)
        self.as_of = QLabel(self)
        self.as_of.setProperty("role", "subtitle")
        self.model = FiguresModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_figures())
        self.empty = QLabel(
            self.tr("No figures have been entered yet. Use “Enter associations and figures…”."), self
        )
        self.empty.setWordWrap(True)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        figures_head = QHBoxLayout()
        heading = QLabel(self.tr("Households and population by association"), self)
        heading.setProperty("role", "title")
        figures_head.addWidget(heading)
        figures_head.addStretch(1)
        year_label = QLabel(self.tr("Fiscal year"), self)
        year_label.setBuddy(self.year_combo)
        figures_head.addWidget(year_label)
        figures_head.addWidget(self.year_combo)
        actions = QHBoxLayout()
        actions.addWidget(self.figures_button)
        actions.addStretch(1)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.xlsx_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addLayout(self.profile)
        layout.addSpacing(8)
        layout.addLayout(figures_head)
        layout.addWidget(self.as_of)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    def page_title(self) -> str:
        return self.tr("Home")

    def refresh(self) -> None:
        style = self.settings.date_style
        with self.db.Session() as session:
            council = council_service.require_council(session)
            self.title.setText(council.name)
            dash = "—"
            self.profile_labels["representative"].setText(council.representative or dash)
            address = council_service.office_address(council)
            self.profile_labels["address"].setText(address or dash)
            self.profile_labels["phone"].setText(council.phone or dash)
            self.profile_labels["founded"].setText(
                format_date(council.founded_on, style) if council.founded_on else dash
            )
            names = [a.name for a in associations_service.list_associations(session)]
            self.profile_labels["associations"].setText("、".join(names) if names else dash)
            years = associations_service.figure_years(session)
        selected = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for fy in years:
            self.year_combo.addItem(format_fiscal_year(fy, style), fy)
        index = self.year_combo.findData(selected)
        self.year_combo.setCurrentIndex(index if index >= 0 else 0)
        self.year_combo.blockSignals(False)
        self._show_figures()

    def _show_figures(self) -> None:
        fy = self.year_combo.currentData()
        with self.db.Session() as session:
            table = associations_service.figures_table(session, fy) if fy is not None else None
        has = table is not None and table.fiscal_year is not None
        self.model.set_table(table if has else None)
        self.table.setVisible(has)
        self.empty.setVisible(not has)
        self.year_combo.setVisible(has)
        if has and table.as_of is not None:
            self.as_of.setText(
                self.tr("As of %1").replace("%1", format_date(table.as_of, self.settings.date_style))
            )
        else:
            self.as_of.setText("")

    def edit_profile(self) -> None:
        if CouncilDialog(self.db, self.settings.date_style, self.lang, self).exec():
            self.refresh()

    def edit_figures(self) -> None:
        dialog = FiguresDialog(
            self.db, self.settings.date_style, self.year_combo.currentData(), self.lang, self
        )
        if dialog.exec():
            self.refresh()
            index = self.year_combo.findData(dialog.loaded_year)
            if index >= 0:
                self.year_combo.setCurrentIndex(index)

    def export(self, fmt: str, out: Path | None = None) -> Job | None:
        """Write the council profile as PDF or Excel in the background."""
        if out is None:
            suggested = str(Path.home() / (self.tr("council-profile") + f".{fmt}"))
            pattern = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("Excel (*.xlsx)")
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the council profile"), suggested, pattern
            )
            if not name:
                return None
            out = Path(name)
            if out.suffix.lower() != f".{fmt}":
                out = out.with_name(out.name + f".{fmt}")
        from nagato_desk.reports.exports import REPORTS, ExportRequest

        request = ExportRequest(
            out=out,
            format=fmt,
            fiscal_year=self.year_combo.currentData(),
            date_style=self.settings.date_style,
            today=date.today(),
        )

        def work() -> list[str]:
            with self.db.Session() as session:
                return REPORTS["council"].run(session, request)

        self.job = Job(self, self.tr("Writing the council profile…"), work)
        self.job.finished.connect(lambda warnings: self._exported(out, warnings))
        self.job.error.connect(self._export_failed)
        return self.job.start()

    def _exported(self, out: Path, warnings: list[str]) -> None:
        if warnings:
            QMessageBox.information(self, self.tr("Saved with notes"), "\n".join(warnings))
        self.exported.emit(str(out))

    def _export_failed(self, exc: object) -> None:
        if isinstance(exc, NagatoError):
            show_error(self, exc, self.lang)
        else:
            raise exc  # type: ignore[misc]  # the excepthook logs it and tells the user
