"""Printing a document: the system's print dialog (printer, copies, page range, double-sided where
the printer offers it; A4 unless the user picks another paper), then each page of the PDF rendered
at the printer's resolution and painted with QPainter — on a worker thread (Qt allows QPainter on a
QPrinter there), with progress and cancel.

The QPrinter is kept on ``PdfPrinter`` for as long as it is used (ARCHITECTURE.md: a QPrinter that
Python lets go while Qt still paints on it crashes the program).
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from nagato_desk.errors import NagatoError
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.jobs import Job

MAX_PRINT_DPI = 300  # enough for text and lines; an A4 page is then about 35 MB of pixels


def new_printer() -> QPrinter:
    """A printer set to A4 portrait, printing on the whole sheet (the PDF has its own margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


def pages_to_print(printer: QPrinter, count: int, current: int = 0) -> list[int]:
    """The page indexes (0 = first) the print dialog asked for, each copy included when the printer
    cannot make copies itself."""
    chosen = list(range(count))
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
        chosen = list(range(first - 1, last))
    elif mode == QPrinter.PrintRange.CurrentPage:
        chosen = [min(max(0, current), count - 1)] if count else []
    copies = printer.copyCount()
    if copies > 1 and not printer.supportsMultipleCopies():
        collated = printer.collateCopies()
        chosen = chosen * copies if collated else [p for p in chosen for _ in range(copies)]
    return chosen


def paint_pdf(
    printer: QPrinter, pdf_path: Path, pages: list[int] | None = None
) -> Generator[tuple[int, int, str], None, int]:
    """Paint ``pages`` (all by default) of the PDF onto ``printer``; yields progress, returns the
    number of pages painted. Closing the generator early cancels the print job."""
    from nagato_desk.gui.pdf_preview import to_qimage
    from nagato_desk.reports.pdf_render import PdfPages

    with PdfPages(Path(pdf_path)) as pdf:
        order = list(range(pdf.count)) if pages is None else pages
        dpi = min(MAX_PRINT_DPI, max(72, printer.resolution()))
        if order:
            _orient(printer, pdf.size(order[0]))
        painter = QPainter()
        if not painter.begin(printer):
            raise NagatoError(
                "プリンターを開けません。プリンターの電源と接続、または保存先を確かめてください。",
                "Cannot open the printer. Check that it is on and connected, or the file it prints to.",
            )
        done = 0
        try:
            for n, index in enumerate(order):
                if n:
                    _orient(printer, pdf.size(index))
                    if not printer.newPage():
                        raise NagatoError("印刷を続けられません。", "Cannot go on printing.")
                image = to_qimage(pdf.render(index, dpi))
                target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                scale = min(target.width() / image.width(), target.height() / image.height())
                w, h = image.width() * scale, image.height() * scale
                x = target.x() + (target.width() - w) / 2
                y = target.y() + (target.height() - h) / 2
                painter.drawImage(QRectF(x, y, w, h), image)
                done += 1
                yield (
                    done,
                    len(order),
                    QCoreApplication.translate("PdfPrinter", "Page %1 of %2")
                    .replace("%1", str(done))
                    .replace("%2", str(len(order))),
                )
        except GeneratorExit:
            printer.abort()
            raise
        finally:
            painter.end()
        return done


def _orient(printer: QPrinter, size: tuple[float, float]) -> None:
    """Landscape pages (a wide cash book) are printed across the sheet."""
    w, h = size
    wanted = QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait
    if printer.pageLayout().orientation() != wanted:
        printer.setPageOrientation(wanted)


class PdfPrinter(QObject):
    """Asks where and how to print, then prints in the background; ``printed`` carries the number of
    pages sent to the printer."""

    printed = Signal(int)
    failed = Signal()

    def __init__(self, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.lang = lang
        self.parent_widget = parent
        self.printer = new_printer()  # kept: Qt must not lose it while painting
        self.job: Job | None = None

    def dialog(self, count: int) -> QPrintDialog:
        dialog = QPrintDialog(self.printer, self.parent_widget)
        dialog.setWindowTitle(QCoreApplication.translate("PdfPrinter", "Print"))
        option = QAbstractPrintDialog.PrintDialogOption
        dialog.setOptions(
            option.PrintPageRange
            | option.PrintCurrentPage
            | option.PrintCollateCopies
            | option.PrintToFile
            | option.PrintShowPageSize
        )
        dialog.setMinMax(1, max(1, count))
        self.printer.setFromTo(0, 0)
        self.printer.setPrintRange(QPrinter.PrintRange.AllPages)
        return dialog

    def print_pdf(self, pdf_path: Path, title: str, current: int = 0) -> Job | None:
        """Open the print dialog for the PDF and print it when the user says so."""
        from nagato_desk.reports.pdf_render import page_count

        try:
            count = page_count(Path(pdf_path))
        except NagatoError as exc:
            show_error(self.parent_widget, exc, self.lang)
            return None
        self.printer.setDocName(title)
        dialog = self.dialog(count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.start(pdf_path, title, pages_to_print(self.printer, count, current))

    def start(self, pdf_path: Path, title: str, pages: list[int] | None = None) -> Job:
        printer = self.printer

        def work():  # type: ignore[no-untyped-def]
            return paint_pdf(printer, Path(pdf_path), pages)

        self.job = Job(
            self.parent_widget,
            QCoreApplication.translate("PdfPrinter", "Printing %1…").replace("%1", title),
            work,
        )
        self.job.finished.connect(lambda done: self.printed.emit(int(done or 0)))
        self.job.error.connect(self._error)
        return self.job.start()

    def _error(self, exc: object) -> None:
        from nagato_desk.gui.jobs import Cancelled

        self.failed.emit()
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, NagatoError):
            show_error(self.parent_widget, exc, self.lang)
        else:
            raise exc  # type: ignore[misc]  # the excepthook logs it and tells the user
