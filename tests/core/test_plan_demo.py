"""The demo's dream plan for 宇津賀: ten years from three fiscal years ago, three evaluated years,
indicator actuals, actions owned by the demo committees."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from nagato_desk.database import open_database
from nagato_desk.dates import fiscal_year_of
from nagato_desk.models import Evaluation, IndicatorValue
from nagato_desk.services import evaluations, indicators, plans
from nagato_desk.services.plan_actions import actions_of_version
from nagato_desk.services.plan_progress import plan_progress


def test_demo_plan(demo_db_path):
    fy = fiscal_year_of(date.today())  # the demo is written relative to today
    with open_database(demo_db_path, write=False) as db, db.Session() as s:
        [summary] = plans.list_plans(s)
        assert (summary.start_year, summary.end_year) == (fy - 3, fy + 6)
        version = plans.current_version(s, summary.plan_id)
        assert "宇津賀" in version.title and version.vision
        assert len(version.survey_items) >= 5
        fields = [g.field for g in version.goals]
        for field in ("保健福祉", "地域公共交通", "生活安全", "コミュニティビジネス", "まちづくり"):
            assert field in fields
        actions = actions_of_version(s, version.id)
        assert all(a.committee is not None for a in actions)
        assert any("山口県立大学" in a.partners for a in actions)
        # evaluations for exactly the three years before this one
        years = s.scalars(select(Evaluation.fiscal_year).distinct().order_by(Evaluation.fiscal_year)).all()
        assert years == [fy - 3, fy - 2, fy - 1]
        actual_years = s.scalars(
            select(IndicatorValue.fiscal_year)
            .where(IndicatorValue.actual.is_not(None))
            .distinct()
            .order_by(IndicatorValue.fiscal_year)
        ).all()
        assert actual_years == [fy - 3, fy - 2, fy - 1]
        # the first two evaluated years are reported (locked); last year is still open
        assert evaluations.locked_years(s, summary.plan_id) == [fy - 3, fy - 2]
        # every indicator has a rate for last year
        rows = indicators.indicator_rows(s, version.id, fy - 1)
        assert rows and all(r.rate is not None for r in rows)
        progress = plan_progress(s, version.id, fy - 1)
        assert 0 < progress.total.done < progress.total.planned
        assert progress.total.late > 0  # a realistic plan is behind somewhere
        assert s.scalar(select(func.count()).select_from(Evaluation)) >= 25
