"""The PDF base every report builds on (reportlab platypus).

One :class:`PdfContext` per document: it hands out paragraphs and tables in the bundled BIZ UD
fonts (embedded as TrueType subsets, never reportlab's non-embedded CID fonts), keeps track of
characters the fonts cannot print, and writes the file atomically with a header and page numbers
on every page::

    ctx = PdfContext(PageSpec(council_name="宇津賀地区まちづくり協議会", title="協議会の概要", issued=today))
    story = [ctx.heading("概要"), ctx.table(rows, [0.4, 0.3, 0.3], numeric_cols=(1, 2))]
    result = ctx.build(Path("out.pdf"), story)
    result.warnings  # Japanese messages about characters printed as 〓
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from nagato_desk.atomic import atomic_path
from nagato_desk.dates import format_date
from nagato_desk.paths import FONT_GOTHIC, FONT_GOTHIC_BOLD, FONT_MINCHO, resource_path

GOTHIC = "NagatoGothic"
GOTHIC_BOLD = "NagatoGothic-Bold"
MINCHO = "NagatoMincho"
REPLACEMENT_CHAR = "〓"

MARGIN = 18 * mm
HEADER_RULE_FROM_TOP = 14 * mm
FOOTER_BASELINE = 10 * mm
HEADING_KEEP = 30 * mm  # room a heading needs below it (itself and a few rows), else a new page
CONFIDENTIAL_TEXT = "取扱注意"
CONFIDENTIAL_BOX = 22 * mm  # width of the boxed 取扱注意 in the middle of the page header

HEADER_FILL = colors.HexColor("#D9E2F3")
ZEBRA_FILL = colors.HexColor("#F3F6FA")
LABEL_FILL = colors.HexColor("#EEF2F8")
GRID_COLOUR = colors.HexColor("#7F7F7F")

_register_lock = threading.Lock()
_cmaps: dict[str, dict[int, int]] = {}


def register_fonts() -> None:
    """Register the bundled TrueType fonts with reportlab (safe to call any number of times)."""
    with _register_lock:
        if _cmaps:
            return
        faces = {}
        for name, filename in ((GOTHIC, FONT_GOTHIC), (GOTHIC_BOLD, FONT_GOTHIC_BOLD), (MINCHO, FONT_MINCHO)):
            # subsetting (the default) embeds only the glyphs used, as TrueType.
            font = TTFont(name, str(resource_path("fonts", filename)))
            pdfmetrics.registerFont(font)
            faces[name] = font.face.charToGlyph
        pdfmetrics.registerFontFamily(
            GOTHIC, normal=GOTHIC, bold=GOTHIC_BOLD, italic=GOTHIC, boldItalic=GOTHIC_BOLD
        )
        pdfmetrics.registerFontFamily(MINCHO, normal=MINCHO, bold=MINCHO, italic=MINCHO, boldItalic=MINCHO)
        _cmaps.update(faces)


def _is_variation_selector(cp: int) -> bool:
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def make_styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in BIZ UD Gothic: body 10.5pt with 1.5× leading; cells a little tighter."""
    register_fonts()

    def style(name: str, size: float, leading: float, *, bold=False, align=TA_LEFT, **kw) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=GOTHIC_BOLD if bold else GOTHIC,
            fontSize=size,
            leading=leading,
            alignment=align,
            wordWrap="CJK",  # Japanese has no spaces: allow a break between any two characters
            **kw,
        )

    return {
        "title": style("title", 16, 24, bold=True, align=TA_CENTER, spaceBefore=2, spaceAfter=10),
        "heading": style("heading", 12, 18, bold=True, spaceBefore=10, spaceAfter=5),
        "body": style("body", 10.5, 15.75, spaceAfter=4),
        "body_right": style("body_right", 10.5, 15.75, align=TA_RIGHT),
        "small": style("small", 8.5, 12.75),
        "cell": style("cell", 9.5, 13.5),
        "cell_right": style("cell_right", 9.5, 13.5, align=TA_RIGHT),
        "cell_center": style("cell_center", 9.5, 13.5, align=TA_CENTER),
        "cell_bold": style("cell_bold", 9.5, 13.5, bold=True),
        "cell_right_bold": style("cell_right_bold", 9.5, 13.5, bold=True, align=TA_RIGHT),
        "cell_header": style("cell_header", 9.5, 13.5, bold=True, align=TA_CENTER),
        "header_left": style("header_left", 8.5, 11.5),
        "header_right": style("header_right", 8.5, 11.5, align=TA_RIGHT),
    }


