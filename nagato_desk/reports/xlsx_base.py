"""The xlsx base every report builds on (openpyxl).

A :class:`SheetWriter` fills one sheet top to bottom: a title block (council, document, date),
optional label/value rows and section lines, then one table (``header`` / ``row`` /
``total_row``) whose cells are typed per column::

    wb = new_workbook()
    sw = SheetWriter(wb, "協議会の概要", council_name=..., doc_title="協議会の概要", date_text="令和8年4月1日")
    sw.header(["自治会", "世帯数", "高齢化率"], kinds=["text", "int", "rate"])
    sw.row(["東区", 120, Decimal("55.72")])
    save_workbook(wb, Path("out.xlsx"))

``confidential=True`` prints 「取扱注意」 in the page header of every printed page.

Column kinds: ``text`` (str, written as a string cell even if it starts with "="; text starting
with = + - @, a tab or a line break also gets Excel's quote prefix, so no cell written here is ever
a formula, not even after someone edits it in Excel), ``yen`` and ``int``
(whole numbers, comma-grouped; yen shows negatives as △), ``rate`` (a *percentage* as
:func:`nagato_desk.money.rate` returns it, e.g. ``Decimal("55.72")``, stored as the fraction
0.5572 with the format ``0.00%``) and ``date`` (a real date cell shown as yyyy/mm/dd; for 和暦 use
a ``text`` column of :func:`nagato_desk.dates.format_date` strings). ``None`` leaves a cell empty.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from copy import copy
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from nagato_desk.atomic import atomic_path
from nagato_desk.money import YEN_XLSX_FORMAT

FONT_NAME = "BIZ UDゴシック"
FONT_SIZE = 11
INT_FORMAT = "#,##0"
RATE_FORMAT = "0.00%"
DATE_FORMAT = "yyyy/mm/dd"
KINDS = ("text", "yen", "int", "rate", "date")
NUMBER_FORMATS = {"yen": YEN_XLSX_FORMAT, "int": INT_FORMAT, "rate": RATE_FORMAT, "date": DATE_FORMAT}
REPLACEMENT_CHAR = "〓"
CONFIDENTIAL_TEXT = "取扱注意"
#: Text starting with one of these is a formula (or a DDE call) to some spreadsheet: written as text
#: with Excel's quote prefix, so it is never run, not even when someone edits the cell later.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")

_FORBIDDEN_IN_TITLE = str.maketrans({c: "・" for c in "[]:*?/\\"})
_MAX_TITLE = 31
_PLACEHOLDER_ATTR = "_nagato_placeholder_sheet"

_FONT = Font(name=FONT_NAME, size=FONT_SIZE)
_FONT_BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOTAL_BORDER = Border(left=_THIN, right=_THIN, top=Side(style="double", color="000000"), bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
_LABEL_FILL = PatternFill("solid", fgColor="EEF2F8")
_WRAP_TOP = Alignment(vertical="center", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def _clip(s: str, limit: int) -> str:
    while _utf16_len(s) > limit:
        s = s[:-1]
    return s


def safe_sheet_title(name: str, existing: set[str]) -> str:
    """A valid, unused sheet title for ``name``: Japanese kept, []:*?/\\ → ・, at most 31 characters,
    ``(2)``, ``(3)`` … appended on a clash (compared case-insensitively, as Excel does).
    ``existing`` is not modified."""
    title = ILLEGAL_CHARACTERS_RE.sub("", str(name)).translate(_FORBIDDEN_IN_TITLE).strip()
    title = title.strip("'").strip() or "シート"  # Excel refuses a title that starts or ends with '
    if title.casefold() == "history":  # reserved by Excel
        title = f"{title}(2)"
    title = _clip(title, _MAX_TITLE)
    taken = {e.casefold() for e in existing}
    candidate, n = title, 1
    while candidate.casefold() in taken:
        n += 1
        suffix = f"({n})"
        candidate = _clip(title, _MAX_TITLE - len(suffix)) + suffix
    return candidate


def _as_text(cell, text: str) -> None:
    """User text that looks like a formula stays text: a string cell with Excel's quote prefix."""
    if text.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # openpyxl took the leading = for a formula
        cell.quotePrefix = True


