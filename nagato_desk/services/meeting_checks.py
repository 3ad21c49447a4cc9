"""The data check's rules for meetings (registered in ``services/check.py`` ``DOMAIN_CHECKS``)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from nagato_desk.dates import format_date
from nagato_desk.models import AgendaItem, Attendance, Meeting
from nagato_desk.models.meeting import GENERAL_KINDS
from nagato_desk.services.attendance import member_on_roster
from nagato_desk.services.meetings import meeting_label, meeting_quorum
from nagato_desk.services.votes import item_label


def _meetings(session: Session) -> list[Meeting]:
    stmt = (
        select(Meeting)
        .where(Meeting.deleted_at.is_(None))
        .options(selectinload(Meeting.signers), selectinload(Meeting.agenda))
        .order_by(Meeting.held_on, Meeting.number)
    )
    return list(session.scalars(stmt))


def check_attendance_of_leavers(session: Session) -> Iterable:
    """Someone recorded as attending (出席・委任状・書面表決) who was not a member on the meeting day."""
    from nagato_desk.services.check import Finding

    stmt = (
        select(Attendance, Meeting)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Meeting.deleted_at.is_(None), Attendance.status != "absent")
        .options(selectinload(Attendance.member))
    )
    for a, m in session.execute(stmt):
        if not member_on_roster(a.member, m.held_on):
            yield Finding(
                "warning",
                f"{meeting_label(m)}：{a.member.name}さんは開催日（{format_date(m.held_on)}）に会員ではありませんが、"
                "出欠が記録されています。出席資格者を取り直してください。",
                f"Meeting {m.number}: {a.member.name} was not a member on {m.held_on} but attendance is recorded.",
            )


def check_officials_are_members(session: Session) -> Iterable:
    """The chair, the recorder and the minute signers must be members on the meeting day."""
    from nagato_desk.services.check import Finding

    for m in _meetings(session):
        decided = any(i.section == "deliberation" and i.result for i in m.agenda)
        if m.kind in GENERAL_KINDS and decided and len(m.signers) < 2:
            yield Finding(
                "warning",
                f"{meeting_label(m)}：議事録署名人が{len(m.signers)}名です（規約では通常2名以上）。",
                f"Meeting {m.number}: {len(m.signers)} minute signer(s); usually two or more.",
            )
        people = [("議長", m.chair), ("記録者", m.recorder)] + [("議事録署名人", s.member) for s in m.signers]
        for role, person in people:
            if person is not None and not member_on_roster(person, m.held_on):
                yield Finding(
                    "warning",
                    f"{meeting_label(m)}：{role}の{person.name}さんは開催日に会員ではありません。",
                    f"Meeting {m.number}: the {role} {person.name} was not a member on the day.",
                )


def check_resolutions_without_quorum(session: Session) -> Iterable:
    """可決 recorded at a meeting whose quorum was not met; vote counts larger than the attendance."""
    from nagato_desk.services.check import Finding

    for m in _meetings(session):
        voted: list[AgendaItem] = [i for i in m.agenda if i.section == "deliberation" and i.result]
        if not voted:
            continue
        st = meeting_quorum(session, m.id)
        passed = [i for i in voted if i.result == "passed"]
        if st.met is False and passed:
            labels = "・".join(item_label(i) for i in passed)
            yield Finding(
                "warning",
                f"{meeting_label(m)}：定足数を満たしていない（{st.text}）のに、{labels}が可決と記録されています。",
                f"Meeting {m.number}: items are recorded as passed but the quorum was not met.",
            )
        for i in voted:
            if (
                i.vote_method == "count"
                and st.counted
                and (i.votes_for or 0) + (i.votes_against or 0) + (i.votes_abstain or 0) > st.counted
            ):
                yield Finding(
                    "warning",
                    f"{meeting_label(m)} {item_label(i)}：賛成・反対・棄権の合計が出席者数（{st.counted} 名）を超えています。",
                    f"Meeting {m.number}, {item_label(i)}: more votes than people present.",
                )
