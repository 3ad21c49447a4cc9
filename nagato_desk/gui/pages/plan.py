"""夢プラン: the council's ten-year dream plan — its outline (vision → goals → actions), the roadmap
of the ten fiscal years, the yearly evaluations (PDCA), the indicators and the progress, one tab
each; older versions (before a 見直し) are shown read-only; the booklet and the 評価シート are saved
from 「書き出し…」."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_date
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.evaluation_tab import EvaluationTab, default_year
from nagato_desk.gui.indicator_tab import IndicatorTab
from nagato_desk.gui.plan_outline import PlanOutlineTab
from nagato_desk.gui.plan_progress_tab import PlanProgressTab
from nagato_desk.gui.plan_view import PlanView, view_of
from nagato_desk.gui.roadmap_tab import RoadmapTab
from nagato_desk.services import plans as plans_service
from nagato_desk.settings import Settings


class PlanPage(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, settings: Settings, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.lang = lang
        self.view: PlanView | None = None
        heading = QLabel(self.tr("Dream plan"), self)
        heading.setProperty("role", "title")
        self.plan_label = QLabel(self)
        self.plan_label.setProperty("role", "subtitle")
        self.version_combo = QComboBox(self)
        self.version_combo.setToolTip(
            self.tr("A mid-term revision makes a new version; older versions can be read but not changed")
        )
        self.version_combo.currentIndexChanged.connect(lambda _i: self._version_chosen())
        version_label = QLabel(self.tr("Version"), self)
        version_label.setBuddy(self.version_combo)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(self.tr("Save the plan booklet or the yearly progress report"))
        self.export_button.clicked.connect(self.export_documents)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_documents)

        style = settings.date_style
        self.outline = PlanOutlineTab(db, style, lang, self)
        self.roadmap = RoadmapTab(db, style, lang, self)
        self.evaluation = EvaluationTab(db, style, lang, self)
        self.indicators = IndicatorTab(db, style, lang, self)
        self.progress = PlanProgressTab(db, style, lang, self)
        self.tab_pages: list[tuple[str, QWidget]] = [
            ("outline", self.outline),
            ("roadmap", self.roadmap),
            ("evaluation", self.evaluation),
            ("indicators", self.indicators),
            ("progress", self.progress),
        ]
        self.tabs = QTabWidget(self)
        for widget, title in (
            (self.outline, self.tr("Outline")),
            (self.roadmap, self.tr("Roadmap")),
            (self.evaluation, self.tr("Evaluation")),
            (self.indicators, self.tr("Indicators")),
            (self.progress, self.tr("Progress")),
        ):
            self.tabs.addTab(widget, title)
            widget.changed.connect(self.changed)  # type: ignore[attr-defined]
        self.outline.revised.connect(self._after_revision)
        self.outline.plan_created.connect(lambda _plan_id: self.refresh())
        self.tabs.currentChanged.connect(lambda _i: self.refresh_current())

        self.empty_text = QLabel(
            self.tr(
                "There is no dream plan yet. Create it with its title and the first fiscal year of its "
                "ten-year period; then add its goals and actions."
            ),
            self,
        )
        self.empty_text.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create the plan…"), self)
        mark_primary(self.create_button)
        self.create_button.clicked.connect(self.create_plan)
        empty = QWidget(self)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(self.empty_text)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addStretch(1)
        empty_layout.addLayout(row)
        empty_layout.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(empty)
        self.stack.addWidget(self.tabs)

        head = QHBoxLayout()
        head.addWidget(heading)
        head.addSpacing(16)
        head.addWidget(self.plan_label, 1)
        head.addWidget(version_label)
        head.addWidget(self.version_combo)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)
        self.refresh()

    def page_title(self) -> str:
        return self.tr("Dream plan")

    def show_tab(self, key: str) -> None:
        index = next(i for i, (k, _w) in enumerate(self.tab_pages) if k == key)
        self.tabs.setCurrentIndex(index)

    # --- which plan and version ---------------------------------------------------------------
    def refresh(self, version_id: int | None = None) -> None:
        """Read the plan again (the latest plan; the version shown stays unless it is gone)."""
        keep = version_id if version_id is not None else (self.view.version_id if self.view else None)
        style = self.settings.date_style
        with self.db.Session() as session:
            plan = plans_service.latest_plan(session)
            versions = []
            if plan is not None:
                plan_id = plan.id
                title = plan.versions[-1].title
                period = plans_service.period_text(plan, style)
                for v in plans_service.plan_versions(session, plan.id):
                    when = v.revised_on or v.adopted_on
                    text = self.tr("Version %1").replace("%1", str(v.number))
                    if when is not None:
                        text += f"（{format_date(when, style)}）"
                    versions.append((v.id, text))
        for tab in self._tabs():
            tab.date_style = style
        if plan is None:
            self.view = None
            self.plan_label.setText("")
            self.version_combo.clear()
            self.version_combo.setEnabled(False)
            self.export_button.setEnabled(False)
            self.stack.setCurrentIndex(0)
            return
        self.plan_label.setText(f"{title}　{period}")
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        for vid, text in versions:
            self.version_combo.addItem(text, vid)
        current = versions[-1][0]
        self.version_combo.setItemText(len(versions) - 1, versions[-1][1] + self.tr(" — current"))
        chosen = keep if any(v == keep for v, _t in versions) else current
        self.version_combo.setCurrentIndex(self.version_combo.findData(chosen))
        self.version_combo.blockSignals(False)
        self.version_combo.setEnabled(len(versions) > 1)
        self.export_button.setEnabled(True)
        self.stack.setCurrentIndex(1)
        self._set_view(view_of(self.db, plan_id, chosen))

    def _tabs(self):  # type: ignore[no-untyped-def]
        return [w for _k, w in self.tab_pages]

    def _set_view(self, view: PlanView) -> None:
        self.view = view
        for tab in self._tabs():
            tab.set_view(view)
        self.refresh_current()

    def _version_chosen(self) -> None:
        if self.view is None:
            return
        version_id = self.version_combo.currentData() if self.version_combo.count() else None
        if version_id is not None and version_id != self.view.version_id:
            self._set_view(view_of(self.db, self.view.plan_id, version_id))

    def refresh_current(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is not None and self.view is not None:
            widget.refresh()  # type: ignore[attr-defined]

    def _after_revision(self, version_id: int) -> None:
        self.refresh(version_id)
        self.changed.emit()

    def create_plan(self) -> None:
        from nagato_desk.gui.plan_dialogs import PlanDialog

        dialog = PlanDialog(self.db, self.settings.date_style, None, self.lang, self)
        if dialog.exec():
            self.refresh()
            self.changed.emit()

    # --- documents ----------------------------------------------------------------------------
    def export_documents(self):  # type: ignore[no-untyped-def]
        from nagato_desk.gui.document_export import SaveDocumentDialog

        if self.view is None:
            return None
        dialog = SaveDocumentDialog(
            self.db,
            self.settings.date_style,
            self.lang,
            [
                ("plan", self.tr("Dream plan booklet")),
                ("plan-progress", self.tr("Yearly progress report (evaluation sheet)")),
            ],
            years=self.export_years(),
            parent=self,
        )
        dialog.exec()
        return dialog

    def export_years(self) -> list[int]:
        """The plan's years for the 評価シート, the year just ended first, then the latest first."""
        assert self.view is not None
        first = default_year(self.view.years)
        return sorted(self.view.years, key=lambda fy: (fy != first, -fy))

    def screenshots(self, save) -> None:  # type: ignore[no-untyped-def]
        """The dialogs of the section, for the guide."""
        from nagato_desk.gui.document_export import SaveDocumentDialog
        from nagato_desk.gui.indicator_dialog import IndicatorDialog
        from nagato_desk.gui.plan_dialogs import PlanDialog, RevisionDialog

        if self.view is None:
            return
        style = self.settings.date_style
        save(PlanDialog(self.db, style, self.view.plan_id, self.lang, self), "plan-dialog")
        save(RevisionDialog(style, self.lang, self), "plan-revision")
        ids = self.indicators.indicator_ids()
        if ids:
            save(
                IndicatorDialog(self.db, self.view, ids[0], self.lang, self, date_style=style),
                "plan-indicator-dialog",
            )
        save(
            SaveDocumentDialog(
                self.db,
                style,
                self.lang,
                [
                    ("plan", self.tr("Dream plan booklet")),
                    ("plan-progress", self.tr("Yearly progress report (evaluation sheet)")),
                ],
                years=self.export_years(),
                parent=self,
            ),
            "plan-export",
        )
