"""夢プラン: the plan, its period, the current state (figures, survey), and versions on revision."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from plan_helpers import add_action, add_goal, council_session, make_plan, table_rows

from nagato_desk.errors import ValidationError
from nagato_desk.services import evaluations, goals, indicators, plan_actions, plans
from nagato_desk.services.evaluations import EvaluationDraft
from nagato_desk.services.indicators import IndicatorDraft
from nagato_desk.services.plans import PlanDraft, SurveyItemDraft
from tests.core.link_helpers import a_meeting_id


@pytest.fixture
def session(db):
    yield from council_session(db)


def test_plan_period_is_ten_fiscal_years(session):
    plan = make_plan(session, 2023)
    assert plans.plan_years(plan) == list(range(2023, 2033))
    assert plan.end_year == 2032
    # FY2023 = 令和5年度, FY2032 = 令和14年度
    assert plans.period_text(plan) == "令和5年度〜令和14年度"
    assert plans.period_text(plan, "seireki") == "2023年度〜2032年度"


def test_plan_fields_and_adopting_meeting_are_stored(session):
    meeting = a_meeting_id(session)
    draft = PlanDraft(
        title="宇津賀地区 地域の夢プラン",
        start_year=2023,
        vision="みんなで支え合い、笑顔で暮らせる宇津賀",
        current_state="人口は10年で約15%減少",
        issues="担い手不足",
        survey_summary="全世帯アンケート（回収率82%）",
        figures_year=2025,
        adopted_on=date(2023, 5, 21),
        adopted_meeting_id=meeting,
    )
    plan = plans.create_plan(session, draft)
    session.expire_all()
    version = plans.current_version(session, plan.id)
    assert version.number == 1
    assert plans.draft_of(version) == draft
    assert version.adopted_meeting_id == meeting


def test_bad_plan_refused_nothing_written(session):
    before = table_rows(session)
    with pytest.raises(ValidationError) as err:
        plans.create_plan(session, PlanDraft(title=" ", start_year=1800, adopted_meeting_id=-1))
    assert {p.field for p in err.value.problems} == {"title", "start_year", "adopted_meeting_id"}
    assert table_rows(session) == before


def test_population_figures_come_from_the_council_profile(session):
    plan = make_plan(session)
    version = plan.versions[0]
    figures = plans.plan_figures(session, version.id)
    # the latest year, FY2026: 200 + 125 = 325 people, 118 + 71 = 189 aged 65+ → 189 ÷ 325 = 58.15 %
    assert figures.fiscal_year == 2026
    assert (figures.totals.population, figures.totals.aged_65_plus) == (325, 189)
    assert figures.totals.ageing_rate == Decimal("58.15")
    # the trend: FY2025 210 + 130 = 340, then FY2026 325
    assert [(fy, t.population) for fy, t in figures.history] == [(2025, 340), (2026, 325)]
    # a plan pinned to FY2025 shows that year's figures: 100 + 60 = 160 households
    plans.update_plan(session, plan.id, PlanDraft(title=version.title, start_year=2023, figures_year=2025))
    figures = plans.plan_figures(session, version.id)
    assert (figures.fiscal_year, figures.totals.households) == (2025, 160)
    assert [fy for fy, _ in figures.history] == [2025]


def test_survey_items_text_and_numbers(session):
    version = make_plan(session).versions[0]
    a = plans.add_survey_item(session, version.id, SurveyItemDraft("今後も住み続けたい", "78.5", "%"))
    b = plans.add_survey_item(
        session, version.id, SurveyItemDraft("困っていること：買い物・通院", note="自由記述より")
    )
    assert [(i.question, i.value, i.unit) for i in version.survey_items] == [
        ("今後も住み続けたい", Decimal("78.5"), "%"),
        ("困っていること：買い物・通院", None, ""),
    ]
    plans.move_survey_item(session, b.id, -1)
    session.refresh(version)
    assert [i.id for i in version.survey_items] == [b.id, a.id]
    with pytest.raises(ValidationError) as err:
        plans.add_survey_item(session, version.id, SurveyItemDraft("回答数", "たくさん"))
    assert err.value.problems[0].field == "value"


def _fill(session, plan):
    version = plan.versions[0]
    goal = add_goal(session, version.id)
    action = add_action(session, goal.id, years=(2023, 2024, 2025))
    ind = indicators.add_indicator(
        session, version.id, IndicatorDraft("訪問世帯数", "世帯", action_id=action.id)
    )
    indicators.set_actual(session, ind.id, 2023, "40")
    evaluations.save_evaluation(session, action.id, 2023, EvaluationDraft("in_progress", "B", "月1回訪問"))
    plans.add_survey_item(session, version.id, SurveyItemDraft("住み続けたい", "80", "%"))
    return version, goal, action, ind


def test_revision_makes_a_new_version_and_keeps_the_old_unchanged(session):
    plan = make_plan(session)
    old, goal, action, ind = _fill(session, plan)
    before = {t: rows for t, rows in table_rows(session).items()}
    new = plans.revise_plan(
        session,
        plan.id,
        date(2027, 5, 20),
        "中間見直し：交通の取組を追加",
        PlanDraft("第2版の名称", 2023, vision="新しい将来像"),
    )
    assert (new.number, new.title, new.vision, new.revision_note) == (
        2,
        "第2版の名称",
        "新しい将来像",
        "中間見直し：交通の取組を追加",
    )
    # every old row is still there, byte for byte
    after = table_rows(session)
    for table, rows in before.items():
        assert after[table][: len(rows)] == rows, table
    # the new version has copies: one goal, one action with its years, the indicator with its actual,
    # the evaluation, the survey item
    [g2] = goals.list_goals(session, new.id)
    [a2] = plan_actions.actions_of_version(session, new.id)
    assert g2.id != goal.id and a2.id != action.id and a2.previous_action_id == action.id
    assert plan_actions.action_years(a2) == [2023, 2024, 2025]
    [i2] = indicators.list_indicators(session, new.id)
    assert (i2.action_id, [(v.fiscal_year, v.actual) for v in i2.values]) == (a2.id, [(2023, Decimal(40))])
    assert evaluations.get_evaluation(session, a2.id, 2023).done_text == "月1回訪問"
    assert [i.question for i in new.survey_items] == ["住み続けたい"]
    # changes to the new version leave the old one alone
    plan_actions.update_action(
        session, a2.id, plan_actions.ActionDraft("見守り活動（拡充）", years=[2023, 2024, 2025, 2026])
    )
    assert plan_actions.get_action(session, action.id).title == "見守り活動"
    assert [v.number for v in plans.plan_versions(session, plan.id)] == [1, 2]
    assert plans.current_version(session, plan.id).id == new.id


def test_old_version_refuses_every_edit(session):
    plan = make_plan(session)
    old, goal, action, ind = _fill(session, plan)
    plans.revise_plan(session, plan.id, date(2027, 5, 20), "中間見直し")
    before = table_rows(session)
    attempts = [
        lambda: goals.add_goal(session, old.id, goals.GoalDraft("教育", "x")),
        lambda: goals.update_goal(session, goal.id, goals.GoalDraft("教育", "x")),
        lambda: goals.move_goal(session, goal.id, 1),
        lambda: plan_actions.add_action(session, goal.id, plan_actions.ActionDraft("x")),
        lambda: plan_actions.toggle_action_year(session, action.id, 2026),
        lambda: plan_actions.delete_action(session, action.id),
        lambda: indicators.set_actual(session, ind.id, 2024, "5"),
        lambda: evaluations.save_evaluation(session, action.id, 2024, EvaluationDraft("done")),
        lambda: plans.add_survey_item(session, old.id, SurveyItemDraft("x")),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as err:
            attempt()
        assert "見直し前の版" in err.value.ja
    assert table_rows(session) == before


def test_revision_needs_a_note_and_keeps_the_period(session):
    plan = make_plan(session)
    with pytest.raises(ValidationError):
        plans.revise_plan(session, plan.id, date(2027, 5, 20), "  ")
    with pytest.raises(ValidationError) as err:
        plans.revise_plan(session, plan.id, date(2027, 5, 20), "見直し", PlanDraft("x", 2025))
    assert err.value.problems[0].field == "start_year"
    assert len(plans.plan_versions(session, plan.id)) == 1


def test_moving_the_period_keeps_scheduled_years_inside(session):
    plan = make_plan(session, 2023)
    goal = add_goal(session, plan.versions[0].id)
    add_action(session, goal.id, years=(2023,))
    with pytest.raises(ValidationError) as err:
        plans.update_plan(session, plan.id, PlanDraft("x", 2024))
    assert "2023" in err.value.ja
    assert plan.start_year == 2023
    plans.update_plan(session, plan.id, PlanDraft("x", 2022))  # 2023 still inside 2022–2031
    assert plans.plan_years(plan)[-1] == 2031


def test_list_trash_and_restore(session):
    a = make_plan(session, 2013)
    b = make_plan(session, 2023)
    assert [p.plan_id for p in plans.list_plans(session)] == [b.id, a.id]
    assert plans.latest_plan(session).id == b.id
    plans.delete_plan(session, b.id)
    assert [p.plan_id for p in plans.list_plans(session)] == [a.id]
    with pytest.raises(ValidationError):
        add_goal(session, b.versions[0].id)
    plans.restore_plan(session, b.id)
    assert plans.latest_plan(session).id == b.id


def test_survey_item_update_and_delete(session):
    version = make_plan(session).versions[0]
    item = plans.add_survey_item(session, version.id, SurveyItemDraft("住み続けたい", "70", "%"))
    plans.update_survey_item(session, item.id, SurveyItemDraft(" 今後も住み続けたい ", "76.4", "%", "全世帯"))
    assert (item.question, item.value, item.note) == ("今後も住み続けたい", Decimal("76.4"), "全世帯")
    before = table_rows(session)
    with pytest.raises(ValidationError) as err:
        plans.update_survey_item(session, item.id, SurveyItemDraft("", "1.234"))
    assert err.value.problems[0].field == "question"
    assert table_rows(session) == before
    plans.delete_survey_item(session, item.id)
    session.refresh(version)
    assert version.survey_items == []
