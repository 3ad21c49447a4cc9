"""Automatic backups: named so the reason and time read back, one "daily" a day, verified, and rotated
(日ごと10個・月ごと12個 by default) without ever touching a file that is not ours.

Every time is passed as ``now=``: nothing here waits or depends on the clock.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from support import snapshot

from nagato_desk.errors import NagatoError
from nagato_desk.services.backup_rotation import (
    auto_backup,
    backup_before,
    daily_backup_if_needed,
    list_backups,
    parse_backup_name,
    prune_backups,
)
from nagato_desk.services.backups import backup_database, verify_backup
from nagato_desk.settings import Settings, load_settings, save_settings, settings_file

NOW = datetime(2026, 6, 15, 12, 0, 0)
COUNCIL = Path("/data/council.db")


def association_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM neighbourhood_association").fetchone()[0]
    finally:
        conn.close()


# --- names -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason", "made_at", "sequence"),
    [
        ("council-daily-20260305-071500.db", "daily", datetime(2026, 3, 5, 7, 15), 1),
        ("council-before-import-20261231-235959.db", "before-import", datetime(2026, 12, 31, 23, 59, 59), 1),
        ("council-before-import-20260305-071500-2.db", "before-import", datetime(2026, 3, 5, 7, 15), 2),
        # the migration's own backup also names the schema it came from
        ("council-before-upgrade-0001-20260305-071500.db", "before-upgrade", datetime(2026, 3, 5, 7, 15), 1),
        ("council-before-restore-20260305-071500.db", "before-restore", datetime(2026, 3, 5, 7, 15), 1),
        ("council-before-demo-20260305-071500.db", "before-demo", datetime(2026, 3, 5, 7, 15), 1),
        (
            "council-before-empty-trash-20260305-071500.db",
            "before-empty-trash",
            datetime(2026, 3, 5, 7, 15),
            1,
        ),
    ],
)
def test_automatic_names_read_back(name, reason, made_at, sequence):
    parsed = parse_backup_name(Path("/b") / name, COUNCIL)
    assert parsed is not None
    assert (parsed.reason, parsed.made_at, parsed.sequence, parsed.automatic) == (
        reason,
        made_at,
        sequence,
        True,
    )


@pytest.mark.parametrize("name", ["council-manual-20260305-071500.db", "council-damaged-20260305-071500.db"])
def test_manual_and_damaged_copies_are_recognised_but_not_automatic(name):
    parsed = parse_backup_name(Path(name), COUNCIL)
    assert parsed is not None and not parsed.automatic


@pytest.mark.parametrize(
    "name",
    [
        "other-daily-20260305-071500.db",  # another database
        "council-weekly-20260305-071500.db",  # not one of our reasons
        "council-daily-20261399-071500.db",  # no such date
        "council-daily-20260305-071500.db.bak",
        "council-daily-20260305-071500.db-wal",
        "council-damaged-20260305-071500.db-wal",
        ".council-daily-20260305-071500.db.partial",
        "council-daily-2026035-071500.db",
        "council.db",
        "council-copy.db",
        "Council-daily-20260305-071500.db",
        "council-daily-sunday-20260305-071500.db",
    ],
)
def test_names_that_are_not_ours(name):
    assert parse_backup_name(Path(name), COUNCIL) is None


def test_a_hyphenated_stem_is_not_confused_with_a_longer_one():
    # "council-daily.db" is another database: its daily backup is not a backup of "council.db"
    name = Path("council-daily-daily-20260305-071500.db")
    assert parse_backup_name(name, COUNCIL) is None
    theirs = parse_backup_name(name, Path("council-daily.db"))
    assert theirs is not None and theirs.reason == "daily"
    ours = parse_backup_name(Path("nagato-desk-before-import-20260305-071500.db"), Path("nagato-desk.db"))
    assert ours is not None and ours.reason == "before-import"


def test_auto_backup_is_verified_named_by_reason_and_time_and_never_overwrites(demo_db_path, tmp_path):
    folder = tmp_path / "backups"
    first = auto_backup(demo_db_path, folder, "before-import", now=NOW)
    assert first.path == folder / "demo-before-import-20260615-120000.db"
    verify_backup(first.path, expected_revision=first.schema_revision, expected_counts=first.counts)
    assert association_count(first.path) == 5
    second = auto_backup(demo_db_path, folder, "before-import", now=NOW)  # the same second
    assert second.path == folder / "demo-before-import-20260615-120000-2.db"
    assert first.path.is_file()
    assert [(b.reason, b.made_at, b.sequence) for b in list_backups(folder, demo_db_path)] == [
        ("before-import", NOW, 1),
        ("before-import", NOW, 2),
    ]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [first.path.name, second.path.name]
    )  # no partial


def test_auto_backup_knows_only_automatic_reasons(demo_db_path, tmp_path):
    with pytest.raises(ValueError):
        auto_backup(demo_db_path, tmp_path, "manual", now=NOW)


# --- once a day ---------------------------------------------------------------------------------------


def test_daily_backup_only_at_the_first_start_of_a_day(demo_db_path, tmp_path):
    folder = tmp_path / "backups"
    # an event backup earlier today is not the day's backup
    auto_backup(demo_db_path, folder, "before-import", now=NOW.replace(hour=7))
    made = daily_backup_if_needed(demo_db_path, folder, now=NOW.replace(hour=8))
    assert made is not None and made.path.name == "demo-daily-20260615-080000.db"
    assert daily_backup_if_needed(demo_db_path, folder, now=NOW.replace(hour=8, minute=1)) is None
    assert daily_backup_if_needed(demo_db_path, folder, now=NOW.replace(hour=23, minute=59)) is None
    tomorrow = daily_backup_if_needed(demo_db_path, folder, now=datetime(2026, 6, 16, 0, 0, 1))
    assert tomorrow is not None and tomorrow.path.name == "demo-daily-20260616-000001.db"
    # the rotation after tomorrow's backup let the 07:00 import go: not the newest of 15 June
    assert [(b.reason, b.made_at.date().isoformat()) for b in list_backups(folder, demo_db_path)] == [
        ("daily", "2026-06-15"),
        ("daily", "2026-06-16"),
    ]


def test_another_databases_daily_backup_does_not_count(demo_db_path, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    shutil.copyfile(demo_db_path, folder / "other-daily-20260615-070000.db")
    assert daily_backup_if_needed(demo_db_path, folder, now=NOW) is not None


def test_a_failed_backup_raises_and_leaves_nothing(demo_db_path, tmp_path):
    blocker = tmp_path / "backups"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(NagatoError) as err:
        daily_backup_if_needed(demo_db_path, blocker, now=NOW)
    assert "バックアップを" in err.value.message("ja")
    with pytest.raises(NagatoError) as err:
        backup_before(demo_db_path, blocker, "before-import", now=NOW)
    assert err.value.exit_code == 1
    assert "取り込みの前にバックアップを作れなかったため、取り込みを中止しました" in err.value.message("ja")
    assert "import was not done" in err.value.message("en")
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"
    # nothing but the blocked "backups" beside the data (and the demo's photo folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "demo-attachments", "demo.db"]


# --- rotation -----------------------------------------------------------------------------------------


def _stamp(when: datetime) -> str:
    return f"{when:%Y%m%d-%H%M%S}"


@pytest.fixture
def real_backup(db, tmp_path_factory) -> Path:
    """One real, verified backup (of a small database); the rotation tests copy it under many names."""
    out = tmp_path_factory.mktemp("template") / "template.db"
    backup_database(db.engine, out)
    return out


def _plant(folder: Path, template: Path, names: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(template, folder / name)


def _synthetic_set() -> list[str]:
    """40 days of daily backups (7 May – 15 June 2026) with event backups on some days, and before that
    two backups a month back to April 2025: 15 months in all. 'Now' is 15 June 2026 12:00."""
    names = []
    day = datetime(2026, 5, 7, 8, 0)
    while day.date() <= NOW.date():
        names.append(f"council-daily-{_stamp(day)}.db")
        day += timedelta(days=1)
    names += [
        "council-before-import-20260610-070000.db",  # before that day's daily: not the day's newest
        "council-before-import-20260614-173000.db",  # after it: the newest of 14 June
        "council-before-demo-20260615-110000.db",  # exactly one hour old: no longer protected
        "council-before-demo-20260615-110001.db",  # 59:59 old: kept
        "council-before-import-20260615-113000.db",  # the newest of all
        "council-before-upgrade-0001-20250105-080000.db",  # a migration's backup, long ago
    ]
    month = datetime(2025, 4, 1)
    while month < datetime(2026, 5, 1):
        names.append(f"council-daily-{_stamp(month.replace(day=3, hour=9))}.db")
        names.append(f"council-before-restore-{_stamp(month.replace(day=20, hour=9))}.db")
        month = (month + timedelta(days=32)).replace(day=1)
    return names


NOT_OURS = [
    "メモ.txt",
    "council-manual-20240101-000000.db",  # the user asked for it
    "council-damaged-20240101-000000.db",  # raw bytes of a damaged file: maybe the only trace of data
    "council-damaged-20240101-000000.db-wal",
    "other-daily-20240101-080000.db",  # another database
    "council-daily-20240101-080000.db.old",  # renamed by the user
    "council のコピー.db",
]


def test_rotation_keeps_exactly_the_newest_of_each_recent_day_and_month(real_backup, tmp_path):
    folder = tmp_path / "backups"
    ours = _synthetic_set()
    assert len(ours) == 40 + 6 + 13 * 2
    _plant(folder, real_backup, ours + NOT_OURS)
    (folder / "council-daily-20240102-080000.db").mkdir()  # a folder with our kind of name
    others_before = {k: v for k, v in snapshot(folder).items() if k in NOT_OURS}

    removed = prune_backups(folder, COUNCIL, 10, 12, NOW)

    kept = sorted(p.name for p in folder.iterdir() if p.name not in NOT_OURS)
    # Worked out by hand. Days with backups, newest first: 15 June … 6 June (10 days); the newest of
    # 15 June is the 11:30 import, of 14 June the 17:30 import, of 13–6 June the 08:00 daily (on 10 June
    # the daily is newer than the 07:00 import). Months: June 2026 … July 2025 (12 months); the newest
    # of May 2026 is 31 May's daily, of April 2026 back to July 2025 the before-restore of the 20th.
    # The last hour adds 11:00:01 (11:00:00 is exactly one hour old and goes).
    expected = sorted(
        [
            "council-before-import-20260615-113000.db",
            "council-before-demo-20260615-110001.db",
            "council-before-import-20260614-173000.db",
            *(f"council-daily-202606{d:02d}-080000.db" for d in range(6, 14)),
            "council-daily-20260531-080000.db",
            *(f"council-before-restore-2026{m:02d}20-090000.db" for m in (1, 2, 3, 4)),
            *(f"council-before-restore-2025{m:02d}20-090000.db" for m in (7, 8, 9, 10, 11, 12)),
            "council-daily-20240102-080000.db",  # the folder
        ]
    )
    assert kept == expected
    assert sorted(p.name for p in removed) == sorted(set(ours) - set(expected))
    assert all(p.parent == folder for p in removed)
    assert {k: v for k, v in snapshot(folder).items() if k in NOT_OURS} == others_before
    # a second run removes nothing more
    assert prune_backups(folder, COUNCIL, 10, 12, NOW) == []


def test_rotation_with_other_numbers(real_backup, tmp_path):
    folder = tmp_path / "backups"
    _plant(folder, real_backup, _synthetic_set())
    prune_backups(folder, COUNCIL, keep_daily=3, keep_monthly=2, now=NOW)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [
            "council-before-import-20260615-113000.db",  # 15 June, and June
            "council-before-demo-20260615-110001.db",  # the last hour
            "council-before-import-20260614-173000.db",
            "council-daily-20260613-080000.db",
            "council-daily-20260531-080000.db",  # May
        ]
    )


def test_the_last_hour_is_never_deleted(real_backup, tmp_path):
    folder = tmp_path / "backups"
    recent = [f"council-before-import-{_stamp(NOW - timedelta(minutes=m))}.db" for m in (0, 1, 30, 59)]
    recent.append(f"council-before-import-{_stamp(NOW - timedelta(minutes=59, seconds=59))}.db")
    older = [
        f"council-before-import-{_stamp(NOW - timedelta(hours=1))}.db",
        f"council-before-import-{_stamp(NOW - timedelta(hours=2))}.db",
    ]
    _plant(folder, real_backup, recent + older)
    removed = prune_backups(folder, COUNCIL, keep_daily=1, keep_monthly=0, now=NOW)
    assert sorted(p.name for p in removed) == sorted(older)
    assert sorted(p.name for p in folder.iterdir()) == sorted(recent)


def test_the_only_backup_is_never_deleted(real_backup, tmp_path):
    folder = tmp_path / "backups"
    _plant(folder, real_backup, ["council-daily-20200101-080000.db", "council-manual-20100101-080000.db"])
    # even when asked to keep nothing
    assert prune_backups(folder, COUNCIL, keep_daily=0, keep_monthly=0, now=NOW) == []
    assert (folder / "council-daily-20200101-080000.db").is_file()


def test_a_backup_dated_in_the_future_stops_the_rotation(real_backup, tmp_path):
    """A PC whose clock went back (a flat CMOS battery) must not lose its backups to the rotation."""
    folder = tmp_path / "backups"
    names = [f"council-daily-2026{m:02d}01-080000.db" for m in range(1, 13)]  # up to December
    _plant(folder, real_backup, names)
    assert prune_backups(folder, COUNCIL, keep_daily=1, keep_monthly=0, now=NOW) == []
    assert len(list(folder.iterdir())) == 12


def test_rotation_of_a_missing_or_blocked_folder_does_nothing(tmp_path):
    assert prune_backups(tmp_path / "none", COUNCIL, now=NOW) == []
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert prune_backups(blocker, COUNCIL, now=NOW) == []
    assert blocker.read_text(encoding="utf-8") == "x"


def test_auto_backup_rotates_and_reports_what_it_removed(demo_db_path, real_backup, tmp_path):
    folder = tmp_path / "backups"
    old = [f"demo-daily-202605{d:02d}-080000.db" for d in range(1, 6)]
    _plant(folder, real_backup, [*old, "demo-manual-20260501-080000.db"])
    made = auto_backup(demo_db_path, folder, "before-import", keep_daily=2, keep_monthly=1, now=NOW)
    # kept: today's new backup, 5 May (the newest of another day with backups); the rest of May goes
    assert sorted(p.name for p in made.removed) == old[:4]
    assert sorted(p.name for p in folder.iterdir()) == [
        "demo-before-import-20260615-120000.db",
        "demo-daily-20260505-080000.db",
        "demo-manual-20260501-080000.db",
    ]


# --- settings -----------------------------------------------------------------------------------------


def test_how_many_to_keep_is_saved_and_read_back(user_dirs):
    assert (Settings().keep_daily, Settings().keep_monthly) == (10, 12)
    save_settings(Settings(keep_daily=30, keep_monthly=0))
    loaded = load_settings()
    assert (loaded.keep_daily, loaded.keep_monthly) == (30, 0)


@pytest.mark.parametrize(
    ("daily", "monthly", "expected"),
    [
        (0, -1, (1, 0)),
        (-5, 121, (1, 120)),
        (366, 1000, (365, 120)),
        (365, 120, (365, 120)),
        (1, 0, (1, 0)),
        ("7", 3.5, (10, 12)),
        (True, None, (10, 12)),
        ([1], {"a": 1}, (10, 12)),
    ],
)
def test_how_many_to_keep_is_clamped_or_defaulted(user_dirs, daily, monthly, expected):
    import json

    user_dirs["config"].mkdir(parents=True)
    settings_file().write_text(json.dumps({"keep_daily": daily, "keep_monthly": monthly}), encoding="utf-8")
    loaded = load_settings()
    assert (loaded.keep_daily, loaded.keep_monthly) == expected


def test_rotation_removes_partial_files_left_by_a_killed_backup(tmp_path):
    import os
    from datetime import datetime, timedelta

    from nagato_desk.services.backup_rotation import prune_backups

    database = tmp_path / "council.db"
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 11, 29, 12, 0)
    old = folder / ".council-daily-20261128-090000.db.partial"
    fresh = folder / ".council-daily-20261129-115900.db.partial"
    other = folder / ".other-daily-20261128-090000.db.partial"
    for path in (old, fresh, other):
        path.write_bytes(b"half a backup")
    two_hours_ago = (now - timedelta(hours=2)).timestamp()
    for path in (old, other):
        os.utime(path, (two_hours_ago, two_hours_ago))
    os.utime(fresh, (now.timestamp(), now.timestamp()))
    prune_backups(folder, database, now=now)
    assert not old.exists()  # an hour old: nobody is still writing it
    assert fresh.exists()  # may be a backup running right now
    assert other.exists()  # another database's files are never touched
