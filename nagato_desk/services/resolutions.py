"""議決事項一覧: the 審議事項 of every meeting and what was decided, across years, searchable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from nagato_desk.models import AgendaItem, Meeting
from nagato_desk.models.meeting import GENERAL_KINDS
from nagato_desk.reading import fold
from nagato_desk.services.meetings import kind_label, meeting_title
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
    """審議事項 by meeting date (oldest first), then their order on the agenda."""
    f = f or ResolutionFilter()
    stmt = (
        select(AgendaItem)
        .join(AgendaItem.meeting)
        .options(joinedload(AgendaItem.meeting).joinedload(Meeting.committee))
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
    for item in session.scalars(stmt).unique():
        m = item.meeting
        rows.append(
            ResolutionRow(
                item.id, m.id, m.number, m.held_on, m.fiscal_year, kind_label(m.kind), meeting_title(m),
                item_label(item), item.title, item.subject, item.result, result_label(item.result),
                vote_text(item), bool(item.override_result), item.plan_action_id,
            )
        )  # fmt: skip
    return rows
