"""Cells of the accounts files (予算書, 出納帳): yen amounts, dates within a fiscal year, the fund column.

Yen are read by ``money.parse_yen`` (1,234 / ¥1,234 / １２３４円 / △500), the one place that parses amounts;
an Excel number cell must be a whole number.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from sqlalchemy.orm import Session

from nagato_desk.errors import Problem
from nagato_desk.importers.member_fields import CellError, parse_date_cell
from nagato_desk.importers.tabular import cell_text
from nagato_desk.money import parse_yen
from nagato_desk.services.funds import ensure_default_fund, list_funds

_MONTH_DAY = re.compile(r"(\d{1,2})\s*[/.月]\s*(\d{1,2})\s*日?")


def yen_cell(value: object) -> int | None:
    """The amount in a cell, or None when it is empty. Raises CellError for text or sen."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(f"金額『{value}』を読み取れません。", f"Cannot read the amount '{value}'.")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(
                f"金額『{value}』は円単位の整数で入力してください。",
                f"'{value}' is not a whole number of yen.",
            )
        return int(value)
    if isinstance(value, int):
        return value
    try:
        return parse_yen(str(value))
    except ValueError as exc:
        raise CellError(str(exc), f"Cannot read the amount '{value}' (whole yen, e.g. 1,234).") from None


def date_cell(value: object, fy: int | None) -> date | None:
    """A full date, or 月日 only (「4/1」「4月1日」) placed in fiscal year ``fy`` (April–March)."""
    if isinstance(value, str | int | float) and fy is not None:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        m = _MONTH_DAY.fullmatch(text)
        if m:
            month, day = int(m[1]), int(m[2])
            try:
                return date(fy if month >= 4 else fy + 1, month, day)
            except ValueError:
                raise CellError(
                    f"日付『{text}』は存在しない日付です。", f"'{text}' is not a real date."
                ) from None
    return parse_date_cell(value)


def pick_fund(session: Session, name: str, problems: list[Problem], row: int | None, column: str | None):
    """The fund named in the 会計 column, or the 一般会計 when the column is absent or empty."""
    if not name:
        return ensure_default_fund(session)
    key = unicodedata.normalize("NFKC", name).replace(" ", "")
    for fund in list_funds(session):
        if unicodedata.normalize("NFKC", fund.name).replace(" ", "") == key:
            return fund
    problems.append(
        Problem(f"会計「{name}」が見つかりません。", f"Unknown fund '{name}'.", row=row, column=column)
    )
    return None


def text_of(values: dict, field: str) -> str:
    return cell_text(values.get(field))
