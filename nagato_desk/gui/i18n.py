"""Qt translation from the ``.ts`` sources in resources/translations.

The ``.ts`` XML is read directly by a QTranslator subclass, so there is no compiled ``.qm`` to build,
ship or let drift out of date. Source strings are English; Japanese is the default translation.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

from nagato_desk.paths import resource_path


def ts_file(lang: str) -> Path:
    return resource_path("translations", f"nagato_desk_{lang}.ts")


def load_ts(path: Path) -> dict[tuple[str, str, str], str]:
    """(context, source, disambiguation) → translation, for finished messages only."""
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


class TsTranslator(QTranslator):
    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        path = ts_file(lang)
        self.table = load_ts(path) if path.exists() else {}

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString) lets Qt fall back to the source text; "" would blank the text out.
        return self.table.get((context, source, disambiguation or ""))

    def isEmpty(self) -> bool:
        return not self.table
