"""変更履歴: every insert, update and delete of an audited record is written, in the same transaction,
to ``change_log`` with who, when and what changed (old → new). Events that are not row changes —
an export that carries personal data, reopening a closed year — are recorded with ``record_event``.

The recording hangs on the session factory of the open database (``install``), so every service gets
it without doing anything; bulk SQL statements bypass it and are therefore not used by services.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from nagato_desk.models import Audited, ChangeLog


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a service account, a bare container)
        return "unknown"


_current_user = _os_user()


def set_current_user(name: str) -> None:
    """Who is recorded from now on (the OS user by default; the signed-in secretariat member later)."""
    global _current_user
    _current_user = name or _os_user()


def current_user() -> str:
    return _current_user


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _columns(obj: Audited) -> list[str]:
    excluded = set(getattr(obj, "__audit_exclude__", ()))
    return [c.key for c in inspect(obj).mapper.column_attrs if c.key not in excluded]


def _changes(obj: Audited, kind: str) -> dict[str, list[Any]]:
    state = inspect(obj)
    out: dict[str, list[Any]] = {}
    for key in _columns(obj):
        if kind == "insert":
            value = getattr(obj, key)
            if value not in (None, ""):
                out[key] = [None, _plain(value)]
        elif kind == "delete":
            value = getattr(obj, key)
            if value not in (None, ""):
                out[key] = [_plain(value), None]
        else:
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                out[key] = [_plain(old), _plain(new)]
    return out


def _after_flush(session: Session, _context: object) -> None:
    now = datetime.now().replace(microsecond=0)
    user = _current_user
    rows = []
    for kind, objects in (("insert", session.new), ("update", session.dirty), ("delete", session.deleted)):
        for obj in objects:
            if not isinstance(obj, Audited):
                continue
            changes = _changes(obj, kind)
            if kind == "update" and not changes:
                continue
            rows.append(
                {
                    "at": now,
                    "user": user,
                    "table_name": obj.__tablename__,  # type: ignore[attr-defined]
                    "row_id": inspect(obj).identity[0] if inspect(obj).identity else None,
                    "action": kind,
                    "changes": json.dumps(changes, ensure_ascii=False),
                    "note": "",
                }
            )
    if rows:
        session.connection().execute(insert(ChangeLog.__table__), rows)


def install(factory: sessionmaker) -> None:
    """Record the changes made through sessions of ``factory``."""
    if not event.contains(factory, "after_flush", _after_flush):
        event.listen(factory, "after_flush", _after_flush)


def record_event(
    session: Session, action: str, note: str, table_name: str = "", row_id: int | None = None
) -> None:
    """Something worth keeping that is not a row change (e.g. an export with personal data)."""
    session.add(
        ChangeLog(
            at=datetime.now().replace(microsecond=0),
            user=_current_user,
            table_name=table_name,
            row_id=row_id,
            action=action,
            changes="",
            note=note,
        )
    )


@dataclass(frozen=True)
class Change:
    at: datetime
    user: str
    table_name: str
    row_id: int | None
    action: str
    changes: dict[str, list[Any]]
    note: str


def _change(row: ChangeLog) -> Change:
    return Change(
        at=row.at,
        user=row.user,
        table_name=row.table_name,
        row_id=row.row_id,
        action=row.action,
        changes=json.loads(row.changes) if row.changes else {},
        note=row.note,
    )


def history_of(session: Session, table_name: str, row_id: int) -> list[Change]:
    """Everything that happened to one record, oldest first."""
    rows = session.scalars(
        select(ChangeLog)
        .where(ChangeLog.table_name == table_name, ChangeLog.row_id == row_id)
        .order_by(ChangeLog.at, ChangeLog.id)
    )
    return [_change(r) for r in rows]


def recent_changes(
    session: Session, *, since: datetime | None = None, until: datetime | None = None, limit: int = 1000
) -> list[Change]:
    """The change history as a list, newest first (for the window and for the 監事)."""
    query = select(ChangeLog).order_by(ChangeLog.at.desc(), ChangeLog.id.desc()).limit(limit)
    if since is not None:
        query = query.where(ChangeLog.at >= since)
    if until is not None:
        query = query.where(ChangeLog.at < until)
    return [_change(r) for r in session.scalars(query)]
