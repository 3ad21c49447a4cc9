"""Editing the profile and the yearly figures: saved in one step, bad input refused with where."""

from __future__ import annotations

from sqlalchemy import select

from nagato_desk.gui.dialogs import CouncilDialog, FiguresDialog
from nagato_desk.gui.figures_editor import COL_HOUSEHOLDS, COL_NAME, COL_POPULATION
from nagato_desk.models import AssociationFigure, NeighbourhoodAssociation
from nagato_desk.services.associations import figures_table
from nagato_desk.services.council import get_council


def _counts(db):
    with db.Session() as session:
        return (
            len(session.scalars(select(NeighbourhoodAssociation)).all()),
            len(session.scalars(select(AssociationFigure)).all()),
        )


def test_council_dialog_saves_profile(app, demo, qtbot, no_dialogs):
    dialog = CouncilDialog(demo, "wareki")
    qtbot.addWidget(dialog)
    assert dialog.form.edits["name"].text() == "宇津賀地区まちづくり協議会（デモ）"
    dialog.form.edits["phone"].setText("0837-11-2222")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    with demo.Session() as session:
        assert get_council(session).phone == "0837-11-2222"


def test_council_dialog_refuses_empty_name(app, demo, qtbot, no_dialogs):
    dialog = CouncilDialog(demo, "wareki")
    qtbot.addWidget(dialog)
    dialog.form.edits["name"].setText("  ")
    dialog.accept()
    assert "協議会の名称を入力してください" in no_dialogs[0][1]
    with demo.Session() as session:
        assert get_council(session).name == "宇津賀地区まちづくり協議会（デモ）"


def test_figures_dialog_edits_a_cell(app, demo, qtbot, no_dialogs):
    dialog = FiguresDialog(demo, "wareki")
    qtbot.addWidget(dialog)
    fy = dialog.loaded_year
    dialog.editor.table.item(0, COL_POPULATION).setText("190")  # 東浜 185 → 190
    dialog.accept()
    assert no_dialogs == []
    with demo.Session() as session:
        table = figures_table(session, fy)
    assert table.rows[0].population == 190
    assert table.totals.population == 761 + 5


def test_figures_dialog_bad_number_changes_nothing(app, demo, qtbot, no_dialogs):
    before = _counts(demo)
    dialog = FiguresDialog(demo, "wareki")
    qtbot.addWidget(dialog)
    dialog.editor.table.item(2, COL_HOUSEHOLDS).setText("12.5")
    dialog.accept()
    assert "3行目" in no_dialogs[0][1] and "「世帯数」列" in no_dialogs[0][1]
    assert dialog.result() != dialog.DialogCode.Accepted
    assert _counts(demo) == before


def test_figures_dialog_adds_renames_and_removes(app, demo, qtbot, no_dialogs):
    dialog = FiguresDialog(demo, "wareki")
    qtbot.addWidget(dialog)
    editor = dialog.editor
    editor.table.item(0, COL_NAME).setText("東浜第一自治会")
    row = editor.add_row()
    editor.table.item(row, COL_NAME).setText("新町自治会")
    editor.table.selectRow(1)  # 西浜
    editor.remove_selected()
    dialog.accept()
    assert no_dialogs and no_dialogs[0][0] == "question" and "西浜自治会" in no_dialogs[0][1]
    with demo.Session() as session:
        names = [r.name for r in figures_table(session).rows]
    assert names == ["東浜第一自治会", "中山自治会", "北原自治会", "南ヶ丘自治会", "新町自治会"]
    # 西浜's three years of figures went with it; the new row has none.
    assert _counts(demo) == (5, 15 - 3)


def test_figures_dialog_swapping_names_is_fine(app, demo, qtbot, no_dialogs):
    dialog = FiguresDialog(demo, "wareki")
    qtbot.addWidget(dialog)
    t = dialog.editor.table
    t.item(0, COL_NAME).setText("西浜自治会")
    t.item(1, COL_NAME).setText("東浜自治会")
    dialog.accept()
    assert no_dialogs == []
    with demo.Session() as session:
        assert [r.name for r in figures_table(session).rows][:2] == ["西浜自治会", "東浜自治会"]
