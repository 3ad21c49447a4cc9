"""services/plan_views.py (the window's fast reads) gives what the core's services give."""

from __future__ import annotations

from datetime import date

from test_plan_data import TODAY, make_plan

from nagato_desk.services import evaluations as evaluations_service
from nagato_desk.services import plan_progress, plan_views, roadmap


def test_fast_roadmap_and_progress_equal_the_core_ones(db):
    ids = make_plan(db)
    with db.Session() as session:
        assert plan_views.fast_roadmap(session, ids.version, TODAY) == roadmap.roadmap(
            session, ids.version, TODAY
        )
        for fy in (2023, 2025, 2032):
            fast = plan_views.fast_progress(session, ids.version, fy, TODAY)
            assert fast == plan_progress.plan_progress(session, ids.version, fy, TODAY)


def test_outline_and_evaluation_lines(db):
    ids = make_plan(db)
    with db.session() as session:
        evaluations_service.save_evaluation(
            session,
            ids.watch,
            2024,
            evaluations_service.EvaluationDraft(
                status="in_progress", rating="C", done_text="訪問", evaluated_on=date(2025, 4, 30)
            ),
        )
    with db.Session() as session:
        goals = plan_views.outline(session, ids.version)
        assert [(g.title, [(a.title, a.committee, a.years) for a in g.actions]) for g in goals] == [
            ("高齢者の見守り", [("見守り訪問", "福祉部会", (2023, 2024, 2025))]),
            ("防災", [("防災訓練", "防災部会", (2024, 2026))]),
        ]
        lines = plan_views.evaluation_lines(session, ids.version, 2024)
    assert [(line.title, line.planned, line.evaluated) for line in lines] == [
        ("見守り訪問", True, True),
        ("防災訓練", True, False),
    ]
    assert (lines[0].draft.status, lines[0].draft.rating, lines[0].draft.done_text) == (
        "in_progress",
        "C",
        "訪問",
    )
    assert lines[0].draft.evaluated_on == date(2025, 4, 30)
    assert lines[1].draft == evaluations_service.EvaluationDraft()  # not evaluated: an empty form
