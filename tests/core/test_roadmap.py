"""年次計画表: planned / done / late / not planned across the ten years, and progress by goal, field, committee."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from plan_helpers import add_action, add_goal, committee, council_session, make_plan

from nagato_desk.services import evaluations, plan_progress, roadmap
from nagato_desk.services.evaluations import EvaluationDraft
from nagato_desk.services.roadmap import DONE, LATE, NONE, PLANNED, cell_state

TODAY = date(2026, 11, 29)  # in FY2026


@pytest.fixture
def session(db):
    yield from council_session(db)


def test_cell_state_rules():
    current = 2026
    # planned, year over, not 完了 → late (whatever else the evaluation says, or none)
    assert cell_state(True, None, 2024, current) == LATE
    assert cell_state(True, "in_progress", 2025, current) == LATE
    assert cell_state(True, "stopped", 2025, current) == LATE
    # planned and 完了 → done
    assert cell_state(True, "done", 2025, current) == DONE
    # planned, this year or later, not 完了 → planned
    assert cell_state(True, None, 2026, current) == PLANNED
    assert cell_state(True, "in_progress", 2026, current) == PLANNED
    assert cell_state(True, None, 2032, current) == PLANNED
    # not planned: empty, unless the work was done anyway
    assert cell_state(False, None, 2024, current) == NONE
    assert cell_state(False, "in_progress", 2024, current) == NONE
    assert cell_state(False, "done", 2024, current) == DONE


@pytest.fixture
def plan(session):
    plan = make_plan(session, 2023)  # FY2023–2032
    version = plan.versions[0]
    welfare = committee(session, "福祉部会")
    g1 = add_goal(session, version.id, "保健福祉", "見守り")
    g2 = add_goal(session, version.id, "地域公共交通", "移動の足")
    watch = add_action(session, g1.id, "見守り訪問", years=range(2023, 2033), committee_id=welfare)
    salon = add_action(session, g1.id, "ふれあいサロン", years=(2024, 2026, 2028), committee_id=welfare)
    bus = add_action(session, g2.id, "買い物・通院の送迎", years=(2025, 2026, 2027))
    ev = evaluations.save_evaluation
    ev(session, watch.id, 2023, EvaluationDraft("done", "A"))
    ev(session, watch.id, 2024, EvaluationDraft("in_progress", "C"))
    ev(session, watch.id, 2025, EvaluationDraft("done", "B"))
    ev(session, salon.id, 2024, EvaluationDraft("done", "A"))
    ev(session, salon.id, 2025, EvaluationDraft("done", "A"))  # not planned in 2025
    ev(session, bus.id, 2025, EvaluationDraft("not_started", "D"))
    return version, watch, salon, bus


def test_roadmap_grid_across_ten_years(session, plan):
    version, watch, salon, bus = plan
    grid = roadmap.roadmap(session, version.id, TODAY)
    assert grid.years == list(range(2023, 2033)) and grid.current_year == 2026
    states = {r.title: [c.state for c in r.cells] for r in grid.rows}
    P, D, L, N = PLANNED, DONE, LATE, NONE
    #                               2023 2024 2025 2026 2027 2028 2029 2030 2031 2032
    assert states["見守り訪問"] == [D, L, D, P, P, P, P, P, P, P]
    assert states["ふれあいサロン"] == [N, D, D, P, N, P, N, N, N, N]
    assert states["買い物・通院の送迎"] == [N, N, L, P, P, N, N, N, N, N]
    assert [r.title for r in grid.rows] == ["見守り訪問", "ふれあいサロン", "買い物・通院の送迎"]
    assert grid.rows[0].committee == "福祉部会" and grid.rows[2].committee == ""
    assert grid.rows[0].cells[1].rating == "C"
    # counted: done 2 + 2 = 4; late 1 + 1 = 2
    assert (grid.count(DONE), grid.count(LATE)) == (4, 2)


def test_the_same_plan_a_year_later(session, plan):
    version, *_ = plan
    grid = roadmap.roadmap(session, version.id, date(2027, 6, 1))
    # FY2026 is over now and nothing was 完了 in it: the planned cells of 2026 turn late
    assert [r.cells[3].state for r in grid.rows] == [LATE, LATE, LATE]


def test_progress_by_goal_field_and_committee(session, plan):
    version, *_ = plan
    progress = plan_progress.plan_progress(session, version.id, 2025, TODAY)
    # up to FY2025: 見守り訪問 planned 2023, 2024, 2025 (3 cells), done 2023, 2025, late 2024;
    # ふれあいサロン planned 2024 only (1), done; the 2025 完了 was not planned, so it is not counted
    [g1, g2] = progress.by_goal
    assert (g1.label, g1.actions, g1.planned, g1.done, g1.late) == ("見守り", 2, 4, 3, 1)
    assert g1.rate == Decimal("75.0")  # 3 ÷ 4
    # 買い物・通院の送迎: planned 2025 (1), late
    assert (g2.label, g2.planned, g2.done, g2.late, g2.rate) == ("移動の足", 1, 0, 1, Decimal("0.0"))
    # FY2025's own evaluations: 見守り done/B, サロン done/A, 送迎 not_started/D
    assert g1.statuses["done"] == 2 and g1.ratings == {"A": 1, "B": 1, "C": 0, "D": 0}
    assert g2.statuses["not_started"] == 1 and g2.ratings["D"] == 1
    assert [f.label for f in progress.by_field] == ["保健福祉", "地域公共交通"]  # the plan's order
    by_committee = {c.label: c for c in progress.by_committee}
    assert by_committee["福祉部会"].planned == 4 and by_committee["（部会未定）"].planned == 1
    total = progress.total
    # 5 planned cells, 3 done, 2 late → 60 %
    assert (total.actions, total.planned, total.done, total.late, total.rate) == (3, 5, 3, 2, Decimal("60.0"))
    assert total.evaluated == 3


def test_progress_before_anything_is_planned(session):
    version = make_plan(session, 2023).versions[0]
    goal = add_goal(session, version.id)
    add_action(session, goal.id, years=(2030,))
    total = plan_progress.plan_progress(session, version.id, 2024, TODAY).total
    assert (total.planned, total.rate) == (0, None)  # nothing planned yet: no rate, not 0 %
