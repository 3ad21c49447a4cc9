"""The package for city hall: the manifest verifies, the summary follows the documented schema and has
the same keys for every council, its counts are right, no personal data is in any file, and it is
written whole or not at all."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from meeting_helpers import session  # noqa: F401 - fixture
from pack_helpers import CARRY_2025, EXPENSE_2025, INCOME_2025, small_council
from sqlalchemy import select

from nagato_desk.database import open_database
from nagato_desk.dates import format_date
from nagato_desk.errors import NagatoError
from nagato_desk.models import Member
from nagato_desk.reports import city_package
from nagato_desk.reports.city_package import write_city_package
from nagato_desk.services.city_summary import city_summary

TODAY = date(2026, 11, 29)
SCHEMA = Path(__file__).parents[2] / "docs" / "city-package.schema.json"
TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
    "integer": int, "number": (int, float),
}  # fmt: skip


def validate(value, schema: dict, where: str = "$") -> list[str]:
    """The subset of JSON Schema the package's schema uses: type (one or a list), properties,
    required, additionalProperties false, items, enum, minimum, maximum, pattern."""
    problems = []
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        ok = any(
            isinstance(value, TYPES[k]) and not (k in ("integer", "number") and isinstance(value, bool))
            for k in kinds
        )
        if not ok:
            return [f"{where}: {value!r} is not {kinds}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            problems.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            problems.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        problems.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        problems += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            problems += [f"{where}: unexpected {k}" for k in value if k not in props]
        for k, v in value.items():
            if k in props:
                problems += validate(v, props[k], f"{where}.{k}")
    if isinstance(value, list) and "items" in schema:
        for n, v in enumerate(value):
            problems += validate(v, schema["items"], f"{where}[{n}]")
    return problems


def test_the_validator_catches_what_the_schema_forbids():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert validate({"format_version": "1.0"}, schema)  # keys missing
    bad = {"format_version": 1.0}
    assert any("is not" in p for p in validate(bad, schema))


def shape(value):
    """The key structure: dicts by key, lists by the shape their elements share (None when empty)."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        shapes = {json.dumps(shape(v), sort_keys=True) for v in value}
        assert len(shapes) <= 1, shapes  # every element of a list has the same keys
        return ["list", json.loads(shapes.pop()) if shapes else None]
    return "value"


