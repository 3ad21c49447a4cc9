"""「匿名化…」 in the member list: offered only for members who left, a confirmation naming what
will be erased, a backup first, then the member is anonymised; cancelling changes nothing."""

from __future__ import annotations

import sqlite3

import pytest
from qt_helpers import fake_exec

from nagato_desk.gui.anonymise_dialog import AnonymiseDialog
from nagato_desk.gui.member_list import MemberList
from nagato_desk.services.members import MemberFilter


def leaver(path) -> tuple[int, str, str]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT id, name, address FROM member WHERE status != 'active' AND address != '' "
            "AND deleted_at IS NULL ORDER BY id LIMIT 1"
        ).fetchone()
    finally:
        conn.close()


@pytest.fixture
def page(app, demo, qtbot):
    widget = MemberList(demo, "wareki", "ja")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def actions(page) -> list[str]:
    return [a.text() for a in page.context_menu().actions() if a.text()]


def show_everyone(page) -> None:
    page.status.setCurrentIndex(page.status.findData(""))  # 全て: the members who left too


def backups(demo):
    return sorted((demo.path.parent / "backups").glob("*before-anonymise*.db"))


def test_only_a_member_who_left_is_offered_anonymise(page, demo):
    page.table.selectRow(0)  # an active member (the list shows 在籍 first)
    assert "匿名化…" not in actions(page) and "Anonymise…" not in actions(page)
    show_everyone(page)
    member_id, _name, _address = leaver(demo.path)
    page.select_member(member_id)
    assert page.selected_id() == member_id
    assert any(t in ("匿名化…", "Anonymise…") for t in actions(page))


def test_anonymise_through_the_dialog(page, demo, monkeypatch, no_dialogs):
    member_id, name, address = leaver(demo.path)
    show_everyone(page)
    page.select_member(member_id)
    seen = {}

    def confirm(dialog: AnonymiseDialog):
        dialog.show()
        seen["text"] = dialog.text.text()
        seen["enabled_before"] = dialog.anonymise_button.isEnabled()
        seen["default"] = dialog.cancel_button.isDefault()
        dialog.confirm.click()
        dialog.anonymise_button.click()

    fake_exec(monkeypatch, AnonymiseDialog, confirm)
    page.anonymise_member()
    # the confirmation named the person and what goes
    assert name in seen["text"] and "住所" in seen["text"] and "氏名" in seen["text"]
    assert seen["enabled_before"] is False and seen["default"] is True  # Enter alone erases nothing
    assert len(backups(demo)) == 1  # made first
    with demo.Session() as s:
        from nagato_desk.models import Member

        m = s.get(Member, member_id)
        assert (m.name, m.address, m.anonymised) == (f"（匿名化済み）{member_id}", "", True)
    assert any("（匿名化済み）" in text for _kind, text in no_dialogs)
    # and no longer offered
    page.select_member(member_id)
    assert not any(t in ("匿名化…", "Anonymise…") for t in actions(page))


def test_cancelling_changes_nothing_and_makes_no_backup(page, demo, monkeypatch, no_dialogs):
    member_id, name, address = leaver(demo.path)
    show_everyone(page)
    page.select_member(member_id)

    def cancel(dialog: AnonymiseDialog):
        dialog.show()
        dialog.confirm.click()
        dialog.cancel_button.click()

    fake_exec(monkeypatch, AnonymiseDialog, cancel)
    page.anonymise_member()
    assert backups(demo) == []
    with demo.Session() as s:
        from nagato_desk.models import Member

        assert s.get(Member, member_id).name == name


def test_an_active_member_is_refused_with_a_message(page, demo, monkeypatch, no_dialogs):
    from nagato_desk.gui.anonymise_dialog import anonymise_with_confirmation
    from nagato_desk.services import members as ms

    with demo.Session() as s:
        active = ms.search_member_ids(s, MemberFilter())[0]
    fake_exec(monkeypatch, AnonymiseDialog, lambda d: pytest.fail("no dialog for an active member"))
    assert anonymise_with_confirmation(page, demo, active, "ja") is None
    assert "在籍中の会員は匿名化できません" in no_dialogs[-1][1]
