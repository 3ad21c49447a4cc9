"""評価: one fiscal year's evaluation of every action (PDCA) — status, rating A–D, what was done,
issues, next year's step — entered one after another in the form under the list (Enter moves on,
and saves at the last field); locking the year once it is reported to the city, unlocking with a
reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.plan_view import PlanView
from nagato_desk.gui.table_model import setup_table
from nagato_desk.models import EVALUATION_STATUSES, RATINGS
from nagato_desk.services import evaluations as evaluations_service
from nagato_desk.services import plan_views
from nagato_desk.services.evaluations import EvaluationDraft
from nagato_desk.services.plan_views import EvaluationLine


def default_year(years: tuple[int, ...] | list[int], today: date | None = None) -> int:
    """The year just ended (the one reported to the city), kept inside the period."""
    wanted = fiscal_year_of(today or date.today()) - 1
    return min(max(wanted, years[0]), years[-1])


class EvaluationTab(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.view: PlanView | None = None
        self.lines: list[EvaluationLine] = []
        self.locked = False
        self.year = QComboBox(self)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        year_label = QLabel(self.tr("Fiscal year"), self)
        year_label.setBuddy(self.year)
        self.count = QLabel(self)
        self.lock_button = QPushButton(self.tr("Lock the year…"), self)
        self.lock_button.setToolTip(self.tr("The year was reported to the city: no more changes"))
        self.unlock_button = QPushButton(self.tr("Unlock…"), self)
        self.lock_button.clicked.connect(self.lock)
        self.unlock_button.clicked.connect(self.unlock)
        self.lock_note = QLabel(self)
        self.lock_note.setWordWrap(True)
        self.lock_note.setStyleSheet("color:#8a4b08; font-weight:bold;")

        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Action"),
                self.tr("Planned"),
                self.tr("Status"),
                self.tr("Rating"),
                self.tr("Done"),
                self.tr("Issues"),
                self.tr("Next step"),
            ]
        )
        setup_table(self.table, stretch=0)
        for col, width in ((1, 56), (2, 76), (3, 56), (4, 190), (5, 140), (6, 140)):
            self.table.setColumnWidth(col, width)
        self.table.currentCellChanged.connect(lambda *_: self.show_selected())

        self.status = QComboBox(self)
        for code, label in EVALUATION_STATUSES.items():
            self.status.addItem(label, code)
        self.rating = QComboBox(self)
        self.rating.addItem(self.tr("(not rated)"), "")
        for r in RATINGS:
            self.rating.addItem(r, r)
        self.rating.setToolTip(self.tr("A achieved, B mostly achieved, C partly, D not achieved"))
        self.done_text = QLineEdit(self)
        self.issues = QLineEdit(self)
        self.next_step = QLineEdit(self)
        self.done_text.returnPressed.connect(self.issues.setFocus)
        self.issues.returnPressed.connect(self.next_step.setFocus)
        self.next_step.returnPressed.connect(self.save_and_next)
        self.save_button = QPushButton(self.tr("Save and next"), self)
        mark_primary(self.save_button)
        self.save_button.setToolTip(self.tr("Save this action's evaluation and go to the next one"))
        self.save_button.clicked.connect(self.save_and_next)
        self.form_title = QLabel(self)
        self.form_title.setProperty("role", "subtitle")
        choices = QHBoxLayout()
        choices.addWidget(self.status)
        rating_label = QLabel(self.tr("Rating"), self)
        rating_label.setBuddy(self.rating)
        choices.addWidget(rating_label)
        choices.addWidget(self.rating)
        choices.addStretch(1)
        choices.addWidget(self.save_button)
        form = QFormLayout()
        form.addRow(self.tr("Status"), choices)
        form.addRow(self.tr("What was done"), self.done_text)
        form.addRow(self.tr("Issues"), self.issues)
        form.addRow(self.tr("Next year's step"), self.next_step)

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.count, 1)
        top.addWidget(self.lock_button)
        top.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.lock_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form_title)
        layout.addLayout(form)
        self.setTabOrder(self.table, self.status)
        self.setTabOrder(self.status, self.rating)
        self.setTabOrder(self.rating, self.done_text)
        self.setTabOrder(self.done_text, self.issues)
        self.setTabOrder(self.issues, self.next_step)
        self.setTabOrder(self.next_step, self.save_button)

    # --- reading --------------------------------------------------------------------------------
    def set_view(self, view: PlanView | None) -> None:
        filled = (view.plan_id, self.date_style) if view is not None else None
        changed_plan = filled != getattr(self, "_filled", None)  # another plan, or another date style
        self._filled = filled
        self.view = view
        if view is None or not changed_plan:
            return
        keep = self.fiscal_year()
        self.year.blockSignals(True)
        self.year.clear()
        for fy in view.years:
            self.year.addItem(format_fiscal_year(fy, self.date_style), fy)
        chosen = keep if keep in view.years else default_year(view.years)
        self.year.setCurrentIndex(self.year.findData(chosen))
        self.year.blockSignals(False)

    def fiscal_year(self) -> int | None:
        return self.year.currentData() if self.year.count() else None

    def set_fiscal_year(self, fy: int) -> None:
        self.year.setCurrentIndex(self.year.findData(fy))

    def refresh(self, select_action: int | None = None) -> None:
        fy = self.fiscal_year()
        if self.view is None or fy is None:
            return
        if select_action is None:
            current = self.selected()
            select_action = current.action_id if current is not None else None
        with self.db.Session() as session:
            self.locked = evaluations_service.is_year_locked(session, self.view.plan_id, fy)
            self.lines = plan_views.evaluation_lines(session, self.view.version_id, fy)
        year_text = format_fiscal_year(fy, self.date_style)
        evaluated = sum(line.evaluated for line in self.lines)
        self.count.setText(
            self.tr("%1 of %2 actions evaluated")
            .replace("%1", str(evaluated))
            .replace("%2", str(len(self.lines)))
        )
        if self.view.read_only:
            note = self.tr("An older version of the plan: its evaluations cannot be changed.")
        elif self.locked:
            note = self.tr(
                "The evaluations of %1 are locked (reported to the city) and cannot be changed. "
                "Unlock the year to correct them."
            ).replace("%1", year_text)
        else:
            note = ""
        self.lock_note.setText(note)
        self.lock_note.setVisible(bool(note))
        self.lock_button.setVisible(not self.locked)
        self.unlock_button.setVisible(self.locked)
        self.lock_button.setEnabled(not self.view.read_only)
        self.unlock_button.setEnabled(not self.view.read_only)
        self._fill_table(select_action)

    def _fill_table(self, select_action: int | None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.lines))
        grey = QBrush(QColor("#7b8794"))
        for row, line in enumerate(self.lines):
            d = line.draft
            cells = (
                line.title,
                "○" if line.planned else "",
                EVALUATION_STATUSES.get(d.status, d.status) if line.evaluated else "—",
                d.rating,
                d.done_text,
                d.issues,
                d.next_step,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, line.action_id)
                if col == 0:
                    item.setToolTip(f"{line.goal}\n{line.title}")
                elif col in (4, 5, 6) and text:
                    item.setToolTip(text)
                if col in (1, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if not line.planned:
                    item.setForeground(grey)
                self.table.setItem(row, col, item)
        index = next((i for i, line in enumerate(self.lines) if line.action_id == select_action), 0)
        self.table.setCurrentCell(index if self.lines else -1, 0)
        self.table.blockSignals(False)
        self.show_selected()

    def selected(self) -> EvaluationLine | None:
        row = self.table.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def select_action(self, action_id: int) -> None:
        row = next(i for i, line in enumerate(self.lines) if line.action_id == action_id)
        self.table.setCurrentCell(row, 0)

    def show_selected(self) -> None:
        line = self.selected()
        editable = line is not None and self.view is not None and not self.view.read_only and not self.locked
        draft = line.draft if line is not None else EvaluationDraft()
        self.status.setCurrentIndex(max(0, self.status.findData(draft.status)))
        self.rating.setCurrentIndex(max(0, self.rating.findData(draft.rating)))
        self.done_text.setText(draft.done_text)
        self.issues.setText(draft.issues)
        self.next_step.setText(draft.next_step)
        for widget in (self.status, self.rating, self.save_button):
            widget.setEnabled(editable)
        for edit in (self.done_text, self.issues, self.next_step):
            edit.setReadOnly(not editable)
        if line is None:
            self.form_title.setText("")
        else:
            planned = "" if line.planned else self.tr("(not planned in this year)")
            self.form_title.setText(f"{line.goal} ＞ {line.title}{planned}")

    # --- writing --------------------------------------------------------------------------------
    def draft(self) -> EvaluationDraft:
        line = self.selected()
        return EvaluationDraft(
            status=self.status.currentData(),
            rating=self.rating.currentData(),
            done_text=self.done_text.text(),
            issues=self.issues.text(),
            next_step=self.next_step.text(),
            evaluated_on=(line.draft.evaluated_on if line is not None else None) or date.today(),
        )

    def save_and_next(self) -> bool:
        line, fy = self.selected(), self.fiscal_year()
        if line is None or fy is None or self.view is None or self.view.read_only or self.locked:
            return False
        try:
            draft = self.draft()
            with self.db.session() as session:
                evaluations_service.save_evaluation(session, line.action_id, fy, draft)
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            self.status.setFocus()
            return False
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return False
        row = self.table.currentRow()
        following = self.lines[row + 1].action_id if row + 1 < len(self.lines) else line.action_id
        self.refresh(following)
        self.status.setFocus()
        self.changed.emit()
        return True

    def lock(self) -> None:
        fy = self.fiscal_year()
        if fy is None or self.view is None or self.view.read_only:
            return
        text = self.tr(
            "Lock the evaluations of %1? Do this once they are reported to the city: after that they "
            "cannot be changed unless the year is unlocked, with a reason."
        ).replace("%1", format_fiscal_year(fy, self.date_style))
        if QMessageBox.question(self, self.tr("Lock the year"), text) != QMessageBox.StandardButton.Yes:
            return
        plan_id = self.view.plan_id
        self._run(lambda s: evaluations_service.lock_year(s, plan_id, fy, date.today()))

    def unlock(self) -> None:
        fy = self.fiscal_year()
        if fy is None or self.view is None or self.view.read_only:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Unlock the year"),
            self.tr(
                "Why must the evaluations of %1 be changed? The reason is kept in the change history."
            ).replace("%1", format_fiscal_year(fy, self.date_style)),
        )
        if not ok:
            return
        plan_id = self.view.plan_id
        self._run(lambda s: evaluations_service.unlock_year(s, plan_id, fy, reason))

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.refresh()
        self.changed.emit()
