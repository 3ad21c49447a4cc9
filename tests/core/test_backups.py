"""Backups: consistent, verified, written whole or not at all; restore saves the current file first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from support import run_unprivileged, snapshot, write_demo_file

from nagato_desk.database import open_database
from nagato_desk.errors import NagatoError, NewerDatabaseError, UnreadableFileError
from nagato_desk.locking import DatabaseLock
from nagato_desk.services import associations as associations_service
from nagato_desk.services import council as council_service
from nagato_desk.services.backups import backup_database, describe_backup, restore_backup, verify_backup
from nagato_desk.services.demo import DEMO_COUNCIL_NAME

# The demo's council part, counted by hand: 1 council, 5 associations, each with figures for 3 fiscal
# years. The demo holds more (the other tables of the schema, its change history); those are compared
# with the source file's own counts.
DEMO_COUNTS = {"alembic_version": 1, "council": 1, "neighbourhood_association": 5, "association_figure": 15}


def counts(path: Path) -> dict[str, int]:
    """The row count of every table of the file (SQLite's internal tables aside, as backups count)."""
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def test_the_demo_has_every_table_and_the_council_part_counted_by_hand(demo_db_path):
    from nagato_desk.models import Base

    source = counts(demo_db_path)
    assert set(source) == set(Base.metadata.tables) | {"alembic_version"}
    assert DEMO_COUNTS.items() <= source.items()


def association_names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM neighbourhood_association ORDER BY sort_order")]
    finally:
        conn.close()


def test_backup_is_a_verified_copy_with_the_same_counts(demo_db_path, tmp_path):
    out = tmp_path / "out" / "copy.db"
    source = counts(demo_db_path)
    summary = backup_database(demo_db_path, out)
    assert summary.path == out
    assert summary.counts == source == counts(out)
    assert DEMO_COUNTS.items() <= source.items()  # the demo's council part, counted by hand
    assert sorted(p.name for p in out.parent.iterdir()) == ["copy.db"]  # no partial file left
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    conn.close()
    verify_backup(out, expected_revision=summary.schema_revision, expected_counts=source)


def test_backup_while_in_use_sees_only_committed_rows(demo_db_path, tmp_path):
    with open_database(demo_db_path) as db, db.Session() as session:
        session.begin()
        associations_service.add_association(session, "新町自治会")  # flushed, not committed
        summary = backup_database(db.engine, tmp_path / "during.db")
        session.rollback()
    assert summary.counts["neighbourhood_association"] == 5


def test_a_stale_partial_file_from_a_killed_backup_is_replaced(demo_db_path, tmp_path):
    (tmp_path / ".copy.db.partial").write_bytes(b"half a backup")
    backup_database(demo_db_path, tmp_path / "copy.db")
    assert not (tmp_path / ".copy.db.partial").exists()
    assert counts(tmp_path / "copy.db") == counts(demo_db_path)
    assert DEMO_COUNTS.items() <= counts(tmp_path / "copy.db").items()


@pytest.mark.parametrize("cut", ["empty", "truncated"])
def test_a_backup_killed_midway_is_rejected(demo_db_path, tmp_path, cut):
    good = tmp_path / "good.db"
    backup_database(demo_db_path, good)
    partial = tmp_path / ".copy.db.partial"
    data = good.read_bytes()
    partial.write_bytes(b"" if cut == "empty" else data[: len(data) // 2])
    with pytest.raises(UnreadableFileError, match="完全ではありません"):
        verify_backup(partial)


def test_a_copy_whose_counts_differ_is_rejected(demo_db_path, tmp_path):
    copy = tmp_path / "copy.db"
    backup_database(demo_db_path, copy)
    source = counts(demo_db_path)
    verify_backup(copy, expected_counts=source)  # the copy as made matches...
    conn = sqlite3.connect(copy)
    conn.execute("DELETE FROM association_figure WHERE id = (SELECT max(id) FROM association_figure)")
    conn.commit()
    conn.close()
    verify_backup(copy)  # ...and after losing a row it is still a readable database on its own...
    with pytest.raises(UnreadableFileError, match="row counts differ"):
        verify_backup(copy, expected_counts=source)  # ...but not what was copied


def test_backup_to_a_place_that_is_not_a_folder_fails_cleanly(demo_db_path, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(NagatoError, match="書き込めません"):
        backup_database(demo_db_path, blocker / "copy.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo-attachments", "demo.db", "not-a-folder"]


_BACKUP_AS_USER = """
import sys
from pathlib import Path
from nagato_desk.errors import NagatoError
from nagato_desk.services.backups import backup_database
try:
    backup_database(Path(sys.argv[1]), Path(sys.argv[2]))
    print("written")
except NagatoError as exc:
    print(type(exc).__name__, exc.message("ja"))
"""


def test_backup_into_a_read_only_folder_fails_cleanly(tmp_path, readonly_dir):
    source = write_demo_file(readonly_dir / "source.db")
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA journal_mode=DELETE")  # readable without a -shm file beside it
    conn.close()
    before = snapshot(readonly_dir)
    result = run_unprivileged(_BACKUP_AS_USER, source, readonly_dir / "copy.db", lock_down=readonly_dir)
    assert result.stdout.startswith("NagatoError"), result.stdout + result.stderr
    assert "書き込めません" in result.stdout
    assert snapshot(readonly_dir) == before


def test_backup_of_a_missing_file_creates_nothing(tmp_path):
    with pytest.raises(UnreadableFileError, match="見つかりません"):
        backup_database(tmp_path / "missing.db", tmp_path / "copy.db")
    assert list(tmp_path.iterdir()) == []


def test_describe_backup_names_the_council_and_counts(demo_db_path, tmp_path):
    summary = backup_database(demo_db_path, tmp_path / "copy.db")
    described = describe_backup(tmp_path / "copy.db")
    assert described.council_name == DEMO_COUNCIL_NAME
    assert described.counts == counts(demo_db_path)
    assert DEMO_COUNTS.items() <= described.counts.items()
    ja = summary.describe("ja")
    assert DEMO_COUNCIL_NAME in ja
    assert "自治会 5件" in ja and "自治会の年度別人口 15件" in ja
    assert "5 neighbourhood associations" in summary.describe("en")


def test_restore_saves_the_current_file_first_and_brings_the_backup_back(demo_db_path, tmp_path):
    backup = tmp_path / "monday.db"
    backup_database(demo_db_path, backup)
    backed_up = counts(backup)
    with open_database(demo_db_path) as db, db.session() as session:
        first = associations_service.list_associations(session)[0]
        associations_service.update_association(session, first.id, "東浜第一自治会")
        associations_service.add_association(session, "新町自治会")
    changed = association_names(demo_db_path)
    assert len(changed) == 6

    with DatabaseLock(demo_db_path):
        summary, saved = restore_backup(backup, demo_db_path, tmp_path / "backups")
    assert summary.counts == backed_up == counts(demo_db_path)
    assert DEMO_COUNTS.items() <= summary.counts.items()
    assert saved is not None and saved.parent == tmp_path / "backups"
    assert association_names(saved) == changed  # what was there before the restore
    assert association_names(demo_db_path) == association_names(backup)
    assert association_names(demo_db_path)[0] == "東浜自治会"
    with open_database(demo_db_path) as db, db.Session() as session:
        assert council_service.get_council(session).name == DEMO_COUNCIL_NAME


def test_restoring_a_backup_from_a_newer_version_is_refused(demo_db_path, tmp_path):
    backup = tmp_path / "future.db"
    backup_database(demo_db_path, backup)
    conn = sqlite3.connect(backup)
    conn.execute("UPDATE alembic_version SET version_num='zzzz9999'")
    conn.commit()
    conn.close()
    before = demo_db_path.read_bytes()
    with DatabaseLock(demo_db_path), pytest.raises(NewerDatabaseError, match="新しいバージョン"):
        restore_backup(backup, demo_db_path, tmp_path / "backups")
    assert demo_db_path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_restoring_an_incomplete_backup_is_refused(demo_db_path, tmp_path):
    backup = tmp_path / "half.db"
    backup_database(demo_db_path, tmp_path / "good.db")
    data = (tmp_path / "good.db").read_bytes()
    backup.write_bytes(data[: len(data) // 2])
    before = demo_db_path.read_bytes()
    with DatabaseLock(demo_db_path), pytest.raises(UnreadableFileError):
        restore_backup(backup, demo_db_path, tmp_path / "backups")
    assert demo_db_path.read_bytes() == before


def test_restore_onto_a_damaged_file_keeps_its_bytes(demo_db_path, tmp_path):
    backup = tmp_path / "good.db"
    backup_database(demo_db_path, backup)
    backed_up = counts(backup)
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(demo_db_path, damaged)
    damaged.write_bytes(damaged.read_bytes()[:1000])
    with DatabaseLock(damaged):
        _, saved = restore_backup(backup, damaged, tmp_path / "backups")
    assert saved is not None and "damaged" in saved.name
    assert len(saved.read_bytes()) == 1000
    assert counts(damaged) == backed_up
    assert DEMO_COUNTS.items() <= backed_up.items()


def test_restore_onto_a_damaged_file_keeps_its_write_ahead_log_too(demo_db_path, tmp_path):
    backup = tmp_path / "good.db"
    backup_database(demo_db_path, backup)
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 984)
    wal = Path(str(damaged) + "-wal")
    wal.write_bytes(b"committed pages not yet checkpointed")
    with DatabaseLock(damaged):
        _, saved = restore_backup(backup, damaged, tmp_path / "backups")
    assert Path(str(saved) + "-wal").read_bytes() == b"committed pages not yet checkpointed"
    assert not wal.exists()  # the restored file starts without the old log
