"""What the meeting documents share: the meeting's facts as text (日時, 場所, the agenda), the
signature line with a 印 box, and a letter's layout (dated, addressed, signed by the council)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Table
from sqlalchemy.orm import Session

from nagato_desk.dates import format_date
from nagato_desk.models import Meeting
from nagato_desk.reports.pdf_base import GOTHIC, GRID_COLOUR, PdfContext
from nagato_desk.services.council import require_council
from nagato_desk.services.meetings import japanese_time, meeting_title, resolve_meeting
from nagato_desk.services.votes import item_label, meeting_agenda

WEEKDAYS = "月火水木金土日"
#: who a letter is addressed to, by who may attend
ADDRESSEES = {
    "members": "会員各位",
    "officers": "役員各位",
    "committee": "部会員各位",
    "delegates": "代議員各位",
}


def day_text(d: date, date_style: str = "wareki") -> str:
    """「令和8年5月20日（水）」."""
    return f"{format_date(d, date_style)}（{WEEKDAYS[d.weekday()]}）"


def when_text(m: Meeting, date_style: str = "wareki", *, with_end: bool = True) -> str:
    """「令和8年5月20日（水） 午後1時30分〜午後3時10分」."""
    text = day_text(m.held_on, date_style)
    if m.starts_at:
        text += f" {japanese_time(m.starts_at)}"
        if with_end and m.ends_at:
            text += f"〜{japanese_time(m.ends_at)}"
        elif not with_end:
            text += "から"
    return text


@dataclass(frozen=True)
class MeetingFacts:
    """The facts every meeting document prints."""

    council_name: str
    representative: str  # 会長 (the council's representative)
    number: int
    title: str  # 令和8年度定期総会
    kind: str
    eligibility: str
    when: str
    when_start: str  # 「…午後1時30分から」 for letters
    held_on: date
    place: str
    items: list[tuple[str, str]]  # (第1号議案, title) of the 審議事項
    reports: list[tuple[str, str]]  # (報告1, title)


def meeting_facts(session: Session, m: Meeting, date_style: str = "wareki") -> MeetingFacts:
    council = require_council(session)
    agenda = meeting_agenda(session, m.id)
    return MeetingFacts(
        council_name=council.name,
        representative=council.representative or "",
        number=m.number,
        title=meeting_title(m),
        kind=m.kind,
        eligibility=m.eligibility,
        when=when_text(m, date_style),
        when_start=when_text(m, date_style, with_end=False),
        held_on=m.held_on,
        place=m.place,
        items=[(item_label(i), i.title) for i in agenda if i.section == "deliberation"],
        reports=[(item_label(i), i.title) for i in agenda if i.section == "report"],
    )


def meeting_of(session: Session, request) -> Meeting:
    """The meeting ``--meeting`` names (a number or ``last``); without it the latest 総会."""
    return resolve_meeting(session, request.meeting)


def seal_line(
    ctx: PdfContext, role: str, name: str = "", *, width_fraction: float = 0.8, seal: bool = True
) -> Table:
    """「議長　山田 太郎　　　　（印）」: the role, the printed name (記名) or a blank to sign, a box for the seal."""
    box = 12 * mm
    widths = ctx.column_widths([0.3, 0.55, 0.15])
    widths = [w * width_fraction for w in widths]
    widths[-1] = box + 6
    data = [[ctx.para(role, "body"), ctx.para(name, "body"), ctx.para("印" if seal else "", "cell_center")]]
    return Table(
        data,
        colWidths=widths,
        rowHeights=[box + 4],
        hAlign="RIGHT",
        style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 10.5),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
            ("BOX", (2, 0), (2, 0), 0.8 if seal else 0, GRID_COLOUR if seal else colors.white),
            ("VALIGN", (2, 0), (2, 0), "MIDDLE"),
            ("TEXTCOLOR", (2, 0), (2, 0), GRID_COLOUR),
        ],
    )
