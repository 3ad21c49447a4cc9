"""The demo's links between records: activities serve dream-plan actions and are paid by cash entries,
resolutions and meeting actions name the action they are about, expenses of the 竹炭 business count
for its action, and each budget names the meeting that approved it. Matched by titles, so it holds
whatever ids the other demo steps gave."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.models import (
    AccountHead,
    Activity,
    ActivityCost,
    AgendaItem,
    BudgetRevision,
    CashEntry,
    Meeting,
    MeetingAction,
    PlanAction,
)
from nagato_desk.models.meeting import GENERAL_KINDS

#: a word of a title → a word of the dream-plan action's title
_ACTIONS = (
    ("見守り", "見守り訪問"),
    ("竹炭", "竹炭の製造"),
    ("子ども教室", "子ども教室"),
    ("夏祭り", "夏祭り"),
    ("防災訓練", "防災訓練"),
    ("防災マップ", "防災マップ"),
    ("危険箇所", "防災マップ"),
    ("買い物バス", "乗合送迎"),
    ("竹林整備", "竹林整備"),
)
#: an activity's title word → (head, description word) of the expenses that paid for it (same year)
_COSTS = (("夏祭り", "夏祭り事業費", ""), ("防災訓練", "防災事業費", "防災訓練"))


def _action_for(text: str, actions: list[PlanAction]) -> int | None:
    for word, target in _ACTIONS:
        if word in text:
            found = [a.id for a in actions if target in a.title]
            if found:
                return found[-1]  # the action of the latest version
    return None


def demo_links(session: Session, today: date) -> None:
    actions = list(session.scalars(select(PlanAction).order_by(PlanAction.id)))
    if not actions:
        return
    for activity in session.scalars(select(Activity)):
        activity.plan_action_id = _action_for(activity.title, actions)
        for word, head, description in _COSTS:
            if word not in activity.title or activity.status != "done":
                continue
            stmt = (
                select(CashEntry.id)
                .join(AccountHead, AccountHead.id == CashEntry.head_id)
                .where(
                    CashEntry.kind == "out",
                    CashEntry.fiscal_year == activity.fiscal_year,
                    AccountHead.name == head,
                    CashEntry.description.contains(description),
                )
            )
            for entry_id in session.scalars(stmt):
                session.add(ActivityCost(activity_id=activity.id, cash_entry_id=entry_id))
    for item in session.scalars(select(AgendaItem).where(AgendaItem.section == "deliberation")):
        item.plan_action_id = _action_for(item.title, actions)
    for action in session.scalars(select(MeetingAction)):
        action.plan_action_id = _action_for(action.what, actions)
    # the 竹炭 business's fuel and bags, and the bamboo-clearing tools, count for their actions
    for entry in session.scalars(select(CashEntry).where(CashEntry.kind == "out")):
        if "窯の燃料" in entry.description or "竹林整備" in entry.description:
            entry.plan_action_id = _action_for(entry.description.replace("窯の燃料", "竹炭"), actions)
    _approving_meetings(session)
    session.flush()


def _approving_meetings(session: Session) -> None:
    """The 当初予算 was approved by the year's 総会, an amendment by the last meeting before it."""
    meetings = list(
        session.scalars(select(Meeting).where(Meeting.deleted_at.is_(None)).order_by(Meeting.held_on))
    )
    for rev in session.scalars(select(BudgetRevision)):
        if rev.decided_on is None:
            continue
        held = [m for m in meetings if m.fiscal_year == rev.fiscal_year and m.held_on <= rev.decided_on]
        if rev.number == 0:
            held = [m for m in held if m.kind in GENERAL_KINDS]
        if held:
            rev.approved_meeting_id = held[-1].id
