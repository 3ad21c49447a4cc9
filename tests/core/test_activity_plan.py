"""事業計画書: the plan's actions scheduled for the year (and only those), the year's activities and the
budget, in the PDF and the xlsx."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from pack_helpers import INCOME_BUDGET_2026, pdf_pages, small_council
from plan_helpers import add_action, add_goal, committee, make_plan

from nagato_desk.reports.activity_plan import (
    build_activity_plan,
    write_activity_plan_pdf,
    write_activity_plan_xlsx,
)
from nagato_desk.services import plans
from nagato_desk.services.activities import ActivityDraft, add_activity


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()


def _council_with_plan(s):
    small_council(s)
    plan = make_plan(s, 2023)
    version = plans.current_version(s, plan.id)
    goal = add_goal(s, version.id, "保健福祉", "安心して暮らせる地域")
    welfare = committee(s, "福祉部会")
    add_action(s, goal.id, "見守り訪問", years=(2025, 2026), committee_id=welfare)
    add_action(s, goal.id, "配食サービスの検討", years=(2024,))
    add_action(s, goal.id, "ふれあいサロン", years=(2026, 2027))
    add_activity(
        s, ActivityDraft(date(2026, 7, 20), "夏休み子ども教室", "子どもの健全育成", status="planned")
    )
    add_activity(s, ActivityDraft(date(2026, 4, 29), "地区一斉清掃", "環境保全", participants_residents=80))


def test_the_plan_of_a_year_lists_what_is_scheduled_for_it(session, tmp_path):
    _council_with_plan(session)
    report = build_activity_plan(session, 2026, issued=date(2026, 4, 20))
    # FY2026 is among the years of 見守り訪問 and ふれあいサロン, not of 配食サービスの検討 (2024 only)
    assert [a.title for a in report.actions] == ["見守り訪問", "ふれあいサロン"]
    assert report.actions[0].committee == "福祉部会"
    # every activity of the year by date, planned or held
    assert [(a.title, a.status) for a in report.activities] == [
        ("地区一斉清掃", "done"), ("夏休み子ども教室", "planned"),
    ]  # fmt: skip
    (fb,) = report.budget.funds
    assert fb.total("in", "this_year") == INCOME_BUDGET_2026
    pdf = tmp_path / "plan.pdf"
    write_activity_plan_pdf(report, pdf)
    text = "\n".join(pdf_pages(pdf))
    assert "見守り訪問" in text and "ふれあいサロン" in text and "配食サービスの検討" not in text
    assert "夏休み子ども教室" in text and "予定" in text
    assert "1,011,275" in text  # 収入合計 of the FY2026 budget
    xlsx = tmp_path / "plan.xlsx"
    write_activity_plan_xlsx(report, xlsx)
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames[:2] == ["夢プランの取組", "年間事業予定"]
    values = {c.value for ws in wb for row in ws.iter_rows() for c in row}
    assert {"見守り訪問", "ふれあいサロン", "夏休み子ども教室", "一般会計"} <= values | {wb.sheetnames[2]}


def test_a_year_outside_the_plan_or_without_a_plan_says_so(session):
    small_council(session)
    assert build_activity_plan(session, 2026).plan_note == "夢プランが登録されていません。"
    make_plan(session, 2027)
    report = build_activity_plan(session, 2026)
    assert report.actions == [] and "計画期間" in report.plan_note
