"""Reading the cash book or a budget from the Excel/CSV file the treasurer kept: choose what and which
file, check it (every row is read and checked against a copy of the books that is thrown away, so
nothing is written), see each problem with its row and column, then import — all rows or none, after
a backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.dates import format_fiscal_year
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.accounts_common import WARNING_STYLE, Books, cell
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.jobs import Job
from nagato_desk.gui.table_model import setup_table

KINDS = (
    (
        "cashbook",
        QT_TRANSLATE_NOOP("AccountsImportDialog", "Cash book (日付, 科目, 摘要, 収入, 支出, 口座, 証憑番号)"),
    ),
    ("budget", QT_TRANSLATE_NOOP("AccountsImportDialog", "Budget (科目, 予算額, 説明)")),
)


def check_import(db, kind: str, path: Path, fiscal_year: int, lang: str) -> str:  # type: ignore[no-untyped-def]
    """Run the importer in a transaction that is always rolled back: the summary, or the
    ValidationError with every problem; the books are unchanged either way."""
    from nagato_desk.importers import KINDS as IMPORT_KINDS

    with db.Session() as session:
        transaction = session.begin()
        try:
            return IMPORT_KINDS[kind].run(session, path, fiscal_year).summary(lang)
        finally:
            transaction.rollback()


def run_import(db, settings, kind: str, path: Path, fiscal_year: int, lang: str) -> str:  # type: ignore[no-untyped-def]
    """A verified backup, then the import in one transaction (every row or none)."""
    from nagato_desk.importers import KINDS as IMPORT_KINDS
    from nagato_desk.services import backup_rotation

    if settings is not None:
        backup_rotation.backup_before(
            db.path,
            settings.backups(db.path),
            "before-import",
            keep_daily=settings.keep_daily,
            keep_monthly=settings.keep_monthly,
        )
    with db.session() as session:
        return IMPORT_KINDS[kind].run(session, path, fiscal_year).summary(lang)


class AccountsImportDialog(QDialog):
    def __init__(self, books: Books, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = books
        self.imported = False
        self.checked_path: Path | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Import into the accounts"))
        intro = QLabel(
            self.tr(
                "Into %1, in the fund named in the file's 会計 column (else the 一般会計). The file is "
                "checked first; nothing is written until you press Import, and then every row is imported "
                "or none."
            ).replace("%1", format_fiscal_year(books.fiscal_year, books.date_style)),
            self,
        )
        intro.setWordWrap(True)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        kind_layout = QVBoxLayout()
        for key, text in KINDS:
            button = QRadioButton(self.tr(text), self)
            self.kind_group.addButton(button)
            self.kind_buttons[key] = button
            kind_layout.addWidget(button)
        self.kind_buttons["cashbook"].setChecked(True)
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("Excel (.xlsx) or CSV file"))
        self.browse = QPushButton(self.tr("Choose file…"), self)
        self.browse.clicked.connect(self.choose)
        self.check_button = QPushButton(self.tr("Check"), self)
        self.check_button.clicked.connect(self.check)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 3, self)
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        setup_table(self.problems)
        self.problems.setColumnWidth(0, 60)
        self.problems.setColumnWidth(1, 140)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        mark_primary(self.import_button)
        self.import_button.setEnabled(False)
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        self.path.textChanged.connect(lambda _t: self._invalidate())
        self.kind_group.buttonToggled.connect(lambda *_: self._invalidate())
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        file_row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(kind_layout)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 480)

    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("File to import"), str(Path.home()), self.tr("Excel or CSV (*.xlsx *.xlsm *.csv)")
        )
        if name:
            self.path.setText(name)

    def _invalidate(self) -> None:
        self.checked_path = None
        self.import_button.setEnabled(False)

    def _show(self, text: str, problems: list, good: bool) -> None:  # type: ignore[type-arg]
        self.summary.setText(text)
        self.summary.setStyleSheet("" if good else WARNING_STYLE)
        self.problems.setRowCount(len(problems))
        lang = self.books.lang
        for i, p in enumerate(problems):
            self.problems.setItem(i, 0, cell(str(p.row) if p.row is not None else "", right=True))
            self.problems.setItem(i, 1, cell(p.column or p.field or ""))
            self.problems.setItem(i, 2, cell(p.en if lang == "en" else p.ja))

    # --- check, then import --------------------------------------------------------------------
    def check(self) -> Job | None:
        path = Path(self.path.text().strip())
        if not path.is_file():
            self._show(self.tr("Choose an existing file."), [], False)
            return None
        books, kind = self.books, self.kind()
        self._invalidate()
        self.check_button.setEnabled(False)
        self.job = Job(
            self, self.tr("Checking the file…"),
            lambda: check_import(books.db, kind, path, books.fiscal_year, books.lang),
        )  # fmt: skip
        self.job.finished.connect(lambda summary: self._checked(path, summary))
        self.job.error.connect(self._failed)
        return self.job.start()

    def _checked(self, path: Path, summary: str) -> None:
        self.check_button.setEnabled(True)
        self.checked_path = path
        self._show(self.tr("No problems found. Press Import to write:") + "\n" + summary, [], True)
        self.import_button.setEnabled(True)

    def _failed(self, exc: object) -> None:
        self.check_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show(
                self.tr("%1 problems: nothing can be imported until the file is corrected.").replace(
                    "%1", str(len(exc.problems))
                ),
                list(exc.problems),
                False,
            )
        elif isinstance(exc, NagatoError):
            self._show(exc.message(self.books.lang), [], False)
        else:
            raise exc  # type: ignore[misc]  # the excepthook logs it and tells the user

    def start_import(self) -> Job | None:
        if self.checked_path is None:
            return None
        books, kind, path = self.books, self.kind(), self.checked_path
        self.import_button.setEnabled(False)
        self.job = Job(
            self, self.tr("Importing…"),
            lambda: run_import(books.db, books.settings, kind, path, books.fiscal_year, books.lang),
        )  # fmt: skip
        self.job.finished.connect(self._imported)
        self.job.error.connect(self._import_failed)
        return self.job.start()

    def _imported(self, summary: str) -> None:
        self.imported = True
        self._show(self.tr("Imported:") + "\n" + summary, [], True)
        self.import_button.setEnabled(False)

    def _import_failed(self, exc: object) -> None:
        if isinstance(exc, NagatoError):
            show_error(self, exc, self.books.lang)
            self._failed(exc)
        else:
            raise exc  # type: ignore[misc]
