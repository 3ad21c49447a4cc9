"""会員の状況: the figures the city's plan cares about, as of a date (基準日, usually 4月1日).

Members and households per 自治会, women and men, age bands, and the share of women and of people
under 40 among officers (役員) and committee members (部会員) — the plan wants more of both.

Who counts on day D: a member not in the trash whose ``joined_on`` is empty or on/before D and whose
``left_on`` is empty or after D (``left_on`` is the day they left, so they no longer count on it).
The current ``status`` is not looked at, so figures for a past date come out as they were then.

Ages are whole years on D from the birth date; when only the birth year is known the person is
taken to be born on 1 July of that year (the middle of the year), so they are
``D.year - birth_year - 1`` before 1 July and ``D.year - birth_year`` from 1 July on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from nagato_desk.dates import age_on, fiscal_year_of, fiscal_year_start
from nagato_desk.models import Committee, CommitteeMembership, Member, NeighbourhoodAssociation, OfficerTerm
from nagato_desk.money import rate

#: (label, lowest age, highest age or None) — the bands the plan and the city use
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0〜14歳", 0, 14),
    ("15〜39歳", 15, 39),
    ("40〜64歳", 40, 64),
    ("65〜74歳", 65, 74),
    ("75歳以上", 75, None),
)
UNKNOWN_AGE = "年齢不明"
BAND_LABELS: tuple[str, ...] = (*(b[0] for b in AGE_BANDS), UNKNOWN_AGE)
YOUNG_BELOW = 40  # 若年層: under 40

TOTAL_LABEL = "合計"
UNASSIGNED_LABEL = "所属自治会なし"
OFFICERS_LABEL = "役員"
COMMITTEE_LABEL = "部会員"

MID_YEAR = (7, 1)  # the birthday assumed when only the birth year is known


def member_age(birth_date: date | None, birth_year: int | None, on: date) -> int | None:
    """Age in whole years on ``on``; None when unknown or not yet born on that day.

    With only ``birth_year``, the person is assumed born on 1 July (see the module docstring).
    """
    if birth_date is not None:
        return age_on(birth_date, on) if birth_date <= on else None
    if birth_year is None:
        return None
    age = on.year - birth_year - (1 if (on.month, on.day) < MID_YEAR else 0)
    return age if age >= 0 else None


def age_band(age: int | None) -> str:
    if age is None:
        return UNKNOWN_AGE
    for label, low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return UNKNOWN_AGE  # pragma: no cover - the bands start at 0 and have no upper end


def default_as_of(today: date | None = None) -> date:
    """1 April of the fiscal year containing ``today`` (the usual 基準日)."""
    return fiscal_year_start(fiscal_year_of(today or date.today()))


@dataclass(frozen=True)
class GroupFigures:
    """One line of the figures: a 自治会, the total, the officers or the committee members.

    ``by_band`` has every label of :data:`BAND_LABELS` (zeros included); ``under_40`` is the people
    aged 0–39. ``households`` counts distinct registered households (people with no household
    recorded add none).
    """

    label: str
    members: int
    households: int
    women: int
    men: int
    other_or_unknown: int
    by_band: dict[str, int]
    under_40: int


@dataclass(frozen=True)
class MemberFigures:
    as_of: date
    by_association: list[GroupFigures]
    unassigned: GroupFigures | None  # members with no 自治会; None when there are none
    total: GroupFigures
    officers: GroupFigures
    committee_members: GroupFigures
    # percentages (Decimal, 2 places, half up); None when the group is empty. People whose gender
    # or age is not recorded stay in the denominator.
    women_share_officers: Decimal | None
    under_40_share_officers: Decimal | None
    women_share_committees: Decimal | None
    under_40_share_committees: Decimal | None


@dataclass(frozen=True)
class _Person:
    member_id: int
    association_id: int | None
    household_id: int | None
    gender: str
    age: int | None


def group_figures(label: str, people: Iterable[_Person]) -> GroupFigures:
    people = list(people)
    bands = dict.fromkeys(BAND_LABELS, 0)
    women = men = under_40 = 0
    for p in people:
        bands[age_band(p.age)] += 1
        women += p.gender == "F"
        men += p.gender == "M"
        under_40 += p.age is not None and p.age < YOUNG_BELOW
    households = {p.household_id for p in people if p.household_id is not None}
    return GroupFigures(
        label=label,
        members=len(people),
        households=len(households),
        women=women,
        men=men,
        other_or_unknown=len(people) - women - men,
        by_band=bands,
        under_40=under_40,
    )


def member_on(on: date):
    """SQL condition: the member counts on day ``on`` (see the module docstring)."""
    return and_(
        Member.deleted_at.is_(None),
        or_(Member.joined_on.is_(None), Member.joined_on <= on),
        or_(Member.left_on.is_(None), Member.left_on > on),
    )


_PERSON_COLUMNS = (
    Member.id,
    Member.association_id,
    Member.household_id,
    Member.gender,
    Member.birth_date,
    Member.birth_year,
)


def _people(session: Session, stmt, on: date) -> list[_Person]:
    return [
        _Person(mid, assoc, household, gender or "", member_age(birth, year, on))
        for mid, assoc, household, gender, birth, year in session.execute(stmt)
    ]


def counted_people(session: Session, on: date) -> list[_Person]:
    return _people(session, select(*_PERSON_COLUMNS).where(member_on(on)), on)


def officer_people(session: Session, on: date) -> list[_Person]:
    """Distinct people (not in the trash) holding any role on ``on``, start and end days included."""
    in_office = (
        select(OfficerTerm.member_id)
        .where(OfficerTerm.starts_on <= on)
        .where(or_(OfficerTerm.ends_on.is_(None), OfficerTerm.ends_on >= on))
    )
    stmt = select(*_PERSON_COLUMNS).where(Member.deleted_at.is_(None), Member.id.in_(in_office))
    return _people(session, stmt, on)


def committee_people(session: Session, on: date) -> list[_Person]:
    """Distinct people (not in the trash) sitting on a committee (not in the trash) on ``on``."""
    sitting = (
        select(CommitteeMembership.member_id)
        .join(Committee, Committee.id == CommitteeMembership.committee_id)
        .where(Committee.deleted_at.is_(None))
        .where(or_(CommitteeMembership.joined_on.is_(None), CommitteeMembership.joined_on <= on))
        .where(or_(CommitteeMembership.left_on.is_(None), CommitteeMembership.left_on > on))
    )
    stmt = select(*_PERSON_COLUMNS).where(Member.deleted_at.is_(None), Member.id.in_(sitting))
    return _people(session, stmt, on)


def member_figures(session: Session, as_of: date) -> MemberFigures:
    """The figures of every 自治会, the total, officers and committee members on ``as_of``."""
    people = counted_people(session, as_of)
    associations = session.execute(
        select(NeighbourhoodAssociation.id, NeighbourhoodAssociation.name).order_by(
            NeighbourhoodAssociation.sort_order, NeighbourhoodAssociation.id
        )
    ).all()
    by_assoc: dict[int | None, list[_Person]] = {}
    for p in people:
        by_assoc.setdefault(p.association_id, []).append(p)
    rows = [group_figures(name, by_assoc.get(assoc_id, [])) for assoc_id, name in associations]
    unassigned = by_assoc.get(None)
    officers = group_figures(OFFICERS_LABEL, officer_people(session, as_of))
    committees = group_figures(COMMITTEE_LABEL, committee_people(session, as_of))
    return MemberFigures(
        as_of=as_of,
        by_association=rows,
        unassigned=group_figures(UNASSIGNED_LABEL, unassigned) if unassigned else None,
        total=group_figures(TOTAL_LABEL, people),
        officers=officers,
        committee_members=committees,
        women_share_officers=rate(officers.women, officers.members),
        under_40_share_officers=rate(officers.under_40, officers.members),
        women_share_committees=rate(committees.women, committees.members),
        under_40_share_committees=rate(committees.under_40, committees.members),
    )
