"""Backups with SQLite's backup API (never a raw copy of a live file), verified before they count.

A backup is written to a temporary name, reopened and checked — integrity, schema version and the row
count of every table against the source as it was copied — and only then renamed into place. (A
backup killed midway reopens as an empty database that passes ``integrity_check``; the counts catch it.)
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from nagato_desk.errors import NagatoError, UnreadableFileError, storage_error

log = logging.getLogger(__name__)

#: Tables whose counts a person recognises, with their Japanese and English labels.
SUMMARY_TABLES = {
    "neighbourhood_association": ("自治会", "neighbourhood associations"),
    "association_figure": ("自治会の年度別人口", "yearly figures"),
}


@dataclass
class BackupSummary:
    path: Path
    council_name: str
    saved_at: datetime
    schema_revision: str
    counts: dict[str, int] = field(default_factory=dict)
    #: Older automatic backups deleted by the rotation that followed this backup (``auto_backup``).
    removed: list[Path] = field(default_factory=list)

    def describe(self, lang: str = "ja") -> str:
        parts = []
        for table, (ja, en) in SUMMARY_TABLES.items():
            if table in self.counts:
                parts.append(f"{ja} {self.counts[table]}件" if lang != "en" else f"{self.counts[table]} {en}")
        when = self.saved_at.strftime("%Y-%m-%d %H:%M")
        if lang == "en":
            return f"{self.council_name or '(no council)'} — saved {when} — " + ", ".join(parts)
        return f"{self.council_name or '（協議会未登録）'}　{when} 保存　" + "、".join(parts)


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _revision(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return ""
    return row[0] if row else ""


def _read_only_uri(path: Path) -> str:
    # as_uri() percent-encodes "?", "#", "%" and non-ASCII characters, which a bare "file:" URI would not.
    return Path(path).absolute().as_uri() + "?mode=ro"


def _source_path(source: Engine | Path) -> Path:
    if isinstance(source, Path | str):
        return Path(source)
    database = source.url.database
    assert database, "backups need a file database"
    return Path(database)


def backup_database(source: Engine | Path, out: Path) -> BackupSummary:
    """Write a verified copy of ``source`` to ``out`` (whole or not at all)."""
    src_path = _source_path(source)
    out = Path(out).expanduser().absolute()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_write(out, exc) from exc
    tmp = out.with_name(f".{out.name}.partial")
    if not src_path.is_file():
        raise UnreadableFileError(
            f"データファイル「{src_path}」が見つかりません。", f"Data file '{src_path}' does not exist."
        )
    try:
        # Fail early, with the folder's own reason (permission denied, disk full), before any copying.
        tmp.unlink(missing_ok=True)
        tmp.touch()
    except OSError as exc:
        raise _cannot_write(out, exc) from exc
    src = sqlite3.connect(src_path, isolation_level=None)
    try:
        src.execute("PRAGMA busy_timeout=5000")
        src.execute("PRAGMA query_only=ON")
        # One read transaction: the counts and the copy see the same snapshot.
        src.execute("BEGIN")
        expected = _table_counts(src)
        revision = _revision(src)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _cannot_write(out, exc) from exc
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if not isinstance(exc, sqlite3.Error):
            raise
        mapped = storage_error(exc, read_only=True)  # SQLITE_FULL / SQLITE_IOERR writing the copy
        if mapped is not None:
            raise mapped from exc
        raise NagatoError(
            f"バックアップに失敗しました（{exc}）。元のデータは変わっていません。",
            f"The backup failed ({exc}). The data itself is unchanged.",
        ) from exc
    finally:
        src.close()
    try:
        verify_backup(tmp, expected_revision=revision, expected_counts=expected)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _cannot_write(out, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return describe_backup(out)


def _cannot_write(out: Path, exc: OSError) -> NagatoError:
    mapped = storage_error(exc, read_only=True)
    if mapped is not None:  # the plain message of a full disk or a read-only place
        return NagatoError(
            f"バックアップを「{out}」に書き込めません。{mapped.ja}",
            f"Cannot write the backup to '{out}'. {mapped.en}",
        )
    return NagatoError(
        f"バックアップを「{out}」に書き込めません（{exc.strerror or exc}）。別の保存先を選んでください。",
        f"Cannot write the backup to '{out}' ({exc.strerror or exc}). Choose another place.",
    )


def verify_backup(
    path: Path, *, expected_revision: str | None = None, expected_counts: dict[str, int] | None = None
) -> None:
    """Raise unless ``path`` is a complete, readable copy (and matches what was copied, if given)."""
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            revision = _revision(conn)
            counts = _table_counts(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _bad_backup(path, str(exc)) from exc
    if check != "ok":
        raise _bad_backup(path, check)
    if not revision:
        raise _bad_backup(path, "no schema version")
    if expected_revision is not None and revision != expected_revision:
        raise _bad_backup(path, f"schema {revision} != {expected_revision}")
    if expected_counts is not None and counts != expected_counts:
        raise _bad_backup(path, "row counts differ from the original")


def _bad_backup(path: Path, reason: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"バックアップ「{path}」は完全ではありません（{reason}）。",
        f"The backup '{path}' is not complete ({reason}).",
    )


def describe_backup(path: Path) -> BackupSummary:
    """What a backup holds, shown before restoring it."""
    from nagato_desk.database import inspect_file

    path = Path(path)
    inspect_file(path)
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            revision = _revision(conn)
            counts = _table_counts(conn)
            row = (
                conn.execute("SELECT name FROM council ORDER BY id LIMIT 1").fetchone()
                if "council" in counts
                else None
            )
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _bad_backup(path, str(exc)) from exc
    if not revision:
        raise _bad_backup(path, "no schema version")
    return BackupSummary(
        path=path,
        council_name=row[0] if row else "",
        saved_at=datetime.fromtimestamp(path.stat().st_mtime),
        schema_revision=revision,
        counts=counts,
    )


def _save_current(database: Path, backup_dir: Path, stamp: str) -> Path:
    """Back up the file about to be replaced; if it is too damaged for that, keep its raw bytes."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    # SQLite discards a write-ahead log it cannot read as soon as it opens the file, so the raw log
    # (committed changes not yet written into the main file) is put aside before anything opens it.
    raw_journals = {}
    for suffix in ("-wal", "-shm"):
        journal = Path(str(database) + suffix)
        if journal.exists():
            aside = backup_dir / f".{database.name}{suffix}.{stamp}.aside"
            shutil.copyfile(journal, aside)
            raw_journals[suffix] = aside
    try:
        saved = backup_dir / f"{database.stem}-before-restore-{stamp}.db"
        try:
            backup_database(database, saved)
        except NagatoError:
            saved = backup_dir / f"{database.stem}-damaged-{stamp}.db"
            shutil.copyfile(database, saved)
            for suffix, aside in raw_journals.items():
                os.replace(aside, Path(str(saved) + suffix))
        return saved
    finally:
        for aside in raw_journals.values():
            aside.unlink(missing_ok=True)


