"""The fast table of the long roster (reports/pdf_rows.py, issue 9): rows measured once, a page
break only slices the row list, wrapped cells stay paragraphs."""

from __future__ import annotations

from datetime import date

from nagato_desk.reports import pdf_base
from nagato_desk.reports.pdf_rows import BOTTOM_PADDING, TOP_PADDING, FastTable, fast_table

LONG_ADDRESS = "山口県長門市油谷河原1234番地の5　コーポ長門101号室" * 2


def make_table(rows: int = 10) -> tuple[pdf_base.PdfContext, FastTable]:
    ctx = pdf_base.PdfContext(pdf_base.PageSpec("試験協議会", "会員名簿", date(2026, 5, 20)))
    body = [[f"会員 {i:02d}", "東区1番地", str(20 + i)] for i in range(rows)]
    body[1][1] = LONG_ADDRESS
    return ctx, fast_table(
        ctx, ["氏名", "住所", "年齢"], body, [0.3, 0.5, 0.2], numeric_cols=(2,), continued="東区（続き）"
    )


def test_rows_are_plain_strings_unless_they_wrap():
    _ctx, table = make_table()
    single = pdf_base.CELL_LEADING + TOP_PADDING + BOTTOM_PADDING  # 13.5 + 2.5 + 3.5 = 19.5
    rows = table.rows.body
    assert rows[0].cells == ["会員 00", "東区1番地", "20"] and rows[0].height == single
    assert isinstance(rows[1].cells[1], pdf_base.Paragraph)  # too long for one line
    assert rows[1].height >= 2 * pdf_base.CELL_LEADING + TOP_PADDING + BOTTOM_PADDING  # two lines at least
    assert table.wrap(500, 800)[1] == sum(r.height for r in rows) + table.rows.header.height


def test_split_slices_the_rows_and_the_rest_gets_the_caption():
    _ctx, table = make_table(10)
    table.rows.body[1] = table.rows.body[0]  # every row one line: 19.5 points
    header = table.rows.header.height
    # room for the header and 3 rows (3 × 19.5 = 58.5), not a 4th
    first, rest = table.split(500, header + 58.5 + 10)
    assert (first.start, first.stop, rest.start, rest.stop) == (0, 3, 3, 10)
    assert (
        len(first._head()) == 1 and len(rest._head()) == 2
    )  # the rest has 「東区（続き）」 above the header
    # the rest needs the caption too: with room for header + caption + 2 rows it takes exactly 2
    caption = table.rows.caption.height
    second, _more = rest.split(500, header + caption + 39 + 1)
    assert (second.start, second.stop) == (3, 5)
    assert table.split(500, header + 5) == []  # not even one row: the next page
    assert rest.split(500, 10_000) == [rest]  # all of it fits
