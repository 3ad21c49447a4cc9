"""匿名化: a member who has left is reduced to what the statistics need, and the rest is really gone.

What stays: the row itself (so meetings, terms and counts still add up), the 自治会, gender, birth
year, status and the dates of joining and leaving. What goes: name, reading, birth date, address,
phone numbers, e-mail, notes, the household and 班, the texts of their 異動 and 同意 records — and
the old values of all of these in the change history (変更履歴), where the rows keep who changed
what field when, but not the values.

It runs with ``PRAGMA secure_delete=ON``, so SQLite overwrites the old values with zeros instead of
leaving them in free space, and ends with a checkpoint that empties the write-ahead log. Backups made
before still hold the old values until the rotation deletes them (the result says so).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from nagato_desk.errors import NagatoError

ANONYMOUS_NAME = "（匿名化済み）"
REDACTED = "＊"
#: Member columns cleared (to these values); the others stay.
CLEARED: dict[str, Any] = {
    "name": None,  # set to ANONYMOUS_NAME + id below
    "reading": "",
    "reading_key": "",
    "search_text": "",
    "birth_date": None,
    "postal_code": "",
    "address": "",
    "phone": "",
    "mobile": "",
    "email": "",
    "notes": "",
    "household_id": None,
    "block_id": None,
}
#: Values searched for (and replaced) anywhere in the change history: they identify this person only.
_IDENTIFYING = ("name", "reading", "email", "mobile")


@dataclass
class AnonymiseResult:
    member_id: int
    label: str  # what the member is called now
    history_rows: int  # change-history rows scrubbed
    note_ja: str = (
        "バックアップには匿名化の前のデータが残っています。古いバックアップはローテーションで削除されます。"
    )


def _redact(changes: str) -> str:
    """{field: [old, new]} with every value replaced: which fields changed stays, their values do not."""
    try:
        data = json.loads(changes) if changes else {}
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    return json.dumps(
        {
            k: [None if v is None else REDACTED for v in (pair if isinstance(pair, list) else [pair])]
            for k, pair in data.items()
        },
        ensure_ascii=False,
    )


def _scrub_history(conn: Connection, rows: list[tuple[str, int]]) -> int:
    count = 0
    for table, row_id in rows:
        found = conn.execute(
            text("SELECT id, changes FROM change_log WHERE table_name = :t AND row_id = :r"),
            {"t": table, "r": row_id},
        ).all()
        for log_id, changes in found:
            conn.execute(
                text("UPDATE change_log SET changes = :c, note = '' WHERE id = :id"),
                {"c": _redact(changes or ""), "id": log_id},
            )
            count += 1
    return count


def anonymise_member(db, member_id: int) -> AnonymiseResult:  # type: ignore[no-untyped-def]
    """Anonymise member ``member_id`` of the open database ``db`` (one transaction, then a checkpoint).

    Refuses a member who is still active (在籍): only someone who has left (退会・転出・死亡) is
    anonymised. Recorded in the change history as an 「匿名化」 event without the old values.
    """
    from nagato_desk.services.history import record_event

    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA secure_delete=ON")  # before BEGIN: for every page this transaction frees
        try:
            with conn.begin():
                member = (
                    conn.execute(
                        text(
                            f"SELECT status, anonymised, {', '.join(_IDENTIFYING)} FROM member WHERE id = :id"
                        ),
                        {"id": member_id},
                    )
                    .mappings()
                    .first()
                )
                if member is None:
                    raise NagatoError(
                        f"会員（番号 {member_id}）が見つかりません。", f"Member {member_id} not found."
                    )
                if member["status"] == "active":
                    raise NagatoError(
                        "在籍中の会員は匿名化できません。先に退会・転出・死亡の手続きをしてください。",
                        "An active member cannot be anonymised. Record that they left first.",
                    )
                label = f"{ANONYMOUS_NAME}{member_id}"
                values = {k: v for k, v in CLEARED.items()}
                values["name"] = label
                sets = ", ".join(f"{k} = :{k}" for k in values)
                conn.execute(
                    text(f"UPDATE member SET {sets}, anonymised = 1 WHERE id = :id"),
                    {**values, "id": member_id},
                )
                conn.execute(
                    text("UPDATE household SET head_member_id = NULL WHERE head_member_id = :id"),
                    {"id": member_id},
                )
                events = [
                    r[0]
                    for r in conn.execute(
                        text("SELECT id FROM member_event WHERE member_id = :id"), {"id": member_id}
                    )
                ]
                consents = [
                    r[0]
                    for r in conn.execute(
                        text("SELECT id FROM consent WHERE member_id = :id"), {"id": member_id}
                    )
                ]
                conn.execute(
                    text(
                        "UPDATE member_event SET from_text = '', to_text = '', note = '' WHERE member_id = :id"
                    ),
                    {"id": member_id},
                )
                conn.execute(text("UPDATE consent SET note = '' WHERE member_id = :id"), {"id": member_id})
                scrubbed = _scrub_history(
                    conn,
                    [("member", member_id)]
                    + [("member_event", i) for i in events]
                    + [("consent", i) for i in consents],
                )
                # The name (and other values that identify only this person) wherever else the history has it.
                for field in _IDENTIFYING:
                    old = member[field]
                    if isinstance(old, str) and len(old.strip()) >= 2:
                        result = conn.execute(
                            text(
                                "UPDATE change_log SET changes = replace(changes, :old, :new), "
                                "note = replace(note, :old, :new) WHERE instr(changes, :old) > 0 OR instr(note, :old) > 0"
                            ),
                            {"old": old, "new": label},
                        )
                        scrubbed += result.rowcount or 0
                with db.Session(bind=conn) as session:
                    record_event(session, "anonymise", "会員を匿名化しました", "member", member_id)
                    session.flush()
        finally:
            raw.execute("PRAGMA secure_delete=OFF")
        # Copy the new pages into the file and empty the write-ahead log, which still holds the old ones.
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return AnonymiseResult(member_id, label, scrubbed)
