"""``export roster --purpose`` (the roster for the city) and ``anonymise MEMBER_ID``."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def query(path: Path, sql: str, *args) -> list[tuple]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def consent_city(path: Path, ids: list[int], on: str = "2026-04-01") -> None:
    conn = sqlite3.connect(path)
    with conn:
        for i in ids:
            conn.execute(
                "INSERT INTO consent (member_id, purpose, given_on, note, created_at, updated_at) "
                "VALUES (?, '市への名簿の提出', ?, '', '2026-04-01', '2026-04-01')",
                (i, on),
            )
    conn.close()


def test_export_roster_for_a_purpose_lists_only_who_consented(cli, demo_db_path: Path, tmp_path: Path):
    active = [
        r[0]
        for r in query(
            demo_db_path, "SELECT id FROM member WHERE status = 'active' AND deleted_at IS NULL ORDER BY id"
        )
    ]
    chosen = active[:3]
    consent_city(demo_db_path, chosen)
    names = [query(demo_db_path, "SELECT name FROM member WHERE id = ?", i)[0][0] for i in chosen]
    out = tmp_path / "city.csv"
    code, stdout, err = cli(
        "export", "roster", "--db", demo_db_path, "--out", out, "--purpose", "市への名簿の提出"
    )
    assert code == 0, err
    # everyone active (the demo's day is today) minus the three who consented
    left = len(active) - 3
    assert f"同意していない会員 {left:,}名は載せていません（載せたのは 3名）" in err
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + 3  # header and the three
    assert sorted(line.split(",")[2] for line in lines[1:]) == sorted(names)
    [(note,)] = query(demo_db_path, "SELECT note FROM change_log WHERE action = 'export'")
    assert note == "会員名簿を書き出し（氏名のみ、city.csv、目的：市への名簿の提出）"


def test_an_unknown_purpose_is_refused_and_nothing_is_written(cli, demo_db_path: Path, tmp_path: Path):
    out = tmp_path / "city.csv"
    code, _, err = cli("export", "roster", "--db", demo_db_path, "--out", out, "--purpose", "市に出す")
    assert code != 0 and "同意の目的「市に出す」は登録されていません" in err
    assert not out.exists()


def test_anonymise_backs_up_first_then_erases(cli, demo_db_path: Path):
    (member_id, name, address) = query(
        demo_db_path,
        "SELECT id, name, address FROM member WHERE status != 'active' AND address != '' ORDER BY id LIMIT 1",
    )[0]
    code, out, err = cli("anonymise", member_id, "--db", demo_db_path)
    assert code == 0, err
    assert "匿名化の前にバックアップしました" in out and f"（匿名化済み）{member_id}" in out
    backups = list((demo_db_path.parent / "backups").glob("demo-before-anonymise-*.db"))
    assert len(backups) == 1
    # the backup still has the person, the data file no longer
    assert query(backups[0], "SELECT name, address FROM member WHERE id = ?", member_id) == [(name, address)]
    assert query(demo_db_path, "SELECT name, address, anonymised FROM member WHERE id = ?", member_id) == [
        (f"（匿名化済み）{member_id}", "", 1)
    ]
    # a second time is refused: already anonymised, and no second backup
    code, _, err = cli("anonymise", member_id, "--db", demo_db_path)
    assert code != 0 and "すでに匿名化されています" in err
    assert len(list((demo_db_path.parent / "backups").glob("demo-before-anonymise-*.db"))) == 1


def test_anonymise_refuses_an_active_member_before_any_backup(cli, demo_db_path: Path):
    [(member_id, name)] = query(
        demo_db_path, "SELECT id, name FROM member WHERE status = 'active' ORDER BY id LIMIT 1"
    )
    code, _, err = cli("anonymise", member_id, "--db", demo_db_path)
    assert code != 0 and "在籍中の会員は匿名化できません" in err
    assert not list((demo_db_path.parent / "backups").glob("*before-anonymise*"))
    assert query(demo_db_path, "SELECT name FROM member WHERE id = ?", member_id) == [(name,)]
    code, _, err = cli("anonymise", 999_999, "--db", demo_db_path)
    assert code != 0 and "見つかりません" in err


def test_purpose_is_refused_for_a_document_it_does_not_filter(cli, demo_db_path: Path, tmp_path: Path):
    out = tmp_path / "officers.pdf"
    code, _, err = cli(
        "export", "officers", "--db", demo_db_path, "--out", out, "--purpose", "市への名簿の提出"
    )
    assert code == 2 and "--purpose は roster にだけ指定できます" in err
    assert not out.exists()
    assert query(demo_db_path, "SELECT count(*) FROM change_log WHERE action = 'export'") == [(0,)]
