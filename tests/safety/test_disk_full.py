"""Disk full and read-only places (issue 8, "Must show"): a clear message, nothing half-written.

Disk full is a child run with RLIMIT_FSIZE set low (SIGXFSZ ignored, so a write past the limit fails
with EFBIG — SQLite reports it as SQLITE_IOERR); SQLITE_FULL is made real with ``max_page_count``.
Read-only is the command run as ``nobody`` on a folder it cannot write (root ignores chmod).
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from support import run_unprivileged, snapshot, subprocess_env

from nagato_desk.atomic import atomic_path
from nagato_desk.database import open_database
from nagato_desk.errors import StorageError, storage_error
from nagato_desk.services.backups import backup_database
from nagato_desk.services.members import MemberDraft, add_member

PLAIN = "ディスクの空きが足りないか、書き込めない場所です。"
ALL_COLUMNS = "name,reading,gender,age,birth_date,address,phone,email,household,joined_on,status,notes"


def dump(db_path: Path) -> dict[str, list[tuple]]:
    """Every table's rows (sorted): the logical contents, whatever the bytes and the journal."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        conn.close()


def run_limited(limit: int, *args: object) -> subprocess.CompletedProcess[str]:
    """``python -m nagato_desk ARGS`` in a child whose files may not grow past ``limit`` bytes."""

    def limit_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "nagato_desk", *map(str, args)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        preexec_fn=limit_files,
        timeout=120,
    )