def restore_backup(backup: Path, database: Path, backup_dir: Path) -> tuple[BackupSummary, Path | None]:
    """Replace ``database`` with the contents of ``backup``; the current file is backed up first.

    The caller holds the database's write lock. Returns what was restored and where the previous
    contents were saved (None when there was no previous file).
    """
    from nagato_desk import migrations
    from nagato_desk.database import SCHEMA_HEAD

    backup = Path(backup).expanduser().absolute()
    database = Path(database).expanduser().absolute()
    summary = describe_backup(backup)
    verify_backup(backup)
    if summary.schema_revision != SCHEMA_HEAD and not migrations.is_known_revision(summary.schema_revision):
        from nagato_desk.errors import NewerDatabaseError

        raise NewerDatabaseError(
            f"バックアップ「{backup}」は新しいバージョンの Nagato Desk で作られたため、復元できません。",
            f"The backup '{backup}' was made by a newer Nagato Desk and cannot be restored.",
        )
    saved: Path | None = None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if database.exists() and database.stat().st_size > 0:
        saved = _save_current(database, backup_dir, stamp)
    tmp = database.with_name(f".{database.name}.restoring")
    try:
        src = sqlite3.connect(_read_only_uri(backup), uri=True)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        verify_backup(tmp, expected_revision=summary.schema_revision, expected_counts=summary.counts)
        for suffix in ("-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
        os.replace(tmp, database)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return summary, saved


def timestamped(folder: Path, database: Path, reason: str, now: datetime | None = None) -> Path:
    """A backup file name that sorts by time and says why it was made: ``<stem>-<reason>-YYYYMMDD-HHMMSS.db``."""
    return Path(folder) / f"{Path(database).stem}-{reason}-{(now or datetime.now()):%Y%m%d-%H%M%S}.db"


# --- Automatic backups and their rotation -------------------------------------------------------------

#: Reasons of the backups the program makes by itself; only these are ever rotated (deleted).
#: "daily" is the first start of a day; the others are made before a risky action.
AUTO_REASONS = (
    "daily",
    "before-upgrade",
    "before-restore",
    "before-import",
    "before-demo",
    "before-empty-trash",
)
#: Reasons that are recognised but never rotated: a copy the user asked for, and the raw bytes of a
#: file too damaged to back up properly (``restore_backup``), which may be the only trace of some data.
KEPT_REASONS = ("manual", "damaged")

#: What each risky action is called in the message when the backup before it fails.
_ACTIONS = {
    "before-import": ("取り込み", "the import"),
    "before-demo": ("デモデータの書き込み", "writing the demo data"),
    "before-empty-trash": ("ごみ箱を空にする操作", "emptying the trash"),
}

#: A backup this young is never deleted (nor one dated later than now).
RECENT = timedelta(hours=1)


@dataclass(frozen=True)
class BackupFile:
    """A file in the backup folder whose name says which database, why and when it was made."""

    path: Path
    reason: str
    made_at: datetime
    sequence: int = 1  # 2, 3, … when more than one backup of a reason was made in the same second

    @property
    def automatic(self) -> bool:
        return self.reason in AUTO_REASONS


def _name_pattern(database: Path) -> re.Pattern[str]:
    reasons = "|".join(re.escape(r) for r in sorted(AUTO_REASONS + KEPT_REASONS, key=len, reverse=True))
    # An upgrade's backup also names the schema it came from ("-before-upgrade-0001-"); that tag is
    # hex digits only, so no reason word (nor another database's stem) can be taken for it.
    return re.compile(
        rf"{re.escape(Path(database).stem)}-(?P<reason>{reasons})(?:-[0-9a-f]{{1,40}})?"
        r"-(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>[1-9]\d{0,3}))?\.db"
    )


def parse_backup_name(path: Path, database: Path) -> BackupFile | None:
    """``path`` as a backup of ``database`` (by the file name alone), or None when it is not one of ours."""
    path = Path(path)
    match = _name_pattern(database).fullmatch(path.name)
    if match is None:
        return None
    try:
        made_at = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return BackupFile(path, match["reason"], made_at, int(match["seq"] or 1))


def list_backups(backup_dir: Path, database: Path) -> list[BackupFile]:
    """The backups of ``database`` in ``backup_dir`` (regular files named by us), oldest first."""
    pattern_stem = Path(database).stem
    found = []
    try:
        entries = list(os.scandir(backup_dir))
    except OSError:  # no folder yet, or a file where the folder should be: no backups
        return []
    for entry in entries:
        if not entry.name.startswith(pattern_stem) or not entry.is_file(follow_symlinks=False):
            continue
        parsed = parse_backup_name(Path(backup_dir) / entry.name, database)
        if parsed is not None:
            found.append(parsed)
    return sorted(found, key=lambda b: (b.made_at, b.sequence, b.path.name))


def _free_name(backup_dir: Path, database: Path, reason: str, now: datetime) -> Path:
    first = timestamped(backup_dir, database, reason, now)
    out, seq = first, 1
    while out.exists() or out.with_name(f".{out.name}.partial").exists():
        seq += 1
        out = first.with_name(f"{first.stem}-{seq}.db")
    return out


def auto_backup(
    database: Path,
    backup_dir: Path,
    reason: str,
    *,
    keep_daily: int = 10,
    keep_monthly: int = 12,
    now: datetime | None = None,
) -> BackupSummary:
    """A verified backup named ``<stem>-<reason>-YYYYMMDD-HHMMSS.db`` in ``backup_dir``, then rotation.

    Raises ``NagatoError`` (and leaves no file) when the backup cannot be made. A failure of the
    rotation afterwards never fails the backup: it is logged, and the old files stay.
    """
    if reason not in AUTO_REASONS:
        raise ValueError(f"not an automatic backup reason: {reason!r}")
    now = now or datetime.now()
    database = Path(database).expanduser().absolute()
    backup_dir = Path(backup_dir).expanduser().absolute()
    out = _free_name(backup_dir, database, reason, now)
    try:
        summary = backup_database(database, out)
    except OSError as exc:  # the final rename (disk full, folder taken away)
        raise _cannot_write(out, exc) from exc
    try:
        summary.removed = prune_backups(backup_dir, database, keep_daily, keep_monthly, now)
    except OSError:
        log.exception("rotating the backups in %s failed; nothing more was deleted", backup_dir)
    return summary


def daily_backup_if_needed(
    database: Path,
    backup_dir: Path,
    *,
    keep_daily: int = 10,
    keep_monthly: int = 12,
    now: datetime | None = None,
) -> BackupSummary | None:
    """The day's backup at the first start of a day: made (then rotated) unless one exists for today."""
    now = now or datetime.now()
    today: date = now.date()
    if any(b.reason == "daily" and b.made_at.date() == today for b in list_backups(backup_dir, database)):
        return None
    return auto_backup(
        database, backup_dir, "daily", keep_daily=keep_daily, keep_monthly=keep_monthly, now=now
    )


def backup_before(
    database: Path,
    backup_dir: Path,
    reason: str,
    *,
    keep_daily: int = 10,
    keep_monthly: int = 12,
    now: datetime | None = None,
) -> BackupSummary:
    """``auto_backup`` before a risky action; when it fails, the error says the action was stopped.

    Better no import than an import without a backup: the caller lets the error end the action.
    """
    try:
        return auto_backup(
            database, backup_dir, reason, keep_daily=keep_daily, keep_monthly=keep_monthly, now=now
        )
    except NagatoError as exc:
        ja, en = _ACTIONS.get(reason, ("この操作", "this action"))
        raise NagatoError(
            f"{ja}の前にバックアップを作れなかったため、{ja}を中止しました。データは変わっていません。\n"
            f"{exc.message('ja')}",
            f"Could not back up before {en}, so {en} was not done. The data is unchanged.\n"
            f"{exc.message('en')}",
        ) from exc


def _remove_stale_partials(backup_dir: Path, database: Path, now: datetime) -> None:
    """A backup killed midway leaves ``.<name>.partial``; one older than an hour is nobody's work."""
    try:
        leftovers = list(backup_dir.glob(f".{database.stem}-*.db.partial"))
    except OSError:
        return
    for path in leftovers:
        try:
            if now - datetime.fromtimestamp(path.stat().st_mtime) >= RECENT:
                path.unlink()
        except OSError as exc:
            log.warning("could not delete the unfinished backup %s: %s", path, exc)


def prune_backups(
    backup_dir: Path,
    database: Path,
    keep_daily: int = 10,
    keep_monthly: int = 12,
    now: datetime | None = None,
) -> list[Path]:
    """Delete the automatic backups of ``database`` that the rotation no longer needs; return them.

    The policy (日ごと ``keep_daily`` 個・月ごと ``keep_monthly`` 個):

    * Only this database's automatic backups take part: files named
      ``<stem>-<reason>-YYYYMMDD-HHMMSS[-N].db`` with a reason of ``AUTO_REASONS`` ("daily" and the
      backups before an upgrade, restore, import, demo or emptying the trash). Event backups count as
      backups of their day like the daily ones. The time is read from the name.
    * Kept: the newest backup of each of the last ``keep_daily`` days that have backups (days without
      any do not use up a place), and the newest backup of each of the last ``keep_monthly`` months that
      have backups. The two rules are independent: a backup kept by both counts for both.
    * Always kept, whatever the numbers: the newest backup (so the only one is never deleted), every
      backup made within the last hour, and, when any backup is dated later than ``now`` (the PC's clock
      is wrong), everything: nothing is deleted until the clock is right again.
    * Never touched: files whose names are not ours (the user's own files in that folder), "manual"
      copies and "damaged-*" copies, the files of another database, sub-folders and links.

    ``keep_daily`` below 1 counts as 1 and ``keep_monthly`` below 0 as 0. A file that cannot be
    deleted is logged and left; the others are still rotated.
    """
    now = now or datetime.now()
    keep_daily = max(1, int(keep_daily))
    keep_monthly = max(0, int(keep_monthly))
    _remove_stale_partials(Path(backup_dir), Path(database), now)
    candidates = [b for b in list_backups(backup_dir, database) if b.automatic]
    if not candidates:
        return []
    if any(b.made_at > now for b in candidates):
        log.warning(
            "a backup in %s is dated after %s: the clock may be wrong, nothing deleted", backup_dir, now
        )
        return []
    newest_of_day: dict[date, BackupFile] = {}
    newest_of_month: dict[tuple[int, int], BackupFile] = {}
    for b in candidates:  # oldest first, so the last one written for a period is its newest
        newest_of_day[b.made_at.date()] = b
        newest_of_month[(b.made_at.year, b.made_at.month)] = b
    keep = {candidates[-1].path}
    keep |= {newest_of_day[d].path for d in sorted(newest_of_day, reverse=True)[:keep_daily]}
    keep |= {newest_of_month[m].path for m in sorted(newest_of_month, reverse=True)[:keep_monthly]}
    keep |= {b.path for b in candidates if now - b.made_at < RECENT}
    removed = []
    for b in candidates:
        if b.path in keep:
            continue
        try:
            b.path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not delete the old backup %s: %s", b.path, exc)
            continue
        removed.append(b.path)
    return removed
