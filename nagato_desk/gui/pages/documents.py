"""書類: every document the program makes, grouped by record, with the options it needs (fiscal
year, meeting), a preview of its pages, printing, saving as PDF/xlsx/csv and opening the folder it
was saved in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.document_export import DocumentSaver, ask_save_path, format_label
from nagato_desk.gui.jobs import Job
from nagato_desk.gui.pdf_preview import PdfPreview, PreviewMaker
from nagato_desk.gui.printing import PdfPrinter
from nagato_desk.reports.exports import ExportRequest
from nagato_desk.services import document_catalog as catalog
from nagato_desk.settings import Settings

_CTX = "DocumentsPage"
GROUP_TITLES = {
    "members": QT_TRANSLATE_NOOP("DocumentsPage", "Members"),
    "accounts": QT_TRANSLATE_NOOP("DocumentsPage", "Accounts"),
    "meetings": QT_TRANSLATE_NOOP("DocumentsPage", "Meetings"),
    "plan": QT_TRANSLATE_NOOP("DocumentsPage", "Dream plan"),
    "activities": QT_TRANSLATE_NOOP("DocumentsPage", "Activities"),
    "assembly": QT_TRANSLATE_NOOP("DocumentsPage", "General meeting and city hall"),
    "other": QT_TRANSLATE_NOOP("DocumentsPage", "Other"),
}
KEY_ROLE = Qt.ItemDataRole.UserRole


LATEST = 0  # the 「最新」 year choice (no year given to the report)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _data(combo: QComboBox):  # type: ignore[no-untyped-def]
    """The chosen item's data, None when there is none. Every item is given data and an empty combo
    is not read: a binding that loses a reference on each empty value read (PySide6 6.12,
    tests/gui/test_qt_binding.py) then has nothing to lose here."""
    return combo.currentData() if combo.currentIndex() >= 0 else None


class DocumentsPage(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, settings: Settings, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from nagato_desk.reports.exports import REPORTS

        self.db = db
        self.settings = settings
        self.lang = lang
        self.reports = REPORTS
        self.saved_path: Path | None = None
        self.shown: tuple[str, int | None, str | None] | None = None  # what the preview shows
        self.print_after_preview = False
        self.pending: tuple[str, int | None, str | None] | None = None
        heading = QLabel(self.tr("Documents"), self)
        heading.setProperty("role", "title")
        hint = QLabel(self.tr("Preview, print or save any document the program makes."), self)
        hint.setProperty("role", "subtitle")

        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Documents"))
        self.tree.setMinimumWidth(250)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 2px 2px; }")
        self.name = QLabel(self)
        font = QFont(self.name.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setProperty("role", "subtitle")
        self.year = QComboBox(self)
        self.meeting = QComboBox(self)
        self.meeting.setMinimumContentsLength(24)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #9a3b00;")
        self.format = QComboBox(self)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        mark_primary(self.preview_button)
        self.preview_button.setToolTip(self.tr("Show the pages (F5)"))
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setToolTip(self.tr("Choose a printer, copies and pages (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("Save…"), self)
        self.save_button.setToolTip(self.tr("Save as a file in the format chosen (Ctrl+S)"))
        self.folder_button = QPushButton(self.tr("Open folder"), self)
        self.folder_button.setToolTip(self.tr("Open the folder the document was saved in"))
        self.folder_button.setEnabled(False)
        self.preview = PdfPreview(self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Fiscal year"), self.year)
        form.addRow(self.tr("Meeting"), self.meeting)
        self.form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        buttons.addSpacing(16)
        save_caption = QLabel(self.tr("Format"), self)
        save_caption.setBuddy(self.format)
        buttons.addWidget(save_caption)
        buttons.addWidget(self.format)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(12, 0, 0, 0)
        detail_layout.addWidget(self.name)
        detail_layout.addWidget(self.description)
        detail_layout.addLayout(form)
        detail_layout.addWidget(self.note)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(self.preview, 1)
        split = QSplitter(self)
        split.addWidget(self.tree)
        split.addWidget(detail)
        split.setStretchFactor(1, 1)
        split.setSizes([290, 860])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(split, 1)

        self.maker = PreviewMaker(db, lang, self)
        self.maker.ready.connect(self._preview_ready)
        self.maker.failed.connect(self._preview_failed)
        self.printer = PdfPrinter(lang, self)
        self.saver = DocumentSaver(db, lang, self)
        self.saver.exported.connect(self._saved)
        self.saver.failed.connect(self._update_buttons)
        self.fill_tree()
        self.tree.currentItemChanged.connect(lambda _n, _p: self.document_changed())
        self.tree.itemActivated.connect(lambda _i, _c: self.preview_document())
        self.year.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.meeting.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.preview_button.clicked.connect(lambda: self.preview_document())
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button.clicked.connect(lambda: self.save_document())
        self.folder_button.clicked.connect(self.open_folder)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_F5), self.preview_document),
            (QKeySequence.StandardKey.Print, self.print_document),
            (QKeySequence.StandardKey.Save, self.save_document),
        ):
            QShortcut(keys, self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setTabOrder(self.tree, self.year)
        self.setTabOrder(self.year, self.meeting)
        self.setTabOrder(self.meeting, self.preview_button)
        self.setTabOrder(self.preview_button, self.print_button)
        self.setTabOrder(self.print_button, self.format)
        self.setTabOrder(self.format, self.save_button)
        self.setTabOrder(self.save_button, self.folder_button)
        self.select_document(next(iter(self.reports), ""))

    # --- the list ----------------------------------------------------------------------------------
    def title_of(self, key: str) -> tuple[str, str]:
        """The document's name and description in the window's language (command-line hints left out)."""
        report = self.reports[key]
        return catalog.split_title(report.ja if self.lang == "ja" else report.en)

    def fill_tree(self) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for group in catalog.GROUPS:
            keys = [k for k in self.reports if catalog.group_of(k) == group]
            if not keys:
                continue
            item = QTreeWidgetItem([_tr(GROUP_TITLES[group])])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setData(0, KEY_ROLE, "")  # every item has data: see _data
            self.tree.addTopLevelItem(item)
            groups[group] = item
            names = [self.title_of(k)[0] for k in keys]
            for key in keys:
                name, description = self.title_of(key)
                text = name
                if names.count(name) > 1 and description:  # 事業報告書（活動分野別）/（担当部会別）
                    text = f"{name}（{description}）" if self.lang == "ja" else f"{name} ({description})"
                child = QTreeWidgetItem([text])
                child.setData(0, KEY_ROLE, key)
                child.setToolTip(0, f"{name}\n{description}" if description else name)
                item.addChild(child)
        self.tree.expandAll()

    def listed_keys(self) -> list[str]:
        keys = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            keys.extend(group.child(j).data(0, KEY_ROLE) for j in range(group.childCount()))
        return keys

    def _item(self, key: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, KEY_ROLE) == key:
                    return group.child(j)
        return None

    def select_document(self, key: str) -> None:
        item = self._item(key)
        if item is not None:
            self.tree.setCurrentItem(item)
        self.document_changed()

    def key(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, KEY_ROLE) or "") if item is not None else ""

    def page_title(self) -> str:
        return self.tr("Documents")

    # --- the chosen document -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the years and meetings again (they change in the other sections)."""
        self.document_changed(keep_preview=True)

    def document_changed(self, keep_preview: bool = False) -> None:
        key = self.key()
        report = self.reports.get(key)
        chosen_year, chosen_meeting = _data(self.year), _data(self.meeting)
        self.year.blockSignals(True)
        self.meeting.blockSignals(True)
        self.year.clear()
        self.meeting.clear()
        need = catalog.needs(key) if report is not None else None
        self.missing = ""
        if report is None:
            self.name.setText(self.tr("Choose a document on the left."))
            self.description.clear()
        else:
            name, description = self.title_of(key)
            self.name.setText(name)
            self.description.setText(description)
            self.description.setVisible(bool(description))
        with self.db.Session() as session:
            if need == "year":
                choices = catalog.year_choices(session, key, date.today())
                if catalog.year_optional(key):
                    self.year.addItem(self.tr("Latest"), LATEST)
                for fy in choices.years:
                    self.year.addItem(format_fiscal_year(fy, self.settings.date_style), fy)
                default = chosen_year if keep_preview and chosen_year in choices.years else choices.default
                self.year.setCurrentIndex(max(0, self.year.findData(default)))
                if not choices.years and not catalog.year_optional(key):
                    self.missing = self._no_year_text(key)
            elif need == "meeting":
                meetings = catalog.meeting_choices(session, key)
                for m in meetings:
                    label = f"No.{m.number} {format_date(m.held_on, self.settings.date_style)} {m.title}"
                    self.meeting.addItem(label, str(m.number))
                if keep_preview and chosen_meeting is not None:
                    self.meeting.setCurrentIndex(max(0, self.meeting.findData(chosen_meeting)))
                if not meetings:
                    self.missing = (
                        self.tr("There is no general meeting yet: add one in Meetings first.")
                        if key in catalog.GENERAL_ONLY
                        else self.tr("There is no meeting yet: add one in Meetings first.")
                    )
        self.year.blockSignals(False)
        self.meeting.blockSignals(False)
        self.form.setRowVisible(self.year, need == "year" and self.year.count() > 0)
        self.form.setRowVisible(self.meeting, need == "meeting" and self.meeting.count() > 0)
        self.note.setText(self.missing)
        self.note.setVisible(bool(self.missing))
        current_fmt = _data(self.format)
        self.format.clear()
        for fmt in catalog.save_formats(key, report.formats) if report is not None else ():
            self.format.addItem(format_label(fmt), fmt)
        self.format.setCurrentIndex(max(0, self.format.findData(current_fmt)))
        self._update_buttons()
        if not keep_preview or self.shown != self.choice():
            self._clear_preview()

    def _no_year_text(self, key: str) -> str:
        kind = catalog.YEARS_OF.get(key)
        if kind == "closed":
            return self.tr("No fiscal year has been closed yet: close the year in Accounts first.")
        if kind == "plan":
            return self.tr("There is no dream plan yet: make one in Dream plan first.")
        return self.tr("There is no fiscal year to choose yet.")

    def _options_changed(self) -> None:
        self._update_buttons()
        if self.shown != self.choice():
            self._clear_preview()

    def _clear_preview(self) -> None:
        self.shown = None
        if self.missing:
            self.preview.clear(self.missing)
        elif self.can_preview():
            self.preview.clear(self.tr("Press Preview to see the pages."))
        else:
            self.preview.clear(self.tr("This document cannot be previewed: save it and open the file."))

    def choice(self) -> tuple[str, int | None, str | None]:
        need = catalog.needs(self.key())
        year = _data(self.year) if need == "year" else None
        meeting = _data(self.meeting) if need == "meeting" else None
        return self.key(), (None if year == LATEST else year), meeting

    def can_preview(self) -> bool:
        report = self.reports.get(self.key())
        return report is not None and catalog.previewable(self.key(), report.formats) and not self.missing

    def _busy(self) -> bool:
        return any(
            j is not None and j.thread.isRunning() for j in (self.maker.job, self.saver.job, self.printer.job)
        )

    def _update_buttons(self) -> None:
        ready = bool(self.key()) and not self.missing and not self._busy()
        self.preview_button.setEnabled(ready and self.can_preview())
        self.print_button.setEnabled(ready and self.can_preview())
        self.save_button.setEnabled(ready and self.format.count() > 0)
        self.format.setEnabled(ready)
        self.folder_button.setEnabled(self.saved_path is not None)

    def request(self, out: Path, fmt: str) -> ExportRequest:
        _key, year, meeting = self.choice()
        return ExportRequest(
            out=out,
            format=fmt,
            fiscal_year=year,
            meeting=meeting,
            date_style=self.settings.date_style,
            today=date.today(),
        )

    # --- actions -------------------------------------------------------------------------------------
    def preview_document(self) -> Job | None:
        if not self.can_preview() or self._busy():
            return None
        self.preview.clear(self.tr("Preparing the document…"))
        key = self.key()
        self.pending = self.choice()
        job = self.maker.start(key, self.request(Path("preview.pdf"), "pdf"), self.title_of(key)[0])
        self._update_buttons()
        return job

    def _preview_ready(self, path: str, warnings: list[str]) -> None:
        self.shown = self.pending
        self.preview.set_pdf(Path(path))
        self.note.setText("\n".join(warnings))
        self.note.setVisible(bool(warnings))
        self._update_buttons()
        if self.print_after_preview:
            self.print_after_preview = False
            self.print_document()

    def _preview_failed(self) -> None:
        self.print_after_preview = False
        self.preview.clear(self.tr("The document could not be made."))
        self._update_buttons()

    def print_document(self) -> Job | None:
        """Print what the preview shows; make the preview first when it shows something else."""
        if not self.can_preview() or self._busy():
            return None
        if self.shown != self.choice() or self.preview.path is None:
            self.print_after_preview = True
            self.preview_document()
            return None
        job = self.printer.print_pdf(self.preview.path, self.title_of(self.key())[0], self.preview.current)
        if job is not None:
            job.finished.connect(lambda _d: self._update_buttons())
            job.error.connect(lambda _e: self._update_buttons())
            self._update_buttons()
        return job

    def save_document(self, out: Path | None = None) -> Job | None:
        key, fmt = self.key(), _data(self.format)
        if not key or not fmt or self.missing or self._busy():
            return None
        name = self.title_of(key)[0]
        out = out or ask_save_path(self, f"{name}_{date.today():%Y%m%d}.{fmt}", fmt)
        if out is None:
            return None
        job = self.saver.start(key, self.request(out, fmt), name)
        self._update_buttons()
        return job

    def _saved(self, path: str) -> None:
        self.saved_path = Path(path)
        self.folder_button.setToolTip(str(self.saved_path.parent))
        self._update_buttons()

    def open_folder(self) -> bool:
        if self.saved_path is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path.parent)))

    def screenshots(self, save) -> None:  # type: ignore[no-untyped-def]
        """The officer list previewed: the list, the options and the first page large."""
        self.select_document("officers")
        if self.preview_document() is not None:
            self.wait_for_page(30_000)
        save(self.window(), "documents-preview")

    def wait_for_page(self, timeout_ms: int) -> bool:
        """Wait (with the events running) until the preview shows its page; False on failure or
        timeout. One event loop, not a loop of processEvents calls."""
        from PySide6.QtCore import QEventLoop, QTimer

        preview = self.preview
        for signal, done in (
            (preview.page_shown, lambda: preview.page_image() is not None),
            (preview.thumbnails_done, lambda: len(preview.thumbs_drawn) == preview.page_count()),
        ):
            if done() or self.maker.job is None:
                continue
            loop = QEventLoop(self)
            signal.connect(loop.quit)
            self.maker.failed.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
            signal.disconnect(loop.quit)
            self.maker.failed.disconnect(loop.quit)
        return self.preview.page_image() is not None
