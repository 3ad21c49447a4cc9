"""The council's own editable lists (自治会, 班, 部会, 役職): their names and their order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Ordered(Protocol):
    id: int
    sort_order: int


def move_in_order(rows: Sequence[Ordered], row_id: int, delta: int) -> None:
    """Move the row with ``row_id`` by ``delta`` places (-1 up, +1 down; clamped at the ends) and
    number every row 1, 2, 3 … in the new order. The caller flushes."""
    ordered = list(rows)
    index = next(i for i, r in enumerate(ordered) if r.id == row_id)
    target = max(0, min(len(ordered) - 1, index + delta))
    ordered.insert(target, ordered.pop(index))
    for order, row in enumerate(ordered, start=1):
        row.sort_order = order


def required_name(text: str | None, what_ja: str, what_en: str, max_len: int) -> str:
    """A list item's name, trimmed; refused when empty or longer than ``max_len`` (field ``name``)."""
    from nagato_desk.errors import problem
    from nagato_desk.services.council import clean_text

    name = clean_text(text)
    if not name:
        raise problem(f"{what_ja}を入力してください。", f"Enter the {what_en}.", field="name")
    if len(name) > max_len:
        raise problem(
            f"{what_ja}は{max_len}文字以内にしてください。",
            f"The {what_en} is longer than {max_len} characters.",
            field="name",
        )
    return name
