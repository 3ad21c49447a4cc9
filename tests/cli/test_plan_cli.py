"""``nagato-desk export plan`` and ``export plan-progress --year FY`` on the demo, and the data check."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

from openpyxl import load_workbook

from nagato_desk.dates import fiscal_year_of, format_fiscal_year


def pdf_text(path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils is needed"
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_export_plan_booklet(cli, demo_db_path, tmp_path):
    out = tmp_path / "夢プラン.pdf"
    code, _, err = cli("export", "plan", "--db", demo_db_path, "--out", out)
    assert code == 0, err
    text = pdf_text(out)
    assert "宇津賀地区 地域の夢プラン" in text and "年次計画表" in text and "指標と目標値" in text
    out = tmp_path / "plan.xlsx"
    code, _, err = cli("export", "plan", "--db", demo_db_path, "--format", "xlsx", "--out", out)
    assert code == 0, err
    assert "年次計画表" in load_workbook(out).sheetnames


def test_export_progress_sheet_for_a_year(cli, demo_db_path, tmp_path):
    fy = fiscal_year_of(date.today()) - 2
    out = tmp_path / "評価.pdf"
    # the year as 令和N年度 works like 2024
    code, _, err = cli(
        "export", "plan-progress", "--year", format_fiscal_year(fy), "--db", demo_db_path, "--out", out
    )
    assert code == 0, err
    text = pdf_text(out)
    assert f"評価シート（{format_fiscal_year(fy)}）" in text
    assert "確定（" in text  # the demo reported that year
    out = tmp_path / "progress.xlsx"
    code, _, err = cli(
        "export", "plan-progress", "--year", fy, "--format", "xlsx", "--db", demo_db_path, "--out", out
    )
    assert code == 0, err
    assert load_workbook(out).sheetnames == ["評価シート", "指標", "進捗"]


def test_progress_sheet_defaults_to_last_year(cli, demo_db_path, tmp_path):
    out = tmp_path / "p.pdf"
    code, _, err = cli("export", "plan-progress", "--db", demo_db_path, "--out", out)
    assert code == 0, err
    assert f"評価シート（{format_fiscal_year(fiscal_year_of(date.today()) - 1)}）" in pdf_text(out)


def test_year_outside_the_plan_is_refused_nothing_written(cli, demo_db_path, tmp_path):
    out = tmp_path / "p.pdf"
    code, _, err = cli("export", "plan-progress", "--year", 2001, "--db", demo_db_path, "--out", out)
    assert code == 1
    assert "計画期間" in err
    assert not out.exists()


def test_demo_check_is_clean_for_the_plan(cli, demo_db_path):
    code, out, err = cli("check", "--db", demo_db_path)
    assert "点検済み：夢プランの計画期間外の年度" in out + err
    assert "夢プラン" not in "".join(
        line for line in (out + err).splitlines() if not line.startswith("点検済み")
    )
