"""The plan booklet (``plan``) and the 評価シート (``plan-progress``): report objects with numbers worked
out by hand, and the PDF and xlsx written from them."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from plan_helpers import add_goal, committee, make_council

from nagato_desk.errors import NagatoError
from nagato_desk.reports.exports import REPORTS, ExportRequest
from nagato_desk.reports.plan_booklet import (
    build_plan_booklet,
    write_plan_booklet_pdf,
    write_plan_booklet_xlsx,
    years_text,
)
from nagato_desk.reports.plan_progress import build_progress_sheet, write_progress_pdf, write_progress_xlsx
from nagato_desk.services import evaluations, indicators, plan_actions, plans
from nagato_desk.services.evaluations import EvaluationDraft
from nagato_desk.services.indicators import IndicatorDraft
from nagato_desk.services.plans import PlanDraft, SurveyItemDraft

TODAY = date(2026, 11, 29)


def poppler(tool: str, *args: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} (poppler-utils) is needed to check the PDFs")
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout


def fonts_embedded(pdf) -> bool:
    lines = poppler("pdffonts", str(pdf)).splitlines()
    emb = lines[0].index("emb")
    return bool(lines[2:]) and all(line[emb : emb + 3] == "yes" for line in lines[2:])


@pytest.fixture
def filled(db):
    with db.Session() as s, s.begin():
        make_council(s)
        plan = plans.create_plan(
            s,
            PlanDraft(
                "テスト地区 地域の夢プラン", 2023, vision="笑顔で暮らせる地域", adopted_on=date(2023, 5, 21)
            ),
        )
        v = plan.versions[0]
        plans.add_survey_item(s, v.id, SurveyItemDraft("住み続けたい", "76.4", "%"))
        welfare = committee(s, "福祉部会")
        g1 = add_goal(s, v.id, "保健福祉", "見守りのある地域")
        g2 = add_goal(s, v.id, "コミュニティビジネス", "竹炭で仕事を")
        a1 = plan_actions.add_action(
            s,
            g1.id,
            plan_actions.ActionDraft(
                "見守り訪問", committee_id=welfare, years=[2023, 2024, 2025], estimated_cost=90_000
            ),
        )
        a2 = plan_actions.add_action(
            s, g2.id, plan_actions.ActionDraft("竹炭の販売", partners="大学", years=[2024, 2025])
        )
        evaluations.save_evaluation(
            s, a1.id, 2024, EvaluationDraft("done", "A", "毎月訪問", "担い手不足", "協力員を募る")
        )
        evaluations.save_evaluation(s, a2.id, 2024, EvaluationDraft("in_progress", "C", "試作した"))
        ind = indicators.add_indicator(
            s, v.id, IndicatorDraft("販売額", "万円", "up", "0", 2022, "100", action_id=a2.id)
        )
        indicators.set_target(s, ind.id, 2024, "40")
        indicators.set_actual(s, ind.id, 2024, "30")
        evaluations.lock_year(s, plan.id, 2024, date(2025, 5, 31))
    return db


def test_booklet_object(filled):
    with filled.Session() as s:
        b = build_plan_booklet(s, issued=TODAY)
    assert (b.title, b.start_year, b.end_year, b.version_number) == (
        "テスト地区 地域の夢プラン",
        2023,
        2032,
        1,
    )
    # figures of FY2026 from the council profile: 200 + 125 = 325 people
    assert b.figures.totals.population == 325
    assert b.survey == [("住み続けたい", "76.4%", "")]
    assert [(g.number, g.field, [a.title for a in g.actions]) for g in b.goals] == [
        (1, "保健福祉", ["見守り訪問"]),
        (2, "コミュニティビジネス", ["竹炭の販売"]),
    ]
    assert b.goals[0].actions[0].committee == "福祉部会"
    [line] = b.indicators
    assert (line.baseline, line.targets, line.final_target) == (
        "0万円（令和4年度）",
        {2024: "40万円"},
        "100万円",
    )
    # latest actual 30 against the final target 100 from baseline 0: 30 %
    assert line.latest_rate == "30.0%"
    assert years_text([2023, 2024, 2025, 2028]) == "令和5年度〜令和7年度、令和10年度"


def test_booklet_pdf_and_xlsx(filled, tmp_path):
    with filled.Session() as s:
        b = build_plan_booklet(s, issued=TODAY)
    pdf = tmp_path / "plan.pdf"
    result = write_plan_booklet_pdf(b, pdf)
    assert result.warnings == [] and result.pages >= 5
    assert fonts_embedded(pdf)
    text = poppler("pdftotext", "-layout", str(pdf), "-")
    for expected in (
        "テスト地区 地域の夢プラン",
        "笑顔で暮らせる地域",
        "令和5年度〜令和14年度",
        "基本目標1",
        "見守り訪問",
        "年次計画表",
        "販売額",
    ):
        assert expected in text, expected
    cover = poppler("pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-")
    assert "令和5年5月21日 策定" in cover
    xlsx = tmp_path / "plan.xlsx"
    write_plan_booklet_xlsx(b, xlsx)
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["計画", "現状", "目標と取組", "年次計画表", "指標"]
    grid = list(wb["年次計画表"].iter_rows(min_row=7, values_only=True))
    # FY2023 late, 2024 done, 2025 late (over, not 完了), 2026–2032 empty
    assert grid[0][:6] == ("見守りのある地域", "見守り訪問", "福祉部会", "▲", "●", "▲")
    assert all(c is None for c in grid[0][6:13])


def test_progress_sheet_object(filled):
    with filled.Session() as s:
        sheet = build_progress_sheet(s, 2024, today=TODAY)
    assert sheet.fiscal_year == 2024 and sheet.locked_on == date(2025, 5, 31)
    assert [(r.number, r.goal, r.action, r.planned, r.status, r.rating) for r in sheet.rows] == [
        (1, "1 保健福祉", "見守り訪問", True, "完了", "A"),
        (2, "2 コミュニティビジネス", "竹炭の販売", True, "実施中", "C"),
    ]
    [ind] = sheet.indicators
    # FY2024 target 40, actual 30, baseline 0: 30 ÷ 40 = 75 %; against the final 100: 30 %
    assert (ind.target, ind.actual, ind.rate, ind.final_rate) == (
        Decimal(40),
        Decimal(30),
        Decimal("75.0"),
        Decimal("30.0"),
    )
    # up to FY2024: 見守り planned 2023, 2024 (2 cells, 1 done, 2023 late); 竹炭 planned 2024 (late)
    t = sheet.progress.total
    assert (t.planned, t.done, t.late, t.rate) == (3, 1, 2, Decimal("33.3"))


def test_progress_sheet_of_an_unevaluated_year_lists_every_action(filled):
    with filled.Session() as s:
        sheet = build_progress_sheet(s, 2026, today=TODAY)
    assert [r.status for r in sheet.rows] == ["未評価", "未評価"]
    assert [r.planned for r in sheet.rows] == [False, False]
    assert sheet.locked_on is None
    assert sheet.indicators[0].actual is None and sheet.indicators[0].rate is None


def test_progress_year_defaults_to_last_year_and_must_be_in_the_period(filled):
    with filled.Session() as s:
        assert build_progress_sheet(s, today=TODAY).fiscal_year == 2025
        with pytest.raises(NagatoError) as err:
            build_progress_sheet(s, 2040, today=TODAY)
    assert "計画期間" in err.value.ja


def test_progress_pdf_and_xlsx(filled, tmp_path):
    with filled.Session() as s:
        sheet = build_progress_sheet(s, 2024, today=TODAY)
    pdf = tmp_path / "progress.pdf"
    assert write_progress_pdf(sheet, pdf).warnings == []
    assert fonts_embedded(pdf)
    text = poppler("pdftotext", "-layout", str(pdf), "-")
    for expected in (
        "評価シート（令和6年度）",
        "確定（令和7年5月31日）",
        "見守り訪問",
        "協力員を募る",
        "75.0%",
        "33.3%",
    ):
        assert expected in text, expected
    xlsx = tmp_path / "progress.xlsx"
    write_progress_xlsx(sheet, xlsx)
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["評価シート", "指標", "進捗"]
    rows = [r for r in wb["評価シート"].iter_rows(values_only=True) if r and r[0] == 1]
    assert rows[0][:7] == (1, "1 保健福祉", "見守り訪問", "福祉部会", "あり", "完了", "A")
    ind = [r for r in wb["指標"].iter_rows(values_only=True) if r and r[0] == "販売額"][0]
    assert ind[6] == 40 and ind[8] == 30 and ind[9] == pytest.approx(0.75)


def _headers(path) -> list[tuple]:
    """The header rows of every sheet (the shaded rows a reader lines up)."""
    labels = {"No", "指標", "基本目標"}
    wb = load_workbook(path)
    return [(ws.title, r) for ws in wb for r in ws.iter_rows(values_only=True) if r and r[0] in labels]


def test_same_shape_for_every_council(filled, tmp_path):
    """Two councils with different plans give sheets with the same columns and sections."""
    from nagato_desk.database import open_database

    other = open_database(tmp_path / "other.db", create=True)
    try:
        with other.Session() as s, s.begin():
            make_council(s)
            plan = plans.create_plan(s, PlanDraft("別の地区の夢プラン", 2021))
            goal = add_goal(s, plan.versions[0].id, "スポーツ", "健康づくり")
            plan_actions.add_action(s, goal.id, plan_actions.ActionDraft("ウォーキング大会", years=[2024]))
        with other.Session() as s:
            write_progress_xlsx(build_progress_sheet(s, 2024, today=TODAY), tmp_path / "b.xlsx")
    finally:
        other.close()
    with filled.Session() as s:
        write_progress_xlsx(build_progress_sheet(s, 2024, today=TODAY), tmp_path / "a.xlsx")
    a, b = _headers(tmp_path / "a.xlsx"), _headers(tmp_path / "b.xlsx")
    assert a == b
    assert (
        "評価シート",
        (
            "No",
            "基本目標",
            "取組",
            "実施主体",
            "本年度の予定",
            "状況",
            "評価",
            "実施内容",
            "課題",
            "次年度の取組",
        ),
    ) in a
    assert [t for t, _ in a].count("進捗") == 3  # by goal, by field, by committee


def test_no_plan_is_a_clear_message(db, tmp_path):
    with db.Session() as s, s.begin():
        make_council(s)
    request = ExportRequest(out=tmp_path / "x.pdf", format="pdf", today=TODAY)
    with db.Session() as s:
        for name in ("plan", "plan-progress"):
            with pytest.raises(NagatoError) as err:
                REPORTS[name].run(s, request)
            assert err.value.ja == "夢プランが登録されていません。"
    assert not (tmp_path / "x.pdf").exists()
