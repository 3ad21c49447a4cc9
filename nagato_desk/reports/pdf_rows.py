"""A fast gridded table for very long lists (the 20,000-row member roster, issue 9).

reportlab's ``Table`` applies every style command to every cell of every piece it makes at each
page break, and measures each cell; for a roster that is most of the time of the export. Here the
rows are measured once (a cell whose text fits its column on one line is a plain string drawn with
``drawString``; any other cell is a paragraph of :meth:`PdfContext.para`, so markup, the Mincho
fallback and the 〓 warnings are the same as elsewhere), and a page break only slices the row list.
It looks like :meth:`PdfContext.table`: the same font, paddings, header fill, zebra shading, grid,
header repeated on every page with the 「（続き）」 caption above it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph

from nagato_desk.reports.pdf_base import (
    CELL_LEADING,
    CELL_PADDING,
    CELL_SIZE,
    GOTHIC,
    GRID_COLOUR,
    HEADER_FILL,
    ZEBRA_FILL,
    PdfContext,
)

TOP_PADDING = 2.5
BOTTOM_PADDING = 3.5
GRID_WIDTH = 0.4
HEADER_RULE = 0.8
#: a CJK glyph's box sits from about −0.12 em to 0.88 em: its middle is 0.38 em above the baseline
MIDDLE_ABOVE_BASELINE = 0.38 * CELL_SIZE


@dataclass
class _Row:
    cells: list  # str (plain, one line) or Paragraph (already wrapped)
    height: float


class _Rows:
    """The measured rows of one table, shared by every page's slice."""

    def __init__(self, ctx: PdfContext, header: Sequence[str], body: Sequence[Sequence[object]],
                 widths: list[float], numeric: set[int], continued: str | None) -> None:  # fmt: skip
        self.widths = widths
        self.numeric = numeric
        self.header = self._measure([ctx.para(str(h), "cell_header") for h in header])
        self.caption = self._measure([ctx.para(continued, "cell_bold")], caption=True) if continued else None
        rows = []
        for row in body:
            cells: list = []
            for c, value in enumerate(row):
                text = "" if value is None else str(value)
                if ctx._fits_plain(text, widths[c]):
                    cells.append(text)
                else:
                    cells.append(ctx.para(text, "cell_right" if c in numeric else "cell"))
            rows.append(self._measure(cells))
        self.body = rows

    def _measure(self, cells: list, caption: bool = False) -> _Row:
        inner = CELL_LEADING
        for c, cell in enumerate(cells):
            if isinstance(cell, Paragraph):
                width = sum(self.widths) if caption else self.widths[c]
                _w, h = cell.wrap(width - 2 * CELL_PADDING, 1_000_000)
                inner = max(inner, h)
        return _Row(cells, inner + TOP_PADDING + BOTTOM_PADDING)


class FastTable(Flowable):
    """Rows ``start``..``stop`` of a :class:`_Rows`, with the header (and the caption on a page the
    table continues onto). ``split`` hands the frame as many rows as fit and the rest as another
    slice, so a page break costs only the rows of that page."""

    def __init__(self, rows: _Rows, start: int = 0, stop: int | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.start = start
        self.stop = len(rows.body) if stop is None else stop
        self.width = sum(rows.widths)
        self.hAlign = "LEFT"

    def _head(self) -> list[_Row]:
        caption = self.rows.caption if self.start > 0 and self.rows.caption is not None else None
        return [caption, self.rows.header] if caption else [self.rows.header]

    def _height(self) -> float:
        head = sum(r.height for r in self._head())
        return head + sum(r.height for r in self.rows.body[self.start : self.stop])

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        self.height = self._height()
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        room = availHeight - sum(r.height for r in self._head())
        n = 0
        for row in self.rows.body[self.start : self.stop]:
            if row.height > room:
                break
            room -= row.height
            n += 1
        if n == 0:
            return []  # not even one row: the frame moves on to the next page
        if self.start + n >= self.stop:
            return [self]
        return [
            FastTable(self.rows, self.start, self.start + n),
            FastTable(self.rows, self.start + n, self.stop),
        ]

    def draw(self) -> None:
        canvas = self.canv
        widths = self.rows.widths
        xs = [0.0]
        for w in widths:
            xs.append(xs[-1] + w)
        top = self._height()
        y = top
        head = self._head()
        caption = len(head) == 2
        # header (and caption) cells
        for i, row in enumerate(head):
            y -= row.height
            if caption and i == 0:
                para = row.cells[0]
                para.wrap(self.width - 2 * CELL_PADDING, 1_000_000)
                para.drawOn(canvas, 0, y + BOTTOM_PADDING)  # no padding on the left, as in ctx.table
                continue
            canvas.setFillColor(HEADER_FILL)
            canvas.rect(0, y, self.width, row.height, stroke=0, fill=1)
            self._draw_cells(row, y, xs)
        grid_top = y + sum(r.height for r in head[1:]) if caption else top
        header_bottom = y
        # body: zebra shading by the absolute row number, then the text
        canvas.setFillColor(ZEBRA_FILL)
        bottoms = []
        for index in range(self.start, self.stop):
            row = self.rows.body[index]
            y -= row.height
            bottoms.append(y)
            if index % 2 == 1:
                canvas.rect(0, y, self.width, row.height, stroke=0, fill=1)
        y = header_bottom
        for index in range(self.start, self.stop):
            row = self.rows.body[index]
            y -= row.height
            self._draw_cells(row, y, xs)
        # the grid
        canvas.setStrokeColor(GRID_COLOUR)
        canvas.setLineWidth(GRID_WIDTH)
        path = canvas.beginPath()
        for x in xs:
            path.moveTo(x, grid_top)
            path.lineTo(x, y)
        for line_y in [grid_top, *bottoms]:
            path.moveTo(0, line_y)
            path.lineTo(self.width, line_y)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(HEADER_RULE)
        canvas.line(0, header_bottom, self.width, header_bottom)

    def _draw_cells(self, row: _Row, y: float, xs: list[float]) -> None:
        canvas = self.canv
        canvas.setFillColor(colors.black)
        canvas.setFont(GOTHIC, CELL_SIZE)
        middle = y + BOTTOM_PADDING + (row.height - TOP_PADDING - BOTTOM_PADDING) / 2
        for c, cell in enumerate(row.cells):
            if isinstance(cell, Paragraph):
                width = xs[c + 1] - xs[c] - 2 * CELL_PADDING
                _w, h = cell.wrap(width, 1_000_000)
                cell.drawOn(canvas, xs[c] + CELL_PADDING, middle - h / 2)
                canvas.setFillColor(colors.black)
                canvas.setFont(GOTHIC, CELL_SIZE)
            elif cell:
                baseline = middle - MIDDLE_ABOVE_BASELINE
                if c in self.rows.numeric:
                    canvas.drawRightString(xs[c + 1] - CELL_PADDING, baseline, cell)
                else:
                    canvas.drawString(xs[c] + CELL_PADDING, baseline, cell)


def fast_table(
    ctx: PdfContext,
    header: Sequence[str],
    body: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    numeric_cols: Sequence[int] = (),
    continued: str | None = None,
) -> FastTable:
    """A long table drawn directly (see the module text); ``col_widths`` as for ``ctx.table``."""
    widths = ctx.column_widths(col_widths)
    return FastTable(_Rows(ctx, header, body, widths, set(numeric_cols), continued))
