"""First start: register the council (profile, 自治会 and their figures), or open the demo council."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.council_form import CouncilForm
from nagato_desk.gui.figures_editor import FiguresEditor
from nagato_desk.services.associations import AssociationDraft, association_drafts
from nagato_desk.services.council import CouncilDraft

PAGE_START, PAGE_COUNCIL, PAGE_ASSOCIATIONS = range(3)


@dataclass
class SetupChoice:
    demo: bool
    council: CouncilDraft | None = None
    associations: list[AssociationDraft] = field(default_factory=list)
    #: A hand-over file from the previous secretariat to open instead (引継ぎファイル).
    handover: Path | None = None


class StartPage(QWizardPage):
    def __init__(self, data_path: Path, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setTitle(self.tr("Welcome to Nagato Desk"))
        self.setSubTitle(
            self.tr("First, tell the program about your council. You can change everything later.")
        )
        self.register = QRadioButton(self.tr("Register our council"), self)
        self.demo = QRadioButton(self.tr("Look around with the demo council (fictional people)"), self)
        self.handover = QRadioButton(self.tr("Open a hand-over file from the previous secretariat"), self)
        self.register.setChecked(True)
        # The demo and a hand-over file need no more pages: the wizard then shows "Start" instead of "Next".
        self.demo.toggled.connect(self._final_changed)
        self.handover.toggled.connect(self._final_changed)
        self.handover_file = QLineEdit(self)
        self.handover_file.setPlaceholderText(self.tr("Hand-over file (.nagato-handover.zip)"))
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.clicked.connect(self.choose_handover)
        self.handover_file.setEnabled(False)
        self.browse.setEnabled(False)
        self.handover.toggled.connect(self.handover_file.setEnabled)
        self.handover.toggled.connect(self.browse.setEnabled)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(28, 0, 0, 0)
        file_row.addWidget(self.handover_file, 1)
        file_row.addWidget(self.browse)
        where = QLabel(self.tr("The data will be kept in:") + f"\n{data_path}", self)
        where.setWordWrap(True)
        where.setProperty("role", "subtitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self.register)
        layout.addWidget(self.demo)
        layout.addWidget(self.handover)
        layout.addLayout(file_row)
        layout.addSpacing(20)
        layout.addWidget(where)
        layout.addStretch(1)

    def _final_changed(self) -> None:
        self.setFinalPage(self.demo.isChecked() or self.handover.isChecked())

    def choose_handover(self) -> None:
        from nagato_desk.services.handover import HANDOVER_SUFFIX

        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a hand-over file"),
            "",
            self.tr("Nagato Desk hand-over file") + f" (*{HANDOVER_SUFFIX} *.zip)",
        )
        if name:
            self.handover_file.setText(name)

    def handover_path(self) -> Path | None:
        text = self.handover_file.text().strip()
        return Path(text) if self.handover.isChecked() and text else None

    def validatePage(self) -> bool:
        if not self.handover.isChecked():
            return True
        from nagato_desk.services.handover import read_handover

        path = self.handover_path()
        if path is None:
            QMessageBox.warning(self, self.tr("Please check"), self.tr("Choose the hand-over file."))
            return False
        try:
            read_handover(path)  # every checksum, before the wizard closes
        except NagatoError as exc:
            QMessageBox.warning(self, self.tr("Please check"), exc.message(self.lang))
            return False
        return True

    def nextId(self) -> int:
        return -1 if (self.demo.isChecked() or self.handover.isChecked()) else PAGE_COUNCIL


class CouncilPage(QWizardPage):
    def __init__(self, date_style: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setTitle(self.tr("The council"))
        self.setSubTitle(self.tr("Name, representative and office. Only the name is required."))
        self.form = CouncilForm(date_style, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)

    def validatePage(self) -> bool:
        problems = self.form.problems()
        if problems:
            QMessageBox.warning(
                self, self.tr("Please check"), "\n".join(p.message(self.lang) for p in problems)
            )
            self.form.focus_field(problems[0].field)
            return False
        return True


class AssociationsPage(QWizardPage):
    def __init__(self, date_style: str, lang: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setTitle(self.tr("Member neighbourhood associations"))
        self.setSubTitle(
            self.tr(
                "Add each association with its households, population and people aged 65+ (as of 1 April). "
                "The ageing rate is computed."
            )
        )
        self.year = QComboBox(self)
        fy = fiscal_year_of(today)
        for y in (fy, fy - 1, fy - 2):
            self.year.addItem(format_fiscal_year(y, date_style), y)
        label = QLabel(self.tr("Fiscal year of the figures"), self)
        label.setBuddy(self.year)
        self.editor = FiguresEditor(self)
        self.editor.add_row()
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        self.drafts: list[AssociationDraft] = []

    def validatePage(self) -> bool:
        try:
            rows = [r for r in self.editor.rows() if r.name.strip() or r.population is not None]
            self.drafts = association_drafts(rows, self.year.currentData())
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Please check"), exc.message(self.lang))
            return False
        return True


class SetupWizard(QWizard):
    def __init__(
        self,
        data_path: Path,
        date_style: str = "wareki",
        lang: str = "ja",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nagato Desk — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.start = StartPage(data_path, lang, self)
        self.council = CouncilPage(date_style, lang, self)
        self.associations = AssociationsPage(date_style, lang, today or date.today(), self)
        self.setPage(PAGE_START, self.start)
        self.setPage(PAGE_COUNCIL, self.council)
        self.setPage(PAGE_ASSOCIATIONS, self.associations)
        self.resize(900, 640)

    def choice(self) -> SetupChoice:
        if self.start.demo.isChecked():
            return SetupChoice(demo=True)
        if self.start.handover.isChecked():
            return SetupChoice(demo=False, handover=self.start.handover_path())
        return SetupChoice(
            demo=False, council=self.council.form.draft(), associations=self.associations.drafts
        )
