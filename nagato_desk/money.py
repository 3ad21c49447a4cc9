"""Whole-yen amounts and percentages for council budgets and settlements.

Money is always an ``int`` number of yen: councils never deal in sen, and floats would let
rounding errors creep into totals that must match a bank book to the yen. Negative amounts
are written with △ (the convention in Japanese public accounts) unless told otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "YEN_XLSX_FORMAT",
    "YEN_XLSX_FORMAT_UNIT",
    "format_rate",
    "format_yen",
    "parse_yen",
    "rate",
]

# Excel number formats that show negatives with △ the way the printed reports do.
YEN_XLSX_FORMAT = '#,##0;"△"#,##0'
YEN_XLSX_FORMAT_UNIT = '#,##0"円";"△"#,##0"円"'

# Placeholder for a rate that cannot be computed (nothing budgeted, or a figure missing).
NO_RATE = "—"

# Minus signs a user may type or paste: ASCII hyphen-minus, U+2212 MINUS SIGN, and the
# triangles used in Japanese accounts. Full-width － becomes ASCII "-" under NFKC.
_MINUS_SIGNS = "-−△▲"

_AMOUNT = re.compile(
    r"(?P<s1>[-−△▲+])?\s*¥?\s*(?P<s2>[-−△▲+])?\s*"
    r"(?P<int>\d(?:[\d,]*\d)?)(?:\.(?P<frac>\d+))?\s*円?"
)


def _check_int(value: object, what: str) -> None:
    # bool is an int subclass; True yen is always a bug.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, got {type(value).__name__}")


def format_yen(amount: int, *, negative_mark: str = "△", unit: str = "") -> str:
    """Write a yen amount with thousands separators: ``1234567`` → ``"1,234,567"``.

    Negative amounts get ``negative_mark`` in front (``-500`` → ``"△500"``); ``unit`` is
    appended after the number (``unit="円"`` → ``"△500円"``). Only ``int`` is accepted;
    floats and bools raise ``TypeError``.
    """
    _check_int(amount, "amount")
    sign = negative_mark if amount < 0 else ""
    return f"{sign}{abs(amount):,}{unit}"


def parse_yen(text: str | int) -> int:
    """Read a yen amount typed or pasted by a user.

    Accepts thousands separators anywhere (``1,234`` and even ``1,23,4``: people paste from
    many sources and the digits are what matter), full-width digits and commas, a leading
    ``¥``/``￥``, a trailing ``円``, a minus written as ``-``, ``−`` (U+2212), ``△`` or ``▲``
    (before or after the yen sign), surrounding spaces, and a fractional part made only of
    zeros (``1234.0``, as spreadsheets export). An ``int`` passes through unchanged.

    Raises ``ValueError`` with a Japanese message quoting the input for anything else,
    including amounts with sen (``12.5``); ``TypeError`` for floats, bools and other types.
    """
    if isinstance(text, bool) or not isinstance(text, int | str):
        raise TypeError(f"amount must be text or an int, got {type(text).__name__}")
    if isinstance(text, int):
        return text
    shown = text.strip()
    if not shown:
        raise ValueError("金額が入力されていません。")
    # NFKC folds full-width digits, commas and ￥ (U+FFE5) into their ASCII/Latin-1 forms.
    norm = unicodedata.normalize("NFKC", text).strip()
    m = _AMOUNT.fullmatch(norm)
    if m is None:
        raise ValueError(f"金額『{shown}』を読み取れません。1,234 や △500 のように入力してください。")
    if m["s1"] and m["s2"]:
        raise ValueError(f"金額『{shown}』には符号が2つあります。")
    if m["frac"] and m["frac"].strip("0"):
        raise ValueError(f"金額『{shown}』は円単位の整数で入力してください。")
    value = int(m["int"].replace(",", ""))
    sign = m["s1"] or m["s2"] or ""
    return -value if sign and sign in _MINUS_SIGNS else value


def rate(numerator: int | None, denominator: int | None, places: int = 2) -> Decimal | None:
    """Return ``numerator / denominator`` as a percentage rounded half-up to ``places`` decimals.

    ``rate(424, 761)`` → ``Decimal("55.72")``. Ties round away from zero, as taught in school
    and expected on printed reports (Python's ``round`` would go to even). Returns ``None``
    when either figure is missing or the denominator is zero, so callers can show a dash.
    """
    if numerator is None or denominator is None:
        return None
    _check_int(numerator, "numerator")
    _check_int(denominator, "denominator")
    _check_int(places, "places")
    if places < 0:
        raise ValueError(f"小数点以下の桁数『{places}』は0以上で指定してください。")
    if denominator == 0:
        return None
    # Exact integer arithmetic: a Decimal division would round at 28 digits first, and a
    # double rounding could in principle move a value onto or off a tie.
    scaled = abs(numerator) * 100 * 10**places
    q, r = divmod(scaled, abs(denominator))
    if 2 * r >= abs(denominator):
        q += 1
    if (numerator < 0) != (denominator < 0):
        q = -q
    return Decimal(q).scaleb(-places)


def format_rate(value: Decimal | int | None, places: int = 2) -> str:
    """Write a percentage: ``Decimal("55.72")`` → ``"55.72%"``; ``None`` → ``"—"``.

    The value is rounded half-up to ``places`` decimals and always shown with that many.
    """
    if value is None:
        return NO_RATE
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"rate must be a Decimal or an int, got {type(value).__name__}")
    _check_int(places, "places")
    if places < 0:
        raise ValueError(f"小数点以下の桁数『{places}』は0以上で指定してください。")
    q = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if q == 0:
        # Avoid printing "-0.00%" for a tiny negative rate.
        q = abs(q)
    return f"{q:f}%"
