"""事業報告書: the report object's groups and totals (worked out by hand), the PDF's text through
pdftotext, the xlsx read back, and the export through the command line."""

from __future__ import annotations

import subprocess
from datetime import date

import openpyxl
import pytest

from nagato_desk.reports.activity_report import build_activity_report, write_activity_pdf, write_activity_xlsx
from nagato_desk.services import activities as svc
from nagato_desk.services import committees
from nagato_desk.services.activities import ActivityDraft
from nagato_desk.services.council import CouncilDraft, create_council


@pytest.fixture
def council_db(db):
    with db.session() as s:
        create_council(s, CouncilDraft(name="試験地区まちづくり協議会"))
        env = committees.add_committee(s, "環境部会").id
        welfare = committees.add_committee(s, "福祉部会").id
        for starts, title, field, committee, counts, status, ends in (
            (date(2025, 5, 25), "一斉清掃", "環境保全", env, (182, 24, 0), "done", None),
            (date(2025, 7, 10), "見守り訪問", "保健福祉", welfare, (48, 14, 2), "done", None),
            (
                date(2025, 7, 27),
                "子ども教室",
                "子どもの健全育成",
                None,
                (26, 8, 2),
                "done",
                date(2025, 7, 29),
            ),
            (date(2026, 2, 8), "竹炭窯出し", "コミュニティビジネス", None, (7, 5, 5), "done", None),
            (date(2026, 3, 20), "報告会", "生涯学習", None, (0, 0, 0), "planned", None),
        ):
            svc.add_activity(
                s,
                ActivityDraft(
                    starts_on=starts,
                    ends_on=ends,
                    title=title,
                    field=field,
                    committee_id=committee,
                    place="公民館",
                    participants_residents=counts[0],
                    participants_volunteers=counts[1],
                    participants_partners=counts[2],
                    partners="山口県立大学" if title == "竹炭窯出し" else "",
                    outcome=f"{title}の成果",
                    status=status,
                ),
            )
    return db


def test_groups_in_the_plans_order_with_totals(council_db):
    with council_db.Session() as s:
        report = build_activity_report(s, 2025, issued=date(2026, 5, 1))
    # 保健福祉, 子どもの健全育成, 環境保全, コミュニティビジネス (the plan's order); 報告会 is only planned
    assert [g.label for g in report.groups] == [
        "保健福祉",
        "子どもの健全育成",
        "環境保全",
        "コミュニティビジネス",
    ]
    assert report.planned == 1
    # residents 182+48+26+7 = 263; volunteers 24+14+8+5 = 51; partners 0+2+2+5 = 9; all 323
    t = report.totals
    assert (t.activities, t.residents, t.volunteers, t.partners, t.total) == (4, 263, 51, 9, 323)
    with council_db.Session() as s:
        by_committee = build_activity_report(s, 2025, by="committee")
    assert [(g.label, g.totals.total) for g in by_committee.groups] == [
        ("環境部会", 206),  # 182 + 24
        ("福祉部会", 64),  # 48 + 14 + 2
        ("（部会なし）", 36 + 17),  # 子ども教室 26+8+2, 竹炭窯出し 7+5+5
    ]


def test_pdf_text_has_the_groups_rows_and_totals(council_db, tmp_path):
    with council_db.Session() as s:
        report = build_activity_report(s, 2025, issued=date(2026, 5, 1))
    out = tmp_path / "事業報告書.pdf"
    result = write_activity_pdf(report, out)
    assert result.warnings == [] and result.pages >= 1
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "事業報告書" in text and "試験地区まちづくり協議会" in text
    assert "令和7年度（活動分野別）" in text
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "令和7年7月27日〜7月29日" in "".join(
        raw.split()
    )  # a span within one year: the end without its year
    assert "連携：山口県立大学" in text
    summary = next(line for line in text.splitlines() if line.strip().startswith("合計"))
    assert summary.split()[1:] == ["4", "263", "51", "9", "323"]
    assert "このほか、予定のままの事業が1件あります。" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Helvetica" not in fonts and all(" yes " in line for line in fonts.splitlines()[2:])


def test_an_empty_year_says_so(council_db, tmp_path):
    with council_db.Session() as s:
        report = build_activity_report(s, 2030)
    out = tmp_path / "empty.pdf"
    write_activity_pdf(report, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "実施済みの事業は登録されていません" in text


def test_xlsx_has_a_summary_and_every_activity(council_db, tmp_path):
    with council_db.Session() as s:
        report = build_activity_report(s, 2025)
    out = write_activity_xlsx(report, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["集計", "事業一覧"]
    summary = [r for r in wb["集計"].iter_rows(values_only=True) if r[0] == "合計"]
    assert summary == [("合計", 4, 263, 51, 9, 323)]
    rows = [r for r in wb["事業一覧"].iter_rows(values_only=True) if r[3] in ("一斉清掃", "竹炭窯出し")]
    assert [(r[0], r[1], r[3], r[9], r[10]) for r in rows] == [
        ("環境保全", "令和7年5月25日", "一斉清掃", 206, None),
        ("コミュニティビジネス", "令和8年2月8日", "竹炭窯出し", 17, "山口県立大学"),
    ]


def test_a_long_group_breaks_across_pages_with_its_header_and_a_caption(db, tmp_path):
    with db.session() as s:
        create_council(s, CouncilDraft(name="試験地区まちづくり協議会"))
        for day in range(60):  # 60 見守り visits from 1 April
            svc.add_activity(
                s,
                ActivityDraft(
                    starts_on=date.fromordinal(date(2025, 4, 1).toordinal() + day),
                    title=f"見守り訪問{day + 1}",
                    field="保健福祉",
                    participants_residents=day,
                ),
            )
    with db.Session() as s:
        report = build_activity_report(s, 2025)
    out = tmp_path / "long.pdf"
    result = write_activity_pdf(report, out)
    assert result.pages >= 3
    pages = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    # every page after the first holding rows starts the table again: caption, then the header
    continued = [p for p in pages[1:] if "見守り訪問" in p]
    assert continued and all("保健福祉（続き）" in p and "成果と課題" in p for p in continued)
    # residents 0 + 1 + … + 59 = 59 × 60 / 2 = 1,770
    assert report.totals.residents == 1770 and "1,770" in pages[-2] + pages[-1]
