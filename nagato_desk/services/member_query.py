"""The member list's queries: ids in 50音 order for a lazy table model, the rows of one page, counts,
and possible duplicates. Import these through ``services/members.py``.

The list never loads ORM objects for every member: ``search_member_ids`` is one SQL query returning
ids (filters and order in SQL, on indexed keys), and the model asks ``member_rows`` for the page
it shows. The search box looks in ``Member.search_text`` (folded name, reading, phone digits).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from nagato_desk.models import (
    Block,
    CommitteeMembership,
    Consent,
    Member,
    NeighbourhoodAssociation,
    OfficerTerm,
)
from nagato_desk.reading import fold, fold_phone, looks_like_phone, sort_key

if TYPE_CHECKING:
    from nagato_desk.services.members import MemberDraft, MemberFilter, MemberRow

#: ids per query in ``member_rows`` (SQLite builds before 3.32 allow 999 parameters)
_ROWS_CHUNK = 900


def text_condition(text: str | None) -> ColumnElement[bool] | None:
    """The search box: every word must appear (in the name or the reading, any kana width);
    a query that looks like part of a phone number also matches the phone digits."""
    words = [fold(w) for w in (text or "").split()]
    words = [w for w in words if w]
    if not words:
        return None
    cond: ColumnElement[bool] = and_(*(Member.search_text.contains(w, autoescape=True) for w in words))
    if looks_like_phone(text or ""):
        cond = or_(cond, Member.search_text.contains(fold_phone(text), autoescape=True))
    return cond


def member_conditions(f: MemberFilter) -> list[ColumnElement[bool]]:
    """The filter as SQL conditions on ``Member`` (for the list, its count and reports)."""
    on = f.on or date.today()
    conds: list[ColumnElement[bool]] = [
        Member.deleted_at.is_not(None) if f.trash else Member.deleted_at.is_(None)
    ]
    text = text_condition(f.text)
    if text is not None:
        conds.append(text)
    if f.association_id is not None:
        conds.append(Member.association_id == f.association_id)
    if f.block_id is not None:
        conds.append(Member.block_id == f.block_id)
    if f.statuses:
        conds.append(Member.status.in_(f.statuses))
    if f.committee_id is not None:
        cm = CommitteeMembership
        conds.append(
            exists().where(
                cm.member_id == Member.id,
                cm.committee_id == f.committee_id,
                or_(cm.joined_on.is_(None), cm.joined_on <= on),
                or_(cm.left_on.is_(None), cm.left_on > on),
            )
        )
    if f.role_id is not None:
        # Both ends of a term are days in office (as in services/officers.py).
        conds.append(
            exists().where(
                OfficerTerm.member_id == Member.id,
                OfficerTerm.role_id == f.role_id,
                OfficerTerm.starts_on <= on,
                or_(OfficerTerm.ends_on.is_(None), OfficerTerm.ends_on >= on),
            )
        )
    if f.without_consent:
        conds.append(~exists().where(Consent.member_id == Member.id, Consent.withdrawn_on.is_(None)))
    return conds


def search_member_ids(session: Session, f: MemberFilter) -> list[int]:
    """Ids of the members the filter selects, in 50音 order of reading (then id): one query."""
    stmt = select(Member.id).where(*member_conditions(f)).order_by(Member.reading_key, Member.id)
    return list(session.scalars(stmt))


def count_members(session: Session, f: MemberFilter) -> int:
    return session.scalar(select(func.count(Member.id)).where(*member_conditions(f))) or 0


def member_rows(session: Session, ids: list[int]) -> list[MemberRow]:
    """The list's rows for these ids, in the order given (ids that do not exist are skipped)."""
    from nagato_desk.services.members import GENDER_LABELS, STATUS_LABELS, MemberRow

    found: dict[int, MemberRow] = {}
    for start in range(0, len(ids), _ROWS_CHUNK):
        chunk = ids[start : start + _ROWS_CHUNK]
        stmt = (
            select(Member, NeighbourhoodAssociation.name, Block.name)
            .outerjoin(NeighbourhoodAssociation, NeighbourhoodAssociation.id == Member.association_id)
            .outerjoin(Block, Block.id == Member.block_id)
            .where(Member.id.in_(chunk))
        )
        for m, assoc, block in session.execute(stmt):
            found[m.id] = MemberRow(
                id=m.id,
                name=m.name,
                reading=m.reading,
                gender=m.gender,
                birth_date=m.birth_date,
                birth_year=m.birth_year,
                address=m.address,
                phone=m.phone,
                association=assoc or "",
                block=block or "",
                status=m.status,
                household_id=m.household_id,
                status_ja=STATUS_LABELS.get(m.status, (m.status,))[0],
                gender_ja=GENDER_LABELS.get(m.gender, (m.gender,))[0],
                postal_code=m.postal_code,
                mobile=m.mobile,
                email=m.email,
                association_id=m.association_id,
                block_id=m.block_id,
                joined_on=m.joined_on,
                left_on=m.left_on,
                deleted=m.deleted_at is not None,
            )
    return [found[i] for i in ids if i in found]


