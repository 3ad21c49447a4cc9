"""「変更履歴」: the changes between two dates, newest first (日時, 操作者, 対象, 内容), narrowed by a
text filter, and saved as Excel or PDF for the 監事 (the export itself goes into the history)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.jobs import Job
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.reports.change_history import (
    at_text,
    build_change_history,
    write_change_history_pdf,
    write_change_history_xlsx,
)
from nagato_desk.services import history

LIST_LIMIT = 5000  # rows shown in the window; the export has no such limit


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class HistoryDialog(QDialog):
    def __init__(
        self, db: Database, lang: str = "ja", parent: QWidget | None = None, date_style: str = "wareki"
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.date_style = date_style
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Change history"))
        self.resize(1000, 620)
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        today = date.today()
        self.first = QDateEdit(_qdate(today - timedelta(days=30)), self)
        self.last = QDateEdit(_qdate(today), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy/MM/dd")
            edit.dateChanged.connect(lambda _d: self.refresh())
        from_label = QLabel(self.tr("&From"), self)
        from_label.setBuddy(self.first)
        to_label = QLabel(self.tr("&To"), self)
        to_label.setBuddy(self.last)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search (name, operator, content)"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search"), self)
        search_label.setBuddy(self.search)
        filters.addWidget(from_label)
        filters.addWidget(self.first)
        filters.addWidget(to_label)
        filters.addWidget(self.last)
        filters.addSpacing(16)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)

        self.model = RowsModel(
            "HistoryDialog",
            [
                Column(QT_TRANSLATE_NOOP("HistoryDialog", "Date and time"), lambda r: at_text(r.at)),
                Column(QT_TRANSLATE_NOOP("HistoryDialog", "Operator"), lambda r: r.user),
                Column(QT_TRANSLATE_NOOP("HistoryDialog", "Record"), lambda r: r.target),
                Column(QT_TRANSLATE_NOOP("HistoryDialog", "Content"), lambda r: r.content),
            ],
            self,
            tooltip=lambda r: r.content,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self._filter)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        setup_table(self.table, stretch=3)
        self.table.setColumnWidth(0, 160)
        self.table.setColumnWidth(1, 110)
        self.table.setColumnWidth(2, 240)
        layout.addWidget(self.table, 1)
        self.count = QLabel(self)
        layout.addWidget(self.count)

        box = QDialogButtonBox(self)
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"), self)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        close = QPushButton(self.tr("Close"), self)
        mark_primary(close)
        close.clicked.connect(self.accept)
        box.addButton(self.xlsx_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(close, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(box)
        self.refresh()
        self.search.setFocus()

    # --- the list --------------------------------------------------------------------------------
    def range(self) -> tuple[date, date]:
        first, last = _pydate(self.first.date()), _pydate(self.last.date())
        return (first, last) if first <= last else (last, first)

    def set_range(self, first: date, last: date) -> None:
        for edit in (self.first, self.last):
            edit.blockSignals(True)
        self.first.setDate(_qdate(first))
        self.last.setDate(_qdate(last))
        for edit in (self.first, self.last):
            edit.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        first, last = self.range()
        with self.db.Session() as session:
            rows = history.changes_as_rows(
                session,
                since=datetime.combine(first, time()),
                until=datetime.combine(last + timedelta(days=1), time()),
                limit=LIST_LIMIT,
            )
        self.model.set_rows(rows)
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%1 change(s)").replace("%1", str(total))
        if shown != total:
            text = self.tr("%1 of %2 change(s) shown").replace("%1", str(shown)).replace("%2", str(total))
        if total >= LIST_LIMIT:
            text += " " + self.tr("(only the newest are listed; the export has all)")
        self.count.setText(text)

    def visible_rows(self) -> list[history.ChangeRow]:
        return [
            self.proxy.data(self.proxy.index(r, 0), Qt.ItemDataRole.UserRole)
            for r in range(self.proxy.rowCount())
        ]

    # --- export ----------------------------------------------------------------------------------
    def export(self, fmt: str, out: Path | None = None) -> Job | None:
        """Write the history of the chosen range for the 監事 (all of it, not only the filtered rows)."""
        first, last = self.range()
        if out is None:
            pattern = self.tr("Excel (*.xlsx)") if fmt == "xlsx" else self.tr("PDF (*.pdf)")
            suggested = Path.home() / f"変更履歴_{first:%Y%m%d}-{last:%Y%m%d}.{fmt}"
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the change history"), str(suggested), pattern
            )
            if not name:
                return None
            out = Path(name)
            if out.suffix.lower() != f".{fmt}":
                out = out.with_name(out.name + f".{fmt}")
        db, date_style = self.db, self.date_style

        def work() -> int:
            with db.Session() as session:
                report = build_change_history(session, first, last)
            if fmt == "xlsx":
                write_change_history_xlsx(report, out, date_style)
            else:
                write_change_history_pdf(report, out, date_style)
            with db.session() as session:
                history.record_event(
                    session,
                    "export",
                    f"変更履歴 {first:%Y-%m-%d}～{last:%Y-%m-%d}（{len(report.rows)}件、{out.name}）",
                )
            return len(report.rows)

        self.xlsx_button.setEnabled(False)
        self.pdf_button.setEnabled(False)
        self.job = Job(self, self.tr("Writing the change history…"), work)
        self.job.finished.connect(lambda _n: self._exported(out))
        self.job.error.connect(self._failed)
        return self.job.start()

    def _done(self) -> None:
        self.xlsx_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        self.refresh()

    def _exported(self, out: Path) -> None:
        self._done()
        QMessageBox.information(self, self.tr("Saved"), self.tr("Saved:") + f"\n{out}")

    def _failed(self, exc: object) -> None:
        self._done()
        QMessageBox.warning(self, self.tr("Not saved"), self.tr("Could not save:") + f"\n{exc}")
