"""編集 → 元に戻す (Ctrl+Z) and 「変更の取り消し…」: undo a recent action from the change history.

The menu item says what it will undo (「元に戻す：会員「長門 太郎」の住所の変更」); the dialog lists the
recent actions, newest first, and undoes the chosen one. An undo is itself an action, so undoing it
again is the redo. After an undo every section already built shows the data again.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.jobs import Job
from nagato_desk.gui.table_model import Column, RowsModel, setup_table
from nagato_desk.services import undo as undo_service

BACKGROUND_FROM = 100  # records: an action changing this many is undone on a worker thread
LIST_LENGTH = 50  # recent actions offered in the dialog
MENU_TEXT_LENGTH = 60  # characters of the description shown in the menu


def _at(action: undo_service.UndoableAction) -> str:
    return action.at.strftime("%Y-%m-%d %H:%M:%S")


class UndoRunner(QObject):
    """Undoes one action in one transaction: at once when it changed few records, on a worker thread
    (gui/jobs.py, with a progress dialog) when it changed many, so the window never stalls. A refusal
    is shown in plain words; ``undone`` carries what was undone, ``settled`` fires after every attempt."""

    undone = Signal(str)
    settled = Signal()

    def __init__(self, widget: QWidget, db: Database, lang: str) -> None:
        super().__init__(widget)
        self.widget = widget
        self.db = db
        self.lang = lang
        self.job: Job | None = None

    def _work(self, key: int) -> str:
        with self.db.session() as session:
            return undo_service.undo(session, key).description

    def run(self, action: undo_service.UndoableAction) -> Job | None:
        if self.job is not None:  # one undo at a time: a second Ctrl+Z waits for the first
            return None
        if action.records < BACKGROUND_FROM:
            try:
                done = self._work(action.key)
            except NagatoError as exc:
                show_error(self.widget, exc, self.lang)
            else:
                self.undone.emit(done)
            self.settled.emit()
            return None
        asked = QMessageBox.question(
            self.widget,
            self.tr("Undo"),
            self.tr("Undo “%1”? It changes %2 records (this undo can itself be undone).")
            .replace("%1", action.description)
            .replace("%2", f"{action.records:,}"),
        )
        if asked != QMessageBox.StandardButton.Yes:
            self.settled.emit()
            return None
        self.job = Job(self.widget, self.tr("Undoing…"), lambda: self._work(action.key))
        self.job.finished.connect(self._finished)
        self.job.error.connect(self._failed)
        return self.job.start()

    def _finished(self, done: object) -> None:
        self.job = None
        self.undone.emit(str(done))
        self.settled.emit()

    def _failed(self, exc: object) -> None:
        self.job = None
        self.settled.emit()
        if isinstance(exc, NagatoError):
            show_error(self.widget, exc, self.lang)
        else:
            raise exc  # type: ignore[misc]  # the application's excepthook shows and logs it


class UndoDialog(QDialog):
    """「変更の取り消し」: the recent actions (日時, 操作者, 内容, 件数) and 「元に戻す」."""

    undone = Signal(str)  # the description of what was undone

    def __init__(self, db: Database, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.setWindowTitle(self.tr("Undo changes"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Recent actions, newest first. Undo them from the newest: an action whose records "
                "were changed afterwards is refused. An undo can itself be undone."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model = RowsModel(
            "UndoDialog",
            [
                Column(QT_TRANSLATE_NOOP("UndoDialog", "Date and time"), _at),
                Column(QT_TRANSLATE_NOOP("UndoDialog", "Operator"), lambda a: a.user),
                Column(QT_TRANSLATE_NOOP("UndoDialog", "Action"), lambda a: a.description),
                Column(QT_TRANSLATE_NOOP("UndoDialog", "Records"), lambda a: str(a.records), right=True),
            ],
            self,
            tooltip=lambda a: a.description,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, stretch=2)
        self.table.setColumnWidth(0, 160)
        self.table.setColumnWidth(1, 110)
        self.table.setColumnWidth(3, 60)
        self.table.doubleClicked.connect(lambda _index: self.undo_selected())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("There is nothing to undo."), self)
        layout.addWidget(self.empty)

        box = QDialogButtonBox(self)
        self.undo_button = QPushButton(self.tr("&Undo the selected action"), self)
        mark_primary(self.undo_button)
        self.undo_button.setDefault(True)  # Enter undoes the selected action
        self.undo_button.clicked.connect(self.undo_selected)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        box.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(box)
        self.runner = UndoRunner(self, db, lang)
        self.runner.undone.connect(self.undone)
        self.runner.settled.connect(self.refresh)
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        with self.db.Session() as session:
            actions = undo_service.recent_actions(session, LIST_LENGTH)
        self.model.set_rows(actions)
        self.empty.setVisible(not actions)
        self.undo_button.setEnabled(bool(actions))
        if actions:
            self.table.selectRow(0)

    def actions(self) -> list[undo_service.UndoableAction]:
        return list(self.model.rows)

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def selected(self) -> undo_service.UndoableAction | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def undo_selected(self) -> Job | None:
        action = self.selected()
        if action is None:
            return None
        return self.runner.run(action)


class EditMenu(QObject):
    """The 編集 menu of the main window: 元に戻す (Ctrl+Z) and 変更の取り消し…."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu: QMenu = window.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = QAction(self.tr("Undo"), window)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))  # Ctrl+Z
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo_action.triggered.connect(self.undo_last)
        self.menu.addAction(self.undo_action)
        window.addAction(self.undo_action)  # Ctrl+Z works with the menu closed
        self.changes_action = QAction(self.tr("Undo changes…"), window)
        self.changes_action.triggered.connect(self.show_dialog)
        self.menu.addAction(self.changes_action)
        self.menu.aboutToShow.connect(self.update_text)
        self.runner = UndoRunner(window, window.db, window.lang)
        self.runner.undone.connect(self.after_undo)
        self.runner.settled.connect(self.update_text)

    def update_text(self) -> None:
        """「元に戻す：会員「長門 太郎」の住所の変更」 — what Ctrl+Z would undo now."""
        with self.window.db.Session() as session:
            action = undo_service.last_action(session)
        if action is None:
            self.undo_action.setText(self.tr("Undo (nothing to undo)"))
            return
        text = action.description
        if len(text) > MENU_TEXT_LENGTH:
            text = text[: MENU_TEXT_LENGTH - 1] + "…"
        self.undo_action.setText(self.tr("Undo: %1").replace("%1", text.replace("&", "&&")))

    def undo_last(self) -> Job | None:
        """Ctrl+Z: undo the newest action (it is named in the status bar once undone)."""
        with self.window.db.Session() as session:
            action = undo_service.last_action(session)
        if action is None:
            self.window.statusBar().showMessage(self.tr("There is nothing to undo."), 5_000)
            return None
        return self.runner.run(action)

    def show_dialog(self) -> None:
        dialog = UndoDialog(self.window.db, self.window.lang, self.window)
        dialog.undone.connect(self.after_undo)
        dialog.exec()
        self.update_text()

    def after_undo(self, description: str) -> None:
        self.window.statusBar().showMessage(self.tr("Undone: %1").replace("%1", description), 10_000)
        refresh_sections(self.window)


def refresh_sections(window: QMainWindow) -> None:
    """Every page already built (and the home page) shows the data again; pages not yet built will
    read it when first shown."""
    for _key, holder in getattr(window, "sections", []):
        page = getattr(holder, "_page", holder)  # a LazyPage's section, once built
        if page is not None and hasattr(page, "refresh"):
            page.refresh()
