"""出欠の入力: ticking through the list with the keyboard, the quorum line following each key, proxies
(to the chair, to someone absent), marking everyone present, guests and chosen delegates — through
the real widgets, checking the database afterwards."""

from __future__ import annotations

from datetime import date

from meeting_gui_helpers import PEOPLE, general_meeting, make_page, nine_members
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog
from qt_helpers import type_text

from nagato_desk.gui.attendance_model import COL_PROXY, COL_STATUS
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.services import attendance as attendance_service
from nagato_desk.services.meetings import MeetingDraft, add_meeting, meeting_quorum


def statuses(db, meeting_id: int) -> dict[str, tuple[str, int | None]]:
    with db.Session() as session:
        return {
            r.name: (r.status, r.proxy_to_member_id)
            for r in attendance_service.attendance_rows(session, meeting_id)
        }


def open_attendance(qtbot, db, meeting_id):
    page = make_page(qtbot, db)
    page.open_meeting(meeting_id)
    panel = page.detail.attendance
    assert page.tabs.currentWidget() is page.detail
    return page, panel


def press(panel, *keys) -> None:
    for key in keys:
        QTest.keyClick(panel.table, key)


def test_keyboard_ticking_updates_the_quorum_line_until_it_is_met(app, db, qtbot):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    _page, panel = open_attendance(qtbot, db, meeting)
    assert [p.name for p in panel.model.people] == [n for n, _r in PEOPLE]
    # nobody marked yet: 9 eligible, more than half is 9 // 2 + 1 = 5 needed
    assert panel.quorum.text().startswith("在籍 9 名中 出席 0 名、委任状 0 名、書面表決 0 名 — 不成立")
    assert "あと 5 名" in panel.quorum.text()
    assert panel.table.currentIndex().row() == 0
    # 1 1 1: the first three present, each key moving to the next person
    press(panel, Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_1)
    assert panel.table.currentIndex().row() == 3
    assert "出席 3 名" in panel.quorum.text() and "あと 2 名" in panel.quorum.text()
    # 2: 江田 absent; 3: 小田 gives a proxy (to the chair, 相田, who is here: it counts)
    press(panel, Qt.Key.Key_2, Qt.Key.Key_3)
    assert "委任状 1 名" in panel.quorum.text() and "あと 1 名" in panel.quorum.text()
    assert panel.model.index(4, COL_PROXY).data() == "議長"
    # 4: 加田 votes in writing → 3 present + 1 proxy + 1 written = 5 ≥ 5: 成立
    press(panel, Qt.Key.Key_4)
    assert panel.quorum.text() == (
        "在籍 9 名中 出席 3 名、委任状 1 名、書面表決 1 名 — 成立（計 5 名、定足数 5 名）"
    )
    assert panel.model.index(5, COL_STATUS).data() == "書面表決"
    # the arrow keys move without changing anything; Space marks present
    press(panel, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Space)
    assert panel.table.currentIndex().row() == 8
    assert "出席 4 名" in panel.quorum.text()
    saved = statuses(db, meeting)
    assert saved == {
        "相田 一郎": ("present", None),
        "石田 二郎": ("present", None),
        "上田 三郎": ("present", None),
        "江田 四郎": ("absent", None),
        "小田 五郎": ("proxy", None),
        "加田 六郎": ("written", None),
        "木田 七郎": ("absent", None),
        "工藤 八郎": ("present", None),
        "毛田 九郎": ("absent", None),
    }
    with db.Session() as session:
        status = meeting_quorum(session, meeting)
        # what the service counts from the stored rows is what the window showed: 4 + 1 + 1 = 6
        assert (status.met, status.counted) == (True, 6)
        assert status.text == panel.quorum.text()


