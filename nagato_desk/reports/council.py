"""The council profile report (協議会の概要): who the council is, and each 自治会's households,
population and ageing rate, as PDF and as xlsx.

The report is a plain data object (:class:`CouncilProfileReport`) so that it can be built from the
database by a service, or by hand in tests; the writers only format it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.money import format_rate
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.associations import AssociationFigures, figures_table, sum_figures
from nagato_desk.services.council import office_address, require_council

__all__ = ["AssociationFigures", "CouncilProfileReport", "build_council_report", "sum_figures"]

TITLE = "協議会の概要"
FIGURE_COLUMNS = ["自治会", "世帯数", "人口", "65歳以上", "高齢化率"]
NO_VALUE = "—"
NO_FIGURES_TEXT = "自治会別の世帯数・人口は登録されていません。"


@dataclass(frozen=True)
class CouncilProfileReport:
    council_name: str
    representative: str
    address: str
    phone: str
    founded: date | None
    fiscal_year: int | None  # the figures' fiscal year
    as_of: date | None  # the date the figures are as of (usually 1 April of fiscal_year)
    associations: list[AssociationFigures]
    totals: AssociationFigures  # name "合計": see sum_figures()
    issued: date


def build_council_report(
    session: Session, fiscal_year: int | None = None, issued: date | None = None
) -> CouncilProfileReport:
    """The council profile with the figures of ``fiscal_year`` (default: the latest year entered)."""
    council = require_council(session)
    table = figures_table(session, fiscal_year)
    return CouncilProfileReport(
        council_name=council.name,
        representative=council.representative,
        address=office_address(council),
        phone=council.phone,
        founded=council.founded_on,
        fiscal_year=table.fiscal_year,
        as_of=table.as_of,
        associations=table.rows,
        totals=table.totals,
        issued=issued or date.today(),
    )


def _count(n: int | None) -> str:
    return NO_VALUE if n is None else f"{n:,}"


def _profile_pairs(report: CouncilProfileReport, date_style: str) -> list[tuple[str, str]]:
    founded = format_date(report.founded, date_style) if report.founded else NO_VALUE
    return [
        ("名称", report.council_name or NO_VALUE),
        ("代表者", report.representative or NO_VALUE),
        ("事務所の所在地", report.address or NO_VALUE),
        ("電話番号", report.phone or NO_VALUE),
        ("設立年月日", founded),
    ]


def figures_heading(report: CouncilProfileReport, date_style: str = "wareki") -> str:
    """「自治会別の世帯数・人口（令和8年4月1日現在）」, or （令和8年度） when there is no as-of date."""
    base = "自治会別の世帯数・人口"
    if report.as_of is not None:
        return f"{base}（{format_date(report.as_of, date_style)}現在）"
    if report.fiscal_year is not None:
        return f"{base}（{format_fiscal_year(report.fiscal_year, date_style)}）"
    return base


def _figure_row(f: AssociationFigures) -> list[str]:
    return [
        f.name,
        _count(f.households),
        _count(f.population),
        _count(f.aged_65_plus),
        format_rate(f.ageing_rate),
    ]


def write_council_pdf(report: CouncilProfileReport, out_path: Path, date_style: str = "wareki") -> PdfResult:
    """Write 協議会の概要 as a PDF; the result lists warnings about characters printed as 〓."""
    ctx = PdfContext(PageSpec(report.council_name, TITLE, report.issued, date_style))
    story = [ctx.key_value_table(_profile_pairs(report, date_style)), ctx.spacer(10)]
    story.append(ctx.heading(figures_heading(report, date_style)))
    if report.associations:
        rows = [FIGURE_COLUMNS, *(_figure_row(a) for a in report.associations), _figure_row(report.totals)]
        story.append(
            ctx.table(
                rows,
                [0.36, 0.16, 0.16, 0.16, 0.16],
                numeric_cols=(1, 2, 3, 4),
                total_rows=(len(rows) - 1,),
            )
        )
    else:
        story.append(ctx.para(NO_FIGURES_TEXT))
    return ctx.build(Path(out_path), story)


def write_council_xlsx(report: CouncilProfileReport, out_path: Path, date_style: str = "wareki") -> Path:
    """Write 協議会の概要 as xlsx: profile rows, then the figures table (totals as values).

    The 高齢化率 cells hold the rounded percentage as a fraction (55.72% → 0.5572), the same
    figure the PDF prints; unknown figures are left empty.
    """
    wb = new_workbook()
    sw = SheetWriter(
        wb,
        TITLE,
        council_name=report.council_name,
        doc_title=TITLE,
        date_text=format_date(report.issued, date_style),
    )
    sw.key_values(_profile_pairs(report, date_style), value_span=len(FIGURE_COLUMNS) - 1)
    sw.blank()
    sw.section(figures_heading(report, date_style))
    if report.associations:
        sw.header(FIGURE_COLUMNS, kinds=["text", "int", "int", "int", "rate"])
        for a in report.associations:
            sw.row([a.name, a.households, a.population, a.aged_65_plus, a.ageing_rate])
        t = report.totals
        sw.total_row([t.name, t.households, t.population, t.aged_65_plus, t.ageing_rate])
    else:
        sw.section(NO_FIGURES_TEXT)
    return save_workbook(wb, Path(out_path))
