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
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Connection, Table, and_, event, insert, inspect, select
from sqlalchemy.orm import InstanceState, Mapper, Session, UOWTransaction, object_session, sessionmaker

from nagato_desk.models import Audited, Base, ChangeLog
from nagato_desk.services.history_labels import field_labels, table_label, value_labels


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


def _mapper_columns(mapper: Mapper) -> list[tuple[str, Column]]:
    excluded = set(getattr(mapper.class_, "__audit_exclude__", ()))
    return [(c.key, c.columns[0]) for c in mapper.column_attrs if c.key not in excluded]


# Kept in ``session.info`` from before a flush to after it.
_OLD = "nagato_desk.history.old"  # {InstanceState: {key: value in the database before the flush}}
_CASCADED = "nagato_desk.history.cascaded"  # rows changed by ON DELETE CASCADE / SET NULL


def _old_known(state: InstanceState, key: str) -> bool:
    """Whether the session knows the value ``key`` had before this flush (not expired or unloaded)."""
    hist = state.attrs[key].history
    return bool(hist.deleted or hist.unchanged)


def _old_value(state: InstanceState, key: str, fetched: dict[str, Any]) -> Any:
    if key in fetched:
        return fetched[key]
    hist = state.attrs[key].history
    if hist.deleted:
        return hist.deleted[0]
    if hist.unchanged:
        return hist.unchanged[0]
    return None


def _where_pk(mapper: Mapper, identity: tuple[Any, ...]) -> Any:
    return and_(*(col == value for col, value in zip(mapper.primary_key, identity, strict=True)))


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    """Read the old values the session no longer has (expired, or changed before being loaded).

    The database still holds them now; after the flush it holds the new ones (or no row at all).
    """
    fetched: dict[InstanceState, dict[str, Any]] = {}
    session.info[_OLD] = fetched
    session.info[_CASCADED] = []
    for obj in [*session.dirty, *session.deleted]:
        if not isinstance(obj, Audited):
            continue
        state = inspect(obj)
        if state.key is None:
            continue
        columns = [(k, c) for k, c in _mapper_columns(state.mapper) if not _old_known(state, k)]
        if not columns:
            continue
        row = (
            session.connection()
            .execute(select(*(c for _, c in columns)).where(_where_pk(state.mapper, state.key[1])))
            .first()
        )
        if row is not None:
            fetched[state] = {k: v for (k, _), v in zip(columns, row, strict=True)}


def _audited_mappers() -> dict[Table, Mapper]:
    return {
        m.local_table: m
        for m in Base.registry.mappers
        if issubclass(m.class_, Audited) and isinstance(m.local_table, Table)
    }


def _before_delete(mapper: Mapper, connection: Connection, target: object) -> None:
    """Note the rows the database itself will change when this row goes (ON DELETE CASCADE/SET NULL).

    The session does not see those changes, so without this they would be missing from the history
    (e.g. the members of a removed 自治会 lose their 自治会). Rows the session changes itself (a
    relationship's cascade, or a service setting the reference to None first) no longer refer to the
    row by now and are recorded as usual.
    """
    session = object_session(target)
    if session is None or _CASCADED not in session.info or not isinstance(target, Audited):
        return
    state = inspect(target)
    if state.key is None:
        return
    _cascade(connection, mapper.local_table, mapper, state.key[1], session.info[_CASCADED], set())


