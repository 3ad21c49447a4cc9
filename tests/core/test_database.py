"""Opening the database file: schema, pragmas, migrations, refusals that change nothing, the lock."""

from __future__ import annotations

import getpass
import os
import re
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from support import REPO, run_unprivileged, snapshot, write_demo_file

from nagato_desk import database, migrations
from nagato_desk.database import APPLICATION_ID, SCHEMA_HEAD, make_engine, open_database, reset_schema
from nagato_desk.errors import DatabaseInUseError, NewerDatabaseError, UnreadableFileError
from nagato_desk.models import Base
from nagato_desk.services.backups import describe_backup

#: Every table of the models, plus Alembic's own: what a new file must hold, whatever the schema grows to.
OUR_TABLES = set(Base.metadata.tables) | {"alembic_version"}
#: The newest real revision (read before any test points the migrations at a copy of db/).
REAL_HEAD = migrations.head_revision()
#: The extra revision the upgrade tests put on top of the real ones; no real revision is named like it.
TEST_REVISION = "9999_test"


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def table_names(path: Path) -> set[str]:
    conn = raw(path)
    try:
        return {
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        }
    finally:
        conn.close()


def all_counts(path: Path) -> dict[str, int]:
    """The row count of every table in the file (the file's own counts, whatever its schema)."""
    conn = raw(path)
    try:
        return {
            n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in sorted(table_names(path))
        }
    finally:
        conn.close()


def test_new_file_gets_schema_stamp_and_application_id(db):
    conn = raw(db.path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == OUR_TABLES
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(SCHEMA_HEAD,)]
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    db.close()  # the header reaches the file itself at the checkpoint on close (WAL)
    assert db.path.read_bytes()[68:72] == b"NDSK"


def test_connections_have_foreign_keys_on_and_wal(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    with open_database(db.path, write=False) as reader, reader.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA query_only").scalar() == 1


def test_migrations_build_exactly_the_models_schema(tmp_path):
    engine = make_engine(tmp_path / "migrated.db")
    migrations.upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_HEAD
    engine.dispose()


def test_schema_head_is_the_newest_migration():
    assert migrations.head_revision() == SCHEMA_HEAD


def test_ddl_is_transactional(db):
    with pytest.raises(RuntimeError), db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
        raise RuntimeError("midway")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name='scratch'").scalar() == 0


@pytest.mark.parametrize(
    "content",
    [
        "自治会名簿\n東浜,92\n".encode(),
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"SQLite format 3\x00" + b"\x00" * 20,  # the magic, but too short to be a database
    ],
    ids=["text", "png", "truncated"],
)
def test_a_file_that_is_not_a_database_is_refused_unchanged(tmp_path, content):
    path = tmp_path / "data.db"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError) as err:
        open_database(path)
    assert str(path) in err.value.ja
    assert snapshot(tmp_path) == {"data.db": content}


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "folder.db").mkdir()
    with pytest.raises(UnreadableFileError, match="フォルダです"):
        open_database(tmp_path / "folder.db")
    assert [p.name for p in tmp_path.iterdir()] == ["folder.db"]
    assert list((tmp_path / "folder.db").iterdir()) == []


