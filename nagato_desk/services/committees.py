"""部会: the council's committees (総務, 福祉, 環境, 防災・安全 …), who sits on them, and the head (部会長).

A membership runs from ``joined_on`` (empty: from the start) to ``left_on``, the day the person
left (they no longer sit on the committee that day), as for members of the council. A committee
has at most one head among its current members; the flag stays on a membership that ended, so a
list of a past date shows the head of that time as long as nobody was made head since. The
部会長 role with its term (``services/officers.py``) is the full record over the years.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from nagato_desk.dates import format_date
from nagato_desk.errors import problem
from nagato_desk.models import Committee, CommitteeMembership, Member
from nagato_desk.services.member_stats import member_age
from nagato_desk.services.ordering import move_in_order, required_name

COMMITTEE_NAME_MAX = 100


def _key(name: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", name or "").split())


# -- committees ----------------------------------------------------------------------------


def list_committees(session: Session) -> list[Committee]:
    """Committees not in the trash, in the council's order."""
    return list(
        session.scalars(
            select(Committee)
            .where(Committee.deleted_at.is_(None))
            .order_by(Committee.sort_order, Committee.id)
        )
    )


def committee_by_name(session: Session, name: str, create: bool = False) -> Committee | None:
    """The committee named ``name`` (NFKC, spaces ignored), not in the trash; made when ``create``."""
    key = _key(name)
    if not key:
        return None
    found = next((c for c in list_committees(session) if _key(c.name) == key), None)
    if found is None and create:
        return add_committee(session, name)
    return found


def _check_name(session: Session, name: str, exclude_id: int | None = None) -> str:
    name = required_name(name, "部会の名称", "committee name", COMMITTEE_NAME_MAX)
    clash = committee_by_name(session, name)
    if clash is not None and clash.id != exclude_id:
        raise problem(
            f"部会「{clash.name}」はすでにあります。", f"'{clash.name}' already exists.", field="name"
        )
    return name


def _committee(session: Session, committee_id: int, *, in_trash_ok: bool = False) -> Committee:
    row = session.get(Committee, committee_id)
    if row is None or (row.deleted_at is not None and not in_trash_ok):
        raise problem("指定された部会が見つかりません。", "That committee does not exist.")
    return row


def add_committee(session: Session, name: str) -> Committee:
    name = _check_name(session, name)
    last = session.scalar(select(func.max(Committee.sort_order))) or 0
    row = Committee(name=name, sort_order=last + 1)
    session.add(row)
    session.flush()
    return row


def rename_committee(session: Session, committee_id: int, name: str) -> Committee:
    row = _committee(session, committee_id)
    row.name = _check_name(session, name, exclude_id=committee_id)
    session.flush()
    return row


def move_committee(session: Session, committee_id: int, delta: int) -> None:
    """Move a committee up (delta -1) or down (+1) in the list."""
    _committee(session, committee_id)
    move_in_order(list_committees(session), committee_id, delta)
    session.flush()


def delete_committee(session: Session, committee_id: int) -> None:
    """Move a committee to the trash (its memberships are kept and come back with it)."""
    _committee(session, committee_id).deleted_at = datetime.now().replace(microsecond=0)
    session.flush()


def restore_committee(session: Session, committee_id: int) -> Committee:
    row = _committee(session, committee_id, in_trash_ok=True)
    if row.deleted_at is None:
        return row
    clash = committee_by_name(session, row.name)
    if clash is not None:
        raise problem(
            f"同じ名前の部会「{clash.name}」があるため元に戻せません。先に名前を変えてください。",
            f"A committee named '{clash.name}' exists; rename it first.",
        )
    row.deleted_at = None
    session.flush()
    return row


# -- memberships ---------------------------------------------------------------------------


def _member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise problem("指定された会員が見つかりません。", "That member does not exist.", field="member_id")
    if member.deleted_at is not None:
        raise problem(
            f"{member.name}さんはごみ箱にあります。", f"{member.name} is in the trash.", field="member_id"
        )
    return member


def _open_memberships(session: Session, committee_id: int, today: date | None = None):
    """Memberships of people who sit on the committee now or will (not yet left)."""
    today = today or date.today()
    return session.scalars(
        select(CommitteeMembership)
        .join(CommitteeMembership.member)
        .where(CommitteeMembership.committee_id == committee_id, Member.deleted_at.is_(None))
        .where(or_(CommitteeMembership.left_on.is_(None), CommitteeMembership.left_on > today))
    ).all()


