"""Printing (gui/printing.py): the pages of a PDF painted onto a printer — here a PDF-file printer,
so the result can be counted — with the page range, copies and orientation the dialog asked for."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from reportlab.pdfgen import canvas

from nagato_desk.gui.printing import PdfPrinter, new_printer, pages_to_print, paint_pdf
from nagato_desk.reports import pdf_render


def pdfinfo(path) -> tuple[int, list[str]]:
    """The number of pages and each page's size as pdfinfo prints it (「595.276 x 841.89」)."""
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(path)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)", out, re.M)
    return pages, sizes


def file_printer(path) -> QPrinter:
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def run(gen):
    """Drive a paint_pdf generator to its end; its return value."""
    try:
        while True:
            next(gen)
    except StopIteration as stop:
        return stop.value


@pytest.fixture
def three_pages(tmp_path):
    """Portrait, landscape, portrait; each page a black box of a different height (1, 2, 3 inches)."""
    path = tmp_path / "three.pdf"
    c = canvas.Canvas(str(path), pagesize=(595.276, 841.89))
    for n, size in ((1, (595.276, 841.89)), (2, (841.89, 595.276)), (3, (595.276, 841.89))):
        c.setPageSize(size)
        c.rect(72, 72, 144, 72 * n, stroke=0, fill=1)
        c.showPage()
    c.save()
    return path


def test_every_page_is_printed_in_its_orientation(app, three_pages, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = file_printer(out)
    assert printer.pageLayout().pageSize().id() == printer.pageLayout().pageSize().PageSizeId.A4
    assert run(paint_pdf(printer, three_pages)) == 3
    pages, sizes = pdfinfo(out)
    assert pages == 3
    # A4 is 595 × 842 points; the landscape page comes out across the sheet
    assert [tuple(round(float(v)) for v in s.split(" x ")) for s in sizes] == [
        (595, 842),
        (842, 595),
        (595, 842),
    ]
    # the ink is where it was: page 3's box is 2 × 3 inches = 144 × 216 pixels at 72 dpi, page 1's
    # 2 × 1 inches = 144 × 72 (the printed copy is a picture: allow a line of pixels round it)
    for index, expected in ((0, 144 * 72), (2, 144 * 216)):
        page = pdf_render.render_page(out, index, 72)
        dark = sum(1 for i in range(0, len(page.data), 4) if page.data[i] < 128)
        assert abs(dark - expected) <= 2 * (144 + 216)


def test_page_range_current_page_and_copies(app, three_pages, tmp_path):
    printer = file_printer(tmp_path / "x.pdf")
    assert pages_to_print(printer, 3) == [0, 1, 2]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert pages_to_print(printer, 3) == [1, 2]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert pages_to_print(printer, 3, current=1) == [1]
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    printer.setCopyCount(2)
    assert not printer.supportsMultipleCopies()  # a PDF file cannot: the pages are repeated
    printer.setCollateCopies(True)
    assert pages_to_print(printer, 3) == [0, 1, 2, 0, 1, 2]
    printer.setCollateCopies(False)
    assert pages_to_print(printer, 3) == [0, 0, 1, 1, 2, 2]


def test_print_dialog_choices_reach_the_printer(app, qtbot, three_pages, tmp_path, monkeypatch):
    """Through PdfPrinter as the window uses it: the user picks pages 2–3 and two copies."""
    out = tmp_path / "chosen.pdf"
    seen = {}

    def exec_(dialog):
        seen["range"] = (dialog.minPage(), dialog.maxPage())
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        printer.setCopyCount(2)
        printer.setCollateCopies(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    parent = QWidget()
    qtbot.addWidget(parent)
    printing = PdfPrinter("ja", parent)
    with qtbot.waitSignal(printing.printed, timeout=60_000) as blocker:
        job = printing.print_pdf(three_pages, "見本")
    assert job is not None
    assert seen["range"] == (1, 3)  # the dialog offered pages 1 to 3
    assert blocker.args == [4]  # pages 2 and 3, twice
    pages, sizes = pdfinfo(out)
    assert pages == 4
    assert [round(float(s.split(" x ")[0])) for s in sizes] == [842, 595, 842, 595]  # landscape, portrait
    assert printing.printer.pageLayout().pageSize().name() == "A4"


def test_cancelled_print_dialog_prints_nothing(app, qtbot, three_pages, monkeypatch):
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert PdfPrinter("ja", parent).print_pdf(three_pages, "見本") is None


def test_documents_page_prints_what_it_previews(app, demo, qtbot, tmp_path, monkeypatch):
    """「印刷…」 on the 書類 page with no preview yet: the document is made, then printed whole."""
    from nagato_desk.gui.pages.documents import DocumentsPage
    from nagato_desk.settings import Settings

    out = tmp_path / "minutes-printed.pdf"

    def exec_(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    page = DocumentsPage(demo, Settings(), "ja")
    qtbot.addWidget(page)
    page.show()
    page.select_document("minutes")
    with qtbot.waitSignal(page.printer.printed, timeout=90_000) as blocker:
        page.print_button.click()
    previewed = pdf_render.page_count(page.preview.path)
    assert previewed == page.preview.page_count() >= 1
    assert blocker.args == [previewed]
    assert pdfinfo(out)[0] == previewed  # the same number of pages as the document


def test_cancelling_stops_the_print_job(app, three_pages, tmp_path):
    """The progress dialog's cancel closes the painting between two pages: the job is aborted."""

    class Recording(QPrinter):
        aborted = 0

        def abort(self) -> bool:
            self.aborted += 1
            return super().abort()

    printer = Recording(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    gen = paint_pdf(printer, three_pages)
    done, total, label = next(gen)  # the progress the dialog shows: 「3ページ中 1ページ目」
    assert (done, total) == (1, 3) and "1" in label and "3" in label
    gen.close()
    assert printer.aborted == 1
    assert not printer.paintingActive()  # the painter was ended: the printer can be used again
