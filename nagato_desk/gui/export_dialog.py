"""名簿を出力: choose the document (会員名簿, 役員名簿, 名簿確認票, 会員の状況), its format and date; for
the roster, which columns — the personal ones are off until chosen, and a sentence says plainly
whether the file will hold personal data. The file is written in the background."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import fiscal_year_of, format_date, format_fiscal_year
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.document_export import FORMATS, DocumentSaver, ask_save_path
from nagato_desk.gui.jobs import Job
from nagato_desk.reports.exports import ExportRequest

# report key → its name in the dialog, in the order offered
DOCUMENTS = {
    "roster": QT_TRANSLATE_NOOP("ExportDialog", "Member roster"),
    "officers": QT_TRANSLATE_NOOP("ExportDialog", "Officer list"),
    "household-slips": QT_TRANSLATE_NOOP("ExportDialog", "Household check slips"),
    "member-stats": QT_TRANSLATE_NOOP("ExportDialog", "Membership figures"),
}
# roster column key → its label here (the report's own header is used for any other key)
COLUMN_LABELS = {
    "name": QT_TRANSLATE_NOOP("ExportDialog", "Name"),
    "reading": QT_TRANSLATE_NOOP("ExportDialog", "Reading"),
    "gender": QT_TRANSLATE_NOOP("ExportDialog", "Gender"),
    "age": QT_TRANSLATE_NOOP("ExportDialog", "Age"),
    "birth_date": QT_TRANSLATE_NOOP("ExportDialog", "Date of birth"),
    "address": QT_TRANSLATE_NOOP("ExportDialog", "Address"),
    "phone": QT_TRANSLATE_NOOP("ExportDialog", "Phone number"),
    "email": QT_TRANSLATE_NOOP("ExportDialog", "E-mail address"),
    "household": QT_TRANSLATE_NOOP("ExportDialog", "Head of household"),
    "joined_on": QT_TRANSLATE_NOOP("ExportDialog", "Joined on"),
    "status": QT_TRANSLATE_NOOP("ExportDialog", "Status"),
    "notes": QT_TRANSLATE_NOOP("ExportDialog", "Notes"),
}


class ExportDialog(QDialog):
    """``exported`` carries the path once the file is written."""

    exported = Signal(str)

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from nagato_desk.reports.exports import REPORTS
        from nagato_desk.reports.roster import DEFAULT_COLUMNS, ROSTER_COLUMNS

        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.reports = REPORTS
        self.job: Job | None = None
        self.saver = DocumentSaver(db, lang, self)
        self.saver.exported.connect(self._exported)
        self.saver.failed.connect(self._update)
        self.allowed: tuple[str, ...] = ()
        self.setWindowTitle(self.tr("Export a list"))
        self.document = QComboBox(self)
        for key, name in DOCUMENTS.items():
            if key in REPORTS:
                self.document.addItem(self.tr(name), key)
        self.formats = QButtonGroup(self)
        self.format_row = QHBoxLayout()
        self.format_buttons: dict[str, QRadioButton] = {}
        for fmt, label in FORMATS.items():
            button = QRadioButton(label, self)
            self.formats.addButton(button)
            self.format_buttons[fmt] = button
            self.format_row.addWidget(button)
        self.format_row.addStretch(1)
        self.as_of = QComboBox(self)
        today = date.today()
        self.as_of.addItem(self.tr("Today (%1)").replace("%1", format_date(today, date_style)), None)
        current = fiscal_year_of(today)
        for fy in range(current, current - 5, -1):
            self.as_of.addItem(
                self.tr("%1, as of 1 April").replace("%1", format_fiscal_year(fy, date_style)), fy
            )
        self.per_page = QComboBox(self)
        self.per_page.addItem(self.tr("One household a page"), 1)
        self.per_page.addItem(self.tr("Two households a page"), 2)

        self.columns_box = QGroupBox(self.tr("Columns of the roster"), self)
        grid = QGridLayout(self.columns_box)
        self.column_checks: dict[str, QCheckBox] = {}
        self.personal = {key for key, (_header, personal) in ROSTER_COLUMNS.items() if personal}
        for i, (key, (header, _personal)) in enumerate(ROSTER_COLUMNS.items()):
            label = (
                QCoreApplication.translate("ExportDialog", COLUMN_LABELS[key])
                if key in COLUMN_LABELS
                else header
            )
            check = QCheckBox(label, self.columns_box)
            check.setChecked(key in DEFAULT_COLUMNS)
            check.toggled.connect(lambda _c: self._update())
            self.column_checks[key] = check
            grid.addWidget(check, i // 4, i % 4)
        self.privacy = QLabel(self)
        self.privacy.setWordWrap(True)

        self.form = QFormLayout()
        self.form.addRow(self.tr("Document"), self.document)
        self.form.addRow(self.tr("Format"), self.format_row)
        self.form.addRow(self.tr("As of"), self.as_of)
        self.form.addRow(self.tr("Layout"), self.per_page)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save…"), QDialogButtonBox.ButtonRole.AcceptRole)
        mark_primary(self.save_button)
        self.save_button.setDefault(True)
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        self.buttons.accepted.connect(lambda: self.export())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.columns_box)
        layout.addWidget(self.privacy)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.document.currentIndexChanged.connect(lambda _i: self._document_changed())
        self._document_changed()
        self.resize(680, 400)
        self.document.setFocus()

    # --- choices -------------------------------------------------------------------------------
    def key(self) -> str:
        return str(self.document.currentData() or "")

    def set_document(self, key: str) -> None:
        self.document.setCurrentIndex(max(0, self.document.findData(key)))

    def fmt(self) -> str:
        checked = next((f for f, b in self.format_buttons.items() if b.isChecked()), "")
        return checked if checked in self.allowed else (self.allowed[0] if self.allowed else "pdf")

    def set_format(self, fmt: str) -> None:
        self.format_buttons[fmt].setChecked(True)

    def columns(self) -> tuple[str, ...]:
        return tuple(key for key, check in self.column_checks.items() if check.isChecked())

    def set_columns(self, keys: tuple[str, ...] | list[str]) -> None:
        for key, check in self.column_checks.items():
            check.setChecked(key in keys)

    def _document_changed(self) -> None:
        key = self.key()
        report = self.reports.get(key)
        self.allowed = report.formats if report is not None else ()
        for fmt, button in self.format_buttons.items():
            button.setVisible(fmt in self.allowed)
        if self.allowed:
            self.format_buttons[self.fmt()].setChecked(True)
        roster = key == "roster"
        slips = key == "household-slips"
        self.columns_box.setVisible(roster)
        self.privacy.setVisible(roster)
        self.form.setRowVisible(self.as_of, not slips)
        self.form.setRowVisible(self.per_page, slips)
        self._update()

    def privacy_text(self) -> str:
        chosen = [
            self.column_checks[k].text()
            for k in self.column_checks
            if k in self.personal and k in self.columns()
        ]
        if chosen:
            return self.tr("This roster contains %1 (personal information).").replace(
                "%1", "・".join(chosen)
            ) + self.tr(" Every page is marked “handle with care”.")
        return self.tr("No personal information (address, phone, date of birth) is included.")

    def _update(self) -> None:
        self.privacy.setText(self.privacy_text())
        self.privacy.setStyleSheet("color: #9b1c1c; font-weight: bold;" if self.has_personal() else "")
        self.save_button.setEnabled(self.key() != "roster" or bool(self.columns()))

    def has_personal(self) -> bool:
        return any(k in self.personal for k in self.columns())

    # --- writing -------------------------------------------------------------------------------
    def suggested_name(self) -> str:
        return f"{self.document.currentText()}_{date.today():%Y%m%d}.{self.fmt()}"

    def export(self, out: Path | None = None) -> Job | None:
        """Write the chosen document to ``out`` (asked with a save dialog when not given)."""
        key, fmt = self.key(), self.fmt()
        if not key or (key == "roster" and not self.columns()):
            return None
        out = out or ask_save_path(self, self.suggested_name(), fmt)
        if out is None:
            return None
        request = ExportRequest(
            out=out,
            format=fmt,
            fiscal_year=None if key == "household-slips" else self.as_of.currentData(),
            date_style=self.date_style,
            today=date.today(),
            columns=self.columns() if key == "roster" else None,
            per_page=int(self.per_page.currentData() or 1),
        )
        self.save_button.setEnabled(False)
        self.job = self.saver.start(key, request, self.document.currentText())
        return self.job

    def _exported(self, path: str) -> None:
        self.exported.emit(path)
        self.accept()
