"""会員の状況: members and households per 自治会 with gender and age bands, then the share of women
and of people under 40 among officers and committee members, as of a date — as PDF and xlsx.

The numbers come from ``services/member_stats.py``; the report object only adds the council's
name and the issue date, so the writers can be tested with figures made by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl.styles import PatternFill
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_start, format_date
from nagato_desk.money import format_rate
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.council import require_council
from nagato_desk.services.member_stats import (
    BAND_LABELS,
    GroupFigures,
    MemberFigures,
    default_as_of,
    member_figures,
)

TITLE = "会員の状況"
MEMBERS_HEADING = "自治会別の会員数・世帯数・男女別・年齢別"
ROLES_HEADING = "役員・部会員の女性と若い世代（40歳未満）の割合"
MEMBER_COLUMNS = ["自治会", "会員数", "世帯数", "女性", "男性", "その他・不明", *BAND_LABELS]
ROLE_COLUMNS = ["区分", "人数", "女性", "40歳未満", "女性の割合", "40歳未満の割合"]
HEADER_FILL = "D9E2F3"  # as the first table's header (xlsx_base)
NOTES = (
    "年齢は基準日現在です。生年だけが分かる人は、その年の7月1日生まれとして数えています。",
    "世帯数は、世帯が登録されている会員から数えています。割合の分母には性別・年齢が不明の人も含みます。",
)


@dataclass(frozen=True)
class MemberStatsReport:
    council_name: str
    issued: date
    figures: MemberFigures

    @property
    def as_of(self) -> date:
        return self.figures.as_of


def build_member_stats_report(
    session: Session, as_of: date | None = None, issued: date | None = None
) -> MemberStatsReport:
    """The figures on ``as_of`` (default: 1 April of the current fiscal year)."""
    council = require_council(session)
    issued = issued or date.today()
    figures = member_figures(session, as_of or default_as_of(issued))
    return MemberStatsReport(council.name, issued, figures)


def association_rows(figures: MemberFigures) -> list[GroupFigures]:
    """The 自治会 lines, then 所属自治会なし when there is anyone without one (the total not included)."""
    return [*figures.by_association, *([figures.unassigned] if figures.unassigned else [])]


def member_values(g: GroupFigures) -> list[object]:
    return [
        g.label,
        g.members,
        g.households,
        g.women,
        g.men,
        g.other_or_unknown,
        *(g.by_band[b] for b in BAND_LABELS),
    ]


def role_values(figures: MemberFigures) -> list[tuple[GroupFigures, Decimal | None, Decimal | None]]:
    return [
        (figures.officers, figures.women_share_officers, figures.under_40_share_officers),
        (figures.committee_members, figures.women_share_committees, figures.under_40_share_committees),
    ]


def _as_of_text(report: MemberStatsReport, date_style: str) -> str:
    return f"{format_date(report.as_of, date_style)}現在"


def write_member_stats_pdf(
    report: MemberStatsReport, out_path: Path, date_style: str = "wareki"
) -> PdfResult:
    """A4 landscape (eleven columns of figures)."""
    ctx = PdfContext(PageSpec(report.council_name, TITLE, report.issued, date_style, landscape=True))
    figures = report.figures
    rows: list[list[object]] = [MEMBER_COLUMNS]
    rows += [
        [f"{v:,}" if isinstance(v, int) else v for v in member_values(g)] for g in association_rows(figures)
    ]
    rows.append([f"{v:,}" if isinstance(v, int) else v for v in member_values(figures.total)])
    story: list = [
        ctx.para(_as_of_text(report, date_style), "body_right"),
        ctx.heading(MEMBERS_HEADING),
        ctx.table(
            rows,
            [0.16] + [0.84 / (len(MEMBER_COLUMNS) - 1)] * (len(MEMBER_COLUMNS) - 1),
            numeric_cols=range(1, len(MEMBER_COLUMNS)),
            total_rows=(len(rows) - 1,),
        ),
        ctx.heading(ROLES_HEADING),
    ]
    role_rows: list[list[object]] = [ROLE_COLUMNS]
    for g, women, young in role_values(figures):
        role_rows.append(
            [
                g.label,
                f"{g.members:,}",
                f"{g.women:,}",
                f"{g.under_40:,}",
                format_rate(women),
                format_rate(young),
            ]
        )
    story.append(ctx.table(role_rows, [110, 70, 70, 80, 100, 120], numeric_cols=range(1, 6)))
    story.append(ctx.spacer(6))
    story.extend(ctx.para(n, "small") for n in NOTES)
    return ctx.build(Path(out_path), story)


def write_member_stats_xlsx(report: MemberStatsReport, out_path: Path, date_style: str = "wareki") -> Path:
    """Counts as numbers, shares as percentages (the rounded figure the PDF prints), totals as values."""
    wb = new_workbook()
    sw = SheetWriter(
        wb,
        TITLE,
        council_name=report.council_name,
        doc_title=TITLE,
        date_text=_as_of_text(report, date_style),
        landscape=True,
    )
    figures = report.figures
    sw.section(MEMBERS_HEADING)
    sw.header(MEMBER_COLUMNS, kinds=["text"] + ["int"] * (len(MEMBER_COLUMNS) - 1))
    for g in association_rows(figures):
        sw.row(member_values(g))
    sw.total_row(member_values(figures.total))
    sw.blank()
    sw.section(ROLES_HEADING)
    # a second table on the sheet: the header method would move the frozen pane, so rows are typed here
    sw.column_kinds = ["text", "int", "int", "int", "rate", "rate"]
    header_row = sw.next_row
    sw.row(ROLE_COLUMNS, bold=True)
    for cell in sw.ws[header_row][: len(ROLE_COLUMNS)]:
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for g, women, young in role_values(figures):
        sw.row([g.label, g.members, g.women, g.under_40, women, young])
    sw.blank()
    for note in NOTES:
        sw.section(note)
    return save_workbook(wb, Path(out_path))


def export_member_stats(session: Session, request) -> list[str]:
    """``nagato-desk export member-stats``: as of 1 April of ``request.fiscal_year``, else 1 April of
    the fiscal year containing ``request.today``."""
    as_of = fiscal_year_start(request.fiscal_year) if request.fiscal_year else default_as_of(request.today)
    report = build_member_stats_report(session, as_of, issued=request.today)
    if request.format == "xlsx":
        write_member_stats_xlsx(report, request.out, request.date_style)
        return []
    return write_member_stats_pdf(report, request.out, request.date_style).warnings
