"""元に戻す: undo a recent user action from the change history (変更履歴), on top of the trash.

One user action is one transaction; every change it wrote to ``change_log`` carries the same
``(user, at)`` (``history.transaction_stamp``: unique, with microseconds). Undoing an action writes the
reverse changes — old values back, inserted rows removed, removed rows (with the children the database
removed with them) inserted again with their recorded values and ids — in the caller's transaction,
together with an ``undo`` event naming the action undone. The undo is itself an action and can be
undone (``redo``). An action is refused, before anything is written, when a later change touched the
same records, when a record it touched is gone, when it touches a closed fiscal year, or when it
contains something that cannot be reversed (a year-end close, an export).

Call inside ``db.session()``: a refusal raises ``UndoError`` and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, Text, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nagato_desk.models import AgendaItem, Base, ChangeLog, Member
from nagato_desk.reading import fold
from nagato_desk.services import history
from nagato_desk.services.member_rules import reading_key_of, search_text_of
from nagato_desk.services.undo_records import (
    NEVER_UNDONE,
    ROW_ACTIONS,
    UNDO_EVENTS,
    LoggedChange,
    Net,
    UndoError,
    check_later,
    check_references,
    check_rows,
    check_years,
    describe_changes,
    logged,
    mappers,
    net_effect,
    python_value,
)

__all__ = ["UndoError", "UndoableAction", "last_action", "recent_actions", "undo", "undo_last"]

SCAN = 3000  # change_log rows looked at for the list of recent actions


@dataclass(frozen=True)
class UndoableAction:
    """One user action as the 編集 menu shows it: 「会員「長門 太郎」の住所の変更」."""

    key: int  # id of the action's first change_log row
    at: datetime
    user: str
    description: str
    kind: str  # "change", "undo" (it undid something) or "redo" (it undid an undo)
    records: int  # how many records it changed


# --- reading the history ---------------------------------------------------------------------------

_LIGHT = (
    ChangeLog.id,
    ChangeLog.user,
    ChangeLog.at,
    ChangeLog.action,
    ChangeLog.table_name,
    ChangeLog.row_id,
)


def _groups(rows: list[Any]) -> list[list[Any]]:
    """Consecutive rows of one (user, at), newest group first; rows come newest first."""
    out: list[list[Any]] = []
    for row in rows:
        if out and (out[-1][0].user, out[-1][0].at) == (row.user, row.at):
            out[-1].append(row)
        else:
            out.append([row])
    return [sorted(g, key=lambda r: r.id) for g in out]


def _undoable(rows: list[Any]) -> bool:
    actions = {r.action for r in rows}
    return (
        bool(actions & set(ROW_ACTIONS))
        and actions <= set(ROW_ACTIONS) | set(UNDO_EVENTS)
        and not any(r.table_name in NEVER_UNDONE for r in rows)
    )


def _principal(rows: list[Any]) -> Any:
    """The record an action is named after: the first one whose table refers to none of the other
    tables it changed (the 部会, not its members; the person, not their 異動)."""
    changed = [r for r in rows if r.action in ROW_ACTIONS]
    tables = {r.table_name for r in changed}
    for row in changed:
        table = Base.metadata.tables.get(row.table_name)
        parents = {fk.column.table.name for fk in table.foreign_keys} if table is not None else set()
        if not (parents - {row.table_name}) & tables:
            return row
    return changed[0]


def _action(session: Session, rows: list[Any], changes: tuple[LoggedChange, ...] = ()) -> UndoableAction:
    """The action of a group of rows (the light columns are enough; what is shown is read here)."""
    records = len({(r.table_name, r.row_id) for r in rows if r.action in ROW_ACTIONS})
    event = next((r for r in rows if r.action in UNDO_EVENTS), None)
    if event is None:
        main = _principal(rows)
        known = {c.id: c for c in changes}
        change = known.get(main.id) or logged(session.get(ChangeLog, main.id))
        kind, description = "change", describe_changes(session, (change,), records)
    else:
        note = session.scalar(select(ChangeLog.note).where(ChangeLog.id == event.id)) or ""
        kind, description = ("undo", f"{note}の取り消し") if event.action == "undo" else ("redo", note)
    return UndoableAction(rows[0].id, rows[0].at, rows[0].user, description, kind, records)


def recent_actions(session: Session, limit: int = 30) -> list[UndoableAction]:
    """The last ``limit`` actions that can be undone, newest first (undone ones are left out).

    The history is read from its end in growing pages (up to ``SCAN`` rows), so the menu asking for
    the newest action reads a few hundred rows, not the whole history."""
    rows: list[Any] = []
    size = 200
    while True:
        query = select(*_LIGHT).order_by(ChangeLog.id.desc()).limit(size)
        if rows:
            query = query.where(ChangeLog.id < rows[-1].id)
        batch = session.execute(query).all()
        rows += batch
        exhausted = len(batch) < size
        # an undo is always newer than what it undid, so the rows read know every undone action
        undone = {r.row_id for r in rows if r.action in UNDO_EVENTS and not r.table_name}
        groups = _groups(rows)
        if not exhausted:
            groups = groups[:-1]  # the oldest group may go on beyond what was read
        found = [g for g in groups if g[0].id not in undone and _undoable(g)][:limit]
        if len(found) >= limit or exhausted or len(rows) >= SCAN:
            return [_action(session, g) for g in found]
        size = min(size * 4, SCAN - len(rows))


def last_action(session: Session) -> UndoableAction | None:
    """What 元に戻す (Ctrl+Z) would undo now."""
    actions = recent_actions(session, limit=1)
    return actions[0] if actions else None


def _group_of(session: Session, key: int) -> list[ChangeLog]:
    first = session.get(ChangeLog, key)
    if first is None:
        raise UndoError("その操作は変更履歴にありません。", "That action is not in the change history.")
    return list(
        session.scalars(
            select(ChangeLog)
            .where(ChangeLog.user == first.user, ChangeLog.at == first.at)
            .order_by(ChangeLog.id)
        )
    )


# --- undoing -------------------------------------------------------------------------------------


def _derive(obj: object) -> None:
    """Columns kept out of the history because they follow from others (search keys)."""
    if isinstance(obj, Member):
        obj.reading_key = reading_key_of(obj.reading)
        obj.search_text = (
            search_text_of(obj.name, obj.reading, obj.phone, obj.mobile) if not obj.anonymised else ""
        )
    elif isinstance(obj, AgendaItem):
        obj.search_text = fold(" ".join((obj.title or "", obj.proposal or "", obj.discussion or "")))


def _columns(mapper) -> dict:  # type: ignore[no-untyped-def]
    excluded = set(getattr(mapper.class_, "__audit_exclude__", ()))
    return {p.key: p.columns[0] for p in mapper.column_attrs if p.key not in excluded}


def _restore(session: Session, mapper, values: dict) -> None:  # type: ignore[no-untyped-def]
    """Insert a removed row again with its recorded values (a value not recorded was empty)."""
    obj = mapper.class_()
    for key, column in _columns(mapper).items():
        if key in values:
            setattr(obj, key, python_value(column, values[key]))
        elif isinstance(column.type, String | Text):
            setattr(obj, key, None if column.nullable and column.default is None else "")
        elif column.nullable:
            setattr(obj, key, None)
    _derive(obj)
    session.add(obj)


def _by_table(nets: list[Net], order: dict[str, int]) -> list[list[Net]]:
    """Parents' tables first, each table's rows by id; a table referring to itself gets a batch per
    row (so a parent row is always written before its children)."""
    batches: list[list[Net]] = []
    for net in sorted(nets, key=lambda n: (order[n.table], n.row_id)):
        table = Base.metadata.tables[net.table]
        self_ref = any(fk.column.table is table for fk in table.foreign_keys)
        if batches and batches[-1][0].table == net.table and not self_ref:
            batches[-1].append(net)
        else:
            batches.append([net])
    return batches


def undo(session: Session, key: int) -> UndoableAction:
    """Undo the action whose first change_log row is ``key`` (see ``recent_actions``); returns it.

    Everything is written in the caller's transaction; a refusal raises ``UndoError`` before any write.
    """
    group = _group_of(session, key)
    if not _undoable(group):
        raise UndoError(
            "この操作は元に戻せません（年度の締め・書き出しなどは元に戻す対象ではありません）。",
            "This action cannot be undone.",
        )
    done = session.scalar(
        select(ChangeLog.id).where(
            ChangeLog.action.in_(UNDO_EVENTS), ChangeLog.table_name == "", ChangeLog.row_id == group[0].id
        )
    )
    if done is not None:
        raise UndoError("この操作はすでに元に戻してあります。", "This action has already been undone.")
    changes = tuple(logged(r) for r in group)
    action = _action(session, group, changes)
    nets = net_effect(changes)
    by_table = mappers()
    check_later(session, group, nets)
    check_rows(session, by_table, nets)
    check_references(session, by_table, nets)
    check_years(session, nets)

    event = next((c for c in changes if c.action in UNDO_EVENTS), None)
    session.add(
        ChangeLog(
            at=history.transaction_stamp(session),
            user=history.current_user(),
            table_name="",
            row_id=group[0].id,
            action="redo" if action.kind == "undo" else "undo",
            changes="",
            note=event.note if event is not None else action.description,
        )
    )
    order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
    try:
        back = [n for n in nets if n.existed and not n.exists]
        for batch in _by_table(back, order):
            for net in batch:
                _restore(session, by_table[net.table], net.before)
            session.flush()
        for net in (n for n in nets if n.existed and n.exists):
            mapper = by_table[net.table]
            obj = session.get(mapper.class_, net.row_id)
            columns = _columns(mapper)
            for field_name, old in net.before.items():
                if field_name in columns:
                    setattr(obj, field_name, python_value(columns[field_name], old))
            _derive(obj)
        session.flush()
        gone = [n for n in nets if n.exists and not n.existed]
        for batch in reversed(_by_table(gone, order)):
            for net in reversed(batch):
                obj = session.get(by_table[net.table].class_, net.row_id)
                if obj is not None:  # not already removed with its parent
                    session.delete(obj)
            session.flush()
    except IntegrityError as exc:
        raise UndoError(
            "元に戻すと、名前・番号の重なりや記録どうしのつながりが合わなくなるため元に戻せません。",
            "Undoing this would break a unique name or number, or a link between records.",
        ) from exc
    return action


def undo_last(session: Session) -> UndoableAction | None:
    """元に戻す (Ctrl+Z): undo the newest action that can be undone; None when there is none."""
    action = last_action(session)
    return undo(session, action.key) if action is not None else None
