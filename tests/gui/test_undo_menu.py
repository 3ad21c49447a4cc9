"""編集 → 元に戻す (Ctrl+Z) and 「変更の取り消し…」 in the window: the menu says what will be undone,
Ctrl+Z undoes it and the pages show the data again, the dialog undoes a chosen action, refuses one
whose record was changed later, and the undo can be undone."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from sqlalchemy import func, select

from nagato_desk.gui.main_window import MainWindow
from nagato_desk.gui.undo_dialog import UndoDialog
from nagato_desk.models import Member
from nagato_desk.services import members as ms
from nagato_desk.settings import Settings


def edit_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        if action.text() == "編集(&E)":
            return action.menu()
    raise AssertionError("no 編集 menu")


def open_window(qtbot, demo) -> MainWindow:
    window = MainWindow(demo, Settings(), None, "ja")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    if QApplication.activeWindow() is not window:  # shortcuts go to the active window only
        with warnings.catch_warnings():  # deprecated in Qt 6.5, and what the offscreen platform needs
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def people(db) -> int:
    with db.Session() as s:
        return s.scalar(select(func.count()).select_from(Member).where(Member.deleted_at.is_(None)))


def first_member(db) -> tuple[int, str, str]:
    with db.Session() as s:
        row = s.scalars(select(Member).where(Member.deleted_at.is_(None)).order_by(Member.id)).first()
        return row.id, row.name, row.address


def set_address(db, member_id: int, address: str) -> None:
    with db.session() as s:
        draft = ms.draft_of(s.get(Member, member_id))
        draft.address = address
        ms.update_member(s, member_id, draft)


def test_ctrl_z_undoes_the_member_just_added_and_the_list_shows_it(app, qtbot, demo, no_dialogs):
    window = open_window(qtbot, demo)
    index = [key for key, _page in window.sections].index("members")
    window.show_page(index)
    page = window.section_page("members")
    before = people(demo)
    listed = page.member_list.model.rowCount()
    with demo.session() as s:
        ms.add_member(s, ms.MemberDraft(name="取消 試験", reading="とりけし しけん"))
    window.show_page(index)  # the page reads the new person
    assert page.member_list.model.rowCount() == listed + 1

    menu = edit_menu(window)
    menu.aboutToShow.emit()  # what the user sees on opening 編集
    undo_item, dialog_item = menu.actions()[:2]
    assert undo_item.text() == "元に戻す：会員「取消 試験」の登録"
    assert undo_item.shortcut().toString() == "Ctrl+Z"
    assert dialog_item.text() == "変更の取り消し…"

    window.navigation.setFocus()
    QTest.keyClick(window.navigation, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert people(demo) == before  # the person is gone from the file
    assert page.member_list.model.rowCount() == listed  # and from the list on screen
    assert window.statusBar().currentMessage() == "元に戻しました：会員「取消 試験」の登録"
    assert no_dialogs == []
    # Ctrl+Z again undoes the undo: the person is back
    menu.aboutToShow.emit()
    assert undo_item.text() == "元に戻す：会員「取消 試験」の登録の取り消し"
    QTest.keyClick(window.navigation, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert people(demo) == before + 1
    assert page.member_list.model.rowCount() == listed + 1


def test_the_dialog_refuses_an_older_action_and_undoes_the_newest(app, qtbot, demo, no_dialogs):
    member_id, name, old = first_member(demo)
    set_address(demo, member_id, "山口県長門市仙崎1番地 試験")
    set_address(demo, member_id, "山口県長門市仙崎2番地 試験")
    dialog = UndoDialog(demo, "ja")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if os.environ.get("NAGATO_SHOTS"):
        dialog.grab().save(str(Path(os.environ["NAGATO_SHOTS"]) / "undo-dialog.png"))
    shown = [dialog.model.index(r, 2).data() for r in range(2)]
    assert shown == [f"会員「{name}」の住所の変更"] * 2
    assert dialog.model.index(0, 3).data() == "1"  # one record
    undone: list[str] = []
    dialog.undone.connect(undone.append)

    dialog.select(1)  # the older edit: the newer one changed the same person since
    dialog.undo_button.click()
    assert len(no_dialogs) == 1 and no_dialogs[0][0] == "warning"
    assert f"会員「{name}」を変更しているため元に戻せません" in no_dialogs[0][1]
    assert undone == []
    with demo.Session() as s:
        assert s.get(Member, member_id).address == "山口県長門市仙崎2番地 試験"

    dialog.select(0)
    dialog.undo_button.click()
    assert undone == [f"会員「{name}」の住所の変更"]
    with demo.Session() as s:
        assert s.get(Member, member_id).address == "山口県長門市仙崎1番地 試験"
    # the list now offers the undo first, then the first edit (which can be undone now)
    assert [a.description for a in dialog.actions()[:2]] == [
        f"会員「{name}」の住所の変更の取り消し",
        f"会員「{name}」の住所の変更",
    ]
    dialog.select(1)
    dialog.undo_button.click()
    with demo.Session() as s:
        assert (s.get(Member, member_id).address or "") == (old or "")
    assert len(no_dialogs) == 1  # no new refusal


def test_a_large_action_is_undone_on_a_worker_thread(app, qtbot, demo, no_dialogs):
    from nagato_desk.gui.undo_dialog import BACKGROUND_FROM

    window = open_window(qtbot, demo)
    before = people(demo)
    count = BACKGROUND_FROM + 20  # more records than are undone at once on the GUI thread
    with demo.session() as s:  # one action, e.g. an import
        for n in range(count):
            ms.add_member(s, ms.MemberDraft(name=f"一括 {n}", reading="いっかつ"))
    assert people(demo) == before + count
    with qtbot.waitSignal(window.edit_menu.runner.settled, timeout=60_000):
        job = window.edit_menu.undo_last()
        assert job is not None  # handed to a worker thread, the window stays responsive
    assert people(demo) == before
    assert window.statusBar().currentMessage() == f"元に戻しました：会員「一括 0」の登録（ほか{count - 1}件）"
    # so many records are undone only after a question (answered yes here)
    assert no_dialogs == [
        (
            "question",
            f"「会員「一括 0」の登録（ほか{count - 1}件）」を元に戻しますか？"
            f"{count}件の記録が変わります（この取り消しも元に戻せます）。",
        )
    ]
