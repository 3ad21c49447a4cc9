"""議決事項一覧: the 審議事項 of every meeting and what was decided, across years, searchable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.dates import format_fiscal_year
from nagato_desk.models import AgendaItem, Committee, Meeting
from nagato_desk.models.meeting import GENERAL_KINDS
from nagato_desk.reading import fold
from nagato_desk.services.meetings import kind_label
from nagato_desk.services.votes import item_label, result_label, vote_text


@dataclass
class ResolutionFilter:
    fiscal_year: int | None = None
    text: str | None = None  # every word in the title, proposal or discussion (any kana width)
    kind: str | None = None  # a meeting kind, or "general_any" for either 総会
    result: str | None = None  # passed / rejected / continued
    include_unvoted: bool = False


@dataclass(frozen=True)
class ResolutionRow:
    item_id: int
    meeting_id: int
    meeting_number: int
    held_on: date
    fiscal_year: int
    meeting_kind: str
    meeting_title: str
    label: str  # 第1号議案
    title: str
    subject: str
    result: str  # code
    result_label: str  # 可決
    vote: str  # 「賛成 12 名、反対 3 名…により可決」
    overridden: bool
    plan_action_id: int | None


def search_resolutions(session: Session, f: ResolutionFilter | None = None) -> list[ResolutionRow]:
    """審議事項 by meeting date (oldest first), then their order on the agenda: one query of plain
    columns (no objects are loaded), so every year of ten years of meetings lists at once."""
    f = f or ResolutionFilter()
    stmt = (
        select(
            AgendaItem.id,
            AgendaItem.section,
            AgendaItem.number,
            AgendaItem.title,
            AgendaItem.subject,
            AgendaItem.result,
            AgendaItem.computed_result,
            AgendaItem.override_result,
            AgendaItem.override_reason,
            AgendaItem.vote_method,
            AgendaItem.vote_rule,
            AgendaItem.votes_for,
            AgendaItem.votes_against,
            AgendaItem.votes_abstain,
            AgendaItem.plan_action_id,
            Meeting.id.label("meeting_id"),
            Meeting.number.label("meeting_number"),
            Meeting.held_on,
            Meeting.fiscal_year,
            Meeting.kind,
            Meeting.title.label("meeting_title"),
            Committee.name.label("committee_name"),
        )  # fmt: skip
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .outerjoin(Committee, Committee.id == Meeting.committee_id)
        .where(AgendaItem.section == "deliberation", Meeting.deleted_at.is_(None))
        .order_by(Meeting.held_on, Meeting.number, AgendaItem.position)
    )
    if not f.include_unvoted:
        stmt = stmt.where(AgendaItem.result != "")
    if f.fiscal_year is not None:
        stmt = stmt.where(Meeting.fiscal_year == f.fiscal_year)
    if f.kind == "general_any":
        stmt = stmt.where(Meeting.kind.in_(GENERAL_KINDS))
    elif f.kind:
        stmt = stmt.where(Meeting.kind == f.kind)
    if f.result:
        stmt = stmt.where(AgendaItem.result == f.result)
    for word in (f.text or "").split():
        stmt = stmt.where(AgendaItem.search_text.contains(fold(word), autoescape=True))
    rows = []
    for item in session.execute(stmt):
        rows.append(
            ResolutionRow(
                item.id, item.meeting_id, item.meeting_number, item.held_on, item.fiscal_year,
                kind_label(item.kind), _meeting_title(item), item_label(item), item.title, item.subject,
                item.result, result_label(item.result), vote_text(item), bool(item.override_result),
                item.plan_action_id,
            )
        )  # fmt: skip
    return rows


def _meeting_title(row) -> str:  # type: ignore[no-untyped-def]
    """``meetings.meeting_title`` from the columns of a row."""
    if row.meeting_title:
        return row.meeting_title
    if row.kind in GENERAL_KINDS:
        return f"{format_fiscal_year(row.fiscal_year)}{kind_label(row.kind)}"
    if row.kind == "committee" and row.committee_name is not None:
        return row.committee_name
    return kind_label(row.kind)