def _reading_range(reading: str) -> tuple[str, str]:
    """Bounds of ``reading_key`` for every spelling of this reading (any kana width or spacing).

    ``reading_key`` is "0{primary}\\x01{folded}\\x01{as typed}"; all spellings share what comes
    before the last part, so a range on the indexed key finds them.
    """
    _empty, primary, folded, _raw = sort_key(reading)
    low = f"0{primary}\x01{folded}\x01"
    return low, low[:-1] + "\x02"


def find_duplicates(session: Session, draft: MemberDraft, exclude_id: int | None = None) -> list[Member]:
    """Members (not in the trash) who may be this person: the same reading and birth date, or the
    same name and address (both compared folded: width, kana form and spaces do not matter)."""
    found: dict[int, Member] = {}
    if fold(draft.reading) and draft.birth_date is not None:
        low, high = _reading_range(draft.reading.strip())
        # The trash is left out in Python: a condition on deleted_at would lure SQLite (without
        # statistics) away from the reading_key index.
        stmt = select(Member).where(
            Member.reading_key >= low, Member.reading_key < high, Member.birth_date == draft.birth_date
        )
        found.update((m.id, m) for m in session.scalars(stmt))
    name, address = fold(draft.name), fold(draft.address)
    if name and address:
        stmt = select(Member).where(Member.search_text.startswith(name + "\n", autoescape=True))
        found.update((m.id, m) for m in session.scalars(stmt) if fold(m.address) == address)
    hits = [m for m in found.values() if m.deleted_at is None and m.id != exclude_id]
    return sorted(hits, key=lambda m: (m.reading_key, m.id))


def find_duplicates_many(session: Session, drafts: list[MemberDraft]) -> list[list[Member]]:
    """``find_duplicates`` for every draft of an import, reading the members once (one query)
    instead of twice per draft; the lists are in the order of ``drafts``."""
    by_reading: dict[tuple[str, date], list[int]] = {}
    by_name: dict[tuple[str, str], list[int]] = {}
    stmt = select(Member.id, Member.name, Member.reading, Member.birth_date, Member.address).where(
        Member.deleted_at.is_(None)
    )
    for mid, name, reading, birth, address in session.execute(stmt):
        if fold(reading) and birth is not None:
            by_reading.setdefault((fold(reading), birth), []).append(mid)
        if fold(name) and fold(address):
            by_name.setdefault((fold(name), fold(address)), []).append(mid)
    hits: list[set[int]] = []
    for d in drafts:
        ids = set(by_reading.get((fold(d.reading), d.birth_date), ())) if fold(d.reading) else set()
        if fold(d.name) and fold(d.address):
            ids.update(by_name.get((fold(d.name), fold(d.address)), ()))
        hits.append(ids)
    wanted = sorted(set().union(*hits)) if hits else []
    members: dict[int, Member] = {}
    for start in range(0, len(wanted), _ROWS_CHUNK):
        chunk = wanted[start : start + _ROWS_CHUNK]
        members.update((m.id, m) for m in session.scalars(select(Member).where(Member.id.in_(chunk))))
    return [sorted((members[i] for i in ids), key=lambda m: (m.reading_key, m.id)) for ids in hits]
