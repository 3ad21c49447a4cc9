"""進捗: how far the plan has come up to a fiscal year, by goal, by field (活動分野) and by committee.

For the years of the period up to and including ``fiscal_year``, from the roadmap cells:
``planned`` counts planned cells, ``done`` the planned cells that are 完了, ``late`` the planned
cells of finished years not 完了; ``rate`` = done ÷ planned (percent, one place; None without any
planned cell). Statuses and ratings count the evaluations of ``fiscal_year`` itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from nagato_desk.models import EVALUATION_STATUSES, RATINGS
from nagato_desk.money import rate
from nagato_desk.services.roadmap import DONE, LATE, Roadmap, RoadmapRow, roadmap

NO_COMMITTEE = "（部会未定）"


@dataclass
class ProgressRow:
    label: str
    actions: int = 0
    planned: int = 0  # planned cells up to the year
    done: int = 0  # of which 完了
    late: int = 0  # of which late (year over, not 完了)
    evaluated: int = 0  # actions with an evaluation of the year
    statuses: dict[str, int] = field(default_factory=lambda: dict.fromkeys(EVALUATION_STATUSES, 0))
    ratings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RATINGS, 0))

    @property
    def rate(self) -> Decimal | None:
        return rate(self.done, self.planned, places=1)


@dataclass(frozen=True)
class PlanProgress:
    version_id: int
    fiscal_year: int
    by_goal: list[ProgressRow]
    by_field: list[ProgressRow]
    by_committee: list[ProgressRow]
    total: ProgressRow


def _add(row: ProgressRow, r: RoadmapRow, fiscal_year: int) -> None:
    row.actions += 1
    for cell in r.cells:
        if cell.fiscal_year <= fiscal_year and cell.planned:
            row.planned += 1
            row.done += cell.state == DONE
            row.late += cell.state == LATE
        if cell.fiscal_year == fiscal_year and cell.status is not None:
            row.evaluated += 1
            row.statuses[cell.status] = row.statuses.get(cell.status, 0) + 1
            if cell.rating:
                row.ratings[cell.rating] = row.ratings.get(cell.rating, 0) + 1


def _group(grid: Roadmap, fiscal_year: int, key: Callable[[RoadmapRow], str]) -> list[ProgressRow]:
    groups: dict[str, ProgressRow] = {}
    for r in grid.rows:
        label = key(r)
        _add(groups.setdefault(label, ProgressRow(label)), r, fiscal_year)
    return list(groups.values())


def progress_from_roadmap(grid: Roadmap, fiscal_year: int) -> PlanProgress:
    from nagato_desk.models import PLAN_FIELDS

    by_goal = _group(grid, fiscal_year, lambda r: r.goal_title)
    by_field = _group(grid, fiscal_year, lambda r: r.field)
    by_field.sort(key=lambda p: PLAN_FIELDS.index(p.label) if p.label in PLAN_FIELDS else len(PLAN_FIELDS))
    by_committee = _group(grid, fiscal_year, lambda r: r.committee or NO_COMMITTEE)
    total = ProgressRow("合計")
    for r in grid.rows:
        _add(total, r, fiscal_year)
    return PlanProgress(grid.version_id, fiscal_year, by_goal, by_field, by_committee, total)


def plan_progress(
    session: Session, version_id: int, fiscal_year: int, today: date | None = None
) -> PlanProgress:
    """Progress of a version up to ``fiscal_year`` (late judged against ``today``'s fiscal year)."""
    return progress_from_roadmap(roadmap(session, version_id, today), fiscal_year)
