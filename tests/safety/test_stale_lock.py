"""Locks left behind: a crashed program's lock is taken over with a note; another PC's is refused by name."""

from __future__ import annotations

import getpass
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from support import subprocess_env

from nagato_desk.database import open_database
from nagato_desk.errors import DatabaseInUseError
from nagato_desk.locking import describe_holder, lock_path_for, parse_holder

HOLD = """
import sys
from pathlib import Path
from nagato_desk.database import open_database
db = open_database(Path(sys.argv[1]), create=True)
print("ready", flush=True)
sys.stdin.read()
"""


def crash_while_holding(path: Path) -> int:
    """A child opens the database for writing and is SIGKILLed: no chance to remove its lock file."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()  # type: ignore[union-attr]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdin.close()  # type: ignore[union-attr]
    proc.stdout.close()  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    return proc.pid


def test_a_crashed_programs_lock_is_taken_over_with_a_note(tmp_path: Path, caplog):
    path = tmp_path / "council.db"
    pid = crash_while_holding(path)
    left = lock_path_for(path).read_text(encoding="utf-8").strip()
    assert f"pid {pid}" in left  # the lock file outlived its program
    with caplog.at_level("INFO", logger="nagato_desk.locking"), open_database(path) as db:
        assert db.lock is not None and db.lock.taken_over is not None
        assert f"pid {pid}" in db.lock.taken_over
        now_held = lock_path_for(path).read_text(encoding="utf-8")
        assert f"pid {os.getpid()}" in now_held and f"pid {pid}" not in now_held
    assert any("did not close normally" in r.getMessage() for r in caplog.records)
    assert not lock_path_for(path).exists()  # closed normally this time
    with open_database(path) as db:
        assert db.lock.taken_over is None


def test_a_lock_left_by_another_pc_is_refused_by_name(tmp_path: Path):
    path = tmp_path / "council.db"
    open_database(path, create=True).close()
    lock = lock_path_for(path)
    lock.write_text(" hanako@OFFICE-PC-2 pid 4242 2026-11-28 18:05", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DatabaseInUseError) as err:
        open_database(path)
    message = err.value.ja
    assert "hanako さん" in message and "OFFICE-PC-2" in message and "2026-11-28 18:05" in message
    assert str(lock) in message  # and how to get out if that PC is certainly closed
    assert "hanako on the PC 'OFFICE-PC-2', since 2026-11-28 18:05" in err.value.en
    assert path.read_bytes() == before
    assert lock.read_text(encoding="utf-8") == " hanako@OFFICE-PC-2 pid 4242 2026-11-28 18:05"
    lock.unlink()  # what the message tells the user to do
    with open_database(path) as db:
        assert db.lock.taken_over is None


def test_a_live_holder_is_named_with_user_pc_and_since(tmp_path: Path, lock_holder):
    path = tmp_path / "council.db"
    with lock_holder(path) as pid, pytest.raises(DatabaseInUseError) as err:
        open_database(path)
    assert not lock_path_for(path).exists()  # removed when the holder closed normally
    message = err.value.ja
    assert f"{getpass.getuser()} さん" in message and f"パソコン「{socket.gethostname()}」" in message
    assert f"pid {pid}" in message and " から" in message


def test_holder_descriptions():
    text = " taro@PC1 pid 12 2026-11-29 09:15"
    assert parse_holder(text) == {"user": "taro", "host": "PC1", "pid": "12", "since": "2026-11-29 09:15"}
    assert parse_holder("uid 1000@PC1 pid 3 2026-01-02 03:04")["user"] == "uid 1000"
    assert parse_holder("something else") is None
    assert describe_holder("something else") == "something else"
    assert describe_holder("") == "不明"
    assert describe_holder(text) == "taro さん、パソコン「PC1」、2026-11-29 09:15 から（pid 12）"
