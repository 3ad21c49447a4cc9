"""団体 tab: add, edit, delete to the trash and restore organisations (団体会員・連携団体) through the
real widgets, checking the database after each action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from qt_helpers import click_ok, fake_exec, type_text

from nagato_desk.gui.organisations_tab import OrganisationDialog, OrganisationsTab
from nagato_desk.models import MemberOrganisation
from nagato_desk.services import organisations as organisations_service
from nagato_desk.services.organisations import OrganisationDraft


def make_tab(qtbot, demo):
    tab = OrganisationsTab(demo, "ja")
    qtbot.addWidget(tab)
    return tab


def existing(db) -> int:
    with db.session() as session:
        return organisations_service.add_organisation(
            session,
            OrganisationDraft(
                name="試験老人クラブ",
                reading="しけんろうじんくらぶ",
                kind="老人クラブ",
                contact_name="試験 花子",
            ),
        ).id


def by_name(db, name: str) -> MemberOrganisation | None:
    with db.Session() as session:
        return next((o for o in organisations_service.list_organisations(session) if o.name == name), None)


def test_model_passes_modeltester_and_shows_kind_and_contact(app, demo, qtbot, qtmodeltester):
    org_id = existing(demo)
    tab = make_tab(qtbot, demo)
    qtmodeltester.check(tab.model)
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert headers == ["団体名", "種別", "区分", "担当者", "電話"]
    row = next(i for i, o in enumerate(tab.model.rows) if o.id == org_id)
    assert [tab.model.index(row, c).data() for c in range(4)] == [
        "試験老人クラブ",
        "老人クラブ",
        "団体会員",
        "試験 花子",
    ]


def test_new_partner_organisation(app, demo, qtbot, monkeypatch, no_dialogs):
    tab = make_tab(qtbot, demo)

    def fill(dialog: OrganisationDialog):
        type_text(dialog.edits["name"], "油谷試験株式会社")
        dialog.kind.setCurrentText("企業・事業所")
        dialog.partner.setChecked(True)
        type_text(dialog.edits["contact_name"], "長門 一郎")
        dialog.edits["phone"].setText("0837-00-9999")
        click_ok(dialog)

    fake_exec(monkeypatch, OrganisationDialog, fill)
    tab.new_button.click()
    assert no_dialogs == []
    org = by_name(demo, "油谷試験株式会社")
    assert (org.kind, org.is_member, org.contact_name, org.phone) == (
        "企業・事業所",
        False,
        "長門 一郎",
        "0837-00-9999",
    )
    assert tab.selected().id == org.id
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(True))  # members only
    assert all(o.is_member for o in tab.model.rows) and all(o.id != org.id for o in tab.model.rows)


def test_edit_and_bad_email_is_refused(app, demo, qtbot, monkeypatch, no_dialogs):
    org_id = existing(demo)
    tab = make_tab(qtbot, demo)
    tab.table.selectRow(next(i for i, o in enumerate(tab.model.rows) if o.id == org_id))

    def bad(dialog: OrganisationDialog):
        assert dialog.edits["name"].text() == "試験老人クラブ"
        dialog.edits["email"].setText("no-at-sign")
        click_ok(dialog)

    fake_exec(monkeypatch, OrganisationDialog, bad)
    tab.edit_button.click()
    assert no_dialogs[-1][0] == "warning" and "メールアドレス" in no_dialogs[-1][1]
    assert by_name(demo, "試験老人クラブ").email == ""

    def good(dialog: OrganisationDialog):
        dialog.edits["contact_role"].setText("会長")
        dialog.edits["email"].setText("club@example.jp")
        click_ok(dialog)

    fake_exec(monkeypatch, OrganisationDialog, good)
    tab.edit_button.click()
    org = by_name(demo, "試験老人クラブ")
    assert (org.contact_role, org.email) == ("会長", "club@example.jp")


def test_delete_to_trash_and_restore(app, demo, qtbot, no_dialogs):
    org_id = existing(demo)
    tab = make_tab(qtbot, demo)
    tab.table.selectRow(next(i for i, o in enumerate(tab.model.rows) if o.id == org_id))
    tab.delete_button.click()
    assert (
        no_dialogs[-1][0] == "question"
        and "ごみ箱" in no_dialogs[-1][1]
        and "試験老人クラブ" in no_dialogs[-1][1]
    )
    with demo.Session() as session:
        assert session.get(MemberOrganisation, org_id).deleted_at is not None
    assert all(o.id != org_id for o in tab.model.rows)
    tab.trash.setChecked(True)
    assert [o.id for o in tab.model.rows] == [org_id]
    tab.table.selectRow(0)
    tab.restore_button.click()
    with demo.Session() as session:
        assert session.get(MemberOrganisation, org_id).deleted_at is None
