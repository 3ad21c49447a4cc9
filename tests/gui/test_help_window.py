"""ヘルプ → 使い方ガイド (F1): the guide window opens on はじめに, shows a chapter with its pictures,
finds text across chapters, prints a chapter and saves the whole guide as PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from qt_helpers import type_text

from nagato_desk.gui.help_window import HelpWindow, chapters, image_names, image_size, install_help
from nagato_desk.gui.main_window import MainWindow
from nagato_desk.paths import guide_path
from nagato_desk.settings import Settings

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide"


def pdf_images(path: Path) -> int:
    """How many pictures a PDF shows (``pdfimages -list``: two heading lines, then one line each)."""
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True).stdout
    return len(listing.splitlines()) - 2


def help_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        if action.text() == "ヘルプ(&H)":
            return action.menu()
    raise AssertionError("no ヘルプ menu")


def open_window(qtbot, demo) -> MainWindow:
    window = MainWindow(demo, Settings(), None, "ja")
    qtbot.addWidget(window)
    install_help(window, help_menu(window))  # once the lead wires it in _menus, this is a no-op
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    return window


def test_f1_opens_the_guide_on_the_getting_started_chapter(app, qtbot, demo):
    window = open_window(qtbot, demo)
    entries = {a.text(): a for a in help_menu(window).actions()}
    assert entries["使い方ガイド"].shortcut().toString() == "F1"
    install_help(window, help_menu(window))  # a second call adds nothing: F1 must not become ambiguous
    assert [a.text() for a in help_menu(window).actions()].count("使い方ガイド") == 1

    window.navigation.setFocus()
    QTest.keyClick(window.navigation, Qt.Key.Key_F1)
    help_window = window.help_window
    qtbot.waitExposed(help_window)
    assert help_window.isVisible()
    assert help_window.windowTitle() == "Nagato Desk — 使い方ガイド"
    assert help_window.current_key() == "01-hajimeni"
    assert help_window.contents.currentItem().text() == "はじめに"
    assert help_window.browser.toPlainText().startswith("はじめに")
    # every chapter is listed, in order, by its title
    titles = [help_window.contents.item(i).text() for i in range(help_window.contents.count())]
    assert titles[:3] == ["はじめに", "会員", "会計"] and len(titles) == len(chapters(GUIDE))
    # F1 again brings the same window forward, not a second one
    window.navigation.setFocus()
    QTest.keyClick(window.navigation, Qt.Key.Key_F1)
    assert window.help_window is help_window


def test_choosing_a_chapter_shows_its_text_and_every_picture_loads(app, qtbot):
    help_window = HelpWindow(folder=guide_path())
    qtbot.addWidget(help_window)
    help_window.show()
    row = [c.key for c in help_window.chapters].index("03-kaikei")
    item = help_window.contents.item(row)
    rect = help_window.contents.visualItemRect(item)
    QTest.mouseClick(help_window.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert help_window.current_key() == "03-kaikei"
    text = help_window.browser.toPlainText()
    assert text.startswith("会計") and "一か月分の領収書を記帳する" in text
    assert "![" not in text  # Markdown is rendered, not shown
    document = help_window.browser.document()
    names = image_names(document)
    written = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", (GUIDE / "03-kaikei.md").read_text(encoding="utf-8"))
    assert names == written and len(names) >= 5
    for name in names:  # a broken picture has no size
        width, height = image_size(document, name)
        assert width > 100 and height > 100, name


def test_every_chapter_shows_without_a_broken_picture(app, qtbot):
    help_window = HelpWindow(folder=GUIDE)
    qtbot.addWidget(help_window)
    shown = 0
    for chapter in help_window.chapters:
        assert help_window.show_chapter(chapter.key)
        document = help_window.browser.document()
        for name in image_names(document):
            assert image_size(document, name) != (0, 0), (chapter.key, name)
            shown += 1
    assert shown >= 40


def test_find_goes_through_the_chapter_then_the_next_ones(app, qtbot):
    help_window = HelpWindow(folder=GUIDE)
    qtbot.addWidget(help_window)
    help_window.show()
    help_window.show_chapter("03-kaikei")
    qtbot.waitExposed(help_window)
    help_window.activateWindow()
    qtbot.waitUntil(help_window.isActiveWindow)
    help_window.browser.setFocus()
    QTest.keyClick(help_window.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is help_window.find_field
    type_text(help_window.find_field, "証憑番号")  # in 会計 itself
    QTest.keyClick(help_window.find_field, Qt.Key.Key_Return)
    assert help_window.current_key() == "03-kaikei"
    assert help_window.browser.textCursor().selectedText() == "証憑番号"

    help_window.find_field.clear()
    type_text(
        help_window.find_field, "定足数"
    )  # not in 会計: found in 会議・議事録, the next chapter that has it
    QTest.keyClick(help_window.find_field, Qt.Key.Key_Return)
    assert help_window.current_key() == "04-kaigi"
    assert help_window.browser.textCursor().selectedText() == "定足数"
    assert help_window.status.text() == "「会議・議事録」の章で見つかりました"

    help_window.find_field.clear()
    type_text(help_window.find_field, "どこにもない言葉")
    QTest.keyClick(help_window.find_field, Qt.Key.Key_Return)
    assert help_window.status.text() == "「どこにもない言葉」は見つかりません。"
    assert help_window.current_key() == "04-kaigi"  # stays where it was


def test_a_link_to_another_chapter_opens_it(app, qtbot):
    from PySide6.QtCore import QUrl

    help_window = HelpWindow(folder=GUIDE)
    qtbot.addWidget(help_window)
    help_window.browser.anchorClicked.emit(QUrl("08-backup.md"))
    assert help_window.current_key() == "08-backup"
    assert help_window.browser.toPlainText().startswith("バックアップと引継ぎ")


def test_print_the_chapter_and_save_the_whole_guide_as_pdf(app, qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    help_window = HelpWindow(folder=GUIDE)
    qtbot.addWidget(help_window)
    help_window.show_chapter("04-kaigi")
    chapter_pdf = tmp_path / "chapter.pdf"
    printer = help_window._new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
    printer.setOutputFileName(str(chapter_pdf))
    help_window._printer = printer
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Accepted)
    help_window.print_chapter()
    text = subprocess.run(["pdftotext", str(chapter_pdf), "-"], capture_output=True, text=True).stdout
    assert "出欠をすばやく入力する" in text and "会員の登録" not in text  # this chapter only
    shown = len(re.findall(r"!\[", (GUIDE / "04-kaigi.md").read_text(encoding="utf-8")))
    assert pdf_images(chapter_pdf) == shown >= 5  # with its pictures, not broken-image icons
    assert help_window._printer is printer  # kept for the next print

    whole = help_window.write_pdf(tmp_path / "guide.pdf")
    info = subprocess.run(["pdfinfo", str(whole)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= len(help_window.chapters)  # each chapter starts on a page of its own
    text = subprocess.run(["pdftotext", str(whole), "-"], capture_output=True, text=True).stdout
    for chapter in help_window.chapters:
        assert chapter.title in text, chapter.title
    shown = sum(len(re.findall(r"!\[", c.text())) for c in help_window.chapters)
    assert pdf_images(whole) == shown


def shown_widths(document) -> list[float]:
    widths = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.isImageFormat():
                widths.append(fmt.toImageFormat().width())
            iterator += 1
        block = block.next()
    return widths


def test_pictures_follow_the_width_of_the_window(app, qtbot):
    help_window = HelpWindow(folder=GUIDE)
    qtbot.addWidget(help_window)
    help_window.resize(1400, 800)
    help_window.show()
    qtbot.waitExposed(help_window)
    help_window.show_chapter("02-kaiin")
    document = help_window.browser.document()
    natural = [image_size(document, name)[0] for name in image_names(document)]
    assert max(natural) == 900  # the screenshots are 900 pixels wide
    qtbot.waitUntil(lambda: shown_widths(document) == natural)  # wide window: their own size

    help_window.resize(800, 800)  # narrower: no picture is wider than the text
    view = help_window.browser.viewport()
    qtbot.waitUntil(lambda: max(shown_widths(document)) <= view.width() - 40)
    assert min(shown_widths(document)) > 0
    help_window.resize(1400, 800)  # and back
    qtbot.waitUntil(lambda: shown_widths(document) == natural)


def test_save_the_whole_guide_from_the_button(app, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QPushButton

    help_window = HelpWindow(folder=GUIDE)
    qtbot.addWidget(help_window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "ガイド"), ""))
    buttons = {b.text(): b for b in help_window.findChildren(QPushButton)}
    buttons["ガイド全体をPDFで保存…"].click()
    saved = tmp_path / "ガイド.pdf"  # .pdf added to the name typed
    assert saved.read_bytes()[:5] == b"%PDF-"
    assert help_window.status.text() == f"保存しました：{saved}"
