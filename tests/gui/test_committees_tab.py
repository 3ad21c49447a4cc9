"""部会 tab: add, rename, order and delete committees; add a member with the date they join, make the
head, record leaving — through the real widgets, checking the database after each action."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from qt_helpers import click_ok, fake_exec, type_text

from nagato_desk.dates import format_date
from nagato_desk.gui.committees_tab import CommitteesTab
from nagato_desk.gui.date_field import DateDialog
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.models import Committee, CommitteeMembership
from nagato_desk.services import committees as committees_service
from nagato_desk.services.members import MemberDraft, add_member


def answer(monkeypatch, text: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (text, True)))


def setup_committee(db):
    """試験部会 with 試験 花子 (head) and 試験 太郎; 別家 次郎 sits on no committee."""
    with db.session() as session:
        ids = [
            add_member(session, MemberDraft(name=n, reading=r)).id
            for n, r in (
                ("試験 花子", "しけん はなこ"),
                ("試験 太郎", "しけん たろう"),
                ("別家 次郎", "べっけ じろう"),
            )
        ]
        committee = committees_service.add_committee(session, "試験部会").id
        committees_service.join_committee(session, committee, ids[0], date(2025, 4, 1), is_head=True)
        committees_service.join_committee(session, committee, ids[1], date(2025, 4, 1))
    return ids, committee


def make_tab(qtbot, demo, committee_id=None):
    tab = CommitteesTab(demo, "wareki", "ja")
    qtbot.addWidget(tab)
    if committee_id is not None:
        tab.refresh(committee_id)
    return tab


def names(tab) -> list[str]:
    return [tab.members.item(r, 0).text() for r in range(tab.members.rowCount())]


def test_members_of_the_selected_committee_head_first(app, demo, qtbot):
    _ids, committee = setup_committee(demo)
    tab = make_tab(qtbot, demo, committee)
    assert tab.selected_committee() == committee
    assert names(tab) == ["試験 花子", "試験 太郎"]
    assert tab.members.item(0, 2).text() == "部会長"
    assert tab.members.item(0, 3).text() == "令和7年4月1日"
    assert "試験部会" in tab.members_title.text() and "2人" in tab.members_title.text()


def test_add_rename_move_and_delete_a_committee(app, demo, qtbot, monkeypatch, no_dialogs):
    _ids, committee = setup_committee(demo)
    tab = make_tab(qtbot, demo)
    answer(monkeypatch, "広報部会")
    tab.add_committee_button.click()
    with demo.Session() as session:
        new = next(c for c in committees_service.list_committees(session) if c.name == "広報部会")
    assert tab.selected_committee() == new.id
    answer(monkeypatch, "広報・情報部会")
    tab.rename_button.click()
    tab.up_button.click()
    with demo.Session() as session:
        assert [c.name for c in committees_service.list_committees(session)][-2:] == [
            "広報・情報部会",
            "試験部会",
        ]
    tab.delete_button.click()
    assert no_dialogs[-1][0] == "question" and "ごみ箱" in no_dialogs[-1][1]
    with demo.Session() as session:
        assert session.get(Committee, new.id).deleted_at is not None
    assert all(tab.committees.item(r, 0).text() != "広報・情報部会" for r in range(tab.committees.rowCount()))


def test_duplicate_committee_name_is_refused(app, demo, qtbot, monkeypatch, no_dialogs):
    setup_committee(demo)
    tab = make_tab(qtbot, demo)
    answer(monkeypatch, "試験部会")
    tab.add_committee_button.click()
    assert no_dialogs[-1][0] == "warning" and "すでにあります" in no_dialogs[-1][1]


def test_add_member_with_join_date_then_make_head(app, demo, qtbot, monkeypatch, no_dialogs):
    ids, committee = setup_committee(demo)
    tab = make_tab(qtbot, demo, committee)

    def pick(picker: MemberPicker):
        assert picker.date is not None  # the join date is asked in the same dialog
        type_text(picker.search, "べっけ")
        picker.date.edit.setText("R8.4.1")
        click_ok(picker)

    fake_exec(monkeypatch, MemberPicker, pick)
    tab.join_button.click()
    assert no_dialogs == []
    with demo.Session() as session:
        row = session.query(CommitteeMembership).filter_by(committee_id=committee, member_id=ids[2]).one()
        assert row.joined_on == date(2026, 4, 1)
    assert "別家 次郎" in names(tab)
    assert tab.selected_member().member_id == ids[2]
    tab.head_button.click()
    assert names(tab)[0] == "別家 次郎"
    with demo.Session() as session:
        heads = session.query(CommitteeMembership).filter_by(committee_id=committee, is_head=True).all()
        assert [h.member_id for h in heads] == [ids[2]]


def test_leave_asks_the_date(app, demo, qtbot, monkeypatch, no_dialogs):
    ids, committee = setup_committee(demo)
    tab = make_tab(qtbot, demo, committee)
    tab.members.selectRow(1)  # 試験 太郎

    def fill(dialog: DateDialog):
        dialog.date.edit.setText("2026/3/31")
        click_ok(dialog)

    fake_exec(monkeypatch, DateDialog, fill)
    tab.leave_button.click()
    with demo.Session() as session:
        row = session.query(CommitteeMembership).filter_by(committee_id=committee, member_id=ids[1]).one()
        assert row.left_on == date(2026, 3, 31)
    assert names(tab) == ["試験 花子"]


def test_leaving_before_joining_is_refused(app, demo, qtbot, monkeypatch, no_dialogs):
    ids, committee = setup_committee(demo)
    tab = make_tab(qtbot, demo, committee)
    tab.members.selectRow(1)

    def fill(dialog: DateDialog):
        dialog.date.edit.setText("R7.3.1")
        click_ok(dialog)

    fake_exec(monkeypatch, DateDialog, fill)
    tab.leave_button.click()
    assert no_dialogs[-1][0] == "warning" and "就任日" in no_dialogs[-1][1]
    with demo.Session() as session:
        row = session.query(CommitteeMembership).filter_by(committee_id=committee, member_id=ids[1]).one()
        assert row.left_on is None


def committee_names(tab) -> list[str]:
    return [tab.committees.item(r, 0).text() for r in range(tab.committees.rowCount())]


def test_deleted_committee_is_listed_in_the_trash_and_restored(app, demo, qtbot, no_dialogs):
    ids, committee = setup_committee(demo)
    tab = make_tab(qtbot, demo, committee)
    tab.show()
    assert not tab.restore_button.isVisible()
    tab.delete_button.click()
    assert "試験部会" not in committee_names(tab)
    qtbot.mouseClick(tab.trash, Qt.MouseButton.LeftButton)
    assert tab.trash.isChecked()
    assert committee_names(tab) == ["試験部会"]
    assert tab.committees.horizontalHeaderItem(1).text() == "削除した日"
    assert tab.committees.item(0, 1).text() == format_date(date.today())
    assert tab.count.text() == "ごみ箱に1件"
    # who sat on it is shown, and comes back with it
    assert names(tab) == ["試験 花子", "試験 太郎"]
    assert "ごみ箱" in tab.members_title.text() and "2人" in tab.members_title.text()
    assert tab.restore_button.isVisible()
    for button in (tab.delete_button, tab.add_committee_button, tab.rename_button, tab.join_button):
        assert not button.isVisible()
    with qtbot.waitSignal(tab.changed):
        tab.restore_button.click()
    assert [kind for kind, _text in no_dialogs] == ["question"]  # asked before deleting, not after
    with demo.Session() as session:
        assert session.get(Committee, committee).deleted_at is None
        assert [m.member_id for m in committees_service.committee_members(session, committee)] == ids[:2]
    assert not tab.trash.isChecked()  # back to the committees, the restored one selected
    assert tab.selected_committee() == committee
    assert names(tab) == ["試験 花子", "試験 太郎"]
    assert not tab.restore_button.isVisible() and tab.delete_button.isVisible()


def test_restore_is_refused_while_a_committee_has_the_same_name(app, demo, qtbot, monkeypatch, no_dialogs):
    _ids, committee = setup_committee(demo)
    tab = make_tab(qtbot, demo, committee)
    tab.delete_button.click()
    answer(monkeypatch, "試験部会")
    tab.add_committee_button.click()  # a new committee takes the name meanwhile
    tab.trash.setChecked(True)
    assert tab.selected_committee() == committee
    tab.restore_button.click()
    assert no_dialogs[-1][0] == "warning"
    assert "同じ名前の部会「試験部会」があるため元に戻せません" in no_dialogs[-1][1]
    with demo.Session() as session:
        assert session.get(Committee, committee).deleted_at is not None
    assert tab.trash.isChecked() and committee_names(tab) == ["試験部会"]


def test_empty_trash_says_so(app, demo, qtbot):
    tab = make_tab(qtbot, demo)
    tab.trash.setChecked(True)
    assert tab.committees.rowCount() == 0
    assert tab.members_title.text() == "ごみ箱は空です。"
    tab.restore_button.click()  # nothing selected: nothing happens
    tab.trash.setChecked(False)
    assert tab.committees.rowCount() == 6  # the demo's committees
