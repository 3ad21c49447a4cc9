"""The council profile form (ui/council_form.ui), used by the first-start wizard and the edit dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from nagato_desk.dates import format_date
from nagato_desk.errors import Problem
from nagato_desk.gui.uiloader import load_form
from nagato_desk.services.council import CouncilDraft, validate_council

_FIELDS = {
    "name": "nameEdit",
    "representative": "representativeEdit",
    "postal_code": "postalCodeEdit",
    "address": "addressEdit",
    "phone": "phoneEdit",
}


class CouncilForm(QWidget):
    def __init__(self, date_style: str = "wareki", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_style = date_style
        self.form = load_form("council_form.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.edits = {f: self.form.findChild(QLineEdit, name) for f, name in _FIELDS.items()}
        self.founded_known = self.form.findChild(QCheckBox, "foundedKnownCheck")
        self.founded_date = self.form.findChild(QDateEdit, "foundedDateEdit")
        self.founded_era = self.form.findChild(QLabel, "foundedEraLabel")
        self.notes = self.form.findChild(QPlainTextEdit, "notesEdit")
        self.founded_date.setMaximumDate(QDate.currentDate())
        self.founded_date.setDate(QDate.currentDate())
        self.founded_known.toggled.connect(self.founded_date.setEnabled)
        self.founded_known.toggled.connect(self._show_era)
        self.founded_date.dateChanged.connect(self._show_era)
        self._show_era()

    def _show_era(self) -> None:
        if self.founded_known.isChecked():
            self.founded_era.setText(format_date(self.founded_date.date().toPython(), "wareki"))
        else:
            self.founded_era.setText("")

    def set_draft(self, draft: CouncilDraft) -> None:
        for f, edit in self.edits.items():
            edit.setText(getattr(draft, f) or "")
        self.founded_known.setChecked(draft.founded_on is not None)
        if draft.founded_on is not None:
            self.founded_date.setDate(QDate(draft.founded_on))
        self.notes.setPlainText(draft.notes or "")

    def draft(self) -> CouncilDraft:
        founded: date | None = self.founded_date.date().toPython() if self.founded_known.isChecked() else None
        return CouncilDraft(
            name=self.edits["name"].text(),
            representative=self.edits["representative"].text(),
            postal_code=self.edits["postal_code"].text(),
            address=self.edits["address"].text(),
            phone=self.edits["phone"].text(),
            founded_on=founded,
            notes=self.notes.toPlainText(),
        )

    def problems(self) -> list[Problem]:
        return validate_council(self.draft())

    def focus_field(self, field: str | None) -> None:
        widget = self.edits.get(field or "") or (self.founded_date if field == "founded_on" else None)
        (widget or self.edits["name"]).setFocus()
