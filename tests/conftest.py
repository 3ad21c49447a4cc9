"""Shared test set-up: offscreen Qt, private user folders, databases, and ways to run the command.

The user folders (config, data, logs) are redirected at import time to a temporary folder for the
whole session, and again per test (autouse fixture), so no test ever touches the real ones.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import _immutable, subprocess_env, write_demo_file

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="nagato-desk-tests-"))
atexit.register(shutil.rmtree, _SESSION_DIR, ignore_errors=True)
for _name in ("CONFIG", "DATA", "LOG"):
    os.environ[f"NAGATO_DESK_{_name}_DIR"] = str(_SESSION_DIR / _name.lower())


@pytest.fixture(autouse=True)
def user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Fresh config, data and log folders for every test (outside ``tmp_path``, which stays empty)."""
    base = tmp_path_factory.mktemp("user")
    dirs = {name: base / name for name in ("config", "data", "log")}
    for name, path in dirs.items():
        monkeypatch.setenv(f"NAGATO_DESK_{name.upper()}_DIR", str(path))
    return dirs


@pytest.fixture
def db(tmp_path: Path) -> Iterator:
    """A fresh, empty council database (schema only), opened for writing."""
    from nagato_desk.database import open_database

    database = open_database(tmp_path / "council.db", create=True)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo written once per test session (it has ~760 members); tests get copies."""
    return write_demo_file(tmp_path_factory.mktemp("demo-template") / "demo.db")


@pytest.fixture
def demo_db_path(tmp_path: Path, demo_template: Path) -> Path:
    """A closed database file holding the demo council (dates relative to today)."""
    target = tmp_path / "demo.db"
    shutil.copyfile(demo_template, target)
    # the demo's photo lives in the attachments folder beside the file, as the program keeps it
    attachments = demo_template.with_name("demo-attachments")
    if attachments.is_dir():
        shutil.copytree(attachments, tmp_path / "demo-attachments")
    return target


@pytest.fixture
def run_cli() -> Callable[..., tuple[int, str, str]]:
    """Run ``python -m nagato_desk ARGS`` in a subprocess; returns (returncode, stdout, stderr)."""

    def run(*args: object, timeout: float = 120) -> tuple[int, str, str]:
        proc = subprocess.run(
            [sys.executable, "-m", "nagato_desk", *map(str, args)],
            capture_output=True,
            text=True,
            env=subprocess_env(),
            timeout=timeout,
        )
        return proc.returncode, proc.stdout, proc.stderr

    return run


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Call ``nagato_desk.cli.main([...])`` in this process; returns (exit code, stdout, stderr)."""
    from nagato_desk.cli import main

    def run(*args: object) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


_HOLDER = """
import sys
from pathlib import Path
from nagato_desk.database import open_database
db = open_database(Path(sys.argv[1]), create=True)
print("ready", flush=True)
sys.stdin.read()
db.close()
"""


@contextmanager
def _lock_holder(path: Path) -> Iterator[int]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.strip() == "ready", proc.stderr.read()  # type: ignore[union-attr]
        yield proc.pid
    finally:
        proc.stdin.close()  # type: ignore[union-attr]
        proc.wait(timeout=30)


@pytest.fixture
def lock_holder() -> Callable[[Path], contextmanager]:
    """``with lock_holder(path) as pid:`` — another process has the database open for writing."""
    return _lock_holder


@pytest.fixture
def readonly_dir() -> Iterator[Path]:
    """A folder the unprivileged runner (see ``run_unprivileged``) can read but not write.

    Root ignores permissions, so as root the folder is owned by root with mode 755 and the code under
    test runs as ``nobody``; it lives under /tmp because pytest's own temporary folders are private.
    """
    base = Path(tempfile.mkdtemp(prefix="nagato-ro-", dir="/tmp"))
    base.chmod(0o755)
    folder = base / "readonly"
    folder.mkdir()
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        if _immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
            _immutable.clear()
        folder.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


HISTORY_USER = "事務局 テスト"


@pytest.fixture
def history_user() -> Iterator[str]:
    """Changes are recorded as made by ``HISTORY_USER``; who was recorded before is restored afterwards."""
    from nagato_desk.services import history

    before = history.current_user()
    history.set_current_user(HISTORY_USER)
    try:
        yield HISTORY_USER
    finally:
        history.set_current_user(before)
