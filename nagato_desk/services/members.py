"""会員: persons — adding, editing, searching (lazy, 50音 order), leaving, trash, consent.

Every user intent is one function here; the window, the command line, the importer and the tests all
call these. Search keys (``reading_key``, ``search_text``) are derived here on every write.

To keep modules small, parts live next door and are imported from here (call them through this
module): the rules (``member_rules``), the list's queries and duplicates (``member_query``), moving
house and changing household (``member_moves``), the trash (``member_trash``) and consent
(``member_consent``). Household actions are in ``households``, 班 in ``blocks``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import Household, Member, MemberEvent
from nagato_desk.services.blocks import place_problems, resolve_place
from nagato_desk.services.member_consent import add_consent, has_consent, withdraw_consent
from nagato_desk.services.member_moves import (
    apply_move,
    expire_links,
    household_label,
    move_problems,
    new_place,
    set_household,
)
from nagato_desk.services.member_query import (
    count_members,
    find_duplicates,
    find_duplicates_many,
    member_conditions,
    member_rows,
    search_member_ids,
)
from nagato_desk.services.member_rules import (
    clean,
    get_member,
    live_member,
    reading_key_of,
    required_date_problems,
    search_text_of,
    validate_member,
)
from nagato_desk.services.member_trash import delete_member, empty_trash, restore_member

__all__ = [
    "CONSENT_PURPOSES",
    "EVENT_LABELS",
    "GENDER_LABELS",
    "LEAVING_EVENT_KINDS",
    "STATUS_LABELS",
    "MemberDraft",
    "MemberFilter",
    "MemberRow",
    "add_consent",
    "add_member",
    "apply_move",
    "count_members",
    "delete_member",
    "draft_of",
    "empty_trash",
    "find_duplicates",
    "find_duplicates_many",
    "gender_label",
    "get_member",
    "has_consent",
    "household_label",
    "leaving_problems",
    "live_member",
    "member_conditions",
    "member_rows",
    "move_member",
    "move_problems",
    "new_place",
    "record_leaving",
    "rejoin",
    "restore_member",
    "search_member_ids",
    "set_household",
    "status_label",
    "update_member",
    "validate_member",
    "withdraw_consent",
]

#: 在籍・退会・転出・死亡 — (Japanese, English) labels of Member.status
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "active": ("在籍", "active"),
    "withdrawn": ("退会", "withdrawn"),
    "moved": ("転出", "moved away"),
    "deceased": ("死亡", "deceased"),
}

#: Member.gender: "" when not recorded
GENDER_LABELS: dict[str, tuple[str, str]] = {
    "F": ("女性", "female"),
    "M": ("男性", "male"),
    "X": ("その他", "other"),
    "": ("", ""),
}

#: MemberEvent.kind → (Japanese, English) labels, for a person's history
EVENT_LABELS: dict[str, tuple[str, str]] = {
    "joined": ("入会", "joined"),
    "moved": ("転居", "moved house"),
    "household": ("世帯の変更", "household changed"),
    "withdrawn": ("退会", "withdrew"),
    "moved_out": ("転出", "moved away"),
    "deceased": ("死亡", "died"),
    "rejoined": ("再入会", "rejoined"),
}

#: The statuses a member leaves with, and the kind of event each writes (転出 is not 転居 "moved").
LEAVING_EVENT_KINDS: dict[str, str] = {"withdrawn": "withdrawn", "moved": "moved_out", "deceased": "deceased"}


def status_label(code: str, lang: str = "ja") -> str:
    ja, en = STATUS_LABELS.get(code, (code, code))
    return en if lang == "en" else ja


def gender_label(code: str, lang: str = "ja") -> str:
    ja, en = GENDER_LABELS.get(code or "", (code, code))
    return en if lang == "en" else ja


#: Purposes a person can consent to (the list is open; these are offered first).
CONSENT_PURPOSES = (
    "会員名簿の作成・管理",
    "協議会からの連絡",
    "市への名簿の提出",
    "広報誌・ホームページへの掲載",
)


@dataclass
class MemberDraft:
    """What the member form and the importer collect for one person."""

    name: str
    reading: str = ""
    gender: str = ""  # "", "F", "M", "X"
    birth_date: date | None = None
    birth_year: int | None = None  # when only the year is known (birth_date wins when both)
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    mobile: str = ""
    email: str = ""
    association_id: int | None = None
    block_id: int | None = None
    household_id: int | None = None
    status: str = "active"
    joined_on: date | None = None
    left_on: date | None = None
    notes: str = ""


@dataclass
class MemberFilter:
    """The member list's filters; empty fields do not filter."""

    text: str = ""  # name or reading (hiragana, katakana, half-width all match) or phone digits
    association_id: int | None = None
    block_id: int | None = None
    committee_id: int | None = None
    role_id: int | None = None  # holds this role on ``on`` (default today)
    statuses: tuple[str, ...] = ("active",)  # empty tuple: every status
    on: date | None = None
    without_consent: bool = False  # only people with no consent recorded
    trash: bool = False  # the trash instead of the list


