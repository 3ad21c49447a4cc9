"""Links between records (a cash entry and the dream-plan action it paid for, a budget and the
meeting that approved it, …): a link must point at a record that exists, or the user is told which
field is wrong instead of the database refusing the write."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError
from nagato_desk.models import Base

#: table → (Japanese, English) name of what it holds, for the messages
_TARGETS = {
    "meeting": ("会議", "meeting"),
    "plan_action": ("夢プランの取組", "dream-plan action"),
    "cash_entry": ("出納簿の行", "cash-book entry"),
}


def missing_link(session: Session, table: str, row_id: int | None, field: str) -> Problem | None:
    """A problem when ``row_id`` is given but no row of ``table`` has it."""
    if row_id is None:
        return None
    target = Base.metadata.tables[table]
    if session.execute(select(target.c.id).where(target.c.id == row_id)).first() is not None:
        return None
    ja, en = _TARGETS.get(table, (table, table))
    return Problem(
        f"指定された{ja}（{row_id}番）が見つかりません。", f"No {en} number {row_id}.", field=field
    )


def require_links(session: Session, *links: tuple[str, int | None, str]) -> None:
    """Raise for every (table, id, field) whose record does not exist; nothing is written."""
    problems = [p for link in links if (p := missing_link(session, *link)) is not None]
    if problems:
        raise ValidationError(problems)