CELL_SIZE = 9.5
CELL_LEADING = 13.5
CELL_PADDING = 4  # left and right
CHUNK_ROWS = 50  # more than a page of rows: 50 single-line rows are taller than an A4 frame


def _table_commands(header_rows: int) -> list[tuple]:
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), GOTHIC, 9.5),  # else reportlab sets (unembedded) Helvetica
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOUR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
        commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, colors.black))
    return commands


_TALLER_THAN_ANY_PAGE = 100_000.0


class _Chunks:
    """The rows of one long table, handed to reportlab :data:`CHUNK_ROWS` at a time.

    At every page break reportlab measures every remaining row of a table (its long-table
    shortcut never triggers without row spans, reportlab 4-5), so a 20,000-row roster would take
    quadratic time; chunking keeps each page break cheap. Zebra shading and total rows follow the
    absolute row numbers, and the header is only repeated at the top of a page.
    """

    def __init__(self, header: list, body: list, widths: list[float], header_rows: int, zebra: bool):
        self.header, self.body, self.widths = header, body, widths
        self.header_rows, self.zebra = header_rows, zebra
        self.totals: set[int] = set()  # indices into body
        self.continued: Callable[[], Flowable] | None = None  # caption on continuation pages
        self.plain_numeric: set[int] | None = None  # plain-cell mode: the right-aligned columns

    def table(self, start: int, size: int | None = None) -> _ChunkedTable:
        size = size or CHUNK_ROWS
        stop = min(start + size, len(self.body))
        header, h = self.header, self.header_rows
        # every continuation on a new page is made here with start > 0 (see _ChunkedTable.split)
        caption = self.continued is not None and start > 0
        if caption:
            header = [[self.continued()] + [""] * (len(self.widths) - 1), *header]
            h += 1
        commands = _table_commands(h)
        if caption:  # a caption row without grid or shading, spanning the table
            commands = [("GRID", (0, 1), *c[2:]) if c[0] == "GRID" else c for c in commands]
            commands += [
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.white),
                ("LEFTPADDING", (0, 0), (-1, 0), 0),
            ]
        if self.plain_numeric is not None:  # style plain string cells as the paragraphs would be
            commands.append(("LEADING", (0, h), (-1, -1), CELL_LEADING))
            commands += [("ALIGN", (c, h), (c, -1), "RIGHT") for c in sorted(self.plain_numeric)]
        if self.zebra and stop > start:
            shades = [colors.white, ZEBRA_FILL] if start % 2 == 0 else [ZEBRA_FILL, colors.white]
            commands.append(("ROWBACKGROUNDS", (0, h), (-1, -1), shades))
        for b in sorted(self.totals):
            if start <= b < stop:
                r = h + b - start
                commands.append(("BACKGROUND", (0, r), (-1, r), colors.white))
                # op, start, stop, weight, colour, cap, dash, join, line count, spacing: a double rule
                commands.append(("LINEABOVE", (0, r), (-1, r), 0.5, colors.black, 1, None, 1, 2, 1.5))
                if self.plain_numeric is not None:
                    commands.append(("FONT", (0, r), (-1, r), GOTHIC_BOLD, CELL_SIZE, CELL_LEADING))
        data = header + self.body[start:stop]
        t = _ChunkedTable(data, colWidths=self.widths, repeatRows=h, hAlign="LEFT", style=commands)
        t._chunks, t._start, t._size, t._more = self, start, size, stop < len(self.body)
        t._header_rows = h
        return t


