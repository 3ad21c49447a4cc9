"""House rules that keep the layers apart (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "nagato_desk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if "_data" not in p.parts)


def test_qt_only_in_gui():
    offenders = [
        str(p.relative_to(PACKAGE.parent))
        for p in _modules()
        if "gui" not in p.relative_to(PACKAGE).parts[:1]
        and any(name == "PySide6" or name.startswith(("PySide6.", "shiboken6")) for name in _imports(p))
    ]
    assert offenders == [], f"PySide6 imported outside nagato_desk/gui/: {offenders}"


def test_the_check_itself_sees_a_qt_import(tmp_path):
    # Guard against a check that can never fail: a module importing PySide6 is noticed.
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport PySide6\n", encoding="utf-8")
    assert {"PySide6.QtWidgets", "PySide6"} <= _imports(sample)


def test_core_does_not_import_report_libraries_at_module_level():
    """reportlab and openpyxl load only when a document is made (start-up time, ARCHITECTURE.md)."""
    allowed = {"reports", "importers"}
    offenders = []
    for p in _modules():
        top = p.relative_to(PACKAGE).parts[0]
        if top in allowed:
            continue
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in tree.body:  # module level only; imports inside functions are lazy
            if isinstance(node, ast.Import | ast.ImportFrom):
                mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                if any(m.split(".")[0] in ("reportlab", "openpyxl") for m in mods):
                    offenders.append(str(p.relative_to(PACKAGE)))
    assert offenders == []


def test_gui_builds_no_queries_of_its_own():
    """Queries live in services/ (one function per intent); the window calls them."""
    gui = PACKAGE / "gui"
    offenders = [
        str(p.relative_to(PACKAGE.parent))
        for p in sorted(gui.rglob("*.py"))
        if any(name == "sqlalchemy" or name.startswith("sqlalchemy.") for name in _imports(p))
    ]
    assert offenders == []
