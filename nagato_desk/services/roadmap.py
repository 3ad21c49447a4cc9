"""年次計画表 (roadmap): every action × the plan's ten fiscal years, each cell planned, done, late or empty.

A cell is
- ``done`` when the action's evaluation for that year says 完了 (planned or not);
- ``late`` when the year is planned, is over (before the current fiscal year) and is not 完了;
- ``planned`` when the year is planned and is the current year or later (not yet 完了);
- ``none`` otherwise (not planned, nothing done).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of
from nagato_desk.models import Committee, Goal, PlanAction, PlanActionYear
from nagato_desk.services.evaluations import evaluation_states
from nagato_desk.services.plans import get_version, plan_years

PLANNED = "planned"
DONE = "done"
LATE = "late"
NONE = "none"
CELL_LABELS = {PLANNED: "予定", DONE: "完了", LATE: "遅れ", NONE: ""}


def cell_state(planned: bool, status: str | None, fiscal_year: int, current_year: int) -> str:
    """The state of one cell; ``status`` is the year's evaluation status (None: not evaluated)."""
    if status == "done":
        return DONE
    if not planned:
        return NONE
    return LATE if fiscal_year < current_year else PLANNED


@dataclass(frozen=True)
class RoadmapCell:
    fiscal_year: int
    planned: bool
    state: str
    status: str | None  # the year's evaluation status, if evaluated
    rating: str  # "" if none


@dataclass(frozen=True)
class RoadmapRow:
    action_id: int
    goal_id: int
    goal_title: str
    field: str
    title: str
    committee: str  # "" when no committee
    partners: str
    estimated_cost: int | None
    cells: list[RoadmapCell]


@dataclass(frozen=True)
class Roadmap:
    plan_id: int
    version_id: int
    years: list[int]
    current_year: int
    rows: list[RoadmapRow]

    def count(self, state: str) -> int:
        return sum(c.state == state for r in self.rows for c in r.cells)


def roadmap(session: Session, version_id: int, today: date | None = None) -> Roadmap:
    """The grid of a version; late is judged against ``today``'s fiscal year. Read as plain columns
    (no ORM rows), since the 夢プラン page redraws it after every click."""
    version = get_version(session, version_id)
    years = plan_years(version.plan)
    current = fiscal_year_of(today or date.today())
    states = evaluation_states(session, version_id)
    planned: dict[int, set[int]] = {}
    for aid, fy in session.execute(
        select(PlanActionYear.action_id, PlanActionYear.fiscal_year)
        .join(PlanActionYear.action)
        .join(PlanAction.goal)
        .where(Goal.version_id == version_id)
    ):
        planned.setdefault(aid, set()).add(fy)
    stmt = (
        select(
            PlanAction.id,
            PlanAction.goal_id,
            Goal.title,
            Goal.field,
            PlanAction.title,
            Committee.name,
            PlanAction.partners,
            PlanAction.estimated_cost,
        )
        .join(PlanAction.goal)
        .outerjoin(Committee, Committee.id == PlanAction.committee_id)
        .where(Goal.version_id == version_id)
        .order_by(Goal.sort_order, Goal.id, PlanAction.sort_order, PlanAction.id)
    )
    rows = []
    for aid, goal_id, goal_title, field, title, committee, partners, cost in session.execute(stmt):
        mine = planned.get(aid, set())
        cells = []
        for fy in years:
            status, rating = states.get((aid, fy), (None, ""))
            cells.append(
                RoadmapCell(fy, fy in mine, cell_state(fy in mine, status, fy, current), status, rating)
            )
        rows.append(
            RoadmapRow(aid, goal_id, goal_title, field, title, committee or "", partners, cost, cells)
        )
    return Roadmap(version.plan_id, version_id, years, current, rows)