class _ChunkedTable(Table):
    """A chunk of a table; while more chunks follow it never fits, so the frame must split it.
    Its continuation is always made by :class:`_Chunks` (zebra shading keeps its phase)."""

    _chunks: _Chunks | None = None  # class default: an ordinary table (reportlab's split parts)
    _start = 0
    _size = 0
    _more = False
    _header_rows = 0

    def wrap(self, availWidth, availHeight):
        if self._more:
            # more rows follow, so it cannot fit (and measuring is costly); taller than any page.
            return sum(self._colWidths), max(availHeight + 1, _TALLER_THAN_ANY_PAGE)
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth, availHeight):
        chunks = self._chunks
        parts = super().split(availWidth, availHeight)
        if chunks is None or not parts:
            return parts
        if len(parts) == 1:
            if not self._more:
                return parts
            # this whole chunk fits (very short rows): retry with a bigger one
            return chunks.table(self._start, self._size * 2).split(availWidth, availHeight)
        first = parts[0]
        consumed = len(first._cellvalues) - self._header_rows
        return [first, chunks.table(self._start + consumed)]


@dataclass
class PageSpec:
    council_name: str
    title: str
    issued: date
    date_style: str = "wareki"
    landscape: bool = False
    confidential: bool = False  # 「取扱注意」 boxed in the header of every page (personal data)


@dataclass
class PdfResult:
    pages: int
    warnings: list[str] = field(default_factory=list)


def _draw_confidential(canvas, centre_x: float, bottom: float) -> None:
    """「取扱注意」 in bold inside a box, centred at ``centre_x``, standing on ``bottom``."""
    size = 9.5
    canvas.setFont(GOTHIC_BOLD, size)
    canvas.setLineWidth(0.9)
    canvas.rect(centre_x - CONFIDENTIAL_BOX / 2, bottom, CONFIDENTIAL_BOX, size + 5, stroke=1, fill=0)
    canvas.drawCentredString(centre_x, bottom + 3.2, CONFIDENTIAL_TEXT)


