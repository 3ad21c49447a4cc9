"""The PDF base: embedded fonts, font fallback and 〓 warnings, long tables, atomic writes."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.enums import TA_RIGHT
from reportlab.platypus import Flowable

from nagato_desk.reports import pdf_base
from nagato_desk.reports.pdf_base import GOTHIC, MINCHO, PageSpec, PdfContext

COUNCIL = "宇津賀地区まちづくり協議会"
ISSUED = date(2026, 4, 1)


def poppler(tool: str, *args: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} (poppler-utils) is needed to check the PDFs: apt-get install poppler-utils")
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table, columns cut where its dashed underline is."""
    lines = poppler("pdffonts", str(path)).splitlines()
    spans = [m.span() for m in re.finditer(r"-+", lines[1])]
    names = [lines[0][a:b].strip() for a, b in spans]
    names[-1] = lines[0][spans[-1][0] :].strip()
    return [{n: line[a:b].strip() for n, (a, b) in zip(names, spans, strict=True)} for line in lines[2:]]


def text(path: Path, *args: str) -> str:
    return poppler("pdftotext", "-layout", *args, str(path), "-")


@pytest.fixture
def ctx() -> PdfContext:
    return PdfContext(PageSpec(council_name=COUNCIL, title="試験の文書", issued=ISSUED))


def long_rows(n: int) -> list[list[str]]:
    return [["番号", "氏名", "住所"]] + [
        [str(i), f"会員{i:05d}", "山口県長門市油谷河原1234番地"] for i in range(1, n + 1)
    ]


def test_fonts_are_embedded_truetype_never_cid(ctx, tmp_path):
    out = tmp_path / "fonts.pdf"
    story = [
        ctx.heading("見出し"),
        ctx.para("本文の段落です。"),
        ctx.key_value_table([("名称", COUNCIL)]),
        ctx.table(
            [["項目", "金額"], ["会費", "1,000"], ["合計", "1,000"]],
            [0.6, 0.4],
            numeric_cols=(1,),
            total_rows=(-1,),
        ),
    ]
    ctx.build(out, story)
    fonts = pdf_fonts(out)
    assert fonts, "pdffonts listed no fonts"
    assert {f["emb"] for f in fonts} == {"yes"}, fonts
    assert not any("Heisei" in f["name"] or "CID" in f["type"] for f in fonts), fonts
    assert not any(f["name"] == "Helvetica" for f in fonts)
    assert any("BIZUDGothic-Regular" in f["name"] for f in fonts)
    assert any("BIZUDGothic-Bold" in f["name"] for f in fonts)


def test_header_footer_date_and_metadata(ctx, tmp_path):
    out = tmp_path / "doc.pdf"
    result = ctx.build(out, [ctx.para("本文")])
    assert result.pages == 1 and result.warnings == []
    page = text(out)
    assert COUNCIL in page and "試験の文書" in page
    assert "令和8年4月1日" in page
    assert "- 1 -" in page
    info = poppler("pdfinfo", str(out))
    assert re.search(r"^Title:\s+試験の文書$", info, re.M)
    assert re.search(rf"^Author:\s+{COUNCIL}$", info, re.M)
    assert re.search(r"^Creator:\s+Nagato Desk$", info, re.M)
    assert "595.276 x 841.89" in info  # A4 portrait


def test_seireki_and_landscape(tmp_path):
    ctx = PdfContext(PageSpec(COUNCIL, "横向き", ISSUED, date_style="seireki", landscape=True))
    out = tmp_path / "land.pdf"
    ctx.build(out, [ctx.para("本文")])
    assert "2026年4月1日" in text(out)
    assert "841.89 x 595.276" in poppler("pdfinfo", str(out))


def test_para_escapes_markup_and_keeps_newlines(ctx):
    assert ctx.markup("a<b>&c\nd\r\ne") == "a&lt;b&gt;&amp;c<br/>d<br/>e"
    p = ctx.para("<b>太字ではない</b>")
    assert "&lt;b&gt;" in p.text


