"""What is linked to a dream-plan action (取組): what it cost per fiscal year from the cash book, the
resolutions (議案) and meeting actions (会議で決まった取組) about it, and the activities (事業) that
served it — and the choices the window offers to make those links.

An action keeps its history through revisions (見直し): the links of the action it was copied from
(``previous_action_id``, followed back through every older version) count for it too.

Cost of an action in a fiscal year = the sum of the 支出 (``kind == "out"``) cash entries of that year
linked to it directly (``cash_entry.plan_action_id``) or through an activity that served it
(``activity_cost`` of an activity not in the trash); an entry linked both ways counts once. Income
(a refund, a grant) is not subtracted: the figure is what was spent on the action.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.models import (
    Activity,
    ActivityCost,
    AgendaItem,
    CashEntry,
    Goal,
    Meeting,
    MeetingAction,
    PlanAction,
)
from nagato_desk.services.meetings import meeting_title
from nagato_desk.services.plan_actions import actions_of_version, get_action
from nagato_desk.services.votes import item_label, result_label

#: how a cash entry came to count for an action
VIA_ENTRY, VIA_ACTIVITY, VIA_BOTH = "entry", "activity", "both"


# -- history through the versions -------------------------------------------------------------------


def _previous_map(session: Session) -> dict[int, int]:
    """action id → the action it was copied from (the whole table: a plan holds a few hundred)."""
    stmt = select(PlanAction.id, PlanAction.previous_action_id).where(
        PlanAction.previous_action_id.is_not(None)
    )
    return {row.id: row.previous_action_id for row in session.execute(stmt)}


def _lineage(action_id: int, previous: dict[int, int]) -> list[int]:
    """The action and the actions it was copied from, newest first (safe against a loop)."""
    chain = [action_id]
    while (before := previous.get(chain[-1])) is not None and before not in chain:
        chain.append(before)
    return chain


def action_lineage(session: Session, action_id: int) -> list[int]:
    """``action_id`` and its earlier selves in older versions of the plan, newest first."""
    return _lineage(action_id, _previous_map(session))


def _owners(session: Session, action_ids: list[int]) -> dict[int, int]:
    """Every action in the history of ``action_ids`` → the action of ``action_ids`` it became."""
    previous = _previous_map(session)
    owners: dict[int, int] = {}
    for action_id in action_ids:
        for older in _lineage(action_id, previous):
            owners.setdefault(older, action_id)
    return owners


# -- cost ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CostEntry:
    """A 支出 of the cash book that counts for an action."""

    entry_id: int
    fiscal_year: int
    entry_date: date
    voucher_no: int
    description: str
    amount: int
    via: str  # VIA_ENTRY, VIA_ACTIVITY or VIA_BOTH


def _cost_rows(session: Session, owners: dict[int, int]) -> dict[int, dict[int, CostEntry]]:
    """owner action → entry id → the entry (each entry once per owner, with how it is linked)."""
    ids = list(owners)
    out: dict[int, dict[int, CostEntry]] = defaultdict(dict)
    if not ids:
        return out
    cols = (
        CashEntry.id,
        CashEntry.fiscal_year,
        CashEntry.entry_date,
        CashEntry.voucher_no,
        CashEntry.description,
        CashEntry.amount,
    )
    direct = select(*cols, CashEntry.plan_action_id.label("action_id")).where(
        CashEntry.kind == "out", CashEntry.plan_action_id.in_(ids)
    )
    through = (
        select(*cols, Activity.plan_action_id.label("action_id"))
        .join(ActivityCost, ActivityCost.cash_entry_id == CashEntry.id)
        .join(Activity, Activity.id == ActivityCost.activity_id)
        .where(CashEntry.kind == "out", Activity.plan_action_id.in_(ids), Activity.deleted_at.is_(None))
    )
    for via, stmt in ((VIA_ENTRY, direct), (VIA_ACTIVITY, through)):
        for r in session.execute(stmt):
            entries = out[owners[r.action_id]]
            seen = entries.get(r.id)
            if seen is not None:
                if seen.via != via:
                    entries[r.id] = replace(seen, via=VIA_BOTH)
                continue
            entries[r.id] = CostEntry(
                r.id, r.fiscal_year, r.entry_date, r.voucher_no, r.description, r.amount, via
            )
    return out


def _by_year(entries: dict[int, CostEntry]) -> dict[int, int]:
    years: dict[int, int] = defaultdict(int)
    for e in entries.values():
        years[e.fiscal_year] += e.amount
    return dict(sorted(years.items()))


def cost_by_year(session: Session, action_id: int) -> dict[int, int]:
    """fiscal year → yen spent on the action (and its earlier selves), only years with a cost."""
    get_action(session, action_id)
    return _by_year(_cost_rows(session, _owners(session, [action_id])).get(action_id, {}))


# -- everything about one action --------------------------------------------------------------------


@dataclass(frozen=True)
class LinkedResolution:
    item_id: int
    meeting_id: int
    meeting_number: int
    held_on: date
    fiscal_year: int
    meeting_title: str
    label: str  # 第1号議案 / 報告1
    title: str
    section: str  # report / deliberation
    result: str  # 可決 … or "" (not voted, or a report)


@dataclass(frozen=True)
class LinkedMeetingAction:
    action_id: int
    meeting_id: int
    meeting_number: int
    held_on: date
    what: str
    who: str
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class LinkedActivity:
    activity_id: int
    starts_on: date
    fiscal_year: int
    title: str
    status: str  # planned / done
    cost: int  # its linked 支出 entries


@dataclass
class ActionLinks:
    action_id: int
    title: str
    costs: dict[int, int]  # fiscal year → yen
    entries: list[CostEntry]  # by date
    resolutions: list[LinkedResolution]  # by meeting date
    meeting_actions: list[LinkedMeetingAction]  # by meeting date
    activities: list[LinkedActivity] = field(default_factory=list)  # by date

    @property
    def total_cost(self) -> int:
        return sum(self.costs.values())


def _resolutions(session: Session, owners: dict[int, int]) -> dict[int, list[LinkedResolution]]:
    stmt = (
        select(AgendaItem, Meeting)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(AgendaItem.plan_action_id.in_(list(owners)), Meeting.deleted_at.is_(None))
        .order_by(Meeting.held_on, Meeting.number, AgendaItem.position, AgendaItem.id)
    )
    out: dict[int, list[LinkedResolution]] = defaultdict(list)
    for item, m in session.execute(stmt):
        out[owners[item.plan_action_id]].append(  # type: ignore[index]
            LinkedResolution(
                item.id, m.id, m.number, m.held_on, m.fiscal_year, meeting_title(m), item_label(item),
                item.title, item.section, result_label(item.result) if item.section == "deliberation" else "",
            )
        )  # fmt: skip
    return out


def _meeting_actions(session: Session, owners: dict[int, int]) -> dict[int, list[LinkedMeetingAction]]:
    stmt = (
        select(MeetingAction, Meeting)
        .join(Meeting, Meeting.id == MeetingAction.meeting_id)
        .where(MeetingAction.plan_action_id.in_(list(owners)), Meeting.deleted_at.is_(None))
        .order_by(Meeting.held_on, Meeting.number, MeetingAction.id)
    )
    out: dict[int, list[LinkedMeetingAction]] = defaultdict(list)
    for a, m in session.execute(stmt):
        who = a.who.name if a.who is not None else a.who_text
        out[owners[a.plan_action_id]].append(  # type: ignore[index]
            LinkedMeetingAction(a.id, m.id, m.number, m.held_on, a.what, who, a.due_on, a.done_on)
        )
    return out


def _activities(session: Session, owners: dict[int, int]) -> dict[int, list[LinkedActivity]]:
    stmt = (
        select(Activity)
        .where(Activity.plan_action_id.in_(list(owners)), Activity.deleted_at.is_(None))
        .order_by(Activity.starts_on, Activity.id)
    )
    activities = list(session.scalars(stmt))
    costs = activity_costs(session, [a.id for a in activities])
    out: dict[int, list[LinkedActivity]] = defaultdict(list)
    for a in activities:
        out[owners[a.plan_action_id]].append(  # type: ignore[index]
            LinkedActivity(a.id, a.starts_on, a.fiscal_year, a.title, a.status, costs.get(a.id, 0))
        )
    return out


def activity_costs(session: Session, activity_ids: list[int]) -> dict[int, int]:
    """activity id → the sum of its linked 支出 entries (activities without one are left out)."""
    if not activity_ids:
        return {}
    stmt = (
        select(ActivityCost.activity_id, CashEntry.id, CashEntry.amount)
        .join(CashEntry, CashEntry.id == ActivityCost.cash_entry_id)
        .where(ActivityCost.activity_id.in_(activity_ids), CashEntry.kind == "out")
    )
    out: dict[int, int] = defaultdict(int)
    for activity_id, _entry_id, amount in {tuple(r) for r in session.execute(stmt)}:
        out[activity_id] += amount
    return dict(out)


def activity_actions(session: Session, activity_ids: list[int]) -> dict[int, str]:
    """activity id → 「基本目標 › 取組」 of the dream-plan action it served (those without one left out)."""
    if not activity_ids:
        return {}
    stmt = (
        select(Activity.id, Goal.title, PlanAction.title)
        .join(PlanAction, PlanAction.id == Activity.plan_action_id)
        .join(Goal, Goal.id == PlanAction.goal_id)
        .where(Activity.id.in_(activity_ids))
    )
    return {activity_id: f"{goal} › {title}" for activity_id, goal, title in session.execute(stmt)}


def action_links(session: Session, action_id: int) -> ActionLinks:
    """Everything linked to an action and its earlier selves (for the 夢プラン window)."""
    action = get_action(session, action_id)
    owners = _owners(session, [action_id])
    entries = _cost_rows(session, owners).get(action_id, {})
    return ActionLinks(
        action_id,
        action.title,
        _by_year(entries),
        sorted(entries.values(), key=lambda e: (e.entry_date, e.voucher_no, e.entry_id)),
        _resolutions(session, owners).get(action_id, []),
        _meeting_actions(session, owners).get(action_id, []),
        _activities(session, owners).get(action_id, []),
    )


# -- a whole version, for the 評価シート -------------------------------------------------------------


@dataclass(frozen=True)
class ActionYearLinks:
    cost: int  # yen spent in the year
    cost_to_date: int  # yen spent from the first year up to and including the year
    resolutions: int  # 議決 (審議事項 with a result) in meetings of the year
    meeting_actions: int  # actions agreed in meetings of the year
    activities: int  # activities of the year (held or planned)


def version_links(session: Session, version_id: int, fiscal_year: int) -> dict[int, ActionYearLinks]:
    """action id → its links in ``fiscal_year``, for every action of the version (zeros included)."""
    ids = [a.id for a in actions_of_version(session, version_id)]
    owners = _owners(session, ids)
    costs = _cost_rows(session, owners)
    counted = defaultdict(lambda: [0, 0, 0])
    if owners:
        keys = list(owners)
        queries = (
            select(AgendaItem.plan_action_id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.plan_action_id.in_(keys),
                AgendaItem.section == "deliberation",
                AgendaItem.result != "",
                Meeting.fiscal_year == fiscal_year,
                Meeting.deleted_at.is_(None),
            ),
            select(MeetingAction.plan_action_id)
            .join(Meeting, Meeting.id == MeetingAction.meeting_id)
            .where(
                MeetingAction.plan_action_id.in_(keys),
                Meeting.fiscal_year == fiscal_year,
                Meeting.deleted_at.is_(None),
            ),
            select(Activity.plan_action_id).where(
                Activity.plan_action_id.in_(keys),
                Activity.fiscal_year == fiscal_year,
                Activity.deleted_at.is_(None),
            ),
        )
        for n, stmt in enumerate(queries):
            for linked in session.scalars(stmt):
                counted[owners[linked]][n] += 1
    out = {}
    for action_id in ids:
        years = _by_year(costs.get(action_id, {}))
        resolutions, meeting_actions, activities = counted[action_id]
        out[action_id] = ActionYearLinks(
            years.get(fiscal_year, 0),
            sum(v for fy, v in years.items() if fy <= fiscal_year),
            resolutions,
            meeting_actions,
            activities,
        )
    return out


# -- choices for the window ----------------------------------------------------------------------


@dataclass(frozen=True)
class ActionChoice:
    action_id: int
    goal: str
    title: str

    @property
    def label(self) -> str:
        """「安心して暮らせる地域 › 見守り活動」"""
        return f"{self.goal} › {self.title}"


def action_choices(session: Session, keep: int | None = None) -> list[ActionChoice]:
    """The actions of the current version of the latest plan, in the outline's order; ``keep`` (an
    action already linked, perhaps of an older version) is added at the end when it is not among them."""
    from nagato_desk.services.plans import current_version, latest_plan

    plan = latest_plan(session)
    choices: list[ActionChoice] = []
    if plan is not None:
        version = current_version(session, plan.id)
        # plain columns, in the outline's order (``actions_of_version`` loads every action's years)
        rows = session.execute(
            select(PlanAction.id, Goal.title, PlanAction.title)
            .join(Goal, Goal.id == PlanAction.goal_id)
            .where(Goal.version_id == version.id)
            .order_by(Goal.sort_order, Goal.id, PlanAction.sort_order, PlanAction.id)
        )
        choices = [ActionChoice(action_id, goal, title) for action_id, goal, title in rows]
    if keep is not None and all(c.action_id != keep for c in choices):
        action = session.get(PlanAction, keep)
        if action is not None:
            goal = session.get(Goal, action.goal_id)
            choices.append(ActionChoice(action.id, goal.title if goal else "", action.title))
    return choices


@dataclass(frozen=True)
class MeetingChoice:
    meeting_id: int
    number: int
    held_on: date
    title: str


def meeting_choices(session: Session, keep: int | None = None) -> list[MeetingChoice]:
    """Meetings not in the trash, newest first (``keep`` is included even when in the trash)."""
    stmt = select(Meeting).where(Meeting.deleted_at.is_(None) | (Meeting.id == (keep or 0)))
    stmt = stmt.order_by(Meeting.held_on.desc(), Meeting.number.desc())
    return [MeetingChoice(m.id, m.number, m.held_on, meeting_title(m)) for m in session.scalars(stmt)]


@dataclass(frozen=True)
class EntryChoice:
    entry_id: int
    entry_date: date
    voucher_no: int
    head: str
    description: str
    payee: str
    amount: int
    fund: str = ""  # 一般会計 … (voucher numbers run per fund)


def expense_choices(session: Session, fiscal_year: int) -> list[EntryChoice]:
    """The 支出 entries of a fiscal year (every fund), by date: what an activity may have cost."""
    from nagato_desk.models import AccountHead, Fund

    stmt = (
        select(CashEntry, AccountHead.name, Fund.name)
        .join(Fund, Fund.id == CashEntry.fund_id)
        .outerjoin(AccountHead, AccountHead.id == CashEntry.head_id)
        .where(CashEntry.kind == "out", CashEntry.fiscal_year == fiscal_year)
        .order_by(CashEntry.entry_date, CashEntry.voucher_no, CashEntry.id)
    )
    return [
        EntryChoice(e.id, e.entry_date, e.voucher_no, head or "", e.description, e.payee, e.amount, fund)
        for e, head, fund in session.execute(stmt)
    ]


def entry_choices(session: Session, entry_ids: list[int]) -> list[EntryChoice]:
    """The given entries (whatever their year or kind), by date."""
    from nagato_desk.models import AccountHead, Fund

    if not entry_ids:
        return []
    stmt = (
        select(CashEntry, AccountHead.name, Fund.name)
        .join(Fund, Fund.id == CashEntry.fund_id)
        .outerjoin(AccountHead, AccountHead.id == CashEntry.head_id)
        .where(CashEntry.id.in_(entry_ids))
        .order_by(CashEntry.entry_date, CashEntry.voucher_no, CashEntry.id)
    )
    return [
        EntryChoice(e.id, e.entry_date, e.voucher_no, head or "", e.description, e.payee, e.amount, fund)
        for e, head, fund in session.execute(stmt)
    ]
