"""Preview of a document: its pages as pictures — thumbnails down the side, the chosen page large,
zoom, 「n / N ページ」 — and the dialog that shows a preview with a print button.

Pages are rendered on one worker thread (``reports/pdf_render.py`` through pypdfium2), so a long
roster never holds up the window; the large page is rendered again when the zoom or the size of the
view changes. ``PreviewMaker`` writes the document as a PDF into a temporary folder in the
background (gui/jobs.py) before it is shown.
"""

from __future__ import annotations

import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.jobs import Job
from nagato_desk.reports.exports import ExportRequest

THUMB_DPI = 20  # an A4 page becomes about 165 × 234 pixels
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
FIT_WIDTH, FIT_PAGE = "width", "page"
SCREEN_DPI = 96


def to_qimage(page) -> QImage:  # type: ignore[no-untyped-def]
    """A ``pdf_render.PageImage`` as a QImage that owns its pixels."""
    image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888)
    return image.copy()


class _Pages:
    """The open document and the worker thread, outside Qt, so they can be closed after the
    widgets are gone."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf-render")
        self.pages = None  # pdf_render.PdfPages

    def close_document(self) -> None:
        if self.pages is not None:
            pages, self.pages = self.pages, None
            self.pool.submit(pages.close)  # after whatever is still rendering

    def shutdown(self) -> None:
        self.close_document()
        self.pool.shutdown(wait=True, cancel_futures=False)


class PageRenderer(QObject):
    """Renders pages of one PDF on a worker thread; ``rendered`` brings each picture back."""

    rendered = Signal(int, int, float, QImage)  # generation, page index, dpi, picture

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = _Pages()
        self.generation = 0
        self.wanted: tuple[int, float] | None = None  # the large page still wanted

    @property
    def pages(self):  # type: ignore[no-untyped-def]
        return self.state.pages

    def open(self, path: Path) -> int:
        from nagato_desk.reports.pdf_render import PdfPages

        self.close_document()
        self.state.pages = PdfPages(path)
        self.generation += 1
        return self.state.pages.count

    def size(self, index: int) -> tuple[float, float]:
        return self.pages.size(index) if self.pages is not None else (595.0, 842.0)

    def request(self, index: int, dpi: float, *, large: bool) -> None:
        if self.pages is None:
            return
        if large:
            self.wanted = (index, dpi)
        self.state.pool.submit(self._work, self.generation, self.pages, index, dpi, large)

    def _work(self, generation: int, pages, index: int, dpi: float, large: bool) -> None:  # type: ignore[no-untyped-def]
        try:
            if generation != self.generation or (large and self.wanted != (index, dpi)):
                return  # superseded: another document, page or zoom was asked for since
            image = to_qimage(pages.render(index, dpi))
            self.rendered.emit(generation, index, dpi, image)
        except (NagatoError, RuntimeError, AttributeError):
            return  # the document was closed meanwhile (or the preview is gone)

    def request_thumbnails(self, count: int, dpi: float) -> None:
        """Every page small, one after the other, in one task (cheaper than one task a page)."""
        if self.pages is not None:
            self.state.pool.submit(self._thumbnails, self.generation, self.pages, count, dpi)

    def _thumbnails(self, generation: int, pages, count: int, dpi: float) -> None:  # type: ignore[no-untyped-def]
        for index in range(count):
            if generation != self.generation:
                return
            self._work(generation, pages, index, dpi, False)

    def close_document(self) -> None:
        self.generation += 1
        self.state.close_document()

    def shutdown(self) -> None:
        self.generation += 1
        self.state.shutdown()


class PdfPreview(QWidget):
    """Thumbnails, one page large, zoom and page number; ``page_shown`` fires when a page is drawn."""

    page_shown = Signal(int)
    thumbnails_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.count = 0
        self.current = 0
        self.large: dict[int, QImage] = {}  # the current page's picture, for tests and printing
        self.thumbs_drawn: set[int] = set()
        self.renderer = PageRenderer(self)
        self.renderer.rendered.connect(self._rendered)
        state = self.renderer.state
        self.destroyed.connect(lambda *_: state.close_document())

        self.prev_button = QPushButton(self.tr("◀ Previous"), self)
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        self.page_box = QSpinBox(self)
        self.page_box.setMinimum(1)
        self.page_box.setAccessibleName(self.tr("Page"))
        self.of_label = QLabel(self)
        self.zoom = QComboBox(self)
        self.zoom.addItem(self.tr("Fit width"), FIT_WIDTH)
        self.zoom.addItem(self.tr("Whole page"), FIT_PAGE)
        for z in ZOOMS:
            self.zoom.addItem(f"{round(z * 100)}%", z)
        self.zoom.setToolTip(self.tr("Zoom (Ctrl++ / Ctrl+-)"))
        self.bar = QWidget(self)
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        caption = QLabel(self.tr("Page"), self)
        caption.setBuddy(self.page_box)
        bar.addWidget(caption)
        bar.addWidget(self.page_box)
        bar.addWidget(self.of_label)
        bar.addStretch(1)
        zoom_caption = QLabel(self.tr("Zoom"), self)
        zoom_caption.setBuddy(self.zoom)
        bar.addWidget(zoom_caption)
        bar.addWidget(self.zoom)

        self.thumbs = QListWidget(self)
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setFlow(QListWidget.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        self.thumbs.setIconSize(QSize(120, 170))
        self.thumbs.setSpacing(6)
        self.thumbs.setUniformItemSizes(True)
        self.thumbs.setFixedWidth(160)
        self.thumbs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.thumbs.setStyleSheet("QListWidget::item:selected { background: #2f6f9f; color: white; }")
        self.thumbs.setAccessibleName(self.tr("Pages"))
        self.page_label = QLabel(self)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.page_label)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setStyleSheet("QScrollArea { background: #8a939c; } QLabel { background: #8a939c; }")
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "subtitle")
        pages = QWidget(self)
        pages_layout = QHBoxLayout(pages)
        pages_layout.setContentsMargins(0, 0, 0, 0)
        pages_layout.addWidget(self.thumbs)
        pages_layout.addWidget(self.scroll, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)

        self.resize_timer = QTimer(self)
        self.resize_timer.setSingleShot(True)
        self.resize_timer.setInterval(120)
        self.resize_timer.timeout.connect(self._request_large)
        self.prev_button.clicked.connect(lambda: self.show_page(self.current - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.current + 1))
        self.page_box.valueChanged.connect(lambda v: self.show_page(v - 1))
        self.thumbs.currentRowChanged.connect(lambda row: self.show_page(row) if row >= 0 else None)
        self.zoom.currentIndexChanged.connect(lambda _i: self._request_large())
        for keys, slot in (
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.show_page(self.current + 1)),
            (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.show_page(self.current - 1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
        ):
            QShortcut(keys, self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.clear(self.tr("Choose a document and press Preview."))

    # --- what is shown ---------------------------------------------------------------------------
    def clear(self, text: str) -> None:
        """No pages: ``text`` in their place."""
        self.renderer.close_document()
        self.path, self.count, self.current = None, 0, 0
        self.large.clear()
        self.thumbs_drawn.clear()
        self.thumbs.clear()
        self.page_label.clear()
        self.message.setText(text)
        self.stack.setCurrentIndex(0)
        self._update_bar()

    def set_pdf(self, path: Path) -> None:
        self.large.clear()
        self.thumbs_drawn.clear()
        self.count = self.renderer.open(Path(path))
        self.path = Path(path)
        self.current = 0
        self.thumbs.blockSignals(True)
        self.thumbs.clear()
        blank = QPixmap(self.thumbs.iconSize())
        blank.fill(Qt.GlobalColor.white)
        icon = QIcon(blank)
        self.thumbs.setUpdatesEnabled(False)
        for n in range(self.count):
            item = QListWidgetItem(icon, str(n + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbs.addItem(item)
        self.thumbs.setUpdatesEnabled(True)
        self.thumbs.setCurrentRow(0)
        self.thumbs.blockSignals(False)
        self.stack.setCurrentIndex(1)
        self._update_bar()
        self._request_large()
        self.renderer.request_thumbnails(self.count, THUMB_DPI)

    def page_count(self) -> int:
        return self.count

    def show_page(self, index: int) -> None:
        if not self.count:
            return
        index = max(0, min(index, self.count - 1))
        if index == self.current and self.large:
            self._update_bar()
            return
        self.current = index
        self.large.clear()
        self._update_bar()
        self._request_large()

    def step_zoom(self, step: int) -> None:
        dpi_now = self._dpi()
        factors = list(ZOOMS)
        now = dpi_now / SCREEN_DPI
        bigger = [z for z in factors if z > now + 0.01]
        smaller = [z for z in factors if z < now - 0.01]
        target = (
            (bigger[0] if bigger else factors[-1]) if step > 0 else (smaller[-1] if smaller else factors[0])
        )
        self.zoom.setCurrentIndex(self.zoom.findData(target))

    def page_image(self) -> QImage | None:
        """The current page's large picture once it was rendered."""
        return self.large.get(self.current)

    def _update_bar(self) -> None:
        has = self.count > 0
        self.bar.setVisible(has)
        for w in (self.prev_button, self.next_button, self.page_box, self.zoom):
            w.setEnabled(has)
        self.prev_button.setEnabled(has and self.current > 0)
        self.next_button.setEnabled(has and self.current < self.count - 1)
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, self.count))
        self.page_box.setValue(self.current + 1)
        self.page_box.blockSignals(False)
        self.of_label.setText(self.tr("/ %1").replace("%1", str(self.count)) if has else "")
        if has and self.thumbs.currentRow() != self.current:
            self.thumbs.blockSignals(True)
            self.thumbs.setCurrentRow(self.current)
            self.thumbs.blockSignals(False)

    def _dpi(self) -> float:
        mode = self.zoom.currentData()
        ratio = self.devicePixelRatioF() or 1.0
        if mode in (FIT_WIDTH, FIT_PAGE):
            w_pt, h_pt = self.renderer.size(self.current)
            view = self.scroll.viewport().size()
            room_w = max(200, view.width() - 24) / (w_pt / 72)
            if mode == FIT_WIDTH:
                return room_w * ratio
            room_h = max(200, view.height() - 24) / (h_pt / 72)
            return min(room_w, room_h) * ratio
        return SCREEN_DPI * float(mode) * ratio

    def _request_large(self) -> None:
        if self.count:
            self.renderer.request(self.current, round(self._dpi(), 1), large=True)

    def _rendered(self, generation: int, index: int, dpi: float, image: QImage) -> None:
        if generation != self.renderer.generation:
            return
        if dpi == THUMB_DPI and index < self.thumbs.count():
            thumb = QPixmap.fromImage(image).scaled(
                self.thumbs.iconSize(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            icon = QIcon(thumb)
            icon.addPixmap(thumb, QIcon.Mode.Selected)  # not tinted when chosen
            self.thumbs.item(index).setIcon(icon)
            self.thumbs_drawn.add(index)
            if len(self.thumbs_drawn) == self.count:
                self.thumbnails_done.emit()
        if index == self.current and self.renderer.wanted == (index, dpi):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF() or 1.0)
            self.page_label.setPixmap(pixmap)
            self.large = {index: image}
            self.page_shown.emit(index)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self.count and self.zoom.currentData() in (FIT_WIDTH, FIT_PAGE):
            self.resize_timer.start()

    def shutdown(self) -> None:
        self.renderer.shutdown()


class PreviewMaker(QObject):
    """Writes a document as PDF into a temporary folder in the background; ``ready`` carries its
    path, ``failed`` fires after the user was told what went wrong."""

    ready = Signal(str, list)  # path, warnings
    failed = Signal()

    def __init__(self, db: Database, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.parent_widget = parent
        self.folder = Path(tempfile.mkdtemp(prefix="nagato-preview-"))
        self.job: Job | None = None
        self.serial = 0
        parent.destroyed.connect(lambda *_: shutil.rmtree(self.folder, ignore_errors=True))

    def start(self, key: str, request: ExportRequest, title: str) -> Job:
        from nagato_desk.reports.exports import REPORTS

        self.serial += 1
        out = self.folder / f"preview-{self.serial}.pdf"
        request = replace(request, out=out, format="pdf")
        report, db = REPORTS[key], self.db

        def work() -> list[str]:
            from nagato_desk.reports.pdf_render import page_count

            with db.Session() as session:
                warnings = report.run(session, request)
            page_count(out)  # pypdfium2 is loaded here, off the window's thread
            return warnings

        self.job = Job(
            self.parent_widget,
            QCoreApplication.translate("PdfPreview", "Preparing %1…").replace("%1", title),
            work,
        )
        self.job.finished.connect(lambda warnings: self.ready.emit(str(out), list(warnings or [])))
        self.job.error.connect(self._error)
        return self.job.start()

    def _error(self, exc: object) -> None:
        self.failed.emit()
        if isinstance(exc, NagatoError):
            show_error(self.parent_widget, exc, self.lang)
        else:
            raise exc  # type: ignore[misc]  # the excepthook logs it and tells the user


def preview_request(
    date_style: str, fiscal_year: int | None = None, meeting: str | None = None
) -> ExportRequest:
    return ExportRequest(
        out=Path("preview.pdf"),
        format="pdf",
        fiscal_year=fiscal_year,
        meeting=meeting,
        date_style=date_style,
        today=date.today(),
    )


class PreviewDialog(QDialog):
    """A document's pages with 「印刷…」: what each section's 「プレビュー・印刷…」 opens."""

    def __init__(
        self,
        db: Database,
        lang: str,
        key: str,
        request: ExportRequest,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from nagato_desk.gui.printing import PdfPrinter

        self.key = key
        self.title = title
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", title))
        self.preview = PdfPreview(self)
        self.preview.clear(self.tr("Preparing the document…"))
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setProperty("role", "subtitle")
        self.warnings.hide()
        self.buttons = QDialogButtonBox(self)
        self.print_button = self.buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        mark_primary(self.print_button)
        self.print_button.setEnabled(False)
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.warnings)
        layout.addWidget(self.buttons)
        self.printer = PdfPrinter(lang, self)
        self.print_button.clicked.connect(self.print_document)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        self.maker = PreviewMaker(db, lang, self)
        self.maker.ready.connect(self._ready)
        self.maker.failed.connect(lambda: self.preview.clear(self.tr("The document could not be made.")))
        self.finished.connect(lambda _r: self.preview.shutdown())
        self.resize(980, 760)
        self.job = self.maker.start(key, request, title)

    def _ready(self, path: str, warnings: list[str]) -> None:
        self.preview.set_pdf(Path(path))
        self.print_button.setEnabled(True)
        self.print_button.setFocus()
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))

    def print_document(self) -> Job | None:
        if self.preview.path is None:
            return None
        return self.printer.print_pdf(self.preview.path, self.title, self.preview.current)
