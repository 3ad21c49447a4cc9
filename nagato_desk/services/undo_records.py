"""元に戻す, the records side: what an action did to each record, how to name it, and the checks
made before anything is undone (see services/undo.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Mapper, Session

from nagato_desk.errors import NagatoError
from nagato_desk.models import Audited, Base, ChangeLog
from nagato_desk.services import history
from nagato_desk.services.history_labels import field_labels, table_label

ROW_ACTIONS = ("insert", "update", "delete")
UNDO_EVENTS = ("undo", "redo")
#: Records that only their own service may change (closing a year is reopened with a reason).
NEVER_UNDONE = {"year_close", "year_close_balance"}
#: Records that are part of a record of a fund's year (a closed year refuses changes to them too);
#: records merely linked to one — an activity's cost line — are not.
YEAR_PARTS = {"budget_line"}


class UndoError(NagatoError):
    """An action that cannot be undone (said why, and which record)."""


@dataclass(frozen=True)
class LoggedChange:
    id: int
    table_name: str
    row_id: int | None
    action: str
    changes: dict[str, list[Any]]
    note: str


def logged(row: ChangeLog) -> LoggedChange:
    return LoggedChange(
        row.id,
        row.table_name,
        row.row_id,
        row.action,
        json.loads(row.changes) if row.changes else {},
        row.note,
    )


def mappers() -> dict[str, Mapper]:
    return {
        m.local_table.name: m
        for m in Base.registry.mappers
        if issubclass(m.class_, Audited) and isinstance(m.local_table, Table)
    }


# --- describing ------------------------------------------------------------------------------------


def _name_from(values: dict[str, Any], session: Session, table: str) -> str:
    for key in ("name", "title", "subject", "description"):
        if values.get(key):
            return str(values[key])
    member_id = values.get("member_id") or values.get("head_member_id")
    if member_id:
        name = session.execute(
            select(Base.metadata.tables["member"].c.name).where(
                Base.metadata.tables["member"].c.id == member_id
            )
        ).scalar()
        if name:
            return str(name)
    return ""


def _recorded_name(session: Session, change: LoggedChange) -> str:
    """The last name the history holds for a record that is gone."""
    if change.row_id is None:
        return ""
    rows = session.scalars(
        select(ChangeLog.changes)
        .where(ChangeLog.table_name == change.table_name, ChangeLog.row_id == change.row_id)
        .order_by(ChangeLog.id.desc())
        .limit(50)
    )
    for text in rows:
        values = json.loads(text) if text else {}
        recorded = {k: (v[1] if v[1] not in (None, "") else v[0]) for k, v in values.items()}
        name = _name_from(recorded, session, change.table_name)
        if name:
            return name
    return ""


def record_text(session: Session, change: LoggedChange) -> str:
    """「会員「長門 太郎」」, 「出納簿（12番）」 — the table in Japanese and which record."""
    label = table_label(change.table_name)
    values = {k: (v[1] if v[1] not in (None, "") else v[0]) for k, v in change.changes.items()}
    current = current_row(session, change.table_name, change.row_id)
    if current is not None:
        values = {**values, **{k: v for k, v in current.items() if v not in (None, "")}}
    name = _name_from(values, session, change.table_name) or _recorded_name(session, change)
    return f"{label}「{name}」" if name else f"{label}（{change.row_id}番）"


def _what(change: LoggedChange) -> str:
    if change.action == "insert":
        return "の登録"
    if change.action == "delete":
        return "の削除"
    keys = list(change.changes)
    if keys == ["deleted_at"]:
        return "のごみ箱からの復元" if change.changes["deleted_at"][1] is None else "の削除（ごみ箱へ）"
    labels = field_labels(change.table_name)
    names = [labels.get(k, k) for k in keys if k != "deleted_at"]
    shown = "・".join(names[:3]) + ("など" if len(names) > 3 else "")
    return f"の{shown}の変更"


def describe_changes(session: Session, changes: tuple[LoggedChange, ...], records: int = 0) -> str:
    """「会員「長門 太郎」の住所の変更」, with 「（ほか2件）」 when ``records`` (all the records the action
    changed) is more than one; ``changes`` may hold only the action's first row change."""
    rows = [c for c in changes if c.action in ROW_ACTIONS]
    if not rows:
        return ""
    main = rows[0]
    count = max(records, len({(c.table_name, c.row_id) for c in rows}))
    extra = f"（ほか{count - 1}件）" if count > 1 else ""
    return f"{record_text(session, main)}{_what(main)}{extra}"


# --- values ----------------------------------------------------------------------------------------


def current_row(session: Session, table_name: str, row_id: int | None) -> dict[str, Any] | None:
    table = Base.metadata.tables.get(table_name)
    if table is None or row_id is None or "id" not in table.c:
        return None
    row = session.execute(select(table).where(table.c.id == row_id)).mappings().first()
    return dict(row) if row is not None else None