def _cascade(
    connection: Connection,
    table: Table,
    mapper: Mapper,
    identity: tuple[Any, ...],
    out: list[tuple[str, str, int, dict[str, list[Any]]]],
    seen: set[tuple[str, tuple[Any, ...]]],
) -> None:
    pk = dict(zip(mapper.primary_key, identity, strict=True))
    for child_table, child in _audited_mappers().items():
        for fk in child_table.foreign_keys:
            rule = (fk.ondelete or "").upper()
            if fk.column.table is not table or rule not in ("CASCADE", "SET NULL") or fk.column not in pk:
                continue
            columns = _mapper_columns(child)
            keys = [k for k, _ in columns]
            child_pk = list(child.primary_key)
            rows = connection.execute(
                select(*child_pk, *(c for _, c in columns)).where(fk.parent == pk[fk.column])
            ).all()
            for row in rows:
                child_identity = tuple(row[: len(child_pk)])
                if (child_table.name, child_identity) in seen:
                    continue
                values = dict(zip(keys, row[len(child_pk) :], strict=True))
                if rule == "SET NULL":
                    key = child.get_property_by_column(fk.parent).key
                    if key in values:
                        out.append(
                            (
                                "update",
                                child_table.name,
                                child_identity[0],
                                {key: [_plain(values[key]), None]},
                            )
                        )
                    continue
                seen.add((child_table.name, child_identity))
                old = {k: [_plain(v), None] for k, v in values.items() if v not in (None, "")}
                out.append(("delete", child_table.name, child_identity[0], old))
                _cascade(connection, child_table, child, child_identity, out, seen)


def _changes(state: InstanceState, kind: str, fetched: dict[str, Any]) -> dict[str, list[Any]]:
    obj = state.obj()
    out: dict[str, list[Any]] = {}
    for key in _columns(obj):
        if kind == "insert":
            value = getattr(obj, key)
            if value not in (None, ""):
                out[key] = [None, _plain(value)]
        elif kind == "delete":
            # The row is gone: never load from the database here, use what was known before the flush.
            value = _old_value(state, key, fetched)
            if value not in (None, ""):
                out[key] = [_plain(value), None]
        else:
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            old = _old_value(state, key, fetched)
            new = hist.added[0] if hist.added else None
            if old != new:
                out[key] = [_plain(old), _plain(new)]
    return out


_STAMP = "nagato_desk.history.stamp"  # (root transaction, its time): one stamp per transaction
_last_stamp = datetime.min


def transaction_stamp(session: Session) -> datetime:
    """The time written on every change of the session's current transaction.

    It keeps microseconds and is unique within the program (one writer), so ``(user, at)`` groups
    the changes of one user action (one commit) — what 元に戻す undoes together.
    """
    global _last_stamp
    root = session.get_transaction()
    if root is None:
        session.connection()  # begins the transaction the stamp belongs to
        root = session.get_transaction()
    held = session.info.get(_STAMP)
    if held is not None and held[0] is root:
        return held[1]
    stamp = max(datetime.now(), _last_stamp + timedelta(microseconds=1))
    _last_stamp = stamp
    session.info[_STAMP] = (root, stamp)
    return stamp


def _after_flush(session: Session, context: UOWTransaction) -> None:
    now = transaction_stamp(session)
    user = _current_user
    fetched = session.info.pop(_OLD, {})
    cascaded = session.info.pop(_CASCADED, [])
    rows = []

    def add(kind: str, table_name: str, row_id: int | None, changes: dict[str, list[Any]]) -> None:
        rows.append(
            {
                "at": now,
                "user": user,
                "table_name": table_name,
                "row_id": row_id,
                "action": kind,
                "changes": json.dumps(changes, ensure_ascii=False),
                "note": "",
            }
        )

    # What this flush wrote, not everything pending in the session (``flush(objects)`` writes a part).
    for state, (is_delete, list_only) in list(context.states.items()):
        obj = state.obj()
        if obj is None or not isinstance(obj, Audited):
            continue
        if is_delete:
            kind = "delete"
        elif list_only:
            continue  # only looked at to order the others
        elif state.key is None:
            kind = "insert"  # the identity is given to new rows only after this hook
        else:
            kind = "update"
        changes = _changes(state, kind, fetched.get(state, {}))
        if kind == "update" and not changes:
            continue
        identity = state.key[1] if state.key is not None else state.mapper.primary_key_from_instance(obj)
        row_id = identity[0]
        add(kind, obj.__tablename__, row_id, changes)  # type: ignore[attr-defined]
    for kind, table_name, row_id, changes in cascaded:
        add(kind, table_name, row_id, changes)
    if rows:
        session.connection().execute(insert(ChangeLog.__table__), rows)