def test_spaces_do_not_vanish(ctx):
    # reportlab collapses whitespace, U+3000 included: a 全角 space becomes two no-break spaces.
    assert ctx.markup("山田　太郎") == "山田\u00a0\u00a0太郎"
    assert ctx.markup("a  b") == "a \u00a0b"
    assert ctx.markup("　字下げ") == "\u00a0\u00a0字下げ"


def test_missing_character_is_replaced_and_reported(ctx, tmp_path):
    out = tmp_path / "yoshi.pdf"
    result = ctx.build(out, [ctx.para("𠮷田 太郎"), ctx.table([["氏名"], ["𠮷田 花子"]], [1.0])])
    assert ctx.missing_characters == ["𠮷"]
    assert result.warnings == ["文字『𠮷』(U+20BB7) はフォントにないため〓で印刷しました。"]
    page = text(out)
    assert "〓田 太郎" in page and "〓田 花子" in page


def test_header_text_is_checked_too(tmp_path):
    ctx = PdfContext(PageSpec("𠮷浦地区協議会", "概要", ISSUED))
    result = ctx.build(tmp_path / "h.pdf", [ctx.para("本文")])
    assert any("U+20BB7" in w for w in result.warnings)
    assert "〓浦地区協議会" in text(tmp_path / "h.pdf")


def test_character_missing_from_gothic_falls_back_to_mincho(ctx, monkeypatch):
    # The bundled Gothic and Mincho cover the same characters, so fake a Gothic without 髙.
    gothic = dict(pdf_base._cmaps[GOTHIC])
    del gothic[ord("髙")]
    monkeypatch.setitem(pdf_base._cmaps, GOTHIC, gothic)
    assert ctx.markup("髙橋 <様>") == f'<font name="{MINCHO}">髙</font>橋 &lt;様&gt;'
    assert ctx.warnings == []


def test_variation_selector_prints_the_base_character_with_a_warning(ctx):
    assert ctx.markup("葛\U000e0100飾") == "葛飾"
    assert ctx.warnings == ["異体字セレクタ (U+E0100) は印刷できないため、元の文字で印刷しました。"]


def test_each_missing_character_is_reported_once(ctx):
    ctx.markup("𠮷𠮷\u200b")
    ctx.markup("𠮷")
    assert ctx.missing_characters == ["𠮷", "\u200b"]
    assert len(ctx.warnings) == 2 and "U+200B" in ctx.warnings[1]


def test_numeric_columns_are_right_aligned_and_totals_bold(ctx):
    t = ctx.table(
        [["項目", "金額"], ["会費", "1,000"], ["合計", "1,000"]],
        [0.6, 0.4],
        numeric_cols=(1,),
        total_rows=(-1,),
    )
    cells = t._cellvalues
    assert cells[1][1].style.alignment == TA_RIGHT
    assert cells[2][0].style.fontName == pdf_base.GOTHIC_BOLD
    assert cells[1][0].style.fontName == pdf_base.GOTHIC


def test_column_widths_fractions_and_points_fit_the_frame(ctx):
    assert sum(ctx.column_widths([0.25, 0.25, 0.5])) == pytest.approx(ctx.frame_width)
    too_wide = ctx.column_widths([400, 400])
    assert sum(too_wide) == pytest.approx(ctx.frame_width)
    assert ctx.column_widths([100, 50]) == [100, 50]
    with pytest.raises(ValueError):
        ctx.table([["a", "b", "c"]], [0.5, 0.5])


