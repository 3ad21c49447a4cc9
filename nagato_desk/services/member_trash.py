"""ごみ箱: deleting a person moves them to the trash; they can be restored until it is emptied.

Import these through ``services/members.py``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.errors import problem
from nagato_desk.models import CommitteeMembership, Household, Member, OfficerTerm
from nagato_desk.services.member_rules import get_member, live_member


def delete_member(session: Session, member_id: int) -> None:
    """Move a person to the trash (ごみ箱); nothing else changes, and restoring brings them back."""
    member = live_member(session, member_id)
    member.deleted_at = datetime.now().replace(microsecond=0)
    session.flush()


def restore_member(session: Session, member_id: int) -> Member:
    member = get_member(session, member_id)
    if member.deleted_at is None:
        raise problem(f"「{member.name}」さんはごみ箱にありません。", f"{member.name} is not in the trash.")
    member.deleted_at = None
    session.flush()
    return member


def empty_trash(session: Session) -> int:
    """Delete the people in the trash for good, with their events, consents, committee seats and
    terms of office; returns how many people. Each row is deleted through the session, so the change
    history keeps what was removed."""
    trashed = list(session.scalars(select(Member).where(Member.deleted_at.is_not(None))))
    if not trashed:
        return 0
    ids = select(Member.id).where(Member.deleted_at.is_not(None)).scalar_subquery()
    for household in session.scalars(select(Household).where(Household.head_member_id.in_(ids))):
        household.head = None
        household.head_member_id = None
    for model in (CommitteeMembership, OfficerTerm):
        for row in session.scalars(select(model).where(model.member_id.in_(ids))):
            session.delete(row)
    session.flush()
    for member in trashed:
        session.delete(member)
    session.flush()
    return len(trashed)
