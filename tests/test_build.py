"""The packaged build: the PyInstaller spec makes a one-folder program that starts outside the
checkout with its fonts, forms, translations and migrations; the Linux desktop entry is valid."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from nagato_desk import __version__

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "nagato-desk.spec"


def _run(cmd, env, timeout=600):
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd="/")
    assert proc.returncode == 0, f"{cmd} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.exists():
        pytest.fail("pyinstaller is in the test extras: pip install -e .[test]")
    out = tmp_path_factory.mktemp("build")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    _run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(SPEC),
        ],
        env,
        timeout=900,
    )
    return out / "dist" / "nagato-desk"


@pytest.mark.slow
def test_built_folder_runs_the_program_without_the_checkout(build, tmp_path):
    assert (build / "VERSION.txt").read_text(encoding="utf-8").strip() == f"nagato-desk {__version__}"
    data = build / "_internal" / "nagato_desk" / "_data"
    for needed in (
        "resources/fonts/BIZUDGothic-Regular.ttf",
        "resources/translations/nagato_desk_ja.qm",
        "ui/member_form.ui",
        "db/env.py",
    ):
        assert (data / needed).is_file(), needed
    # moved away from the checkout: nothing may be read from the source tree
    moved = tmp_path / "elsewhere" / "nagato-desk"
    shutil.copytree(build, moved, symlinks=True)
    cli = moved / "nagato-desk-cli"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        NAGATO_DESK_DATA_DIR=str(tmp_path / "data"),
        NAGATO_DESK_CONFIG_DIR=str(tmp_path / "config"),
        NAGATO_DESK_LOG_DIR=str(tmp_path / "log"),
    )
    assert _run([str(cli), "--version"], env).stdout.strip() == f"nagato-desk {__version__}"
    db = tmp_path / "demo.db"
    _run([str(cli), "demo", "--db", str(db)], env)
    smoke = _run([str(cli), "--smoke", "--db", str(db)], env)
    assert float(smoke.stdout.strip().splitlines()[-1]) > 0  # seconds until the home page was ready
    _run([str(cli), "check", "--db", str(db)], env)
    pdf = tmp_path / "officers.pdf"
    _run([str(cli), "export", "officers", "--out", str(pdf), "--db", str(db)], env)
    text = _run(["pdftotext", str(pdf), "-"], env).stdout
    assert "役員名簿" in text
    fonts = _run(["pdffonts", str(pdf)], env).stdout
    assert "BIZUDGothic" in fonts  # the bundled font was found inside the build


def test_desktop_entry_starts_the_installed_command():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(REPO / "packaging" / "nagato-desk.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert section["Exec"].split()[0] in scripts  # the command the package installs
    assert section["Name[ja]"] and section["Comment[ja]"]
    assert section["Terminal"] == "false"
    assert section["Categories"].endswith(";")
    assert (REPO / "resources" / "icons" / "app.png").is_file()
    assert (REPO / "resources" / "icons" / "app.ico").is_file()  # for the Windows build
