"""Background jobs: long work runs on a worker thread, a progress dialog appears after ~0.5 s with a
cancel button, and the result comes back on the GUI thread through a signal.

The work itself is plain Python: a generator that yields ``(done, total, label)`` now and then and
returns its result (``return value`` inside the generator), or a plain function.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """The user pressed cancel; the work stopped between two steps and wrote nothing."""


class _Worker(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any], cancel_flag: threading.Event) -> None:
        super().__init__()
        self.work = work
        self.cancel_flag = cancel_flag

    def run(self) -> None:
        try:
            result = self.work()
            if inspect.isgenerator(result):
                gen = result
                try:
                    while True:
                        if self.cancel_flag.is_set():
                            gen.close()
                            raise Cancelled()
                        done, total, label = next(gen)
                        self.progress.emit(int(done), int(total), str(label))
                except StopIteration as stop:
                    result = stop.value
            self.done.emit(result)
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self.failed.emit(exc)


class Job(QObject):
    """One running job; keep a reference until ``finished`` fires."""

    finished = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QWidget | None, title: str, work: Callable[[], Any]) -> None:
        super().__init__(parent)
        self.cancel_flag = threading.Event()
        self.thread = QThread()
        self.worker = _Worker(work, self.cancel_flag)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.dialog = QProgressDialog(title, QCoreApplication.translate("Jobs", "Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(500)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel_flag.set)

    def start(self) -> Job:
        self.thread.start()
        return self

    def cancel(self) -> None:
        self.cancel_flag.set()

    def _progress(self, done: int, total: int, label: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(done)
        if label:
            self.dialog.setLabelText(label)

    def _finish(self) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.reset()
        self.dialog.hide()

    def _done(self, result: object) -> None:
        self._finish()
        self.finished.emit(result)

    def _failed(self, exc: object) -> None:
        self._finish()
        self.error.emit(exc)
