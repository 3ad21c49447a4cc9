"""世帯 tab: new and edit a household, add a member, the head, 転居 and 転出 of the whole household,
delete to the trash and restore — through the real widgets, checking the database after each."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from qt_helpers import click_ok, fake_exec, type_text

from nagato_desk.gui.date_field import DateDialog
from nagato_desk.gui.household_dialogs import HouseholdDialog, MoveDialog
from nagato_desk.gui.households_tab import COLUMNS, HouseholdsTab
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.gui.table_model import RowsModel
from nagato_desk.models import Household, Member, MemberEvent
from nagato_desk.services import households as households_service
from nagato_desk.services.associations import list_associations
from nagato_desk.services.households import HouseholdDraft
from nagato_desk.services.members import MemberDraft, add_member


def pick(monkeypatch, search: str) -> None:
    def fill(picker):
        type_text(picker.search, search)
        assert picker.model.rowCount() == 1, search
        click_ok(picker)

    fake_exec(monkeypatch, MemberPicker, fill)


def people(db):
    """Three members of 東浜自治会 without a household, and one household with two of them."""
    with db.session() as session:
        east = list_associations(session)[0]
        ids = [
            add_member(
                session,
                MemberDraft(
                    name=name, reading=reading, address="長門市油谷（試験）1番地", association_id=east.id
                ),
            ).id
            for name, reading in (
                ("試験 花子", "しけん はなこ"),
                ("試験 太郎", "しけん たろう"),
                ("別家 次郎", "べっけ じろう"),
            )
        ]
        household = households_service.add_household(
            session,
            HouseholdDraft(association_id=east.id, address="長門市油谷（試験）1番地", head_member_id=ids[1]),
        )
        households_service.add_to_household(session, household.id, ids[0])
    return ids, household.id, east.id


def make_tab(qtbot, demo):
    tab = HouseholdsTab(demo, "wareki", "ja")
    qtbot.addWidget(tab)
    return tab


def select(tab, household_id: int) -> None:
    row = next(i for i, r in enumerate(tab.model.rows) if r.id == household_id)
    tab.table.selectRow(row)


def test_model_passes_modeltester(app, demo, qtmodeltester):
    people(demo)
    model = RowsModel("HouseholdsTab", COLUMNS)
    with demo.Session() as session:
        model.set_rows(households_service.list_households(session))
    assert model.rowCount() >= 1
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_list_shows_households_with_head_and_count_and_filters_by_association(app, demo, qtbot):
    _ids, household_id, east = people(demo)
    tab = make_tab(qtbot, demo)
    select(tab, household_id)
    row = tab.selected()
    assert (row.head_name, row.member_count, row.association) == ("試験 太郎", 2, "東浜自治会")
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert headers == ["世帯主", "人数", "住所", "自治会", "班"]
    assert tab.members.rowCount() == 2
    assert {tab.members.item(r, 0).text() for r in range(2)} == {"試験 花子", "試験 太郎"}
    tab.association.setCurrentIndex(tab.association.findData(east + 1))  # another 自治会
    assert all(r.id != household_id for r in tab.model.rows)
    tab.association.setCurrentIndex(tab.association.findData(east))
    assert any(r.id == household_id for r in tab.model.rows)


def test_new_household_with_a_head_chosen_from_the_members(app, demo, qtbot, monkeypatch, no_dialogs):
    ids, _household_id, _east = people(demo)
    tab = make_tab(qtbot, demo)
    pick(monkeypatch, "べっけ")

    def fill(dialog: HouseholdDialog):
        dialog.head_button.click()  # the picker above chooses 別家 次郎; his address is offered
        assert dialog.address.text() == "長門市油谷（試験）1番地"
        dialog.address.clear()
        type_text(dialog.address, "長門市油谷（試験）2番地")
        dialog.phone.setText("0837-00-1234")
        click_ok(dialog)

    fake_exec(monkeypatch, HouseholdDialog, fill)
    tab.new_button.click()
    assert no_dialogs == []
    with demo.Session() as session:
        member = session.get(Member, ids[2])
        household = session.get(Household, member.household_id)
        assert household.head_member_id == ids[2]
        assert (household.address, household.phone) == ("長門市油谷（試験）2番地", "0837-00-1234")
    assert tab.selected().id == household.id and tab.selected().head_name == "別家 次郎"


def test_edit_household_corrects_the_address_of_its_members(app, demo, qtbot, monkeypatch, no_dialogs):
    ids, household_id, _east = people(demo)
    tab = make_tab(qtbot, demo)
    select(tab, household_id)

    def fill(dialog: HouseholdDialog):
        assert dialog.head.currentData() == ids[1]
        dialog.address.clear()
        type_text(dialog.address, "長門市油谷（試験）１番地の２")
        click_ok(dialog)

    fake_exec(monkeypatch, HouseholdDialog, fill)
    tab.edit_button.click()
    with demo.Session() as session:
        assert session.get(Household, household_id).address == "長門市油谷（試験）１番地の２"
        assert session.get(Member, ids[0]).address == "長門市油谷（試験）１番地の２"


def test_add_a_member_and_make_them_head(app, demo, qtbot, monkeypatch, no_dialogs):
    ids, household_id, _east = people(demo)
    tab = make_tab(qtbot, demo)
    select(tab, household_id)
    pick(monkeypatch, "べっけ")
    tab.add_member_button.click()
    with demo.Session() as session:
        assert session.get(Member, ids[2]).household_id == household_id
    assert tab.selected().member_count == 3 and tab.members.rowCount() == 3
    row = next(r for r in range(3) if tab.members.item(r, 0).text() == "別家 次郎")
    tab.members.selectRow(row)
    tab.head_button.click()
    with demo.Session() as session:
        assert session.get(Household, household_id).head_member_id == ids[2]
    assert tab.selected().head_name == "別家 次郎"


def test_move_household_asks_the_date_confirms_and_moves_everyone(app, demo, qtbot, monkeypatch, no_dialogs):
    ids, household_id, _east = people(demo)
    tab = make_tab(qtbot, demo)
    select(tab, household_id)

    def fill(dialog: MoveDialog):
        dialog.on.edit.setText("R8.5.1")
        type_text(dialog.address, "長門市油谷（試験）新町3番地")
        click_ok(dialog)

    fake_exec(monkeypatch, MoveDialog, fill)
    tab.move_button.click()
    assert len(no_dialogs) == 1
    kind, text = no_dialogs[0]
    assert kind == "question"
    assert "試験 太郎さんの世帯（2人）" in text and "令和8年5月1日" in text and "新町3番地" in text
    with demo.Session() as session:
        assert session.get(Household, household_id).address == "長門市油谷（試験）新町3番地"
        for member_id in ids[:2]:
            member = session.get(Member, member_id)
            assert member.address == "長門市油谷（試験）新町3番地"
            assert any(e.kind == "moved" and e.on == date(2026, 5, 1) for e in member.events)


def test_move_without_address_says_so_and_writes_nothing(app, demo, qtbot, monkeypatch, no_dialogs):
    _ids, household_id, _east = people(demo)
    tab = make_tab(qtbot, demo)
    select(tab, household_id)
    fake_exec(monkeypatch, MoveDialog, click_ok)
    tab.move_button.click()
    assert [k for k, _t in no_dialogs] == ["warning"]  # no question: it cannot be done
    assert "住所" in no_dialogs[0][1]
    with demo.Session() as session:
        assert session.get(Household, household_id).address == "長門市油谷（試験）1番地"


def test_household_leaves_on_a_date(app, demo, qtbot, monkeypatch, no_dialogs):
    ids, household_id, _east = people(demo)
    tab = make_tab(qtbot, demo)
    select(tab, household_id)

    def fill(dialog: DateDialog):
        dialog.date.edit.setText("令和8年6月30日")
        click_ok(dialog)

    fake_exec(monkeypatch, DateDialog, fill)
    tab.leave_button.click()
    assert no_dialogs[0][0] == "question"
    assert "在籍中の会員（2人）" in no_dialogs[0][1] and "令和8年6月30日" in no_dialogs[0][1]
    with demo.Session() as session:
        for member_id in ids[:2]:
            member = session.get(Member, member_id)
            assert (member.status, member.left_on) == ("moved", date(2026, 6, 30))
        assert session.get(Member, ids[2]).status == "active"
        kinds = {e.kind for e in session.query(MemberEvent).filter(MemberEvent.member_id == ids[0])}
        assert "moved_out" in kinds


def test_delete_household_goes_to_the_trash_and_comes_back(app, demo, qtbot, no_dialogs):
    ids, household_id, _east = people(demo)
    tab = make_tab(qtbot, demo)
    select(tab, household_id)
    tab.delete_button.click()
    assert "ごみ箱" in no_dialogs[0][1] and "試験 太郎さんの世帯" in no_dialogs[0][1]
    with demo.Session() as session:
        assert session.get(Household, household_id).deleted_at is not None
        assert session.get(Member, ids[0]).household_id is None
    assert all(r.id != household_id for r in tab.model.rows)
    tab.trash.setChecked(True)
    assert not tab.new_button.isVisibleTo(tab) and tab.restore_button.isVisibleTo(tab)
    select(tab, household_id)
    tab.restore_button.click()
    with demo.Session() as session:
        assert session.get(Household, household_id).deleted_at is None
        assert session.get(Member, ids[0]).household_id == household_id
