"""Saving a document (any report of ``reports/exports.py REPORTS``) from the window.

``SaveDocumentDialog`` is what each section's 「書き出し…」 button opens: the section passes the
documents it offers (with the fiscal year or meeting they are about); the user picks the document and
the format, then a file name. ``DocumentSaver`` does the writing in the background with progress, and
says where the file went or what went wrong; the member export dialog uses it too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.jobs import Job
from nagato_desk.reports.exports import ExportRequest

FORMATS = {"pdf": "PDF", "xlsx": "Excel", "csv": "CSV"}


def format_label(fmt: str) -> str:
    """「PDF」, 「Excel」, 「CSV」 (and the extension in capitals for a format added later)."""
    return FORMATS.get(fmt, fmt.upper())


def ask_save_path(parent: QWidget | None, suggested: str, fmt: str) -> Path | None:
    """The save dialog for one format; the extension is added when the user left it out."""
    pattern = {
        "pdf": QCoreApplication.translate("DocumentSaver", "PDF (*.pdf)"),
        "xlsx": QCoreApplication.translate("DocumentSaver", "Excel (*.xlsx)"),
        "csv": QCoreApplication.translate("DocumentSaver", "CSV (*.csv)"),
    }.get(fmt, f"{fmt.upper()} (*.{fmt})")
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("DocumentSaver", "Save the document"),
        str(Path.home() / suggested),
        pattern,
    )
    if not name:
        return None
    out = Path(name)
    return out if out.suffix.lower() == f".{fmt}" else out.with_name(out.name + f".{fmt}")


class DocumentSaver(QObject):
    """Writes one report in the background; ``exported`` carries the path, ``failed`` fires after
    the user was told what went wrong."""

    exported = Signal(str)
    failed = Signal()

    def __init__(self, db: Database, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.parent_widget = parent
        self.job: Job | None = None

    def start(self, key: str, request: ExportRequest, title: str) -> Job:
        from nagato_desk.reports.exports import REPORTS

        report, db = REPORTS[key], self.db

        def work() -> list[str]:
            from nagato_desk.services.export_log import record_export

            with db.Session() as session:
                warnings = report.run(session, request)
            with db.session() as session:  # a file with personal data goes into the change history
                record_export(session, key, request)
            return warnings

        self.job = Job(
            self.parent_widget,
            QCoreApplication.translate("DocumentSaver", "Writing %1…").replace("%1", title),
            work,
        )
        self.job.finished.connect(lambda warnings: self._done(request.out, warnings))
        self.job.error.connect(self._error)
        return self.job.start()

    def _done(self, out: Path, warnings: list[str]) -> None:
        text = QCoreApplication.translate("DocumentSaver", "Saved:") + f"\n{out}"
        if warnings:
            text += "\n\n" + "\n".join(warnings)
        QMessageBox.information(
            self.parent_widget, QCoreApplication.translate("DocumentSaver", "Saved"), text
        )
        self.exported.emit(str(out))

    def _error(self, exc: object) -> None:
        self.failed.emit()
        if isinstance(exc, NagatoError):
            show_error(self.parent_widget, exc, self.lang)
        else:
            raise exc  # type: ignore[misc]  # the excepthook logs it and tells the user


class SaveDocumentDialog(QDialog):
    """Choose one of ``documents`` [(report key, its name shown)] and a format, then save it.

    ``years`` offers a choice of fiscal year (first is the default); ``fiscal_year`` and ``meeting``
    are passed to the report as they are when no choice is offered.
    """

    exported = Signal(str)

    def __init__(
        self,
        db: Database,
        date_style: str,
        lang: str,
        documents: list[tuple[str, str]],
        *,
        years: list[int] | None = None,
        fiscal_year: int | None = None,
        meeting: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from nagato_desk.reports.exports import REPORTS

        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.reports = REPORTS
        self.fiscal_year = fiscal_year
        self.meeting = meeting
        self.setWindowTitle(self.tr("Save a document"))
        self.document = QComboBox(self)
        for key, name in documents:
            if key in REPORTS:
                self.document.addItem(name, key)
        self.format_buttons: dict[str, QRadioButton] = {}
        self.formats = QButtonGroup(self)
        format_row = QHBoxLayout()
        for fmt, label in FORMATS.items():
            button = QRadioButton(label, self)
            self.formats.addButton(button)
            self.format_buttons[fmt] = button
            format_row.addWidget(button)
        format_row.addStretch(1)
        self.year = QComboBox(self)
        for fy in years or []:
            self.year.addItem(format_fiscal_year(fy, date_style), fy)
        form = QFormLayout()
        form.addRow(self.tr("Document"), self.document)
        form.addRow(self.tr("Format"), format_row)
        form.addRow(self.tr("Fiscal year"), self.year)
        form.setRowVisible(self.year, bool(years))
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save…"), QDialogButtonBox.ButtonRole.AcceptRole)
        mark_primary(self.save_button)
        self.save_button.setDefault(True)
        self.preview_button = self.buttons.addButton(
            self.tr("Preview and print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.preview_button.setAutoDefault(False)
        self.preview_button.setToolTip(self.tr("See the pages and print them"))
        self.preview_button.clicked.connect(lambda: self.preview())
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        self.buttons.accepted.connect(lambda: self.export())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.saver = DocumentSaver(db, lang, self)
        self.saver.exported.connect(self._exported)
        self.saver.failed.connect(lambda: self.save_button.setEnabled(True))
        self.document.currentIndexChanged.connect(lambda _i: self._document_changed())
        self._document_changed()
        self.resize(520, 220)
        self.document.setFocus()

    def key(self) -> str:
        return str(self.document.currentData() or "")

    def set_document(self, key: str) -> None:
        self.document.setCurrentIndex(max(0, self.document.findData(key)))

    def allowed(self) -> tuple[str, ...]:
        report = self.reports.get(self.key())
        return report.formats if report is not None else ()

    def fmt(self) -> str:
        allowed = self.allowed()
        checked = next((f for f, b in self.format_buttons.items() if b.isChecked()), "")
        return checked if checked in allowed else (allowed[0] if allowed else "pdf")

    def set_format(self, fmt: str) -> None:
        self.format_buttons[fmt].setChecked(True)

    def chosen_year(self) -> int | None:
        return self.year.currentData() if self.year.count() else self.fiscal_year

    def _document_changed(self) -> None:
        allowed = self.allowed()
        for fmt, button in self.format_buttons.items():
            button.setVisible(fmt in allowed)
        if allowed:
            self.format_buttons[self.fmt()].setChecked(True)
        self.save_button.setEnabled(bool(allowed))
        self.preview_button.setEnabled("pdf" in allowed)

    def suggested_name(self) -> str:
        return f"{self.document.currentText()}_{date.today():%Y%m%d}.{self.fmt()}"

    def export(self, out: Path | None = None) -> Job | None:
        """Write the chosen document to ``out`` (asked with a save dialog when not given)."""
        key, fmt = self.key(), self.fmt()
        if not key:
            return None
        out = out or ask_save_path(self, self.suggested_name(), fmt)
        if out is None:
            return None
        request = ExportRequest(
            out=out,
            format=fmt,
            fiscal_year=self.chosen_year(),
            meeting=self.meeting,
            date_style=self.date_style,
            today=date.today(),
        )
        self.save_button.setEnabled(False)
        return self.saver.start(key, request, self.document.currentText())

    def preview(self):  # type: ignore[no-untyped-def]
        """The chosen document's pages in a preview window with 「印刷…」 (gui/pdf_preview.py)."""
        from nagato_desk.gui.pdf_preview import PreviewDialog, preview_request

        key = self.key()
        if not key or "pdf" not in self.allowed():
            return None
        request = preview_request(self.date_style, self.chosen_year(), self.meeting)
        dialog = PreviewDialog(self.db, self.lang, key, request, self.document.currentText(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _exported(self, path: str) -> None:
        self.exported.emit(path)
        self.accept()
