"""会員名簿の取り込み: choose the Excel or CSV file → check which column holds what (the header row
is found, the user may correct every column) → see what would be added and every problem by row and
column → import, all rows or none, as a background job. Nothing is written while problems remain."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_date_numeric
from nagato_desk.errors import NagatoError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.jobs import Cancelled, Job
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.importers.member_fields import FIELDS, column_label, plain_text
from nagato_desk.importers.members import (
    ColumnMapping,
    MemberImportPreview,
    MemberImportResult,
    MemberImportRow,
    detect_mapping,
    import_members_steps,
    preview_members,
)
from nagato_desk.importers.tabular import read_rows
from nagato_desk.services import backup_rotation
from nagato_desk.settings import Settings, load_settings

PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW = range(3)
PROBLEM_COLOUR = "#f6d5d5"
DUPLICATE_COLOUR = "#fbeec2"


class FilePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose the member list to import"))
        self.setSubTitle(
            self.tr(
                "An Excel (.xlsx) or CSV file with one person a row and a header row such as "
                "氏名, ふりがな, 住所, 自治会. A title above the header and blank rows are fine."
            )
        )
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("File to import"))
        self.browse = QPushButton(self.tr("Choose file…"), self)
        self.browse.clicked.connect(self.choose)
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addStretch(1)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Member list to import"),
            str(Path.home()),
            self.tr("Excel or CSV (*.xlsx *.xlsm *.csv)"),
        )
        if name:
            self.path.setText(name)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and Path(self.path.text().strip()).is_file()

    def validatePage(self) -> bool:
        wizard: MemberImportWizard = self.wizard()  # type: ignore[assignment]
        path = Path(self.path.text().strip())
        try:
            rows = read_rows(path)
            _index, mapping, _unmapped = detect_mapping(rows)
        except NagatoError as exc:
            show_error(self, exc, wizard.lang)
            return False
        wizard.path, wizard.rows, wizard.detected = path, rows, mapping
        return True


class MappingPage(QWizardPage):
    """Each field with a list of the file's columns; the detected ones are chosen already."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setTitle(self.tr("Which column holds what?"))
        self.setSubTitle(
            self.tr(
                "The columns were matched by their headers. Correct any that are wrong; "
                "choose “(not imported)” for what the file does not have. Only the name is required."
            )
        )
        self.header_row = QSpinBox(self)
        self.header_row.setMinimum(1)
        self.header_text = QLabel(self)
        self.header_text.setProperty("role", "subtitle")
        self.table = QTableWidget(len(FIELDS), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Column in the file"), self.tr("First row")]
        )
        setup_table(self.table, stretch=2)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 260)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.combos: dict[str, QComboBox] = {}
        for row, (field, (ja, en, _aliases)) in enumerate(FIELDS.items()):
            label = QTableWidgetItem(en if lang == "en" else ja)
            label.setData(Qt.ItemDataRole.UserRole, field)
            self.table.setItem(row, 0, label)
            combo = QComboBox(self.table)
            combo.currentIndexChanged.connect(lambda _i, r=row: self._show_sample(r))
            self.combos[field] = combo
            self.table.setCellWidget(row, 1, combo)
            self.table.setItem(row, 2, QTableWidgetItem(""))
        top = QHBoxLayout()
        caption = QLabel(self.tr("Header row"), self)
        caption.setBuddy(self.header_row)
        top.addWidget(caption)
        top.addWidget(self.header_row)
        top.addWidget(self.header_text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.header_row.valueChanged.connect(lambda _v: self._fill_columns())

    def initializePage(self) -> None:
        wizard: MemberImportWizard = self.wizard()  # type: ignore[assignment]
        self.header_row.blockSignals(True)
        self.header_row.setMaximum(max(1, len(wizard.rows)))
        self.header_row.setValue(wizard.detected.header_row or 1)
        self.header_row.blockSignals(False)
        chosen = {f: v for f, v in wizard.detected.mapped().items() if isinstance(v, int)}
        self._fill_columns(chosen)

    def _rows(self) -> list[list[object]]:
        return self.wizard().rows  # type: ignore[attr-defined,no-any-return]

    def _fill_columns(self, chosen: dict[str, int] | None = None) -> None:
        """The lists offer every column of the header row; a choice made already is kept."""
        rows = self._rows()
        index = self.header_row.value() - 1
        header = rows[index] if 0 <= index < len(rows) else []
        width = max((len(r) for r in rows[index : index + 50]), default=len(header))
        self.header_text.setText("　".join(t for t in (plain_text(v) for v in header) if t))
        if chosen is None:
            chosen = {f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None}
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not imported)"), None)
            for pos in range(width):
                combo.addItem(column_label(pos, header), pos)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(field))))
            combo.blockSignals(False)
        for row in range(self.table.rowCount()):
            self._show_sample(row)

    def _first_data_row(self) -> list[object]:
        rows = self._rows()
        below = rows[self.header_row.value() :]
        return next((r for r in below if any(plain_text(v) for v in r)), [])

    def _show_sample(self, row: int) -> None:
        field = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        pos = self.combos[field].currentData()
        values = self._first_data_row()
        value = values[pos] if pos is not None and pos < len(values) else None
        self.table.item(row, 2).setText(plain_text(value))

    def mapping(self) -> ColumnMapping:
        chosen = {f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None}
        return ColumnMapping(header_row=self.header_row.value(), **chosen)

    def set_column(self, field: str, pos: int | None) -> None:
        combo = self.combos[field]
        combo.setCurrentIndex(max(0, combo.findData(pos)))


