"""「データの点検」: runs the data check in the background and shows what it found — errors first,
then 注意, then what was checked — with a button to save the report as a text file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.jobs import Job
from nagato_desk.services.check import CheckReport, run_checks


def report_text(report: CheckReport, lang: str = "ja") -> str:
    """The report in the order a person reads it: the verdict, errors, 注意, then what was checked."""
    en = lang == "en"
    errors = [f.message(lang) for f in report.findings if f.severity == "error"]
    warnings = [f.message(lang) for f in report.findings if f.severity != "error"]
    lines = [summary_text(report, lang), ""]
    if errors:
        lines += ["■ Errors" if en else "■ エラー（直す必要があります）", *errors, ""]
    if warnings:
        lines += ["■ Warnings" if en else "■ 注意（確認してください）", *warnings, ""]
    lines.append("■ Checked" if en else "■ 点検した項目")
    lines += [("・" + (e if en else j)) for j, e in report.checked]
    return "\n".join(lines)


def summary_text(report: CheckReport, lang: str = "ja") -> str:
    errors = sum(f.severity == "error" for f in report.findings)
    warnings = len(report.findings) - errors
    if lang == "en":
        if errors:
            return f"{errors} error(s) found." + (f" ({warnings} warning(s))" if warnings else "")
        return "No problems found." if not warnings else f"No errors; {warnings} warning(s)."
    if errors:
        return f"{errors}件のエラーが見つかりました。" + (f"（注意 {warnings}件）" if warnings else "")
    return "問題は見つかりませんでした。" if not warnings else f"エラーはありません（注意 {warnings}件）。"


class CheckDialog(QDialog):
    def __init__(self, db: Database, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.report: CheckReport | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Check the data"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Checking…"), self)
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        font = QFont(self.summary.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        box = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save the result…"), self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save())
        box.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = QPushButton(self.tr("Close"), self)
        mark_primary(self.close_button)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        box.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(box)

    def start(self) -> Job:
        """Run the check on a worker thread; the result appears when it is done."""
        db = self.db
        self.job = Job(self, self.tr("Checking the data…"), lambda: run_checks(db))
        self.job.finished.connect(self.show_report)
        self.job.error.connect(self._failed)
        return self.job.start()

    def show_report(self, report: CheckReport) -> None:
        self.report = report
        self.summary.setText(summary_text(report, self.lang))
        colour = "#b00020" if not report.ok else "#1b5e20"
        self.summary.setStyleSheet(f"color: {colour};")
        self.text.setPlainText(report_text(report, self.lang))
        self.save_button.setEnabled(True)

    def _failed(self, exc: object) -> None:
        self.summary.setText(self.tr("The check could not be run."))
        self.summary.setStyleSheet("color: #b00020;")
        self.text.setPlainText(str(exc))

    def save(self, out: Path | None = None) -> Path | None:
        if self.report is None:
            return None
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the result"),
                str(Path.home() / f"データの点検_{self.db.path.stem}.txt"),
                self.tr("Text (*.txt)"),
            )
            if not name:
                return None
            out = Path(name)
        try:
            out.write_text(report_text(self.report, self.lang) + "\n", encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr("Could not save:") + f"\n{exc}")
            return None
        return out
