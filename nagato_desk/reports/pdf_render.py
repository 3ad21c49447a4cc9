"""Pictures of the pages of a PDF, for the preview and for printing (through pypdfium2).

No Qt here: a page comes back as raw pixels (``RGBX``: four bytes a pixel, the fourth unused) with
its size and line length, and the window turns them into a ``QImage``. pypdfium2 is imported on
first use, so start-up does not pay for it. PDFium itself is not thread-safe: every call holds one
lock, so the preview and a print job can run at the same time on different threads.
"""

from __future__ import annotations

import atexit
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

from nagato_desk.errors import UnreadableFileError

POINTS_PER_INCH = 72
MAX_DPI = 600

_lock = threading.RLock()
_open_documents: weakref.WeakSet[PdfPages] = weakref.WeakSet()
_registered: list[bool] = []


def _close_all() -> None:
    """Documents a preview still holds when the program ends are closed quietly (pypdfium2 warns
    about each one otherwise)."""
    for pages in list(_open_documents):
        pages.close()


@dataclass(frozen=True)
class PageImage:
    """One rendered page: ``height`` lines of ``stride`` bytes, ``RGBX`` pixels."""

    width: int
    height: int
    stride: int
    data: bytes
    dpi: float

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        at = y * self.stride + x * 4
        return self.data[at], self.data[at + 1], self.data[at + 2]


def _open(path: Path):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    if not _registered:  # after pypdfium2's own exit handlers, so it runs before them
        atexit.register(_close_all)
        _registered.append(True)

    try:
        return pdfium.PdfDocument(str(path))
    except (OSError, pdfium.PdfiumError) as exc:
        raise UnreadableFileError(
            f"PDF「{Path(path).name}」を読めません（{exc}）。",
            f"Cannot read the PDF '{Path(path).name}' ({exc}).",
        ) from exc


def page_count(path: Path) -> int:
    with _lock:
        doc = _open(path)
        try:
            return len(doc)
        finally:
            doc.close()


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Every page's (width, height) in points (1/72 inch): A4 portrait is about (595, 842)."""
    with _lock:
        doc = _open(path)
        try:
            return [tuple(doc[i].get_size()) for i in range(len(doc))]  # type: ignore[misc]
        finally:
            doc.close()


def _render(doc, index: int, dpi: float) -> PageImage:  # type: ignore[no-untyped-def]
    if not 0 <= index < len(doc):
        raise UnreadableFileError(
            f"このPDFに {index + 1} ページ目はありません（全 {len(doc)} ページ）。",
            f"The PDF has no page {index + 1} (it has {len(doc)}).",
        )
    dpi = max(1.0, min(float(dpi), MAX_DPI))
    page = doc[index]
    try:
        bitmap = page.render(
            scale=dpi / POINTS_PER_INCH,
            fill_color=(255, 255, 255, 255),
            rev_byteorder=True,  # RGB order, as QImage.Format_RGBX8888 reads it
            prefer_bgrx=True,  # four bytes a pixel
        )
        try:
            data = bytes(bitmap.buffer)
            return PageImage(bitmap.width, bitmap.height, bitmap.stride, data, dpi)
        finally:
            bitmap.close()
    finally:
        page.close()


def render_page(path: Path, index: int, dpi: float) -> PageImage:
    """Page ``index`` (0 = the first) at ``dpi`` dots per inch (at most 600)."""
    with _lock:
        doc = _open(path)
        try:
            return _render(doc, index, dpi)
        finally:
            doc.close()


class PdfPages:
    """An open PDF for rendering several pages without opening it each time; close it after use."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        with _lock:
            self._doc = _open(self.path)
            self.count = len(self._doc)
        _open_documents.add(self)

    def render(self, index: int, dpi: float) -> PageImage:
        with _lock:
            return _render(self._doc, index, dpi)

    def size(self, index: int) -> tuple[float, float]:
        with _lock:
            w, h = self._doc[index].get_size()
            return float(w), float(h)

    def close(self) -> None:
        with _lock:
            if self._doc is not None:
                self._doc.close()
                self._doc = None

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
