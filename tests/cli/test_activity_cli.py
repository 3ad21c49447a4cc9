"""``nagato-desk export activity-report``: the demo's last fiscal year by field and by committee."""

from __future__ import annotations

import subprocess

import openpyxl


def test_export_from_the_command_line_defaults_to_last_year(cli, demo_db_path, tmp_path):
    out = tmp_path / "r.pdf"
    code, _out, err = cli("export", "activity-report", "--db", demo_db_path, "--out", out)
    assert code == 0, err
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "竹炭窯出し（第1回）" in text and "宇津賀ふるさと夏祭り" in text
    out = tmp_path / "r.xlsx"
    code, _out, err = cli(
        "export",
        "activity-report-committee",
        "--db",
        demo_db_path,
        "--out",
        out,
        "--format",
        "xlsx",
        "--year",
        "R7",
    )
    assert code == 0, err
    assert openpyxl.load_workbook(out).sheetnames == ["集計", "事業一覧"]
