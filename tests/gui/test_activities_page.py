"""事業 page: adding an activity (with a photo) through the form, a refused form, month filter and
calendar marks, the trash, copying last year's recurring events, and saving the report — through
the real widgets, checking the database through the services afterwards."""

from __future__ import annotations

import subprocess
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog
from qt_helpers import click_ok, fake_exec, type_text

from nagato_desk.dates import fiscal_year_of
from nagato_desk.gui.activity_dialog import ActivityDialog
from nagato_desk.gui.document_export import SaveDocumentDialog
from nagato_desk.gui.pages.activities import ActivitiesPage
from nagato_desk.services import activities as svc
from nagato_desk.services import activity_photos as photos
from nagato_desk.services import activity_views as views
from nagato_desk.services.demo_activities import _png
from nagato_desk.settings import Settings


def make_page(qtbot, demo) -> ActivitiesPage:
    page = ActivitiesPage(demo, Settings(), "ja")
    qtbot.addWidget(page)
    return page


def choose_year(page: ActivitiesPage, fy: int) -> None:
    page.year.setCurrentIndex(page.year.findData(fy))


def titles(page: ActivitiesPage) -> list[str]:
    return [page.model.index(r, 1).data() for r in range(page.model.rowCount())]


def test_add_an_activity_with_a_photo_through_the_form(app, demo, qtbot, monkeypatch, tmp_path, no_dialogs):
    picture = tmp_path / "清掃.png"
    picture.write_bytes(_png(48, 32))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(picture)], "")))
    fy = fiscal_year_of(date.today())

    def fill(dialog: ActivityDialog) -> None:
        dialog.starts.edit.clear()
        qtbot.keyClicks(dialog.starts.edit, f"{fy}/6/1")
        type_text(dialog.title_edit, "海岸清掃（夏）")
        dialog.field.setCurrentIndex(dialog.field.findText("環境保全"))
        dialog.committee.setCurrentIndex(dialog.committee.findText("環境部会"))
        type_text(dialog.place, "宇津賀海岸")
        for box, value in ((dialog.residents, "45"), (dialog.volunteers, "12"), (dialog.partner_people, "3")):
            box.lineEdit().selectAll()
            qtbot.keyClicks(box, value)
        type_text(dialog.partners, "消防団")
        type_text(dialog.outcome, "ごみ20袋")
        qtbot.mouseClick(dialog.recurring, Qt.MouseButton.LeftButton)
        dialog.add_photo_button.click()
        assert dialog.photos.count() == 1
        click_ok(dialog)

    fake_exec(monkeypatch, ActivityDialog, fill)
    page = make_page(qtbot, demo)
    page.new_button.click()
    assert no_dialogs == []  # saved without complaint
    with demo.Session() as s:
        row = next(r for r in views.list_activities(s, fy) if r.title == "海岸清掃（夏）")
        a = svc.get_activity(s, row.id)
        assert (a.starts_on, a.field, a.committee.name, a.place) == (
            date(fy, 6, 1),
            "環境保全",
            "環境部会",
            "宇津賀海岸",
        )
        assert (a.participants_residents, a.participants_volunteers, a.participants_partners) == (45, 12, 3)
        assert (a.partners, a.outcome, a.recurring, a.status) == ("消防団", "ごみ20袋", True, "done")
        [photo] = photos.list_photos(s, a.id)
        assert photos.photo_path(s, photo).read_bytes() == _png(48, 32)
    assert page.selected_id() == row.id  # the new activity is selected in the list
    assert "海岸清掃（夏）" in titles(page)


def test_a_form_without_title_is_refused_and_nothing_written(app, demo, qtbot, no_dialogs):
    fy = fiscal_year_of(date.today())
    with demo.Session() as s:
        before = len(views.list_activities(s, fy))
    dialog = ActivityDialog(demo, "wareki", None, "ja")
    qtbot.addWidget(dialog)
    click_ok(dialog)
    assert no_dialogs and "事業名を入力してください" in no_dialogs[0][1]
    assert dialog.title_edit.hasFocus() or dialog.result() == 0
    with demo.Session() as s:
        assert len(views.list_activities(s, fy)) == before


def test_edit_changes_the_outcome(app, demo, qtbot, monkeypatch, no_dialogs):
    fy = fiscal_year_of(date.today()) - 1
    page = make_page(qtbot, demo)
    choose_year(page, fy)
    page.table.selectRow(titles(page).index("地区防災訓練"))

    def fill(dialog: ActivityDialog) -> None:
        assert dialog.title_edit.text() == "地区防災訓練"
        dialog.outcome.clear()
        type_text(dialog.outcome, "手順を確認した")
        click_ok(dialog)

    fake_exec(monkeypatch, ActivityDialog, fill)
    page.edit_button.click()
    with demo.Session() as s:
        row = next(r for r in views.list_activities(s, fy) if r.title == "地区防災訓練")
        assert row.outcome == "手順を確認した"


