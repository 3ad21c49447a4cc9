"""What the 夢プラン window lists, read with a few plain queries (columns, not objects), so that a plan
with hundreds of actions and ten years of evaluations still opens at once.

The rules stay in their own modules: the roadmap's cell states come from ``roadmap.cell_state`` and
the progress from ``plan_progress.progress_from_roadmap``; these functions only read faster and give
the same results (tests/gui/test_plan_views.py compares them).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of
from nagato_desk.models import Committee, DreamPlan, Evaluation, Goal, PlanAction, PlanActionYear
from nagato_desk.models.plan import PLAN_YEARS
from nagato_desk.services.evaluations import EvaluationDraft
from nagato_desk.services.plan_progress import PlanProgress, progress_from_roadmap
from nagato_desk.services.plans import get_version
from nagato_desk.services.roadmap import Roadmap, RoadmapCell, RoadmapRow, cell_state


@dataclass(frozen=True)
class ActionLine:
    action_id: int
    goal_id: int
    goal_title: str
    field: str
    title: str
    committee: str
    partners: str
    estimated_cost: int | None
    years: tuple[int, ...]


@dataclass(frozen=True)
class GoalLine:
    goal_id: int
    field: str
    title: str
    actions: list[ActionLine]


def _plan_period(session: Session, version_id: int) -> tuple[int, list[int]]:
    version = get_version(session, version_id)  # raises for an unknown version
    start = session.scalar(select(DreamPlan.start_year).where(DreamPlan.id == version.plan_id))
    return version.plan_id, list(range(start, start + PLAN_YEARS))


def action_lines(session: Session, version_id: int) -> list[ActionLine]:
    """Every action of the version in outline order (goals, then actions), with its planned years."""
    get_version(session, version_id)
    years: dict[int, list[int]] = defaultdict(list)
    for action_id, fy in session.execute(
        select(PlanActionYear.action_id, PlanActionYear.fiscal_year)
        .join(PlanAction, PlanAction.id == PlanActionYear.action_id)
        .join(Goal, Goal.id == PlanAction.goal_id)
        .where(Goal.version_id == version_id)
        .order_by(PlanActionYear.fiscal_year)
    ):
        years[action_id].append(fy)
    rows = session.execute(
        select(
            PlanAction.id,
            Goal.id,
            Goal.title,
            Goal.field,
            PlanAction.title,
            Committee.name,
            PlanAction.partners,
            PlanAction.estimated_cost,
        )
        .join(Goal, Goal.id == PlanAction.goal_id)
        .outerjoin(Committee, Committee.id == PlanAction.committee_id)
        .where(Goal.version_id == version_id)
        .order_by(Goal.sort_order, Goal.id, PlanAction.sort_order, PlanAction.id)
    )
    return [
        ActionLine(aid, gid, gtitle, field, title, committee or "", partners or "", cost, tuple(years[aid]))
        for aid, gid, gtitle, field, title, committee, partners, cost in rows
    ]


def outline(session: Session, version_id: int) -> list[GoalLine]:
    """The goals of the version in order, each with its actions (goals without actions too)."""
    goals = [
        GoalLine(gid, field, title, [])
        for gid, field, title in session.execute(
            select(Goal.id, Goal.field, Goal.title)
            .where(Goal.version_id == version_id)
            .order_by(Goal.sort_order, Goal.id)
        )
    ]
    by_id = {g.goal_id: g for g in goals}
    for line in action_lines(session, version_id):
        by_id[line.goal_id].actions.append(line)
    return goals


def _evaluations(session: Session, version_id: int, fiscal_year: int | None = None):  # type: ignore[no-untyped-def]
    query = (
        select(
            Evaluation.action_id,
            Evaluation.fiscal_year,
            Evaluation.status,
            Evaluation.rating,
            Evaluation.done_text,
            Evaluation.issues,
            Evaluation.next_step,
            Evaluation.evaluated_on,
        )
        .join(PlanAction, PlanAction.id == Evaluation.action_id)
        .join(Goal, Goal.id == PlanAction.goal_id)
        .where(Goal.version_id == version_id)
    )
    if fiscal_year is not None:
        query = query.where(Evaluation.fiscal_year == fiscal_year)
    return session.execute(query)


def fast_roadmap(session: Session, version_id: int, today: date | None = None) -> Roadmap:
    """The same grid as ``roadmap.roadmap`` (same cell rules), read with three queries."""
    plan_id, period = _plan_period(session, version_id)
    current = fiscal_year_of(today or date.today())
    evaluated = {
        (r.action_id, r.fiscal_year): (r.status, r.rating or "") for r in _evaluations(session, version_id)
    }
    rows = []
    for line in action_lines(session, version_id):
        planned = set(line.years)
        cells = []
        for fy in period:
            status, rating = evaluated.get((line.action_id, fy), (None, ""))
            cells.append(
                RoadmapCell(fy, fy in planned, cell_state(fy in planned, status, fy, current), status, rating)
            )
        rows.append(
            RoadmapRow(
                action_id=line.action_id,
                goal_id=line.goal_id,
                goal_title=line.goal_title,
                field=line.field,
                title=line.title,
                committee=line.committee,
                partners=line.partners,
                estimated_cost=line.estimated_cost,
                cells=cells,
            )
        )
    return Roadmap(plan_id, version_id, period, current, rows)


def fast_progress(
    session: Session, version_id: int, fiscal_year: int, today: date | None = None
) -> PlanProgress:
    """The same as ``plan_progress.plan_progress``, from the fast grid."""
    return progress_from_roadmap(fast_roadmap(session, version_id, today), fiscal_year)


@dataclass(frozen=True)
class EvaluationLine:
    action_id: int
    goal: str
    title: str
    planned: bool
    evaluated: bool
    draft: EvaluationDraft


def evaluation_lines(session: Session, version_id: int, fiscal_year: int) -> list[EvaluationLine]:
    """Every action of the version with its evaluation of ``fiscal_year`` (an empty draft if none)."""
    found = {
        r.action_id: EvaluationDraft(
            status=r.status,
            rating=r.rating or "",
            done_text=r.done_text or "",
            issues=r.issues or "",
            next_step=r.next_step or "",
            evaluated_on=r.evaluated_on,
        )
        for r in _evaluations(session, version_id, fiscal_year)
    }
    return [
        EvaluationLine(
            line.action_id,
            line.goal_title,
            line.title,
            fiscal_year in line.years,
            line.action_id in found,
            found.get(line.action_id, EvaluationDraft()),
        )
        for line in action_lines(session, version_id)
    ]


__all__ = [
    "ActionLine",
    "EvaluationLine",
    "GoalLine",
    "action_lines",
    "evaluation_lines",
    "fast_progress",
    "fast_roadmap",
    "outline",
]
