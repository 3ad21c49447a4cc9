"""Running the Alembic migrations in ``db/`` from code (there is no alembic.ini for users to run)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from nagato_desk.paths import migrations_path


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    try:
        return script_directory().get_revision(revision) is not None
    except Exception:
        return False


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade inside one transaction: a migration that fails midway leaves the file as it was.

    Foreign keys are switched off for the upgrade (SQLite ignores the pragma inside a transaction, so
    it is set before BEGIN): a batch migration copies a table, then drops the old one, and with foreign
    keys on that DROP deletes every row that refers to it (ON DELETE CASCADE). The references are
    checked before the commit instead.
    """
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                command.upgrade(config(conn), target)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    table, rowid, parent, _ = broken[0]
                    raise RuntimeError(
                        f"migration left {len(broken)} broken reference(s), e.g. {table} row {rowid} -> {parent}"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def stamp_head(conn: Connection) -> None:
    command.stamp(config(conn), "head")