def _check_text(row: MemberImportRow, lang: str) -> str:
    notes = [replace(p, row=None).message(lang) for p in row.problems]
    if row.duplicate_of:
        same = "、".join(row.duplicate_of) if lang != "en" else ", ".join(row.duplicate_of)
        notes.append(
            QCoreApplication.translate("PreviewPage", "Possibly the same person as: %1").replace("%1", same)
        )
    return " / ".join(notes)


class PreviewPage(QWizardPage):
    def __init__(self, db: Database, date_style: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.preview: MemberImportPreview | None = None
        self.job: Job | None = None
        self.importing = False
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Nothing has been saved yet. Either every row is imported, or none."))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.file_problems = QLabel(self)
        self.file_problems.setWordWrap(True)
        self.file_problems.setStyleSheet("color: #9b1c1c;")
        self.only_flagged = QCheckBox(self.tr("Show only rows with problems or possible duplicates"), self)
        self.only_flagged.toggled.connect(lambda _c: self._show_rows())

        def date_text(r: MemberImportRow) -> str:
            if r.draft.birth_date:
                return format_date_numeric(r.draft.birth_date, date_style)
            return str(r.draft.birth_year or "")

        columns = (
            Column(QT_TRANSLATE_NOOP("PreviewPage", "Row"), lambda r: str(r.number), right=True),
            Column(QT_TRANSLATE_NOOP("PreviewPage", "Name"), lambda r: r.draft.name),
            Column(QT_TRANSLATE_NOOP("PreviewPage", "Reading"), lambda r: r.draft.reading),
            Column(QT_TRANSLATE_NOOP("PreviewPage", "Date of birth"), date_text),
            Column(QT_TRANSLATE_NOOP("PreviewPage", "Address"), lambda r: r.draft.address),
            Column(QT_TRANSLATE_NOOP("PreviewPage", "Association"), lambda r: r.association),
            Column(QT_TRANSLATE_NOOP("PreviewPage", "Block"), lambda r: r.block),
            Column(QT_TRANSLATE_NOOP("PreviewPage", "Household"), lambda r: str(r.household or "")),
            Column(QT_TRANSLATE_NOOP("PreviewPage", "To check"), lambda r: _check_text(r, self.lang)),
        )
        self.model = RowsModel(
            "PreviewPage",
            columns,
            self,
            highlight=lambda r: (
                PROBLEM_COLOUR if r.problems else (DUPLICATE_COLOUR if r.duplicate_of else None)
            ),
            tooltip=lambda r: _check_text(r, self.lang),
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table)
        for col, width in ((0, 50), (1, 120), (2, 140), (3, 90), (4, 200), (5, 110), (6, 60), (7, 50)):
            self.table.setColumnWidth(col, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.file_problems)
        layout.addWidget(self.only_flagged)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        wizard: MemberImportWizard = self.wizard()  # type: ignore[assignment]
        self.preview = None
        try:
            with self.db.Session() as session:
                self.preview = preview_members(session, wizard.path, wizard.mapping_page.mapping())
        except NagatoError as exc:
            self.file_problems.setText(exc.message(self.lang))
            self.summary.setText(self.tr("The file cannot be imported as it is."))
            self.model.set_rows([])
            self.completeChanged.emit()
            return
        p = self.preview
        counts = p.counts
        text = (
            self.tr(
                "%1 people in %2 households would be added (officer roles: %3, committee places: %4, "
                "new blocks: %5, new committees: %6)."
            )
            .replace("%1", str(counts["people"]))
            .replace("%2", str(counts["households"]))
            .replace("%3", str(counts["terms"]))
            .replace("%4", str(counts["committee_memberships"]))
            .replace("%5", str(counts["new_blocks"]))
            .replace("%6", str(counts["new_committees"]))
        )
        if p.problem_count:
            text += "\n" + self.tr(
                "%1 problem(s) (rows in red). Correct the file or the columns, then try again; "
                "nothing can be imported until then."
            ).replace("%1", str(p.problem_count))
        else:
            text += "\n" + self.tr("No problems found.")
        if counts["duplicates"]:
            text += "\n" + self.tr(
                "%1 person(s) may already be registered or appear twice (rows in yellow): they can be "
                "imported, but please check them afterwards."
            ).replace("%1", str(counts["duplicates"]))
        self.summary.setText(text)
        self.file_problems.setText("\n".join(x.message(self.lang) for x in p.file_problems))
        self.file_problems.setVisible(bool(p.file_problems))
        self.only_flagged.setChecked(bool(p.problem_count))
        self._show_rows()
        self.completeChanged.emit()

    def _show_rows(self) -> None:
        rows = self.preview.rows if self.preview is not None else []
        if self.only_flagged.isChecked():
            rows = [r for r in rows if r.problems or r.duplicate_of]
        self.model.set_rows(rows)

    def isComplete(self) -> bool:
        p = self.preview
        return p is not None and not p.problem_count and p.people > 0 and not self.importing

    def validatePage(self) -> bool:
        wizard: MemberImportWizard = self.wizard()  # type: ignore[assignment]
        if wizard.result is not None:
            return True
        if self.isComplete():
            self.start_import()
        return False

    def start_import(self) -> Job:
        wizard: MemberImportWizard = self.wizard()  # type: ignore[assignment]
        path, mapping, db, settings = wizard.path, wizard.mapping_page.mapping(), self.db, wizard.settings
        label = self.tr("Registering members: %1 of %2")
        backing_up = self.tr("Backing up the data before the import…")

        def work():  # type: ignore[no-untyped-def]
            # A verified backup first; when it fails the job ends with the reason and nothing is imported.
            yield 0, 0, backing_up
            backup_rotation.backup_before(
                db.path,
                settings.backups(db.path),
                "before-import",
                keep_daily=settings.keep_daily,
                keep_monthly=settings.keep_monthly,
            )
            with db.session() as session:  # one transaction: every row or none
                steps = import_members_steps(session, path, mapping)
                while True:
                    try:
                        done, total = next(steps)
                    except StopIteration as stop:
                        return stop.value
                    yield done, total, label.replace("%1", str(done)).replace("%2", str(total))

        self.importing = True
        self.completeChanged.emit()
        self.job = Job(wizard, self.tr("Importing members…"), work)
        self.job.finished.connect(self._imported)
        self.job.error.connect(self._failed)
        return self.job.start()

    def _imported(self, result: MemberImportResult) -> None:
        wizard: MemberImportWizard = self.wizard()  # type: ignore[assignment]
        self.importing = False
        wizard.result = result
        QMessageBox.information(wizard, self.tr("Import finished"), result.summary(self.lang))
        wizard.imported.emit(result)
        wizard.accept()

    def _failed(self, exc: object) -> None:
        self.importing = False
        self.completeChanged.emit()
        if isinstance(exc, NagatoError):
            show_error(self.wizard(), exc, self.lang)
        elif not isinstance(exc, Cancelled):
            raise exc  # type: ignore[misc]  # the excepthook logs it and tells the user


class MemberImportWizard(QWizard):
    """``imported`` carries the ``MemberImportResult`` once everything was written."""

    imported = Signal(object)

    def __init__(
        self,
        db: Database,
        date_style: str,
        lang: str = "ja",
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        # Where the backup before the import goes, and how many are kept (the saved settings if not given).
        self.settings = settings if settings is not None else load_settings()
        self.path = Path()
        self.rows: list[list[object]] = []
        self.detected = ColumnMapping()
        self.result: MemberImportResult | None = None
        self.setWindowTitle(self.tr("Import members"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(lang, self)
        self.preview_page = PreviewPage(db, date_style, lang, self)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_PREVIEW, self.preview_page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        mark_primary(self.button(QWizard.WizardButton.FinishButton))
        self.resize(1000, 680)

    def open_file(self, path: Path) -> None:
        """Start with ``path`` chosen (tests, and a file dropped on the window) and go to the columns."""
        if self.currentId() < 0:  # not shown yet: a wizard starts on show
            self.restart()
        self.file_page.path.setText(str(path))
        self.next()
