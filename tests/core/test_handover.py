"""Hand-over files (引継ぎ): written whole and verified, opened on "another PC" with every check."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from nagato_desk.database import SCHEMA_HEAD, open_database
from nagato_desk.errors import DatabaseInUseError, NagatoError, NewerDatabaseError, UnreadableFileError
from nagato_desk.reports.handover_checklist import count_rows
from nagato_desk.services.handover import (
    CHECKLIST_MEMBER,
    DATABASE_MEMBER,
    MANIFEST,
    attachments_dir,
    read_handover,
    take_over,
    write_handover,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = datetime(2026, 11, 29, 10, 30)


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def dump(path: Path) -> list[str]:
    """A logical dump of every table but alembic_version (the version differs after an upgrade)."""
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump() if "alembic_version" not in line]
    finally:
        conn.close()


def rewrite_zip(src: Path, dst: Path, change) -> None:  # type: ignore[no-untyped-def]
    """Copy a zip member by member, letting ``change(name, data)`` alter or drop (None) each."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)


@pytest.fixture
def handover(demo_db_path: Path, tmp_path: Path) -> Path:
    folder = attachments_dir(demo_db_path)
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "夏祭り.jpg").write_bytes(b"\xff\xd8fake jpeg" * 100)
    (folder / "規約.pdf").write_bytes(b"%PDF-1.4 fake")
    out = tmp_path / "out" / "demo.nagato-handover.zip"
    write_handover(demo_db_path, out, backup_dir=tmp_path / "backups", now=NOW)
    return out


def test_the_file_holds_database_attachments_checklist_and_a_manifest_with_checksums(
    handover: Path, demo_db_path: Path
):
    with zipfile.ZipFile(handover) as zf:
        names = sorted(zf.namelist())
        manifest = json.loads(zf.read(MANIFEST))
        members = {n: zf.read(n) for n in names if n != MANIFEST}
    # Every file of the attachments folder (the demo's own photos too), by its path inside the folder.
    folder = attachments_dir(demo_db_path)
    attached = [f"attachments/{p.relative_to(folder).as_posix()}" for p in folder.rglob("*") if p.is_file()]
    assert "attachments/photos/夏祭り.jpg" in attached and "attachments/規約.pdf" in attached
    assert names == sorted([MANIFEST, DATABASE_MEMBER, CHECKLIST_MEMBER, *attached])
    # Every file is listed with the SHA-256 of its bytes, worked out here independently.
    assert set(manifest["files"]) == set(members)
    for name, data in members.items():
        assert manifest["files"][name] == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    assert members["attachments/規約.pdf"] == b"%PDF-1.4 fake"
    assert members[CHECKLIST_MEMBER].startswith(b"%PDF")
    assert manifest["schema"] == SCHEMA_HEAD
    assert manifest["council"] == rows(demo_db_path, "SELECT name FROM council")[0][0]
    assert manifest["created_at"] == "2026-11-29T10:30:00"
    # The counts are those of the database itself, table by table.
    assert manifest["counts"]["member"] == rows(demo_db_path, "SELECT count(*) FROM member")[0][0]
    assert manifest["counts"]["household"] == rows(demo_db_path, "SELECT count(*) FROM household")[0][0]
    assert "alembic_version" not in manifest["counts"]


def test_the_database_in_the_file_is_a_complete_copy(handover: Path, demo_db_path: Path, tmp_path: Path):
    with zipfile.ZipFile(handover) as zf:
        zf.extract(DATABASE_MEMBER, tmp_path / "x")
    assert dump(tmp_path / "x" / DATABASE_MEMBER) == dump(demo_db_path)


def test_the_checklist_counts_every_table_members_households_officers_first():
    counts = {"officer_term": 3, "member": 10, "household": 4, "alembic_version": 1, "block": 2, "zzz_new": 7}
    listed = count_rows(counts)
    # the three named ones first, in this order; alembic_version hidden; a table without a label by name
    assert listed[:3] == [("会員", 10), ("世帯", 4), ("役員の任期", 3)]
    assert sorted(listed[3:]) == sorted([("班", 2), ("zzz_new", 7)])


