"""The data check (データの点検): clean demo passes; injected problems are found and named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from nagato_desk.database import open_database
from nagato_desk.services.check import run_checks


def check(path: Path):
    with open_database(path, write=False) as db:
        return run_checks(db)


def inject(path: Path, *statements: str) -> None:
    """Write what the program itself would refuse: the constraints are switched off for this connection."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("PRAGMA ignore_check_constraints=ON")
    for statement in statements:
        conn.execute(statement)
    conn.close()


def test_the_demo_is_clean(demo_db_path):
    report = check(demo_db_path)
    assert report.ok
    assert report.findings == []
    text = report.text("ja")
    assert "点検済み：ファイルの整合性（integrity_check）" in text
    assert text.endswith("問題は見つかりませんでした。")
    assert report.text("en").endswith("No problems found.")


def _scalar(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_a_figure_of_a_missing_association_is_an_error(demo_db_path):
    assert _scalar(demo_db_path, "SELECT count(*) FROM association_figure") == 15  # the demo's figures
    row = _scalar(demo_db_path, "SELECT max(id) FROM association_figure") + 1  # the injected row's number
    assert row == 16
    inject(
        demo_db_path,
        "INSERT INTO association_figure (association_id, fiscal_year, as_of, households, population, aged_65_plus,"
        " created_at, updated_at) VALUES (999, 2026, '2026-04-01', 1, 2, 1, '2026-04-01', '2026-04-01')",
    )
    report = check(demo_db_path)
    assert not report.ok
    assert any(
        "association_figure" in f.ja and f"{row}番" in f.ja and "neighbourhood_association" in f.ja
        for f in report.findings
    ), report.text()
    assert report.text().endswith("1件のエラーが見つかりました。")


def test_more_aged_than_people_is_an_error_naming_the_association_and_year(demo_db_path):
    inject(
        demo_db_path,
        "UPDATE association_figure SET aged_65_plus = population + 1 WHERE id = ("
        " SELECT f.id FROM association_figure f JOIN neighbourhood_association a ON a.id = f.association_id"
        " WHERE a.name = '中山自治会' ORDER BY f.fiscal_year DESC LIMIT 1)",
    )
    report = check(demo_db_path)
    assert not report.ok
    assert all(f.severity == "error" for f in report.findings)
    # SQLite's own check sees the broken CHECK rule; the domain rule says which 自治会 and year.
    assert any("CHECK constraint failed in association_figure" in f.ja for f in report.findings)
    latest = max(int(s) for s in _years(demo_db_path))
    assert any(
        "中山自治会" in f.ja and f"{latest}年度" in f.ja and "65歳以上人口が人口を超えて" in f.ja
        for f in report.findings
    ), report.text()
    assert not any("破損" in f.ja for f in report.findings)


def _years(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [str(r[0]) for r in conn.execute("SELECT DISTINCT fiscal_year FROM association_figure")]
    finally:
        conn.close()


def test_an_association_without_this_years_figures_is_a_warning(demo_db_path):
    inject(
        demo_db_path,
        "INSERT INTO neighbourhood_association (council_id, name, reading, sort_order, notes, created_at,"
        " updated_at) VALUES (1, '新町自治会', '', 6, '', '2026-04-01', '2026-04-01')",
    )
    report = check(demo_db_path)
    assert report.ok  # a warning is not an error
    (finding,) = report.findings
    assert finding.severity == "warning" and "新町自治会" in finding.ja
    assert report.text().endswith("エラーはありません（注意をご確認ください）。")


def test_no_council_is_an_error(db):
    path = db.path
    db.close()
    report = check(path)
    assert not report.ok
    assert [f.ja for f in report.findings] == ["協議会が登録されていません。"]


def test_the_check_does_not_change_the_file(demo_db_path):
    conn = sqlite3.connect(demo_db_path)
    conn.execute("PRAGMA journal_mode=DELETE")  # as a backup copy is
    conn.close()
    before = demo_db_path.read_bytes()
    files_before = sorted(p.name for p in demo_db_path.parent.iterdir())
    assert check(demo_db_path).ok
    assert demo_db_path.read_bytes() == before
    # no journal, lock or other file is left beside it (the demo's photo folder was there before)
    assert (
        sorted(p.name for p in demo_db_path.parent.iterdir())
        == files_before
        == ["demo-attachments", "demo.db"]
    )
