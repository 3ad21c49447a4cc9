"""Opening the council's database file: checks, lock, migrations, sessions.

One file holds one council. Every connection runs with foreign keys on and with real transactions
(pysqlite's own transaction handling would commit before DDL, so a migration that failed midway would
leave the file half-changed). Connections that may write switch the file to WAL journaling; read-only
ones (check, export, backup) and the first look at a file never change a byte of it: switching to WAL
rewrites the header, and a file we refuse must be left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from nagato_desk.errors import NewerDatabaseError, UnreadableFileError, storage_error
from nagato_desk.locking import DatabaseLock

#: Written into the SQLite header (PRAGMA application_id) so we know a file is ours: "NDSK".
APPLICATION_ID = 0x4E44534B
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The newest schema revision this program knows; a test checks it matches db/versions.
SCHEMA_HEAD = "0003"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself, so DDL is transactional too.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
    conn.exec_driver_sql("BEGIN")


def make_engine(path: Path, *, write: bool = True) -> Engine:
    """An engine on ``path``; with ``write=False`` its connections cannot change the file."""
    # Background jobs use the pool from worker threads; the pool hands a connection to one thread at a time.
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect if write else _on_connect_read_only)
    event.listen(engine, "begin", _on_begin)
    return engine


class DamagedDatabaseError(UnreadableFileError):
    """The file is a SQLite database, but damaged; names the latest backup that verifies, if any."""

    def __init__(self, path: Path, detail: str, backup: Path | None, backup_time: datetime | None) -> None:
        self.path = path
        self.detail = detail
        self.backup = backup
        self.backup_time = backup_time
        ja, en = self.window_text("ja"), self.window_text("en")
        if backup is not None:
            ja += f'\n復元するには：nagato-desk restore "{backup}"'
            en += f'\nTo restore it: nagato-desk restore "{backup}"'
        super().__init__(ja, en)

    def window_text(self, lang: str = "ja") -> str:
        """The message without the command line (the window offers a button instead)."""
        when = f"{self.backup_time:%Y-%m-%d %H:%M}" if self.backup_time else ""
        if lang == "en":
            text = f"Cannot open '{self.path}': the file is damaged ({self.detail})."
            if self.backup is None:
                return text + " No good backup was found; look for a copy on a USB stick or another PC."
            return text + f"\nThe latest good backup is '{self.backup}' ({when})."
        text = f"「{self.path}」を開けません：ファイルが壊れています（{self.detail}）。"
        if self.backup is None:
            return (
                text
                + "正常なバックアップが見つかりません。USB メモリやほかのパソコンにコピーがないか探してください。"
            )
        return text + f"\n最新の正常なバックアップ：{self.backup}（{when}）"


def latest_good_backup(path: Path, backup_dir: Path, *, tries: int = 10) -> tuple[Path, datetime] | None:
    """The newest backup of ``path`` in ``backup_dir`` that passes ``verify_backup`` (newest ``tries`` looked at)."""
    from nagato_desk.errors import NagatoError
    from nagato_desk.services.backup_rotation import list_backups
    from nagato_desk.services.backups import verify_backup

    for candidate in reversed(list_backups(backup_dir, path)[-tries:]):
        try:
            verify_backup(candidate.path)
        except NagatoError:
            continue
        return candidate.path, candidate.made_at
    return None


def _damaged(path: Path, detail: str, backup_dir: Path | None) -> DamagedDatabaseError:
    found = latest_good_backup(path, backup_dir or path.parent / "backups")
    return DamagedDatabaseError(path, detail, *(found or (None, None)))


def _unreadable(path: Path, ja_reason: str, en_reason: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"「{path}」を開けません：{ja_reason}",
        f"Cannot open '{path}': {en_reason}",
    )


def inspect_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database before SQLite gets to write to it."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except IsADirectoryError as exc:
        raise _unreadable(
            path, "フォルダです。データベースのファイルを指定してください。", "it is a folder."
        ) from exc
    except OSError as exc:
        raise _unreadable(
            path, f"読み込めません（{exc.strerror}）。", f"not readable ({exc.strerror})."
        ) from exc
    if len(head) == 0:
        return  # an empty file is treated as a new database
    if not head.startswith(SQLITE_MAGIC) or len(head) < 100:
        raise _unreadable(
            path,
            "Nagato Desk のデータファイルではありません（中身が別の形式です）。",
            "it is not a Nagato Desk data file.",
        )
    app_id = int.from_bytes(head[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        raise _unreadable(path, "別のアプリのデータベースです。", "it belongs to another application.")


class Database:
    """An open council database: engine, session factory, and (when writing) the lock."""

    def __init__(self, path: Path, engine: Engine, lock: DatabaseLock | None) -> None:
        self.path = path
        self.engine = engine
        self.lock = lock
        self.Session = sessionmaker(engine, expire_on_commit=False)
        from nagato_desk.services import history

        history.install(self.Session)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all."""
        try:
            with self.Session() as session, session.begin():
                yield session
        except Exception as exc:
            # A write refused by a full disk (SQLITE_FULL, SQLITE_IOERR): rolled back, said plainly.
            mapped = storage_error(exc)
            if mapped is not None and mapped is not exc:
                raise mapped from exc
            raise

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_constraint_violation(check_result: str) -> bool:
    """A quick/integrity_check line about a row breaking a CHECK or NOT NULL rule, not about damage.

    Such a file opens (so the user can correct the row); ``nagato-desk check`` names the row.
    """
    return check_result.startswith(("CHECK constraint failed", "NULL value in"))


