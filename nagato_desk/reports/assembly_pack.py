"""総会資料 (``export assembly-pack --meeting ID``): the booklet handed out at a 総会 — cover, table of
contents, 次第, then each 議案 of the meeting's agenda in order, each made from the records:

====================  ======================================================================
part                  what it prints
====================  ======================================================================
``activity_report``   事業報告書 of the fiscal year before the meeting's (by field)
``settlement``        収支決算書 and 監査報告書 of that year
``activity_plan``     事業計画書 of the meeting's fiscal year (with the budget only when the
                      agenda has no 収支予算 item of its own)
``budget``            収支予算書 of the meeting's fiscal year
``officers``          役員(案): the terms the election item made, else the officers in office
                      on the meeting day
``rules``, ``other``  the item's 提案の内容 (規約改正 and any other 議案)
====================  ======================================================================

An item's part comes from its stored kind (``AgendaItem.subject``: 役員選任, 規約改正) and, where that
kind covers two parts (``plan``: 事業報告 or 事業計画, ``budget``: 決算 or 予算) or is empty, from
keywords in its title (:func:`part_kind`). The writer is :mod:`nagato_desk.reports.pack_pdf`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.models import Meeting
from nagato_desk.models.agenda import AgendaItem
from nagato_desk.reports.activity_plan import build_activity_plan
from nagato_desk.reports.activity_report import build_activity_report
from nagato_desk.reports.audit_report import build_audit_report
from nagato_desk.reports.budget import build_budget_report
from nagato_desk.reports.meeting_parts import when_text
from nagato_desk.reports.officers import OfficerListReport, officer_list_rows
from nagato_desk.reports.settlement import build_settlement_report
from nagato_desk.services.council import require_council
from nagato_desk.services.elections import elected_rows
from nagato_desk.services.meetings import kind_label, meeting_title, resolve_meeting
from nagato_desk.services.officers import officers_as_of
from nagato_desk.services.votes import item_label, meeting_agenda

TITLE = "総会資料"
#: the heading each kind of part prints under the item's own title
PART_TITLES = {
    "activity_report": "事業報告書",
    "settlement": "収支決算書・監査報告書",
    "activity_plan": "事業計画書",
    "budget": "収支予算書",
    "officers": "役員名簿（案）",
    "rules": "規約改正案",
    "other": "提案の内容",
}
#: title keywords in the order they are tried (決算 before 予算: 「収支決算報告」 mentions neither twice)
KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("settlement", ("決算", "監査")),
    ("budget", ("予算",)),
    ("activity_report", ("事業報告", "活動報告")),
    ("activity_plan", ("事業計画", "活動計画")),
    ("officers", ("役員", "改選", "選任")),
    ("rules", ("規約", "会則")),
)
NO_PROPOSAL = "（提案の内容は登録されていません。）"


def part_kind(subject: str, title: str) -> str:
    """Which part an agenda item prints (see the module docstring)."""
    if subject == "election":
        return "officers"
    if subject == "rules":
        return "rules"
    by_keyword = next((kind for kind, words in KEYWORDS if any(w in title for w in words)), None)
    if subject == "plan":
        return "activity_report" if by_keyword == "activity_report" or "報告" in title else "activity_plan"
    if subject == "budget":
        return "settlement" if by_keyword == "settlement" else "budget"
    return by_keyword or "other"


@dataclass
class PackPart:
    label: str  # 第1号議案
    title: str  # the agenda item's title
    kind: str  # see PART_TITLES
    item_id: int
    fiscal_year: int  # the year its documents are of
    data: dict[str, Any] = field(default_factory=dict)  # the report objects of the part

    @property
    def heading(self) -> str:
        return f"{self.label}　{self.title}"


@dataclass
class AssemblyPack:
    council_name: str
    representative: str
    meeting_id: int
    meeting_number: int
    meeting_title: str  # 令和8年度定期総会
    ordinal_title: str  # 第10回定期総会 (臨時総会: 臨時総会)
    fiscal_year: int  # the meeting's
    report_year: int  # the year reported on (the one before)
    held_on: date
    when: str  # 令和8年5月20日（水） 午後1時30分〜午後3時10分
    place: str
    issued: date
    reports: list[tuple[str, str]]  # 報告事項 (報告1, title)
    parts: list[PackPart]


def ordinal_title(session: Session, m: Meeting) -> str:
    """「第10回定期総会」: a 定期総会 is held once a year, so n counts the fiscal years since the
    council was founded; without a founding date, the 定期総会 recorded up to this one."""
    if m.kind != "general":
        return kind_label(m.kind)
    founded = require_council(session).founded_on
    if founded is not None and fiscal_year_of(founded) <= m.fiscal_year:
        n = m.fiscal_year - fiscal_year_of(founded) + 1
    else:
        n = session.scalar(
            select(func.count(Meeting.id)).where(
                Meeting.kind == "general", Meeting.deleted_at.is_(None), Meeting.held_on <= m.held_on
            )
        )
    return f"第{n}回{kind_label(m.kind)}"


def _part(session: Session, m: Meeting, item: AgendaItem, kinds: set[str], issued: date) -> PackPart:
    kind = part_kind(item.subject, item.title)
    report_year = m.fiscal_year - 1
    fy = report_year if kind in ("activity_report", "settlement") else m.fiscal_year
    part = PackPart(item_label(item), item.title, kind, item.id, fy)
    if kind == "activity_report":
        part.data["report"] = build_activity_report(session, fy, "field", issued=issued)
    elif kind == "settlement":
        part.data["settlement"] = build_settlement_report(session, fy, issued=issued)
        part.data["audit"] = build_audit_report(session, fy, issued=issued)
    elif kind == "activity_plan":
        part.data["plan"] = build_activity_plan(session, fy, issued=issued)
        part.data["with_budget"] = "budget" not in kinds
    elif kind == "budget":
        part.data["budget"] = build_budget_report(session, fy, issued=issued)
    elif kind == "officers":
        elected = elected_rows(session, item.id)
        rows = elected or officers_as_of(session, m.held_on)
        council = require_council(session)
        part.data["officers"] = OfficerListReport(council.name, m.held_on, issued, officer_list_rows(rows))
        part.data["source"] = (
            f"{item_label(item)}で選任された役員（{len(elected)}名）"
            if elected
            else "開催日現在の役員（選任の結果が登録されていないため）"
        )
    else:
        part.data["text"] = item.proposal.strip() or NO_PROPOSAL
    return part


def build_assembly_pack(session: Session, meeting: Meeting, issued: date | None = None) -> AssemblyPack:
    council = require_council(session)
    issued = issued or date.today()
    agenda = meeting_agenda(session, meeting.id)
    items = [i for i in agenda if i.section == "deliberation"]
    kinds = {part_kind(i.subject, i.title) for i in items}
    return AssemblyPack(
        council_name=council.name,
        representative=council.representative or "",
        meeting_id=meeting.id,
        meeting_number=meeting.number,
        meeting_title=meeting_title(meeting),
        ordinal_title=ordinal_title(session, meeting),
        fiscal_year=meeting.fiscal_year,
        report_year=meeting.fiscal_year - 1,
        held_on=meeting.held_on,
        when=when_text(meeting),
        place=meeting.place,
        issued=issued,
        reports=[(item_label(i), i.title) for i in agenda if i.section == "report"],
        parts=[_part(session, meeting, i, kinds, issued) for i in items],
    )


def fiscal_year_text(pack: AssemblyPack, date_style: str = "wareki") -> str:
    return format_fiscal_year(pack.fiscal_year, date_style)


def export_assembly_pack(session: Session, request) -> list[str]:  # type: ignore[no-untyped-def]
    """``nagato-desk export assembly-pack --meeting N``; without ``--meeting``, the latest 総会."""
    from nagato_desk.reports.pack_pdf import write_assembly_pack

    meeting = resolve_meeting(session, request.meeting)
    pack = build_assembly_pack(session, meeting, issued=request.today)
    warnings = []
    if not pack.parts:
        warnings.append(
            "この会議には審議事項（議案）が登録されていません。表紙・目次・次第だけを書き出しました。"
        )
    for part in pack.parts:
        audit = part.data.get("audit")
        if audit is not None and audit.audited_on is None:
            warnings.append(f"{format_fiscal_year(part.fiscal_year)}の監査が登録されていません。")
    return warnings + write_assembly_pack(pack, request.out, request.date_style).warnings
