"""``nagato-desk export`` of personal data is recorded in the change history (as the window does)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def export_events(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT action, note FROM change_log WHERE action = 'export' ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_a_roster_with_personal_columns_is_recorded(cli, demo_db_path: Path, tmp_path: Path):
    out = tmp_path / "roster.xlsx"
    code, _, err = cli(
        "export", "roster", "--db", demo_db_path, "--out", out, "--columns", "name,address,phone"
    )
    assert code == 0, err
    assert export_events(demo_db_path) == [
        ("export", "会員名簿を書き出し（住所・電話番号を含む、roster.xlsx）")
    ]


def test_the_default_roster_without_personal_data_is_not_recorded(cli, demo_db_path: Path, tmp_path: Path):
    code, _, err = cli("export", "roster", "--db", demo_db_path, "--out", tmp_path / "r.csv")
    assert code == 0, err
    assert export_events(demo_db_path) == []


def test_household_slips_are_recorded(cli, demo_db_path: Path, tmp_path: Path):
    code, _, err = cli("export", "household-slips", "--db", demo_db_path, "--out", tmp_path / "slips.pdf")
    assert code == 0, err
    [(action, note)] = export_events(demo_db_path)
    assert note == "名簿確認票を書き出し（住所・電話番号・生年月日を含む、slips.pdf）"


def test_while_the_window_holds_the_file_the_export_stands_and_says_so(
    cli, demo_db_path: Path, tmp_path: Path, lock_holder
):
    out = tmp_path / "roster.pdf"
    with lock_holder(demo_db_path):
        code, _, err = cli(
            "export", "roster", "--db", demo_db_path, "--out", out, "--columns", "name,birth_date"
        )
    assert code == 0 and out.exists()
    assert "変更履歴に記録できませんでした" in err
    assert export_events(demo_db_path) == []
