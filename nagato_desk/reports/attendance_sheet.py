"""出席簿 to sign at the door: the eligible people in 50音 order with a box to sign, and lines for guests
(PDF), or the same table as xlsx."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.reports.meeting_parts import MeetingFacts, meeting_facts, meeting_of
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.attendance import attendance_rows
from nagato_desk.services.meetings import get_meeting

COLUMNS = ["番号", "氏名", "ふりがな", "自治会", "署名", "備考"]
GUEST_LINES = 5


@dataclass(frozen=True)
class AttendanceSheet:
    facts: MeetingFacts
    issued: date
    rows: list[tuple[str, str, str]]  # (name, reading, 自治会) in 50音 order
    guests: list[str]


def build_attendance_sheet(
    session: Session, meeting_id: int, issued: date | None = None, date_style: str = "wareki"
) -> AttendanceSheet:
    m = get_meeting(session, meeting_id, in_trash_ok=True)
    rows = [(r.name, r.reading, r.association) for r in attendance_rows(session, m.id)]
    guests = [f"{g.name}（{g.affiliation}）" if g.affiliation else g.name for g in m.guests]
    return AttendanceSheet(meeting_facts(session, m, date_style), issued or date.today(), rows, guests)


def _table_rows(sheet: AttendanceSheet) -> list[list[str]]:
    # the signing box is two lines high: room for a handwritten name
    return [
        [str(n), name, reading, assoc, "\n", ""]
        for n, (name, reading, assoc) in enumerate(sheet.rows, start=1)
    ]


def write_attendance_sheet_pdf(
    sheet: AttendanceSheet, out_path: Path, date_style: str = "wareki"
) -> PdfResult:
    f = sheet.facts
    ctx = PdfContext(PageSpec(f.council_name, f"{f.title} 出席簿", sheet.issued, date_style))
    story: list = [ctx.para(f"日時：{f.when}　場所：{f.place}"), ctx.spacer(4)]
    widths = [0.07, 0.2, 0.2, 0.15, 0.26, 0.12]
    story.append(ctx.table([COLUMNS, *_table_rows(sheet)], widths, numeric_cols=(0,), zebra=False))
    story += [ctx.heading("来賓・オブザーバー")]
    guest_rows = [[g, ""] for g in sheet.guests] + [["", ""] for _ in range(GUEST_LINES)]
    story.append(ctx.table([["氏名（所属）", "署名"], *guest_rows], [0.6, 0.4], zebra=False))
    return ctx.build(Path(out_path), story)


def write_attendance_sheet_xlsx(sheet: AttendanceSheet, out_path: Path, date_style: str = "wareki") -> Path:
    f = sheet.facts
    wb = new_workbook()
    sw = SheetWriter(
        wb, "出席簿", council_name=f.council_name, doc_title=f"{f.title} 出席簿", date_text=f.when
    )
    sw.section(f"場所：{f.place}")
    sw.header(COLUMNS, kinds=["int", "text", "text", "text", "text", "text"])
    sw.rows(
        [[n, name, reading, assoc, "", ""] for n, (name, reading, assoc) in enumerate(sheet.rows, start=1)]
    )
    return save_workbook(wb, Path(out_path))


def export_attendance_sheet(session: Session, request) -> list[str]:
    m = meeting_of(session, request)
    sheet = build_attendance_sheet(session, m.id, issued=request.today, date_style=request.date_style)
    if request.format == "xlsx":
        write_attendance_sheet_xlsx(sheet, request.out, request.date_style)
        return []
    return write_attendance_sheet_pdf(sheet, request.out, request.date_style).warnings
