"""会議: add, change, find and list meetings. Attendance is in ``attendance.py``, the agenda and votes in
``votes.py``, the quorum in ``quorum.py``.

Every meeting has a number users see and type (``nagato-desk export minutes --meeting 12``): the
council's own sequence, given on creation and never reused (a meeting in the trash keeps its number).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from nagato_desk.dates import fiscal_year_of, format_date, format_fiscal_year
from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import Attendance, Committee, Meeting, MeetingSigner, Member
from nagato_desk.models.meeting import ELIGIBILITY, GENERAL_KINDS, MEETING_KINDS
from nagato_desk.reading import fold
from nagato_desk.services.council import clean_text

#: who may attend when the form leaves it open
DEFAULT_ELIGIBILITY = {
    "general": "members",
    "extraordinary": "members",
    "board": "officers",
    "committee": "committee",
    "workshop": "members",
    "training": "members",
}
TITLE_MAX = 200
PLACE_MAX = 200


@dataclass
class MeetingDraft:
    """What the meeting form collects."""

    kind: str
    held_on: date
    title: str = ""  # empty: 「令和8年度定期総会」, 「福祉部会」 … (see meeting_title)
    starts_at: time | None = None
    ends_at: time | None = None
    place: str = ""
    committee_id: int | None = None  # the 部会 of a committee meeting
    eligibility: str | None = None  # members / officers / committee / delegates (None: by kind)
    chair_member_id: int | None = None
    recorder_member_id: int | None = None
    recorder_name: str = ""  # a recorder who is not a member (事務局の職員)
    signer_ids: list[int] = field(default_factory=list)  # 議事録署名人, in signing order
    notes: str = ""


def time_text(t: time | None) -> str:
    """「13:30」 as stored (times are kept as text: portable, and readable in the history)."""
    return f"{t.hour:02d}:{t.minute:02d}" if t is not None else ""


def parse_time(text: str | None) -> time | None:
    if not text:
        return None
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def japanese_time(text: str | None) -> str:
    """「午後1時30分」 from 「13:30」 (the minutes' style); empty stays empty."""
    t = parse_time(text)
    if t is None:
        return ""
    half = "午前" if t.hour < 12 else "午後"
    hour = t.hour if t.hour <= 12 else t.hour - 12
    return f"{half}{hour}時" + (f"{t.minute}分" if t.minute else "")


def kind_label(kind: str) -> str:
    return MEETING_KINDS.get(kind, kind)


def meeting_title(m: Meeting) -> str:
    """The title as documents print it: the stored one, else 「令和8年度定期総会」 / 「福祉部会」 / 「役員会」."""
    if m.title:
        return m.title
    if m.kind in GENERAL_KINDS:
        return f"{format_fiscal_year(m.fiscal_year)}{kind_label(m.kind)}"
    if m.kind == "committee" and m.committee is not None:
        return m.committee.name
    return kind_label(m.kind)


def meeting_label(m: Meeting) -> str:
    """「No.12 令和8年5月20日 令和8年度定期総会」: how lists and pickers name a meeting."""
    return f"No.{m.number} {format_date(m.held_on)} {meeting_title(m)}"


def _member_ok(session: Session, member_id: int | None, what: str, field_name: str) -> list[Problem]:
    if member_id is None:
        return []
    m = session.get(Member, member_id)
    if m is None or m.deleted_at is not None:
        return [
            Problem(
                f"{what}に指定された会員が見つかりません。", f"The {field_name} does not exist.", field_name
            )
        ]
    return []


def validate_meeting(session: Session, draft: MeetingDraft) -> list[Problem]:
    problems: list[Problem] = []
    if draft.kind not in MEETING_KINDS:
        problems.append(Problem("会議の種類を選んでください。", "Choose the kind of meeting.", field="kind"))
    if not isinstance(draft.held_on, date):
        problems.append(
            Problem("開催日を入力してください。", "Enter the date of the meeting.", field="held_on")
        )
    if draft.starts_at and draft.ends_at and draft.ends_at < draft.starts_at:
        problems.append(
            Problem(
                f"終了時刻（{draft.ends_at:%H:%M}）が開始時刻（{draft.starts_at:%H:%M}）より前です。",
                "The meeting ends before it starts.",
                field="ends_at",
            )
        )
    eligibility = draft.eligibility or DEFAULT_ELIGIBILITY.get(draft.kind, "members")
    if eligibility not in ELIGIBILITY:
        problems.append(Problem("出席資格が正しくありません。", "Unknown eligibility.", field="eligibility"))
    if draft.committee_id is not None:
        c = session.get(Committee, draft.committee_id)
        if c is None:
            problems.append(
                Problem("指定された部会が見つかりません。", "That committee does not exist.", "committee_id")
            )
    elif draft.kind == "committee" or eligibility == "committee":
        problems.append(Problem("部会を選んでください。", "Choose the committee.", field="committee_id"))
    if len(clean_text(draft.title)) > TITLE_MAX:
        problems.append(
            Problem(f"会議名は{TITLE_MAX}文字以内にしてください。", "The title is too long.", "title")
        )
    if len(clean_text(draft.place)) > PLACE_MAX:
        problems.append(
            Problem(f"場所は{PLACE_MAX}文字以内にしてください。", "The place is too long.", "place")
        )
    problems += _member_ok(session, draft.chair_member_id, "議長", "chair_member_id")
    problems += _member_ok(session, draft.recorder_member_id, "記録者", "recorder_member_id")
    for signer in draft.signer_ids:
        problems += _member_ok(session, signer, "議事録署名人", "signer_ids")
    if len(set(draft.signer_ids)) != len(draft.signer_ids):
        problems.append(
            Problem("同じ人が議事録署名人に2回選ばれています。", "A signer is listed twice.", "signer_ids")
        )
    return problems


def _apply(session: Session, m: Meeting, draft: MeetingDraft) -> None:
    m.kind = draft.kind
    m.held_on = draft.held_on
    m.fiscal_year = fiscal_year_of(draft.held_on)
    m.title = clean_text(draft.title)
    m.starts_at, m.ends_at = time_text(draft.starts_at), time_text(draft.ends_at)
    m.place = clean_text(draft.place)
    m.committee_id = draft.committee_id
    m.eligibility = draft.eligibility or DEFAULT_ELIGIBILITY.get(draft.kind, "members")
    m.chair_member_id = draft.chair_member_id
    m.recorder_member_id = draft.recorder_member_id
    m.recorder_name = clean_text(draft.recorder_name)
    m.notes = (draft.notes or "").strip()
    keep = {s.member_id: s for s in m.signers}
    m.signers = [keep.get(mid) or MeetingSigner(member_id=mid) for mid in draft.signer_ids]
    for position, s in enumerate(m.signers, start=1):
        s.position = position


def next_number(session: Session) -> int:
    return (session.scalar(select(func.max(Meeting.number))) or 0) + 1


def add_meeting(session: Session, draft: MeetingDraft) -> Meeting:
    """A new meeting with the next number; the eligible people (the roster on ``held_on``) are listed
    as 欠席 until attendance is taken (for ``delegates``, choose them with ``attendance.set_delegates``)."""
    from nagato_desk.services.attendance import refresh_eligible

    problems = validate_meeting(session, draft)
    if problems:
        raise ValidationError(problems)
    m = Meeting(number=next_number(session))
    _apply(session, m, draft)
    session.add(m)
    session.flush()
    refresh_eligible(session, m.id)
    return m


def get_meeting(session: Session, meeting_id: int, *, in_trash_ok: bool = False) -> Meeting:
    m = session.get(Meeting, meeting_id)
    if m is None or (m.deleted_at is not None and not in_trash_ok):
        raise problem("指定された会議が見つかりません。", "That meeting does not exist.", field="meeting_id")
    return m


def meeting_by_number(session: Session, number: int) -> Meeting:
    m = session.scalar(select(Meeting).where(Meeting.number == number, Meeting.deleted_at.is_(None)))
    if m is None:
        raise problem(
            f"会議番号 {number} の会議はありません。",
            f"There is no meeting number {number}.",
            field="meeting",
        )
    return m


def resolve_meeting(
    session: Session, text: str | None, default_kinds: tuple[str, ...] | None = GENERAL_KINDS
) -> Meeting:
    """What ``--meeting`` names: a number, ``last`` (the latest meeting held), or nothing — the latest
    meeting of ``default_kinds`` (the latest 総会 for the 総会 documents)."""
    live = (
        select(Meeting)
        .where(Meeting.deleted_at.is_(None))
        .order_by(Meeting.held_on.desc(), Meeting.number.desc())
    )
    value = (text or "").strip()
    if value.lower() in ("last", "latest", "最新"):
        m = session.scalars(live.limit(1)).first()
    elif value:
        try:
            number = int(value.lstrip("#").removeprefix("No.").removeprefix("no."))
        except ValueError:
            raise problem(
                f"会議は番号か last で指定してください（「{value}」）。",
                f"Give the meeting as a number or 'last' (not '{value}').",
                field="meeting",
            ) from None
        return meeting_by_number(session, number)
    else:
        stmt = live.where(Meeting.kind.in_(default_kinds)) if default_kinds else live
        m = session.scalars(stmt.limit(1)).first()
    if m is None:
        raise problem("該当する会議が登録されていません。", "No such meeting is recorded.", field="meeting")
    return m


def draft_of(m: Meeting) -> MeetingDraft:
    return MeetingDraft(
        kind=m.kind, held_on=m.held_on, title=m.title, starts_at=parse_time(m.starts_at), ends_at=parse_time(m.ends_at),
        place=m.place, committee_id=m.committee_id, eligibility=m.eligibility,
        chair_member_id=m.chair_member_id, recorder_member_id=m.recorder_member_id,
        recorder_name=m.recorder_name, signer_ids=[s.member_id for s in m.signers], notes=m.notes,
    )  # fmt: skip


def update_meeting(session: Session, meeting_id: int, draft: MeetingDraft) -> Meeting:
    """Change a meeting; when the date or who may attend changes, the eligible list is taken again
    from the roster (what was recorded for people still eligible is kept)."""
    from nagato_desk.services.attendance import refresh_eligible
    from nagato_desk.services.votes import refresh_results

    m = get_meeting(session, meeting_id)
    problems = validate_meeting(session, draft)
    if problems:
        raise ValidationError(problems)
    before = (m.held_on, m.eligibility, m.committee_id)
    _apply(session, m, draft)
    session.flush()
    if (m.held_on, m.eligibility, m.committee_id) != before:
        refresh_eligible(session, m.id)
    refresh_results(session, m.id)
    return m


def delete_meeting(session: Session, meeting_id: int) -> None:
    """Move to the trash (restorable; the number stays taken)."""
    get_meeting(session, meeting_id).deleted_at = datetime.now()
    session.flush()


def restore_meeting(session: Session, meeting_id: int) -> Meeting:
    m = get_meeting(session, meeting_id, in_trash_ok=True)
    m.deleted_at = None
    session.flush()
    return m


# -- the list ------------------------------------------------------------------------------


@dataclass
class MeetingFilter:
    fiscal_year: int | None = None
    kind: str | None = None  # a code of MEETING_KINDS; "general_any" for either 総会
    committee_id: int | None = None
    text: str | None = None  # in the title, place and the agenda items' titles
    trash: bool = False


@dataclass(frozen=True)
class MeetingRow:
    id: int
    number: int
    kind: str
    kind_label: str
    title: str
    held_on: date
    starts_at: str  # 「13:30」 or empty
    place: str
    eligible: int
    counted: int
    quorum_met: bool | None
    quorum_text: str


def _conditions(f: MeetingFilter):
    from nagato_desk.models import AgendaItem

    conds = [Meeting.deleted_at.is_not(None) if f.trash else Meeting.deleted_at.is_(None)]
    if f.fiscal_year is not None:
        conds.append(Meeting.fiscal_year == f.fiscal_year)
    if f.kind == "general_any":
        conds.append(Meeting.kind.in_(GENERAL_KINDS))
    elif f.kind:
        conds.append(Meeting.kind == f.kind)
    if f.committee_id is not None:
        conds.append(Meeting.committee_id == f.committee_id)
    for word in (f.text or "").split():
        like = f"%{word}%"
        folded = f"%{fold(word)}%"
        conds.append(
            or_(
                Meeting.title.like(like),
                Meeting.place.like(like),
                Meeting.id.in_(select(AgendaItem.meeting_id).where(AgendaItem.search_text.like(folded))),
            )
        )
    return conds


def _attendance_counts():
    """Per meeting: eligible, present, usable 委任状, every 委任状, 書面表決 — ``quorum.tally`` in SQL.

    A 委任状 is usable when it names nobody and the meeting has a chair (議長一任), or names someone
    else who is marked 出席 at the same meeting (see ``quorum.py``)."""
    holder = aliased(Attendance)
    holder_present = (
        select(holder.id)
        .where(
            holder.meeting_id == Attendance.meeting_id,
            holder.member_id == Attendance.proxy_to_member_id,
            holder.status == "present",
        )
        .exists()
    )
    usable = and_(
        Attendance.status == "proxy",
        or_(
            and_(Attendance.proxy_to_member_id.is_(None), Meeting.chair_member_id.is_not(None)),
            and_(
                Attendance.proxy_to_member_id.is_not(None),
                Attendance.proxy_to_member_id != Attendance.member_id,
                holder_present,
            ),
        ),
    )

    def count_if(cond):  # type: ignore[no-untyped-def]
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    return (
        func.count(Attendance.id),
        count_if(Attendance.status == "present"),
        count_if(usable),
        count_if(Attendance.status == "proxy"),
        count_if(Attendance.status == "written"),
    )


def list_meetings(session: Session, f: MeetingFilter | None = None) -> list[MeetingRow]:
    """Meetings newest first, with their quorum status: one aggregated query (the attendance is
    counted by SQLite, not loaded), so ten years of meetings list as fast as one year."""
    from nagato_desk.services.quorum import Tally, list_rules, quorum_status

    f = f or MeetingFilter()
    stmt = (
        select(
            Meeting.id,
            Meeting.number,
            Meeting.kind,
            Meeting.title,
            Meeting.held_on,
            Meeting.fiscal_year,
            Meeting.starts_at,
            Meeting.place,
            Committee.name,
            *_attendance_counts(),
        )  # fmt: skip
        .outerjoin(Committee, Committee.id == Meeting.committee_id)
        .outerjoin(Attendance, Attendance.meeting_id == Meeting.id)
        .where(*_conditions(f))
        .group_by(Meeting.id)
        .order_by(Meeting.held_on.desc(), Meeting.number.desc())
    )
    rules = list_rules(session)
    rows = []
    for (
        id_, number, kind, title, held_on, fy, starts_at, place, committee, eligible, present, usable,
        proxies, written,
    ) in session.execute(stmt):  # fmt: skip
        st = quorum_status(Tally(eligible, present, usable, written, proxies - usable), rules[kind])
        if not title:
            if kind == "committee":
                title = committee or kind_label(kind)
            elif kind in GENERAL_KINDS:
                title = f"{format_fiscal_year(fy)}{kind_label(kind)}"
            else:
                title = kind_label(kind)
        rows.append(
            MeetingRow(
                id_, number, kind, kind_label(kind), title, held_on, starts_at, place,
                st.tally.eligible, st.counted, st.met, st.text,
            )
        )  # fmt: skip
    return rows


def meeting_quorum(session: Session, meeting_id: int):
    """The live quorum status of one meeting (``quorum.QuorumStatus``)."""
    from nagato_desk.services.quorum import quorum_status, rule_for, tally

    m = get_meeting(session, meeting_id, in_trash_ok=True)
    rows = session.execute(
        select(Attendance.member_id, Attendance.status, Attendance.proxy_to_member_id).where(
            Attendance.meeting_id == m.id
        )
    ).all()
    return quorum_status(tally([tuple(r) for r in rows], m.chair_member_id), rule_for(session, m.kind))
