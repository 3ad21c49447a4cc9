"""事業 lists: the activities of a fiscal year by month with filters, the days they are held on (for
a calendar), and participants totalled per field of activity (活動分野) or committee."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_bounds
from nagato_desk.errors import problem
from nagato_desk.models import PLAN_FIELDS, Activity, ActivityPhoto, Committee
from nagato_desk.reading import fold

#: The months of a fiscal year in order: April … March.
FISCAL_MONTHS: tuple[int, ...] = (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)


# -- lists -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityRow:
    id: int
    fiscal_year: int
    starts_on: date
    ends_on: date | None
    title: str
    field: str
    committee: str
    place: str
    residents: int
    volunteers: int
    partners: int
    status: str
    recurring: bool
    photos: int
    outcome: str = ""
    partner_bodies: str = ""  # 連携団体 by name

    @property
    def participants(self) -> int:
        return self.residents + self.volunteers + self.partners


def month_bounds(fiscal_year: int, month: int) -> tuple[date, date]:
    """First and last day of ``month`` (1–12) inside ``fiscal_year`` (January–March: the next year)."""
    if month not in FISCAL_MONTHS:
        raise problem(f"月は1〜12で指定してください（{month}）。", f"The month must be 1–12 ({month}).")
    year = fiscal_year if month >= 4 else fiscal_year + 1
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, date.fromordinal(following.toordinal() - 1)


def list_activities(
    session: Session,
    fiscal_year: int,
    *,
    month: int | None = None,
    field: str | None = None,
    committee_id: int | None = None,
    status: str | None = None,
    query: str | None = None,
    in_trash: bool = False,
) -> list[ActivityRow]:
    """The activities of a fiscal year by date (then as entered). ``month`` (1–12) keeps those
    held in that month: starting in it, or running through it. ``query`` matches title, place,
    partners and outcome (kana and width folded)."""
    photos = (
        select(func.count(ActivityPhoto.id))
        .where(ActivityPhoto.activity_id == Activity.id)
        .correlate(Activity)
        .scalar_subquery()
    )
    a = Activity
    # plain columns, not ORM objects: a year of a large council (2,000 activities) lists in ~0.1 s
    stmt = (
        select(
            a.id, a.fiscal_year, a.starts_on, a.ends_on, a.title, a.field, Committee.name, a.place,
            a.participants_residents, a.participants_volunteers, a.participants_partners, a.status,
            a.recurring, photos, a.outcome, a.partners,
        )
        .outerjoin(Committee, Committee.id == a.committee_id)
        .where(a.fiscal_year == fiscal_year)
        .where(a.deleted_at.is_not(None) if in_trash else a.deleted_at.is_(None))
        .order_by(a.starts_on, a.id)
    )  # fmt: skip
    if month is not None:
        first, last = month_bounds(fiscal_year, month)
        stmt = stmt.where(a.starts_on <= last, func.coalesce(a.ends_on, a.starts_on) >= first)
    if field:
        stmt = stmt.where(a.field == field)
    if committee_id is not None:
        stmt = stmt.where(a.committee_id == committee_id)
    if status:
        stmt = stmt.where(a.status == status)
    rows = [
        ActivityRow(
            id=r[0], fiscal_year=r[1], starts_on=r[2], ends_on=r[3], title=r[4], field=r[5],
            committee=r[6] or "", place=r[7], residents=r[8], volunteers=r[9], partners=r[10],
            status=r[11], recurring=bool(r[12]), photos=r[13] or 0, outcome=r[14], partner_bodies=r[15],
        )
        for r in session.execute(stmt)
    ]  # fmt: skip
    needle = fold(query or "").strip()
    if needle:
        rows = [r for r in rows if needle in fold(" ".join((r.title, r.place, r.outcome, r.partner_bodies)))]
    return rows


def activity_years(session: Session) -> list[int]:
    """Fiscal years that hold activities (not in the trash), the latest first."""
    return list(
        session.scalars(
            select(Activity.fiscal_year)
            .where(Activity.deleted_at.is_(None))
            .distinct()
            .order_by(Activity.fiscal_year.desc())
        )
    )


def activity_days(session: Session, fiscal_year: int) -> dict[date, list[int]]:
    """Every day of the fiscal year on which an activity is held → the ids (for a calendar)."""
    first, last = fiscal_year_bounds(fiscal_year)
    days: dict[date, list[int]] = {}
    stmt = select(Activity.id, Activity.starts_on, Activity.ends_on).where(
        Activity.fiscal_year == fiscal_year, Activity.deleted_at.is_(None)
    )
    for activity_id, starts, ends in session.execute(stmt):
        day, end = starts.toordinal(), min((ends or starts), last).toordinal()
        for n in range(max(day, first.toordinal()), end + 1):
            days.setdefault(date.fromordinal(n), []).append(activity_id)
    return days


# -- totals ----------------------------------------------------------------------------------


@dataclass
class ParticipantTotals:
    label: str  # the field, or the committee's name (「（部会なし）」 for none)
    activities: int = 0
    residents: int = 0
    volunteers: int = 0
    partners: int = 0

    @property
    def total(self) -> int:
        return self.residents + self.volunteers + self.partners

    def add(self, row: ActivityRow) -> None:
        self.activities += 1
        self.residents += row.residents
        self.volunteers += row.volunteers
        self.partners += row.partners


NO_COMMITTEE = "（部会なし）"


def group_label(row: ActivityRow, by: str) -> str:
    if by == "field":
        return row.field
    if by == "committee":
        return row.committee or NO_COMMITTEE
    raise ValueError(f"group by field or committee, not {by!r}")


def group_order(session: Session, by: str) -> list[str]:
    """The order groups are printed in: the plan's fields, or the council's committees."""
    if by == "field":
        return list(PLAN_FIELDS)
    names = session.scalars(select(Committee.name).order_by(Committee.sort_order, Committee.id))
    return [*names, NO_COMMITTEE]


def sort_groups(labels: Iterable[str], order: list[str]) -> list[str]:
    return sorted(set(labels), key=lambda x: (order.index(x) if x in order else len(order), x))


def participant_totals(
    session: Session, fiscal_year: int, by: str = "field", status: str = "done"
) -> tuple[list[ParticipantTotals], ParticipantTotals]:
    """Activities and participants of a fiscal year per field (or committee), in the plan's (or
    council's) order, and the grand total. Only activities with ``status`` (held ones) count."""
    rows = list_activities(session, fiscal_year, status=status)
    groups: dict[str, ParticipantTotals] = {}
    grand = ParticipantTotals("合計")
    for row in rows:
        label = group_label(row, by)
        groups.setdefault(label, ParticipantTotals(label)).add(row)
        grand.add(row)
    order = group_order(session, by)
    return [groups[label] for label in sort_groups(groups, order)], grand
