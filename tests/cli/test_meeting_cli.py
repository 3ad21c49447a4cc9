"""``nagato-desk export`` of the meeting documents on the demo: ``--meeting N|last``, the default (the
latest 総会), ``--year`` for the register, and a clear refusal of a meeting that does not exist."""

from __future__ import annotations

import re
import subprocess

import pytest
from openpyxl import load_workbook


def flat_pdf(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


@pytest.mark.parametrize("report", ["minutes", "attendance-sheet", "proxy-form", "written-vote", "notice"])
def test_meeting_documents_default_to_the_latest_general_meeting(cli, demo_db_path, tmp_path, report):
    out_file = tmp_path / f"{report}.pdf"
    code, _out, err = cli("export", report, "--db", demo_db_path, "--out", out_file)
    assert code == 0, err
    # the demo's latest 総会 is this year's, on 20 May 2026 (a Wednesday)
    assert "令和8年度定期総会" in flat_pdf(out_file)
    assert "令和8年5月20日（水）" in flat_pdf(out_file)


def test_minutes_of_the_last_meeting_and_by_number(cli, demo_db_path, tmp_path):
    last = tmp_path / "last.pdf"
    code, _out, err = cli("export", "minutes", "--db", demo_db_path, "--meeting", "last", "--out", last)
    assert code == 0, err
    # the demo's last meeting before 29 Nov 2026 is the 役員会 of 10 October 2026
    text = flat_pdf(last)
    assert "役員会議事録" in text and "令和8年10月10日（土）" in text
    first = tmp_path / "first.pdf"
    code, _out, err = cli("export", "minutes", "--db", demo_db_path, "--meeting", "1", "--out", first)
    assert code == 0, err
    assert "令和7年4月10日" in flat_pdf(first)  # No.1: the 役員会 of 10 April 2025


def test_an_unknown_meeting_is_refused_and_nothing_is_written(cli, demo_db_path, tmp_path):
    out_file = tmp_path / "x.pdf"
    code, _out, err = cli("export", "minutes", "--db", demo_db_path, "--meeting", "999", "--out", out_file)
    assert code == 1
    assert "会議番号 999 の会議はありません" in err
    assert not out_file.exists()


def test_resolutions_register_for_a_year(cli, demo_db_path, tmp_path):
    out_file = tmp_path / "r.xlsx"
    code, _out, err = cli("export", "resolutions", "--db", demo_db_path, "--year", "R7", "--out", out_file)
    assert code == 0, err
    rows = [r for r in load_workbook(out_file).active.iter_rows(values_only=True) if r and r[0]]
    titles = [r[3] for r in rows if r[2] and str(r[2]).startswith("第")]
    # FY2025's 総会 (19 May 2025) decided the 事業報告 of 令和6年度 and the 事業計画 of 令和7年度
    assert "令和6年度事業報告" in titles and "令和7年度事業計画（案）" in titles
    assert "会費の見直しについて" in titles  # 継続審議 is in the register too
    pdf = tmp_path / "r.pdf"
    assert cli("export", "resolutions", "--db", demo_db_path, "--year", "2026", "--out", pdf)[0] == 0
    assert "令和8年度議決事項一覧" in flat_pdf(pdf)