def test_month_filter_and_calendar_marks(app, demo, qtbot):
    fy = fiscal_year_of(date.today()) - 1
    page = make_page(qtbot, demo)
    choose_year(page, fy)
    page.month.setCurrentIndex(page.month.findData(7))
    # services/demo_activities.py: in July 見守り訪問（夏） (10th) and 夏休み子ども教室 (27th–29th)
    assert titles(page) == ["見守り訪問（夏）", "夏休み子ども教室"]
    assert page.calendar.monthShown() == 7 and page.calendar.yearShown() == fy
    marked = page.calendar.dateTextFormat()
    assert all(QDate(fy, 7, d) in marked for d in (10, 27, 28, 29))
    assert QDate(fy, 7, 11) not in marked
    page.calendar.setSelectedDate(QDate(fy, 7, 28))
    assert [page.day_list.item(i).text() for i in range(page.day_list.count())] == [
        "夏休み子ども教室（子どもの健全育成）　参加者36人"  # 26 + 8 + 2
    ]


def test_delete_to_the_trash_and_restore(app, demo, qtbot, no_dialogs):
    fy = fiscal_year_of(date.today()) - 1
    page = make_page(qtbot, demo)
    choose_year(page, fy)
    page.table.selectRow(titles(page).index("どんど焼き"))
    page.delete_button.click()
    assert "「どんど焼き」をごみ箱に移します" in no_dialogs[-1][1]
    assert "どんど焼き" not in titles(page)
    page.trash.setChecked(True)
    assert titles(page) == ["どんど焼き"] and not page.restore_button.isHidden()
    page.table.selectRow(0)
    page.restore_button.click()
    assert not page.trash.isChecked() and "どんど焼き" in titles(page)
    with demo.Session() as s:
        assert svc.trashed_activities(s) == []


def test_delete_for_good_from_the_trash_removes_the_photo_file(app, demo, qtbot, no_dialogs):
    fy = fiscal_year_of(date.today()) - 1
    page = make_page(qtbot, demo)
    choose_year(page, fy)
    page.table.selectRow(titles(page).index("竹炭窯出し（第1回）"))
    with demo.Session() as s:
        activity_id = page.selected_id()
        [photo] = photos.list_photos(s, activity_id)
        path = photos.photo_path(s, photo)  # the demo's picture, written beside this copy
    assert path.exists()
    page.delete_button.click()
    page.trash.setChecked(True)
    page.table.selectRow(titles(page).index("竹炭窯出し（第1回）"))
    page.purge_button.click()
    assert "完全に削除します。元に戻せません" in no_dialogs[-1][1]
    assert titles(page) == [] and not path.exists()
    with demo.Session() as s:
        assert svc.trashed_activities(s) == []


def test_committee_filter(app, demo, qtbot):
    fy = fiscal_year_of(date.today()) - 1
    page = make_page(qtbot, demo)
    choose_year(page, fy)
    page.committee.setCurrentIndex(page.committee.findText("福祉部会"))
    # services/demo_activities.py: 福祉部会 runs both 見守り visits and the walking event
    assert titles(page) == ["見守り訪問（夏）", "見守り訪問（秋）", "健康ウォーキング大会"]
    assert page.count.text() == "3件・参加者 延べ203人"  # 64 + 62 + 77


def test_copy_recurring_from_last_year_says_how_many(app, demo, qtbot, no_dialogs):
    next_year = fiscal_year_of(date.today()) + 1
    with demo.Session() as s:
        expected = len(svc.recurring_to_copy(s, next_year))
    # the demo's 11 recurring events of last year were copied into this year; all stay recurring
    assert expected == 11
    page = make_page(qtbot, demo)
    choose_year(page, next_year)
    assert titles(page) == []
    page.copy_button.click()
    assert "事業11件を、1年後の日付で" in no_dialogs[-1][1]
    assert len(titles(page)) == 11
    with demo.Session() as s:
        rows = views.list_activities(s, next_year)
        assert {r.status for r in rows} == {"planned"} and sum(r.participants for r in rows) == 0
    page.copy_button.click()  # again: nothing left to copy, and it says so
    assert no_dialogs[-1][0] == "information" and "写す事業はありません" in no_dialogs[-1][1]
    assert len(titles(page)) == 11


def test_export_saves_the_activity_report_of_the_chosen_year(
    app, demo, qtbot, monkeypatch, tmp_path, no_dialogs
):
    fy = fiscal_year_of(date.today()) - 1
    out = tmp_path / "事業報告書.pdf"

    def fill(dialog: SaveDocumentDialog) -> None:
        assert [dialog.document.itemData(i) for i in range(dialog.document.count())] == [
            "activity-report",
            "activity-report-committee",
        ]
        assert dialog.chosen_year() == fy  # the year shown on the page comes first
        with qtbot.waitSignal(dialog.exported, timeout=60_000):
            dialog.export(out)

    fake_exec(monkeypatch, SaveDocumentDialog, fill)
    page = make_page(qtbot, demo)
    choose_year(page, fy)
    page.export_button.click()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "事業報告書" in text and "宇津賀ふるさと夏祭り" in text


def test_keyboard_enter_opens_the_activity_delete_key_asks_to_delete(
    app, demo, qtbot, monkeypatch, no_dialogs
):
    from PySide6.QtTest import QTest

    fy = fiscal_year_of(date.today()) - 1
    opened: list[int | None] = []
    monkeypatch.setattr(ActivityDialog, "exec", lambda self: opened.append(self.activity_id) or 0)
    page = make_page(qtbot, demo)
    page.show()
    choose_year(page, fy)
    page.table.setFocus()
    page.table.selectRow(titles(page).index("どんど焼き"))
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.selected_id()]
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert "「どんど焼き」をごみ箱に移します" in no_dialogs[-1][1]
    assert "どんど焼き" not in titles(page)
