"""議決事項一覧 for a fiscal year: every 審議事項 decided at the council's meetings, with the result and
the vote (PDF and xlsx)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, format_date, format_fiscal_year
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.council import require_council
from nagato_desk.services.resolutions import ResolutionFilter, ResolutionRow, search_resolutions

TITLE = "議決事項一覧"
COLUMNS = ["開催日", "会議", "議案", "議題", "結果", "採決"]
EMPTY_TEXT = "この年度に議決された議案はありません。"


@dataclass(frozen=True)
class ResolutionsReport:
    council_name: str
    fiscal_year: int
    issued: date
    rows: list[ResolutionRow]


def build_resolutions_report(
    session: Session, fiscal_year: int, issued: date | None = None, text: str | None = None
) -> ResolutionsReport:
    council = require_council(session)
    rows = search_resolutions(session, ResolutionFilter(fiscal_year=fiscal_year, text=text))
    return ResolutionsReport(council.name, fiscal_year, issued or date.today(), rows)


def _cells(r: ResolutionRow, date_style: str) -> list[str]:
    vote = r.vote.removesuffix(f"により{r.result_label}")
    return [
        format_date(r.held_on, date_style),
        f"No.{r.meeting_number} {r.meeting_title}",
        r.label,
        r.title,
        r.result_label,
        vote,
    ]


def year_text(report: ResolutionsReport, date_style: str = "wareki") -> str:
    return format_fiscal_year(report.fiscal_year, date_style)


def write_resolutions_pdf(report: ResolutionsReport, out_path: Path, date_style: str = "wareki") -> PdfResult:
    title = f"{year_text(report, date_style)} {TITLE}"
    ctx = PdfContext(PageSpec(report.council_name, title, report.issued, date_style, landscape=True))
    story: list = []
    if report.rows:
        rows = [COLUMNS, *(_cells(r, date_style) for r in report.rows)]
        story.append(ctx.table(rows, [0.13, 0.19, 0.09, 0.27, 0.08, 0.24]))
    else:
        story.append(ctx.para(EMPTY_TEXT))
    return ctx.build(Path(out_path), story)


def write_resolutions_xlsx(report: ResolutionsReport, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    sw = SheetWriter(
        wb,
        TITLE,
        council_name=report.council_name,
        doc_title=TITLE,
        date_text=year_text(report, date_style),
        landscape=True,
    )
    if report.rows:
        sw.header(COLUMNS)
        sw.rows([_cells(r, date_style) for r in report.rows])
    else:
        sw.section(EMPTY_TEXT)
    return save_workbook(wb, Path(out_path))


def export_resolutions(session: Session, request) -> list[str]:
    """``nagato-desk export resolutions --year FY`` (this fiscal year without ``--year``)."""
    fy = request.fiscal_year or fiscal_year_of(request.today)
    report = build_resolutions_report(session, fy, issued=request.today)
    if request.format == "xlsx":
        write_resolutions_xlsx(report, request.out, request.date_style)
        return []
    return write_resolutions_pdf(report, request.out, request.date_style).warnings
