"""Qt translation: the ``.ts`` sources in resources/translations and the ``.qm`` compiled from them.

The window loads the compiled ``.qm`` with a plain QTranslator. (An earlier version read the
``.ts`` through a QTranslator subclass overriding ``translate``; with PySide6 6.12 every call of such
an override loses a reference to ``None``, and a long day in the window would end in a crash.)
``.ci/update_translations.py`` refreshes the ``.ts`` from the sources and compiles the ``.qm``; a
test fails when the ``.qm`` is older than its ``.ts`` or a Japanese message is missing.
Source strings are English; Japanese is the default translation.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

from nagato_desk.paths import resource_path


def ts_file(lang: str) -> Path:
    return resource_path("translations", f"nagato_desk_{lang}.ts")


def qm_file(lang: str) -> Path:
    return resource_path("translations", f"nagato_desk_{lang}.qm")


def load_ts(path: Path) -> dict[tuple[str, str, str], str]:
    """(context, source, disambiguation) → translation, for finished messages only (used by tests)."""
    table: dict[tuple[str, str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            text = translation.text or ""
            if text:
                table[(name, source, comment)] = text
    return table


def load_translator(lang: str, parent=None) -> QTranslator | None:  # type: ignore[no-untyped-def]
    """The app's own translator for ``lang``, or None when there is none (English is the source)."""
    translator = QTranslator(parent)
    path = qm_file(lang)
    if path.exists() and translator.load(str(path)):
        return translator
    return None
