"""``nagato-desk import members FILE [--dry-run]``: a roster in, exit codes, messages, nothing half-written."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

TABLES = ("member", "household", "block", "committee", "committee_membership", "officer_term", "member_event")

ROSTER = [
    ["令和8年度 会員名簿"],
    [],
    ["名前", "フリガナ", "性別", "生年月日", "住所", "TEL", "自治会", "班", "役職", "部会", "入会日"],
    ["佐藤　一郎", "ｻﾄｳ ｲﾁﾛｳ", "男", "S45.3.1", "長門市東深川１２３４", "０８３７－２２－１１１１", "東浜", "1班", "会長", None, datetime(2020, 4, 1)],
    ["佐藤 花子", "ｻﾄｳ ﾊﾅｺ", "女", "昭和47年5月10日", "長門市東深川1234", None, "東浜自治会", "1班", None, "福祉部会", "R2.4.1"],
    [],
    ["田中　健太", "たなか けんた", "男", datetime(1985, 12, 24), "長門市西深川567", "0837-23-4567", "西浜自治会", "2班", None, None, None],
]  # fmt: skip

BROKEN = [
    ["氏名", "性別", "生年月日", "自治会", "電話"],
    ["佐藤 一郎", "男", "S45.3.1", "東浜", None],
    ["佐藤 花子", "女", "昭和65年13月1日", "東浜", None],
    ["鈴木 三郎", "不明X", None, "北浜自治会", None],
    [None, None, None, None, "0837-99-9999"],
]


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def counts(path: Path) -> dict[str, int]:
    return {t: query(path, f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}


@pytest.fixture
def council_db(cli, tmp_path) -> Path:
    """A new council with two 自治会, made through the command line as a secretariat would."""
    db = tmp_path / "council.db"
    code, _, err = cli("init", "--db", db, "--council", "油谷地区協議会")
    assert code == 0, err
    associations = tmp_path / "associations.csv"
    associations.write_text(
        "自治会,世帯数,人口,65歳以上,年度\n東浜自治会,90,180,95,R8\n西浜自治会,70,150,80,R8\n"
    )
    code, _, err = cli("import", "associations", associations, "--db", db)
    assert code == 0, err
    return db


def test_import_members_writes_the_roster_and_says_what_it_did(cli, council_db, tmp_path):
    roster = write_xlsx(tmp_path / "会員名簿.xlsx", ROSTER)
    code, out, err = cli("import", "members", roster, "--db", council_db)
    assert code == 0, err
    assert out.strip() == "会員 3人（2世帯）を登録しました（役職 1件、部会 1件、新しい班 2、新しい部会 1）。"
    assert query(
        council_db,
        "SELECT m.name, m.reading, m.gender, m.birth_date, m.address, m.phone, a.name, b.name, m.joined_on"
        " FROM member m JOIN neighbourhood_association a ON a.id = m.association_id"
        " JOIN block b ON b.id = m.block_id ORDER BY m.id",
    ) == [
        ("佐藤 一郎", "サトウ イチロウ", "M", "1970-03-01", "長門市東深川1234", "0837-22-1111", "東浜自治会", "1班", "2020-04-01"),
        ("佐藤 花子", "サトウ ハナコ", "F", "1972-05-10", "長門市東深川1234", "", "東浜自治会", "1班", "2020-04-01"),
        ("田中 健太", "たなか けんた", "M", "1985-12-24", "長門市西深川567", "0837-23-4567", "西浜自治会", "2班", None),
    ]  # fmt: skip
    assert query(
        council_db,
        "SELECT h.address, h.phone, m.name FROM household h JOIN member m ON m.id = h.head_member_id ORDER BY h.id",
    ) == [("長門市東深川1234", "0837-22-1111", "佐藤 一郎"), ("長門市西深川567", "0837-23-4567", "田中 健太")]
    assert query(
        council_db,
        "SELECT m.name, r.name, t.starts_on FROM officer_term t JOIN member m ON m.id = t.member_id"
        " JOIN role r ON r.id = t.role_id",
    ) == [("佐藤 一郎", "会長", "2020-04-01")]
    assert query(
        council_db,
        "SELECT c.name, m.name FROM committee_membership cm JOIN committee c ON c.id = cm.committee_id"
        " JOIN member m ON m.id = cm.member_id",
    ) == [("福祉部会", "佐藤 花子")]

    # The same file again: everyone is flagged as a possible duplicate, and still added (a warning).
    code, out, err = cli("--lang", "en", "import", "members", roster, "--db", council_db)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == (
        "3 members in 2 households added (1 officer terms, 1 committee places; new blocks: 0, new committees: 0)."
    )
    assert lines[1] == "Possible duplicates to check (3):"
    assert lines[2] == "  row 4: 佐藤 一郎 — 佐藤 一郎（登録済み）"


def test_a_broken_roster_exits_1_names_each_cell_and_writes_nothing(cli, council_db, tmp_path):
    broken = write_xlsx(tmp_path / "broken.xlsx", BROKEN)
    before = counts(council_db)
    data = council_db.read_bytes()
    code, out, err = cli("import", "members", broken, "--db", council_db)
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "3行目、C列「生年月日」：日付『昭和65年13月1日』は存在しない日付です。",
        "4行目、B列「性別」：性別「不明X」が分かりません。男・女（男性・女性、M・F）で入力してください。",
        "4行目、D列「自治会」：自治会「北浜自治会」は登録されていません。登録済みの自治会：東浜自治会、西浜自治会",
        "5行目、A列「氏名」：氏名が空です（この行には他の欄があります）。",
    ]
    assert counts(council_db) == before == dict.fromkeys(TABLES, 0)
    assert council_db.read_bytes() == data


def test_dry_run_reports_and_writes_nothing(cli, council_db, tmp_path):
    roster = write_xlsx(tmp_path / "会員名簿.xlsx", ROSTER)
    data = council_db.read_bytes()
    code, out, err = cli("import", "members", roster, "--db", council_db, "--dry-run")
    assert code == 0, err
    assert out.splitlines() == [
        "点検のみ（書き込んでいません）：",
        "会員 3人（2世帯）を登録しました（役職 1件、部会 1件、新しい班 2、新しい部会 1）。",
    ]
    assert council_db.read_bytes() == data
    assert counts(council_db) == dict.fromkeys(TABLES, 0)

    code, _, err = cli(
        "import", "members", write_xlsx(tmp_path / "b.xlsx", BROKEN), "--db", council_db, "--dry-run"
    )
    assert code == 1 and "3行目、C列「生年月日」" in err
    assert council_db.read_bytes() == data


def test_import_members_is_listed_and_refuses_unreadable_files(cli, council_db, tmp_path):
    code, out, _ = cli("import", "--help")
    assert code == 0 and "members (会員名簿)" in " ".join(out.split())  # argparse wraps it
    odd = tmp_path / "roster.pdf"
    odd.write_bytes(b"%PDF-1.4")
    code, _, err = cli("import", "members", odd, "--db", council_db)
    assert code == 2 and "読み込めない形式" in err