def install(factory: sessionmaker) -> None:
    """Record the changes made through sessions of ``factory``."""
    if not event.contains(factory, "before_flush", _before_flush):
        event.listen(factory, "before_flush", _before_flush)
    if not event.contains(factory, "after_flush", _after_flush):
        event.listen(factory, "after_flush", _after_flush)
    # Mapper events are global; the hook acts only in sessions that ran ``_before_flush`` above.
    if not event.contains(Mapper, "before_delete", _before_delete):
        event.listen(Mapper, "before_delete", _before_delete)


def record_event(
    session: Session, action: str, note: str, table_name: str = "", row_id: int | None = None
) -> None:
    """Something worth keeping that is not a row change (e.g. an export with personal data)."""
    session.add(
        ChangeLog(
            at=transaction_stamp(session),
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


ACTION_LABELS = {"insert": "登録", "update": "変更", "delete": "削除"}


def describe(change: Change) -> str:
    """「変更：住所（山口県… → 山口県…）」 — one line a secretariat can read."""
    action = ACTION_LABELS.get(change.action, change.action)
    labels = field_labels(change.table_name)
    if change.action == "update":
        parts = []
        for field_name, (old, new) in change.changes.items():
            label = labels.get(field_name, field_name)
            if field_name == "deleted_at":
                parts.append("ごみ箱から戻す" if new is None else "ごみ箱へ")
            else:
                values = value_labels(change.table_name, field_name)
                before, after = (values.get(v, v) if v not in (None, "") else "空" for v in (old, new))
                parts.append(f"{label}（{before} → {after}）")
        return f"{action}：" + "、".join(parts)
    fields = [k for k in change.changes if k != "id"]  # the id is the record itself
    if fields:
        return f"{action}：" + "、".join(labels.get(k, k) for k in fields)
    return f"{action}：{change.note}" if change.note else action


EVENT_LABELS = {"export": "書き出し", "undo": "元に戻す", "redo": "やり直し"}


@dataclass(frozen=True)
class ChangeRow:
    """One line of the change history as shown to people: 日時, 操作者, 対象, 内容."""

    at: datetime
    user: str
    target: str
    content: str
    change: Change


def _names(session: Session, changes: list[Change]) -> dict[tuple[str, int], str]:
    """The current name of the records in ``changes`` whose table has a ``name`` column (one query
    per table); a removed record keeps the name its deletion recorded."""
    wanted: dict[str, set[int]] = {}
    for c in changes:
        if c.row_id is not None and c.table_name:
            wanted.setdefault(c.table_name, set()).add(c.row_id)
    out: dict[tuple[str, int], str] = {}
    for table in _audited_mappers():
        ids = wanted.get(table.name)
        if not ids or "name" not in table.c or "id" not in table.c:
            continue
        for row_id, name in session.execute(select(table.c.id, table.c.name).where(table.c.id.in_(ids))):
            out[(table.name, row_id)] = name
    return out


def target_text(change: Change, names: dict[tuple[str, int], str] | None = None) -> str:
    """「会員：長門 太郎」, 「班：12番」 — the table in Japanese and which record."""
    if not change.table_name:
        return EVENT_LABELS.get(change.action, change.action)
    label = table_label(change.table_name)
    if change.row_id is None:
        return label
    name = (names or {}).get((change.table_name, change.row_id))
    if not name:
        recorded = change.changes.get("name")
        if recorded:
            name = recorded[1] or recorded[0]
    return f"{label}：{name}（{change.row_id}番）" if name else f"{label}：{change.row_id}番"


def content_text(change: Change) -> str:
    """describe(), with events (書き出し …) written as their note."""
    if change.action in ACTION_LABELS:
        return describe(change)
    label = EVENT_LABELS.get(change.action, change.action)
    return f"{label}：{change.note}" if change.note else label


def changes_as_rows(
    session: Session, *, since: datetime | None = None, until: datetime | None = None, limit: int = 5000
) -> list[ChangeRow]:
    """The change history between ``since`` and ``until`` (exclusive), newest first, as readable rows."""
    changes = recent_changes(session, since=since, until=until, limit=limit)
    names = _names(session, changes)
    return [ChangeRow(c.at, c.user, target_text(c, names), content_text(c), c) for c in changes]
