"""議事・採決: add an item, type the vote and see the result worked out live (過半数, 3分の2 for 規約改正),
save it and find the counts and the result in the database; the chair's override needs a reason;
an election at a 総会 makes the officers' terms — all through the real widgets."""

from __future__ import annotations

from datetime import date

from meeting_gui_helpers import HELD_ON, general_meeting, make_page, nine_members
from qt_helpers import click_ok, fake_exec, type_text

from nagato_desk.gui.agenda_election import ElectionDialog
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.models import AgendaItem, OfficerTerm
from nagato_desk.services import attendance as attendance_service
from nagato_desk.services import officers as officers_service
from nagato_desk.services import votes as votes_service
from nagato_desk.services.officers import TermDraft
from nagato_desk.services.votes import AgendaDraft


def seven_present(db, ids, meeting) -> None:
    """7 of the 9 present: the base of every majority is 7."""
    with db.session() as session:
        for member_id in ids[:7]:
            attendance_service.set_attendance(session, meeting, member_id, "present")


def open_agenda(qtbot, db, meeting):
    page = make_page(qtbot, db)
    page.open_meeting(meeting)
    page.detail.show_part("agenda")
    return page, page.detail.agenda


def type_count(qtbot, spin, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def stored(db, title: str) -> AgendaItem:
    with db.Session() as session:
        item = session.query(AgendaItem).filter(AgendaItem.title == title).one()
        session.expunge(item)
        return item


def test_vote_counts_give_the_result_live_and_are_stored(app, db, qtbot, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    seven_present(db, ids, meeting)
    _page, panel = open_agenda(qtbot, db, meeting)
    editor = panel.editor
    panel.new_deliberation.click()
    assert editor.isEnabled() and editor.heading.text() == "新しい議案"
    type_text(editor.title_edit, "会費の改定について")
    editor.method.setCurrentIndex(editor.method.findText("賛成・反対・棄権の数"))
    assert editor.rule.currentText() == "過半数"
    # 3 for, 3 against, 1 abstaining of 7: 3 × 2 = 6 is not more than 7 → 否決
    type_count(qtbot, editor.votes_for, 3)
    type_count(qtbot, editor.votes_against, 3)
    type_count(qtbot, editor.votes_abstain, 1)
    assert editor.result.text().startswith("否決")
    # 過半数 of 7 needs 4 (4 × 2 = 8 > 7)
    assert "出席者 7 名の過半数 ＝ 4 名以上で可決" in editor.result.text()
    editor.save_button.click()
    assert no_dialogs == []
    item = stored(db, "会費の改定について")
    assert (item.votes_for, item.votes_against, item.votes_abstain) == (3, 3, 1)
    assert (item.vote_method, item.vote_rule, item.computed_result, item.result) == (
        "count", "majority", "rejected", "rejected"
    )  # fmt: skip
    assert [panel.items.item(0, c).text() for c in range(3)] == ["第1号議案", "会費の改定について", "否決"]
    # one more for, one fewer against: 4 × 2 = 8 > 7 → 可決, stored when saved
    type_count(qtbot, editor.votes_for, 4)
    type_count(qtbot, editor.votes_against, 2)
    assert editor.result.text().startswith("可決")
    editor.save_button.click()
    item = stored(db, "会費の改定について")
    assert (item.votes_for, item.votes_against, item.votes_abstain, item.result) == (4, 2, 1, "passed")
    assert panel.items.item(0, 2).text() == "可決"


def test_rules_amendment_needs_two_thirds_and_too_many_votes_are_refused(app, db, qtbot, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    seven_present(db, ids, meeting)
    _page, panel = open_agenda(qtbot, db, meeting)
    editor = panel.editor
    panel.new_deliberation.click()
    type_text(editor.title_edit, "規約の一部改正について")
    editor.subject.setCurrentIndex(editor.subject.findText("規約改正"))
    assert editor.rule.currentText() == "3分の2以上"
    editor.method.setCurrentIndex(editor.method.findText("賛成・反対・棄権の数"))
    # 4 of 7: 4 × 3 = 12 < 7 × 2 = 14 → 否決 (it would pass under 過半数); 5: 15 ≥ 14 → 可決
    type_count(qtbot, editor.votes_for, 4)
    type_count(qtbot, editor.votes_against, 3)
    assert editor.result.text().startswith("否決")
    assert "3分の2以上 ＝ 5 名以上" in editor.result.text()
    type_count(qtbot, editor.votes_for, 5)
    # 5 + 3 = 8 votes from 7 people: the result says why, and saving is refused
    assert "超えています" in editor.result.text()
    editor.save_button.click()
    assert no_dialogs and no_dialogs[-1][0] == "warning" and "超えています" in no_dialogs[-1][1]
    with db.Session() as session:
        assert session.query(AgendaItem).count() == 0
    type_count(qtbot, editor.votes_against, 2)
    editor.save_button.click()
    item = stored(db, "規約の一部改正について")
    assert (item.subject, item.vote_rule, item.votes_for, item.result) == ("rules", "two_thirds", 5, "passed")


def test_show_of_hands_and_the_chairs_override_needs_a_reason(app, db, qtbot, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    seven_present(db, ids, meeting)
    _page, panel = open_agenda(qtbot, db, meeting)
    editor = panel.editor
    panel.new_deliberation.click()
    type_text(editor.title_edit, "夏祭りの開催について")
    editor.method.setCurrentIndex(editor.method.findText("賛成多数（挙手）"))
    assert editor.result.text() == "可決"
    assert not editor.votes_for.isEnabled()
    editor.override.setChecked(True)
    editor.override_result.setCurrentIndex(editor.override_result.findText("継続審議"))
    assert editor.result.text() == "可決 → 議長の判断により 継続審議"
    editor.save_button.click()  # no reason: refused, nothing stored
    assert no_dialogs[-1][0] == "warning" and "理由" in no_dialogs[-1][1]
    assert editor.override_reason.hasFocus() or no_dialogs
    with db.Session() as session:
        assert session.query(AgendaItem).count() == 0
    type_text(editor.override_reason, "会場の都合がつかないため")
    editor.save_button.click()
    item = stored(db, "夏祭りの開催について")
    assert (item.vote_method, item.computed_result, item.override_result, item.result) == (
        "hands_majority", "passed", "continued", "continued"
    )  # fmt: skip
    assert item.override_reason == "会場の都合がつかないため"


def test_report_items_are_numbered_apart_and_can_be_moved_and_deleted(app, db, qtbot, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    with db.session() as session:
        votes_service.add_agenda_item(session, meeting, AgendaDraft("事業報告", section="report"))
        votes_service.add_agenda_item(session, meeting, AgendaDraft("予算について"))
    _page, panel = open_agenda(qtbot, db, meeting)
    panel.new_report.click()
    assert not panel.editor.vote_box.isEnabled()
    type_text(panel.editor.title_edit, "会計報告")
    panel.editor.save_button.click()
    labels = [panel.items.item(r, 0).text() for r in range(panel.items.rowCount())]
    assert labels == ["報告1", "第1号議案", "報告2"]
    assert panel.items.item(2, 1).text() == "会計報告"
    panel.up_button.click()  # 会計報告 before 予算について
    assert [panel.items.item(r, 1).text() for r in range(3)] == ["事業報告", "会計報告", "予算について"]
    assert [panel.items.item(r, 0).text() for r in range(3)] == ["報告1", "報告2", "第1号議案"]
    panel.items.setCurrentCell(0, 0)
    panel.delete_button.click()
    assert no_dialogs[-1][0] == "question" and "報告1 事業報告" in no_dialogs[-1][1]
    with db.Session() as session:
        items = votes_service.meeting_agenda(session, meeting)
        assert [(votes_service.item_label(i), i.title) for i in items] == [
            ("報告1", "会計報告"),
            ("第1号議案", "予算について"),
        ]


def test_an_election_at_the_general_meeting_makes_the_officer_terms(app, db, qtbot, monkeypatch, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    seven_present(db, ids, meeting)
    with db.session() as session:
        president = officers_service.role_by_name(session, "会長").id
        # 江田 has been 会長 since 2024: his term ends the day before the new one begins
        old = officers_service.add_term(session, TermDraft(ids[3], president, date(2024, 5, 20))).id
        votes_service.add_agenda_item(
            session, meeting, AgendaDraft("役員の選任について", subject="election", vote_method="unanimous")
        )
    _page, panel = open_agenda(qtbot, db, meeting)
    editor = panel.editor
    assert editor.elect_button.isVisibleTo(editor) and editor.elect_button.isEnabled()

    def pick(picker):
        type_text(picker.search, "小田")
        assert picker.model.rowCount() == 1
        click_ok(picker)

    fake_exec(monkeypatch, MemberPicker, pick)

    def fill(dialog: ElectionDialog):
        assert dialog.starts.value() == HELD_ON
        dialog.role.setCurrentIndex(dialog.role.findText("会長"))
        dialog.person.choose_button.click()
        assert dialog.person.name() == "小田 五郎"
        dialog.add_button.click()
        assert dialog.table.item(0, 0).text() == "会長" and dialog.table.item(0, 1).text() == "小田 五郎"
        dialog.ends.edit.setText("R10.5.31")
        click_ok(dialog)

    fake_exec(monkeypatch, ElectionDialog, fill)
    editor.elect_button.click()
    assert no_dialogs == []
    with db.Session() as session:
        new = session.query(OfficerTerm).filter(OfficerTerm.member_id == ids[4]).one()
        assert (new.role_id, new.starts_on, new.ends_on) == (president, HELD_ON, date(2028, 5, 31))
        assert session.get(OfficerTerm, old).ends_on == date(2026, 5, 19)  # the day before
        # the roster's officer list shows the new 会長 on the meeting day
        on_the_day = officers_service.officers_as_of(session, HELD_ON)
        assert [(r.role, r.name) for r in on_the_day] == [("会長", "小田 五郎")]
    assert "会長 小田 五郎" in editor.elected.text()


def test_an_election_item_not_passed_is_refused(app, db, qtbot, monkeypatch, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    with db.session() as session:
        votes_service.add_agenda_item(session, meeting, AgendaDraft("役員の選任について"))
    _page, panel = open_agenda(qtbot, db, meeting)

    def fill(dialog: ElectionDialog):
        dialog.person.set_member(ids[4])
        dialog.add_button.click()
        click_ok(dialog)

    fake_exec(monkeypatch, ElectionDialog, fill)
    panel.editor.elect_button.click()
    assert no_dialogs[-1][0] == "warning" and "可決されていない" in no_dialogs[-1][1]
    with db.Session() as session:
        assert session.query(OfficerTerm).count() == 0
