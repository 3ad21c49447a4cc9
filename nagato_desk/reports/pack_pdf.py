"""The 総会資料 booklet as one PDF, ready to print double-sided.

Page 1 is the cover (no header, no page number), page 2 (its back) the table of contents, then the
次第 and each 議案 on an odd page (a right-hand page once folded/stapled): a blank page is put in
before a part that would start on an even one. Page numbers run on through the whole booklet
(「- n -」 at the foot); the header names the part a page belongs to.

The parts are the flowables of the existing documents (``settlement_story`` …) laid out in one
reportlab document. It is built twice: the first run measures how many pages each part takes (a
part always starts on a fresh page of the same size, so its length does not depend on where it
starts), from which the blank pages and the page numbers of the table of contents follow; the
second run prints them. The second run's real start pages are checked against the computed ones.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Spacer, Table

from nagato_desk.atomic import atomic_path
from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.reports.activity_plan import activity_plan_story
from nagato_desk.reports.activity_report import activity_story
from nagato_desk.reports.assembly_pack import PART_TITLES, TITLE, AssemblyPack, PackPart
from nagato_desk.reports.audit_report import audit_story
from nagato_desk.reports.budget import budget_story
from nagato_desk.reports.officers import officers_story
from nagato_desk.reports.pdf_base import (
    FOOTER_BASELINE,
    GOTHIC,
    GRID_COLOUR,
    HEADER_RULE_FROM_TOP,
    HEADING_KEEP,
    MARGIN,
    PageSpec,
    PdfContext,
    PdfResult,
)
from nagato_desk.reports.settlement import settlement_story

AGENDA_TITLE = "次第"
TOC_TITLE = "目次"
FRONT = "front"  # the cover and the table of contents: not in the table of contents


class _Mark(Flowable):
    """Takes no room; when drawn it notes the page it is on (and which part the page belongs to)."""

    def __init__(self, writer: _PackWriter, key: str, header: str, blank: bool = False):
        super().__init__()
        self.writer, self.key, self.header, self.blank = writer, key, header, blank

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        return 0, 0

    def draw(self) -> None:
        page = self.canv.getPageNumber()
        self.writer.pages.setdefault(self.key, page)
        self.writer.header_of[page] = self.header
        if self.blank:
            self.writer.blank_pages.add(page)


@dataclass
class _Section:
    key: str
    toc: str  # the line in the table of contents ("" for the front matter)
    header: str
    flowables: list = field(default_factory=list)


class _PackWriter:
    def __init__(self, pack: AssemblyPack, date_style: str):
        self.pack = pack
        self.date_style = date_style
        self.ctx = PdfContext(PageSpec(pack.council_name, TITLE, pack.issued, date_style))
        self.pages: dict[str, int] = {}
        self.header_of: dict[int, str] = {}
        self.blank_pages: set[int] = set()
        styles = self.ctx.styles
        base = styles["title"]
        self.cover_big = ParagraphStyle("cover_big", parent=base, fontSize=26, leading=38, spaceAfter=6)
        self.cover_mid = ParagraphStyle("cover_mid", parent=base, fontSize=16, leading=26, spaceAfter=4)
        self.cover_text = ParagraphStyle(
            "cover_text", parent=styles["body"], fontSize=13, leading=22, alignment=TA_CENTER
        )
        self.part_label = ParagraphStyle("part_label", parent=base, fontSize=13, leading=18, spaceAfter=0)

    # -- sections -----------------------------------------------------------------------------

    def cover(self) -> list:
        p, ctx, ds = self.pack, self.ctx, self.date_style
        return [
            Spacer(1, 55 * mm),
            ctx.para(format_fiscal_year(p.fiscal_year, ds), self.cover_mid),
            ctx.para(f"{p.council_name}", self.cover_mid),
            ctx.para(p.ordinal_title, self.cover_big),
            Spacer(1, 8 * mm),
            ctx.para(TITLE.replace("", " ").strip(), self.cover_big),
            Spacer(1, 45 * mm),
            ctx.para(f"日時　{format_date(p.held_on, ds)}", self.cover_text),
            ctx.para(p.when.split(" ", 1)[1] if " " in p.when else "", self.cover_text),
            ctx.para(f"場所　{p.place}" if p.place else "", self.cover_text),
            Spacer(1, 25 * mm),
            ctx.para(p.council_name, self.cover_text),
        ]

    def toc(self, sections: list[_Section], page_of: dict[str, int] | None) -> list:
        ctx = self.ctx
        rows = []
        for s in sections:
            if not s.toc:
                continue
            page = str(page_of[s.key]) if page_of else "000"
            rows.append([ctx.para(s.toc, "body"), ctx.para(page, "body_right")])
        widths = ctx.column_widths([0.86, 0.14])
        table = Table(
            rows,
            colWidths=widths,
            hAlign="LEFT",
            style=[
                ("FONT", (0, 0), (-1, -1), GOTHIC, 10.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID_COLOUR, 1, (1, 2)),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ],
        )
        return [ctx.para(TOC_TITLE, "title"), Spacer(1, 6 * mm), table]

    def agenda(self) -> list:
        p, ctx = self.pack, self.ctx
        story: list = [
            ctx.para(f"{p.meeting_title}　{AGENDA_TITLE}", "title"),
            ctx.key_value_table([("日時", p.when), ("場所", p.place)], label_fraction=0.18),
            Spacer(1, 8 * mm),
        ]
        lines = ["開会"]
        lines += [f"{title}" for _label, title in p.reports]
        lines.append("議長選出")
        lines.append("議事")
        items = [f"{part.label}　{part.title}" for part in p.parts]
        lines_after = ["閉会"]
        numerals = "一二三四五六七八九十"
        n = 0
        for text in lines:
            story.append(ctx.para(f"{numerals[n % 10]}　{text}", "body"))
            n += 1
            if text == "議事":
                for item in items or ["（審議事項は登録されていません）"]:
                    story.append(ctx.para(f"\u3000\u3000{item}", "body"))
        for text in lines_after:
            story.append(ctx.para(f"{numerals[n % 10]}　{text}", "body"))
            n += 1
        return story

    def part(self, part: PackPart) -> list:
        ctx, ds = self.ctx, self.date_style
        story: list = [
            ctx.para(part.label, self.part_label),
            ctx.para(part.title, "title"),
        ]
        d = part.data
        if part.kind == "activity_report":
            story += activity_story(ctx, d["report"], ds)
        elif part.kind == "settlement":
            story += settlement_story(ctx, d["settlement"], ds)
            story += [PageBreak(), ctx.para("監査報告書", "title")]
            story += (
                [ctx.para(format_date(d["audit"].audited_on, ds), "body_right")]
                if d["audit"].audited_on
                else []
            )
            story += audit_story(ctx, d["audit"], ds)
        elif part.kind == "activity_plan":
            story += activity_plan_story(ctx, d["plan"], ds, with_budget=d["with_budget"])
        elif part.kind == "budget":
            story += budget_story(ctx, d["budget"], ds)
        elif part.kind == "officers":
            story.append(ctx.para(d["source"], "small"))
            story += officers_story(ctx, d["officers"], ds)
        else:
            story.append(ctx.heading(PART_TITLES[part.kind]))
            story.append(ctx.para(d["text"], "body"))
        return story

    def sections(self) -> list[_Section]:
        p = self.pack
        out = [
            _Section("cover", "", ""),
            _Section("toc", "", TITLE),
            _Section("agenda", f"{AGENDA_TITLE}（{p.meeting_title}）", AGENDA_TITLE),
        ]
        out += [_Section(f"part{n}", part.heading, part.heading) for n, part in enumerate(p.parts)]
        return out

    # -- layout -------------------------------------------------------------------------------

    def story(self, sections: list[_Section], blanks_before: dict[str, int]) -> list:
        flowables: list = []
        for n, s in enumerate(sections):
            if n:
                flowables.append(PageBreak())
            for _ in range(blanks_before.get(s.key, 0)):
                flowables += [_Mark(self, f"blank-{s.key}", "", blank=True), PageBreak()]
            flowables.append(_Mark(self, s.key, s.header))
            flowables += s.flowables
        heading = self.ctx.styles["heading"]
        # as PdfContext.build does: a heading at the foot of a page goes over with what follows
        from reportlab.platypus import CondPageBreak

        return [
            g
            for f in flowables
            for g in ((CondPageBreak(HEADING_KEEP), f) if getattr(f, "style", None) is heading else (f,))
        ]

    def _on_page_end(self, canvas, doc) -> None:
        page = canvas.getPageNumber()
        if page == 1 or page in self.blank_pages:
            return
        ctx = self.ctx
        pw, ph = ctx.pagesize
        canvas.saveState()
        half = ctx.frame_width / 2 - 3 * mm
        rule_y = ph - HEADER_RULE_FROM_TOP
        left = ctx.para(self.pack.council_name, "header_left")
        right = ctx.para(self._header(page), "header_right")
        left.wrapOn(canvas, half, 40 * mm)
        left.drawOn(canvas, MARGIN, rule_y + 2)
        right.wrapOn(canvas, half, 40 * mm)
        right.drawOn(canvas, pw - MARGIN - half, rule_y + 2)
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, rule_y, pw - MARGIN, rule_y)
        canvas.setFont(GOTHIC, 9)
        canvas.drawCentredString(pw / 2, FOOTER_BASELINE, f"- {page} -")
        canvas.restoreState()
        self.last_page = page

    def _header(self, page: int) -> str:
        for p in range(page, 0, -1):
            if p in self.header_of and p not in self.blank_pages:
                return self.header_of[p]
        return TITLE

    def run(self, target, flowables: list) -> int:
        self.pages, self.header_of, self.blank_pages, self.last_page = {}, {}, set(), 0
        ctx = self.ctx
        doc = BaseDocTemplate(
            target,
            pagesize=ctx.pagesize,
            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
            title=f"{self.pack.meeting_title} {TITLE}", author=self.pack.council_name, subject=TITLE,
            creator="Nagato Desk", producer="Nagato Desk (ReportLab)", lang="ja-JP",
            initialFontName=GOTHIC, initialFontSize=10.5,
        )  # fmt: skip
        frame = Frame(
            MARGIN, MARGIN, ctx.frame_width, ctx.frame_height, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._on_page_end)])
        doc.build(flowables)
        return max(self.last_page, 1)


def layout(lengths: list[int]) -> tuple[list[int], list[int]]:
    """Start pages and blank pages inserted before each section, for sections of ``lengths`` pages:
    the cover on page 1, the table of contents on page 2, every later section on an odd page."""
    starts, blanks = [], []
    page = 1
    for n, length in enumerate(lengths):
        blank = 1 if n >= 2 and page % 2 == 0 else 0
        page += blank
        starts.append(page)
        blanks.append(blank)
        page += length
    return starts, blanks


def write_assembly_pack(pack: AssemblyPack, out_path: Path, date_style: str = "wareki") -> PdfResult:
    """Write the booklet atomically (nothing is left at ``out_path`` on failure)."""
    w = _PackWriter(pack, date_style)

    def sections(page_of: dict[str, int] | None) -> list[_Section]:
        # fresh flowables for each run: reportlab may change a flowable while laying it out
        out = w.sections()
        out[0].flowables = w.cover()
        out[1].flowables = w.toc(out, page_of)
        out[2].flowables = w.agenda()
        for s, part in zip(out[3:], pack.parts, strict=True):
            s.flowables = w.part(part)
        return out

    # run 1: measure (no blanks; the table of contents with placeholders of the same size)
    first = sections(None)
    total = w.run(io.BytesIO(), w.story(first, {}))
    firsts = [w.pages[s.key] for s in first]
    lengths = [b - a for a, b in zip(firsts, [*firsts[1:], total + 1], strict=True)]
    starts, blanks = layout(lengths)
    page_of = {s.key: p for s, p in zip(first, starts, strict=True)}
    second = sections(page_of)
    blanks_before = {s.key: b for s, b in zip(second, blanks, strict=True) if b}
    with atomic_path(Path(out_path)) as tmp:
        pages = w.run(str(tmp), w.story(second, blanks_before))
        got = {s.key: w.pages.get(s.key) for s in second}
        if got != page_of:  # the table of contents would lie: refuse rather than print it
            raise RuntimeError(f"assembly pack pages moved between runs: {got} != {page_of}")
    return PdfResult(pages=pages, warnings=list(w.ctx.warnings))
