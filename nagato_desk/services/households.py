"""世帯: households — address, 自治会 and 班, who heads them, who lives in them; moving and leaving
as a whole household is one action with a date, written into every member's history.

A member's own address, 自治会 and 班 are kept on the member (people in one household usually share
them; the household actions keep them in step).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import Block, Household, Member, MemberEvent, NeighbourhoodAssociation
from nagato_desk.reading import fold_phone
from nagato_desk.services.blocks import place_problems, resolve_place
from nagato_desk.services.member_rules import clean
from nagato_desk.services.members import (
    apply_move,
    expire_links,
    leaving_problems,
    live_member,
    move_problems,
    new_place,
    record_leaving,
    set_household,
)

#: The note on the 世帯の変更 event of members detached when their household goes to the trash;
#: restoring the household brings back the people whose last event still says so.
DELETED_NOTE = "世帯を削除（世帯番号 {id}）"


@dataclass
class HouseholdDraft:
    """What the household form collects."""

    association_id: int | None = None
    block_id: int | None = None
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    notes: str = ""
    head_member_id: int | None = None


@dataclass(frozen=True)
class HouseholdRow:
    """One line of the household list; ``member_count`` counts members in 在籍 (not in the trash)."""

    id: int
    head_name: str
    member_count: int
    address: str
    association: str
    block: str


def get_household(session: Session, household_id: int | None) -> Household:
    """The household with this id, in the trash or not."""
    row = session.get(Household, household_id) if household_id is not None else None
    if row is None:
        raise problem("指定された世帯が見つかりません。", "That household does not exist.")
    return row


def _live(session: Session, household_id: int | None) -> Household:
    row = get_household(session, household_id)
    if row.deleted_at is not None:
        raise problem(
            "この世帯はごみ箱にあります。元に戻してから操作してください。",
            "This household is in the trash; restore it first.",
        )
    return row


def _problems(session: Session, draft: HouseholdDraft) -> list[Problem]:
    problems = place_problems(session, draft.association_id, draft.block_id)
    for attr, limit, ja, en in (
        ("postal_code", 10, "郵便番号", "The postal code"),
        ("address", 300, "住所", "The address"),
        ("phone", 40, "電話番号", "The phone number"),
    ):
        if len(clean(getattr(draft, attr))) > limit:
            problems.append(
                Problem(
                    f"{ja}は{limit}文字以内にしてください。",
                    f"{en} is longer than {limit} characters.",
                    field=attr,
                )
            )
    if clean(draft.phone) and not fold_phone(draft.phone):
        problems.append(
            Problem("電話番号に数字がありません。", "The phone number has no digits.", field="phone")
        )
    return problems


def _head_problem(session: Session, member_id: int, household: Household | None) -> Problem | None:
    member = session.get(Member, member_id)
    if member is None or member.deleted_at is not None:
        return Problem(
            "世帯主に指定された会員が見つかりません。", "The head does not exist.", field="head_member_id"
        )
    if household is not None and member.household_id != household.id:
        return Problem(
            f"「{member.name}」さんはこの世帯の一員ではありません。",
            f"{member.name} is not a member of this household.",
            field="head_member_id",
        )
    return None


def _apply(session: Session, household: Household, draft: HouseholdDraft) -> None:
    household.association_id, household.block_id = resolve_place(
        session, draft.association_id, draft.block_id
    )
    household.postal_code = clean(draft.postal_code)
    household.address = clean(draft.address)
    household.phone = clean(draft.phone)
    household.notes = (draft.notes or "").strip()


def add_household(session: Session, draft: HouseholdDraft) -> Household:
    """Register a household; a head given here joins it (see ``add_to_household``) and heads it."""
    problems = _problems(session, draft)
    if draft.head_member_id is not None:
        head_problem = _head_problem(session, draft.head_member_id, None)
        problems += [head_problem] if head_problem else []
    if problems:
        raise ValidationError(problems)
    household = Household()
    _apply(session, household, draft)
    session.add(household)
    expire_links(session, household)
    if draft.head_member_id is not None:
        # Head first, so the head's history names the household 「…世帯」 from the start.
        head = live_member(session, draft.head_member_id)
        household.head, household.head_member_id = head, head.id
        add_to_household(session, household.id, head.id)
    return household


def update_household(session: Session, household_id: int, draft: HouseholdDraft) -> Household:
    """Save the household form (a correction: a move is ``move_household``). Members whose address,
    postal code, 自治会 or 班 was the household's follow the corrected value; no event is written."""
    household = _live(session, household_id)
    problems = _problems(session, draft)
    if draft.head_member_id is not None:
        head_problem = _head_problem(session, draft.head_member_id, household)
        problems += [head_problem] if head_problem else []
    if problems:
        raise ValidationError(problems)
    fields = ("association_id", "block_id", "postal_code", "address")
    before = {f: getattr(household, f) for f in fields}
    _apply(session, household, draft)
    household.head_member_id = draft.head_member_id
    for member in household.members:
        for f in fields:
            if getattr(member, f) == before[f]:
                setattr(member, f, getattr(household, f))
        if member.block_id is not None:
            block = session.get(Block, member.block_id)
            if block is None or block.association_id != member.association_id:
                member.block_id = None
        expire_links(session, member)
    expire_links(session, household)
    session.expire(household, ["head"])
    return household