def assert_plain_failure(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert PLAIN in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    assert "予期しないエラー" not in proc.stderr, proc.stderr


def test_export_past_the_file_size_limit(demo_db_path: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = dump(demo_db_path)
    # The demo roster with every column is about 150 KB as CSV; 50,000 bytes is far too little.
    proc = run_limited(
        50_000,
        "--db",
        demo_db_path,
        "export",
        "roster",
        "--out",
        out_dir / "roster.csv",
        "--columns",
        ALL_COLUMNS,
    )
    assert_plain_failure(proc)
    assert snapshot(out_dir) == {}, "no roster.csv, and no temporary file either"
    assert dump(demo_db_path) == before


def test_export_fits_without_the_limit(demo_db_path: Path, tmp_path: Path, run_cli) -> None:
    """The control for the test above: the same export succeeds, and is larger than the limit."""
    code, _, err = run_cli(
        "--db", demo_db_path, "export", "roster", "--out", tmp_path / "r.csv", "--columns", ALL_COLUMNS
    )
    assert code == 0, err
    assert (tmp_path / "r.csv").stat().st_size > 50_000


def test_backup_past_the_file_size_limit(demo_db_path: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    before = dump(demo_db_path)
    assert demo_db_path.stat().st_size > 1_000_000  # the copy cannot fit in 100,000 bytes
    proc = run_limited(100_000, "--db", demo_db_path, "backup", "--out", out_dir / "council.db")
    assert_plain_failure(proc)
    assert snapshot(out_dir) == {}, "no council.db, and no .partial left"
    assert dump(demo_db_path) == before


def test_import_into_the_database_past_the_file_size_limit(tmp_path: Path, run_cli) -> None:
    db_path = tmp_path / "small.db"
    code, _, err = run_cli("--db", db_path, "init", "--council", "試験協議会")
    assert code == 0, err
    csv = tmp_path / "big.csv"
    rows = [f"第{i}自治会,{i % 90 + 10},{i % 90 + 200},{i % 50},2026" for i in range(3000)]
    csv.write_text("\n".join(["自治会,世帯数,人口,65歳以上,年度", *rows]) + "\n", encoding="utf-8")
    before = dump(db_path)
    # Files may grow 100 KB past the empty database: the backup before the import fits, the import
    # (3,000 自治会 with their figures and history) does not.
    limit = db_path.stat().st_size + 100_000
    proc = run_limited(limit, "--db", db_path, "import", "associations", csv)
    assert_plain_failure(proc)
    # The backup before the import was made, so it was the database write itself that failed.
    made = [p.name for p in tmp_path.rglob("small-before-import-*.db")]
    assert len(made) == 1, made
    assert dump(db_path) == before
    assert before["neighbourhood_association"] == []
    code, out, err = run_cli("--db", db_path, "check")
    assert code == 0, out + err


def test_sqlite_full_in_a_transaction_gives_the_plain_message(demo_db_path: Path) -> None:
    before = dump(demo_db_path)
    database = open_database(demo_db_path)
    try:
        with database.engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        database.engine.dispose()
        event.listen(
            database.engine,
            "connect",
            lambda conn, _r: conn.execute(f"PRAGMA max_page_count={pages}"),
        )
        with pytest.raises(StorageError) as caught, database.session() as session:
            for i in range(3000):
                add_member(session, MemberDraft(name=f"満杯 {i}", reading="まんぱい", notes="x" * 500))
            session.flush()
    finally:
        database.close()
    assert caught.value.message("ja").startswith(PLAIN)
    assert isinstance(caught.value.__cause__, OperationalError)
    assert caught.value.__cause__.orig.sqlite_errorcode == 13  # SQLITE_FULL
    assert dump(demo_db_path) == before


def _sqlite_error(code: int, text: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize(
    "exc",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        OSError(errno.EFBIG, "File too large"),
        _sqlite_error(13, "database or disk is full"),  # SQLITE_FULL
        _sqlite_error(10, "disk I/O error"),  # SQLITE_IOERR
        _sqlite_error(10 | (3 << 8), "disk I/O error"),  # SQLITE_IOERR_WRITE (extended code)
        OperationalError("INSERT …", {}, _sqlite_error(13, "database or disk is full")),
    ],
    ids=["ENOSPC", "EFBIG", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_IOERR_WRITE", "sqlalchemy-wrapped"],
)
def test_every_disk_full_error_maps_to_the_same_message(exc: BaseException) -> None:
    mapped = storage_error(exc)
    assert mapped is not None
    assert mapped.message("ja").startswith(PLAIN)


def test_other_errors_are_not_called_disk_full() -> None:
    assert storage_error(_sqlite_error(5, "database is locked")) is None  # SQLITE_BUSY
    assert storage_error(OSError(errno.ENOENT, "No such file")) is None
    # A permission error is "cannot write here" only on a write path (read_only=True).
    assert storage_error(OSError(errno.EACCES, "Permission denied")) is None
    assert storage_error(OSError(errno.EACCES, "Permission denied"), read_only=True) is not None


def test_enospc_while_writing_an_export_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "roster.xlsx"
    out.write_bytes(b"the previous export")
    with pytest.raises(StorageError) as caught, atomic_path(out) as tmp:
        tmp.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert caught.value.message("ja").startswith(PLAIN)
    assert snapshot(tmp_path) == {"roster.xlsx": b"the previous export"}
    # Still an OSError, so the window's "except OSError" around a save (settings page) still catches it.
    assert isinstance(caught.value, OSError)


def test_sqlite_ioerr_during_a_backup_gives_the_plain_message(
    demo_db_path: Path, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "usb" / "council.db"

    class FailingConnection:
        def __init__(self, real: sqlite3.Connection) -> None:
            self.real = real

        def __getattr__(self, name: str):
            return getattr(self.real, name)

        def backup(self, *_a, **_k) -> None:
            raise _sqlite_error(10 | (3 << 8), "disk I/O error")

    real_connect = sqlite3.connect
    monkeypatch.setattr(
        "nagato_desk.services.backups.sqlite3.connect",
        lambda *a, **k: FailingConnection(real_connect(*a, **k)),
    )
    with pytest.raises(StorageError) as caught:
        backup_database(demo_db_path, out)
    assert caught.value.message("ja").startswith(PLAIN)
    assert snapshot(out.parent) == {}


# --- Read-only: as ``nobody`` on a folder it cannot write ------------------------------------------------

_CLI = "import sys; from nagato_desk.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.fixture
def shared_db(demo_db_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The demo file where ``nobody`` can read it (pytest's own folders are private to root)."""
    if os.geteuid() != 0:
        pytest.fail("the read-only tests are written for root (run as nobody via setpriv); run them as root")
    base = Path(tempfile.mkdtemp(prefix="nagato-shared-", dir="/tmp"))
    base.chmod(0o777)  # nobody may make the -shm and its own settings here, not in the locked folder
    target = base / "demo.db"
    target.write_bytes(demo_db_path.read_bytes())
    target.chmod(0o644)
    for name in ("config", "data", "log"):
        monkeypatch.setenv(f"NAGATO_DESK_{name.upper()}_DIR", str(base / name))
    yield target
    import shutil

    shutil.rmtree(base, ignore_errors=True)


@pytest.mark.parametrize(
    "args",
    [
        ("export", "roster", "--out", "{ro}/roster.csv"),
        ("export", "roster", "--out", "{ro}/sub/roster.xlsx"),
        ("backup", "--out", "{ro}/council.db"),
    ],
    ids=["export-csv", "export-into-new-subfolder", "backup"],
)
def test_read_only_folder(shared_db: Path, readonly_dir: Path, args: tuple[str, ...]) -> None:
    before = dump(shared_db)
    argv = ["--db", str(shared_db), *(a.format(ro=readonly_dir) for a in args)]
    proc = run_unprivileged(_CLI, *argv, lock_down=readonly_dir)
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert PLAIN in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr and "予期しない" not in proc.stderr, proc.stderr
    assert snapshot(readonly_dir) == {} and list(readonly_dir.iterdir()) == []
    assert dump(shared_db) == before
