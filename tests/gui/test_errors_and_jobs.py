"""Unexpected errors reach the user in Japanese with the log's place; jobs report back."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from nagato_desk.errors import NagatoError
from nagato_desk.gui import errors as gui_errors
from nagato_desk.gui.jobs import Cancelled, Job


def test_unexpected_error_text_names_the_log(app, monkeypatch, tmp_path):
    log = tmp_path / "nagato-desk.log"
    monkeypatch.setattr(gui_errors, "log_file", lambda: log)
    text = gui_errors.unexpected_error_text(ZeroDivisionError("division by zero"))
    assert "予期しないエラーが発生しました。保存済みのデータは失われていません。" in text
    assert str(log) in text and "ZeroDivisionError" in text


def test_excepthook_logs_and_shows_a_dialog(app, monkeypatch, caplog):
    shown = []

    class FakeBox:
        Icon = QMessageBox.Icon

        def __init__(self, icon, title, text):
            shown.append((title, text))

        def exec(self):
            return 0

    monkeypatch.setattr(gui_errors, "QMessageBox", FakeBox)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    gui_errors.install_excepthook("ja")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        with caplog.at_level(logging.ERROR, logger="nagato_desk.gui"):
            sys.excepthook(*sys.exc_info())
    assert shown and shown[0][0] == "予期しないエラー"
    assert "RuntimeError: boom" in shown[0][1]
    assert "boom" in caplog.text


def test_user_errors_get_their_own_message(app, monkeypatch):
    seen = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: seen.append((title, text)))
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    gui_errors.install_excepthook("ja")
    sys.excepthook(NagatoError, NagatoError("金額が正しくありません。", "Bad amount."), None)
    assert seen == [("この操作はできません", "金額が正しくありません。")]


def test_job_runs_generator_and_returns_result(app, qtbot):
    def work():
        for i in range(3):
            yield i, 3, f"{i}"
        return "done"

    job = Job(None, "テスト", work)
    with qtbot.waitSignal(job.finished, timeout=10_000) as blocker:
        job.start()
    assert blocker.args == ["done"]


def test_job_cancel_stops_between_steps(app, qtbot):
    import threading

    started = threading.Event()
    release = threading.Event()
    steps = []

    def work():
        started.set()
        release.wait(5)
        for i in range(100):
            steps.append(i)
            yield i, 100, ""
        return "finished"

    job = Job(None, "テスト", work)
    with qtbot.waitSignal(job.error, timeout=10_000) as blocker:
        job.start()
        started.wait(5)
        job.cancel()
        release.set()
    assert isinstance(blocker.args[0], Cancelled)
    assert len(steps) <= 1


def test_job_failure_is_handed_back(app, qtbot):
    def work():
        raise NagatoError("書き込めません。", "Cannot write.")

    job = Job(None, "テスト", work)
    with qtbot.waitSignal(job.error, timeout=10_000) as blocker:
        job.start()
    assert isinstance(blocker.args[0], NagatoError)
    with pytest.raises(NagatoError):
        raise blocker.args[0]
