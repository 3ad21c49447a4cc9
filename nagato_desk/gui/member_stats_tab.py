"""会員の状況: the figures the plan cares about, as of a date (基準日, 4月1日 of the fiscal year unless
changed) — members and households per 自治会 by gender and age band, then the share of women and of
people under 40 among officers and committee members; saved as PDF in the background."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_date
from nagato_desk.errors import NagatoError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.date_field import DateField
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.jobs import Job
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.money import format_rate
from nagato_desk.services.member_stats import (
    AGE_BANDS,
    UNKNOWN_AGE,
    GroupFigures,
    MemberFigures,
    default_as_of,
    member_figures,
)

_CONTEXT = "MemberStatsTab"
# the service's band label → the column header (English source, translated in this context)
_BAND_HEADERS = dict(
    zip(
        (*(b[0] for b in AGE_BANDS), UNKNOWN_AGE),
        (
            QT_TRANSLATE_NOOP("MemberStatsTab", "Age 0–14"),
            QT_TRANSLATE_NOOP("MemberStatsTab", "Age 15–39"),
            QT_TRANSLATE_NOOP("MemberStatsTab", "Age 40–64"),
            QT_TRANSLATE_NOOP("MemberStatsTab", "Age 65–74"),
            QT_TRANSLATE_NOOP("MemberStatsTab", "Age 75 and over"),
            QT_TRANSLATE_NOOP("MemberStatsTab", "Age unknown"),
        ),
        strict=True,
    )
)
_TYPING_PAUSE_MS = 400  # figures follow the date once the typing stops


@dataclass(frozen=True)
class Line:
    """One row of either table: its label as shown, the figures, and (officers and committee
    members) the two shares."""

    label: str
    figures: GroupFigures
    total: bool = False
    women_share: Decimal | None = None
    under_40_share: Decimal | None = None


def _fit_to_contents(view: QTableView) -> None:
    """A table as large as its rows and columns (no empty grid beside or below them), smaller with a
    scroll bar only when the page has no room (many 自治会, a large font)."""
    setup_table(view, stretch=None)
    view.horizontalHeader().setStretchLastSection(False)
    view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    view.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)


def _count(value: int) -> str:
    return f"{value:,}"


def _figure(name: str):  # type: ignore[no-untyped-def]
    return lambda line: _count(getattr(line.figures, name))


def _band(label: str):  # type: ignore[no-untyped-def]
    return lambda line: _count(line.figures.by_band[label])


class MemberStatsTab(QWidget):
    """``figures`` holds what the tables show; its ``as_of`` is the date they are for."""

    def __init__(
        self,
        db: Database,
        date_style: str,
        lang: str = "ja",
        parent: QWidget | None = None,
        load: bool = True,  # False: filled by the first refresh() (a tab not shown yet reads nothing)
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.job: Job | None = None
        self.figures: MemberFigures | None = None
        self.date = DateField(date_style, default_as_of(date.today()), field="as_of", parent=self)
        date_caption = QLabel(self.tr("As of"), self)
        date_caption.setBuddy(self.date.edit)
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.setToolTip(self.tr("The figures as of today"))
        self.april_button = QPushButton(self.tr("1 April this year"), self)
        self.april_button.setToolTip(self.tr("The figures as of 1 April of this fiscal year"))
        self.today_button.clicked.connect(lambda: self.set_as_of(date.today()))
        self.april_button.clicked.connect(lambda: self.set_as_of(default_as_of(date.today())))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        self.pdf_button.setToolTip(self.tr("Save these figures as a PDF to print or hand to the city"))
        mark_primary(self.pdf_button)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())

        self.members_title = QLabel(self)
        self.members_title.setProperty("role", "subtitle")
        self.model = RowsModel(
            _CONTEXT,
            (
                Column(QT_TRANSLATE_NOOP("MemberStatsTab", "Association"), lambda line: line.label),
                Column(QT_TRANSLATE_NOOP("MemberStatsTab", "Members"), _figure("members"), True),
                Column(QT_TRANSLATE_NOOP("MemberStatsTab", "Households"), _figure("households"), True),
                Column(QT_TRANSLATE_NOOP("MemberStatsTab", "Women"), _figure("women"), True),
                Column(QT_TRANSLATE_NOOP("MemberStatsTab", "Men"), _figure("men"), True),
                Column(
                    QT_TRANSLATE_NOOP("MemberStatsTab", "Other or unknown"), _figure("other_or_unknown"), True
                ),
                *(Column(header, _band(label), True) for label, header in _BAND_HEADERS.items()),
            ),
            self,
            bold=lambda line: line.total,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)

        self.roles_title = QLabel(
            self.tr("Women and people under 40 among officers and committee members"), self
        )
        self.roles_title.setProperty("role", "subtitle")
        self.roles_model = RowsModel(
            _CONTEXT,
            (
                Column(QT_TRANSLATE_NOOP("MemberStatsTab", "Group"), lambda line: line.label),
                Column(QT_TRANSLATE_NOOP("MemberStatsTab", "People"), _figure("members"), True),
                Column(QT_TRANSLATE_NOOP("MemberStatsTab", "Women"), _figure("women"), True),
                Column(QT_TRANSLATE_NOOP("MemberStatsTab", "Under 40"), _figure("under_40"), True),
                Column(
                    QT_TRANSLATE_NOOP("MemberStatsTab", "Share of women"),
                    lambda line: format_rate(line.women_share),
                    True,
                ),
                Column(
                    QT_TRANSLATE_NOOP("MemberStatsTab", "Share under 40"),
                    lambda line: format_rate(line.under_40_share),
                    True,
                ),
            ),
            self,
        )
        self.roles = QTableView(self)
        self.roles.setModel(self.roles_model)
        for view in (self.table, self.roles):
            _fit_to_contents(view)
        self.note = QLabel(
            self.tr(
                "Ages are full years on the date chosen; someone whose birth year only is known counts"
                " as born on 1 July."
            ),
            self,
        )
        self.note.setProperty("role", "subtitle")
        self.note.setWordWrap(True)
        self.note.setToolTip(self.tr("The shares count people whose gender or age is unknown as well."))

        head = QHBoxLayout()
        head.addWidget(date_caption)
        head.addWidget(self.date)
        head.addWidget(self.today_button)
        head.addWidget(self.april_button)
        head.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(head)
        layout.addSpacing(4)
        layout.addWidget(self.members_title)
        layout.addWidget(self.table, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        layout.addWidget(self.roles_title)
        layout.addWidget(self.roles, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addLayout(bottom)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(_TYPING_PAUSE_MS)
        self._typing.timeout.connect(lambda: self.apply_date(quiet=True))
        self.date.edit.textChanged.connect(lambda _t: self._typing.start())
        self.date.edit.returnPressed.connect(lambda: self.apply_date())
        if load:
            self.refresh()

    # --- the date ------------------------------------------------------------------------------
    @property
    def date_style(self) -> str:
        return self.date.date_style

    @date_style.setter
    def date_style(self, style: str) -> None:
        shown = self.figures.as_of if self.figures else None
        self.date.date_style = style
        if shown is not None:
            self.date.set_date(shown)

    def as_of(self) -> date:
        return self.figures.as_of if self.figures else default_as_of(date.today())

    def set_as_of(self, on: date) -> None:
        self.date.set_date(on)
        self._show(on)
        self.date.setFocus()

    def apply_date(self, quiet: bool = False) -> bool:
        """Show the figures for the date typed; an unreadable date leaves them as they are (the hint
        beside the field already says so) and, unless ``quiet``, is explained in a message."""
        self._typing.stop()
        try:
            on = self.date.value()
        except NagatoError as exc:
            if not quiet:
                show_error(self, exc, self.lang)
            return False
        if on is not None and (self.figures is None or on != self.figures.as_of):
            self._show(on)
        return True

    # --- the figures ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the figures again (the other tabs may have changed them) for the date shown."""
        self._show(self.as_of())

    def _show(self, on: date) -> None:
        self._typing.stop()
        with self.db.Session() as session:
            figures = member_figures(session, on)
        self.figures = figures
        self.members_title.setText(
            self.tr("Members by association as of %1").replace("%1", format_date(on, self.date_style))
        )
        rows = [Line(g.label, g) for g in figures.by_association]
        if figures.unassigned is not None:
            rows.append(Line(self.tr("No association"), figures.unassigned))
        rows.append(Line(self.tr("Total"), figures.total, total=True))
        self.model.set_rows(rows)
        self.roles_model.set_rows(
            [
                Line(
                    self.tr("Officers"),
                    figures.officers,
                    women_share=figures.women_share_officers,
                    under_40_share=figures.under_40_share_officers,
                ),
                Line(
                    self.tr("Committee members"),
                    figures.committee_members,
                    women_share=figures.women_share_committees,
                    under_40_share=figures.under_40_share_committees,
                ),
            ]
        )
        for view in (self.table, self.roles):
            view.resizeColumnsToContents()
        # the labels of both tables in one column width, so the two read as one sheet
        label_width = max(self.table.columnWidth(0), self.roles.columnWidth(0))
        for view in (self.table, self.roles):
            view.setColumnWidth(0, label_width)
            view.updateGeometry()

    # --- PDF -----------------------------------------------------------------------------------
    def suggested_name(self) -> str:
        title = self.tr("Membership figures")
        return f"{title}_{self.as_of():%Y%m%d}.pdf"

    def save_pdf(self, out: Path | None = None) -> Job | None:
        """Write 会員の状況 as of the date typed to ``out`` (asked with a save dialog when not given)."""
        if not self.apply_date():
            return None
        on = self.as_of()
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), str(Path.home() / self.suggested_name()), self.tr("PDF (*.pdf)")
            )
            if not name:
                return None
            out = Path(name)
            if out.suffix.lower() != ".pdf":
                out = out.with_name(out.name + ".pdf")
        db, style, today = self.db, self.date_style, date.today()

        def work() -> list[str]:
            # As ``export_member_stats`` (REPORTS["member-stats"]) does, but for the exact date
            # chosen: its request carries a fiscal year only, which would give 1 April.
            from nagato_desk.reports.member_stats import build_member_stats_report, write_member_stats_pdf

            with db.Session() as session:
                report = build_member_stats_report(session, on, issued=today)
            return write_member_stats_pdf(report, out, style).warnings

        self.pdf_button.setEnabled(False)
        self.job = Job(self, self.tr("Writing the membership figures…"), work)
        self.job.finished.connect(lambda warnings: self._saved(out, warnings))
        self.job.error.connect(self._failed)
        return self.job.start()

    def _saved(self, out: Path, warnings: list[str]) -> None:
        self.pdf_button.setEnabled(True)
        text = self.tr("Saved:") + f"\n{out}"
        if warnings:
            text += "\n\n" + "\n".join(warnings)
        QMessageBox.information(self, self.tr("Saved"), text)

    def _failed(self, exc: object) -> None:
        self.pdf_button.setEnabled(True)
        if isinstance(exc, NagatoError):
            show_error(self, exc, self.lang)
        else:
            raise exc  # type: ignore[misc]  # the excepthook logs it and tells the user