def draft_of(household: Household) -> HouseholdDraft:
    return HouseholdDraft(
        association_id=household.association_id,
        block_id=household.block_id,
        postal_code=household.postal_code,
        address=household.address,
        phone=household.phone,
        notes=household.notes,
        head_member_id=household.head_member_id,
    )


def add_to_household(
    session: Session, household_id: int, member_id: int, *, on: date | None = None, note: str = ""
) -> Member:
    """The person joins the household (leaving any other); a 自治会, 班 or address they lack is
    copied from the household."""
    household = _live(session, household_id)
    member = live_member(session, member_id)
    if member.household_id == household.id:
        return member
    set_household(session, member, household, on, note)
    if member.association_id is None and household.association_id is not None:
        member.association_id = household.association_id
        if member.block_id is None:
            member.block_id = household.block_id
    elif member.block_id is None and member.association_id == household.association_id:
        member.block_id = household.block_id
    if not member.address:
        member.address = household.address
        member.postal_code = household.postal_code
    expire_links(session, member)
    return member


def remove_from_household(
    session: Session, member_id: int, *, on: date | None = None, note: str = ""
) -> Member:
    """The person is no longer part of their household (the household's head if it was them)."""
    member = live_member(session, member_id)
    if member.household_id is None:
        raise problem(
            f"「{member.name}」さんはどの世帯にも属していません。", f"{member.name} is in no household."
        )
    set_household(session, member, None, on, note)
    return member


def set_head(session: Session, household_id: int, member_id: int) -> Household:
    """世帯主: the head must be one of the household's members."""
    household = _live(session, household_id)
    head_problem = _head_problem(session, member_id, household)
    if head_problem is not None:
        raise ValidationError([head_problem])
    household.head_member_id = member_id
    session.flush()
    session.expire(household, ["head"])
    return household


def _members(household: Household) -> list[Member]:
    return [m for m in household.members if m.deleted_at is None]


def move_household(
    session: Session,
    household_id: int,
    on: date,
    *,
    address: str,
    postal_code: str = "",
    association_id: int | None = None,
    block_id: int | None = None,
    note: str = "",
) -> list[MemberEvent]:
    """転居 of the whole household in one action: the household and every member in it get the new
    address (and 自治会・班 when given), each member with a 転居 event; returns those events."""
    household = _live(session, household_id)
    problems = move_problems(session, on, address, postal_code, association_id, block_id)
    if problems:
        raise ValidationError(problems)
    place = new_place(session, household, association_id, block_id)
    events = [
        apply_move(
            session,
            member,
            on,
            address=address,
            postal_code=postal_code,
            association_id=place[0],
            block_id=place[1],
            note=note,
        )
        for member in _members(household)
    ]
    household.association_id, household.block_id = place
    household.address = clean(address)
    household.postal_code = clean(postal_code)
    expire_links(session, household)
    return events


