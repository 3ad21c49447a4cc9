"""The package for city hall (``export city-package --year FY --out FOLDER`` or ``--out FILE.zip``).

A folder (or a zip of the same files) holding what the city collects from every council, each as
PDF and xlsx — 事業報告書, 収支決算書, 監査報告書, 役員名簿 (names and roles only), 夢プラン評価シート —
plus ``summary.json`` (figures, see :mod:`nagato_desk.services.city_summary`) and ``manifest.json``
(every other file with its SHA-256 and size). The format is described in docs/CITY_PACKAGE.md.

Written whole or not at all: everything goes into a temporary folder beside the target, which is
then renamed (or zipped to a temporary file that is renamed). An existing package at the target is
replaced; any other existing file or non-empty folder is left alone and the export refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.reports.accounts_base import settled_year
from nagato_desk.services.city_summary import FORMAT_VERSION, city_summary
from nagato_desk.services.council import require_council

MANIFEST = "manifest.json"
SUMMARY = "summary.json"


@dataclass(frozen=True)
class PackageDocument:
    stem: str  # file name without the extension (ASCII, so every mail system and zip tool copes)
    title: str  # 事業報告書
    write: Callable[[Session, int, date, str, Path], list[str]]  # (session, fy, today, format, path)


def _activity(session: Session, fy: int, today: date, fmt: str, path: Path) -> list[str]:
    from nagato_desk.reports import activity_report as m

    report = m.build_activity_report(session, fy, "field", issued=today)
    if fmt == "xlsx":
        m.write_activity_xlsx(report, path)
        return []
    return m.write_activity_pdf(report, path).warnings


def _settlement(session: Session, fy: int, today: date, fmt: str, path: Path) -> list[str]:
    from nagato_desk.reports import settlement as m

    report = m.build_settlement_report(session, fy, issued=today)
    if fmt == "xlsx":
        m.write_settlement_xlsx(report, path)
        return []
    return m.write_settlement_pdf(report, path).warnings


def _audit(session: Session, fy: int, today: date, fmt: str, path: Path) -> list[str]:
    from nagato_desk.reports import audit_report as m

    report = m.build_audit_report(session, fy, issued=today)
    warnings = [] if report.audited_on else [f"{format_fiscal_year(fy)}の監査が登録されていません。"]
    if fmt == "xlsx":
        m.write_audit_xlsx(report, path)
        return warnings
    return warnings + m.write_audit_pdf(report, path).warnings


def _officers(session: Session, fy: int, today: date, fmt: str, path: Path) -> list[str]:
    from nagato_desk.reports import officers as m

    report = m.build_officers_report(session, today, issued=today, include_contact=False)
    if fmt == "xlsx":
        m.write_officers_xlsx(report, path)
        return []
    return m.write_officers_pdf(report, path).warnings


def _plan_progress(session: Session, fy: int, today: date, fmt: str, path: Path) -> list[str]:
    from nagato_desk.reports import plan_progress as m

    try:
        sheet = m.build_progress_sheet(session, fy, today=today)
    except NagatoError as exc:  # no plan, or the year outside its period: the package goes without
        return [f"夢プラン評価シートは入れませんでした：{exc.ja}"]
    if fmt == "xlsx":
        m.write_progress_xlsx(sheet, path)
        return []
    return m.write_progress_pdf(sheet, path).warnings


DOCUMENTS: tuple[PackageDocument, ...] = (
    PackageDocument("01_activity-report", "事業報告書", _activity),
    PackageDocument("02_settlement", "収支決算書", _settlement),
    PackageDocument("03_audit", "監査報告書", _audit),
    PackageDocument("04_officers", "役員名簿", _officers),
    PackageDocument("05_plan-progress", "夢プラン評価シート（進捗）", _plan_progress),
)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def _dump(data: dict, path: Path) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_package_files(session: Session, fiscal_year: int, today: date, folder: Path) -> list[str]:
    """Write every file of the package into ``folder`` (which exists and is empty); returns warnings."""
    warnings: list[str] = []
    titles: dict[str, str] = {}
    for doc in DOCUMENTS:
        for fmt in ("pdf", "xlsx"):
            path = folder / f"{doc.stem}.{fmt}"
            notes = doc.write(session, fiscal_year, today, fmt, path)
            warnings += [n for n in notes if n not in warnings]
            if path.exists():
                titles[path.name] = doc.title
    summary = city_summary(session, fiscal_year, today)
    _dump(summary, folder / SUMMARY)
    titles[SUMMARY] = "集計（機械可読）"
    files = [
        {"path": name, "title": titles[name], "bytes": (folder / name).stat().st_size,
         "sha256": sha256_of(folder / name)}
        for name in sorted(titles)
    ]  # fmt: skip
    manifest = {
        "format_version": FORMAT_VERSION,
        "council": summary["council"]["name"],
        "fiscal_year": fiscal_year,
        "generated_on": today.isoformat(),
        "files": files,
    }
    _dump(manifest, folder / MANIFEST)
    return warnings


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _is_package(path: Path) -> bool:
    return path.is_dir() and ((path / MANIFEST).is_file() or not any(path.iterdir()))


def write_city_package(session: Session, fiscal_year: int, out: Path, today: date) -> list[str]:
    """Write the package to ``out``: a zip when its name ends in .zip, else a folder."""
    require_council(session)
    out = Path(out)
    as_zip = out.suffix.lower() == ".zip"
    if out.exists() and (as_zip and not out.is_file() or not as_zip and not _is_package(out)):
        raise NagatoError(
            f"{out} には別のファイルやフォルダがあるため、書き出しませんでした。空のフォルダか新しい名前を指定してください。",
            f"{out} already holds something else; give an empty folder or a new name.",
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    try:
        folder = work / (out.stem if as_zip else out.name)
        folder.mkdir()
        os.chmod(folder, 0o777 & ~_umask())  # an ordinary folder, not mkdtemp's private one
        warnings = write_package_files(session, fiscal_year, today, folder)
        if as_zip:
            tmp_zip = work / "package.zip"
            with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_DEFLATED) as z:
                for f in sorted(folder.iterdir()):
                    z.write(f, f"{folder.name}/{f.name}")
            os.replace(tmp_zip, out)
        else:
            old = work / "previous"
            if out.exists():
                os.replace(out, old)
            try:
                os.replace(folder, out)
            except BaseException:
                if old.exists():
                    os.replace(old, out)
                raise
        return warnings
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(work)


def export_city_package(session: Session, request) -> list[str]:  # type: ignore[no-untyped-def]
    """``nagato-desk export city-package --year FY --out FOLDER|FILE.zip``; without ``--year``, the
    last closed year of the 一般会計 (as the settlement)."""
    return write_city_package(session, settled_year(session, request), request.out, request.today)
