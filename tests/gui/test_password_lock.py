"""The start password and the idle lock through the real widgets: a wrong password is refused (three
times, then a wait), the right one opens; after the idle time the window is covered, input outside the
password field is swallowed, and a half-typed form is still there after unlocking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit
from qt_helpers import fake_exec, type_text

from nagato_desk.database import open_database
from nagato_desk.gui import password_dialog
from nagato_desk.gui.app import Startup
from nagato_desk.gui.lock_screen import LockCover, install_idle_lock
from nagato_desk.gui.main_window import MainWindow
from nagato_desk.gui.password_dialog import PasswordBox, PasswordPrompt, SetPasswordDialog
from nagato_desk.services import members as members_service
from nagato_desk.services import passwords
from nagato_desk.services.members import MemberFilter
from nagato_desk.settings import Settings

PASSWORD = "kaigi2026"


def set_password(path, minutes: int = 5) -> None:
    with open_database(path) as db, db.session() as s:
        passwords.set_password(s, PASSWORD)
        passwords.set_idle_minutes(s, minutes)


def enter(edit: QLineEdit, text: str) -> None:
    edit.clear()
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def test_a_wrong_password_is_refused_three_times_then_the_prompt_waits(app, qtbot, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(passwords.time, "monotonic", lambda: now[0])
    prompt = PasswordPrompt(lambda text: text == PASSWORD, "試験協議会")
    qtbot.addWidget(prompt)
    prompt.show()
    edit = prompt.entry.edit
    enter(edit, "wrong1")
    assert prompt.result() != QDialog.DialogCode.Accepted and prompt.isVisible()
    assert "2" in prompt.entry.message.text()  # tries left: 3 - 1
    assert edit.text() == ""  # cleared for the next try
    enter(edit, "wrong2")
    enter(edit, "wrong3")
    assert not edit.isEnabled()  # waiting: the field takes nothing
    assert "30" in prompt.entry.message.text()
    assert prompt.entry.try_password() is False  # even the button does nothing now
    now[0] += 30
    prompt.entry._tick()  # the once-a-second timer
    assert edit.isEnabled()
    enter(edit, PASSWORD)
    assert prompt.result() == QDialog.DialogCode.Accepted


def test_start_asks_the_password_and_giving_up_ends_the_program(app, qtbot, demo_db_path, monkeypatch):
    set_password(demo_db_path)
    asked = []

    def give_up(dialog):
        asked.append(dialog.windowTitle())
        dialog.show()
        enter(dialog.entry.edit, "wrong")
        dialog.reject()

    fake_exec(monkeypatch, PasswordPrompt, give_up)
    startup = Startup(demo_db_path, Settings(), "ja")
    assert startup.open() == 0
    assert asked and startup.window is None


def test_start_with_the_right_password_opens_the_window_with_the_idle_lock(
    app, qtbot, demo_db_path, monkeypatch
):
    set_password(demo_db_path, minutes=7)

    def right(dialog):
        dialog.show()
        enter(dialog.entry.edit, PASSWORD)  # Enter: the dialog's Open button

    fake_exec(monkeypatch, PasswordPrompt, right)
    startup = Startup(demo_db_path, Settings(), "ja")
    assert startup.open() is None
    qtbot.addWidget(startup.window)
    assert startup.window.isVisible()
    assert startup.idle_lock.minutes == 7 and startup.idle_lock.timer.isActive()
    assert startup.idle_lock.timer.interval() == 7 * 60_000
    startup.window.close()


def test_without_a_password_nothing_is_asked_and_nothing_locks(app, qtbot, demo_db_path, monkeypatch):
    fake_exec(monkeypatch, PasswordPrompt, lambda dialog: pytest.fail("asked for a password"))
    startup = Startup(demo_db_path, Settings(), "ja")
    assert startup.open() is None
    qtbot.addWidget(startup.window)
    assert startup.idle_lock.minutes == 0 and not startup.idle_lock.timer.isActive()
    startup.window.close()


@pytest.fixture
def locked_window(app, qtbot, demo_db_path):
    set_password(demo_db_path)
    db = open_database(demo_db_path)
    window = MainWindow(db, Settings(), None, "ja")
    qtbot.addWidget(window)
    window.show()
    lock = install_idle_lock(window, db)
    yield window, lock
    window.close()
    db.close()


def test_idle_lock_covers_the_window_and_keeps_a_half_typed_form(locked_window, qtbot):
    from nagato_desk.gui.member_dialog import MemberDialog

    window, lock = locked_window
    assert lock.timer.isActive() and lock.minutes == 5
    dialog = MemberDialog(window.db, "wareki", None, "ja", window)
    qtbot.addWidget(dialog)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: app_modal() is dialog)
    type_text(dialog.edits["name"], "長門 太郎")
    lock.timer.timeout.emit()  # the idle time has passed
    assert lock.is_locked
    covers = lock.covers
    assert len(covers) == 2 and all(c.isVisible() for c in covers)  # the window and the open form
    assert {c.parent() for c in covers} == {window, dialog}
    [prompt_cover] = [c for c in covers if c.entry is not None]
    assert prompt_cover.parent() is dialog  # the password is asked where the user was working
    assert prompt_cover.geometry() == dialog.rect()
    # typing into the form underneath is swallowed while locked
    QTest.keyClicks(dialog.edits["reading"], "abc")
    assert dialog.edits["reading"].text() == ""
    QTest.keyClick(prompt_cover.entry.edit, Qt.Key.Key_Escape)  # not the form's Cancel
    enter(prompt_cover.entry.edit, "nothing")  # nor is Enter the form's Save
    assert lock.is_locked and "2" in prompt_cover.entry.message.text()
    assert dialog.isVisible()
    enter(prompt_cover.entry.edit, PASSWORD)
    assert not lock.is_locked and lock.timer.isActive()
    qtbot.waitUntil(lambda: not [c for c in dialog.findChildren(LockCover) if c.isVisible()])
    assert dialog.isVisible() and dialog.edits["name"].text() == "長門 太郎"  # nothing lost
    dialog.reject()
    with window.db.Session() as s:  # and nothing was saved behind the user's back
        assert not members_service.search_member_ids(s, MemberFilter(text="長門 太郎"))


def app_modal():
    from PySide6.QtWidgets import QApplication

    return QApplication.activeModalWidget()


def test_input_restarts_the_idle_timer(locked_window, qtbot):
    window, lock = locked_window
    lock.set_minutes(1)
    lock.timer.start(50_000)  # as if 10 s had passed
    QTest.keyClick(window.navigation, Qt.Key.Key_Down)
    assert lock.timer.remainingTime() > 55_000  # back to a full minute


def test_settings_set_the_password_and_the_minutes(app, qtbot, demo, no_dialogs, monkeypatch):
    box = PasswordBox(demo, "ja")
    qtbot.addWidget(box)
    assert not box.remove_button.isEnabled() and not box.idle.isEnabled()

    def mismatched(dialog):
        dialog.show()
        QTest.keyClicks(dialog.new, "abcd1234")
        QTest.keyClicks(dialog.repeat, "abcd9999")
        dialog.accept()

    fake_exec(monkeypatch, SetPasswordDialog, mismatched)
    assert box.open_dialog(remove=False) is False
    assert "2回とも同じではありません" in no_dialogs[-1][1]

    def fill(dialog):
        dialog.show()
        QTest.keyClicks(dialog.new, "abcd1234")
        QTest.keyClicks(dialog.repeat, "abcd1234")
        dialog.accept()

    fake_exec(monkeypatch, SetPasswordDialog, fill)
    assert box.open_dialog(remove=False) is True
    with demo.Session() as s:
        assert passwords.check_password(s, "abcd1234") and not passwords.check_password(s, "abcd")
    assert box.remove_button.isEnabled() and box.idle.isEnabled()
    box.idle.setValue(15)
    assert box.save() is True
    with demo.Session() as s:
        assert passwords.access_settings(s) == passwords.AccessSettings(True, 15)

    def remove_wrong(dialog):
        dialog.show()
        QTest.keyClicks(dialog.current, "nope")
        dialog.accept()

    fake_exec(monkeypatch, SetPasswordDialog, remove_wrong)
    assert box.open_dialog(remove=True) is False
    assert "今のパスワードが違います" in no_dialogs[-1][1]

    def remove(dialog):
        dialog.show()
        QTest.keyClicks(dialog.current, "abcd1234")
        dialog.accept()

    fake_exec(monkeypatch, SetPasswordDialog, remove)
    assert box.open_dialog(remove=True) is True
    with demo.Session() as s:
        assert not passwords.password_is_set(s)


def test_the_settings_page_shows_the_password_part(app, qtbot, demo, no_dialogs):
    from nagato_desk.gui.pages.settings_page import SettingsPage

    page = SettingsPage(demo, Settings(), None, "ja")
    qtbot.addWidget(page)
    assert page.password_box.isVisibleTo(page)
    assert password_dialog.PasswordBox is type(page.password_box)