def test_take_over_on_another_pc_installs_data_and_attachments(handover: Path, demo_db_path: Path, tmp_path):
    target = tmp_path / "other-pc" / "nagato-desk.db"
    result = take_over(handover, target, backup_dir=tmp_path / "other-pc" / "backups")
    source = attachments_dir(demo_db_path)
    assert result.previous is None and not result.upgraded
    assert result.attachments == sum(1 for p in source.rglob("*") if p.is_file())
    assert dump(target) == dump(demo_db_path)
    assert (attachments_dir(target) / "photos" / "夏祭り.jpg").read_bytes() == b"\xff\xd8fake jpeg" * 100
    with open_database(target) as db:  # and it just opens
        assert db.path == target


def test_an_existing_council_is_replaced_only_with_force_after_a_backup(handover: Path, tmp_path: Path):
    from nagato_desk.services.council import CouncilDraft, create_council

    target = tmp_path / "mine.db"
    with open_database(target, create=True) as db, db.session() as s:
        create_council(s, CouncilDraft(name="今の協議会"))
    before = target.read_bytes()
    with pytest.raises(NagatoError) as refused:
        take_over(handover, target, backup_dir=tmp_path / "backups")
    assert "今の協議会" in refused.value.ja and "--force" in refused.value.ja
    assert target.read_bytes() == before
    result = take_over(handover, target, backup_dir=tmp_path / "backups", force=True)
    assert result.previous is not None
    assert rows(result.previous, "SELECT name FROM council") == [("今の協議会",)]
    assert rows(target, "SELECT name FROM council") != [("今の協議会",)]


def test_takeover_keeps_the_old_attachments_folder(handover: Path, tmp_path: Path):
    target = tmp_path / "t.db"
    old = attachments_dir(target)
    old.mkdir()
    (old / "古い写真.jpg").write_bytes(b"old")
    result = take_over(handover, target, backup_dir=tmp_path / "b")
    assert result.previous_attachments is not None
    assert (result.previous_attachments / "古い写真.jpg").read_bytes() == b"old"
    assert not (attachments_dir(target) / "古い写真.jpg").exists()


def test_a_changed_byte_is_caught_by_the_checksum(handover: Path, tmp_path: Path):
    bad = tmp_path / "bad.zip"

    def flip(name: str, data: bytes) -> bytes:
        if name == DATABASE_MEMBER:
            data = data[:5000] + bytes([data[5000] ^ 0xFF]) + data[5001:]
        return data

    rewrite_zip(handover, bad, flip)
    with pytest.raises(UnreadableFileError, match="SHA-256"):
        read_handover(bad)
    target = tmp_path / "target.db"
    with pytest.raises(UnreadableFileError):
        take_over(bad, target, backup_dir=tmp_path / "b")
    assert not target.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda n, d: None if n == CHECKLIST_MEMBER else d, "一致しません"),  # a listed file missing
        (lambda n, d: None if n == MANIFEST else d, "manifest"),
        (lambda n, d: b"{not json" if n == MANIFEST else d, "manifest"),
    ],
)
def test_a_file_that_does_not_match_its_manifest_is_refused(handover: Path, tmp_path, change, message):
    bad = tmp_path / "bad.zip"
    rewrite_zip(handover, bad, change)
    with pytest.raises(UnreadableFileError, match=message):
        read_handover(bad)


def test_an_extra_file_and_a_path_outside_the_folder_are_refused(handover: Path, tmp_path: Path):
    extra = tmp_path / "extra.zip"
    shutil.copyfile(handover, extra)
    with zipfile.ZipFile(extra, "a") as zf:
        zf.writestr("unlisted.exe", b"MZ")
    with pytest.raises(UnreadableFileError, match="unlisted.exe"):
        read_handover(extra)

    evil = tmp_path / "evil.zip"

    def traverse(name: str, data: bytes) -> bytes:
        if name == MANIFEST:
            manifest = json.loads(data)
            manifest["files"]["../../evil.txt"] = {"sha256": "0" * 64, "size": 1}
            return json.dumps(manifest).encode()
        return data

    rewrite_zip(handover, evil, traverse)
    with pytest.raises(UnreadableFileError, match="manifest"):
        take_over(evil, tmp_path / "t.db", backup_dir=tmp_path / "b")
    assert not (tmp_path.parent / "evil.txt").exists()


def test_not_a_zip_is_refused(tmp_path: Path):
    junk = tmp_path / "junk.nagato-handover.zip"
    junk.write_bytes(b"this is not a zip at all")
    with pytest.raises(UnreadableFileError) as exc:
        read_handover(junk)
    assert exc.value.exit_code == 2


