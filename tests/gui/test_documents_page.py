"""The 書類 page: every document listed by record, its options, the preview of its pages, saving, and
the 「プレビュー・印刷…」 button every section's save dialog has."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from nagato_desk.gui.pages.documents import DocumentsPage
from nagato_desk.reports.exports import REPORTS
from nagato_desk.services.meetings import list_meetings
from nagato_desk.settings import Settings


def make_page(qtbot, db) -> DocumentsPage:
    page = DocumentsPage(db, Settings(), "ja")
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    return page


def ink(image) -> int:
    """Pixels of a QImage that are not (nearly) white, sampled every 4th pixel each way."""
    count = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            c = image.pixelColor(x, y)
            if c.red() < 200 or c.green() < 200 or c.blue() < 200:
                count += 1
    return count


def group_of(page, key):
    item = page._item(key)
    return item.parent().text(0) if item is not None else None


def test_every_document_is_listed_under_its_record(app, demo, qtbot):
    page = make_page(qtbot, demo)
    assert sorted(page.listed_keys()) == sorted(REPORTS)  # none is missing, none twice
    assert group_of(page, "roster") == "会員"
    assert group_of(page, "settlement") == "会計"
    assert group_of(page, "minutes") == "会議"
    assert group_of(page, "plan-progress") == "夢プラン"
    assert group_of(page, "activity-report") == "事業"
    # the two 事業報告書 are told apart by what they are grouped by
    texts = {page._item(k).text(0) for k in ("activity-report", "activity-report-committee")}
    assert texts == {"事業報告書（活動分野別）", "事業報告書（担当部会別）"}
    page.select_document("cashbook")
    assert page.name.text() == "出納簿"
    assert page.description.text() == "会計ごと・全口座"  # the command-line hint is left out
    assert [page.format.itemData(i) for i in range(page.format.count())] == ["pdf", "xlsx"]


def test_options_follow_the_document(app, demo, qtbot):
    page = make_page(qtbot, demo)
    page.select_document("settlement")
    assert page.year.isVisibleTo(page) and not page.meeting.isVisibleTo(page)
    # the demo closes every year before this one (services/demo_accounts.py): FY2024 and FY2025
    assert [page.year.itemData(i) for i in range(page.year.count())] == [2025, 2024]  # newest first
    page.select_document("minutes")
    assert page.meeting.isVisibleTo(page) and not page.year.isVisibleTo(page)
    with demo.Session() as session:
        numbers = [str(m.number) for m in list_meetings(session)]
    assert [page.meeting.itemData(i) for i in range(page.meeting.count())] == numbers
    page.meeting.setCurrentIndex(1)
    assert page.request(Path("x.pdf"), "pdf").meeting == numbers[1]  # what --meeting takes
    page.select_document("roster")
    assert not page.year.isVisibleTo(page) and not page.meeting.isVisibleTo(page)


def test_documents_without_data_say_so(app, db, qtbot):
    page = make_page(qtbot, db)  # an empty council: no closed year, no meeting, no plan
    for key, words in (
        ("settlement", "締めた年度がまだありません"),
        ("minutes", "会議がまだ登録されていません"),
        ("plan-progress", "夢プランがまだありません"),
    ):
        page.select_document(key)
        assert words in page.note.text()
        assert page.note.isVisibleTo(page)
        assert not page.preview_button.isEnabled()
        assert not page.print_button.isEnabled()
        assert not page.save_button.isEnabled()
        assert page.preview_document() is None and page.save_document() is None
        assert words in page.preview.message.text()


def test_preview_shows_the_officer_list_as_pictures(app, demo, qtbot):
    page = make_page(qtbot, demo)
    page.select_document("officers")
    page.tree.setFocus()
    with qtbot.waitSignal(page.preview.page_shown, timeout=60_000):
        QTest.keyClick(page.tree, Qt.Key.Key_Return)  # Enter on a document previews it
    assert page.preview.page_count() == 1  # the demo's 20 officers fit one page
    assert page.preview.of_label.text() == "/ 1"
    image = page.preview.page_image()
    assert image is not None and image.width() > 300
    # an A4 page: height / width = 297 / 210
    assert abs(image.height() / image.width() - 297 / 210) < 0.01
    assert ink(image) > 500  # the table's lines and names, not a blank page
    assert not page.preview.next_button.isEnabled()
    # the zoom changes the size of the picture: 100% of an A4 page at 96 dpi is 794 pixels wide
    with qtbot.waitSignal(page.preview.page_shown, timeout=30_000):
        page.preview.zoom.setCurrentIndex(page.preview.zoom.findData(1.0))
    assert abs(page.preview.page_image().width() / page.devicePixelRatioF() - 794) <= 1


def test_pages_can_be_turned(app, demo, qtbot):
    page = make_page(qtbot, demo)
    page.select_document("cashbook")
    with qtbot.waitSignal(page.preview.page_shown, timeout=60_000):
        page.preview_button.click()
    count = page.preview.page_count()
    assert count > 1
    assert page.preview.thumbs.count() == count  # one thumbnail a page
    with qtbot.waitSignal(page.preview.page_shown, timeout=30_000):
        page.preview.next_button.click()
    assert page.preview.current == 1 and page.preview.page_box.value() == 2
    image = page.preview.page_image()
    assert image.width() > image.height()  # the cash book is printed landscape
    with qtbot.waitSignal(page.preview.page_shown, timeout=30_000):
        page.preview.thumbs.setCurrentRow(count - 1)
    assert page.preview.of_label.text() == f"/ {count}" and page.preview.page_box.value() == count


def test_save_writes_the_file_and_opens_its_folder(app, demo, qtbot, tmp_path, no_dialogs, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    page = make_page(qtbot, demo)
    page.select_document("officers")
    assert not page.folder_button.isEnabled()
    page.format.setCurrentIndex(page.format.findData("xlsx"))
    out = tmp_path / "書類" / "役員名簿.xlsx"
    out.parent.mkdir()
    with qtbot.waitSignal(page.saver.exported, timeout=60_000):
        page.save_document(out)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert any("役員名簿" in str(cell) for row in rows for cell in row if cell)
    assert no_dialogs and no_dialogs[-1][0] == "information"  # 「保存しました」
    assert page.folder_button.isEnabled()
    page.folder_button.click()
    assert [u.toLocalFile() for u in opened] == [str(out.parent)]


def test_save_dialog_of_a_section_previews_too(app, demo, qtbot):
    from nagato_desk.gui.document_export import SaveDocumentDialog
    from nagato_desk.gui.pdf_preview import PreviewDialog

    dialog = SaveDocumentDialog(demo, "wareki", "ja", [("council", "協議会の概要"), ("officers", "役員名簿")])
    qtbot.addWidget(dialog)
    dialog.set_document("officers")
    assert dialog.preview_button.text() == "プレビュー・印刷…"
    dialog.preview_button.click()
    preview = dialog.findChild(PreviewDialog)
    assert preview is not None
    with qtbot.waitSignal(preview.preview.page_shown, timeout=60_000):
        pass
    assert preview.preview.page_count() == 1
    assert preview.print_button.isEnabled()
    assert ink(preview.preview.page_image()) > 500
    preview.close()


def test_a_package_of_files_is_saved_not_previewed(app, demo, qtbot, tmp_path, no_dialogs):
    import zipfile

    page = make_page(qtbot, demo)
    page.select_document("city-package")
    assert group_of(page, "city-package") == "総会・市への提出"
    assert not page.preview_button.isEnabled() and not page.print_button.isEnabled()
    assert "プレビューできません" in page.preview.message.text()
    assert [page.format.itemData(i) for i in range(page.format.count())] == ["zip"]
    out = tmp_path / "市への提出.zip"
    with qtbot.waitSignal(page.saver.exported, timeout=120_000):
        page.save_document(out)
    assert zipfile.is_zipfile(out)


def test_chosen_year_reaches_the_previewed_document(app, demo, qtbot):
    import subprocess

    page = make_page(qtbot, demo)
    page.select_document("settlement")
    page.year.setCurrentIndex(page.year.findData(2024))
    with qtbot.waitSignal(page.preview.page_shown, timeout=60_000):
        page.preview_button.click()
    text = subprocess.run(
        ["pdftotext", str(page.preview.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "令和6年度" in text and "令和7年度" not in text  # FY2024, not the default FY2025
    # another year: the preview no longer shows what is chosen, so it is cleared
    page.year.setCurrentIndex(page.year.findData(2025))
    assert page.preview.page_count() == 0 and page.shown is None