def join_committee(
    session: Session,
    committee_id: int,
    member_id: int,
    joined_on: date | None = None,
    is_head: bool = False,
) -> CommitteeMembership:
    """Put a member on a committee; refused while they already sit on it (or did on ``joined_on``)."""
    committee = _committee(session, committee_id)
    member = _member(session, member_id)
    earlier = session.scalars(
        select(CommitteeMembership).where(
            CommitteeMembership.committee_id == committee_id, CommitteeMembership.member_id == member_id
        )
    ).all()
    for m in earlier:
        still_there = m.left_on is None or (joined_on is not None and m.left_on > joined_on)
        if still_there:
            raise problem(
                f"{member.name}さんはすでに{committee.name}の部会員です。",
                f"{member.name} already sits on {committee.name}.",
                field="member_id",
            )
    row = CommitteeMembership(
        committee_id=committee_id, member_id=member_id, joined_on=joined_on, is_head=False
    )
    session.add(row)
    session.flush()
    if is_head:
        set_committee_head(session, committee_id, member_id)
    return row


def leave_committee(session: Session, membership_id: int, left_on: date) -> CommitteeMembership:
    """``left_on`` is the day they left; it may not come before the day they joined."""
    row = session.get(CommitteeMembership, membership_id)
    if row is None:
        raise problem("指定された部会員の記録が見つかりません。", "That membership does not exist.")
    if not isinstance(left_on, date):
        raise problem("退任の日付を入力してください。", "Enter the date they left.", field="left_on")
    if row.joined_on is not None and left_on < row.joined_on:
        raise problem(
            f"退任日（{format_date(left_on)}）が就任日（{format_date(row.joined_on)}）より前です。",
            f"They would leave ({left_on}) before they joined ({row.joined_on}).",
            field="left_on",
        )
    row.left_on = left_on
    session.flush()
    return row


def set_committee_head(session: Session, committee_id: int, member_id: int) -> CommitteeMembership:
    """Make one current member the head (部会長); the previous head stays on as a member."""
    committee = _committee(session, committee_id)
    member = _member(session, member_id)
    current = _open_memberships(session, committee_id)
    mine = next((m for m in current if m.member_id == member_id), None)
    if mine is None:
        raise problem(
            f"{member.name}さんは{committee.name}の部会員ではありません。先に部会に加えてください。",
            f"{member.name} does not sit on {committee.name}; add them first.",
            field="member_id",
        )
    for m in current:
        m.is_head = m is mine
    session.flush()
    return mine


@dataclass(frozen=True)
class CommitteeMemberRow:
    membership_id: int
    member_id: int
    name: str
    reading: str
    gender: str
    age: int | None
    is_head: bool
    joined_on: date | None
    left_on: date | None


def committee_members(
    session: Session, committee_id: int, on: date | None = None
) -> list[CommitteeMemberRow]:
    """Who sits on the committee on ``on`` (joined on or before, not yet left); without ``on``,
    everyone who has not left by today (those joining later included). Head first, then 50音;
    ages on ``on`` (today without it). People in the trash are left out."""
    _committee(session, committee_id, in_trash_ok=True)
    stmt = (
        select(CommitteeMembership, Member)
        .join(CommitteeMembership.member)
        .where(CommitteeMembership.committee_id == committee_id, Member.deleted_at.is_(None))
        .order_by(CommitteeMembership.is_head.desc(), Member.reading_key, CommitteeMembership.id)
    )
    day = on or date.today()
    stmt = stmt.where(or_(CommitteeMembership.left_on.is_(None), CommitteeMembership.left_on > day))
    if on is not None:
        stmt = stmt.where(or_(CommitteeMembership.joined_on.is_(None), CommitteeMembership.joined_on <= on))
    return [
        CommitteeMemberRow(
            membership_id=ms.id,
            member_id=m.id,
            name=m.name,
            reading=m.reading,
            gender=m.gender,
            age=member_age(m.birth_date, m.birth_year, day),
            is_head=ms.is_head,
            joined_on=ms.joined_on,
            left_on=ms.left_on,
        )
        for ms, m in session.execute(stmt)
    ]


def memberships_of(session: Session, member_id: int) -> list[CommitteeMembership]:
    """Every committee a person has sat on (current ones first), for the member's page."""
    return list(
        session.scalars(
            select(CommitteeMembership)
            .join(Committee)
            .where(CommitteeMembership.member_id == member_id, Committee.deleted_at.is_(None))
            .order_by(CommitteeMembership.left_on.is_not(None), Committee.sort_order)
        )
    )


def trashed_committees(session: Session) -> list[tuple[int, str, datetime]]:
    """(id, name, deleted at) of the committees in the trash, the latest deleted first."""
    stmt = (
        select(Committee.id, Committee.name, Committee.deleted_at)
        .where(Committee.deleted_at.is_not(None))
        .order_by(Committee.deleted_at.desc(), Committee.id.desc())
    )
    return [(cid, name, deleted) for cid, name, deleted in session.execute(stmt)]
