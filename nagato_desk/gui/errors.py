"""Unexpected errors: logged, and shown in plain Japanese with where the log is. Saved data is safe
because every change is one transaction that either committed before the error or did not."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from nagato_desk.errors import NagatoError
from nagato_desk.logs import log_file

log = logging.getLogger("nagato_desk.gui")


def show_error(parent: QWidget | None, error: NagatoError, lang: str = "ja") -> None:
    """A problem the user can fix: say what, without a traceback."""
    QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Cannot do this"), error.message(lang))


def unexpected_error_text(exc: BaseException) -> str:
    where = log_file()
    lines = [
        QCoreApplication.translate(
            "Errors", "An unexpected error occurred. Data that was already saved has not been lost."
        ),
        QCoreApplication.translate(
            "Errors", "The last action may not have been completed; please check it and try again."
        ),
        "",
        f"{type(exc).__name__}: {exc}",
    ]
    if where is not None:
        lines += [
            "",
            QCoreApplication.translate("Errors", "Details were written to the log file:"),
            str(where),
        ]
    return "\n".join(lines)


def install_excepthook(lang: str = "ja") -> None:
    def hook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, NagatoError):
            show_error(QApplication.activeWindow(), exc, lang)
            return
        log.error("unexpected error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if QApplication.instance() is not None:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("Errors", "Unexpected error"),
                unexpected_error_text(exc),
            )
            box.exec()

    sys.excepthook = hook