def test_long_table_spans_pages_with_the_header_repeated(ctx, tmp_path):
    out = tmp_path / "long.pdf"
    rows = long_rows(300)
    table = ctx.table(rows, [0.15, 0.35, 0.5], numeric_cols=(0,))
    width, _ = table.wrap(ctx.frame_width, ctx.frame_height)
    assert width <= ctx.frame_width + 1e-6
    result = ctx.build(out, [ctx.heading("名簿"), table, ctx.para("以上")])
    assert result.pages >= 3
    pages = [text(out, "-f", str(n), "-l", str(n)) for n in range(1, result.pages + 1)]
    for n, page in enumerate(pages, start=1):
        assert f"- {n} -" in page
        assert re.search(r"番号\s+氏名\s+住所", page), f"header missing on page {n}"
        assert len(re.findall(r"番号\s+氏名\s+住所", page)) == 1  # only at the top of the page
    everything = "".join(pages)
    for i in (1, 150, 300):
        assert f"会員{i:05d}" in everything
    assert len(re.findall(r"会員\d{5}", everything)) == 300  # no row lost or repeated
    assert "以上" in pages[-1]


def test_nothing_is_printed_outside_the_page(ctx, tmp_path):
    out = tmp_path / "bbox.pdf"
    rows = long_rows(120) + [["合計", "", "120名"]]
    ctx.build(out, [ctx.table(rows, [0.15, 0.35, 0.5], numeric_cols=(0,), total_rows=(-1,))])
    html = poppler("pdftotext", "-bbox", str(out), "-")
    page_w = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    x_max = [float(x) for x in re.findall(r'xMax="([\d.]+)"', html)]
    assert x_max and max(x_max) <= page_w - pdf_base.MARGIN + 1


def test_very_long_table_is_built_in_chunks(ctx, tmp_path):
    n = pdf_base.CHUNK_ROWS * 4 + 7
    out = tmp_path / "chunks.pdf"
    result = ctx.build(out, [ctx.table(long_rows(n), [0.15, 0.35, 0.5], numeric_cols=(0,))])
    found = re.findall(r"会員(\d{5})", text(out))
    assert [int(x) for x in found] == list(range(1, n + 1))
    assert result.pages >= n // 45
    for page in range(1, result.pages + 1):  # the header once at the top of every page, never mid-page
        assert len(re.findall(r"番号\s+氏名\s+住所", text(out, "-f", str(page), "-l", str(page)))) == 1


def test_chunk_shorter_than_the_page_still_flows(ctx, tmp_path, monkeypatch):
    # a chunk whose rows all fit must grow rather than repeat the header mid-page.
    monkeypatch.setattr(pdf_base, "CHUNK_ROWS", 5)
    table = ctx.table(long_rows(23), [0.15, 0.35, 0.5])
    out = tmp_path / "small_chunks.pdf"
    result = ctx.build(out, [table])
    page = text(out)
    assert result.pages == 1
    assert len(re.findall(r"番号\s+氏名\s+住所", page)) == 1
    assert [int(x) for x in re.findall(r"会員(\d{5})", page)] == list(range(1, 24))


def test_failed_build_leaves_nothing(ctx, tmp_path):
    class Boom(Flowable):
        def wrap(self, aw, ah):
            raise RuntimeError("boom")

    out = tmp_path / "fail.pdf"
    with pytest.raises(RuntimeError, match="boom"):
        ctx.build(out, [ctx.para("本文"), Boom()])
    assert list(tmp_path.iterdir()) == []


def test_failed_build_keeps_the_previous_file(ctx, tmp_path):
    class Boom(Flowable):
        def wrap(self, aw, ah):
            raise RuntimeError("boom")

    out = tmp_path / "keep.pdf"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        ctx.build(out, [Boom()])
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_register_fonts_is_idempotent():
    pdf_base.register_fonts()
    pdf_base.register_fonts()
    from reportlab.pdfbase import pdfmetrics

    assert {GOTHIC, pdf_base.GOTHIC_BOLD, MINCHO} <= set(pdfmetrics.getRegisteredFontNames())


def test_written_files_are_not_private(tmp_path):
    """The temp file mkstemp makes is 0600; the document must get the usual permissions."""
    import os
    import stat

    from nagato_desk.atomic import atomic_path

    out = tmp_path / "doc.txt"
    with atomic_path(out) as tmp:
        tmp.write_text("x")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