@dataclass(frozen=True)
class MemberRow:
    """One line of the member list (plain values, ready to show)."""

    id: int
    name: str
    reading: str
    gender: str
    birth_date: date | None
    birth_year: int | None
    address: str
    phone: str
    association: str
    block: str
    status: str
    household_id: int | None
    extra: dict[str, str] = field(default_factory=dict)
    # ``status`` and ``gender`` above are the codes; their Japanese labels, ready to show:
    status_ja: str = ""
    gender_ja: str = ""
    postal_code: str = ""
    mobile: str = ""
    email: str = ""
    association_id: int | None = None
    block_id: int | None = None
    joined_on: date | None = None
    left_on: date | None = None
    deleted: bool = False


# -- adding and editing ----------------------------------------------------------------------


def _prepare(session: Session, draft: MemberDraft) -> tuple[MemberDraft, Household | None]:
    """Check the draft against the rules and the database; fill 自治会・班・住所 from the household."""
    problems = validate_member(draft)
    household = None
    if draft.household_id is not None:
        household = session.get(Household, draft.household_id)
        if household is None or household.deleted_at is not None:
            problems.append(
                Problem(
                    "指定された世帯が見つかりません。", "That household does not exist.", field="household_id"
                )
            )
            household = None
    assoc_id, block_id = draft.association_id, draft.block_id
    if household is not None:
        if assoc_id is None and block_id is None:
            assoc_id, block_id = household.association_id, household.block_id
        elif block_id is None and assoc_id == household.association_id:
            block_id = household.block_id
        if not clean(draft.address):
            postal = clean(draft.postal_code) or household.postal_code
            draft = replace(draft, address=household.address, postal_code=postal)
    problems += place_problems(session, assoc_id, block_id)
    if problems:
        raise ValidationError(problems)
    assoc_id, block_id = resolve_place(session, assoc_id, block_id)
    return replace(draft, association_id=assoc_id, block_id=block_id), household


def _apply(member: Member, draft: MemberDraft) -> None:
    member.name = clean(draft.name)
    member.reading = clean(draft.reading)
    member.gender = draft.gender or ""
    member.birth_date = draft.birth_date
    # "birth_date wins when both": the year always agrees with the date, so age bands can use it.
    member.birth_year = draft.birth_date.year if draft.birth_date else draft.birth_year
    member.postal_code = clean(draft.postal_code)
    member.address = clean(draft.address)
    member.phone = clean(draft.phone)
    member.mobile = clean(draft.mobile)
    member.email = clean(draft.email)
    member.association_id = draft.association_id
    member.block_id = draft.block_id
    member.status = draft.status
    member.joined_on = draft.joined_on
    member.left_on = draft.left_on
    member.notes = (draft.notes or "").strip()
    member.reading_key = reading_key_of(member.reading)
    member.search_text = search_text_of(member.name, member.reading, member.phone, member.mobile)


def add_member(session: Session, draft: MemberDraft) -> Member:
    """Register a person; a 入会 event is written when the joining date is known."""
    draft, household = _prepare(session, draft)
    member = Member()
    _apply(member, draft)
    member.household = household
    if draft.joined_on is not None:
        member.events.append(MemberEvent(kind="joined", on=draft.joined_on))
    session.add(member)
    expire_links(session, member)
    return member


def update_member(session: Session, member_id: int, draft: MemberDraft) -> Member:
    """Save the member form. Leaving and moving have their own actions (with a date and an event)."""
    member = live_member(session, member_id)
    draft, household = _prepare(session, draft)
    set_household(session, member, household)
    _apply(member, draft)
    joined = next((e for e in member.events if e.kind == "joined"), None)
    if draft.joined_on is None and joined is not None:
        member.events.remove(joined)
    elif draft.joined_on is not None and joined is None:
        member.events.append(MemberEvent(kind="joined", on=draft.joined_on))
    elif joined is not None:
        joined.on = draft.joined_on
    expire_links(session, member)
    return member


