"""変更履歴 for the 監事: every change between two dates (日時, 操作者, 対象, 内容), as xlsx and PDF.

The history holds old and new values of personal fields (addresses, phone numbers), so both
documents are marked 「取扱注意」.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import format_date
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.council import get_council
from nagato_desk.services.history import ChangeRow, changes_as_rows

TITLE = "変更履歴"
COLUMNS = ["日時", "操作者", "対象", "内容"]
NO_CHANGES_TEXT = "この期間の変更はありません。"


@dataclass(frozen=True)
class ChangeHistoryReport:
    council_name: str
    first: date  # the first day of the range
    last: date  # the last day of the range (inclusive)
    rows: list[ChangeRow]
    issued: date


def build_change_history(
    session: Session, first: date, last: date, issued: date | None = None, limit: int = 100_000
) -> ChangeHistoryReport:
    """The changes from the start of ``first`` to the end of ``last``, newest first."""
    council = get_council(session)
    rows = changes_as_rows(
        session,
        since=datetime.combine(first, time()),
        until=datetime.combine(last + timedelta(days=1), time()),
        limit=limit,
    )
    return ChangeHistoryReport(
        council_name=council.name if council is not None else "",
        first=first,
        last=last,
        rows=rows,
        issued=issued or date.today(),
    )


def period_text(report: ChangeHistoryReport, date_style: str = "wareki") -> str:
    return f"期間：{format_date(report.first, date_style)}～{format_date(report.last, date_style)}（{len(report.rows)}件）"


def at_text(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M:%S")


def _cells(row: ChangeRow) -> list[str]:
    return [at_text(row.at), row.user, row.target, row.content]


def write_change_history_xlsx(
    report: ChangeHistoryReport, out_path: Path, date_style: str = "wareki"
) -> Path:
    wb = new_workbook()
    sw = SheetWriter(
        wb,
        TITLE,
        council_name=report.council_name,
        doc_title=TITLE,
        date_text=format_date(report.issued, date_style),
        landscape=True,
        confidential=True,
    )
    sw.section(period_text(report, date_style))
    if report.rows:
        sw.header(COLUMNS)
        sw.rows([_cells(r) for r in report.rows])
    else:
        sw.section(NO_CHANGES_TEXT)
    return save_workbook(wb, Path(out_path))


def write_change_history_pdf(
    report: ChangeHistoryReport, out_path: Path, date_style: str = "wareki"
) -> PdfResult:
    ctx = PdfContext(
        PageSpec(report.council_name, TITLE, report.issued, date_style, landscape=True, confidential=True)
    )
    story = [ctx.para(period_text(report, date_style)), ctx.spacer(6)]
    if report.rows:
        story.append(ctx.table([COLUMNS, *(_cells(r) for r in report.rows)], [0.16, 0.12, 0.24, 0.48]))
    else:
        story.append(ctx.para(NO_CHANGES_TEXT))
    return ctx.build(Path(out_path), story)