def test_a_zero_byte_file_is_a_new_database(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with open_database(path) as opened, opened.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_HEAD


def test_a_missing_file_needs_create(tmp_path):
    with pytest.raises(UnreadableFileError, match="見つかりません"):
        open_database(tmp_path / "nothing.db")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("application_id", [0, 0x12345678])
def test_another_apps_sqlite_file_is_refused_unchanged(tmp_path, application_id):
    path = tmp_path / "other.sqlite"
    conn = raw(path)
    conn.execute(f"PRAGMA application_id={application_id}")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('他のアプリ')")
    conn.close()
    before = snapshot(tmp_path)
    for write in (True, False):
        with pytest.raises(UnreadableFileError):
            open_database(path, write=write)
    assert snapshot(tmp_path) == before


def _set_revision(path: Path, revision: str, journal_mode: str = "wal") -> None:
    conn = raw(path)
    conn.execute(f"PRAGMA journal_mode={journal_mode}")
    conn.execute("UPDATE alembic_version SET version_num=?", (revision,))
    conn.close()


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_file_from_a_newer_version_is_refused_unchanged(tmp_path, journal_mode):
    path = write_demo_file(tmp_path / "newer.db")
    _set_revision(path, "zzzz9999", journal_mode)
    before = snapshot(tmp_path)
    for write in (True, False):
        with pytest.raises(NewerDatabaseError) as err:
            open_database(path, write=write)
        assert "新しいバージョン" in err.value.message("ja")
        assert "newer version" in err.value.message("en")
        assert err.value.exit_code == 2
    assert snapshot(tmp_path) == before


# --- upgrading an older file, with a revision made for the test on top of the real ones ---------


def test_the_test_revision_cannot_collide_with_a_real_one():
    assert not migrations.is_known_revision(TEST_REVISION)
    assert not any(p.name.startswith("9999") for p in (REPO / "db" / "versions").glob("*.py"))


def _scripts_with(tmp_path: Path, upgrade_body: str) -> Path:
    """A copy of db/ with an extra revision after the real head, whose upgrade() is ``upgrade_body``."""
    scripts = tmp_path / "scripts"
    shutil.copytree(REPO / "db", scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / f"{TEST_REVISION}.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n\n"
        f"revision = {TEST_REVISION!r}\ndown_revision = {REAL_HEAD!r}\n"
        "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
        + textwrap.indent(textwrap.dedent(upgrade_body), "    ")
        + "\n\ndef downgrade():\n    pass\n",
        encoding="utf-8",
    )
    return scripts


@pytest.fixture
def older_file(tmp_path, monkeypatch):
    """A demo file at the real head while the program's newest revision is the test's, one after it."""
    path = write_demo_file(tmp_path / "data" / "old.db")

    def use(upgrade_body: str) -> Path:
        scripts = _scripts_with(tmp_path, upgrade_body)
        monkeypatch.setattr(migrations, "migrations_path", lambda: scripts)
        monkeypatch.setattr(database, "SCHEMA_HEAD", TEST_REVISION)
        assert migrations.head_revision() == TEST_REVISION
        return path

    return use


def _counts(path: Path) -> tuple[int, int, int]:
    """The demo's council part: 1 council, 5 associations, each with figures for 3 fiscal years."""
    conn = raw(path)
    try:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("council", "neighbourhood_association", "association_figure")
        )
    finally:
        conn.close()


def test_an_older_file_is_backed_up_then_upgraded_without_losing_rows(older_file, tmp_path, monkeypatch):
    # Rebuilding the parent table (batch "move and copy") must not cascade-delete its children.
    path = older_file(
        """
        with op.batch_alter_table("council", recreate="always") as batch_op:
            batch_op.add_column(sa.Column("email", sa.String(100), nullable=False, server_default=""))
        """
    )
    before = all_counts(path)
    backup_dir = tmp_path / "backups"
    seen_before_upgrade = []
    real_upgrade = migrations.upgrade

    def spying_upgrade(engine, target="head"):
        seen_before_upgrade.extend(backup_dir.glob("*.db"))
        real_upgrade(engine, target)

    monkeypatch.setattr(migrations, "upgrade", spying_upgrade)
    with open_database(path, backup_dir=backup_dir) as opened, opened.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("SELECT email FROM council").scalar() == ""
    (backup,) = seen_before_upgrade
    assert backup.name.startswith(f"old-before-upgrade-{REAL_HEAD}-")
    summary = describe_backup(backup)
    assert summary.schema_revision == REAL_HEAD
    assert summary.council_name == "宇津賀地区まちづくり協議会（デモ）"
    assert summary.counts == before  # the backup is the file as it was
    # 5 associations, each with 3 years of figures
    assert (summary.counts["neighbourhood_association"], summary.counts["association_figure"]) == (5, 15)
    assert _counts(path) == (1, 5, 15)
    assert all_counts(path) == before  # no row of any table lost, children of council included
    assert raw(path).execute("SELECT version_num FROM alembic_version").fetchone() == (TEST_REVISION,)