def draft_of(member: Member) -> MemberDraft:
    """The member as the form edits it."""
    return MemberDraft(
        name=member.name,
        reading=member.reading,
        gender=member.gender,
        birth_date=member.birth_date,
        birth_year=member.birth_year,
        postal_code=member.postal_code,
        address=member.address,
        phone=member.phone,
        mobile=member.mobile,
        email=member.email,
        association_id=member.association_id,
        block_id=member.block_id,
        household_id=member.household_id,
        status=member.status,
        joined_on=member.joined_on,
        left_on=member.left_on,
        notes=member.notes,
    )


# -- leaving, coming back, moving house ------------------------------------------------------


def leaving_problems(member: Member, status: str, on: date | None) -> list[Problem]:
    """Why this person cannot leave with ``status`` on ``on`` (empty: they can)."""
    problems = []
    if status not in LEAVING_EVENT_KINDS:
        problems.append(
            Problem(
                f"「{status}」は選べません。退会・転出・死亡のいずれかを選んでください。",
                f"'{status}' is not a way of leaving: choose withdrawn, moved or deceased.",
                field="status",
            )
        )
    if member.status != "active":
        label = status_label(member.status)
        problems.append(
            Problem(
                f"「{member.name}」さんはすでに「{label}」になっています。",
                f"{member.name} is already {status_label(member.status, 'en')}.",
            )
        )
    problems += required_date_problems(on, "退会日", "the leaving date", "left_on")
    if not problems and member.joined_on is not None and on < member.joined_on:  # type: ignore[operator]
        problems.append(
            Problem(
                f"退会日が入会日（{member.joined_on.isoformat()}）より前です。",
                f"The leaving date is before the joining date ({member.joined_on.isoformat()}).",
                field="left_on",
            )
        )
    return problems


def record_leaving(session: Session, member_id: int, status: str, on: date, note: str = "") -> MemberEvent:
    """退会・転出・死亡: the person leaves on ``on``; status, leaving date and an event in one action."""
    member = live_member(session, member_id)
    problems = leaving_problems(member, status, on)
    if problems:
        raise ValidationError(problems)
    event = MemberEvent(
        kind=LEAVING_EVENT_KINDS[status],
        on=on,
        from_text=status_label(member.status),
        to_text=status_label(status),
        note=clean(note),
    )
    member.status = status
    member.left_on = on
    member.events.append(event)
    session.flush()
    return event


def rejoin(session: Session, member_id: int, on: date, note: str = "") -> MemberEvent:
    """再入会: someone who left is a member again from ``on`` (their leaving stays in the history)."""
    member = live_member(session, member_id)
    if member.status == "active":
        raise problem(f"「{member.name}」さんは在籍中です。", f"{member.name} is already an active member.")
    problems = required_date_problems(on, "再入会日", "the date of rejoining", "joined_on")
    if not problems and member.left_on is not None and on < member.left_on:
        problems.append(
            Problem(
                f"再入会日が退会日（{member.left_on.isoformat()}）より前です。",
                f"The date of rejoining is before the leaving date ({member.left_on.isoformat()}).",
                field="joined_on",
            )
        )
    if problems:
        raise ValidationError(problems)
    event = MemberEvent(
        kind="rejoined",
        on=on,
        from_text=status_label(member.status),
        to_text=status_label("active"),
        note=clean(note),
    )
    member.status = "active"
    member.left_on = None
    member.events.append(event)
    session.flush()
    return event


def move_member(
    session: Session,
    member_id: int,
    on: date,
    *,
    address: str,
    postal_code: str = "",
    association_id: int | None = None,
    block_id: int | None = None,
    household_id: int | None = None,
    note: str = "",
) -> MemberEvent:
    """転居: one person moves house. Moving into ``household_id`` joins that household (and its 自治会
    and 班 unless given); moving without one leaves the household they were in, which stays put."""
    member = live_member(session, member_id)
    household = None
    problems = []
    if household_id is not None:
        household = session.get(Household, household_id)
        if household is None or household.deleted_at is not None:
            problems.append(
                Problem(
                    "指定された世帯が見つかりません。", "That household does not exist.", field="household_id"
                )
            )
        elif association_id is None and block_id is None:
            association_id, block_id = household.association_id, household.block_id
    problems += move_problems(session, on, address, postal_code, association_id, block_id)
    if problems:
        raise ValidationError(problems)
    event = apply_move(
        session,
        member,
        on,
        address=address,
        postal_code=postal_code,
        association_id=association_id,
        block_id=block_id,
        note=note,
    )
    set_household(session, member, household, on)
    return event
