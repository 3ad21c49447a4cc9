"""A small dream plan for the 夢プラン GUI tests (no tests here: the test_plan_* files import it).

FY2023–2032 (ten years). Two committees; goal 1 「高齢者の見守り」 (保健福祉) with action 「見守り訪問」
(福祉部会, planned FY2023–2025) and goal 2 「防災」 (生活安全) with action 「防災訓練」 (防災部会,
planned FY2024 and FY2026). Evaluations: 見守り訪問 FY2023 完了 A; 防災訓練 FY2025 完了 B (a year it
was not planned in).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
import shiboken6

from nagato_desk.gui.plan_view import PlanView, view_of
from nagato_desk.services import committees as committees_service
from nagato_desk.services import evaluations as evaluations_service
from nagato_desk.services import goals as goals_service
from nagato_desk.services import plan_actions as actions_service
from nagato_desk.services import plans as plans_service

START = 2023


@dataclass(frozen=True)
class PlanIds:
    plan: int
    version: int
    welfare: int  # committee
    safety: int  # committee
    goal_watch: int
    goal_safety: int
    watch: int  # action
    drill: int  # action


def make_plan(db, *, with_contents: bool = True) -> PlanIds:
    with db.session() as session:
        welfare = committees_service.add_committee(session, "福祉部会").id
        safety = committees_service.add_committee(session, "防災部会").id
        plan = plans_service.create_plan(
            session,
            plans_service.PlanDraft(
                title="試験地区 夢プラン", start_year=START, vision="みんなが安心して暮らせる地域"
            ),
        )
        version = plan.versions[0].id
        if not with_contents:
            return PlanIds(plan.id, version, welfare, safety, 0, 0, 0, 0)
        g1 = goals_service.add_goal(
            session, version, goals_service.GoalDraft("保健福祉", "高齢者の見守り")
        ).id
        g2 = goals_service.add_goal(session, version, goals_service.GoalDraft("生活安全", "防災")).id
        watch = actions_service.add_action(
            session,
            g1,
            actions_service.ActionDraft("見守り訪問", committee_id=welfare, years=[2023, 2024, 2025]),
        ).id
        drill = actions_service.add_action(
            session, g2, actions_service.ActionDraft("防災訓練", committee_id=safety, years=[2024, 2026])
        ).id
        evaluations_service.save_evaluation(
            session, watch, 2023, evaluations_service.EvaluationDraft(status="done", rating="A")
        )
        evaluations_service.save_evaluation(
            session, drill, 2025, evaluations_service.EvaluationDraft(status="done", rating="B")
        )
    return PlanIds(plan.id, version, welfare, safety, g1, g2, watch, drill)


def current_view(db, ids: PlanIds) -> PlanView:
    return view_of(db, ids.plan)


TODAY = date(2026, 11, 29)  # FY2026 is the current fiscal year


class _Widgets:
    def __init__(self) -> None:
        self.widgets: list = []

    def addWidget(self, widget) -> None:  # noqa: N802 (as qtbot's)
        self.widgets.append(widget)


@pytest.fixture
def plan_qt(qapp):
    """Like qtbot.addWidget, but the widgets are deleted at the end of the test, not left closed for a
    later test's font change to reach (qtbot's deleteLater never runs without an event loop)."""
    keeper = _Widgets()
    yield keeper
    for widget in reversed(keeper.widgets):
        if shiboken6.isValid(widget):
            widget.close()
            shiboken6.delete(widget)
