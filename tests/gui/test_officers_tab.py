"""役員 tab: the officer list as of a date, register / end / delete a term, a person's role history,
and the list of roles — through the real widgets, checking the database after each action."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QPushButton
from qt_helpers import click_ok, fake_exec, type_text

from nagato_desk.gui.date_field import DateDialog
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.gui.officer_dialogs import RolesDialog, TermDialog
from nagato_desk.gui.officers_tab import OfficersTab
from nagato_desk.gui.table_model import RowsModel
from nagato_desk.models import OfficerTerm, Role
from nagato_desk.services import officers as officers_service
from nagato_desk.services.associations import list_associations
from nagato_desk.services.members import MemberDraft, add_member
from nagato_desk.services.officers import TermDraft


def role_id(db, name: str) -> int:
    with db.Session() as session:
        return officers_service.role_by_name(session, name).id


def setup_people(db):
    """試験 花子 has been 会計 since R6.4.1 (and was 監事 before); 試験 太郎 is not an officer."""
    with db.session() as session:
        hanako = add_member(session, MemberDraft(name="試験 花子", reading="しけん はなこ")).id
        taro = add_member(session, MemberDraft(name="試験 太郎", reading="しけん たろう")).id
        accountant = officers_service.role_by_name(session, "会計").id
        auditor = officers_service.role_by_name(session, "監事").id
        old = officers_service.add_term(
            session,
            TermDraft(hanako, auditor, date(2022, 4, 1), date(2024, 3, 31), chosen_by_text="老人クラブ"),
        ).id
        term = officers_service.add_term(
            session,
            TermDraft(
                hanako,
                accountant,
                date(2024, 4, 1),
                chosen_by_association_id=list_associations(session)[0].id,
            ),
        ).id
    return hanako, taro, term, old


def make_tab(qtbot, demo, on=date(2026, 4, 1)):
    tab = OfficersTab(demo, "wareki", "ja")
    qtbot.addWidget(tab)
    tab.set_as_of(on)
    return tab


def select_term(tab, term_id: int) -> None:
    tab.table.selectRow(next(i for i, r in enumerate(tab.model.rows) if r.term_id == term_id))


def test_model_passes_modeltester(app, demo, qtmodeltester, qtbot):
    setup_people(demo)
    tab = make_tab(qtbot, demo)
    model: RowsModel = tab.model
    assert model.rowCount() >= 1
    qtmodeltester.check(model)


def test_officers_as_of_a_date(app, demo, qtbot):
    _hanako, _taro, term, old = setup_people(demo)
    tab = make_tab(qtbot, demo, date(2026, 4, 1))
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert headers == ["役職", "氏名", "ふりがな", "選出母体", "任期"]
    mine = [r for r in tab.model.rows if r.name == "試験 花子"]
    assert [r.term_id for r in mine] == [term]
    row = tab.model.rows.index(mine[0])
    cells = [tab.model.index(row, c).data() for c in range(5)]
    assert cells == ["会計", "試験 花子", "しけん はなこ", "東浜自治会", "令和6年4月1日〜"]
    assert "令和8年4月1日" in tab.as_of_text.text()
    tab.set_as_of(date(2023, 4, 1))  # then she was 監事, chosen by the seniors' club
    mine = [r for r in tab.model.rows if r.name == "試験 花子"]
    assert [(r.term_id, r.role, r.chosen_by) for r in mine] == [(old, "監事", "老人クラブ")]


def test_selecting_an_officer_shows_their_role_history(app, demo, qtbot):
    _hanako, _taro, term, _old = setup_people(demo)
    tab = make_tab(qtbot, demo)
    select_term(tab, term)
    assert "試験 花子" in tab.history_title.text()
    assert tab.history.rowCount() == 2
    assert [tab.history.item(r, 0).text() for r in range(2)] == ["会計", "監事"]
    assert tab.history.item(1, 1).text() == "令和4年4月1日〜令和6年3月31日"


def test_new_term_with_the_member_picker(app, demo, qtbot, monkeypatch, no_dialogs):
    _hanako, taro, _term, _old = setup_people(demo)
    tab = make_tab(qtbot, demo)

    def pick(picker):
        type_text(picker.search, "試験 太郎")
        assert picker.model.rowCount() == 1
        click_ok(picker)

    fake_exec(monkeypatch, MemberPicker, pick)

    def fill(dialog: TermDialog):
        dialog.member_button.click()
        assert dialog.member_label.text() == "試験 太郎"
        dialog.role.setCurrentIndex(dialog.role.findText("副会長"))
        dialog.starts.edit.setText("R8.4.1")
        dialog.ends.edit.setText("R10.3.31")
        dialog.by_text.setChecked(True)
        type_text(dialog.chosen_text, "公募")
        click_ok(dialog)

    fake_exec(monkeypatch, TermDialog, fill)
    tab.new_button.click()
    assert no_dialogs == []
    with demo.Session() as session:
        term = session.query(OfficerTerm).filter(OfficerTerm.member_id == taro).one()
        assert (term.role.name, term.starts_on, term.ends_on) == (
            "副会長",
            date(2026, 4, 1),
            date(2028, 3, 31),
        )
        assert (term.chosen_by_text, term.chosen_by_association_id) == ("公募", None)
    assert tab.selected().term_id == term.id


def test_overlapping_term_is_refused_with_the_services_message(app, demo, qtbot, monkeypatch, no_dialogs):
    hanako, _taro, _term, _old = setup_people(demo)
    tab = make_tab(qtbot, demo)

    def fill(dialog: TermDialog):
        dialog.member_id = hanako
        dialog.role.setCurrentIndex(dialog.role.findText("会計"))
        dialog.starts.edit.setText("2025/4/1")
        click_ok(dialog)

    fake_exec(monkeypatch, TermDialog, fill)
    tab.new_button.click()
    assert no_dialogs and no_dialogs[0][0] == "warning" and "重なっています" in no_dialogs[0][1]
    with demo.Session() as session:
        assert session.query(OfficerTerm).filter(OfficerTerm.member_id == hanako).count() == 2


def test_end_term_asks_the_last_day_and_confirms(app, demo, qtbot, monkeypatch, no_dialogs):
    _hanako, _taro, term, _old = setup_people(demo)
    tab = make_tab(qtbot, demo)
    select_term(tab, term)

    def fill(dialog: DateDialog):
        dialog.date.edit.setText("R8.5.31")
        click_ok(dialog)

    fake_exec(monkeypatch, DateDialog, fill)
    tab.end_button.click()
    assert no_dialogs[0][0] == "question"
    assert "試験 花子" in no_dialogs[0][1] and "令和8年5月31日" in no_dialogs[0][1]
    with demo.Session() as session:
        assert session.get(OfficerTerm, term).ends_on == date(2026, 5, 31)


def test_delete_term_confirms_and_deletes(app, demo, qtbot, no_dialogs):
    _hanako, _taro, term, _old = setup_people(demo)
    tab = make_tab(qtbot, demo)
    select_term(tab, term)
    tab.delete_button.click()
    assert "元に戻せません" in no_dialogs[0][1]
    with demo.Session() as session:
        assert session.get(OfficerTerm, term) is None
    assert all(r.term_id != term for r in tab.model.rows)


def _roles(dialog: RolesDialog) -> list[tuple[str, str]]:
    return [
        (dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    ]


def test_roles_add_rename_move_deactivate_and_refuse_removal(app, demo, qtbot, monkeypatch, no_dialogs):
    setup_people(demo)
    dialog = RolesDialog(demo, "ja")
    qtbot.addWidget(dialog)
    names = iter(["書記", "庶務"])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (next(names), True)))
    dialog.add_button.click()
    assert _roles(dialog)[-1] == ("書記", "使用中")
    dialog.rename_button.click()  # 書記 is selected → 庶務
    dialog.up_button.click()
    assert [n for n, _ in _roles(dialog)][-2:] == ["庶務", "顧問"]
    dialog.active_button.click()
    with demo.Session() as session:
        role = session.get(Role, role_id(demo, "庶務"))
        assert role.active is False
        assert [r.name for r in officers_service.list_roles(session)][-1] == "顧問"
    assert dict(_roles(dialog))["庶務"] == "使用しない"
    # 会計 is used by a term: the service refuses, and says to make it unused instead
    dialog.table.selectRow(
        next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "会計")
    )
    dialog.remove_button.click()
    assert no_dialogs[-1][0] == "warning" and "使用しない" in no_dialogs[-1][1]
    assert role_id(demo, "会計")
    # an unused role goes
    dialog.table.selectRow(
        next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "庶務")
    )
    dialog.remove_button.click()
    with demo.Session() as session:
        assert officers_service.role_by_name(session, "庶務") is None
    assert dialog.changed
    assert isinstance(dialog.findChild(QPushButton), QPushButton)
