"""Every visible string goes through Qt translation; Japanese is complete, English selectable."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from nagato_desk.gui.i18n import load_translator, load_ts, qm_file, ts_file

REPO = Path(__file__).resolve().parents[2]


def _messages(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "")
        for c in root.iter("context")
        for m in c.iter("message")
    }


def test_every_source_string_has_a_finished_japanese_translation(tmp_path):
    """lupdate the sources afresh: each message must be translated in the committed .ts."""
    sys.path.insert(0, str(REPO / ".ci"))
    try:
        import update_translations
    finally:
        sys.path.pop(0)
    fresh = tmp_path / "fresh.ts"
    update_translations.lupdate(fresh)
    found = _messages(fresh)
    assert len(found) > 50  # the extraction really saw the GUI
    translated = {(ctx, src) for ctx, src, _ in load_ts(ts_file("ja"))}
    missing = sorted(found - translated)
    assert missing == [], f"untranslated (run .ci/update_translations.py): {missing}"


def test_no_unfinished_or_empty_translation_in_the_ts():
    root = ET.parse(ts_file("ja")).getroot()
    bad = []
    for message in root.iter("message"):
        tr = message.find("translation")
        if (
            tr is None
            or tr.get("type") in ("unfinished", "obsolete", "vanished")
            or not (tr.text or "").strip()
        ):
            bad.append(message.findtext("source"))
    assert bad == []


def test_translator_returns_japanese_and_falls_back_to_source(app):
    assert QCoreApplication.translate("HomePage", "Home") == "ホーム"
    assert QCoreApplication.translate("HomePage", "no such text") == "no such text"
    translator = load_translator("ja")
    assert translator is not None
    assert translator.translate("FiguresModel", "Total") == "合計"
    assert translator.translate("FiguresModel", "missing") == ""  # not found: Qt falls back to the source


def test_compiled_qm_is_up_to_date_with_the_ts(tmp_path):
    """The window loads the .qm: it must be exactly what lrelease makes of the committed .ts."""
    sys.path.insert(0, str(REPO / ".ci"))
    try:
        import update_translations
    finally:
        sys.path.pop(0)
    fresh = tmp_path / "fresh.qm"
    update_translations.lrelease(ts_file("ja"), fresh)
    assert fresh.read_bytes() == qm_file("ja").read_bytes(), "run .ci/update_translations.py"


def test_translating_does_not_leak_references(app):
    """A Python override of QTranslator.translate lost a reference to None on every call (PySide6
    6.12), which ends in 'Fatal Python error: none_dealloc' after enough calls."""
    before = sys.getrefcount(None)
    for _ in range(2000):
        QCoreApplication.translate("HomePage", "Home")
        QCoreApplication.translate("HomePage", "no such text")
    assert sys.getrefcount(None) >= before - 50


def test_english_window_is_english(tmp_path):
    """With --lang en no translator is installed: run a fresh process (one QApplication each)."""
    code = (
        "import os; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "from nagato_desk.settings import Settings\n"
        "from nagato_desk.gui.app import create_application\n"
        "app = create_application(Settings(), 'en')\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "print(QCoreApplication.translate('HomePage', 'Home'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert out.stdout.strip() == "Home", out.stderr


def test_bundled_font_has_every_character_of_the_translation(app):
    """No tofu: the window's font (bundled BIZ UD Gothic) covers every Japanese string we show."""
    metrics = QFontMetrics(QApplication.font())
    assert QApplication.font().family() == "BIZ UDGothic"
    missing = {
        ch
        for text in load_ts(ts_file("ja")).values()
        for ch in text
        if ch not in "\n\t" and not metrics.inFontUcs4(ord(ch))
    }
    assert missing == set()
