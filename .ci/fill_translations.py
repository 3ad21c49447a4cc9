"""Fill Japanese translations from tab-separated tables, then refresh the .ts and compile the .qm.

    python .ci/fill_translations.py TABLE.tsv [TABLE.tsv …]

Each line of a table is ``context<TAB>English source<TAB>Japanese`` (``\\n`` written as the two
characters backslash-n). Only messages still unfinished are filled, so a translation edited in Qt
Linguist is never overwritten. Runs one at a time (a lock file), since several people may add pages
at once; prints what is still untranslated.
"""

import fcntl
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import update_translations as ut  # noqa: E402


def read_tables(paths: list[Path]) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{path}:{number}: expected context<TAB>source<TAB>Japanese")
            context, source, ja = (p.replace("\\n", "\n") for p in parts)
            table[(context, source)] = ja
    return table


def fill(ts: Path, table: dict[tuple[str, str], str]) -> int:
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is None or not (tr.get("type") == "unfinished" or not (tr.text or "").strip()):
                continue
            ja = table.get((name, message.findtext("source") or ""))
            if ja:
                tr.text = ja
                tr.attrib.pop("type", None)
                filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled


if __name__ == "__main__":
    with open(Path("/tmp") / "nagato-desk-translations.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ut.lupdate(ut.TS)
        count = fill(ut.TS, read_tables([Path(p) for p in sys.argv[1:]]))
        ut.lupdate(ut.TS)  # back to lupdate's own layout
        ut.lrelease(ut.TS, ut.TS.with_suffix(".qm"))
        todo = ut.unfinished(ut.TS)
        for context, source in todo:
            print(f"{context}: {source!r}")
        print(f"filled {count}; {len(todo)} message(s) still to translate")
