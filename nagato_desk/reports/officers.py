"""役員名簿 for the city: who holds which role on a date, with ふりがな, 選出母体 and term, as PDF and
xlsx. Home addresses and phone numbers are left out unless asked for (``include_contact``): the
city asks for names and roles only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_start, format_date
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.council import require_council
from nagato_desk.services.officers import officers_as_of

TITLE = "役員名簿"
COLUMNS = ["役職", "氏名", "ふりがな", "選出母体", "任期"]
CONTACT_COLUMNS = ["住所", "電話番号"]
EMPTY_TEXT = "この日に在任中の役員は登録されていません。"
CONTACT_NOTE = "個人情報（住所・電話番号）を含みます。取扱いに注意してください。"


@dataclass(frozen=True)
class OfficerListRow:
    role: str  # 「部会長（福祉部会）」 for a committee's role
    name: str
    reading: str
    chosen_by: str
    starts_on: date
    ends_on: date | None
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class OfficerListReport:
    council_name: str
    as_of: date
    issued: date
    rows: list[OfficerListRow]
    include_contact: bool = False


def build_officers_report(
    session: Session, as_of: date, issued: date | None = None, include_contact: bool = False
) -> OfficerListReport:
    """The officers in office on ``as_of``, by role order then 50音 (see ``officers_as_of``)."""
    council = require_council(session)
    rows = officer_list_rows(officers_as_of(session, as_of), include_contact)
    return OfficerListReport(council.name, as_of, issued or date.today(), rows, include_contact)


def officer_list_rows(officers: list, include_contact: bool = False) -> list[OfficerListRow]:
    """The list's rows for ``services.officers.OfficerRow`` s (in their order)."""
    return [
        OfficerListRow(
            role=f"{r.role}（{r.committee}）" if r.committee else r.role,
            name=r.name,
            reading=r.reading,
            chosen_by=r.chosen_by,
            starts_on=r.starts_on,
            ends_on=r.ends_on,
            address=r.address if include_contact else "",
            phone=r.phone if include_contact else "",
        )
        for r in officers
    ]


def term_text(row: OfficerListRow, date_style: str = "wareki") -> str:
    """「令和6年4月1日〜令和8年3月31日」; an open term ends with 〜."""
    end = format_date(row.ends_on, date_style) if row.ends_on else ""
    return f"{format_date(row.starts_on, date_style)}〜{end}"


def as_of_text(report: OfficerListReport, date_style: str = "wareki") -> str:
    return f"{format_date(report.as_of, date_style)}現在"


def _columns(report: OfficerListReport) -> list[str]:
    return COLUMNS + (CONTACT_COLUMNS if report.include_contact else [])


def _cells(report: OfficerListReport, row: OfficerListRow, date_style: str) -> list[str]:
    cells = [row.role, row.name, row.reading, row.chosen_by, term_text(row, date_style)]
    if report.include_contact:
        cells += [row.address, row.phone]
    return cells


def write_officers_pdf(report: OfficerListReport, out_path: Path, date_style: str = "wareki") -> PdfResult:
    """A4 portrait; landscape when addresses and phone numbers are included."""
    ctx = PdfContext(
        PageSpec(report.council_name, TITLE, report.issued, date_style, landscape=report.include_contact)
    )
    return ctx.build(Path(out_path), officers_story(ctx, report, date_style))


def officers_story(ctx: PdfContext, report: OfficerListReport, date_style: str = "wareki") -> list:
    """The flowables of the document below its title (the 総会資料 reuses them)."""
    story: list = [ctx.para(as_of_text(report, date_style), "body_right")]
    if report.include_contact:
        story.append(ctx.para(CONTACT_NOTE, "small"))
    story.append(ctx.spacer(6))
    if report.rows:
        # a term in full (令和6年4月1日〜令和8年12月31日) fits on one line in either orientation
        widths = [0.19, 0.14, 0.19, 0.17, 0.31]
        if report.include_contact:
            widths = [0.13, 0.10, 0.12, 0.11, 0.21, 0.22, 0.11]
        rows = [_columns(report), *(_cells(report, r, date_style) for r in report.rows)]
        story.append(ctx.table(rows, widths))
    else:
        story.append(ctx.para(EMPTY_TEXT))
    return story


def write_officers_xlsx(report: OfficerListReport, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    sw = SheetWriter(
        wb,
        TITLE,
        council_name=report.council_name,
        doc_title=TITLE,
        date_text=as_of_text(report, date_style),
        landscape=report.include_contact,
    )
    if report.include_contact:
        sw.section(CONTACT_NOTE)
    if report.rows:
        sw.header(_columns(report))
        sw.rows([_cells(report, r, date_style) for r in report.rows])
    else:
        sw.section(EMPTY_TEXT)
    return save_workbook(wb, Path(out_path))


def export_officers(session: Session, request) -> list[str]:
    """``nagato-desk export officers``: as of 1 April of ``request.fiscal_year``, else ``request.today``."""
    as_of = fiscal_year_start(request.fiscal_year) if request.fiscal_year else request.today
    report = build_officers_report(session, as_of, issued=request.today)
    if request.format == "xlsx":
        write_officers_xlsx(report, request.out, request.date_style)
        return []
    return write_officers_pdf(report, request.out, request.date_style).warnings
