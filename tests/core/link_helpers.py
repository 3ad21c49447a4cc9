"""Records to link to: a meeting and a dream-plan action, made through the services (for tests of the
links between accounts, meetings, the plan and activities)."""

from __future__ import annotations

from datetime import date

from nagato_desk.services import goals, plan_actions, plans
from nagato_desk.services.meetings import MeetingDraft, add_meeting


def a_meeting_id(session, held_on: date = date(2026, 5, 17)) -> int:
    """A 役員会 (needs no chair or signers)."""
    return add_meeting(session, MeetingDraft(kind="board", held_on=held_on, place="公民館")).id


def a_plan_action_id(session, title: str = "見守り活動") -> int:
    plan = plans.latest_plan(session) or plans.create_plan(
        session, plans.PlanDraft(title="夢プラン", start_year=2023)
    )
    version = plan.versions[-1]
    goal = goals.add_goal(
        session, version.id, goals.GoalDraft(field="保健福祉", title="安心して暮らせる地域")
    )
    return plan_actions.add_action(session, goal.id, plan_actions.ActionDraft(title=title, years=[2026])).id
