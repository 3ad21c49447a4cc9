"""Every released schema version still opens: upgraded after a backup, and the data check passes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nagato_desk.database import SCHEMA_HEAD, current_revision, open_database
from nagato_desk.services.associations import figures_table
from nagato_desk.services.check import run_checks
from nagato_desk.services.council import get_council

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("schema-*.db"))


def test_there_is_a_fixture_for_the_current_schema():
    assert f"schema-{SCHEMA_HEAD}.db" in {p.name for p in FIXTURES}


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_released_file_opens_and_checks_clean(fixture: Path, tmp_path: Path):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    with open_database(path, backup_dir=tmp_path / "backups") as db:
        assert current_revision(db.engine) == SCHEMA_HEAD
        report = run_checks(db)
        assert report.ok, report.text()
        with db.Session() as session:
            assert get_council(session).name == "宇津賀地区まちづくり協議会（デモ）"
            table = figures_table(session, 2026)
    # The demo of every release carries the plan's figures for 宇津賀 in FY2026.
    assert (table.totals.households, table.totals.population, table.totals.aged_65_plus) == (374, 761, 424)
    if fixture.stem != f"schema-{SCHEMA_HEAD}":
        assert list((tmp_path / "backups").glob("*.db")), "an older file is backed up before upgrading"
