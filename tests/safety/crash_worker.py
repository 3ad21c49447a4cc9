"""Child process of the crash test (tests/safety/test_crash.py): committed work in a loop, to be killed.

Run as ``python crash_worker.py DB BACKUP_DIR WORK_DIR``. To keep 200+ restarts cheap it imports the
program once and then acts as a zygote: for each ``run N`` line on stdin it forks a fresh child that
opens DB (a new open of the file, as after a real crash: lock, WAL recovery) and loops forever doing
committed work, printing ``committed <kind> <serial>`` after each commit has returned. The parent
SIGKILLs that child; ``reap N`` makes the zygote collect it and answer ``reaped N``, so every line the
dead child wrote is read before that answer. Nothing here ever catches an error: a child that fails
prints ``error`` with the traceback and exits 3, which fails the test.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from nagato_desk.database import open_database
from nagato_desk.importers import KINDS
from nagato_desk.services.backups import backup_database
from nagato_desk.services.members import MemberDraft, add_member, live_member, update_member

KINDS_CYCLE = ("member", "edit", "import", "backup")
ROWS_PER_IMPORT = 3
YEAR = 2026


def say(line: str) -> None:
    # One write() per line, straight to the pipe: what was announced is in the pipe before any kill.
    os.write(1, (line + "\n").encode())


def child(run: int, db_path: Path, backup_dir: Path, work: Path) -> None:
    db = open_database(db_path)
    last_member: int | None = None
    step = 0
    say(f"started {run}")
    while True:
        kind = KINDS_CYCLE[step % len(KINDS_CYCLE)]
        serial = f"{run}-{step}"
        if kind == "member":
            with db.session() as session:
                member = add_member(session, MemberDraft(name=f"試験 {serial}", reading="しけん"))
                session.flush()
                member_id = member.id
            last_member = member_id
        elif kind == "edit":
            if last_member is None:
                step += 1
                continue
            with db.session() as session:
                member = live_member(session, last_member)
                update_member(
                    session,
                    last_member,
                    MemberDraft(name=member.name, reading=member.reading, notes=f"E{serial}"),
                )
        elif kind == "import":
            csv = work / f"import-{serial}.csv"
            rows = [f"K{serial}-{i}自治会,{10 + i},{20 + i},{5 + i},{YEAR}" for i in range(ROWS_PER_IMPORT)]
            csv.write_text("\n".join(["自治会,世帯数,人口,65歳以上,年度", *rows]) + "\n", encoding="utf-8")
            with db.session() as session:
                KINDS["associations"].run(session, csv, YEAR)
        else:
            backup_database(db.path, backup_dir / f"b{serial}.db")
        say(f"committed {kind} {serial}")
        step += 1


def main() -> None:
    db_path, backup_dir, work = (Path(a) for a in sys.argv[1:4])
    pid = 0
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "run":
            pid = os.fork()
            if pid == 0:
                try:
                    child(int(arg), db_path, backup_dir, work)
                except BaseException:
                    say("error " + traceback.format_exc().replace("\n", " | "))
                os._exit(3)
            say(f"forked {arg} {pid}")
        elif command == "reap":
            _, status = os.waitpid(pid, 0)
            say(f"reaped {arg} {status}")
        elif command == "quit":
            break


if __name__ == "__main__":
    main()