def python_value(column: Any, value: Any) -> Any:
    """A recorded (JSON) value as the column's Python value."""
    if value is None:
        return None
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return value
    if kind is datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    if kind is date and isinstance(value, str):
        return date.fromisoformat(value[:10])
    if kind is Decimal:
        return Decimal(str(value))
    if kind is bool:
        return bool(value)
    return value


def _same(current: Any, recorded: Any) -> bool:
    plain = history._plain(current)
    if isinstance(plain, bool) or isinstance(recorded, bool):
        return (
            bool(plain) == bool(recorded) if plain is not None and recorded is not None else plain == recorded
        )
    if plain in (None, "") and recorded in (None, ""):
        return True
    return plain == recorded or str(plain) == str(recorded)


# --- what the action did, per record -----------------------------------------------------------------


@dataclass
class Net:
    """The net effect of an action on one record: before/after values of what it touched."""

    table: str
    row_id: int
    existed: bool  # before the action
    exists: bool  # after it
    before: dict[str, Any]
    after: dict[str, Any]
    first: LoggedChange


def net_effect(changes: tuple[LoggedChange, ...]) -> list[Net]:
    out: dict[tuple[str, int], Net] = {}
    for c in changes:
        if c.action not in ROW_ACTIONS or c.row_id is None:
            continue
        key = (c.table_name, c.row_id)
        net = out.get(key)
        if net is None:
            net = out[key] = Net(c.table_name, c.row_id, c.action != "insert", True, {}, {}, c)
        if c.action == "delete":
            for field_name, (old, _new) in c.changes.items():
                net.before.setdefault(field_name, old)
            net.exists, net.after = False, {}
        elif c.action == "insert":
            net.exists = True
            net.after = {k: v[1] for k, v in c.changes.items()}
        else:
            for field_name, (old, new) in c.changes.items():
                net.before.setdefault(field_name, old)
                net.after[field_name] = new
    return list(out.values())


# --- checks (before anything is written) --------------------------------------------------------------


def _refuse(ja: str, en: str) -> None:
    raise UndoError(ja, en)


def _group_key(session: Session, row: Any) -> int:
    """The first change_log id of the action ``row`` belongs to."""
    return int(
        session.scalar(
            select(func.min(ChangeLog.id)).where(ChangeLog.user == row.user, ChangeLog.at == row.at)
        )
    )


def _cancelled_after(session: Session, last: int) -> set[int]:
    """Actions after change_log id ``last`` that cancel out: a change undone (and its undo), a change
    undone, redone and undone again … — chains of even length leave the records as they were."""
    events = session.execute(
        select(ChangeLog.id, ChangeLog.user, ChangeLog.at, ChangeLog.row_id).where(
            ChangeLog.id > last, ChangeLog.action.in_(UNDO_EVENTS), ChangeLog.table_name == ""
        )
    ).all()
    undoer = {e.row_id: _group_key(session, e) for e in events}  # undone action → the undoing one
    undoers = set(undoer.values())
    out: set[int] = set()
    for root in undoer:
        if root in undoers or root <= last:
            continue  # not the start of a chain, or begun before the action being undone
        chain = [root]
        while chain[-1] in undoer:
            chain.append(undoer[chain[-1]])
        if len(chain) % 2 == 0:
            out.update(chain)
    return out


def check_later(session: Session, group: list[ChangeLog], nets: list[Net]) -> None:
    touched = {(n.table, n.row_id) for n in nets}
    later = session.scalars(
        select(ChangeLog)
        .where(
            ChangeLog.id > max(r.id for r in group),
            ChangeLog.action.in_(ROW_ACTIONS),
            ChangeLog.table_name.in_({t for t, _ in touched}),
            ChangeLog.row_id.in_({i for _, i in touched}),
        )
        .order_by(ChangeLog.id)
    )
    last = max(r.id for r in group)
    cancelled = _cancelled_after(session, last)
    for row in later:
        if (row.table_name, row.row_id) in touched and _group_key(session, row) not in cancelled:
            change = logged(row)
            what = record_text(session, change)
            content = history.content_text(
                history.Change(row.at, row.user, row.table_name, row.row_id, row.action, change.changes, "")
            )
            _refuse(
                f"このあと{row.at:%Y-%m-%d %H:%M}に{row.user}さんが{what}を変更しているため元に戻せません"
                f"（{content}）。新しい操作から順に元に戻してください。",
                f"{what} was changed later ({row.at:%Y-%m-%d %H:%M}, {row.user}); "
                "undo the newer actions first.",
            )