def display_width(text: str) -> int:
    """Width in half-width cells: East Asian wide, full-width and ambiguous characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def new_workbook() -> Workbook:
    """An empty workbook; its default sheet disappears when the first :class:`SheetWriter` is added."""
    wb = Workbook()
    setattr(wb, _PLACEHOLDER_ATTR, wb.active)
    return wb


def save_workbook(wb: Workbook, out_path: Path) -> Path:
    """Save atomically: a temporary file in the same folder, then ``os.replace``."""
    out_path = Path(out_path)
    with atomic_path(out_path) as tmp:
        wb.save(tmp)
    return out_path


class SheetWriter:
    """Writes one sheet: title block, then optional label/value rows, then a typed table."""

    def __init__(
        self,
        wb: Workbook,
        title: str,
        *,
        council_name: str,
        doc_title: str,
        date_text: str,
        landscape: bool = False,
        confidential: bool = False,
    ):
        placeholder = getattr(wb, _PLACEHOLDER_ATTR, None)
        if placeholder is not None:
            setattr(wb, _PLACEHOLDER_ATTR, None)
            if placeholder in wb.worksheets:
                wb.remove(placeholder)
        self.wb = wb
        self.ws: Worksheet = wb.create_sheet(safe_sheet_title(title, set(wb.sheetnames)))
        self.warnings: list[str] = []
        self.column_kinds: list[str] = []
        self.header_row: int | None = None
        self._widths: dict[int, int] = {}
        self._row_styles: dict[tuple, object] = {}  # see row()
        self._next = 1
        self._setup_print(landscape)
        if confidential:  # personal data: 「取扱注意」 at the top of every printed page
            head = self.ws.oddHeader.center
            head.text, head.font, head.size = CONFIDENTIAL_TEXT, f"{FONT_NAME},Bold", 12
        self._plain_row([council_name])
        self._plain_row([doc_title], bold=True)
        self._plain_row([date_text])
        self.blank()

    # -- layout helpers -----------------------------------------------------------------------

    @property
    def next_row(self) -> int:
        """The row the next write goes to."""
        return self._next

    def _setup_print(self, landscape: bool) -> None:
        ws = self.ws
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages tall as needed
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.oddFooter.center.text = "- &P -"
        ws.oddFooter.center.font = FONT_NAME
        ws.oddFooter.center.size = 9

    def _text(self, value: object) -> str:
        text = str(value)
        if ILLEGAL_CHARACTERS_RE.search(text):
            bad = sorted({f"U+{ord(c):04X}" for c in ILLEGAL_CHARACTERS_RE.findall(text)})
            self.warnings.append(
                f"制御文字 ({', '.join(bad)}) は Excel に書けないため{REPLACEMENT_CHAR}に置き換えました。"
            )
            text = ILLEGAL_CHARACTERS_RE.sub(REPLACEMENT_CHAR, text)
        return text

    def _note_width(self, col: int, width: int) -> None:
        if width > self._widths.get(col, 0):
            self._widths[col] = width
            self.ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 8), 60)

    def _put_text(self, row: int, col: int, value: object, *, track: bool = True):
        cell = self.ws.cell(row=row, column=col)
        if value is None:
            return cell
        text = self._text(value)
        cell.value = text
        _as_text(cell, text)
        if track:
            self._note_width(col, max(display_width(line) for line in text.split("\n")))
        return cell

    def _plain_row(self, values: Sequence[object], *, bold: bool = False) -> None:
        for col, value in enumerate(values, start=1):
            cell = self._put_text(self._next, col, value, track=False)
            cell.font = _FONT_BOLD if bold else _FONT
        self._next += 1

    # -- free rows ----------------------------------------------------------------------------

    def blank(self, n: int = 1) -> None:
        self._next += n

    def section(self, text: str) -> None:
        """A bold line of text above a table (a heading)."""
        self._plain_row([text], bold=True)

    def key_values(self, pairs: Sequence[tuple[str, str]], *, value_span: int = 1) -> None:
        """Label / value rows (a profile): label in column A, shaded and bold; the value in column B,
        merged over ``value_span`` columns (so a long address does not widen one table column)."""
        for label, value in pairs:
            r = self._next
            lab = self._put_text(r, 1, label)
            lab.font, lab.fill, lab.border, lab.alignment = _FONT_BOLD, _LABEL_FILL, _BORDER, _WRAP_TOP
            val = self._put_text(r, 2, value if value else "—", track=value_span <= 1)
            val.font, val.alignment = _FONT, _WRAP_TOP
            for col in range(2, 2 + max(value_span, 1)):
                self.ws.cell(row=r, column=col).border = _BORDER
            if value_span > 1:
                self.ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=1 + value_span)
            self._next += 1

    # -- the table ----------------------------------------------------------------------------

    def header(self, columns: Sequence[str], kinds: Sequence[str] | None = None) -> None:
        """The table header: bold, shaded, bordered; frozen and repeated on every printed page."""
        kinds = list(kinds) if kinds is not None else ["text"] * len(columns)
        if len(kinds) != len(columns):
            raise ValueError("kinds and columns differ in length")
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown column kinds: {sorted(unknown)}")
        self.column_kinds = kinds
        r = self._next
        for col, name in enumerate(columns, start=1):
            cell = self._put_text(r, col, name)
            cell.font, cell.fill, cell.border, cell.alignment = _FONT_BOLD, _HEADER_FILL, _BORDER, _CENTER
        self.header_row = r
        self.ws.freeze_panes = self.ws.cell(row=r + 1, column=1)
        self.ws.print_title_rows = f"{r}:{r}"
        self._next += 1

    def _typed(self, cell, kind: str, value: object) -> int:
        """Store ``value`` in ``cell`` as ``kind``; returns the display width it needs."""
        if value is None or value == "":
            return 0
        if kind == "text" or isinstance(value, str):
            text = self._text(value)
            cell.value = text
            _as_text(cell, text)  # the quote prefix is set again after styling, in row()
            return max(display_width(line) for line in text.split("\n"))
        if kind in ("yen", "int"):
            if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
                raise TypeError(f"{kind} column expects a number, got {value!r}")
            cell.value = int(value) if isinstance(value, Decimal) and value == value.to_integral() else value
            cell.number_format = NUMBER_FORMATS[kind]
            return len(f"{abs(value):,.0f}") + 2
        if kind == "rate":
            cell.value = float(Decimal(str(value)) / 100)
            cell.number_format = RATE_FORMAT
            return 8
        if kind == "date":
            if not isinstance(value, date):
                raise TypeError(f"date column expects a date, got {value!r}")
            cell.value = value.date() if isinstance(value, datetime) else value
            cell.number_format = DATE_FORMAT
            return 11
        raise ValueError(kind)  # pragma: no cover - kinds are checked in header()

    def row(self, values: Sequence[object], *, bold: bool = False, _border: Border = _BORDER) -> None:
        """One table row; values are converted per the column kinds given to :meth:`header`."""
        kinds = self.column_kinds or ["text"] * len(values)
        if len(values) > len(kinds):
            raise ValueError(f"{len(values)} values for {len(kinds)} columns")
        r = self._next
        font = _FONT_BOLD if bold else _FONT
        for col, (kind, value) in enumerate(zip(kinds, values, strict=False), start=1):
            cell = self.ws.cell(row=r, column=col)
            self._note_width(col, self._typed(cell, kind, value))
            # Setting font and border hashes the style objects every time (most of the time of a
            # 20,000-row sheet); a cell styled the same way before lends its style indices instead.
            fmt = cell._style.numFmtId if cell._style is not None else 0  # None: never styled
            key = (bold, _border is _TOTAL_BORDER, kind == "text", fmt)
            styled = self._row_styles.get(key)
            if styled is not None:
                cell._style = copy(styled)
            else:
                cell.font, cell.border = font, _border
                if kind == "text":
                    cell.alignment = _WRAP_TOP
                cell.quotePrefix = False
                self._row_styles[key] = copy(cell._style)
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.quotePrefix = True
        self._next += 1

    def rows(self, rows: Sequence[Sequence[object]]) -> None:
        for values in rows:
            self.row(values)

    def total_row(self, values: Sequence[object]) -> None:
        """A totals row: bold, with a double rule above it. Values, not formulas."""
        self.row(values, bold=True, _border=_TOTAL_BORDER)
