"""The member list and form through the real widgets: add, edit, search as you type, delete/restore.

Japanese text is typed as an input method commits it (QInputMethodEvent), since QTest's keyClicks
handles Latin-1 only (ARCHITECTURE.md, known traps).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from nagato_desk.gui import member_list as member_list_module
from nagato_desk.gui.member_dialog import MemberDialog, parse_birth
from nagato_desk.gui.member_list import MemberList
from nagato_desk.services import members as members_service
from nagato_desk.services.demo_members import leavers_on
from nagato_desk.services.members import MemberFilter


def type_japanese(widget, text: str) -> None:
    """Commit ``text`` into ``widget`` the way an IME does."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def save(dialog: MemberDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.fixture
def page(app, demo, qtbot):
    widget = MemberList(demo, "wareki", "ja")
    qtbot.addWidget(widget)
    return widget


def test_list_shows_active_members_in_50on_order(page, demo):
    # The demo: 761 residents, six of whom left during the year (none on 1 April itself).
    active = 761 - leavers_on(date.today())
    assert page.model.rowCount() == active
    assert page.count.text() == f"{active}人"
    readings = [page.model.index(r, 1).data() for r in range(0, 40)]
    from nagato_desk.reading import sort_key

    assert readings == sorted(readings, key=sort_key)


def test_search_as_you_type_in_any_kana(page, demo, qtbot):
    with demo.Session() as session:
        member = members_service.member_rows(
            session, members_service.search_member_ids(session, MemberFilter())
        )[0]
    surname_reading = member.reading.split()[0]  # e.g. いしかわ
    type_japanese(page.search, surname_reading)
    hiragana_count = page.model.rowCount()
    assert 0 < hiragana_count < 700
    assert all(page.model.index(r, 1).data().startswith(surname_reading) for r in range(hiragana_count))
    page.search.clear()
    katakana = "".join(chr(ord(c) + 0x60) for c in surname_reading)  # ひらがな → カタカナ
    type_japanese(page.search, katakana)
    assert page.model.rowCount() == hiragana_count
    page.search.clear()
    qtbot.keyClicks(page.search, member.phone[-7:])  # digits and a hyphen: Latin-1 is fine here
    assert page.model.rowCount() >= 1
    assert member.id in page.model.ids


def test_add_member_through_the_form(app, demo, qtbot, no_dialogs):
    dialog = MemberDialog(demo, "wareki", None, "ja")
    qtbot.addWidget(dialog)
    type_japanese(dialog.edits["name"], "長門 花子")
    type_japanese(dialog.edits["reading"], "ながと はなこ")
    dialog.gender.setCurrentIndex(dialog.gender.findData("F"))
    qtbot.keyClicks(dialog.birth, "S45.3.1")
    assert dialog.birth_hint.text().startswith("昭和45年3月1日")
    dialog.association.setCurrentIndex(1)
    qtbot.keyClicks(dialog.edits["phone"], "0837-99-1234")
    save(dialog)
    assert no_dialogs == []
    with demo.Session() as session:
        member = members_service.get_member(session, dialog.member_id)
        assert (member.name, member.reading, member.gender) == ("長門 花子", "ながと はなこ", "F")
        assert member.birth_date == date(1970, 3, 1)
        assert member.association.name == "東浜自治会"


def test_form_refuses_bad_date_and_writes_nothing(app, demo, qtbot, no_dialogs):
    with demo.Session() as session:
        before = members_service.count_members(session, MemberFilter(statuses=()))
    dialog = MemberDialog(demo, "wareki", None, "ja")
    qtbot.addWidget(dialog)
    type_japanese(dialog.edits["name"], "長門 次郎")
    qtbot.keyClicks(dialog.birth, "2026/13/40")
    save(dialog)
    assert no_dialogs and no_dialogs[0][0] == "warning"
    assert dialog.result() != dialog.DialogCode.Accepted
    with demo.Session() as session:
        assert members_service.count_members(session, MemberFilter(statuses=())) == before


def test_edit_member_keeps_household(app, demo, qtbot, no_dialogs, page):
    member_id = page.model.member_id(0)
    with demo.Session() as session:
        household_before = members_service.get_member(session, member_id).household_id
    dialog = MemberDialog(demo, "wareki", member_id, "ja")
    qtbot.addWidget(dialog)
    dialog.edits["mobile"].setText("090-0000-1111")
    save(dialog)
    with demo.Session() as session:
        member = members_service.get_member(session, member_id)
        assert member.mobile == "090-0000-1111"
        assert member.household_id == household_before


def test_delete_goes_to_trash_and_restores(page, demo, no_dialogs):
    member_id = page.model.member_id(3)
    page.table.selectRow(3)
    page.delete_button.click()
    assert no_dialogs[0][0] == "question" and "ごみ箱" in no_dialogs[0][1]
    active = 761 - leavers_on(date.today())
    assert page.model.rowCount() == active - 1 and member_id not in page.model.ids
    page.trash.setChecked(True)
    assert page.model.ids == [member_id]
    assert page.restore_button.isVisible() or not page.isVisible()
    page.table.selectRow(0)
    page.restore_button.click()
    page.trash.setChecked(False)
    assert page.model.rowCount() == active and member_id in page.model.ids


def test_leaving_records_status_and_date(page, demo, monkeypatch):
    member_id = page.model.member_id(0)
    page.table.selectRow(0)
    monkeypatch.setattr(
        member_list_module.QInputDialog, "getItem", staticmethod(lambda *a, **k: ("転出", True))
    )
    monkeypatch.setattr(
        member_list_module.QInputDialog, "getText", staticmethod(lambda *a, **k: ("R8.6.1", True))
    )
    page.leave_button.click()
    with demo.Session() as session:
        member = members_service.get_member(session, member_id)
        assert (member.status, member.left_on) == ("moved", date(2026, 6, 1))
    assert member_id not in page.model.ids  # the list shows 在籍 by default


def test_status_filter_shows_those_who_left(page):
    page.status.setCurrentIndex(page.status.findData("deceased"))
    assert page.model.rowCount() == leavers_on(date.today()) // 3  # two of the six died this year


def test_parse_birth_accepts_year_only_and_eras():
    assert parse_birth("1970") == (None, 1970)
    assert parse_birth("１９７０") == (None, 1970)
    assert parse_birth("R1.5.1") == (date(2019, 5, 1), None)
    assert parse_birth("") == (None, None)


def test_member_list_model_passes_modeltester(app, demo, qtmodeltester):
    from nagato_desk.gui.members_model import MemberListModel

    model = MemberListModel(demo)
    model.set_filter(MemberFilter(association_id=None))
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == model.ids[0]


def test_member_page_shows_household_roles_and_history(app, demo, qtbot):
    from nagato_desk.services.officers import officers_as_of

    with demo.Session() as session:
        chair = next(r for r in officers_as_of(session, date.today()) if r.role == "会長")
        member = members_service.get_member(session, chair.member_id)
        housemates = [p.name for p in member.household.members if p.deleted_at is None]
        address = member.household.address
    dialog = MemberDialog(demo, "wareki", chair.member_id, "ja")
    qtbot.addWidget(dialog)
    lines = [dialog.household.item(i).text() for i in range(dialog.household.count())]
    assert "■ 世帯" in lines and f"　{address}" in lines
    assert all(any(name in line for line in lines) for name in housemates)
    assert any(line.startswith("　会長　") for line in lines)
    history = [dialog.history.item(i).text() for i in range(dialog.history.count())]
    assert any("登録：氏名" in line for line in history)
