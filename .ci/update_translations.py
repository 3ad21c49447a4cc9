"""Refresh resources/translations/*.ts from the sources, compile the .qm the window loads, and list
what still needs translating.

    python .ci/update_translations.py

Existing translations are kept (lupdate merges). Translate the listed messages in Qt Linguist
(`pyside6-linguist resources/translations/nagato_desk_ja.ts`) or any editor; the test suite fails
while a Japanese message is missing or unfinished.
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "nagato_desk_ja.ts"


def sources() -> list[str]:
    py = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "nagato_desk" / "gui").rglob("*.py"))
    ui = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.ui"))
    return py + ui


def lupdate(ts: Path) -> None:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [
            str(exe),
            *sources(),
            "-ts",
            str(ts),
            "-target-language",
            "ja_JP",
            "-no-obsolete",
            "-locations",
            "none",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def unfinished(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
                missing.append((name, message.findtext("source") or ""))
    return missing


def lrelease(ts: Path, qm: Path) -> None:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(exe), str(ts), "-qm", str(qm)], cwd=ROOT, check=True, capture_output=True)


if __name__ == "__main__":
    lupdate(TS)
    lrelease(TS, TS.with_suffix(".qm"))
    todo = unfinished(TS)
    for context, source in todo:
        print(f"{context}: {source}")
    print(f"{len(todo)} message(s) to translate in {TS.relative_to(ROOT)}")
