"""The data check's rules for the dream plan (registered in ``services/check.py`` DOMAIN_CHECKS).

Only the current version of each plan is checked: earlier versions are frozen copies.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.models import (
    EVALUATION_STATUSES,
    RATINGS,
    DreamPlan,
    Evaluation,
    Goal,
    Indicator,
    IndicatorValue,
    PlanAction,
    PlanActionYear,
)

if TYPE_CHECKING:
    from nagato_desk.services.check import Finding


def _finding(severity: str, ja: str, en: str) -> Finding:
    # imported here: services/check.py imports this module to register the rules
    from nagato_desk.services.check import Finding

    return Finding(severity, ja, en)


def _current_versions(session: Session) -> list[tuple[DreamPlan, int]]:
    plans = session.scalars(select(DreamPlan).where(DreamPlan.deleted_at.is_(None)).order_by(DreamPlan.id))
    return [(p, p.versions[-1].id) for p in plans if p.versions]


def _fy(fy: int) -> str:
    try:
        return format_fiscal_year(fy)
    except ValueError:
        return f"{fy}年度"


def check_plan_years(session: Session) -> Iterable[Finding]:
    """Action years, evaluations and indicator values outside the plan period (errors)."""
    for plan, version_id in _current_versions(session):
        low, high = plan.start_year, plan.end_year
        period = f"{_fy(low)}〜{_fy(high)}"
        stmt = (
            select(PlanAction.title, PlanActionYear.fiscal_year)
            .join(PlanActionYear.action)
            .join(PlanAction.goal)
            .where(Goal.version_id == version_id)
            .where((PlanActionYear.fiscal_year < low) | (PlanActionYear.fiscal_year > high))
        )
        for title, fy in session.execute(stmt):
            yield _finding(
                "error",
                f"夢プランの取組「{title}」の実施年度 {_fy(fy)} が計画期間（{period}）の外です。",
                f"Dream plan action '{title}' is scheduled in FY{fy}, outside the plan period.",
            )
        stmt = (
            select(PlanAction.title, Evaluation.fiscal_year)
            .join(Evaluation.action)
            .join(PlanAction.goal)
            .where(Goal.version_id == version_id)
            .where((Evaluation.fiscal_year < low) | (Evaluation.fiscal_year > high))
        )
        for title, fy in session.execute(stmt):
            yield _finding(
                "error",
                f"夢プランの取組「{title}」に計画期間外（{_fy(fy)}）の評価があります。",
                f"Dream plan action '{title}' has an evaluation for FY{fy}, outside the plan period.",
            )
        stmt = (
            select(Indicator.name, IndicatorValue.fiscal_year, IndicatorValue.actual)
            .join(IndicatorValue.indicator)
            .where(Indicator.version_id == version_id)
            .where((IndicatorValue.fiscal_year < low) | (IndicatorValue.fiscal_year > high))
        )
        for name, fy, actual in session.execute(stmt):
            what = "実績値" if actual is not None else "目標値"
            yield _finding(
                "error",
                f"夢プランの指標「{name}」の{what}が計画期間外の{_fy(fy)}に記録されています。",
                f"Dream plan indicator '{name}' has a value for FY{fy}, outside the plan period.",
            )


def check_plan_evaluations(session: Session, today: date | None = None) -> Iterable[Finding]:
    """Evaluations for years the action was not planned in, planned years over without an
    evaluation, and unknown statuses or ratings."""
    current = fiscal_year_of(today or date.today())
    for plan, version_id in _current_versions(session):
        planned = {
            (aid, fy)
            for aid, fy in session.execute(
                select(PlanActionYear.action_id, PlanActionYear.fiscal_year)
                .join(PlanActionYear.action)
                .join(PlanAction.goal)
                .where(Goal.version_id == version_id)
            )
        }
        titles = dict(
            session.execute(
                select(PlanAction.id, PlanAction.title)
                .join(PlanAction.goal)
                .where(Goal.version_id == version_id)
            ).all()
        )
        evaluated = set()
        stmt = (
            select(Evaluation)
            .join(Evaluation.action)
            .join(PlanAction.goal)
            .where(Goal.version_id == version_id)
        )
        for ev in session.scalars(stmt):
            evaluated.add((ev.action_id, ev.fiscal_year))
            title = titles[ev.action_id]
            if ev.status not in EVALUATION_STATUSES or (ev.rating and ev.rating not in RATINGS):
                yield _finding(
                    "error",
                    f"夢プランの取組「{title}」の{_fy(ev.fiscal_year)}の評価に、使えない状況・評価の値があります。",
                    f"Dream plan action '{title}', FY{ev.fiscal_year}: unknown status or rating.",
                )
            if (
                ev.action_id,
                ev.fiscal_year,
            ) not in planned and plan.start_year <= ev.fiscal_year <= plan.end_year:
                yield _finding(
                    "warning",
                    f"夢プランの取組「{title}」は{_fy(ev.fiscal_year)}に予定されていませんが、評価があります。"
                    "年次計画表に年度を加えるか、評価を確かめてください。",
                    f"Dream plan action '{title}' has an evaluation for FY{ev.fiscal_year}, a year it was not planned in.",
                )
        for aid, fy in sorted(planned - evaluated, key=lambda p: (p[1], p[0])):
            if fy < current:
                yield _finding(
                    "warning",
                    f"夢プランの取組「{titles[aid]}」の{_fy(fy)}の評価が未入力です。",
                    f"Dream plan action '{titles[aid]}' has no evaluation for FY{fy}.",
                )


def check_plan_indicators(session: Session) -> Iterable[Finding]:
    """Indicators whose final target points the wrong way for their direction (warnings)."""
    for _plan, version_id in _current_versions(session):
        for ind in session.scalars(select(Indicator).where(Indicator.version_id == version_id)):
            base, target = ind.baseline_value, ind.final_target
            if base is None or target is None:
                continue
            if (ind.direction == "up" and target < base) or (ind.direction == "down" and target > base):
                way = "高いほど良い" if ind.direction == "up" else "低いほど良い"
                yield _finding(
                    "warning",
                    f"夢プランの指標「{ind.name}」は「{way}」ですが、最終目標値が基準値より悪い値です。方向を確かめてください。",
                    f"Dream plan indicator '{ind.name}': the final target is worse than the baseline for its direction.",
                )
