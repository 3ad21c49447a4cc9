"""Crash test (issue 8, "Must show"): a child writing in a loop is SIGKILLed at random moments.

After every kill the file must pass ``integrity_check``, hold every change the child announced as
committed, hold each import whole or not at all, and every file under a final backup name must pass
``verify_backup``. The negative controls show that the same checker does catch each kind of damage.
"""

from __future__ import annotations

import os
import queue
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support import subprocess_env

from nagato_desk.errors import NagatoError
from nagato_desk.services.backups import verify_backup

WORKER = Path(__file__).with_name("crash_worker.py")
KILLS = 220
SEED = 20261129
ROWS_PER_IMPORT = 3  # crash_worker.ROWS_PER_IMPORT
IMPORT_NAME = re.compile(r"K(\d+-\d+)-(\d+)自治会")


@dataclass
class Announced:
    """What the child said it had committed, by kind: serials such as ``"17-2"``."""

    member: set[str] = field(default_factory=set)
    edit: set[str] = field(default_factory=set)
    import_: set[str] = field(default_factory=set)
    backup: set[str] = field(default_factory=set)

    def add(self, kind: str, serial: str) -> None:
        getattr(self, "import_" if kind == "import" else kind).add(serial)

    def total(self) -> int:
        return len(self.member) + len(self.edit) + len(self.import_) + len(self.backup)


@dataclass
class Findings:
    integrity: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    half_imports: list[str] = field(default_factory=list)
    bad_backups: list[str] = field(default_factory=list)
    partial_backups: int = 0  # temp names left by killed backups (allowed)

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.lost or self.half_imports or self.bad_backups)