class PdfContext:
    """Builds the flowables of one document and writes it."""

    def __init__(self, spec: PageSpec):
        register_fonts()
        self.spec = spec
        self.styles = make_styles()
        self.pagesize = landscape(A4) if spec.landscape else A4
        self.frame_width = self.pagesize[0] - 2 * MARGIN
        self.frame_height = self.pagesize[1] - 2 * MARGIN
        self.missing_characters: list[str] = []
        self.warnings: list[str] = []
        self._pages = 0

    # -- text ---------------------------------------------------------------------------------

    def markup(self, text: str) -> str:
        """Paragraph markup for plain ``text``: escaped, font fallback applied, newlines as <br/>."""
        gothic, mincho = _cmaps[GOTHIC], _cmaps[MINCHO]
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        out: list[str] = []
        in_mincho = False
        prev = "\n"
        for ch in text:
            cp = ord(ch)
            if ch in "\n\u2028\u2029":
                piece, use_mincho = "<br/>", False
            elif ch == "\u3000" or (ch == " " and prev in " \n"):
                # reportlab collapses whitespace (U+3000 included); no-break spaces keep a 全角
                # space (two half-width ones), indentation and runs of spaces.
                piece, use_mincho = "\u00a0\u00a0" if ch == "\u3000" else "\u00a0", False
            elif cp in gothic:
                piece, use_mincho = _ESCAPES.get(ch, ch), False
            elif _is_variation_selector(cp):
                # an ideographic variation selector picks a glyph variant; print the base character.
                self._note(ch, f"異体字セレクタ (U+{cp:04X}) は印刷できないため、元の文字で印刷しました。")
                continue
            elif cp in mincho:
                piece, use_mincho = ch, True
            else:
                self._note(
                    ch, f"文字『{ch}』(U+{cp:04X}) はフォントにないため{REPLACEMENT_CHAR}で印刷しました。"
                )
                piece, use_mincho = REPLACEMENT_CHAR, False
            if use_mincho != in_mincho:
                out.append(f'<font name="{MINCHO}">' if use_mincho else "</font>")
                in_mincho = use_mincho
            out.append(piece)
            prev = ch
        if in_mincho:
            out.append("</font>")
        return "".join(out)

    def _note(self, ch: str, message: str) -> None:
        if ch not in self.missing_characters:
            self.missing_characters.append(ch)
            self.warnings.append(message)

    def para(self, text: str, style: str | ParagraphStyle = "body") -> Paragraph:
        st = self.styles[style] if isinstance(style, str) else style
        return Paragraph(self.markup("" if text is None else str(text)), st)

    def heading(self, text: str) -> Paragraph:
        return self.para(text, "heading")

    def spacer(self, h: float) -> Spacer:
        """Vertical space of ``h`` points."""
        return Spacer(1, h)

    # -- tables -------------------------------------------------------------------------------

    def column_widths(self, col_widths: Sequence[float]) -> list[float]:
        """Points for each column: fractions of the frame (summing to 1) or points, shrunk to fit."""
        widths = [float(w) for w in col_widths]
        if any(w <= 0 for w in widths):
            raise ValueError(f"column widths must be positive: {col_widths!r}")
        total = sum(widths)
        if abs(total - 1.0) < 1e-6 and all(w <= 1 for w in widths):
            widths = [w * self.frame_width for w in widths]
            total = sum(widths)
        if total > self.frame_width:
            widths = [w * self.frame_width / total for w in widths]
        return widths

    def table(
        self,
        rows: Sequence[Sequence[object]],
        col_widths: Sequence[float],
        header_rows: int = 1,
        numeric_cols: Iterable[int] = (),
        total_rows: Iterable[int] = (),
        zebra: bool = True,
        continued: str | None = None,
        plain_cells: bool = False,
    ) -> Table:
        """A gridded table; header rows repeat on every page, total rows are bold under a double line.

        Cells may be strings (wrapped with :meth:`para`), ``None`` (empty) or flowables.
        ``total_rows`` are indices into ``rows`` (negative indices allowed). ``continued`` is a
        caption printed above the repeated header on every page the table continues onto (e.g.
        「東区自治会　1班（続き）」), so that a page of one of many tables says whose rows it holds.

        ``plain_cells`` is for very long tables (a 20,000-row roster): a body cell whose text fits
        its column on one line in the Gothic font is drawn as a plain string, which reportlab lays
        out about ten times faster than a paragraph; the others stay paragraphs. It looks the same.
        """
        widths = self.column_widths(col_widths)
        ncols = len(widths)
        n = len(rows)
        numeric = {c % ncols for c in numeric_cols}
        totals = {r % n for r in total_rows} if n else set()
        data = []
        for r, row in enumerate(rows):
            if len(row) != ncols:
                raise ValueError(f"row {r} has {len(row)} cells, expected {ncols}")
            bold = r in totals
            cells = []
            for c, value in enumerate(row):
                if isinstance(value, Flowable | list | tuple):
                    cells.append(value)
                    continue
                if plain_cells and r >= header_rows and self._fits_plain(value, widths[c]):
                    cells.append(value)
                    continue
                if r < header_rows:
                    style = "cell_header"
                elif c in numeric:
                    style = "cell_right_bold" if bold else "cell_right"
                else:
                    style = "cell_bold" if bold else "cell"
                cells.append(self.para("" if value is None else str(value), style))
            data.append(cells)
        chunks = _Chunks(data[:header_rows], data[header_rows:], widths, header_rows, zebra)
        chunks.totals = {r - header_rows for r in totals if r >= header_rows}
        if continued:
            chunks.continued = lambda: self.para(continued, "cell_bold")
        if plain_cells:
            chunks.plain_numeric = numeric
        return chunks.table(0)

    def _fits_plain(self, value: object, width: float) -> bool:
        """True for a string that needs no paragraph: one line of Gothic characters that fits."""
        if not isinstance(value, str):
            return False
        gothic = _cmaps[GOTHIC]
        if any(ord(ch) not in gothic or ch in "\n\r\t" for ch in value):
            return False
        # the bold font of total rows is no wider than the regular one in BIZ UD Gothic
        return pdfmetrics.stringWidth(value, GOTHIC, CELL_SIZE) <= width - 2 * CELL_PADDING - 0.5

    def key_value_table(self, pairs: Sequence[tuple[str, str]], label_fraction: float = 0.28) -> Table:
        """A two-column label / value table (for profiles)."""
        data = [[self.para(k, "cell_bold"), self.para(v if v else "—", "cell")] for k, v in pairs]
        widths = self.column_widths([label_fraction, 1 - label_fraction])
        commands = [
            ("FONT", (0, 0), (-1, -1), GOTHIC, 9.5),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOUR),
            ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ]
        return Table(data, colWidths=widths, hAlign="LEFT", style=commands)

    # -- document -----------------------------------------------------------------------------

    def title_block(self) -> list[Flowable]:
        """The issue date at the top right, then the centred document title (page 1 only)."""
        issued = format_date(self.spec.issued, self.spec.date_style)
        return [self.para(issued, "body_right"), self.para(self.spec.title, "title")]

    def build(self, out_path: Path, story: list, *, title_block: bool = True) -> PdfResult:
        """Write the PDF atomically; on any error nothing new is left at ``out_path`` (an older file
        there stays as it was) and the temporary file is removed. ``title_block`` puts the issue date
        and the centred title at the top of page 1 (see :meth:`title_block`)."""
        out_path = Path(out_path)
        spec = self.spec
        head_left = self.para(spec.council_name, "header_left")
        head_right = self.para(spec.title, "header_right")
        flowables = [*self.title_block(), *story] if title_block else list(story)
        # a heading at the foot of a page goes over with what follows it (keepWithNext would
        # instead push a heading and a long table whole onto a new page).
        flowables = [
            g
            for f in flowables
            for g in (
                (CondPageBreak(HEADING_KEEP), f)
                if getattr(f, "style", None) is self.styles["heading"]
                else (f,)
            )
        ]
        pw, ph = self.pagesize

        def on_page(canvas, doc) -> None:
            canvas.saveState()
            half = self.frame_width / 2 - 3 * mm
            if spec.confidential:
                half -= CONFIDENTIAL_BOX / 2
            rule_y = ph - HEADER_RULE_FROM_TOP
            head_left.wrapOn(canvas, half, 40 * mm)
            head_left.drawOn(canvas, MARGIN, rule_y + 2)
            head_right.wrapOn(canvas, half, 40 * mm)
            head_right.drawOn(canvas, pw - MARGIN - half, rule_y + 2)
            if spec.confidential:
                _draw_confidential(canvas, pw / 2, rule_y + 3)
            canvas.setStrokeColor(colors.black)
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN, rule_y, pw - MARGIN, rule_y)
            canvas.setFont(GOTHIC, 9)
            canvas.drawCentredString(pw / 2, FOOTER_BASELINE, f"- {canvas.getPageNumber()} -")
            canvas.restoreState()
            self._pages = canvas.getPageNumber()

        with atomic_path(out_path) as tmp:
            doc = BaseDocTemplate(
                str(tmp),
                pagesize=self.pagesize,
                leftMargin=MARGIN,
                rightMargin=MARGIN,
                topMargin=MARGIN,
                bottomMargin=MARGIN,
                title=spec.title,
                author=spec.council_name,
                subject=spec.title,
                creator="Nagato Desk",
                producer="Nagato Desk (ReportLab)",
                lang="ja-JP",
                # reportlab otherwise starts every page in Helvetica, a font it never embeds.
                initialFontName=GOTHIC,
                initialFontSize=10.5,
            )
            frame = Frame(
                MARGIN, MARGIN, self.frame_width, self.frame_height, id="body",
                leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
            )  # fmt: skip
            doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
            self._pages = 0
            doc.build(flowables)
        return PdfResult(pages=self._pages, warnings=list(self.warnings))