def household_leaves(
    session: Session, household_id: int, on: date, status: str = "moved", note: str = ""
) -> list[MemberEvent]:
    """The whole household leaves (転出 by default): every member in 在籍 leaves with this status
    and date. Nothing is written unless every one of them can."""
    household = _live(session, household_id)
    active = [m for m in _members(household) if m.status == "active"]
    if not active:
        raise problem("この世帯には在籍中の会員がいません。", "Nobody in this household is an active member.")
    problems = []
    for member in active:
        problems += [
            Problem(f"{member.name}：{p.ja}", f"{member.name}: {p.en}", field=p.field)
            for p in leaving_problems(member, status, on)
        ]
    if problems:
        raise ValidationError(problems)
    return [record_leaving(session, m.id, status, on, note) for m in active]


def delete_household(session: Session, household_id: int) -> None:
    """Move a household to the trash. Its members stay, no longer in any household (a 世帯の変更
    event says so); restoring the household brings them back."""
    household = _live(session, household_id)
    note = DELETED_NOTE.format(id=household.id)
    head = household.head
    for member in list(household.members):
        set_household(session, member, None, note=note)
    # The head is kept for restoring (the trash is not listed, so nobody sees a head outside).
    household.head, household.head_member_id = head, head.id if head else None
    household.deleted_at = datetime.now().replace(microsecond=0)
    session.flush()


def restore_household(session: Session, household_id: int) -> Household:
    """Bring a household back from the trash, with the members its deletion detached who are still
    in no household since."""
    household = get_household(session, household_id)
    if household.deleted_at is None:
        raise problem("この世帯はごみ箱にありません。", "This household is not in the trash.")
    household.deleted_at = None
    note = DELETED_NOTE.format(id=household.id)
    detached = session.scalars(
        select(Member).where(Member.household_id.is_(None)).join(MemberEvent).where(MemberEvent.note == note)
    ).unique()
    for member in detached:
        last = max(member.events, key=lambda e: (e.on, e.id))
        if last.kind == "household" and last.note == note:
            set_household(session, member, household, note="世帯を元に戻した")
    if household.head_member_id is not None:
        head = session.get(Member, household.head_member_id)
        if head is None or head.household_id != household.id:
            household.head_member_id = None
    session.flush()
    session.expire(household, ["head"])
    return household


def list_households(
    session: Session, association_id: int | None = None, block_id: int | None = None, *, trash: bool = False
) -> list[HouseholdRow]:
    """Households (or those of one 自治会 / 班) in 50音 order of the head's reading; households
    without a head come last. ``trash`` lists the trash instead."""
    head = aliased(Member)
    counts = (
        select(Member.household_id, func.count().label("n"))
        .where(Member.deleted_at.is_(None), Member.status == "active")
        .group_by(Member.household_id)
        .subquery()
    )
    stmt = (
        select(
            Household.id,
            head.name,
            func.coalesce(counts.c.n, 0),
            Household.address,
            NeighbourhoodAssociation.name,
            Block.name,
        )
        .outerjoin(head, (head.id == Household.head_member_id) & head.deleted_at.is_(None))
        .outerjoin(counts, counts.c.household_id == Household.id)
        .outerjoin(NeighbourhoodAssociation, NeighbourhoodAssociation.id == Household.association_id)
        .outerjoin(Block, Block.id == Household.block_id)
        .where(Household.deleted_at.is_not(None) if trash else Household.deleted_at.is_(None))
        .order_by(head.reading_key.is_(None), head.reading_key, Household.id)
    )
    if association_id is not None:
        stmt = stmt.where(Household.association_id == association_id)
    if block_id is not None:
        stmt = stmt.where(Household.block_id == block_id)
    return [
        HouseholdRow(
            id=i, head_name=name or "", member_count=n, address=addr, association=a or "", block=b or ""
        )
        for i, name, n, addr, a, b in session.execute(stmt)
    ]
