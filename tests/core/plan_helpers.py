"""Shared set-up for the dream-plan tests: a council with two committees and a plan FY2023–2032."""

from __future__ import annotations

from sqlalchemy import text

from nagato_desk.services import committees, goals, plan_actions, plans
from nagato_desk.services.associations import AssociationDraft, FiguresDraft
from nagato_desk.services.council import CouncilDraft, create_council

PLAN_TABLES = (
    "dream_plan",
    "dream_plan_version",
    "plan_survey_item",
    "plan_goal",
    "plan_action",
    "plan_action_year",
    "plan_indicator",
    "plan_indicator_value",
    "plan_evaluation",
    "plan_evaluation_lock",
)


def make_council(session) -> None:
    create_council(
        session,
        CouncilDraft(name="テスト協議会"),
        [
            AssociationDraft(
                "東区自治会", figures={2025: FiguresDraft(100, 210, 120), 2026: FiguresDraft(98, 200, 118)}
            ),
            AssociationDraft(
                "西区自治会", figures={2025: FiguresDraft(60, 130, 70), 2026: FiguresDraft(59, 125, 71)}
            ),
        ],
    )


def make_plan(session, start_year: int = 2023) -> plans.DreamPlan:
    return plans.create_plan(
        session, plans.PlanDraft(title="テスト地区 地域の夢プラン", start_year=start_year)
    )


def add_goal(
    session, version_id: int, field: str = "保健福祉", title: str = "安心して暮らせる地域"
) -> goals.Goal:
    return goals.add_goal(session, version_id, goals.GoalDraft(field=field, title=title))


def add_action(session, goal_id: int, title: str = "見守り活動", years=(2023, 2024), committee_id=None):
    return plan_actions.add_action(
        session, goal_id, plan_actions.ActionDraft(title=title, years=list(years), committee_id=committee_id)
    )


def committee(session, name: str) -> int:
    return committees.add_committee(session, name).id


def table_rows(session) -> dict[str, list]:
    """Every row of the plan tables (to prove nothing changed)."""
    return {t: session.execute(text(f"SELECT * FROM {t} ORDER BY id")).all() for t in PLAN_TABLES}


def council_session(db):
    """A session in a transaction on a database with a council (use as ``yield from``); rolled back."""
    with db.Session() as s:
        s.begin()
        make_council(s)
        yield s
        s.rollback()
