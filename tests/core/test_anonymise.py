"""匿名化: a member who left is anonymised, their history scrubbed, and the old values gone from the file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from nagato_desk.database import open_database
from nagato_desk.errors import NagatoError
from nagato_desk.services.member_anonymise import ANONYMOUS_NAME, anonymise_member


def one(path: Path, sql: str, *args) -> tuple:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchone()
    finally:
        conn.close()


def file_bytes(path: Path) -> bytes:
    """The database and whatever journal is beside it."""
    data = path.read_bytes()
    for suffix in ("-wal", "-journal"):
        extra = Path(str(path) + suffix)
        if extra.exists():
            data += extra.read_bytes()
    return data


def pick_leaver(path: Path) -> tuple[int, str, str]:
    """A member who left, with a name (and e-mail or phone) no other member has."""
    row = one(
        path,
        "SELECT m.id, m.name, m.address FROM member m WHERE m.status != 'active' AND m.address != '' "
        "AND (SELECT count(*) FROM member o WHERE o.name = m.name) = 1 ORDER BY m.id LIMIT 1",
    )
    assert row is not None, "the demo has members who left"
    return row


def test_the_old_name_is_gone_from_the_file_bytes(demo_db_path: Path, history_user):
    member_id, name, _address = pick_leaver(demo_db_path)
    with open_database(demo_db_path) as db:
        # Give the member some history with the name in it, as a user's edit would.
        from nagato_desk.models import Member

        with db.session() as session:
            session.get(Member, member_id).notes = f"{name}さんの連絡先メモ"
        assert name.encode() in file_bytes(demo_db_path)
        result = anonymise_member(db, member_id)
    assert result.label == f"{ANONYMOUS_NAME}{member_id}"
    assert name.encode() not in file_bytes(demo_db_path)
    assert f"{name}さんの連絡先メモ".encode() not in file_bytes(demo_db_path)
    assert one(demo_db_path, "SELECT name, address, phone, anonymised FROM member WHERE id=?", member_id) == (
        result.label,
        "",
        "",
        1,
    )


def test_control_without_secure_delete_the_old_name_stays_in_free_space(demo_db_path: Path):
    """The check above can fail: an ordinary update leaves the old name in the file's free space."""
    member_id, name, _ = pick_leaver(demo_db_path)
    conn = sqlite3.connect(demo_db_path)
    conn.execute("PRAGMA secure_delete=OFF")
    conn.execute("UPDATE member SET name = 'x', search_text = '', notes = '' WHERE id = ?", (member_id,))
    conn.execute("DELETE FROM change_log WHERE table_name = 'member' AND row_id = ?", (member_id,))
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert one(demo_db_path, "SELECT count(*) FROM member WHERE name = ?", name) == (0,)
    assert name.encode() in file_bytes(demo_db_path)


def test_history_keeps_what_changed_when_but_not_the_values(demo_db_path: Path, history_user):
    member_id, name, address = pick_leaver(demo_db_path)
    with open_database(demo_db_path) as db:
        result = anonymise_member(db, member_id)
    conn = sqlite3.connect(demo_db_path)
    try:
        logs = conn.execute(
            "SELECT action, changes, note FROM change_log WHERE table_name='member' AND row_id=? ORDER BY id",
            (member_id,),
        ).fetchall()
        anywhere = conn.execute(
            "SELECT count(*) FROM change_log WHERE instr(changes, ?) > 0 OR instr(note, ?) > 0", (name, name)
        ).fetchone()[0]
    finally:
        conn.close()
    assert anywhere == 0
    insert = json.loads(logs[0][1])
    assert logs[0][0] == "insert" and insert["name"] == [None, "＊"]  # the field is named, its value not
    assert logs[-1] == ("anonymise", "", "会員を匿名化しました")
    assert result.history_rows >= 1


def test_an_active_member_is_refused_and_nothing_changes(demo_db_path: Path):
    member_id, name = one(
        demo_db_path, "SELECT id, name FROM member WHERE status='active' ORDER BY id LIMIT 1"
    )
    with open_database(demo_db_path) as db:
        with pytest.raises(NagatoError, match="在籍中"):
            anonymise_member(db, member_id)
        with pytest.raises(NagatoError, match="見つかりません"):
            anonymise_member(db, 10**9)
    assert one(demo_db_path, "SELECT name, anonymised FROM member WHERE id=?", member_id) == (name, 0)
