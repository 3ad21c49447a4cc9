"""Dialogs of the council profile: edit the profile, and enter the 自治会 figures of a fiscal year."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.council_form import CouncilForm
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.figures_editor import FiguresEditor
from nagato_desk.services import associations as associations_service
from nagato_desk.services import council as council_service


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    return dialog_buttons(dialog, QCoreApplication.translate("Dialogs", "Save"))


class CouncilDialog(QDialog):
    """協議会情報の編集. Enter saves, Esc cancels."""

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.setWindowTitle(self.tr("Edit council profile"))
        self.form = CouncilForm(date_style, self)
        with db.Session() as session:
            council = council_service.require_council(session)
            self.form.set_draft(council_service.draft_of(council))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(_buttons(self))
        self.resize(640, 460)

    def accept(self) -> None:
        try:
            with self.db.session() as session:
                council_service.update_council(session, self.form.draft())
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            self.form.focus_field(exc.problems[0].field if exc.problems else None)
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()


class FiguresDialog(QDialog):
    """自治会と年度別の世帯数・人口: one fiscal year at a time."""

    def __init__(
        self,
        db: Database,
        date_style: str,
        fiscal_year: int | None = None,
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.setWindowTitle(self.tr("Associations and yearly figures"))
        current = fiscal_year_of(date.today())
        self.year_combo = QComboBox(self)
        with db.Session() as session:
            years = set(associations_service.figure_years(session))
        years.update({current, current - 1, current + 1})
        for fy in sorted(years, reverse=True):
            self.year_combo.addItem(format_fiscal_year(fy, date_style), fy)
        self.year_combo.setCurrentIndex(self.year_combo.findData(fiscal_year or current))
        self.editor = FiguresEditor(self)
        self.loaded_year: int | None = None
        self.year_combo.currentIndexChanged.connect(self._change_year)
        top = QHBoxLayout()
        label = QLabel(self.tr("Fiscal year"), self)
        label.setBuddy(self.year_combo)
        top.addWidget(label)
        top.addWidget(self.year_combo)
        top.addStretch(1)
        hint = QLabel(
            self.tr(
                "Figures are as of 1 April of the fiscal year. Leave a row's numbers empty if they are not known yet."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "subtitle")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.editor)
        layout.addWidget(_buttons(self))
        self.resize(860, 520)
        self._load(self.year_combo.currentData())

    def _load(self, fiscal_year: int) -> None:
        with self.db.Session() as session:
            self.editor.set_rows(associations_service.association_rows(session, fiscal_year))
        self.loaded_year = fiscal_year

    def _change_year(self) -> None:
        new_year = self.year_combo.currentData()
        if self.loaded_year is not None and new_year != self.loaded_year and self._dirty():
            answer = QMessageBox.question(
                self,
                self.tr("Save changes?"),
                self.tr("Save the changes to this fiscal year before switching?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self._save(self.loaded_year)
            ):
                self.year_combo.blockSignals(True)
                self.year_combo.setCurrentIndex(self.year_combo.findData(self.loaded_year))
                self.year_combo.blockSignals(False)
                return
        self._load(new_year)

    def _dirty(self) -> bool:
        try:
            rows = self.editor.rows()
        except ValidationError:
            return True
        with self.db.Session() as session:
            saved = associations_service.association_rows(session, self.loaded_year or 0)
        return rows != saved or bool(self.editor.removed_ids)

    def _save(self, fiscal_year: int | None) -> bool:
        try:
            rows = self.editor.rows()
            if self.editor.removed_ids:
                names = self._removed_names()
                answer = QMessageBox.question(
                    self,
                    self.tr("Remove associations?"),
                    self.tr("These associations and their figures for every year will be removed:")
                    + "\n"
                    + "、".join(names),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return False
            with self.db.session() as session:
                associations_service.save_association_table(
                    session, fiscal_year or 0, rows, self.editor.removed_ids
                )
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return False
        self.editor.removed_ids = []
        return True

    def _removed_names(self) -> list[str]:
        with self.db.Session() as session:
            return [
                a.name
                for a in associations_service.list_associations(session)
                if a.id in self.editor.removed_ids
            ]

    def accept(self) -> None:
        if self._save(self.loaded_year):
            super().accept()
