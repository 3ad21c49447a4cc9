"""Backups with SQLite's backup API (never a raw copy of a live file), verified before they count.

A backup is written to a temporary name, reopened and checked — integrity, schema version and the row
count of every table against the source as it was copied — and only then renamed into place. (A
backup killed midway reopens as an empty database that passes ``integrity_check``; the counts catch it.)
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from nagato_desk.errors import NagatoError, UnreadableFileError, storage_error

#: Tables whose counts a person recognises, with their Japanese and English labels.
SUMMARY_TABLES = {
    "neighbourhood_association": ("自治会", "neighbourhood associations"),
    "member": ("会員", "members"),
    "household": ("世帯", "households"),
    "officer_term": ("役員の任期", "officer terms"),
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


def _discard(tmp: Path) -> None:
    """Remove a half-written copy and the journal SQLite may have left beside it."""
    tmp.unlink(missing_ok=True)
    Path(f"{tmp}-journal").unlink(missing_ok=True)


def backup_database(source: Engine | Path, out: Path) -> BackupSummary:
    """Write a verified copy of ``source`` to ``out`` (whole or not at all)."""
    src_path = _source_path(source)
    out = Path(out).expanduser().absolute()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    tmp = out.with_name(f".{out.name}.partial")
    if not src_path.is_file():
        raise UnreadableFileError(
            f"データファイル「{src_path}」が見つかりません。", f"Data file '{src_path}' does not exist."
        )
    try:
        # Fail early, with the folder's own reason (permission denied, disk full), before any copying.
        _discard(tmp)
        tmp.touch()
    except OSError as exc:
        raise cannot_write(out, exc) from exc
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
        _discard(tmp)
        raise cannot_write(out, exc) from exc
    except BaseException as exc:
        _discard(tmp)
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
        _discard(tmp)
        raise cannot_write(out, exc) from exc
    except BaseException:
        _discard(tmp)
        raise
    return describe_backup(out)


def cannot_write(out: Path, exc: OSError) -> NagatoError:
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


def restore_open_database(db, backup: Path, backup_dir: Path) -> tuple[BackupSummary, Path | None]:  # type: ignore[no-untyped-def]
    """Restore ``backup`` into the database the window has open (and holds the lock of).

    The pooled connections are closed first, the current contents are backed up, the file is
    replaced, and a backup from an older version is brought up to date; the next session the window
    opens sees the restored data.
    """
    from nagato_desk import migrations
    from nagato_desk.database import SCHEMA_HEAD, current_revision

    db.engine.dispose()
    result = restore_backup(backup, db.path, backup_dir)
    db.engine.dispose()
    if current_revision(db.engine) != SCHEMA_HEAD:
        migrations.upgrade(db.engine)
    return result
