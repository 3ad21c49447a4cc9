"""Picking a head and reading a date in the 出納簿's entry row: the heads an entry may go to, which
of them typed text means (name or reading, katakana or hiragana), and short dates such as 4/1 read
inside the fiscal year shown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from nagato_desk.dates import parse_date
from nagato_desk.reading import fold

#: Typed in the head field, these make the entry a transfer between money accounts.
TRANSFER_WORDS = {"振替", "ふりかえ", "こうざふりかえ", "口座振替"}
_SHORT_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?\s*$")


@dataclass(frozen=True)
class HeadChoice:
    id: int
    side: str
    name: str
    reading: str
    path: str

    def display(self) -> str:
        return f"{self.path}（{self.reading}）" if self.reading else self.path


def entry_heads(rows) -> list[HeadChoice]:  # type: ignore[no-untyped-def]
    """The heads an entry can go to: the lowest level of the tree, without 前年度繰越金 (computed)."""
    parents = {r.parent_id for r in rows if r.parent_id is not None}
    return [
        HeadChoice(r.id, r.side, r.name, r.reading or "", r.path or r.name)
        for r in rows
        if r.id not in parents and r.role != "carry_over" and r.retired_from is None
    ]


def match_heads(text: str, choices: list[HeadChoice], side: str | None = None) -> list[HeadChoice]:
    """The heads ``text`` may mean: an exact name, else a name or reading starting with it, else
    containing it; heads of ``side`` are preferred when several match."""
    key = fold(text)
    if not key:
        return []
    found: list[HeadChoice] = []
    for test in (
        lambda c: key in (fold(c.name), fold(c.path), fold(c.display()), fold(c.reading)),
        lambda c: fold(c.name).startswith(key) or fold(c.reading).startswith(key),
        lambda c: key in fold(c.path) or key in fold(c.reading),
    ):
        found = [c for c in choices if test(c)]
        if found:
            break
    if len(found) > 1 and side in ("in", "out"):
        same = [c for c in found if c.side == side]
        found = same or found
    return found


def parse_entry_date(text: str, fiscal_year: int) -> date:
    """R8.4.1, 2026/4/1, 令和8年4月1日 — or just 4/1, read inside ``fiscal_year`` (April–March)."""
    short = _SHORT_DATE.match(text)
    if short:
        month, day = int(short[1]), int(short[2])
        try:
            return date(fiscal_year if month >= 4 else fiscal_year + 1, month, day)
        except ValueError as exc:
            raise ValueError(f"日付「{text.strip()}」はありません。") from exc
    return parse_date(text)
