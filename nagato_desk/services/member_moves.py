"""Moving house (転居) and changing household (世帯の変更): the building blocks that
``members.move_member`` and the household actions in ``services/households.py`` share.

Import these through ``services/members.py``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from nagato_desk.errors import Problem
from nagato_desk.models import Block, Household, Member, MemberEvent
from nagato_desk.services.blocks import place_problems, resolve_place
from nagato_desk.services.member_rules import clean, required_date_problems


def expire_links(session: Session, obj: object) -> None:
    """The 自治会/班 ids were set directly (so the change history sees them): reload the objects."""
    session.flush()
    session.expire(obj, ["association", "block"])


def household_label(household: Household | None) -> str:
    """How a household is named in a person's history: 「山田 太郎世帯」, or its address."""
    if household is None:
        return ""
    head = household.head
    if head is not None and head.deleted_at is None:
        return f"{head.name}世帯"
    return household.address or f"世帯 {household.id}"


def set_household(
    session: Session, member: Member, household: Household | None, on: date | None = None, note: str = ""
) -> MemberEvent | None:
    """Put the person in ``household`` (None: in none), with a 世帯の変更 event; None if unchanged.

    Someone leaving the household they head leaves it without a head.
    """
    old = member.household
    if (old.id if old else None) == (household.id if household else None):
        return None
    event = MemberEvent(
        kind="household",
        on=on or date.today(),
        from_text=household_label(old),
        to_text=household_label(household),
        note=clean(note),
    )
    if old is not None and old.head_member_id == member.id:
        old.head = None
        old.head_member_id = None
    member.household = household
    member.household_id = household.id if household else None
    member.events.append(event)
    session.flush()
    return event


def move_problems(
    session: Session,
    on: date | None,
    address: str,
    postal_code: str,
    association_id: int | None,
    block_id: int | None,
) -> list[Problem]:
    """Why a move (転居) to this address and 自治会/班 cannot be recorded."""
    problems = required_date_problems(on, "転居日", "the date of the move", "on")
    address = clean(address)
    if not address:
        problems.append(
            Problem("転居先の住所を入力してください。", "Enter the new address.", field="address")
        )
    elif len(address) > 300:
        problems.append(
            Problem(
                "住所は300文字以内にしてください。",
                "The address is longer than 300 characters.",
                field="address",
            )
        )
    if len(clean(postal_code)) > 10:
        problems.append(
            Problem(
                "郵便番号は10文字以内にしてください。", "The postal code is too long.", field="postal_code"
            )
        )
    return problems + place_problems(session, association_id, block_id)


def new_place(
    session: Session, obj: Member | Household, association_id: int | None, block_id: int | None
) -> tuple[int | None, int | None]:
    """Where a move lands: a 自治会 or 班 not given stays as it was, unless it no longer fits."""
    association_id, block_id = resolve_place(session, association_id, block_id)
    if association_id is None:
        return obj.association_id, obj.block_id
    if block_id is None and obj.block_id is not None:
        old_block = session.get(Block, obj.block_id)
        if old_block is not None and old_block.association_id == association_id:
            block_id = obj.block_id
    return association_id, block_id


def apply_move(
    session: Session,
    member: Member,
    on: date,
    *,
    address: str,
    postal_code: str = "",
    association_id: int | None = None,
    block_id: int | None = None,
    note: str = "",
) -> MemberEvent:
    """The building block of a move (checked beforehand with ``move_problems``): new address and place,
    and a 転居 event from the old address to the new one."""
    event = MemberEvent(
        kind="moved", on=on, from_text=member.address, to_text=clean(address), note=clean(note)
    )
    member.association_id, member.block_id = new_place(session, member, association_id, block_id)
    member.address = clean(address)
    member.postal_code = clean(postal_code)
    member.events.append(event)
    expire_links(session, member)
    return event
