"""Helpers shared by tests (imported as ``support``; pytest fixtures stay in conftest.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOBODY = 65534


def write_demo_file(path: Path, today=None) -> Path:
    from nagato_desk.database import open_database
    from nagato_desk.services.demo import write_demo

    with open_database(path, create=True) as database, database.session() as session:
        write_demo(session, today)
    return path


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


_immutable: list[Path] = []


def run_unprivileged(
    code: str, *args: object, lock_down: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -c code args`` as a user who cannot write to ``lock_down`` (a ``readonly_dir``)."""
    cmd = [sys.executable, "-c", code, *map(str, args)]
    if os.geteuid() == 0:
        if shutil.which("setpriv"):
            cmd = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *cmd]
        else:
            assert lock_down is not None, "without setpriv, root needs chattr +i on the folder"
            subprocess.run(["chattr", "+i", str(lock_down)], check=True)
            _immutable.append(lock_down)
    elif lock_down is not None:
        lock_down.chmod(0o555)
    env = subprocess_env(HOME=str(lock_down or "/tmp"))
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (to prove nothing changed)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
