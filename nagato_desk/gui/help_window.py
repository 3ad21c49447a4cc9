"""ヘルプ → 使い方ガイド (F1): the user guide of docs/guide/ in a window of its own.

The chapters are the Markdown files of the guide folder (``nagato_desk.paths.guide_path``), listed on the
left by their first heading; the chosen one is shown on the right with its screenshots. Find (Ctrl+F)
looks in the chapter shown and then in the following ones; a chapter can be printed, and the whole
guide saved as one PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.paths import guide_path

#: The chapter opened first (はじめに).
FIRST_CHAPTER = "01-hajimeni"
#: Pictures wider than this (pixels) are shown and printed smaller, so a page never needs scrolling sideways.
PRINT_IMAGE_WIDTH = 620
#: On screen pictures follow the width of the window, down to this.
MIN_IMAGE_WIDTH = 320
_INDEX_NAMES = {"README.md", "00-index.md"}


@dataclass(frozen=True)
class Chapter:
    key: str  # the file name without .md, e.g. "01-hajimeni"
    title: str
    path: Path

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def chapters(folder: Path | None = None) -> list[Chapter]:
    """The chapters of the guide in reading order (by file name), titled by their first ``# `` heading."""
    folder = folder or guide_path()
    found = []
    for path in sorted(folder.glob("*.md")):
        if path.name in _INDEX_NAMES:
            continue
        match = re.search(r"^#\s+(.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
        found.append(Chapter(path.stem, match.group(1).strip() if match else path.stem, path))
    return found


def fit_images(document: QTextDocument, max_width: int) -> None:
    """Show every picture of ``document`` at its own size, or ``max_width`` pixels wide when it is wider."""
    pictures = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isImageFormat():
                pictures.append(
                    (fragment.position(), fragment.length(), fragment.charFormat().toImageFormat())
                )
            iterator += 1
        block = block.next()
    for position, length, image_format in pictures:  # changed after the walk, which they would disturb
        width, height = image_size(document, image_format.name())
        if not (width and height):
            continue
        shown = min(width, max_width)
        if image_format.width() == shown:
            continue
        resized = QTextImageFormat(image_format)
        resized.setWidth(shown)
        resized.setHeight(height * shown / width)
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(resized)


def image_size(document: QTextDocument, name: str) -> tuple[int, int]:
    """The size in pixels of the picture ``name`` as ``document`` loads it; (0, 0) when it cannot."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QImage, QPixmap

    data = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
    if isinstance(data, (QByteArray, bytes, bytearray)):
        image = QImage()
        image.loadFromData(bytes(data))
        data = image
    if isinstance(data, (QImage, QPixmap)) and not data.isNull():
        return data.width(), data.height()
    return 0, 0


def load_images(document: QTextDocument, folder: Path) -> None:
    """Give ``document`` its pictures from ``folder`` (a document outside a QTextBrowser does not look)."""
    from PySide6.QtGui import QImage

    for name in set(image_names(document)):
        image = QImage(str(folder / name))
        if not image.isNull():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)


def image_names(document: QTextDocument) -> list[str]:
    """The ``src`` of every picture in ``document``, in order."""
    names = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            iterator += 1
        block = block.next()
    return names


def whole_guide(folder: Path | None = None) -> QTextDocument:
    """Every chapter in one document, each starting on a new page (for the PDF of the whole guide)."""
    from PySide6.QtGui import QTextBlockFormat, QTextDocumentFragment

    folder = folder or guide_path()
    document = QTextDocument()
    document.setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
    cursor = QTextCursor(document)
    for number, chapter in enumerate(chapters(folder)):
        part = QTextDocument()
        part.setBaseUrl(document.baseUrl())
        part.setMarkdown(chapter.text())
        if number:
            cursor.insertBlock()
            page_break = QTextBlockFormat()
            page_break.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.mergeBlockFormat(page_break)
        cursor.insertFragment(QTextDocumentFragment(part))
    load_images(document, folder)
    fit_images(document, PRINT_IMAGE_WIDTH)
    return document


class HelpWindow(QWidget):
    """The guide: chapter list on the left, the chapter on the right, find, print and save as PDF."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.folder = folder or guide_path()
        self.chapters = chapters(self.folder)
        self._printer = None  # kept: QPrintDialog on a printer that is gone crashes
        self.setWindowTitle(self.tr("Nagato Desk — User guide"))

        self.contents = QListWidget(self)
        self.contents.setObjectName("helpChapters")
        for chapter in self.chapters:
            item = QListWidgetItem(chapter.title)
            item.setSizeHint(QSize(0, 38))
            item.setData(Qt.ItemDataRole.UserRole, chapter.key)
            self.contents.addItem(item)
        self.contents.currentRowChanged.connect(self._row_changed)

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)  # chapter links switch the list; web links open outside
        self.browser.anchorClicked.connect(self._link)
        self.browser.setSearchPaths([str(self.folder)])
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(150)
        self._fit_timer.timeout.connect(self._fit_to_view)
        self.browser.viewport().installEventFilter(self)

        self.find_field = QLineEdit(self)
        self.find_field.setPlaceholderText(self.tr("Find in the guide (Ctrl+F)"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.returnPressed.connect(self.find_next)
        self.find_field.textChanged.connect(lambda _text: self.status.clear())
        find_next = QPushButton(self.tr("Find next"), self)
        find_next.clicked.connect(self.find_next)
        find_previous = QPushButton(self.tr("Previous"), self)
        find_previous.clicked.connect(lambda: self.find_next(backward=True))
        self.status = QLabel(self)
        self.status.setObjectName("helpStatus")
        print_button = QPushButton(self.tr("Print this chapter…"), self)
        print_button.clicked.connect(self.print_chapter)
        pdf_button = QPushButton(self.tr("Save the whole guide as PDF…"), self)
        pdf_button.clicked.connect(self.save_pdf)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.clicked.connect(self.close)

        find_row = QHBoxLayout()
        find_row.addWidget(self.find_field, 1)
        find_row.addWidget(find_next)
        find_row.addWidget(find_previous)
        find_row.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(print_button)
        buttons.addWidget(pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(find_row)
        right_layout.addWidget(self.browser, 1)
        right_layout.addLayout(buttons)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Contents"), self)
        heading.setProperty("role", "title")
        left_layout.addWidget(heading)
        left_layout.addWidget(self.contents, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 940])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for keys, slot in (
            (QKeySequence.StandardKey.Find, self.focus_find),
            (QKeySequence.StandardKey.FindNext, self.find_next),
            (QKeySequence.StandardKey.FindPrevious, lambda: self.find_next(backward=True)),
            (QKeySequence.StandardKey.Print, self.print_chapter),
            (QKeySequence.StandardKey.Close, self.close),
        ):
            action = QAction(self)
            action.setShortcuts(QKeySequence.keyBindings(keys))
            action.triggered.connect(slot)
            self.addAction(action)
        escape = QAction(self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.triggered.connect(self.close)
        self.addAction(escape)
        self.resize(1200, 820)
        if not self.chapters:
            self.browser.setPlainText(self.tr("The guide was not found: %1").replace("%1", str(self.folder)))
        else:
            self.show_chapter(FIRST_CHAPTER)

    # --- chapters ------------------------------------------------------------------------------------

    def current_key(self) -> str | None:
        row = self.contents.currentRow()
        return self.chapters[row].key if 0 <= row < len(self.chapters) else None

    def show_chapter(self, key: str) -> bool:
        """Show the chapter whose file is ``key``.md (or whose file name starts with ``key``)."""
        for row, chapter in enumerate(self.chapters):
            if chapter.key == key or chapter.key.startswith(key):
                if self.contents.currentRow() == row:
                    self._row_changed(row)
                else:
                    self.contents.setCurrentRow(row)
                return True
        if self.contents.currentRow() < 0 and self.chapters:
            self.contents.setCurrentRow(0)
        return False

    def _row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.chapters):
            return
        chapter = self.chapters[row]
        document = self.browser.document()
        document.setBaseUrl(QUrl.fromLocalFile(str(self.folder) + "/"))
        self.browser.setMarkdown(chapter.text())
        self._fit_to_view()
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.status.clear()

    def _fit_to_view(self) -> None:
        fit_images(self.browser.document(), max(MIN_IMAGE_WIDTH, self.browser.viewport().width() - 40))

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if watched is self.browser.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()  # once the resizing stops
        return super().eventFilter(watched, event)

    def _link(self, url: QUrl) -> None:
        target = url.path() if not url.scheme() or url.isLocalFile() else ""
        name = Path(target).name
        if name.endswith(".md") and name not in _INDEX_NAMES:
            self.show_chapter(name[:-3])
            return
        if url.scheme() in ("http", "https", "mailto"):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
            return
        if url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())

    # --- find ----------------------------------------------------------------------------------------

    def focus_find(self) -> None:
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()

    def find_next(self, backward: bool = False) -> bool:
        """Select the next place the text occurs: in this chapter, else in the following chapters."""
        text = self.find_field.text().strip()
        if not text:
            self.focus_find()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        self.status.clear()
        if self.browser.find(text, flags):
            return True
        # Not further on in this chapter: the following (or, backwards, earlier) chapters, then this one again.
        row = max(self.contents.currentRow(), 0)
        count = len(self.chapters)
        step = -1 if backward else 1
        folded = text.casefold()
        for offset in range(1, count + 1):
            other = (row + step * offset) % count
            if folded in self.chapters[other].text().casefold() or other == row:
                if other != row:
                    self.contents.setCurrentRow(other)
                move = QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
                self.browser.moveCursor(move)
                if self.browser.find(text, flags):
                    if other != row:
                        self.status.setText(
                            self.tr("Found in “%1”").replace("%1", self.chapters[other].title)
                        )
                    return True
        self.status.setText(self.tr("“%1” was not found.").replace("%1", text))
        return False

    # --- print and PDF -------------------------------------------------------------------------------

    def _new_printer(self):  # type: ignore[no-untyped-def]
        from PySide6.QtGui import QPageLayout, QPageSize
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        return printer

    def chapter_document(self) -> QTextDocument:
        """A copy of the chapter shown, with pictures sized for A4."""
        document = self.browser.document().clone(self)
        document.setBaseUrl(QUrl.fromLocalFile(str(self.folder) + "/"))
        load_images(document, self.folder)
        fit_images(document, PRINT_IMAGE_WIDTH)
        return document

    def print_chapter(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        if self._printer is None:
            self._printer = self._new_printer()
        dialog = QPrintDialog(self._printer, self)
        dialog.setWindowTitle(self.tr("Print this chapter"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.chapter_document().print_(self._printer)

    def write_pdf(self, path: Path) -> Path:
        """The whole guide as one PDF (A4, a new page for each chapter)."""
        from PySide6.QtPrintSupport import QPrinter

        printer = self._new_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setDocName(self.tr("Nagato Desk — User guide"))
        whole_guide(self.folder).print_(printer)
        return path

    def save_pdf(self) -> None:
        start = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the whole guide as PDF"),
            str(start / (self.tr("Nagato Desk user guide") + ".pdf")),
            "PDF (*.pdf)",
        )
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # about a second for the whole guide
        try:
            self.write_pdf(path)
        finally:
            QApplication.restoreOverrideCursor()
        if path.is_file() and path.stat().st_size > 0:
            self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))
        else:
            QMessageBox.warning(
                self, self.tr("Not saved"), self.tr("Could not save: %1").replace("%1", str(path))
            )


def install_help(window: QMainWindow, menu: QMenu) -> QAction:
    """Add ヘルプ → 使い方ガイド (F1) to ``window``; once only, so F1 never becomes ambiguous."""
    existing = getattr(window, "help_action", None)
    if existing is not None:
        return existing
    action = QAction(QCoreApplication.translate("HelpWindow", "User guide"), window)
    action.setShortcut(QKeySequence("F1"))
    action.triggered.connect(lambda: open_help(window))
    menu.addAction(action)
    window.addAction(action)  # F1 works wherever the focus is in the window
    window.help_action = action  # type: ignore[attr-defined]
    return action


def open_help(window: QWidget, chapter: str | None = None) -> HelpWindow:
    """Show the guide window (one per main window), on ``chapter`` when given."""
    help_window = getattr(window, "help_window", None)
    if help_window is None:
        help_window = HelpWindow(window)
        window.help_window = help_window  # type: ignore[attr-defined]
    if chapter:
        help_window.show_chapter(chapter)
    help_window.show()
    if QGuiApplication.platformName() != "offscreen":  # which cannot raise a window, and says so
        help_window.raise_()
    help_window.activateWindow()
    return help_window
