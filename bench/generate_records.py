"""The large council's records beyond the roster (see ``generate.py``): officers, ten years of a
一般会計 cash book, the dream plan with its evaluations, meetings with attendance and agenda, and
activities. Cheap parts go through the services (so the change history and links are real); the
bulk rows (cash entries, meetings, attendance) are inserted with plain SQL but consistent enough for
``nagato-desk check`` to be clean.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of
from nagato_desk.models import (
    PLAN_FIELDS,
    AgendaItem,
    Attendance,
    CashEntry,
    Meeting,
    MeetingSigner,
    Member,
)
from nagato_desk.reading import fold

MEETING_KINDS = ["board"] * 6 + ["workshop"] * 3 + ["training"]
TOPICS = [
    "夏祭り",
    "敬老会",
    "防災訓練",
    "竹炭",
    "見守り",
    "清掃活動",
    "予算",
    "事業計画",
    "広報誌",
    "交流サロン",
]
COMMITTEES = ("総務部会", "福祉部会", "環境部会", "防災・安全部会", "地域振興部会")


def active_member_ids(session: Session) -> list[int]:
    return list(
        session.scalars(
            select(Member.id)
            .where(Member.status == "active", Member.left_on.is_(None), Member.deleted_at.is_(None))
            .order_by(Member.id)
        )
    )


def add_officers(
    session: Session, members: list[int], first_fy: int, last_fy: int, rng: random.Random
) -> None:
    """Two-year terms from ``first_fy``: one 会長/事務局長/会計, two 副会長 and 監事, 20 役員 (one a 自治会)."""
    from nagato_desk.services.officers import TermDraft, add_term, ensure_default_roles, list_roles

    ensure_default_roles(session)
    roles = {r.name: r.id for r in list_roles(session)}
    seats = ["会長", "事務局長", "会計"] + ["副会長"] * 2 + ["監事"] * 2 + ["役員"] * 20
    for fy in range(first_fy, last_fy + 1, 2):
        starts, ends = date(fy, 4, 1), date(fy + 2, 3, 31)
        people = rng.sample(members, len(seats))
        for seat, member_id in zip(seats, people, strict=True):
            add_term(session, TermDraft(member_id, roles[seat], starts, None if fy + 2 > last_fy else ends))


def add_accounts(session: Session, first_fy: int, last_fy: int, per_year: int, rng: random.Random) -> int:
    """``per_year`` entries a year in the 一般会計 (bulk SQL); returns the fund id. Income outweighs the
    spending and cash is topped up from the bank, so no account ends a year below zero."""
    from nagato_desk.services.account_heads import list_heads
    from nagato_desk.services.funds import ensure_default_fund, list_money_accounts

    fund = ensure_default_fund(session, first_fy)
    cash, bank = (a.id for a in list_money_accounts(session, fund.id))
    heads = list_heads(session, fund.id)
    parents = {h.parent_id for h in heads}
    leaves = [h for h in heads if h.id not in parents and not h.role]
    income = [h.id for h in leaves if h.side == "in"]
    expense = [h.id for h in leaves if h.side == "out"]
    rows = []
    for fy in range(first_fy, last_fy + 1):
        start = date(fy, 4, 1)
        for n in range(1, per_year + 1):
            when = start + timedelta(days=rng.randrange(365))
            roll = rng.random()
            kind = "in" if roll < 0.3 else ("transfer" if roll < 0.35 else "out")
            small = kind == "out" and rng.random() < 0.3
            amount = {"in": rng.randint(20_000, 120_000), "transfer": rng.randint(10_000, 30_000)}.get(
                kind, rng.randint(100, 5_000) if small else rng.randint(1_000, 50_000)
            )
            rows.append({
                "fund_id": fund.id, "fiscal_year": fy, "entry_date": when, "kind": kind,
                "head_id": None if kind == "transfer" else rng.choice(income if kind == "in" else expense),
                "amount": amount, "money_account_id": cash if small else bank,
                "to_account_id": cash if kind == "transfer" else None,
                "voucher_no": n, "description": f"{rng.choice(TOPICS)} 摘要 {n}", "payee": "", "note": "",
            })  # fmt: skip
    session.execute(insert(CashEntry), rows)
    return fund.id


def add_plan(session: Session, first_fy: int, current: int, n_actions: int, rng: random.Random) -> list[int]:
    """A ten-year plan from ``first_fy``, 20 goals × 10 actions, every past planned year evaluated and an
    indicator per goal; through the services. Returns the action ids."""
    from nagato_desk.services import committees, evaluations, goals, indicators, plan_actions, plans

    existing = {c.name: c.id for c in committees.list_committees(session)}
    cids = [existing.get(n) or committees.add_committee(session, n).id for n in COMMITTEES]
    plan = plans.create_plan(session, plans.PlanDraft("ベンチマーク地区 地域の夢プラン", first_fy))
    v = plan.versions[0]
    actions = []
    per_goal = 10
    for gi in range((n_actions + per_goal - 1) // per_goal):
        goal = goals.add_goal(
            session, v.id, goals.GoalDraft(PLAN_FIELDS[gi % len(PLAN_FIELDS)], f"基本目標{gi + 1}")
        )
        for ai in range(min(per_goal, n_actions - gi * per_goal)):
            years = sorted(rng.sample(range(first_fy, first_fy + 10), rng.randint(2, 10)))
            draft = plan_actions.ActionDraft(
                f"{rng.choice(TOPICS)}の取組{gi + 1}-{ai + 1}", committee_id=rng.choice(cids), years=years,
                estimated_cost=rng.randint(0, 50) * 10_000,
            )  # fmt: skip
            action = plan_actions.add_action(session, goal.id, draft)
            actions.append(action.id)
            for fy in years:
                if fy < current:
                    status = rng.choices(["done", "in_progress", "revised", "not_started"], [6, 2, 1, 1])[0]
                    ev = evaluations.EvaluationDraft(status, rng.choice("ABCD"), "実施した。", "", "続ける。")
                    evaluations.save_evaluation(session, action.id, fy, ev)
            if ai == 0:
                ind = indicators.add_indicator(
                    session, v.id,
                    indicators.IndicatorDraft(f"指標{gi + 1}", "人", "up", "10", first_fy - 1, "100", action_id=action.id),
                )  # fmt: skip
                for fy in range(first_fy, current):
                    indicators.set_actual(session, ind.id, fy, str(10 + 9 * (fy - first_fy)))
    return actions


def add_meetings(
    session: Session, members: list[int], actions: list[int], today: date, count: int, rng: random.Random
) -> None:
    """``count`` meetings over ten years ending today (bulk SQL): a 定期総会 each May with two signers,
    the rest 役員会・ワークショップ・研修会 of 20–50 delegates each, three 議案 per meeting (some tied
    to a plan action), all passed with the quorum met."""
    step = timedelta(days=3650 // count)
    day = today - step * count
    meeting_rows, attendance, agenda, signers = [], [], [], []
    general_years: set[int] = set()
    first = (session.scalar(select(Meeting.number).order_by(Meeting.number.desc()).limit(1)) or 0) + 1
    for n in range(first, first + count):
        day += step
        fy = fiscal_year_of(day)
        kind = MEETING_KINDS[n % len(MEETING_KINDS)]
        if day.month >= 5 and fy not in general_years:
            kind = "general"
            general_years.add(fy)
        people = 50 if kind == "general" or n % 10 == 0 else rng.randint(20, 49)
        meeting_rows.append({"id": n, "number": n, "kind": kind, "title": "", "held_on": day, "fiscal_year": fy,
                             "place": rng.choice(["公民館", "集会所", "市民センター"]), "starts_at": "19:00",
                             "eligibility": "delegates"})  # fmt: skip
        chosen = rng.sample(members, people)
        meeting_rows[-1]["chair_member_id"] = chosen[0]  # present; 委任状 naming nobody go to the chair
        for member_id in chosen:
            status = (
                "present"
                if member_id == chosen[0]
                else rng.choices(["present", "absent", "proxy", "written"], [75, 12, 9, 4])[0]
            )
            attendance.append({"meeting_id": n, "member_id": member_id, "status": status})
        if kind == "general":
            signers += [{"meeting_id": n, "member_id": chosen[p], "position": p} for p in (1, 2)]
        for pos in range(1, 4):
            title = f"{rng.choice(TOPICS)}について"
            agenda.append({"meeting_id": n, "section": "deliberation", "number": pos, "position": pos,
                           "title": title, "vote_method": "unanimous", "vote_rule": "majority",
                           "computed_result": "passed", "result": "passed", "search_text": fold(title),
                           "plan_action_id": rng.choice(actions) if actions and pos == 1 else None})  # fmt: skip
    session.execute(insert(Meeting), meeting_rows)
    session.execute(insert(Attendance), attendance)
    session.execute(insert(AgendaItem), agenda)
    session.execute(insert(MeetingSigner), signers)


def add_activities(
    session: Session, fund_id: int, actions: list[int], first_fy: int, current: int, per_year: int,
    rng: random.Random, today: date,
) -> None:  # fmt: skip
    """``per_year`` activities a year through the services, each tied to a plan action and paid by one
    or two of that year's cash-book entries."""
    from nagato_desk.services.activities import ActivityDraft, add_activity

    out_by_year: dict[int, list[int]] = {}
    for entry_id, fy in session.execute(
        select(CashEntry.id, CashEntry.fiscal_year).where(
            CashEntry.fund_id == fund_id, CashEntry.kind == "out"
        )
    ):
        out_by_year.setdefault(fy, []).append(entry_id)
    for fy in range(first_fy, current + 1):
        for n in range(per_year):
            day = date(fy, 4, 1) + timedelta(days=rng.randrange(365))
            status = "done" if day <= today else "planned"
            topic = rng.choice(TOPICS)
            draft = ActivityDraft(
                starts_on=day, title=f"{topic} {n + 1}", field=rng.choice(PLAN_FIELDS),
                place=rng.choice(["公民館", "集会所", "小学校"]),
                participants_residents=rng.randint(5, 200) if status == "done" else 0,
                participants_volunteers=rng.randint(0, 20) if status == "done" else 0,
                content=f"{topic}を実施した。", status=status, plan_action_id=rng.choice(actions),
                cash_entry_ids=rng.sample(out_by_year.get(fy, []), rng.randint(1, 2)) if out_by_year.get(fy) else [],
            )  # fmt: skip
            add_activity(session, draft)
