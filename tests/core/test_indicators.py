"""指標: achievement rates worked out by hand, targets and actuals per year, chart data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from plan_helpers import add_action, add_goal, council_session, make_plan, table_rows

from nagato_desk.errors import ValidationError
from nagato_desk.services import evaluations, indicators
from nagato_desk.services.indicators import IndicatorDraft, achievement_rate, nice_axis
from nagato_desk.services.plan_values import format_value, parse_value

D = Decimal


@pytest.fixture
def session(db):
    yield from council_session(db)


# -- the rate itself ------------------------------------------------------------------------------


def test_higher_is_better():
    # baseline 40, target 60, actual 55: (55 − 40) ÷ (60 − 40) = 15 ÷ 20 = 75.0 %
    assert achievement_rate("up", D(40), D(60), D(55)) == D("75.0")
    # actual beyond the target: (70 − 40) ÷ 20 = 150 %
    assert achievement_rate("up", D(40), D(60), D(70)) == D("150.0")
    # worse than the baseline: (30 − 40) ÷ 20 = −50 %
    assert achievement_rate("up", D(40), D(60), D(30)) == D("-50.0")
    # one decimal place, half up: (41 − 40) ÷ (43 − 40) = 33.333… → 33.3; (42 − 40) ÷ 3 = 66.666… → 66.7
    assert achievement_rate("up", D(40), D(43), D(41)) == D("33.3")
    assert achievement_rate("up", D(40), D(43), D(42)) == D("66.7")
    # decimals: baseline 62.5 %, target 80 %, actual 71.25: 8.75 ÷ 17.5 = 50 %
    assert achievement_rate("up", D("62.5"), D(80), D("71.25")) == D("50.0")


def test_lower_is_better():
    # baseline 12 accidents, target 6, actual 9: (9 − 12) ÷ (6 − 12) = −3 ÷ −6 = 50 %
    assert achievement_rate("down", D(12), D(6), D(9)) == D("50.0")
    # actual 4, better than the target: (4 − 12) ÷ (−6) = 133.333… → 133.3 %
    assert achievement_rate("down", D(12), D(6), D(4)) == D("133.3")
    # actual 15, worse than the baseline: (15 − 12) ÷ (−6) = −50 %
    assert achievement_rate("down", D(12), D(6), D(15)) == D("-50.0")
    # the target reached exactly: 100 %
    assert achievement_rate("down", D(12), D(6), D(6)) == D("100.0")


def test_missing_actual_or_target_gives_no_rate_not_zero():
    assert achievement_rate("up", D(40), D(60), None) is None
    assert achievement_rate("down", D(12), None, D(9)) is None
    # an actual equal to the baseline is a real 0 %, unlike a missing one
    assert achievement_rate("up", D(40), D(60), D(40)) == D("0.0")


def test_target_equal_to_baseline_keeps_the_level():
    # 維持: baseline = target = 50 participants; actual 45 → 45 ÷ 50 = 90 %; actual 55 → 110 %
    assert achievement_rate("up", D(50), D(50), D(45)) == D("90.0")
    assert achievement_rate("up", D(50), D(50), D(55)) == D("110.0")
    # lower is better, keep 8 accidents: actual 10 → 8 ÷ 10 = 80 %; actual 4 → 8 ÷ 4 = 200 %
    assert achievement_rate("down", D(8), D(8), D(10)) == D("80.0")
    assert achievement_rate("down", D(8), D(8), D(4)) == D("200.0")
    # keep at zero (no vacant houses): 0 → 100 %, 2 → 0 %
    assert achievement_rate("down", D(0), D(0), D(0)) == D("100.0")
    assert achievement_rate("down", D(0), D(0), D(2)) == D("0.0")
    # higher is better with target 0 (nothing to divide by): any actual ≥ 0 meets it
    assert achievement_rate("up", D(0), D(0), D(3)) == D("100.0")


def test_without_a_baseline_the_ratio_to_the_target_is_used():
    # 30 of a target 40 → 75 %; lower is better, target 6 and actual 8 → 6 ÷ 8 = 75 %
    assert achievement_rate("up", None, D(40), D(30)) == D("75.0")
    assert achievement_rate("down", None, D(6), D(8)) == D("75.0")


def test_unknown_direction_is_a_bug():
    with pytest.raises(ValueError):
        achievement_rate("sideways", D(1), D(2), D(3))


def test_values_as_typed():
    assert parse_value("７８．５") == D("78.5")
    assert parse_value("1,200") == D(1200)
    assert parse_value("62%") == D(62)
    assert parse_value("") is None and parse_value(None) is None
    for bad in ("abc", "1.234", True):
        with pytest.raises(ValidationError):
            parse_value(bad)
    assert format_value(D("1200")) == "1,200"
    assert format_value(D("78.50"), "%") == "78.5%"
    assert format_value(D(-3)) == "△3"
    assert format_value(None) == "—"


# -- stored indicators ---------------------------------------------------------------------------


@pytest.fixture
def plan(session):
    plan = make_plan(session)  # FY2023–2032
    goal = add_goal(session, plan.versions[0].id)
    action = add_action(session, goal.id)
    return plan, goal, action


def test_indicator_on_a_goal_with_targets_and_actuals(session, plan):
    p, goal, _ = plan
    version_id = p.versions[0].id
    ind = indicators.add_indicator(
        session,
        version_id,
        IndicatorDraft("見守り対象世帯の訪問率", "%", "up", "40", 2022, "80", goal_id=goal.id),
    )
    indicators.set_target(session, ind.id, 2023, "50")
    indicators.set_actual(session, ind.id, 2023, "46")
    indicators.set_actual(session, ind.id, 2024, "58")
    rows = {
        r.fiscal_year: r
        for y in (2023, 2024, 2025)
        for r in indicators.indicator_rows(session, version_id, y)
    }
    # FY2023 against its own target 50: (46 − 40) ÷ (50 − 40) = 60 %
    assert (rows[2023].target, rows[2023].target_is_final, rows[2023].rate) == (D(50), False, D("60.0"))
    # FY2024 has no yearly target → the final target 80: (58 − 40) ÷ (80 − 40) = 45 %
    assert (rows[2024].target, rows[2024].target_is_final, rows[2024].rate) == (D(80), True, D("45.0"))
    # FY2025 has no actual → no rate; progress to the final target uses the latest actual (58): 45 %
    assert rows[2025].actual is None and rows[2025].rate is None
    assert rows[2025].final_rate == D("45.0")
    assert rows[2023].owner == "安心して暮らせる地域"


def test_indicator_must_sit_on_a_goal_or_an_action(session, plan):
    p, goal, action = plan
    version_id = p.versions[0].id
    before = table_rows(session)
    with pytest.raises(ValidationError) as err:
        indicators.add_indicator(
            session, version_id, IndicatorDraft("x", goal_id=goal.id, action_id=action.id)
        )
    assert err.value.problems[0].field == "goal_id"
    with pytest.raises(ValidationError) as err:
        indicators.add_indicator(
            session, version_id, IndicatorDraft("", direction="left", baseline_value="x")
        )
    assert {p.field for p in err.value.problems} == {"name", "direction", "baseline_value", "goal_id"}
    assert table_rows(session) == before


def test_values_outside_the_period_and_locked_years_refused(session, plan):
    p, _, action = plan
    ind = indicators.add_indicator(
        session, p.versions[0].id, IndicatorDraft("参加者数", "人", action_id=action.id)
    )
    before = table_rows(session)
    for year in (2022, 2033):
        with pytest.raises(ValidationError) as err:
            indicators.set_actual(session, ind.id, year, "10")
        assert err.value.problems[0].field == "fiscal_year"
    evaluations.lock_year(session, p.id, 2024, date(2025, 5, 10))
    before = table_rows(session)
    with pytest.raises(ValidationError):
        indicators.set_actual(session, ind.id, 2024, "10")
    assert table_rows(session) == before
    # a target of a locked year is planning, not a result: allowed
    assert indicators.set_target(session, ind.id, 2024, "12").target == D(12)


def test_clearing_both_values_removes_the_year(session, plan):
    p, _, action = plan
    ind = indicators.add_indicator(
        session, p.versions[0].id, IndicatorDraft("参加者数", "人", action_id=action.id)
    )
    indicators.set_actual(session, ind.id, 2023, "10")
    indicators.set_target(session, ind.id, 2023, "12")
    indicators.set_actual(session, ind.id, 2023, "")
    assert [(v.fiscal_year, v.target, v.actual) for v in ind.values] == [(2023, D(12), None)]
    indicators.set_target(session, ind.id, 2023, None)
    assert ind.values == []


def test_chart_data(session, plan):
    p, goal, _ = plan
    ind = indicators.add_indicator(
        session,
        p.versions[0].id,
        IndicatorDraft("交通事故件数", "件", "down", "12", 2021, "6", goal_id=goal.id),
    )
    indicators.set_target(session, ind.id, 2025, "9")
    indicators.set_actual(session, ind.id, 2023, "11")
    indicators.set_actual(session, ind.id, 2024, "10")
    chart = indicators.indicator_chart(session, ind.id)
    # baseline year 2021 comes before the period 2023–2032: the axis starts there
    assert chart.years == list(range(2021, 2033))
    assert chart.baseline == (2021, D(12))
    assert chart.targets == [(2025, D(9)), (2032, D(6))]  # the final target at the last year
    assert chart.actuals == [(2023, D(11)), (2024, D(10))]
    # data 6…12, axis from 0 (counts) in steps of 2.5 (12 ÷ 5 = 2.4 → 2.5): 0, 2.5 … 12.5
    assert (chart.y_min, chart.y_max) == (D(0), D("12.5"))
    assert chart.y_ticks[:3] == [D(0), D("2.5"), D(5)]


def test_nice_axis():
    # 0…30: 30 ÷ 5 = 6 → step 10: 0, 10, 20, 30
    assert nice_axis(D(0), D(30)) == (D(0), D(30), [D(0), D(10), D(20), D(30)])
    # negative data keeps its negative end: −3…7, range 10 → step 2: −4 … 8
    low, high, ticks = nice_axis(D(-3), D(7))
    assert (low, high, len(ticks)) == (D(-4), D(8), 7)
    # all zero: an axis 0…1 still
    assert nice_axis(D(0), D(0))[1] > 0


def test_update_move_and_delete_indicators(session, plan):
    p, goal, action = plan
    vid = p.versions[0].id
    a = indicators.add_indicator(session, vid, IndicatorDraft("参加者数", "人", goal_id=goal.id))
    b = indicators.add_indicator(session, vid, IndicatorDraft("事故件数", "件", "down", action_id=action.id))
    indicators.update_indicator(
        session, a.id, IndicatorDraft("延べ参加者数", "人", "up", "120", 2022, "200", action_id=action.id)
    )
    assert (a.name, a.goal_id, a.action_id, a.baseline_value, a.final_target) == (
        "延べ参加者数",
        None,
        action.id,
        D(120),
        D(200),
    )
    indicators.move_indicator(session, b.id, -1)
    assert [i.name for i in indicators.list_indicators(session, vid)] == ["事故件数", "延べ参加者数"]
    indicators.set_actual(session, b.id, 2023, "3")
    indicators.delete_indicator(session, b.id)
    assert [i.name for i in indicators.list_indicators(session, vid)] == ["延べ参加者数"]
    assert table_rows(session)["plan_indicator_value"] == []
    # an indicator on another plan's goal is refused
    other = make_plan(session, 2013)
    g2 = add_goal(session, other.versions[0].id)
    with pytest.raises(ValidationError) as err:
        indicators.update_indicator(session, a.id, IndicatorDraft("x", goal_id=g2.id))
    assert err.value.problems[0].field == "goal_id"
