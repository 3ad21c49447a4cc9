"""The wheel carries ui/, resources/ and db/ and works from a clean virtual environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _uv() -> str:
    candidate = Path(sys.executable).with_name("uv")
    found = str(candidate) if candidate.exists() else shutil.which("uv")
    if not found:
        pytest.fail(
            "uv is needed to build and install the wheel (it is in the test extras: pip install -e .[test])"
        )
    return found


def _run(cmd, cwd, env=None, timeout=600):
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{cmd} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_checkout(tmp_path):
    uv = _uv()
    dist = tmp_path / "dist"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["UV_PYTHON_DOWNLOADS"] = "never"
    _run(
        [
            uv,
            "build",
            "--wheel",
            "--no-build-isolation",
            "--python",
            sys.executable,
            "--out-dir",
            str(dist),
            str(REPO),
        ],
        cwd=tmp_path,
        env=env,
    )
    wheels = list(dist.glob("nagato_desk-*.whl"))
    assert len(wheels) == 1
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    for needed in (
        "nagato_desk/_data/resources/fonts/BIZUDGothic-Regular.ttf",
        "nagato_desk/_data/resources/fonts/OFL.txt",
        "nagato_desk/_data/guide/README.md",
        "nagato_desk/_data/resources/translations/nagato_desk_ja.ts",
        "nagato_desk/_data/ui/council_form.ui",
        "nagato_desk/_data/db/env.py",
        "nagato_desk/_data/db/versions/0001_initial.py",
    ):
        assert needed in names, needed

    venv = tmp_path / "clean"
    _run([uv, "venv", "--python", sys.executable, str(venv)], cwd=tmp_path, env=env)
    python = venv / "bin" / "python"
    _run([uv, "pip", "install", "--python", str(python), str(wheels[0])], cwd=tmp_path, env=env)

    work = tmp_path / "work"
    work.mkdir()
    run_env = dict(env, QT_QPA_PLATFORM="offscreen")
    for name in ("CONFIG", "DATA", "LOG"):
        run_env[f"NAGATO_DESK_{name}_DIR"] = str(tmp_path / name.lower())
    exe = str(venv / "bin" / "nagato-desk")
    where = _run(
        [str(python), "-c", "from nagato_desk.paths import data_root; print(data_root())"],
        cwd=work,
        env=run_env,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout  # the wheel's copy, not the checkout
    _run([exe, "--version"], cwd=work, env=run_env)
    _run([exe, "demo", "--db", "demo.db"], cwd=work, env=run_env)
    check = _run([exe, "check", "--db", "demo.db"], cwd=work, env=run_env)
    assert "問題は見つかりませんでした" in check.stdout
    smoke = _run([exe, "--smoke", "--db", "demo.db"], cwd=work, env=run_env)
    assert float(smoke.stdout.strip().splitlines()[-1]) > 0
    _run([exe, "export", "council", "--db", "demo.db", "--out", "profile.pdf"], cwd=work, env=run_env)
    assert (work / "profile.pdf").read_bytes().startswith(b"%PDF")
