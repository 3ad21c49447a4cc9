"""The import wizard: a good roster imports whole as a background job; a broken one shows every
problem by row and column, keeps the Import button disabled and writes nothing; a column the
program did not recognise is corrected by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from nagato_desk.gui.member_import_wizard import PAGE_MAPPING, PAGE_PREVIEW, MemberImportWizard
from nagato_desk.models import Member
from nagato_desk.services.members import MemberFilter, count_members

HEADER = ["氏名", "ふりがな", "生年月日", "住所", "自治会", "班", "役職"]


def roster(path: Path, rows: list[list[object]], header=HEADER) -> Path:
    """An Excel roster as councils keep it: a title row, a blank row, then the header."""
    wb = Workbook()
    ws = wb.active
    ws.append(["宇津賀地区 会員名簿（試験）"])
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


GOOD = [
    ["試験　花子", "しけん はなこ", "S45.3.1", "長門市油谷（試験）1番地", "東浜自治会", "1班", "会計"],
    ["試験　太郎", "ｼｹﾝ ﾀﾛｳ", "昭和40年5月2日", "長門市油谷（試験）1番地", "東浜自治会", "1班", None],
    [None, None, None, None, None, None, None],
    ["別家　次郎", "べっけ じろう", "1980/4/1", "長門市油谷（試験）2番地", "西浜", "2班", None],
]


def everyone(db) -> int:
    with db.Session() as session:
        return count_members(session, MemberFilter(statuses=()))


def make_wizard(qtbot, demo) -> MemberImportWizard:
    wizard = MemberImportWizard(demo, "wareki", "ja")
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def finish_button(wizard):
    return wizard.button(QWizard.WizardButton.FinishButton)


def test_good_file_imports_as_a_background_job(app, demo, qtbot, tmp_path, no_dialogs):
    path = roster(tmp_path / "名簿.xlsx", GOOD)
    before = everyone(demo)
    wizard = make_wizard(qtbot, demo)
    assert not wizard.file_page.isComplete()
    wizard.open_file(path)
    assert wizard.currentId() == PAGE_MAPPING
    page = wizard.mapping_page
    assert page.header_row.value() == 3  # found below the title and the blank row
    assert page.combos["name"].currentText() == "A列「氏名」"
    assert page.combos["birth_date"].currentData() == 2
    assert page.combos["email"].currentData() is None
    assert page.table.item(0, 2).text() == "試験　花子"  # the first row's value beside the field
    wizard.next()
    assert wizard.currentId() == PAGE_PREVIEW
    preview = wizard.preview_page
    assert preview.model.rowCount() == 3
    assert "3人" in preview.summary.text() and "2世帯" in preview.summary.text()
    assert "問題はありません" in preview.summary.text()
    assert finish_button(wizard).isEnabled()
    assert everyone(demo) == before  # the preview writes nothing
    with qtbot.waitSignal(wizard.imported, timeout=30_000) as blocker:
        finish_button(wizard).click()
    result = blocker.args[0]
    assert (result.members, result.households, result.terms) == (3, 2, 1)
    assert no_dialogs[-1][0] == "information" and "3人" in no_dialogs[-1][1]
    assert wizard.result is result and not wizard.isVisible()
    assert everyone(demo) == before + 3
    with demo.Session() as session:
        hanako = session.query(Member).filter_by(name="試験 花子").one()
        assert hanako.birth_date == date(1970, 3, 1)
        taro = session.query(Member).filter_by(name="試験 太郎").one()
        assert taro.reading == "シケン タロウ" and taro.household_id == hanako.household_id


def test_bad_file_shows_problems_and_cannot_be_imported(app, demo, qtbot, tmp_path, no_dialogs):
    bad = [
        ["試験　花子", "しけん はなこ", "S45.13.1", "長門市油谷（試験）1番地", "東浜自治会", "1班", None],
        ["試験　太郎", "しけん たろう", None, "長門市油谷（試験）1番地", "存在しない自治会", None, "大統領"],
        ["別家　次郎", "べっけ じろう", "1980/4/1", "長門市油谷（試験）2番地", "西浜", "2班", None],
    ]
    path = roster(tmp_path / "bad.xlsx", bad)
    before = everyone(demo)
    wizard = make_wizard(qtbot, demo)
    wizard.open_file(path)
    wizard.next()
    preview = wizard.preview_page
    assert "問題" in preview.summary.text() and "3件" in preview.summary.text()
    assert not preview.isComplete() and not finish_button(wizard).isEnabled()
    # only the rows with problems are listed at first, highlighted, with the column in the message
    rows = [preview.model.index(r, 0).data() for r in range(preview.model.rowCount())]
    assert rows == ["4", "5"]
    check = preview.model.index(0, preview.model.columnCount() - 1).data()
    assert "C列「生年月日」" in check
    assert preview.model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    second = preview.model.index(1, preview.model.columnCount() - 1).data()
    assert "存在しない自治会" in second and "大統領" in second
    preview.only_flagged.setChecked(False)
    assert preview.model.rowCount() == 3
    finish_button(wizard).click()  # disabled: nothing happens
    assert wizard.result is None and everyone(demo) == before


def test_a_column_not_recognised_is_chosen_by_hand(app, demo, qtbot, tmp_path, no_dialogs):
    header = ["お名前", "フリガナ", "生年月日", "住所", "自治会", "班", "役職"]
    path = roster(tmp_path / "odd.xlsx", GOOD, header)
    before = everyone(demo)
    wizard = make_wizard(qtbot, demo)
    wizard.open_file(path)
    page = wizard.mapping_page
    assert page.combos["name"].currentData() is None  # 「お名前」 is not a known header
    wizard.next()
    assert "氏名の列" in wizard.preview_page.file_problems.text()
    assert not finish_button(wizard).isEnabled()
    wizard.back()
    page.set_column("name", 0)
    assert page.table.item(0, 2).text() == "試験　花子"
    wizard.next()
    assert finish_button(wizard).isEnabled()
    with qtbot.waitSignal(wizard.imported, timeout=30_000):
        finish_button(wizard).click()
    assert everyone(demo) == before + 3


def test_unreadable_file_is_refused_on_the_first_page(app, demo, qtbot, tmp_path, no_dialogs):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"\x00\x01binary")
    wizard = make_wizard(qtbot, demo)
    wizard.open_file(path)
    assert wizard.currentId() == 0
    assert no_dialogs[-1][0] == "warning" and "CSV" in no_dialogs[-1][1]


def test_importing_the_same_people_again_flags_duplicates(
    app, demo, qtbot, tmp_path, no_dialogs, qtmodeltester
):
    path = roster(tmp_path / "名簿.xlsx", GOOD)
    first = make_wizard(qtbot, demo)
    first.open_file(path)
    first.next()
    with qtbot.waitSignal(first.imported, timeout=30_000):
        finish_button(first).click()
    again = make_wizard(qtbot, demo)
    again.open_file(path)
    again.next()
    preview = again.preview_page
    qtmodeltester.check(preview.model)
    assert "3人" in preview.summary.text() and "黄色" in preview.summary.text()
    check = preview.model.index(0, preview.model.columnCount() - 1).data()
    assert "同じ人の可能性" in check and "登録済み" in check
    assert finish_button(again).isEnabled()  # duplicates are flagged, not refused