def same_shape(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_shape(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return a[1] is None or b[1] is None or same_shape(a[1], b[1])
    return a == b


def verify_manifest(folder: Path) -> dict:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"] for f in manifest["files"]}
    assert listed == {p.name for p in folder.iterdir()} - {"manifest.json"}
    for f in manifest["files"]:
        data = (folder / f["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == f["sha256"], f["path"]
        assert len(data) == f["bytes"]
    return manifest


def all_text(folder: Path) -> str:
    """Everything a reader could find in the package: PDF text, every part of an xlsx, the JSON."""
    parts = []
    for f in sorted(folder.iterdir()):
        if f.suffix == ".pdf":
            parts.append(subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True).stdout)
            parts.append(f.read_bytes().decode("latin-1"))  # metadata
        elif f.suffix == ".xlsx":
            with zipfile.ZipFile(f) as z:
                parts += [z.read(n).decode("utf-8") for n in z.namelist()]
        else:
            parts.append(f.read_text(encoding="utf-8"))
    return "\n".join(parts)


@pytest.fixture
def demo_package(demo_db_path, tmp_path):
    out = tmp_path / "提出" / "R7"
    with open_database(demo_db_path) as db, db.Session() as s:
        warnings = write_city_package(s, 2025, out, TODAY)
        personal = s.execute(select(Member.address, Member.phone, Member.birth_date)).all()
        summary_again = city_summary(s, 2025, TODAY)
    return out, warnings, personal, summary_again


def test_the_demo_package_is_complete_and_its_manifest_verifies(demo_package):
    out, warnings, _personal, _again = demo_package
    assert warnings == []
    manifest = verify_manifest(out)
    names = {f["path"] for f in manifest["files"]}
    for stem in ("01_activity-report", "02_settlement", "03_audit", "04_officers", "05_plan-progress"):
        assert {f"{stem}.pdf", f"{stem}.xlsx"} <= names
    assert "summary.json" in names
    assert manifest["format_version"] == "1.0" and manifest["fiscal_year"] == 2025
    assert not list(out.parent.glob(".*"))  # no temporary folder left behind


def test_the_summary_follows_the_schema(demo_package):
    out, *_ = demo_package
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert validate(summary, schema) == []
    assert summary["format_version"] == json.loads((out / "manifest.json").read_text())["format_version"]


def test_no_personal_data_is_in_any_file(demo_package):
    out, _w, personal, _again = demo_package
    text = all_text(out)
    checked = 0
    for address, phone, birth in personal:
        needles = [address, phone]
        if birth is not None:
            needles += [
                birth.isoformat(),
                f"{birth:%Y/%m/%d}",
                format_date(birth),
                format_date(birth, "seireki"),
            ]
        for needle in needles:
            if needle and len(needle) >= 6:
                checked += 1
                assert needle not in text, needle
    assert checked > 500  # the demo has hundreds of members with addresses, phones and birth dates


def test_two_councils_have_the_same_summary_keys(demo_package, session):  # noqa: F811
    _out, _w, _p, demo = demo_package
    small_council(session)
    small = city_summary(session, 2025, date(2026, 6, 1))
    assert same_shape(shape(demo), shape(small))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert validate(small, schema) == []


def test_the_summary_counts_match_the_records(session):  # noqa: F811
    small_council(session)
    s = city_summary(session, 2025, date(2026, 6, 1))
    # ten members joined 2020, none left, no household, no gender or birth date recorded
    assert s["members"] | {"by_age_band": None} == {
        "as_of": "2026-03-31", "members": 10, "households": 0, "women": 0, "men": 0,
        "other_or_unknown": 10, "by_age_band": None,
    }  # fmt: skip
    assert s["members"]["by_age_band"]["unknown"] == 10
    # on 2026-06-01: 青木 会長 and 加藤 会計 (elected 2026-05-17), 中村 監事 (since 2024);
    # 山田's 会長 ended on 2026-05-16
    assert (s["officers"]["people"], s["officers"]["terms"]) == (3, 3)
    assert s["officers"]["women_share_percent"] == 0.0  # 0 of 3 recorded as women
    assert s["activities"] | {"by_field": None} == {
        "held": 1, "participants": 140, "residents": 120, "volunteers": 15, "partners": 5, "by_field": None,
    }  # fmt: skip
    assert s["activities"]["by_field"] == [{"field": "まちづくり", "held": 1, "participants": 140}]
    (fund,) = s["accounts"]["funds"]
    assert (fund["income_total"], fund["expense_total"], fund["carry_over_out"]) == (
        INCOME_2025, EXPENSE_2025, CARRY_2025,
    )  # fmt: skip
    assert fund["carry_over_in"] == 200_000 and fund["closed"] is False
    assert (s["accounts"]["income_total"], s["accounts"]["expense_total"]) == (INCOME_2025, EXPENSE_2025)
    expense = {r["head"]: r["actual"] for r in fund["expense"]}
    assert expense["事業費"] == 312_345 + 88_000  # = 400,345, its two 項 summed
    assert s["plan_progress"]["available"] is False and s["plan_progress"]["rate_percent"] is None


def test_a_zip_holds_the_same_verified_files(demo_db_path, tmp_path):
    out = tmp_path / "out" / "R7.zip"
    with open_database(demo_db_path) as db, db.Session() as s:
        write_city_package(s, 2025, out, TODAY)
    with zipfile.ZipFile(out) as z:
        z.extractall(tmp_path / "x")
    folder = tmp_path / "x" / "R7"
    manifest = verify_manifest(folder)
    assert len(manifest["files"]) == 11  # 5 documents × (pdf, xlsx) + summary.json
    assert [p.name for p in out.parent.iterdir()] == ["R7.zip"]  # nothing else left


def test_written_whole_or_not_at_all(db, tmp_path, monkeypatch):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with db.Session() as s:
        s.begin()
        small_council(s)

        def broken(session, fy, today, fmt, path):
            path.write_bytes(b"half")
            raise RuntimeError("disk trouble")

        docs = (*city_package.DOCUMENTS[:2], city_package.PackageDocument("03_audit", "監査報告書", broken))
        monkeypatch.setattr(city_package, "DOCUMENTS", docs)
        with pytest.raises(RuntimeError):
            write_city_package(s, 2025, tmp_path / "pkg", TODAY)
        with pytest.raises(RuntimeError):
            write_city_package(s, 2025, tmp_path / "pkg.zip", TODAY)
        assert list(tmp_path.iterdir()) == []
        monkeypatch.undo()
        # an existing folder that is not a package is refused and left alone
        other = tmp_path / "documents"
        other.mkdir()
        (other / "mine.txt").write_text("keep")
        with pytest.raises(NagatoError, match="別のファイルやフォルダ"):
            write_city_package(s, 2025, other, TODAY)
        assert [p.name for p in other.iterdir()] == ["mine.txt"]
        # an earlier package is replaced
        write_city_package(s, 2025, tmp_path / "pkg", TODAY)
        write_city_package(s, 2025, tmp_path / "pkg", date(2026, 12, 1))
        assert json.loads((tmp_path / "pkg" / "manifest.json").read_text())["generated_on"] == "2026-12-01"
        verify_manifest(tmp_path / "pkg")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["documents", "pkg"]
        s.rollback()