def check_file(
    db_path: Path, backup_dir: Path, announced: Announced, known_good: set[str] | None = None
) -> Findings:
    """Everything the crash test demands of the file and the backup folder after a kill."""
    found = Findings()
    conn = sqlite3.connect(db_path)
    try:
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as exc:
            found.integrity.append(f"integrity_check failed: {exc}")
            return found
        if result != ["ok"]:
            found.integrity.append("; ".join(result[:5]))
            return found
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM member WHERE name LIKE '試験 %'")}
            notes = {r[0] for r in conn.execute("SELECT notes FROM member WHERE notes LIKE 'E%'")}
            imported = conn.execute(
                "SELECT a.name, count(f.id) FROM neighbourhood_association a "
                "LEFT JOIN association_figure f ON f.association_id = a.id "
                "WHERE a.name LIKE 'K%' GROUP BY a.id"
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            found.integrity.append(f"cannot read the tables: {exc}")
            return found
    finally:
        conn.close()
    found.lost += [f"member {s}" for s in sorted(announced.member) if f"試験 {s}" not in names]
    found.lost += [f"edit {s}" for s in sorted(announced.edit) if f"E{s}" not in notes]
    per_import: dict[str, int] = {}
    for name, figures in imported:
        match = IMPORT_NAME.fullmatch(name)
        assert match, name
        per_import[match[1]] = per_import.get(match[1], 0) + 1
        if figures != 1:
            found.half_imports.append(f"{name} has {figures} figures")
    found.half_imports += [
        f"import {s}: {n} of {ROWS_PER_IMPORT} associations"
        for s, n in sorted(per_import.items())
        if n != ROWS_PER_IMPORT
    ]
    found.lost += [f"import {s}" for s in sorted(announced.import_) if s not in per_import]
    known_good = known_good if known_good is not None else set()
    present = set()
    for entry in sorted(backup_dir.iterdir()):
        if entry.name.startswith("."):
            found.partial_backups += 1
            continue
        present.add(entry.name)
        if entry.name in known_good:
            continue
        try:
            verify_backup(entry)
        except NagatoError as exc:
            found.bad_backups.append(f"{entry.name}: {exc.message('en')}")
        else:
            known_good.add(entry.name)
    found.lost += [f"backup {s}" for s in sorted(announced.backup) if f"b{s}.db" not in present]
    return found


class Zygote:
    """The crash worker: forks a fresh child per run, so a restart costs milliseconds, not an import."""

    def __init__(self, db_path: Path, backup_dir: Path, work: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(db_path), str(backup_dir), str(work)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:  # type: ignore[union-attr]
            self.lines.put(line.rstrip("\n"))
        self.lines.put("eof")

    def send(self, line: str) -> None:
        self.proc.stdin.write(line + "\n")  # type: ignore[union-attr]
        self.proc.stdin.flush()  # type: ignore[union-attr]

    def until(self, prefix: str, announced: Announced, timeout: float = 60) -> str:
        """Read lines (recording ``committed`` ones) until one starts with ``prefix``."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(
                    f"the crash worker said nothing for {timeout} s (waiting for {prefix})"
                ) from None
            if line.startswith("committed "):
                _, kind, serial = line.split()
                announced.add(kind, serial)
            elif line.startswith(("error", "eof")):
                raise AssertionError(f"the crash worker failed: {line}\n{self.proc.stderr.read()}")  # type: ignore[union-attr]
            if line.startswith(prefix):
                return line

    def close(self) -> None:
        if self.proc.poll() is None:
            self.send("quit")
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing(demo_db_path: Path, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    backup_dir = tmp_path / "backups"
    backup_dir.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    announced = Announced()
    totals = Findings()
    known_good: set[str] = set()
    checks = 0
    started = time.monotonic()
    zygote = Zygote(demo_db_path, backup_dir, work)
    try:
        for run in range(KILLS):
            zygote.send(f"run {run}")
            pid = int(zygote.until(f"forked {run} ", announced).split()[2])
            zygote.until(f"started {run}", announced)
            time.sleep(rng.uniform(0.020, 0.300))
            os.kill(pid, signal.SIGKILL)
            zygote.send(f"reap {run}")
            status = int(zygote.until(f"reaped {run} ", announced).split()[2])
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                f"run {run}: the child ended by itself (status {status}), not by the kill"
            )
            found = check_file(demo_db_path, backup_dir, announced, known_good)
            checks += 1
            totals.integrity += [f"after kill {run + 1}: {x}" for x in found.integrity]
            totals.lost += [f"after kill {run + 1}: {x}" for x in found.lost]
            totals.half_imports += [f"after kill {run + 1}: {x}" for x in found.half_imports]
            totals.bad_backups += [f"after kill {run + 1}: {x}" for x in found.bad_backups]
            totals.partial_backups = found.partial_backups
    finally:
        zygote.close()
    elapsed = time.monotonic() - started
    summary = (
        f"crash test: {KILLS} SIGKILLs (seed {SEED}), {checks} checks in {elapsed:.0f} s; "
        f"commits announced: {len(announced.member)} members, {len(announced.edit)} edits, "
        f"{len(announced.import_)} imports, {len(announced.backup)} backups ({announced.total()} in all); "
        f"integrity failures: {len(totals.integrity)}, lost commits: {len(set(totals.lost))}, "
        f"half-imports: {len(totals.half_imports)}, bad files under a final backup name: "
        f"{len(totals.bad_backups)}; killed backups left under a temporary name: {totals.partial_backups}"
    )
    print("\n" + summary)
    assert checks >= 200, summary
    # The kills must have landed in every kind of work, or the figures prove little.
    assert min(len(announced.member), len(announced.import_), len(announced.backup)) >= 20, summary
    assert totals.integrity == [], summary + "\n" + "\n".join(totals.integrity[:10])
    assert totals.lost == [], summary + "\n" + "\n".join(totals.lost[:10])
    assert totals.half_imports == [], summary + "\n" + "\n".join(totals.half_imports[:10])
    assert totals.bad_backups == [], summary + "\n" + "\n".join(totals.bad_backups[:10])


# --- Negative controls: the checker above does see each kind of damage ---------------------------------


def _import_csv(path: Path, serial: str) -> Path:
    rows = [f"K{serial}-{i}自治会,{10 + i},{20 + i},{5 + i},2026" for i in range(ROWS_PER_IMPORT)]
    path.write_text("\n".join(["自治会,世帯数,人口,65歳以上,年度", *rows]) + "\n", encoding="utf-8")
    return path


def _some_committed_work(db_path: Path, backup_dir: Path, work: Path) -> Announced:
    """The worker's four kinds of work, once each, in this process (serial ``0-*``)."""
    from nagato_desk.database import open_database
    from nagato_desk.importers import KINDS
    from nagato_desk.services.backups import backup_database
    from nagato_desk.services.members import MemberDraft, add_member, update_member

    announced = Announced()
    with open_database(db_path) as db:
        with db.session() as session:
            member_id = add_member(session, MemberDraft(name="試験 0-0", reading="しけん")).id
        announced.add("member", "0-0")
        with db.session() as session:
            update_member(session, member_id, MemberDraft(name="試験 0-0", reading="しけん", notes="E0-1"))
        announced.add("edit", "0-1")
        with db.session() as session:
            KINDS["associations"].run(session, _import_csv(work / "i.csv", "0-2"), 2026)
        announced.add("import", "0-2")
        backup_database(db.path, backup_dir / "b0-3.db")
        announced.add("backup", "0-3")
    return announced


@pytest.fixture
def worked(demo_db_path: Path, tmp_path: Path) -> tuple[Path, Path, Announced]:
    backup_dir = tmp_path / "backups"
    backup_dir.mkdir()
    announced = _some_committed_work(demo_db_path, backup_dir, tmp_path)
    found = check_file(demo_db_path, backup_dir, announced)
    assert found.ok, found  # the undamaged file passes: the controls below differ only by the damage
    return demo_db_path, backup_dir, announced


def test_control_overwritten_bytes_fail_the_integrity_check(worked, tmp_path: Path) -> None:
    db_path, backup_dir, announced = worked
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(db_path, damaged)
    size = damaged.stat().st_size
    page = 4096
    rng = random.Random(SEED)
    with open(damaged, "r+b") as fh:  # garbage over four whole pages in the middle of the file
        fh.seek((size // page // 2) * page)
        fh.write(rng.randbytes(4 * page))
    found = check_file(damaged, backup_dir, announced)
    print(f"\nnegative control (overwritten bytes): {found.integrity}")
    assert found.integrity, "the checker did not notice 16 KiB of garbage in the middle of the file"


def test_control_lost_commit_and_half_import_are_reported(worked, tmp_path: Path) -> None:
    db_path, backup_dir, announced = worked
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DELETE FROM member WHERE name = '試験 0-0'")  # a committed member gone
        conn.execute(
            "DELETE FROM association_figure WHERE association_id IN "
            "(SELECT id FROM neighbourhood_association WHERE name = 'K0-2-1自治会')"
        )
        conn.execute("DELETE FROM neighbourhood_association WHERE name = 'K0-2-1自治会'")
    conn.close()
    found = check_file(db_path, backup_dir, announced)
    print(f"\nnegative control (deleted rows): lost={found.lost} half={found.half_imports}")
    assert found.lost == ["member 0-0", "edit 0-1"], found
    assert found.half_imports == ["import 0-2: 2 of 3 associations"], found


_RAW_BACKUP = """
import sqlite3, sys, time
src = sqlite3.connect(sys.argv[1])
dst = sqlite3.connect(sys.argv[2])   # straight to the final name: no temporary name, no rename
print("copying", flush=True)
src.backup(dst, pages=1, progress=lambda *a: time.sleep(0.002))
print("done", flush=True)
"""


def test_control_backup_without_temp_then_rename_is_caught(worked) -> None:
    db_path, backup_dir, announced = worked
    # 1. A raw byte copy interrupted halfway, under the final name.
    data = db_path.read_bytes()
    (backup_dir / "b9-1.db").write_bytes(data[: len(data) // 2])
    # 2. SQLite's backup API writing straight to the final name, SIGKILLed while it copies.
    proc = subprocess.Popen(
        [sys.executable, "-c", _RAW_BACKUP, str(db_path), str(backup_dir / "b9-2.db")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "copying"  # type: ignore[union-attr]
    time.sleep(0.15)
    proc.kill()
    proc.wait()
    assert (backup_dir / "b9-2.db").exists()
    found = check_file(db_path, backup_dir, announced)
    print(f"\nnegative control (backups without temp-then-rename): {found.bad_backups}")
    flagged = {b.split(":")[0] for b in found.bad_backups}
    assert {"b9-1.db", "b9-2.db"} <= flagged, found.bad_backups  # (and b9-2.db-journal, its hot journal)
    assert not found.integrity and not found.lost and not found.half_imports
