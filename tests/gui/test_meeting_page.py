"""会議・議事録 section: the list with its filters, the meeting form, the trash, the open actions across
meetings, the resolutions register and the documents — through the real widgets."""

from __future__ import annotations

from datetime import date, time

from meeting_gui_helpers import general_meeting, make_page, nine_members
from qt_helpers import click_ok, fake_exec, type_text

from nagato_desk.gui.date_field import DateDialog
from nagato_desk.gui.meeting_action_dialog import ActionDialog
from nagato_desk.gui.meeting_dialog import MeetingDialog
from nagato_desk.gui.meeting_widgets import parse_time_text
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.models import Meeting, MeetingAction
from nagato_desk.services import attendance as attendance_service
from nagato_desk.services import meeting_actions as actions_service
from nagato_desk.services import votes as votes_service
from nagato_desk.services.meeting_actions import ActionDraft
from nagato_desk.services.meetings import MeetingDraft, add_meeting
from nagato_desk.services.votes import AgendaDraft


def cells(model, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_times_are_read_as_the_secretariat_writes_them():
    assert parse_time_text("13:30", "t", "開始時刻") == time(13, 30)
    assert parse_time_text("１３：３０", "t", "開始時刻") == time(13, 30)  # full width
    assert parse_time_text("930", "t", "開始時刻") == time(9, 30)
    assert parse_time_text("13時", "t", "開始時刻") == time(13, 0)
    assert parse_time_text("午後1時30分", "t", "開始時刻") == time(13, 30)
    assert parse_time_text("", "t", "開始時刻") is None
    for bad in ("25:00", "13:75", "ひる"):
        try:
            parse_time_text(bad, "t", "開始時刻")
        except Exception as exc:  # noqa: BLE001
            assert "開始時刻" in str(exc.problems[0].ja)  # type: ignore[attr-defined]
        else:
            raise AssertionError(bad)


def test_the_list_shows_each_meeting_with_its_quorum_and_filters(app, db, qtbot, qtmodeltester):
    ids = nine_members(db)
    agm = general_meeting(db, ids)
    with db.session() as session:
        for member_id in ids[:5]:  # 5 of 9 present: more than half
            attendance_service.set_attendance(session, agm, member_id, "present")
        board = add_meeting(
            session, MeetingDraft(kind="workshop", held_on=date(2027, 6, 1), title="夢プランを語る会")
        ).id
        votes_service.add_agenda_item(session, board, AgendaDraft("竹炭の販売について"))
    page = make_page(qtbot, db)
    listing = page.meeting_list
    # the latest fiscal year with meetings first
    assert listing.year.currentText() == "令和9年度"
    assert [r.number for r in listing.model.rows] == [2]
    listing.year.setCurrentIndex(listing.year.findText("すべての年度"))
    qtmodeltester.check(listing.model)
    assert listing.count.text() == "2 件の会議"
    # newest first
    assert cells(listing.model, 0) == [
        "2", "令和9年6月1日", "", "ワークショップ", "夢プランを語る会", "", "0 / 9", "定めなし",
    ]  # fmt: skip
    assert cells(listing.model, 1) == [
        "1", "令和8年5月20日", "13:30", "定期総会", "令和8年度定期総会", "公民館", "5 / 9", "成立",
    ]  # fmt: skip
    listing.kind.setCurrentIndex(listing.kind.findData("general_any"))
    assert [r.number for r in listing.model.rows] == [1]
    listing.kind.setCurrentIndex(0)
    listing.year.setCurrentIndex(listing.year.findText("令和9年度"))
    assert [r.number for r in listing.model.rows] == [2]
    listing.year.setCurrentIndex(0)
    type_text(listing.search, "竹炭")  # a word of an agenda item
    assert [r.number for r in listing.model.rows] == [2]


def test_new_meeting_through_the_form(app, db, qtbot, monkeypatch, no_dialogs):
    ids = nine_members(db)
    page = make_page(qtbot, db)
    picks = iter(["工藤", "毛田", "相田"])

    def pick(picker):
        type_text(picker.search, next(picks))
        click_ok(picker)

    fake_exec(monkeypatch, MemberPicker, pick)

    def fill(dialog: MeetingDialog):
        assert dialog.number.text() == "会議番号 1"
        dialog.kind.setCurrentIndex(dialog.kind.findData("board"))
        assert dialog.eligibility.currentData() == "officers"  # 役員会: the officers by default
        dialog.eligibility.setCurrentIndex(dialog.eligibility.findData("members"))
        dialog.held_on.edit.setText("R8.6.10")
        qtbot.keyClicks(dialog.starts, "1900")
        qtbot.keyClicks(dialog.ends, "20:30")
        type_text(dialog.place, "集会所")
        dialog.chair.choose_button.click()
        dialog.signer1.choose_button.click()
        dialog.signer2.choose_button.click()
        type_text(dialog.recorder_name, "事務局 長門")
        click_ok(dialog)

    fake_exec(monkeypatch, MeetingDialog, fill)
    page.meeting_list.new_button.click()
    assert no_dialogs == []
    with db.Session() as session:
        m = session.query(Meeting).one()
        assert (m.number, m.kind, m.held_on, m.starts_at, m.ends_at, m.place) == (
            1, "board", date(2026, 6, 10), "19:00", "20:30", "集会所"
        )  # fmt: skip
        assert m.chair_member_id == ids[7] and m.recorder_name == "事務局 長門"
        assert [s.member_id for s in m.signers] == [ids[8], ids[0]]
        assert len(m.attendance) == 9  # everyone may attend, listed as absent
    # the new meeting is opened at once, ready for attendance
    assert page.tabs.currentWidget() is page.detail
    assert page.detail.heading.text().startswith("No.1 令和8年6月10日 役員会 19:00〜20:30 集会所")
    assert "議長: 工藤 八郎" in page.detail.people.text()


def test_a_time_that_cannot_be_read_is_refused_and_nothing_is_saved(app, db, qtbot, monkeypatch, no_dialogs):
    nine_members(db)
    page = make_page(qtbot, db)

    def fill(dialog: MeetingDialog):
        qtbot.keyClicks(dialog.starts, "25:00")
        click_ok(dialog)
        assert dialog.starts.hasFocus() or not dialog.isVisible()

    fake_exec(monkeypatch, MeetingDialog, fill)
    page.meeting_list.new_button.click()
    assert no_dialogs[-1][0] == "warning" and "開始時刻「25:00」" in no_dialogs[-1][1]
    with db.Session() as session:
        assert session.query(Meeting).count() == 0


def test_delete_to_the_trash_and_restore(app, db, qtbot, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    page = make_page(qtbot, db)
    listing = page.meeting_list
    listing.delete_button.click()
    assert no_dialogs[-1][0] == "question" and "ごみ箱" in no_dialogs[-1][1]
    assert listing.model.rowCount() == 0
    listing.trash.setChecked(True)
    assert [r.id for r in listing.model.rows] == [meeting]
    assert listing.restore_button.isVisibleTo(listing) and not listing.delete_button.isVisibleTo(listing)
    listing.restore_button.click()
    assert not listing.trash.isChecked() and [r.id for r in listing.model.rows] == [meeting]
    with db.Session() as session:
        assert session.get(Meeting, meeting).deleted_at is None


def test_actions_agreed_at_a_meeting_and_done_on_the_open_list(app, db, qtbot, monkeypatch, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    with db.session() as session:
        actions_service.add_action(session, meeting, ActionDraft("名簿を更新する", due_on=date(2026, 6, 30)))
    page = make_page(qtbot, db)
    page.open_meeting(meeting)
    page.detail.show_part("actions")
    mine = page.detail.actions

    def fill(dialog: ActionDialog):
        type_text(dialog.what, "防災マップを配る")
        type_text(dialog.who_text, "防災部会")
        dialog.due_date.edit.setText("R8.9.1")
        click_ok(dialog)

    fake_exec(monkeypatch, ActionDialog, fill)
    mine.new_button.click()
    assert [r.what for r in mine.model.rows] == ["名簿を更新する", "防災マップを配る"]
    page.show_tab("actions")
    across = page.actions
    # earliest date first; 2026-06-30 is past (today is later than that in these tests' world or not:
    # the order does not depend on today)
    assert [r.what for r in across.model.rows] == ["名簿を更新する", "防災マップを配る"]
    assert cells(across.model, 1)[:4] == [
        "No.1 令和8年度定期総会",
        "令和8年5月20日",
        "防災部会",
        "防災マップを配る",
    ]
    across.table.selectRow(0)

    def done(dialog: DateDialog):
        dialog.date.edit.setText("R8.6.25")
        click_ok(dialog)

    fake_exec(monkeypatch, DateDialog, done)
    across.done_button.click()
    assert [r.what for r in across.model.rows] == ["防災マップを配る"]
    with db.Session() as session:
        action = session.query(MeetingAction).filter(MeetingAction.what == "名簿を更新する").one()
        assert action.done_on == date(2026, 6, 25)
    across.meeting_button.click()  # go to its meeting
    assert page.tabs.currentWidget() is page.detail and page.detail.meeting_id == meeting


def test_resolutions_register_by_year_and_words(app, db, qtbot):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    with db.session() as session:
        votes_service.add_agenda_item(
            session, meeting, AgendaDraft("令和8年度事業計画（案）", vote_method="unanimous")
        )
        votes_service.add_agenda_item(
            session, meeting, AgendaDraft("ゴミ集積所の移設", vote_method="continued")
        )
        votes_service.add_agenda_item(session, meeting, AgendaDraft("未採決の議案"))
    page = make_page(qtbot, db)
    page.show_tab("resolutions")
    tab = page.resolutions
    assert [r.title for r in tab.model.rows] == ["令和8年度事業計画（案）", "ゴミ集積所の移設"]
    assert cells(tab.model, 0)[2:5] == ["第1号議案", "令和8年度事業計画（案）", "可決"]
    type_text(tab.search, "ごみ")  # hiragana finds the katakana ゴミ
    assert [r.title for r in tab.model.rows] == ["ゴミ集積所の移設"]
    tab.search.clear()
    tab.result.setCurrentIndex(tab.result.findText("可決"))
    assert [r.title for r in tab.model.rows] == ["令和8年度事業計画（案）"]
    assert tab.year.itemText(1) == "令和8年度"


def test_documents_are_offered_for_the_open_meeting(app, db, qtbot, tmp_path, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    with db.session() as session:
        votes_service.add_agenda_item(session, meeting, AgendaDraft("予算", vote_method="unanimous"))
    page = make_page(qtbot, db)
    page.open_meeting(meeting)
    dialog = page.export_dialog()
    qtbot.addWidget(dialog)
    keys = [dialog.document.itemData(i) for i in range(dialog.document.count())]
    assert keys == ["minutes", "attendance-sheet", "proxy-form", "written-vote", "notice", "resolutions"]
    assert dialog.meeting == "1"
    assert dialog.year.currentData() == 2026  # the meeting's fiscal year first
    out = tmp_path / "議事録.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export(out)
    assert out.read_bytes().startswith(b"%PDF")
    dialog = page.export_dialog()
    qtbot.addWidget(dialog)
    dialog.set_document("resolutions")
    dialog.set_format("xlsx")
    out = tmp_path / "議決事項.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export(out)
    assert out.read_bytes().startswith(b"PK")


def test_the_section_in_the_window_on_the_demo(app, demo, qtbot, qtmodeltester):
    from nagato_desk.gui.main_window import MainWindow
    from nagato_desk.settings import Settings

    window = MainWindow(demo, Settings(), None, "ja")
    qtbot.addWidget(window)
    keys = [key for key, _page in window.sections]
    index = keys.index("meetings")
    assert window.navigation.item(index).text() == "会議・議事録"
    window.show_page(index)
    page = window.section_page("meetings")
    assert page.meeting_list.model.rowCount() > 5
    general = next(r for r in page.meeting_list.model.rows if r.kind == "general")
    page.open_meeting(general.id)
    qtmodeltester.check(page.detail.attendance.model)
    assert "在籍" in page.detail.attendance.quorum.text()
    assert page.detail.agenda.items.rowCount() > 0
    for key, _tab in page.tab_pages:
        page.show_tab(key)
    assert page.actions.model.rowCount() > 0
    assert page.resolutions.model.rowCount() > 0


def test_the_fiscal_year_is_asked_only_for_the_resolutions(app, db, qtbot):
    ids = nine_members(db)
    general_meeting(db, ids)
    page = make_page(qtbot, db)
    page.show()
    dialog = page.export_dialog()  # the meeting selected in the list
    qtbot.addWidget(dialog)
    dialog.show()
    about = dialog.meeting_label
    assert about.text() == "対象の会議：No.1 令和8年5月20日 令和8年度定期総会"
    assert about.isVisible() and not dialog.year.isVisible()
    dialog.set_document("resolutions")
    assert dialog.year.isVisible() and not about.isVisible()


def test_edit_the_open_meeting_keeps_what_was_entered(app, db, qtbot, monkeypatch, no_dialogs):
    ids = nine_members(db)
    meeting = general_meeting(db, ids)
    page = make_page(qtbot, db)
    page.open_meeting(meeting)

    def fill(dialog: MeetingDialog):
        # what was stored is in the form
        assert dialog.kind.currentData() == "general" and dialog.starts.text() == "13:30"
        assert (dialog.chair.name(), dialog.signer1.name(), dialog.signer2.name()) == (
            "相田 一郎", "石田 二郎", "上田 三郎"
        )  # fmt: skip
        dialog.place.clear()
        type_text(dialog.place, "地区センター")
        qtbot.keyClicks(dialog.ends, "15:10")
        dialog.signer2.clear_button.click()
        click_ok(dialog)

    fake_exec(monkeypatch, MeetingDialog, fill)
    page.detail.edit_button.click()
    assert no_dialogs == []
    with db.Session() as session:
        m = session.get(Meeting, meeting)
        assert (m.place, m.starts_at, m.ends_at) == ("地区センター", "13:30", "15:10")
        assert [s.member_id for s in m.signers] == [ids[1]]
    assert "13:30〜15:10 地区センター" in page.detail.heading.text()
