"""出欠: who may attend a meeting (taken from the roster as of the meeting date), how each took part
(出席・欠席・委任状・書面表決), and the guests who do not count (来賓: city staff and others).

Eligible people are stored as attendance rows (欠席 until marked), so the list a meeting was held
with stays as it was even when the roster changes later. A member is on the roster on a day when
they had joined by then (or no date is known) and had not left: ``left_on`` is the day they left,
so on that day they are no longer a member (as for committees).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import (
    ATTENDANCE_STATUSES,
    Attendance,
    CommitteeMembership,
    Meeting,
    MeetingGuest,
    Member,
    NeighbourhoodAssociation,
    OfficerTerm,
)
from nagato_desk.services.council import clean_text
from nagato_desk.services.meetings import get_meeting


def member_on_roster(m: Member, day: date) -> bool:
    """True when ``m`` was a member on ``day`` (see the module text)."""
    if m.deleted_at is not None:
        return False
    if m.joined_on is not None and m.joined_on > day:
        return False
    if m.left_on is not None:
        return m.left_on > day
    return m.status == "active"


def _roster_conditions(day: date):
    return [
        Member.deleted_at.is_(None),
        or_(Member.joined_on.is_(None), Member.joined_on <= day),
        or_(Member.left_on > day, (Member.left_on.is_(None)) & (Member.status == "active")),
    ]


def eligible_member_ids(session: Session, m: Meeting) -> list[int]:
    """Who may attend ``m`` by its rule, from the roster on its date (delegates: those chosen, still
    members on that day)."""
    day = m.held_on
    stmt = select(Member.id).where(*_roster_conditions(day))
    if m.eligibility == "officers":
        stmt = stmt.where(
            Member.id.in_(
                select(OfficerTerm.member_id).where(
                    OfficerTerm.starts_on <= day,
                    or_(OfficerTerm.ends_on.is_(None), OfficerTerm.ends_on >= day),
                )
            )
        )
    elif m.eligibility == "committee":
        cm = CommitteeMembership
        stmt = stmt.where(
            Member.id.in_(
                select(cm.member_id).where(
                    cm.committee_id == m.committee_id,
                    or_(cm.joined_on.is_(None), cm.joined_on <= day),
                    or_(cm.left_on.is_(None), cm.left_on > day),
                )
            )
        )
    elif m.eligibility == "delegates":
        chosen = select(Attendance.member_id).where(Attendance.meeting_id == m.id)
        stmt = stmt.where(Member.id.in_(chosen))
    return list(session.scalars(stmt.order_by(Member.reading_key, Member.id)))


def refresh_eligible(session: Session, meeting_id: int) -> None:
    """Make the attendance rows the eligible people of the meeting: new ones as 欠席, people no longer
    eligible removed (with what was recorded for them), the others kept as recorded."""
    m = get_meeting(session, meeting_id)
    wanted = set(eligible_member_ids(session, m))
    rows = session.scalars(select(Attendance).where(Attendance.meeting_id == m.id)).all()
    have = {a.member_id: a for a in rows}
    for member_id, row in have.items():
        if member_id not in wanted:
            session.delete(row)
    for member_id in sorted(wanted - set(have)):
        session.add(Attendance(meeting_id=m.id, member_id=member_id, status="absent"))
    session.flush()
    session.expire(m, ["attendance"])


def set_delegates(session: Session, meeting_id: int, member_ids: list[int]) -> None:
    """Choose who may attend (代議員・出席者を選ぶ): each must be on the roster on the meeting date."""
    m = get_meeting(session, meeting_id)
    problems: list[Problem] = []
    for member_id in member_ids:
        person = session.get(Member, member_id)
        if person is None or not member_on_roster(person, m.held_on):
            who = f"{person.name}さん" if person is not None else f"会員番号{member_id}"
            problems.append(
                Problem(
                    f"{who}は開催日に会員ではないため、出席者に選べません。",
                    f"Member {member_id} is not a member on the meeting date.",
                    field="member_ids",
                )
            )
    if problems:
        raise ValidationError(problems)
    m.eligibility = "delegates"
    wanted = set(member_ids)
    rows = session.scalars(select(Attendance).where(Attendance.meeting_id == m.id)).all()
    have = {a.member_id: a for a in rows}
    for member_id, row in have.items():
        if member_id not in wanted:
            session.delete(row)
    for member_id in sorted(wanted - set(have)):
        session.add(Attendance(meeting_id=m.id, member_id=member_id, status="absent"))
    session.flush()
    session.expire(m, ["attendance"])


def set_attendance(
    session: Session,
    meeting_id: int,
    member_id: int,
    status: str,
    proxy_to_member_id: int | None = None,
    note: str = "",
) -> Attendance:
    """Record how one eligible person took part. A 委任状 names its holder (another member), or
    none for 議長一任; whether it counts is decided by ``quorum.tally``."""
    from nagato_desk.services.votes import refresh_results

    m = get_meeting(session, meeting_id)
    row = session.scalar(
        select(Attendance).where(Attendance.meeting_id == m.id, Attendance.member_id == member_id)
    )
    if row is None:
        raise problem(
            "この人はこの会議の出席資格者ではありません。",
            "This person is not eligible for this meeting.",
            field="member_id",
        )
    if status not in ATTENDANCE_STATUSES:
        raise problem(
            "出欠の区分が正しくありません。", f"Unknown attendance status {status!r}.", field="status"
        )
    if status != "proxy":
        proxy_to_member_id = None
    elif proxy_to_member_id is not None:
        holder = session.get(Member, proxy_to_member_id)
        if holder is None or holder.deleted_at is not None:
            raise problem(
                "委任先の会員が見つかりません。",
                "The proxy holder does not exist.",
                field="proxy_to_member_id",
            )
        if proxy_to_member_id == member_id:
            raise problem(
                "自分自身には委任できません。",
                "A proxy cannot be given to oneself.",
                field="proxy_to_member_id",
            )
    row.status = status
    row.proxy_to_member_id = proxy_to_member_id
    row.note = (note or "").strip()
    session.flush()
    refresh_results(session, m.id)
    return row


def set_attendance_many(
    session: Session, meeting_id: int, entries: dict[int, tuple[str, int | None]]
) -> None:
    """Quick entry for a whole list: ``{member_id: (status, proxy_to_member_id)}``, checked as
    :func:`set_attendance` does; all or nothing, the results recomputed once."""
    from nagato_desk.services.votes import refresh_results

    m = get_meeting(session, meeting_id)
    rows = {a.member_id: a for a in session.scalars(select(Attendance).where(Attendance.meeting_id == m.id))}
    problems: list[Problem] = []
    for member_id, (status, holder) in entries.items():
        if member_id not in rows:
            problems.append(
                Problem(
                    f"会員{member_id}はこの会議の出席資格者ではありません。", "Not eligible.", "member_id"
                )
            )
        elif status not in ATTENDANCE_STATUSES:
            problems.append(
                Problem("出欠の区分が正しくありません。", f"Unknown status {status!r}.", "status")
            )
        elif (
            status == "proxy"
            and holder is not None
            and (holder == member_id or session.get(Member, holder) is None)
        ):
            problems.append(
                Problem("委任先が正しくありません。", "Wrong proxy holder.", "proxy_to_member_id")
            )
    if problems:
        raise ValidationError(problems)
    for member_id, (status, holder) in entries.items():
        rows[member_id].status = status
        rows[member_id].proxy_to_member_id = holder if status == "proxy" else None
    session.flush()
    refresh_results(session, m.id)


def mark_all(session: Session, meeting_id: int, status: str) -> int:
    """Quick entry: every eligible person still 欠席 becomes ``status``; returns how many changed."""
    from nagato_desk.services.votes import refresh_results

    if status not in ATTENDANCE_STATUSES or status == "proxy":
        raise problem(
            "一括で設定できるのは出席・欠席・書面表決です。",
            "Only present/absent/written in bulk.",
            field="status",
        )
    m = get_meeting(session, meeting_id)
    rows = session.scalars(
        select(Attendance).where(Attendance.meeting_id == m.id, Attendance.status == "absent")
    ).all()
    for row in rows:
        row.status = status
    session.flush()
    refresh_results(session, m.id)
    return len(rows)


@dataclass(frozen=True)
class AttendanceRow:
    attendance_id: int
    member_id: int
    name: str
    reading: str
    association: str
    status: str
    status_label: str
    proxy_to_member_id: int | None
    proxy_to_name: str  # 「議長」 for 議長一任
    proxy_usable: bool | None  # None unless a 委任状
    note: str


def attendance_rows(session: Session, meeting_id: int) -> list[AttendanceRow]:
    """The eligible people in 50音 order, with their status and proxy holder."""
    m = get_meeting(session, meeting_id, in_trash_ok=True)
    stmt = (
        select(Attendance, Member, NeighbourhoodAssociation.name)
        .join(Member, Member.id == Attendance.member_id)
        .outerjoin(NeighbourhoodAssociation, NeighbourhoodAssociation.id == Member.association_id)
        .where(Attendance.meeting_id == m.id)
        .order_by(Member.reading_key, Member.id)
    )
    found = session.execute(stmt).all()
    present = {a.member_id for a, _m, _n in found if a.status == "present"}
    names = {mem.id: mem.name for _a, mem, _n in found}
    rows = []
    for a, mem, assoc in found:
        holder_name, usable = "", None
        if a.status == "proxy":
            if a.proxy_to_member_id is None:
                holder_name, usable = "議長", m.chair_member_id is not None
            else:
                holder = names.get(a.proxy_to_member_id)
                if holder is None:
                    other = session.get(Member, a.proxy_to_member_id)
                    holder = other.name if other else ""
                holder_name, usable = holder, a.proxy_to_member_id in present
        rows.append(
            AttendanceRow(
                a.id, mem.id, mem.name, mem.reading, assoc or "", a.status, ATTENDANCE_STATUSES[a.status],
                a.proxy_to_member_id, holder_name, usable, a.note,
            )
        )  # fmt: skip
    return rows


# -- guests --------------------------------------------------------------------------------


def add_guest(session: Session, meeting_id: int, name: str, affiliation: str = "") -> MeetingGuest:
    """A guest (来賓・オブザーバー, e.g. 長門市 地域づくり支援員): listed in the minutes, never counted."""
    m = get_meeting(session, meeting_id)
    name = clean_text(name)
    if not name:
        raise problem("来賓の氏名を入力してください。", "Enter the guest's name.", field="name")
    guest = MeetingGuest(
        name=name[:100], affiliation=clean_text(affiliation)[:200], position=len(m.guests) + 1
    )
    m.guests.append(guest)
    session.flush()
    return guest


def update_guest(session: Session, guest_id: int, name: str, affiliation: str = "") -> MeetingGuest:
    guest = session.get(MeetingGuest, guest_id)
    if guest is None:
        raise problem("指定された来賓が見つかりません。", "That guest does not exist.")
    name = clean_text(name)
    if not name:
        raise problem("来賓の氏名を入力してください。", "Enter the guest's name.", field="name")
    guest.name, guest.affiliation = name[:100], clean_text(affiliation)[:200]
    session.flush()
    return guest


def remove_guest(session: Session, guest_id: int) -> None:
    guest = session.get(MeetingGuest, guest_id)
    if guest is None:
        raise problem("指定された来賓が見つかりません。", "That guest does not exist.")
    session.delete(guest)
    session.flush()
