"""A damaged data file is caught at open, names its latest good backup, and is never changed by trying."""

from __future__ import annotations

import random
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from support import snapshot

from nagato_desk.database import DamagedDatabaseError, open_database
from nagato_desk.services.backup_rotation import auto_backup

PAGE = 4096


def overwrite_middle_pages(path: Path, pages: int = 4, seed: int = 8) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek((size // PAGE // 2) * PAGE)
        fh.write(random.Random(seed).randbytes(pages * PAGE))


@pytest.fixture
def damaged(demo_db_path: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """The demo with two backups (the newer one damaged too), then the demo itself damaged."""
    backups = tmp_path / "backups"
    good = auto_backup(demo_db_path, backups, "daily", now=datetime(2026, 11, 27, 9, 0)).path
    newer = auto_backup(demo_db_path, backups, "daily", now=datetime(2026, 11, 28, 9, 0)).path
    overwrite_middle_pages(newer)
    overwrite_middle_pages(demo_db_path)
    return demo_db_path, backups, good


@pytest.mark.parametrize("write", [True, False])
def test_open_names_the_latest_good_backup_and_changes_nothing(damaged, tmp_path: Path, write: bool):
    path, backups, good = damaged
    before = snapshot(tmp_path)
    with pytest.raises(DamagedDatabaseError) as err:
        open_database(path, write=write, backup_dir=backups)
    # The newer backup of the 28th is damaged as well: the one of the 27th is offered.
    assert err.value.backup == good
    assert err.value.backup_time == datetime(2026, 11, 27, 9, 0)
    assert str(path) in err.value.ja and str(good) in err.value.ja
    assert f'nagato-desk restore "{good}"' in err.value.ja
    assert err.value.exit_code == 2
    assert snapshot(tmp_path) == before  # no byte of the file, no journal, no lock file left


def test_a_damaged_file_without_backups_says_so(demo_db_path: Path, tmp_path: Path):
    overwrite_middle_pages(demo_db_path)
    with pytest.raises(DamagedDatabaseError) as err:
        open_database(demo_db_path, backup_dir=tmp_path / "none")
    assert err.value.backup is None
    assert "正常なバックアップが見つかりません" in err.value.ja and "restore" not in err.value.ja


def test_a_first_page_of_garbage_is_not_a_database(demo_db_path: Path, tmp_path: Path):
    data = bytearray(demo_db_path.read_bytes())
    data[100:PAGE] = random.Random(1).randbytes(PAGE - 100)  # the header survives, the schema does not
    demo_db_path.write_bytes(bytes(data))
    backups = tmp_path / "backups"
    with pytest.raises(DamagedDatabaseError) as err:
        open_database(demo_db_path, backup_dir=backups)
    assert err.value.backup is None


def test_the_cli_names_the_backup_and_restore_brings_it_back(cli, damaged, tmp_path: Path):
    path, _backups, good = damaged  # the backups are in the default place, beside the data file
    code, _, err = cli("check", "--db", path)
    assert code == 2
    assert "壊れています" in err and f'nagato-desk restore "{good}"' in err
    code, _, err = cli("restore", good, "--db", path)
    assert code == 0, err
    code, out, err = cli("check", "--db", path)
    assert code == 0, out + err
    # the damaged file was kept, byte for byte as it was, beside the backups
    assert len(list((tmp_path / "backups").glob("demo-damaged-*.db"))) == 1


def test_a_copy_opened_elsewhere_is_unaffected(demo_db_path: Path, tmp_path: Path):
    """Damage is a property of the file: an undamaged copy of the same demo opens."""
    copy = tmp_path / "copy.db"
    shutil.copyfile(demo_db_path, copy)
    overwrite_middle_pages(demo_db_path)
    with open_database(copy) as db:
        assert db.path == copy
