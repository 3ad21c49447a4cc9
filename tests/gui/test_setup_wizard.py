"""First start: the wizard registers the council with its 自治会 and figures, or the demo."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWizard

from nagato_desk.gui.app import Startup
from nagato_desk.gui.figures_editor import (
    COL_AGED,
    COL_HOUSEHOLDS,
    COL_NAME,
    COL_POPULATION,
    COL_RATE,
    COL_READING,
)
from nagato_desk.gui.setup_wizard import PAGE_ASSOCIATIONS, PAGE_COUNCIL, SetupWizard
from nagato_desk.services.associations import figures_table
from nagato_desk.services.council import get_council
from nagato_desk.settings import Settings


def _fill_row(editor, row, values):
    for col, text in zip(
        (COL_NAME, COL_READING, COL_HOUSEHOLDS, COL_POPULATION, COL_AGED), values, strict=True
    ):
        editor.table.item(row, col).setText(text)


def test_wizard_registers_council_with_figures(app, qtbot, tmp_path, no_dialogs):
    path = tmp_path / "new.db"
    startup = Startup(path, Settings(), "ja")
    assert startup.open() is None
    wizard = startup.wizard
    qtbot.addWidget(wizard)
    assert not path.exists()  # nothing is written until the wizard finishes
    wizard.next()
    assert wizard.currentId() == PAGE_COUNCIL
    form = wizard.council.form
    form.edits["name"].setText("宇津賀地区まちづくり協議会")
    form.edits["representative"].setText("長門 一郎")
    form.founded_known.setChecked(True)
    form.founded_date.setDate(date(2015, 4, 1))
    wizard.next()
    assert wizard.currentId() == PAGE_ASSOCIATIONS
    editor = wizard.associations.editor
    _fill_row(editor, 0, ["立石", "たていし", "200", "400", "220"])
    editor.add_row()
    _fill_row(editor, 1, ["白潟", "しらがた", "174", "361", "204"])
    # 204 / 361 = 0.565096… → 56.51%, shown live
    assert editor.table.item(1, COL_RATE).text() == "56.51%"
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert no_dialogs == []
    assert startup.window is not None
    qtbot.addWidget(startup.window)
    with startup.db.Session() as session:
        council = get_council(session)
        assert council.name == "宇津賀地区まちづくり協議会"
        assert council.founded_on == date(2015, 4, 1)
        table = figures_table(session)
    # 200+174 = 374 households, 400+361 = 761 people, 220+204 = 424 aged 65+
    assert (table.totals.households, table.totals.population, table.totals.aged_65_plus) == (374, 761, 424)
    assert str(table.totals.ageing_rate) == "55.72"
    startup.window.close()


def test_wizard_requires_a_name(app, qtbot, tmp_path, no_dialogs):
    wizard = SetupWizard(tmp_path / "x.db")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.next()  # name still empty
    assert wizard.currentId() == PAGE_COUNCIL
    assert no_dialogs and "協議会の名称を入力してください" in no_dialogs[0][1]


def test_wizard_rejects_bad_figures_with_row(app, qtbot, tmp_path, no_dialogs):
    wizard = SetupWizard(tmp_path / "x.db")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.council.form.edits["name"].setText("テスト協議会")
    wizard.next()
    editor = wizard.associations.editor
    _fill_row(editor, 0, ["東区", "", "10", "20", "30"])  # 65+ above the population
    wizard.next()
    assert not wizard.validateCurrentPage()
    assert (
        "1行目" in no_dialogs[-1][1]
        and "65歳以上人口（30人）が人口（20人）を超えています" in no_dialogs[-1][1]
    )
    _fill_row(editor, 0, ["東区", "", "10", "二十", "5"])
    assert not wizard.validateCurrentPage()
    assert "「二十」は整数ではありません" in no_dialogs[-1][1]


def test_wizard_demo_choice_writes_demo(app, qtbot, tmp_path):
    path = tmp_path / "demo.db"
    startup = Startup(path, Settings(), "ja")
    startup.open()
    qtbot.addWidget(startup.wizard)
    startup.wizard.start.demo.setChecked(True)
    assert startup.wizard.start.isFinalPage()
    startup.wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.addWidget(startup.window)
    with startup.db.Session() as session:
        assert get_council(session).name == "宇津賀地区まちづくり協議会（デモ）"
    startup.window.close()


def test_cancelling_the_wizard_writes_nothing(app, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "none.db"
    startup = Startup(path, Settings(), "ja")
    startup.open()
    quits = []
    monkeypatch.setattr(type(app), "quit", staticmethod(lambda: quits.append(True)))
    startup.wizard.reject()
    assert quits and not path.exists()
