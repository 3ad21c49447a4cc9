"""The demo council's meetings: last year's and this year's 定期総会 (this year's with the 役員改選 that
made the current officers' terms, entered by ``demo_members``: they are linked, not made twice),
役員会 every other month, two 部会 meetings each for two committees, a workshop on the dream plan,
and actions, some still open. The 総会 is held by 代議員 (the officers and the committee members),
as many councils do. Deterministic from ``today`` (seeded).
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.models import CommitteeMembership, OfficerTerm
from nagato_desk.services import attendance as att
from nagato_desk.services import committees, elections, meeting_actions, officers, votes
from nagato_desk.services.meeting_actions import ActionDraft
from nagato_desk.services.meetings import MeetingDraft, add_meeting
from nagato_desk.services.votes import AgendaDraft

PLACE = "宇津賀地区公民館 大会議室"
GUEST = ("長門 さくら（架空）", "長門市 企画政策課 市民協働推進室 地域づくり支援員")


def _agm_dates(today: date) -> tuple[date, date]:
    """(last year's, this year's) 総会: this year's on the day the current officers' terms begin
    (20 May, as ``demo_members`` has it), last year's a year before."""
    fy = fiscal_year_of(today)
    this = date(fy - 1 if today < date(fy, 5, 20) else fy, 5, 20)
    return date(this.year - 1, 5, 19), this


def _take_attendance(session: Session, meeting, rng: random.Random, chair_id: int | None) -> list[int]:
    """About 70% present, some proxies (to the chair or to someone present), a few written votes."""
    ids = [r.member_id for r in att.attendance_rows(session, meeting.id)]
    present = [i for i in ids if i == chair_id or rng.random() < 0.7]
    entries: dict[int, tuple[str, int | None]] = {i: ("present", None) for i in present}
    for i in ids:
        if i in entries:
            continue
        roll = rng.random()
        if roll < 0.45:
            entries[i] = ("proxy", None if roll < 0.3 else rng.choice(present))
        elif roll < 0.6:
            entries[i] = ("written", None)
    att.set_attendance_many(session, meeting.id, entries)
    return present


def _meeting(session: Session, rng: random.Random, draft: MeetingDraft, delegates: list[int] | None = None):
    m = add_meeting(session, draft)
    if delegates is not None:
        att.set_delegates(session, m.id, delegates)
    ids = [r.member_id for r in att.attendance_rows(session, m.id)]
    chair = draft.chair_member_id or (ids[0] if ids else None)
    present = _take_attendance(session, m, rng, chair)
    names = {r.member_id: r.name for r in att.attendance_rows(session, m.id)}
    signers: list[int] = []
    for i in present:  # two signers, neither the chair nor namesakes (the demo's names repeat)
        if (
            i != chair
            and names[i] not in {names.get(chair)} | {names[j] for j in signers}
            and len(signers) < 2
        ):
            signers.append(i)
    from dataclasses import replace

    from nagato_desk.services.meetings import draft_of, update_meeting

    update_meeting(session, m.id, replace(draft_of(m), chair_member_id=chair, signer_ids=signers))
    return m


def _delegates(session: Session, on: date) -> list[int]:
    officer_ids = {r.member_id for r in officers.officers_as_of(session, on)}
    cm = CommitteeMembership
    committee_ids = set(
        session.scalars(
            select(cm.member_id).where(
                (cm.joined_on.is_(None)) | (cm.joined_on <= on), (cm.left_on.is_(None)) | (cm.left_on > on)
            )
        )
    )
    return sorted(officer_ids | committee_ids)


def _holder(session: Session, on: date, role: str) -> int | None:
    return next((r.member_id for r in officers.officers_as_of(session, on) if r.role == role), None)


