"""The 夢プラン page: creating the first plan, the tabs following the version chosen (older versions
read-only), the documents offered by 「書き出し…」, and the section in the window."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import test_plan_data
from qt_helpers import click_ok, fake_exec, type_text
from test_plan_data import make_plan

from nagato_desk.gui.document_export import SaveDocumentDialog
from nagato_desk.gui.pages.plan import PlanPage
from nagato_desk.gui.plan_dialogs import PlanDialog
from nagato_desk.services import plans as plans_service
from nagato_desk.settings import Settings

plan_qt = test_plan_data.plan_qt  # the fixture: widgets deleted after each test


def make_page(plan_qt, db):
    page = PlanPage(db, Settings(), "ja")
    plan_qt.addWidget(page)
    return page


def test_create_the_first_plan(app, db, plan_qt, monkeypatch, no_dialogs):
    page = make_page(plan_qt, db)
    assert page.view is None and page.stack.currentIndex() == 0
    assert not page.export_button.isEnabled()

    def fill(dialog: PlanDialog):
        type_text(dialog.title, "試験地区 夢プラン")
        dialog.start_year.setValue(2024)
        type_text(dialog.vision, "笑顔のまち")
        dialog.adopted_on.edit.setText("R6.5.19")
        click_ok(dialog)

    fake_exec(monkeypatch, PlanDialog, fill)
    page.create_button.click()
    assert no_dialogs == []
    with db.Session() as session:
        (summary,) = plans_service.list_plans(session)
        version = plans_service.get_version(session, summary.version_id)
        assert (summary.title, summary.start_year, summary.end_year) == ("試験地区 夢プラン", 2024, 2033)
        assert version.vision == "笑顔のまち" and version.adopted_on == date(2024, 5, 19)
    assert page.stack.currentIndex() == 1
    assert page.view.years == tuple(range(2024, 2034))
    assert "令和6年度〜令和15年度" in page.plan_label.text()  # FY2024 = 令和6, FY2033 = 令和15


def test_tabs_follow_the_version_chosen(app, db, plan_qt, no_dialogs):
    ids = make_plan(db)
    with db.session() as session:
        new = plans_service.revise_plan(session, ids.plan, date(2026, 6, 1), "中間見直し").id
    page = make_page(plan_qt, db)
    assert page.version_combo.count() == 2
    assert page.view.version_id == new and not page.view.read_only  # the current version first
    page.version_combo.setCurrentIndex(page.version_combo.findData(ids.version))
    assert page.view.version_id == ids.version and page.view.read_only
    for _key, tab in page.tab_pages:
        assert tab.view.version_id == ids.version
    assert not page.outline.add_goal_button.isEnabled()
    page.show_tab("evaluation")
    assert not page.evaluation.save_button.isEnabled()
    assert page.evaluation.lock_note.text()  # says why


def test_export_offers_the_booklet_and_the_progress_report(app, db, plan_qt, monkeypatch, no_dialogs):
    make_plan(db)
    page = make_page(plan_qt, db)
    seen = {}

    def fill(dialog: SaveDocumentDialog):
        seen["documents"] = [dialog.document.itemData(i) for i in range(dialog.document.count())]
        seen["years"] = [dialog.year.itemData(i) for i in range(dialog.year.count())]
        dialog.reject()

    fake_exec(monkeypatch, SaveDocumentDialog, fill)
    page.export_button.click()
    assert seen["documents"] == ["plan", "plan-progress"]
    assert sorted(seen["years"]) == list(range(2023, 2033))
    last_year = (date.today().year if date.today().month >= 4 else date.today().year - 1) - 1  # FY just ended
    if 2023 <= last_year <= 2032:
        assert seen["years"][0] == last_year


def test_the_section_is_in_the_window(app, db, plan_qt):
    from nagato_desk.gui.sections import SECTIONS

    (section,) = [s for s in SECTIONS if s.key == "plan"]
    assert section.page_class() is PlanPage
    assert section.translated_title() == "夢プラン"


def test_edit_the_plan_with_survey_figures(app, db, plan_qt, monkeypatch, no_dialogs):
    ids = make_plan(db)

    def fill(dialog: PlanDialog):
        dialog.current_state.setPlainText("人口は10年で15%減った。")
        dialog.survey_items.add_row()
        table = dialog.survey_items.table
        table.item(0, 0).setText("今後も住み続けたい")
        table.item(0, 1).setText("78.5")
        table.item(0, 2).setText("%")
        click_ok(dialog)

    fake_exec(monkeypatch, PlanDialog, fill)
    page = make_page(plan_qt, db)
    page.outline.edit_plan_button.click()
    assert no_dialogs == []
    with db.Session() as session:
        version = plans_service.current_version(session, ids.plan)
        assert version.current_state == "人口は10年で15%減った。"
        assert [(i.question, i.value, i.unit) for i in version.survey_items] == [
            ("今後も住み続けたい", Decimal("78.5"), "%")
        ]
    assert "人口は10年で15%減った。" in page.outline.summary.text()

    def bad(dialog: PlanDialog):
        assert dialog.survey_items.table.rowCount() == 1  # the saved figure is shown
        dialog.title.setText("新しい名前")
        dialog.survey_items.table.item(0, 1).setText("八割")
        click_ok(dialog)
        dialog.reject()

    fake_exec(monkeypatch, PlanDialog, bad)
    page.outline.edit_plan_button.click()
    assert no_dialogs[-1][0] == "warning" and "数値" in no_dialogs[-1][1]
    with db.Session() as session:  # nothing of it was saved, not even the title
        version = plans_service.current_version(session, ids.plan)
        assert version.title == "試験地区 夢プラン"
        assert version.survey_items[0].value == Decimal("78.5")


def test_the_date_style_follows_the_settings(app, db, plan_qt):
    make_plan(db)
    page = make_page(plan_qt, db)
    page.evaluation.set_fiscal_year(2024)
    assert page.evaluation.year.currentText() == "令和6年度"
    page.settings.date_style = "seireki"
    page.refresh()
    assert page.evaluation.year.currentText() == "2024年度"  # the same year, written the other way
    assert "2023年度〜2032年度" in page.plan_label.text()
    assert list(page.outline.action_form.years.boxes.values())[0].text() == "2023"


def test_the_demo_plan_opens_in_every_tab(app, demo, plan_qt):
    from nagato_desk.services import goals as goals_service
    from nagato_desk.services import plan_actions as actions_service

    page = make_page(plan_qt, demo)
    assert page.view is not None and "宇津賀" in page.plan_label.text()
    with demo.Session() as session:
        goals = goals_service.list_goals(session, page.view.version_id)
        actions = actions_service.actions_of_version(session, page.view.version_id)
    assert page.outline.tree.topLevelItemCount() == len(goals) > 0
    for key, tab in page.tab_pages:
        page.show_tab(key)
        assert not tab.grab().isNull()
    # one goal line per goal and one line per action in the roadmap
    assert len(page.roadmap.model.lines) == len(goals) + len(actions)
    assert [line.action_id for line in page.evaluation.lines] == [a.id for a in actions]
    assert page.indicators.indicator_ids()  # the demo records indicators