def check_rows(session: Session, by_table: dict[str, Mapper], nets: list[Net]) -> None:
    for net in nets:
        change = net.first
        if net.table not in by_table or len(by_table[net.table].primary_key) != 1:
            _refuse(
                f"{table_label(net.table)}の変更は元に戻せません。",
                f"Changes to {net.table} cannot be undone.",
            )
        current = current_row(session, net.table, net.row_id)
        if net.exists and current is None:
            what = record_text(session, change)
            _refuse(f"{what}はもうないため元に戻せません。", f"{what} no longer exists.")
        if not net.exists and net.existed and current is not None:
            what = record_text(session, change)
            _refuse(
                f"{what}と同じ番号の記録がすでにあるため元に戻せません。",
                f"A record with the number of {what} exists again.",
            )
        if net.exists and net.existed and current is not None:
            labels = field_labels(net.table)
            for field_name, value in net.after.items():
                if field_name in current and not _same(current[field_name], value):
                    what = record_text(session, change)
                    now = history._plain(current[field_name])
                    _refuse(
                        f"{what}の{labels.get(field_name, field_name)}が変わっているため元に戻せません"
                        f"（いまは「{now if now not in (None, '') else '空'}」）。",
                        f"{field_name} of {what} has changed since.",
                    )


def check_references(session: Session, by_table: dict[str, Mapper], nets: list[Net]) -> None:
    """Rows the undo removes must not be referred to by other records; rows it writes must refer to
    records that exist (or that the undo brings back)."""
    removing = {(n.table, n.row_id) for n in nets if n.exists and not n.existed}
    restoring = {(n.table, n.row_id) for n in nets if n.existed and not n.exists}
    by_parent: dict[str, list[int]] = {}
    for table_name, row_id in removing:
        by_parent.setdefault(table_name, []).append(row_id)
    for table_name, ids in by_parent.items():
        table = Base.metadata.tables[table_name]
        for child_name in by_table:
            child = Base.metadata.tables[child_name]
            for fk in child.foreign_keys:
                if fk.column.table is not table or "id" not in child.c:
                    continue
                for start in range(0, len(ids), 500):
                    chunk = ids[start : start + 500]
                    query = select(child.c.id, fk.parent).where(fk.parent.in_(chunk))
                    for child_id, row_id in session.execute(query):
                        if (child_name, child_id) in removing:
                            continue
                        parent = record_text(session, LoggedChange(0, table_name, row_id, "insert", {}, ""))
                        user = record_text(session, LoggedChange(0, child_name, child_id, "insert", {}, ""))
                        _refuse(
                            f"{user}が{parent}を使っているため元に戻せません。先にそちらを削除してください。",
                            f"{user} refers to {parent}; remove it first.",
                        )
    for net in nets:
        if not net.existed:
            continue
        table = Base.metadata.tables[net.table]
        for field_name, value in net.before.items():
            if value is None or field_name not in table.c:
                continue
            for fk in table.c[field_name].foreign_keys:
                parent = fk.column.table
                if (parent.name, value) in restoring:
                    continue
                found = session.execute(select(fk.column).where(fk.column == value)).first()
                if found is None:
                    what = record_text(session, net.first)
                    label = field_labels(net.table).get(field_name, field_name)
                    _refuse(
                        f"{what}の{label}（{table_label(parent.name)}）がもうないため元に戻せません。",
                        f"The {field_name} of {what} no longer exists.",
                    )


def _fund_years(session: Session, net: Net) -> set[tuple[int, int]]:
    table = Base.metadata.tables[net.table]
    current = current_row(session, net.table, net.row_id) or {}
    versions = [net.before, net.after, current]
    out: set[tuple[int, int]] = set()

    def merged(v: dict[str, Any]) -> dict[str, Any]:
        return {**current, **v} if v is not current else v

    for values in map(merged, versions):
        if "fund_id" in table.c and "fiscal_year" in table.c:
            if values.get("fund_id") is not None and values.get("fiscal_year") is not None:
                out.add((int(values["fund_id"]), int(values["fiscal_year"])))
        for fk in table.foreign_keys:
            parent = fk.column.table
            ref = values.get(fk.parent.name)
            if net.table not in YEAR_PARTS or (fk.ondelete or "").upper() != "CASCADE" or ref is None:
                continue
            if "fund_id" in parent.c and "fiscal_year" in parent.c:
                row = session.execute(
                    select(parent.c.fund_id, parent.c.fiscal_year).where(fk.column == ref)
                ).first()
                if row is not None:
                    out.add((row[0], row[1]))
    if net.table == "money_account" and "opening_balance" in {**net.before, **net.after}:
        fund_table = Base.metadata.tables["fund"]
        fund_id = {**current, **net.before}.get("fund_id")
        first = session.execute(
            select(fund_table.c.first_fiscal_year).where(fund_table.c.id == fund_id)
        ).scalar()
        if first is not None:
            out.add((int(fund_id), int(first)))
    return out


def check_years(session: Session, nets: list[Net]) -> None:
    from nagato_desk.services.year_close import ensure_year_open

    for net in nets:
        for fund_id, fy in sorted(_fund_years(session, net)):
            ensure_year_open(session, fund_id, fy)