def test_a_migration_that_fails_midway_leaves_the_file_as_it_was(older_file, tmp_path):
    path = older_file(
        """
        op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))
        # The copy into _alembic_tmp_council fails on the new check: the demo's name is long.
        with op.batch_alter_table("council", recreate="always") as batch_op:
            batch_op.create_check_constraint("short_name", "length(name) < 3")
        """
    )
    before = path.read_bytes()
    counts_before = all_counts(path)
    assert set(counts_before) == OUR_TABLES
    with pytest.raises(Exception, match="CHECK constraint failed"):
        open_database(path, backup_dir=tmp_path / "backups")
    assert path.read_bytes() == before
    conn = raw(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert names == OUR_TABLES  # no "scratch", no "_alembic_tmp_council"
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (REAL_HEAD,)
    conn.close()
    assert _counts(path) == (1, 5, 15)
    assert all_counts(path) == counts_before
    assert not (path.parent / "old.db.lock").exists()


def test_an_older_file_is_not_upgraded_by_a_read_only_open(older_file):
    path = older_file("pass")
    with pytest.raises(UnreadableFileError, match="古いバージョン"):
        open_database(path, write=False)
    assert not (path.parent / "backups").exists()


# --- the released 0001 file, upgraded by the real migrations -------------------------------------

SCHEMA_0001 = REPO / "tests" / "fixtures" / "schema-0001.db"


def logical_dump(path: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """The rows of each table, reading only the given columns, in a stable order."""
    conn = raw(path)
    try:
        dump = {}
        for table, names in columns.items():
            cols = ", ".join(f'"{c}"' for c in names)
            dump[table] = conn.execute(f'SELECT {cols} FROM "{table}" ORDER BY {cols}').fetchall()
        return dump
    finally:
        conn.close()


def table_columns(path: Path, tables: set[str]) -> dict[str, list[str]]:
    conn = raw(path)
    try:
        return {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in sorted(tables)}
    finally:
        conn.close()


def test_the_released_0001_file_upgrades_to_head_without_losing_a_row(tmp_path):
    path = tmp_path / "released.db"
    shutil.copyfile(SCHEMA_0001, path)
    old_tables = table_names(path)
    conn = raw(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    conn.close()
    assert _counts(path) == (1, 5, 15)  # the demo council of release 0001
    data_tables = old_tables - {"alembic_version"}
    old_columns = table_columns(path, data_tables)
    counts_before = all_counts(path)
    dump_before = logical_dump(path, old_columns)

    with open_database(path, backup_dir=tmp_path / "backups") as opened:
        assert database.current_revision(opened.engine) == REAL_HEAD == SCHEMA_HEAD
        with opened.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []  # as if made new by this version

    after = all_counts(path)
    assert {t: after[t] for t in data_tables} == {t: counts_before[t] for t in data_tables}
    assert logical_dump(path, old_columns) == dump_before  # the same rows, value for value
    assert after["alembic_version"] == 1
    new_tables = set(after) - old_tables
    assert new_tables == set(Base.metadata.tables) - old_tables
    assert "change_log" in new_tables
    assert {t: after[t] for t in new_tables - {"change_log"}} == dict.fromkeys(new_tables - {"change_log"}, 0)
    (backup,) = (tmp_path / "backups").glob("*.db")
    assert logical_dump(backup, old_columns) == dump_before


def structure(path: Path) -> dict[str, dict[str, object]]:
    """What SQLite enforces, table by table: columns, references (with their ON DELETE), indexes, checks.

    (Alembic's comparison does not look at ON DELETE or CHECK rules; an upgraded file must have them too.)
    """
    conn = raw(path)
    try:
        out: dict[str, dict[str, object]] = {}
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table'"):
            out[name] = {
                "columns": sorted(conn.execute(f'PRAGMA table_info("{name}")').fetchall()),
                "references": sorted(r[2:] for r in conn.execute(f'PRAGMA foreign_key_list("{name}")')),
                "indexes": sorted(
                    (r[1], r[2], tuple(c[2] for c in conn.execute(f'PRAGMA index_info("{r[1]}")')))
                    for r in conn.execute(f'PRAGMA index_list("{name}")')
                ),
                "checks": sorted(re.findall(r"CONSTRAINT (\w+) CHECK", sql)),
            }
        return out
    finally:
        conn.close()


def test_the_upgraded_0001_file_has_the_structure_of_a_new_file(tmp_path):
    upgraded = tmp_path / "released.db"
    shutil.copyfile(SCHEMA_0001, upgraded)
    open_database(upgraded, backup_dir=tmp_path / "backups").close()
    new = tmp_path / "new.db"
    open_database(new, create=True).close()
    assert set(structure(upgraded)) == OUR_TABLES
    assert structure(upgraded) == structure(new)
    assert structure(new)["member"]["checks"] == ["ck_member_gender_known", "ck_member_status_known"]
    assert (
        "neighbourhood_association",
        "association_id",
        "id",
        "NO ACTION",
        "SET NULL",
        "NONE",
    ) in structure(new)["member"]["references"]


def test_reset_schema_fills_the_file_through_the_recording_sessions(db):
    from nagato_desk.services.demo import write_demo

    reset_schema(db, write_demo)
    assert _counts(db.path) == (1, 5, 15)
    conn = raw(db.path)
    try:
        logged = conn.execute(
            "SELECT row_id FROM change_log WHERE table_name = 'council' AND action = 'insert'"
        ).fetchall()
        assert logged == [(1,)]
        assert conn.execute(
            "SELECT count(*) FROM change_log WHERE table_name = 'association_figure' AND action = 'insert'"
        ).fetchone() == (15,)
    finally:
        conn.close()


# --- the lock ---------------------------------------------------------------------------------


def test_a_second_open_in_the_same_process_is_refused_until_the_first_closes(db):
    with pytest.raises(DatabaseInUseError) as err:
        open_database(db.path)
    assert "別の Nagato Desk" in err.value.ja
    assert f"pid {os.getpid()}" in err.value.ja
    db.close()
    with open_database(db.path) as again:
        assert again.lock is not None
    assert not (db.path.parent / "council.db.lock").exists()


def test_a_second_process_holding_the_file_is_named(tmp_path, lock_holder):
    path = tmp_path / "shared.db"
    with lock_holder(path) as pid:
        with pytest.raises(DatabaseInUseError) as err:
            open_database(path)
        assert f"pid {pid}" in err.value.ja
        with open_database(path, write=False) as reader:  # checks and exports need no lock
            assert reader.lock is None
    with open_database(path) as after:
        assert after.lock is not None


# --- a folder the user cannot write to --------------------------------------------------------

_OPEN_AS_USER = """
import sys
from pathlib import Path
from nagato_desk.database import open_database
from nagato_desk.errors import NagatoError
for name in sys.argv[1:]:
    try:
        open_database(Path(name), create=True).close()
        print("opened", name)
    except NagatoError as exc:
        print(type(exc).__name__, exc.message("ja"))
"""


def test_a_read_only_folder_gets_a_clear_message_and_no_new_files(readonly_dir):
    existing = write_demo_file(readonly_dir / "existing.db")
    for suffix in ("-wal", "-shm"):
        assert not Path(str(existing) + suffix).exists()
    before = snapshot(readonly_dir)
    result = run_unprivileged(_OPEN_AS_USER, existing, readonly_dir / "new.db", lock_down=readonly_dir)
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stderr
    for line in lines:
        assert line.startswith("UnreadableFileError"), line
        assert "書き込" in line
    assert snapshot(readonly_dir) == before


def test_a_read_only_file_is_refused_for_writing(tmp_path, monkeypatch):
    path = write_demo_file(tmp_path / "ro.db")
    monkeypatch.setattr(database.os, "access", lambda p, mode: mode != os.W_OK)
    with pytest.raises(UnreadableFileError, match="読み取り専用"):
        open_database(path)
    with open_database(path, write=False) as reader, reader.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM council")).scalar() == 1


def test_a_damaged_file_is_refused_unchanged(tmp_path):
    path = write_demo_file(tmp_path / "damaged.db")
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size : 3 * page_size] = b"\xa5" * (2 * page_size)  # pages 2 and 3 overwritten
    path.write_bytes(bytes(data))
    before = snapshot(tmp_path)
    with pytest.raises(UnreadableFileError) as err:
        open_database(path)
    assert "壊れています" in err.value.ja or "読めません" in err.value.ja
    assert snapshot(tmp_path) == before


def test_the_lock_file_names_who_holds_it(db):
    holder = (db.path.parent / "council.db.lock").read_text(encoding="utf-8").strip()
    assert holder.startswith(f"{getpass.getuser()}@") and f"pid {os.getpid()}" in holder
