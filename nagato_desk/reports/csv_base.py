"""The CSV base: files Excel opens correctly (UTF-8 with a BOM) and that cannot run a formula.

A cell that begins with = + - @, a tab or a line break is a formula to Excel and LibreOffice
(CSV injection: ``=HYPERLINK(...)`` or ``@SUM(...)`` typed into a member's notes would run on
the secretariat's PC). :func:`safe_cell` prefixes such text with an apostrophe, as OWASP advises;
Excel shows the apostrophe in the cell, which is the price of opening a CSV safely. Numbers
(ints, Decimals) are written as they are: a negative number is not an attack.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from nagato_desk.atomic import atomic_path

ENCODING = "utf-8-sig"  # the BOM tells Excel the file is UTF-8 (else it reads CP932 and garbles)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_KEEP = {"\t", "\n"}


def _strip_controls(text: str) -> str:
    # a CR is a line break typed on Windows: keep the break, as LF
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in _KEEP or unicodedata.category(ch) != "Cc")


def safe_cell(value: object) -> str:
    """``value`` as CSV text that no spreadsheet runs as a formula.

    ``None`` is empty; numbers are written plainly; dates as ISO (2026-04-01). Text starting with
    = + - @, a tab, CR or LF gets a leading apostrophe (``"=1+2"`` → ``"'=1+2"``, ``"+81"`` →
    ``"'+81"``); control characters other than tab and line breaks are removed (CR LF and a lone
    CR become LF). The check looks at the text both as given and as cleaned, so a removed control
    character cannot uncover an ``=``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    raw = str(value)
    text = _strip_controls(raw)
    if raw.startswith(FORMULA_STARTS) or text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def write_csv(rows: Iterable[Iterable[object]], out_path: Path) -> Path:
    """Write ``rows`` (the first one usually the header) as CSV: UTF-8 with a BOM, CRLF line ends,
    every cell through :func:`safe_cell`. Atomic: on any error the old file (if any) stays."""
    out_path = Path(out_path)
    with atomic_path(out_path) as tmp, open(tmp, "w", encoding=ENCODING, newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
    return out_path
