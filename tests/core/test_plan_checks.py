"""The data check's dream-plan rules: years outside the period, unplanned and missing evaluations,
indicators pointing the wrong way."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from plan_helpers import add_action, add_goal, council_session, make_plan

from nagato_desk.services import evaluations, indicators, plan_checks, plans
from nagato_desk.services.evaluations import EvaluationDraft
from nagato_desk.services.indicators import IndicatorDraft

TODAY = date(2026, 11, 29)  # FY2026


@pytest.fixture
def session(db):
    yield from council_session(db)


def findings(session):
    return [
        *plan_checks.check_plan_years(session),
        *plan_checks.check_plan_evaluations(session, TODAY),
        *plan_checks.check_plan_indicators(session),
    ]


def test_a_clean_plan_has_no_findings(session):
    plan = make_plan(session)
    goal = add_goal(session, plan.versions[0].id)
    action = add_action(session, goal.id, years=(2025, 2026))
    evaluations.save_evaluation(session, action.id, 2025, EvaluationDraft("done", "A"))
    # 2026 is the current year: not yet due
    assert findings(session) == []


def test_unplanned_and_missing_evaluations_are_warnings(session):
    plan = make_plan(session)
    goal = add_goal(session, plan.versions[0].id)
    action = add_action(session, goal.id, "竹炭の販売", years=(2024, 2025))
    evaluations.save_evaluation(session, action.id, 2023, EvaluationDraft("done"))  # not planned
    evaluations.save_evaluation(session, action.id, 2025, EvaluationDraft("done"))
    found = findings(session)
    assert [(f.severity, f.ja) for f in found] == [
        (
            "warning",
            "夢プランの取組「竹炭の販売」は令和5年度に予定されていませんが、評価があります。"
            "年次計画表に年度を加えるか、評価を確かめてください。",
        ),
        ("warning", "夢プランの取組「竹炭の販売」の令和6年度の評価が未入力です。"),
    ]


def test_years_outside_the_period_are_errors(db):
    with db.Session() as s, s.begin():
        from plan_helpers import make_council

        make_council(s)
        plan = make_plan(s)  # FY2023–2032
        goal = add_goal(s, plan.versions[0].id)
        action = add_action(s, goal.id, "夏祭り", years=(2023,))
        ind = indicators.add_indicator(
            s, plan.versions[0].id, IndicatorDraft("来場者数", "人", action_id=action.id)
        )
        ids = (action.id, ind.id)
    # what the program refuses, written behind its back (an old file, a hand edit)
    conn = sqlite3.connect(db.path)
    conn.execute("INSERT INTO plan_action_year (action_id, fiscal_year) VALUES (?, 2035)", (ids[0],))
    conn.execute(
        "INSERT INTO plan_evaluation (action_id, fiscal_year, status, rating, done_text, issues, next_step) VALUES (?, 2020, 'done', 'Z', '', '', '')",
        (ids[0],),
    )
    conn.execute(
        "INSERT INTO plan_indicator_value (indicator_id, fiscal_year, actual) VALUES (?, 2040, 50000)",
        (ids[1],),
    )
    conn.commit()
    conn.close()
    with db.Session() as s:
        found = findings(s)
    errors = [f.ja for f in found if f.severity == "error"]
    assert (
        "夢プランの取組「夏祭り」の実施年度 令和17年度 が計画期間（令和5年度〜令和14年度）の外です。"
        in errors
    )
    assert "夢プランの取組「夏祭り」に計画期間外（令和2年度）の評価があります。" in errors
    assert "夢プランの指標「来場者数」の実績値が計画期間外の令和22年度に記録されています。" in errors
    assert "夢プランの取組「夏祭り」の令和2年度の評価に、使えない状況・評価の値があります。" in errors


def test_indicator_target_against_its_direction(session):
    plan = make_plan(session)
    goal = add_goal(session, plan.versions[0].id)
    indicators.add_indicator(
        session, plan.versions[0].id, IndicatorDraft("事故件数", "件", "up", "6", 2022, "2", goal_id=goal.id)
    )
    indicators.add_indicator(
        session, plan.versions[0].id, IndicatorDraft("参加者数", "人", "up", "6", 2022, "20", goal_id=goal.id)
    )
    [f] = findings(session)
    assert f.severity == "warning" and "「事故件数」は「高いほど良い」" in f.ja


def test_only_the_current_version_is_checked(session):
    plan = make_plan(session)
    goal = add_goal(session, plan.versions[0].id)
    action = add_action(session, goal.id, years=(2024,))
    plans.revise_plan(session, plan.id, date(2026, 5, 1), "見直し")
    # the 2024 evaluation is missing in both versions: reported once
    assert len(findings(session)) == 1
    assert action.id  # the old version's action still exists
