"""会員の状況: the writers with figures made by hand, and the export from a small database.

Hand-made figures (as of 令和8年4月1日):

 自治会       会員 世帯 女 男 他 0-14 15-39 40-64 65-74 75+ 不明
 東区自治会     120  52 64 56  0   10    20    30    35  25    0
 西区自治会      80  35 41 38  1    5    12    20    23  18    2
 所属自治会なし    2   0  1  1  0    0     2     0     0   0    0
 合計          202  87 106 95 1   15    34    50    58  43    2

 役員 12 people, 5 women (41.67%), 2 under 40 (16.67%); 部会員 30, 14 women (46.67%), 9 under 40 (30.00%).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from nagato_desk.models import Household, Member
from nagato_desk.reading import sort_key_text
from nagato_desk.reports.exports import ExportRequest
from nagato_desk.reports.member_stats import (
    MemberStatsReport,
    build_member_stats_report,
    export_member_stats,
    write_member_stats_pdf,
    write_member_stats_xlsx,
)
from nagato_desk.services.associations import AssociationDraft, list_associations
from nagato_desk.services.council import CouncilDraft, create_council
from nagato_desk.services.member_stats import BAND_LABELS, GroupFigures, MemberFigures

D = date
COUNCIL = "板持地区まちづくり協議会"


def poppler(tool: str, *args: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} (poppler-utils) is needed to check the PDFs: apt-get install poppler-utils")
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout


def group(label, members, households, women, men, other, *band_counts, under_40=None) -> GroupFigures:
    by_band = dict(zip(BAND_LABELS, band_counts, strict=True))
    young = by_band["0〜14歳"] + by_band["15〜39歳"] if under_40 is None else under_40
    return GroupFigures(label, members, households, women, men, other, by_band, young)


def figures() -> MemberFigures:
    return MemberFigures(
        as_of=D(2026, 4, 1),
        by_association=[
            group("東区自治会", 120, 52, 64, 56, 0, 10, 20, 30, 35, 25, 0),
            group("西区自治会", 80, 35, 41, 38, 1, 5, 12, 20, 23, 18, 2),
        ],
        unassigned=group("所属自治会なし", 2, 0, 1, 1, 0, 0, 2, 0, 0, 0, 0),
        total=group("合計", 202, 87, 106, 95, 1, 15, 34, 50, 58, 43, 2),
        officers=group("役員", 12, 11, 5, 7, 0, 0, 2, 6, 3, 1, 0),
        committee_members=group("部会員", 30, 28, 14, 16, 0, 0, 9, 12, 6, 3, 0),
        women_share_officers=Decimal("41.67"),
        under_40_share_officers=Decimal("16.67"),
        women_share_committees=Decimal("46.67"),
        under_40_share_committees=Decimal("30.00"),
    )


def report(**changes) -> MemberStatsReport:
    return replace(MemberStatsReport(COUNCIL, D(2026, 5, 20), figures()), **changes)


def test_pdf(tmp_path):
    out = tmp_path / "stats.pdf"
    result = write_member_stats_pdf(report(), out)
    assert result.pages == 1 and result.warnings == []
    text = poppler("pdftotext", "-layout", str(out), "-")
    for expected in ("会員の状況", COUNCIL, "令和8年5月20日", "令和8年4月1日現在", "7月1日生まれ", "- 1 -"):
        assert expected in text
    assert re.search(r"自治会\s+会員数\s+世帯数\s+女性\s+男性", text)
    assert re.search(r"東区自治会\s+120\s+52\s+64\s+56\s+0\s+10\s+20\s+30\s+35\s+25\s+0", text)
    assert re.search(r"西区自治会\s+80\s+35\s+41\s+38\s+1\s+5\s+12\s+20\s+23\s+18\s+2", text)
    assert re.search(r"所属自治会なし\s+2\s+0\s+1\s+1\s+0\s+0\s+2\s+0\s+0\s+0\s+0", text)
    assert re.search(r"合計\s+202\s+87\s+106\s+95\s+1\s+15\s+34\s+50\s+58\s+43\s+2", text)
    assert re.search(r"区分\s+人数\s+女性\s+40歳未満\s+女性の割合\s+40歳未満の割合", text)
    assert re.search(r"役員\s+12\s+5\s+2\s+41\.67%\s+16\.67%", text)
    assert re.search(r"部会員\s+30\s+14\s+9\s+46\.67%\s+30\.00%", text)
    for band in BAND_LABELS:
        assert band in text
    lines = poppler("pdffonts", str(out)).splitlines()
    emb = lines[0].index("emb")
    assert lines[2:] and all(line[emb : emb + 3] == "yes" and "TrueType" in line for line in lines[2:])
    assert re.search(r"Page size:\s+841\.89 x 595\.2", poppler("pdfinfo", str(out)))


def test_pdf_without_members_in_seireki(tmp_path):
    empty = group("役員", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    f = replace(
        figures(),
        by_association=[],
        unassigned=None,
        total=group("合計", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        officers=empty,
        committee_members=replace(empty, label="部会員"),
        women_share_officers=None,
        under_40_share_officers=None,
        women_share_committees=None,
        under_40_share_committees=None,
    )
    out = tmp_path / "empty.pdf"
    write_member_stats_pdf(report(figures=f), out, date_style="seireki")
    text = poppler("pdftotext", "-layout", str(out), "-")
    assert "2026年4月1日現在" in text and "所属自治会なし" not in text
    assert re.search(r"役員\s+0\s+0\s+0\s+—\s+—", text)


def test_xlsx(tmp_path):
    ws = load_workbook(write_member_stats_xlsx(report(), tmp_path / "stats.xlsx")).active
    assert ws.title == "会員の状況"
    assert [ws["A1"].value, ws["A2"].value, ws["A3"].value] == [COUNCIL, "会員の状況", "令和8年4月1日現在"]
    table = {row[0].value: [c.value for c in row] for row in ws.iter_rows() if row[0].value}
    assert table["自治会"] == ["自治会", "会員数", "世帯数", "女性", "男性", "その他・不明", *BAND_LABELS]
    assert table["東区自治会"] == ["東区自治会", 120, 52, 64, 56, 0, 10, 20, 30, 35, 25, 0]
    assert table["所属自治会なし"][1] == 2
    assert table["合計"] == ["合計", 202, 87, 106, 95, 1, 15, 34, 50, 58, 43, 2]  # values, not formulas
    assert table["区分"][:6] == ["区分", "人数", "女性", "40歳未満", "女性の割合", "40歳未満の割合"]
    officers = next(r for r in ws.iter_rows() if r[0].value == "役員")
    assert [c.value for c in officers[:4]] == ["役員", 12, 5, 2]
    assert officers[4].value == pytest.approx(0.4167) and officers[4].number_format == "0.00%"
    assert officers[5].value == pytest.approx(0.1667)
    committee = next(r for r in ws.iter_rows() if r[0].value == "部会員")
    assert committee[5].value == pytest.approx(0.30)
    total = next(r for r in ws.iter_rows() if r[0].value == "合計")
    assert all(c.font.b for c in total[:12])
    assert ws.page_setup.orientation == "landscape"


# -- from the database ---------------------------------------------------------------------


@pytest.fixture
def session(db):
    """東: two women (1950-05-10, 1990-04-02) in one household, a man joining on 2026-04-02;
    西: a man born 1961 (birth year only), with no household."""
    with db.Session() as s:
        s.begin()
        create_council(
            s, CouncilDraft(name=COUNCIL), [AssociationDraft("東区自治会"), AssociationDraft("西区自治会")]
        )
        east, west = list_associations(s)
        h = Household(association_id=east.id)
        s.add(h)
        s.flush()
        for name, gender, assoc, hh, born, year, joined in [
            ("青木 花子", "F", east.id, h.id, D(1950, 5, 10), None, None),
            ("青木 美咲", "F", east.id, h.id, D(1990, 4, 2), None, None),
            ("伊藤 健", "M", east.id, None, D(1980, 1, 1), None, D(2026, 4, 2)),
            ("上田 進", "M", west.id, None, None, 1961, None),
        ]:
            s.add(
                Member(
                    name=name,
                    reading=name,
                    reading_key=sort_key_text(name),
                    gender=gender,
                    association_id=assoc,
                    household_id=hh,
                    birth_date=born,
                    birth_year=year,
                    joined_on=joined,
                )
            )
        s.flush()
        yield s
        s.rollback()


def test_build_defaults_to_1_april_of_the_fiscal_year(session):
    r = build_member_stats_report(session, issued=D(2027, 3, 31))
    assert (r.council_name, r.as_of, r.issued) == (COUNCIL, D(2026, 4, 1), D(2027, 3, 31))
    east, west = r.figures.by_association
    assert (
        east.members,
        east.households,
        east.women,
        east.by_band["75歳以上"],
        east.by_band["15〜39歳"],
    ) == (
        2,
        1,
        2,
        1,
        1,
    )
    assert (west.members, west.households, west.men, west.by_band["40〜64歳"]) == (1, 0, 1, 1)
    assert r.figures.unassigned is None


def test_export(session, tmp_path):
    out = tmp_path / "stats.pdf"
    assert export_member_stats(session, ExportRequest(out, "pdf", today=D(2026, 7, 1))) == []
    text = poppler("pdftotext", "-layout", str(out), "-")
    assert "令和8年4月1日現在" in text
    assert re.search(r"東区自治会\s+2\s+1\s+2\s+0\s+0\s+0\s+1\s+0\s+0\s+1\s+0", text)
    assert re.search(r"合計\s+3\s+1\s+2\s+1\s+0\s+0\s+1\s+1\s+0\s+1\s+0", text)
    out_x = tmp_path / "stats.xlsx"
    export_member_stats(session, ExportRequest(out_x, "xlsx", fiscal_year=2027, today=D(2026, 7, 1)))
    ws = load_workbook(out_x).active
    assert ws["A3"].value == "令和9年4月1日現在"
    east = next(r for r in ws.iter_rows() if r[0].value == "東区自治会")
    assert east[1].value == 3  # 伊藤 健 has joined by then
    west = next(r for r in ws.iter_rows() if r[0].value == "西区自治会")
    assert (west[8].value, west[9].value) == (0, 1)  # 1961 birth year: 65 on 2027-04-01 (2027 - 1961 - 1)
