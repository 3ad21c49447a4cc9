"""The demo council's dream plan (地域の夢プラン) for 宇津賀: ten years from three fiscal years ago, with
three years of evaluations and indicator actuals; the first two evaluated years are reported (locked).

The themes follow what the city's plan says of 宇津賀 and its neighbours: a bamboo-charcoal community
business with 山口県立大学, watching over elderly people living alone, transport for shopping and
hospital visits, disaster preparedness, and keeping the summer festival. The wording is fictional.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, fiscal_year_start, format_fiscal_year
from nagato_desk.services import evaluations, goals, indicators, plan_actions, plans
from nagato_desk.services.committees import committee_by_name
from nagato_desk.services.demo_plan_data import ALL, GOALS, SURVEY
from nagato_desk.services.evaluations import EvaluationDraft
from nagato_desk.services.indicators import IndicatorDraft


def _years(spec: object, start: int) -> list[int]:
    if spec == ALL:
        return list(range(start, start + 10))
    return [start + offset for offset in spec]


def _indicator(session: Session, version_id: int, start: int, spec: tuple, **owner: int) -> None:
    name, unit, direction, baseline, final, targets, actuals = spec
    ind = indicators.add_indicator(
        session,
        version_id,
        IndicatorDraft(name, unit, direction, baseline, start - 1, final, **owner),
    )
    for offset, value in targets.items():
        indicators.set_target(session, ind.id, start + offset, value)
    for offset, value in actuals.items():
        indicators.set_actual(session, ind.id, start + offset, value)


def demo_plan(session: Session, today: date) -> None:
    fy = fiscal_year_of(today)
    start = fy - 3  # three fiscal years evaluated: start, start + 1, start + 2
    adopted = fiscal_year_start(start) + timedelta(days=50)  # the 総会 in late May
    plan = plans.create_plan(
        session,
        plans.PlanDraft(
            title="宇津賀地区 地域の夢プラン",
            start_year=start,
            vision="竹と海と人がつながり、だれもが安心して笑顔で暮らし続けられる宇津賀",
            current_state=(
                "宇津賀地区は日本海に面した農漁村で、5つの自治会からなる。人口は10年でおよそ15%減り、"
                "高齢化率は55%を超えた。一人暮らしの高齢者が増え、路線バスは1日3便に減った。"
                "一方で、山口県立大学との学域連携による竹炭づくりが始まり、夏祭りには帰省者も集まる。"
            ),
            issues=(
                "・一人暮らし高齢者の見守りと、集いの場の確保\n"
                "・買い物と通院の移動手段\n"
                "・災害時に避難の手助けが必要な人への備え\n"
                "・荒れた竹林と、地域の仕事・収入の不足\n"
                "・祭りや行事の担い手の高齢化"
            ),
            survey_summary=(
                f"{format_fiscal_year(start - 1)}に全世帯アンケートと集落点検（自治会ごとの地区の歩き点検）を行った。"
                "住み続けたいという声が多い一方、移動と見守りへの不安が大きい。"
            ),
            adopted_on=adopted,
        ),
    )
    version = plan.versions[0]
    for question, value, unit, note in SURVEY:
        plans.add_survey_item(session, version.id, plans.SurveyItemDraft(question, value, unit, note))
    for field, title, description, actions, goal_indicators in GOALS:
        goal = goals.add_goal(session, version.id, goals.GoalDraft(field, title, description))
        for spec in goal_indicators:
            _indicator(session, version.id, start, spec, goal_id=goal.id)
        for a_title, a_desc, committee, partners, cost, years, evals, a_indicators in actions:
            found = committee_by_name(session, committee)
            action = plan_actions.add_action(
                session,
                goal.id,
                plan_actions.ActionDraft(
                    title=a_title,
                    description=a_desc,
                    committee_id=found.id if found is not None else None,
                    partners=partners,
                    estimated_cost=cost,
                    years=_years(years, start),
                ),
            )
            for offset, (status, rating, done, issues, next_step) in evals.items():
                evaluations.save_evaluation(
                    session,
                    action.id,
                    start + offset,
                    EvaluationDraft(
                        status, rating, done, issues, next_step, evaluated_on=date(start + offset + 1, 4, 20)
                    ),
                )
            for spec in a_indicators:
                _indicator(session, version.id, start, spec, action_id=action.id)
    for offset in (0, 1):  # reported to the city at the end of May of the following year
        evaluations.lock_year(
            session, plan.id, start + offset, date(start + offset + 1, 5, 31), "市に報告済み"
        )