def test_a_newer_schema_is_refused_before_anything_is_installed(handover: Path, tmp_path: Path):
    newer = tmp_path / "newer.zip"

    def bump(name: str, data: bytes) -> bytes:
        if name == MANIFEST:
            manifest = json.loads(data)
            manifest["schema"] = "9999"
            return json.dumps(manifest).encode()
        return data

    rewrite_zip(handover, newer, bump)
    target = tmp_path / "t.db"
    with pytest.raises(NewerDatabaseError, match="9999"):
        take_over(newer, target, backup_dir=tmp_path / "b")
    assert not target.exists()


def test_an_older_schema_is_upgraded_with_no_row_lost(tmp_path: Path):
    old = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "schema-0001.db", old)
    # schema 0001 holds the council and its 自治会 with their yearly figures
    figures = rows(old, "SELECT * FROM association_figure ORDER BY id")
    assert len(figures) > 0
    out = tmp_path / "old.nagato-handover.zip"
    manifest = write_handover(old, out, now=NOW).manifest
    assert manifest.schema == "0001"
    target = tmp_path / "new" / "council.db"
    result = take_over(out, target, backup_dir=tmp_path / "new" / "backups")
    assert result.upgraded
    assert rows(target, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    assert rows(target, "SELECT * FROM association_figure ORDER BY id") == figures
    assert rows(target, "SELECT name FROM council") == rows(old, "SELECT name FROM council")


def test_takeover_waits_for_no_one_holding_the_target(handover: Path, tmp_path: Path, lock_holder):
    target = tmp_path / "held.db"
    with lock_holder(target):
        before = target.read_bytes()
        with pytest.raises(DatabaseInUseError):
            take_over(handover, target, backup_dir=tmp_path / "b", force=True)
        assert target.read_bytes() == before


def test_a_failed_write_leaves_no_file(demo_db_path: Path, tmp_path: Path, monkeypatch):
    from nagato_desk.services import handover as module

    def broken(path):
        raise UnreadableFileError("読み返せません", "cannot read back")

    # The written zip is read back before it gets its name; when that fails, no file is left.
    monkeypatch.setattr(module, "read_handover", broken)
    out = tmp_path / "h.zip"
    with pytest.raises(UnreadableFileError):
        write_handover(demo_db_path, out)
    assert not out.exists()
    assert {p.name for p in tmp_path.iterdir()} <= {"demo-attachments", "demo.db"}  # no temporary file


def test_a_damaged_target_is_replaced_only_with_force(handover: Path, tmp_path: Path):
    target = tmp_path / "damaged.db"
    target.write_bytes(b"SQLite format 3\x00" + bytes(84) + b"\x13" * 8000)  # a SQLite header, then garbage
    before = target.read_bytes()
    with pytest.raises(NagatoError, match="--force"):
        take_over(handover, target, backup_dir=tmp_path / "b")
    assert target.read_bytes() == before
    result = take_over(handover, target, backup_dir=tmp_path / "b", force=True)
    assert result.previous is not None and result.previous.read_bytes() == before  # its bytes kept


def test_a_full_disk_while_unpacking_is_said_plainly(handover: Path, tmp_path: Path, monkeypatch):
    from nagato_desk.services import handover as module

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module.shutil, "copyfileobj", full)
    target = tmp_path / "t.db"
    with pytest.raises(NagatoError, match="ディスクの空きが足りない"):
        take_over(handover, target, backup_dir=tmp_path / "b")
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("nagato-takeover-")] == []


def test_the_checklist_asks_for_the_password_only_when_one_is_set(demo_db_path: Path, tmp_path: Path):
    import subprocess

    from nagato_desk.services.passwords import set_password

    def checklist_text(out: Path) -> str:
        with zipfile.ZipFile(out) as z:
            (tmp_path / "c.pdf").write_bytes(z.read(CHECKLIST_MEMBER))
        return subprocess.run(
            ["pdftotext", str(tmp_path / "c.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout

    write_handover(demo_db_path, tmp_path / "a.nagato-handover.zip", backup_dir=tmp_path / "b", now=NOW)
    assert "Nagato Desk を開くパスワード" not in checklist_text(tmp_path / "a.nagato-handover.zip")
    with open_database(demo_db_path) as db, db.session() as session:
        set_password(session, "うつが2026")
    write_handover(demo_db_path, tmp_path / "p.nagato-handover.zip", backup_dir=tmp_path / "b", now=NOW)
    assert "Nagato Desk を開くパスワード" in checklist_text(tmp_path / "p.nagato-handover.zip")