def _probe(path: Path, backup_dir: Path | None = None) -> tuple[list[str], str | None]:
    """The file's tables and schema revision, read without changing it (no WAL switch, query_only)."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout=5000")
            conn.execute("PRAGMA query_only=ON")
            tables = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            results = [r[0] for r in conn.execute("PRAGMA quick_check")] if tables else ["ok"]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if "readonly" in str(exc) or "unable to open" in str(exc):
            raise _unreadable(
                path,
                "書き込みできない場所にあります。書き込みできるフォルダに置いてください。",
                "it is in a place that cannot be written to.",
            ) from exc
        # "file is not a database", "database disk image is malformed": a SQLite file, damaged.
        raise _damaged(path, str(exc), backup_dir) from exc
    damage = [r for r in results if r != "ok" and not is_constraint_violation(r)]
    if damage:
        raise _damaged(path, "; ".join(damage[:3]), backup_dir)
    return tables, revision


def open_database(
    path: Path,
    *,
    create: bool = False,
    write: bool = True,
    backup_dir: Path | None = None,
) -> Database:
    """Open (or, with ``create``, make) the council database at ``path``.

    ``write`` takes the lock and brings an older file up to date (after backing it up); without it the
    file must already be at this version's schema (used by check, export and backup, which may run
    while the window has the file open). A file that is refused is left exactly as it was.
    """
    path = Path(path).expanduser().absolute()
    exists = path.exists()
    if exists:
        inspect_file(path)
        if write and not os.access(path, os.W_OK):
            raise _unreadable(
                path,
                "このファイルは書き込みできません（読み取り専用）。書き込みできるファイルを選んでください。",
                "the file cannot be written to (read-only).",
            )
    elif not create:
        raise UnreadableFileError(
            f"データファイル「{path}」が見つかりません。", f"Data file '{path}' does not exist."
        )
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UnreadableFileError(
                f"フォルダ「{path.parent}」を作れません（{exc.strerror}）。",
                f"Cannot create the folder '{path.parent}' ({exc.strerror}).",
            ) from exc

    lock = DatabaseLock(path) if write else None
    if lock is not None:
        lock.acquire()
    engine: Engine | None = None
    try:
        # An empty file is treated like a missing one: nothing in it to look at.
        tables, revision = _probe(path, backup_dir) if exists and path.stat().st_size > 0 else ([], None)
        action = _decide(path, tables, revision, write=write)
        engine = make_engine(path, write=write)
        if action == "create":
            _create_fresh(engine)
        elif action == "upgrade":
            _upgrade(path, engine, revision or "", backup_dir)
    except BaseException:
        if engine is not None:
            engine.dispose()
        if lock is not None:
            lock.release()
        if not exists:
            # We made this file (and perhaps its journal): leave nothing behind.
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return Database(path, engine, lock)


def _decide(path: Path, tables: list[str], revision: str | None, *, write: bool) -> str:
    """What opening needs to do: "create", "upgrade" or "open"; refuse (raise) what we cannot open."""
    if revision is None and tables:
        raise _unreadable(
            path, "Nagato Desk のデータファイルではありません。", "it is not a Nagato Desk data file."
        )
    if revision is None:
        if not write:
            raise _unreadable(path, "データがまだありません。", "it holds no data yet.")
        return "create"
    if revision == SCHEMA_HEAD:
        return "open"
    from nagato_desk import migrations

    if not migrations.is_known_revision(revision):
        raise NewerDatabaseError(
            f"「{path}」は新しいバージョンの Nagato Desk で作られたファイルです（スキーマ {revision}）。"
            "このバージョンでは開けません。Nagato Desk を更新してから開いてください。",
            f"'{path}' was written by a newer version of Nagato Desk (schema {revision}). "
            "Update Nagato Desk to open it.",
        )
    if not write:
        raise _unreadable(
            path,
            "古いバージョンのファイルです。一度アプリで開くと更新されます。",
            "it is from an older version; open it in the app once to update it.",
        )
    return "upgrade"


def _upgrade(path: Path, engine: Engine, revision: str, backup_dir: Path | None) -> None:
    from nagato_desk import migrations
    from nagato_desk.services import backups

    target_dir = backup_dir or path.parent / "backups"
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backups.backup_database(engine, target_dir / f"{path.stem}-before-upgrade-{revision}-{stamp}.db")
    migrations.upgrade(engine)


def _create_fresh(engine: Engine) -> None:
    from nagato_desk import migrations
    from nagato_desk.models import Base

    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        Base.metadata.create_all(conn)
        migrations.stamp_head(conn)


def reset_schema(db: Database, fill: Callable[[Session], None]) -> None:
    """Empty the file and fill it again, in one transaction (``demo --force``; back up first)."""
    from nagato_desk import migrations
    from nagato_desk.models import Base

    with db.engine.begin() as conn:
        # Tables that refer to each other cannot all be dropped in a safe order: references are
        # checked at commit instead, when every table is new.
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        Base.metadata.drop_all(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        Base.metadata.create_all(conn)
        migrations.stamp_head(conn)
        # Through the database's own sessions, so the new contents are in the change history too.
        with db.Session(bind=conn) as session:
            fill(session)
            session.flush()