def _agm(session: Session, rng: random.Random, held_on: date, election: bool) -> None:
    fy = fiscal_year_of(held_on)
    prev, this = format_fiscal_year(fy - 1), format_fiscal_year(fy)
    delegates = _delegates(session, held_on)
    chair = delegates[len(delegates) // 2]  # 議長 chosen from those present (not the 会長)
    m = _meeting(
        session,
        rng,
        MeetingDraft(
            kind="general", held_on=held_on, starts_at=time(13, 30), ends_at=time(15, 10), place=PLACE,
            chair_member_id=chair, recorder_member_id=_holder(session, held_on, "事務局長"),
            notes="代議員制（役員・部会員）による総会",
        ),
        delegates,
    )  # fmt: skip
    att.add_guest(session, m.id, *GUEST)
    att.add_guest(session, m.id, "油谷 一郎（架空）", "長門市 油谷支所長")
    votes.add_agenda_item(session, m.id, AgendaDraft("会長あいさつ・来賓祝辞", section="report"))
    items = [
        (f"{prev}事業報告", "各部会の活動（敬老会、防災訓練、夏祭り、竹炭づくり）を報告した。", "plan"),
        (f"{prev}収支決算報告及び監査報告", "監事2名が会計監査を行い、適正であると報告した。", "budget"),
        (f"{this}事業計画（案）", "夢プランの前期計画に沿い、見守り活動と竹炭の販路拡大に取り組む。", "plan"),
        (f"{this}収支予算（案）", "市交付金と会費を主な財源とする予算案を提案した。", "budget"),
    ]
    total = len(att.attendance_rows(session, m.id))
    for title, proposal, subject in items:
        against = rng.randrange(0, 3)
        votes.add_agenda_item(
            session,
            m.id,
            AgendaDraft(
                title, proposal=proposal, subject=subject, vote_method="hands_majority" if against else "unanimous",
                discussion="質問：見守り活動の対象世帯はどのように決めるのか。\n回答：自治会長と民生委員が相談して決める。"
                if "事業計画" in title else "",
            ),
        )  # fmt: skip
    if election:
        item = votes.add_agenda_item(
            session,
            m.id,
            AgendaDraft("役員の選任について", proposal="任期満了に伴い、役員を別紙のとおり選任する。",
                        subject="election", vote_method="unanimous"),
        )  # fmt: skip
        terms = session.scalars(
            select(OfficerTerm.id).where(OfficerTerm.starts_on == held_on, OfficerTerm.committee_id.is_(None))
        ).all()
        elections.attach_terms(session, item.id, list(terms))
        base = votes._base(session, m.id)
        votes.add_agenda_item(
            session,
            m.id,
            AgendaDraft(
                "規約の一部改正について", subject="rules", vote_method="count",
                proposal="第12条（総会の定足数）に書面表決を含むことを明記する。",
                votes_for=base - 2, votes_against=1, votes_abstain=1,
                discussion="質問：書面表決書の様式は。\n回答：事務局で用意し、開催通知に同封する。",
            ),
        )  # fmt: skip
    else:
        votes.add_agenda_item(
            session, m.id,
            AgendaDraft("会費の見直しについて", proposal="世帯あたりの会費を見直す。", vote_method="continued",
                        discussion="自治会ごとの意見を聞いてから改めて審議することとした。"),
        )  # fmt: skip
    del total
    meeting_actions.add_action(
        session, m.id,
        ActionDraft("総会資料をホームページと回覧で周知する", who_text="事務局", due_on=held_on + timedelta(days=30),
                    done_on=held_on + timedelta(days=21)),
    )  # fmt: skip


BOARD_TOPICS = [
    ("夏祭りの準備について", "会場・出店・警備の分担を決める。"),
    ("敬老会の開催について", "対象者名簿の確認と記念品を決める。"),
    ("防災訓練の実施について", "避難所の開設訓練を行う。"),
    ("竹炭の販売について", "道の駅での販売を試みる。"),
    ("次年度の事業計画案について", "各部会の案を持ち寄る。"),
]


def _board(session: Session, rng: random.Random, day: date, n: int, today: date) -> None:
    m = _meeting(
            session, rng,
            MeetingDraft(kind="board", held_on=day, starts_at=time(19, 0), ends_at=time(20, 30), place="宇津賀地区公民館 会議室",
                         chair_member_id=_holder(session, day, "会長"), recorder_member_id=_holder(session, day, "事務局長")),
        )  # fmt: skip
    title, proposal = BOARD_TOPICS[n % len(BOARD_TOPICS)]
    votes.add_agenda_item(session, m.id, AgendaDraft("各部会の活動報告", section="report"))
    item = votes.add_agenda_item(
        session, m.id, AgendaDraft(title, proposal=proposal, vote_method="unanimous")
    )
    done = day + timedelta(days=40) if day + timedelta(days=40) < today else None
    meeting_actions.add_action(
            session, m.id,
            ActionDraft(f"{title.removesuffix('について')}の詳細を詰める", who_member_id=_holder(session, day, "副会長"),
                        due_on=day + timedelta(days=45), done_on=done, agenda_item_id=item.id),
        )  # fmt: skip


def _board_days(today: date, first: date) -> list[date]:
    """役員会 on the 10th of every other month from ``first`` until before ``today``."""
    days, day = [], first
    while day < today:
        days.append(day)
        month = day.month + 2
        day = date(day.year + (month > 12), (month - 1) % 12 + 1, 10)
    return days


COMMITTEE_TOPICS = (
    ("福祉部会", "見守り活動の進め方", "見守り対象世帯の名簿を民生委員と確認する"),
    ("防災・安全部会", "防災マップの改訂", "危険箇所を現地で確認する"),
)


def _committee_meeting(
    session: Session, rng: random.Random, day: date, name: str, topic: str, action: str
) -> None:
    committee = committees.committee_by_name(session, name)
    if committee is None:
        return
    m = _meeting(
                session, rng,
                MeetingDraft(kind="committee", held_on=day, committee_id=committee.id, starts_at=time(19, 0),
                             ends_at=time(20, 0), place="宇津賀地区公民館 和室"),
            )  # fmt: skip
    votes.add_agenda_item(session, m.id, AgendaDraft(topic, vote_method="hands_majority"))
    meeting_actions.add_action(
        session, m.id, ActionDraft(action, who_text=name, due_on=day + timedelta(days=120))
    )


def _workshop(session: Session, rng: random.Random, day: date, today: date) -> None:
    members = _delegates(session, day)[:24]
    m = _meeting(
        session, rng,
        MeetingDraft(kind="workshop", held_on=day, title="夢プラン見直しワークショップ", starts_at=time(13, 0),
                     ends_at=time(16, 0), place=PLACE, eligibility="delegates"),
        members,
    )  # fmt: skip
    att.add_guest(session, m.id, "吉村 准教授（架空）", "山口県立大学")
    votes.add_agenda_item(session, m.id, AgendaDraft("地区の10年後の姿について意見交換", section="report"))
    meeting_actions.add_action(
        session,
        m.id,
        ActionDraft(
            "出た意見を夢プランの見直し案にまとめる",
            who_text="地域振興部会",
            due_on=today + timedelta(days=60),
        ),
    )


def demo_meetings(session: Session, today: date) -> None:
    """Every meeting before ``today``, made in date order so that the numbers follow the dates."""
    rng = random.Random(20260520)
    last_agm, this_agm = _agm_dates(today)
    plan: list[tuple[date, int, object]] = []
    for held_on, election in ((last_agm, False), (this_agm, True)):
        plan.append((held_on, 0, lambda d=held_on, e=election: _agm(session, rng, d, e)))
    for n, day in enumerate(_board_days(today, date(last_agm.year, 4, 10))):
        plan.append((day, 1, lambda d=day, n=n: _board(session, rng, d, n, today)))
    for k, (name, topic, action) in enumerate(COMMITTEE_TOPICS):
        for offset in (25, 95):
            day = this_agm + timedelta(days=offset)
            plan.append(
                (day, 2 + k, lambda d=day, a=(name, topic, action): _committee_meeting(session, rng, d, *a))
            )
    day = this_agm + timedelta(days=60)
    plan.append((day, 9, lambda d=day: _workshop(session, rng, d, today)))
    for day, _order, make in sorted(plan, key=lambda p: (p[0], p[1])):
        if day < today:
            make()  # type: ignore[operator]