def test_a_proxy_to_someone_absent_does_not_count_until_they_come(app, db, qtbot, monkeypatch):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    with db.session() as session:
        for member_id in ids[:4]:  # 相田 石田 上田 江田 present
            attendance_service.set_attendance(session, meeting, member_id, "present")
    _page, panel = open_attendance(qtbot, db, meeting)
    panel.table.selectRow(5)  # 加田 gives a proxy to 木田, who is not here
    chosen = []

    def pick(parent, title, label, items, current, editable):
        chosen.append((label, list(items)))
        return next(i for i in items if i.startswith("木田 七郎")), True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    press(panel, Qt.Key.Key_P)
    label, items = chosen[0]
    assert "加田 六郎" in label
    assert items[0].startswith("議長") or "議長" in items[0]
    assert items[1:5] == ["相田 一郎", "石田 二郎", "上田 三郎", "江田 四郎"]  # those present first
    # 4 present + a proxy that cannot be used = 4 < 5
    assert "委任状 0 名" in panel.quorum.text()
    assert "委任先が欠席の委任状 1 名は欠席扱い" in panel.quorum.text()
    assert "不成立" in panel.quorum.text()
    assert "出席していない" in panel.model.index(5, COL_PROXY).data()
    assert statuses(db, meeting)["加田 六郎"] == ("proxy", ids[6])
    # 木田 arrives: the proxy counts, 5 present + 1 proxy = 6 ≥ 5
    panel.table.selectRow(6)
    press(panel, Qt.Key.Key_1)
    assert "出席 5 名、委任状 1 名" in panel.quorum.text() and "成立（計 6 名" in panel.quorum.text()
    assert panel.model.index(5, COL_PROXY).data() == "木田 七郎"


def test_everyone_still_absent_is_marked_present_after_a_question(app, db, qtbot, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    _page, panel = open_attendance(qtbot, db, meeting)
    press(panel, Qt.Key.Key_4)  # 相田 votes in writing; the other 8 are absent
    panel.all_present_button.click()
    assert no_dialogs[-1][0] == "question" and "8" in no_dialogs[-1][1]
    saved = statuses(db, meeting)
    assert saved["相田 一郎"] == ("written", None)
    assert sum(1 for s, _h in saved.values() if s == "present") == 8
    assert "出席 8 名、委任状 0 名、書面表決 1 名 — 成立（計 9 名" in panel.quorum.text()


def test_guests_are_listed_but_not_counted(app, db, qtbot, monkeypatch, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    _page, panel = open_attendance(qtbot, db, meeting)
    answers = iter(["長門 さくら", "地域づくり支援員"])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (next(answers), True)))
    panel.add_guest_button.click()
    assert panel.guests.rowCount() == 1
    assert panel.guests.item(0, 1).text() == "地域づくり支援員"
    assert panel.quorum.text().startswith("在籍 9 名中 出席 0 名")  # a guest is not one of the 9
    panel.guests.selectRow(0)
    panel.remove_guest_button.click()
    assert no_dialogs[-1][0] == "question" and "長門 さくら" in no_dialogs[-1][1]
    with db.Session() as session:
        assert attendance_service.attendance_rows(session, meeting)
        from nagato_desk.models import MeetingGuest

        assert session.query(MeetingGuest).count() == 0


def test_chosen_delegates_are_added_and_removed_from_the_list(app, db, qtbot, monkeypatch, no_dialogs):
    ids = nine_members(db)
    with db.session() as session:
        meeting = add_meeting(
            session, MeetingDraft(kind="workshop", held_on=date(2026, 7, 1), eligibility="delegates")
        ).id
    _page, panel = open_attendance(qtbot, db, meeting)
    assert panel.model.rowCount() == 0
    assert panel.add_person_button.isVisibleTo(panel)
    picks = iter([ids[2], ids[0]])

    def pick(picker):
        picker.member_id = next(picks)
        picker.done(1)

    monkeypatch.setattr(MemberPicker, "exec", lambda self: (pick(self), self.result())[1])
    panel.add_person_button.click()
    panel.add_person_button.click()
    assert [p.name for p in panel.model.people] == ["相田 一郎", "上田 三郎"]  # 50音 order
    panel.table.selectRow(0)
    panel.remove_person_button.click()
    assert no_dialogs[-1][0] == "question"
    assert list(statuses(db, meeting)) == ["上田 三郎"]
    # a workshop has no quorum rule
    assert panel.quorum.text().endswith("定足数の定めなし")


def test_typing_a_name_jumps_to_the_person_and_enter_returns_to_the_list(app, db, qtbot):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    _page, panel = open_attendance(qtbot, db, meeting)
    type_text(panel.find, "くどう")  # the reading of 工藤
    assert panel.table.currentIndex().row() == 7
    QTest.keyClick(panel.find, Qt.Key.Key_Return)
    assert panel.table.hasFocus() or not panel.isVisible()
    press(panel, Qt.Key.Key_1)
    assert statuses(db, meeting)["工藤 八郎"] == ("present", None)
