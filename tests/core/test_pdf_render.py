"""Pictures of PDF pages (reports/pdf_render.py): page count, sizes, and the pixels where the ink is."""

from __future__ import annotations

import pytest
from reportlab.pdfgen import canvas

from nagato_desk.errors import NagatoError
from nagato_desk.reports import pdf_render
from nagato_desk.services import document_catalog as catalog


def dark_pixels(page: pdf_render.PageImage) -> int:
    """Pixels darker than mid-grey on all three channels."""
    count = 0
    data, stride = page.data, page.stride
    for y in range(page.height):
        row = data[y * stride : y * stride + page.width * 4]
        count += sum(
            1 for x in range(0, len(row), 4) if row[x] < 128 and row[x + 1] < 128 and row[x + 2] < 128
        )
    return count


@pytest.fixture
def known_pdf(tmp_path):
    """Three pages of 600 × 840 points (whole pixels at 36, 72 and 144 dpi): blank; a black 1 × 2
    inch box; landscape with a red 1 inch square."""
    path = tmp_path / "known.pdf"
    c = canvas.Canvas(str(path), pagesize=(600, 840))
    c.showPage()
    c.setFillColorRGB(0, 0, 0)
    c.rect(72, 144, 72, 144, stroke=0, fill=1)  # 72 × 144 points = 1 × 2 inches
    c.showPage()
    c.setPageSize((840, 600))
    c.setFillColorRGB(1, 0, 0)
    c.rect(144, 144, 72, 72, stroke=0, fill=1)
    c.showPage()
    c.save()
    return path


def test_page_count_and_sizes(known_pdf):
    assert pdf_render.page_count(known_pdf) == 3
    sizes = [(round(w), round(h)) for w, h in pdf_render.page_sizes(known_pdf)]
    assert sizes == [(600, 840), (600, 840), (840, 600)]


def test_blank_page_has_no_ink_and_the_box_is_where_it_was_drawn(known_pdf):
    blank = pdf_render.render_page(known_pdf, 0, 72)
    assert (blank.width, blank.height) == (600, 840)  # 72 dpi: one pixel per point
    assert dark_pixels(blank) == 0
    box = pdf_render.render_page(known_pdf, 1, 72)
    # 1 × 2 inches at 72 dpi = 72 × 144 pixels
    assert dark_pixels(box) == 72 * 144
    # PDF y runs up from the bottom: the box spans y = 144…288 points, i.e. rows 840-288 … 840-144
    assert box.pixel(100, 840 - 200) == (0, 0, 0)
    assert box.pixel(100, 840 - 100) == (255, 255, 255)
    twice = pdf_render.render_page(known_pdf, 1, 144)
    assert (twice.width, twice.height) == (1200, 1680)
    assert dark_pixels(twice) == 144 * 288  # twice the resolution: four times the pixels


def test_colours_come_out_in_rgb_order(known_pdf):
    page = pdf_render.render_page(known_pdf, 2, 72)
    assert (page.width, page.height) == (840, 600)
    # the red square spans x 144…216, y (from the top) 600-216 … 600-144
    assert page.pixel(180, 600 - 180) == (255, 0, 0)


def test_several_pages_from_one_open_document(known_pdf):
    with pdf_render.PdfPages(known_pdf) as pages:
        assert pages.count == 3
        assert [dark_pixels(pages.render(i, 36)) for i in (0, 1)] == [0, 36 * 72]  # 36 dpi: half each way


def test_missing_page_and_unreadable_file_are_told(known_pdf, tmp_path):
    with pytest.raises(NagatoError) as err:
        pdf_render.render_page(known_pdf, 3, 72)
    assert "4 ページ目" in err.value.ja
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not a PDF")
    with pytest.raises(NagatoError) as err:
        pdf_render.page_count(broken)
    assert "broken.pdf" in err.value.ja


def test_document_titles_leave_out_command_line_hints():
    assert catalog.split_title("出納簿（会計ごと・全口座、--year 省略時は今年度）") == (
        "出納簿",
        "会計ごと・全口座",
    )
    assert catalog.split_title("収支決算書（--year 省略時は最後に締めた年度）") == ("収支決算書", "")
    assert catalog.split_title("役員名簿（選出母体・任期）") == ("役員名簿", "選出母体・任期")
    assert catalog.split_title("cash book per fund (default: this fiscal year)") == ("Cash book per fund", "")


def test_years_offered_follow_the_records(demo_db_path):
    from nagato_desk.database import open_database

    with open_database(demo_db_path) as db, db.Session() as session:
        today = __import__("datetime").date(2026, 11, 29)  # FY2026
        # services/demo_accounts.py closes every year before the current one: FY2024 and FY2025
        settled = catalog.year_choices(session, "settlement", today)
        assert (settled.years, settled.default) == ([2025, 2024], 2025)
        # the budget: from the first year of the books to next year, this year chosen
        budget = catalog.year_choices(session, "budget", today)
        assert (budget.years, budget.default) == ([2027, 2026, 2025, 2024], 2026)
        assert catalog.needs("minutes") == "meeting" and catalog.needs("roster") is None
        general = catalog.meeting_choices(session, "assembly-pack")
        assert general and all(m.general for m in general)
