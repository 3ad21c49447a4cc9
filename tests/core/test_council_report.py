"""協議会の概要: the 合計 row, and the PDF and xlsx writers.

The figures are 宇津賀地区まちづくり協議会's real totals (374 households, 761 people, 424 aged
65 or over), split over three fictional 自治会. Hand-checked: 424 / 761 = 0.557161…, so the
ageing rate prints as 55.72% and the xlsx cell holds 0.5572 (the printed, rounded figure).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from nagato_desk.reports.council import (
    AssociationFigures,
    CouncilProfileReport,
    sum_figures,
    write_council_pdf,
    write_council_xlsx,
)

COUNCIL = "宇津賀地区まちづくり協議会"
ROWS = [
    AssociationFigures("東区自治会", 150, 300, 160),
    AssociationFigures("西区自治会", 124, 251, 140),
    AssociationFigures("北区自治会", 100, 210, 124),
]


def poppler(tool: str, *args: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} (poppler-utils) is needed to check the PDFs: apt-get install poppler-utils")
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout


def make_report(rows=ROWS, **changes) -> CouncilProfileReport:
    report = CouncilProfileReport(
        council_name=COUNCIL,
        representative="長門 太郎",
        address="山口県長門市油谷河原1234番地",
        phone="0837-00-0000",
        founded=date(2015, 4, 1),
        fiscal_year=2026,
        as_of=date(2026, 4, 1),
        associations=list(rows),
        totals=sum_figures(list(rows)),
        issued=date(2026, 5, 20),
    )
    return replace(report, **changes)


# -- the figures ---------------------------------------------------------------------------


def test_totals_of_utsuka():
    total = sum_figures(ROWS)
    assert total == AssociationFigures("合計", 374, 761, 424)
    assert total.ageing_rate == Decimal("55.72")


def test_ageing_rate_per_association_and_when_unknown():
    assert ROWS[0].ageing_rate == Decimal("53.33")
    assert AssociationFigures("空", 10, None, 5).ageing_rate is None
    assert AssociationFigures("空", 10, 20, None).ageing_rate is None
    assert AssociationFigures("空", 0, 0, 0).ageing_rate is None


def test_missing_figures_count_as_zero_only_if_another_row_has_one():
    rows = [AssociationFigures("甲", 10, None, None), AssociationFigures("乙", None, None, 3)]
    assert sum_figures(rows) == AssociationFigures("合計", 10, None, 3)
    assert sum_figures([]) == AssociationFigures("合計", None, None, None)


# -- PDF -----------------------------------------------------------------------------------


def test_pdf(tmp_path):
    out = tmp_path / "council.pdf"
    result = write_council_pdf(make_report(), out)
    assert result.pages == 1 and result.warnings == []
    text = poppler("pdftotext", "-layout", str(out), "-")
    for expected in (
        "協議会の概要",
        COUNCIL,
        "長門 太郎",
        "0837-00-0000",
        "平成27年4月1日",
        "令和8年5月20日",
        "- 1 -",
    ):
        assert expected in text
    assert "自治会別の世帯数・人口（令和8年4月1日現在）" in text
    assert re.search(r"東区自治会\s+150\s+300\s+160\s+53\.33%", text)
    assert re.search(r"合計\s+374\s+761\s+424\s+55\.72%", text)
    lines = poppler("pdffonts", str(out)).splitlines()
    emb = lines[0].index("emb")  # the column under the "emb" heading
    fonts = lines[2:]
    assert fonts and all(line[emb : emb + 3] == "yes" for line in fonts), lines
    assert all("TrueType" in line and "Heisei" not in line for line in fonts), lines


def test_pdf_seireki_fiscal_year_and_missing_values(tmp_path):
    rows = [*ROWS, AssociationFigures("南区自治会", None, None, None)]
    report = make_report(rows, as_of=None, founded=None, phone="")
    out = tmp_path / "council.pdf"
    write_council_pdf(report, out, date_style="seireki")
    text = poppler("pdftotext", "-layout", str(out), "-")
    assert "自治会別の世帯数・人口（2026年度）" in text
    assert "2026年5月20日" in text
    assert re.search(r"設立年月日\s+—", text) and re.search(r"電話番号\s+—", text)
    assert re.search(r"南区自治会\s+—\s+—\s+—\s+—", text)
    assert re.search(r"合計\s+374\s+761\s+424\s+55\.72%", text)


def test_pdf_without_figures_says_so(tmp_path):
    out = tmp_path / "empty.pdf"
    write_council_pdf(make_report([]), out)
    text = poppler("pdftotext", "-layout", str(out), "-")
    assert "自治会別の世帯数・人口は登録されていません。" in text
    assert "高齢化率" not in text


def test_pdf_warns_about_characters_it_cannot_print(tmp_path):
    rows = [AssociationFigures("𠮷田自治会", 1, 2, 1)]
    out = tmp_path / "yoshi.pdf"
    result = write_council_pdf(make_report(rows), out)
    assert len(result.warnings) == 1 and "U+20BB7" in result.warnings[0]
    assert "〓田自治会" in poppler("pdftotext", "-layout", str(out), "-")


def test_long_council_table_repeats_its_header(tmp_path):
    rows = [AssociationFigures(f"第{i}自治会", 10, 20, 11) for i in range(1, 121)]
    out = tmp_path / "long.pdf"
    result = write_council_pdf(make_report(rows), out)
    assert result.pages >= 2
    page2 = poppler("pdftotext", "-layout", "-f", "2", "-l", "2", str(out), "-")
    assert re.search(r"自治会\s+世帯数\s+人口\s+65歳以上\s+高齢化率", page2)
    assert "- 2 -" in page2


# -- xlsx ----------------------------------------------------------------------------------


def _find_row(ws, first_value):
    for row in ws.iter_rows():
        if row[0].value == first_value:
            return row
    raise AssertionError(f"no row starting with {first_value!r}")


def test_xlsx(tmp_path):
    out = write_council_xlsx(make_report(), tmp_path / "council.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["協議会の概要"]
    ws = wb["協議会の概要"]
    assert (
        ws["A1"].value == COUNCIL and ws["A2"].value == "協議会の概要" and ws["A3"].value == "令和8年5月20日"
    )
    assert _find_row(ws, "設立年月日")[1].value == "平成27年4月1日"
    assert _find_row(ws, "自治会別の世帯数・人口（令和8年4月1日現在）")
    header = _find_row(ws, "自治会")
    assert [c.value for c in header] == ["自治会", "世帯数", "人口", "65歳以上", "高齢化率"]
    assert ws.print_title_rows == f"${header[0].row}:${header[0].row}"
    east = _find_row(ws, "東区自治会")
    assert [c.value for c in east[:4]] == ["東区自治会", 150, 300, 160]
    assert east[1].number_format == "#,##0"
    total = _find_row(ws, "合計")
    assert [c.value for c in total[:4]] == ["合計", 374, 761, 424]  # values, not formulas
    assert total[4].value == pytest.approx(0.5572) and total[4].number_format == "0.00%"
    assert all(c.font.b for c in total)
    assert int(ws.page_setup.paperSize) == 9 and int(ws.page_setup.fitToWidth) == 1


def test_xlsx_without_figures(tmp_path):
    out = write_council_xlsx(make_report([], as_of=None), tmp_path / "empty.xlsx")
    ws = load_workbook(out).active
    assert _find_row(ws, "自治会別の世帯数・人口（令和8年度）")
    assert _find_row(ws, "自治会別の世帯数・人口は登録されていません。")


def test_xlsx_write_is_atomic(tmp_path):
    target = tmp_path / "council.xlsx"
    write_council_xlsx(make_report(), Path(target))
    assert [p.name for p in tmp_path.iterdir()] == ["council.xlsx"]
