"""Hand-over (引継ぎ): one file that carries a council's data to the next secretariat's PC.

A hand-over file is a zip (``*.nagato-handover.zip``) holding

* ``data.db`` — a verified copy of the database made with SQLite's backup API;
* ``attachments/…`` — the files of the attachments folder beside the database (:func:`attachments_dir`),
  when there is one;
* ``引継ぎチェックリスト.pdf`` — what was handed over, with a tick list and signature lines;
* ``manifest.json`` — app version, schema, council, date, row counts and the SHA-256 of every file.

Opening it (:func:`take_over`) checks every checksum and the schema before anything is installed; a
file from a newer version is refused, an older one is brought up to date, and a database that already
holds a council is replaced only when asked to (``force``), after it has been backed up.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from nagato_desk import __version__
from nagato_desk.atomic import atomic_path
from nagato_desk.errors import NagatoError, NewerDatabaseError, UnreadableFileError

#: The extension a hand-over file is saved with.
HANDOVER_SUFFIX = ".nagato-handover.zip"
FORMAT = "nagato-desk-handover"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = "data.db"
CHECKLIST_MEMBER = "引継ぎチェックリスト.pdf"
ATTACHMENTS_MEMBER = "attachments"
#: A hand-over file is refused before anything is unpacked when it declares more than this (a zip bomb).
MAX_UNPACKED_BYTES = 4 * 1024**3
MAX_MEMBERS = 50_000
_CHUNK = 1024 * 1024


def attachments_dir(database: Path) -> Path:
    """The folder of a database's attachments (photos, scanned documents): ``<stem>-attachments`` beside it."""
    database = Path(database)
    return database.with_name(f"{database.stem}-attachments")


def default_handover_name(council_name: str, today: date | None = None) -> str:
    """「宇津賀地区まちづくり協議会-引継ぎ-20261129.nagato-handover.zip」."""
    safe = "".join(ch for ch in council_name if ch not in '\\/:*?"<>|').strip() or "nagato-desk"
    return f"{safe}-引継ぎ-{(today or date.today()):%Y%m%d}{HANDOVER_SUFFIX}"


@dataclass
class HandoverManifest:
    app_version: str
    schema: str
    council: str
    created_at: datetime
    created_by: str
    source: str
    counts: dict[str, int]
    files: dict[str, dict[str, object]]  # member name -> {"sha256": hex, "size": bytes}
    latest_backup: str = ""

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "app_version": self.app_version,
                "schema": self.schema,
                "council": self.council,
                "created_at": self.created_at.isoformat(timespec="seconds"),
                "created_by": self.created_by,
                "source": self.source,
                "latest_backup": self.latest_backup,
                "counts": self.counts,
                "files": self.files,
            },
            ensure_ascii=False,
            indent=2,
        )

    @property
    def attachment_count(self) -> int:
        return sum(1 for name in self.files if name.startswith(ATTACHMENTS_MEMBER + "/"))

    def describe(self, lang: str = "ja") -> str:
        from nagato_desk.services.backups import SUMMARY_TABLES

        parts = []
        for table, (ja, en) in SUMMARY_TABLES.items():
            if table in self.counts:
                parts.append(f"{ja} {self.counts[table]}件" if lang != "en" else f"{self.counts[table]} {en}")
        when = self.created_at.strftime("%Y-%m-%d %H:%M")
        files = self.attachment_count
        if lang == "en":
            return (
                f"{self.council or '(no council)'} — handed over {when} by {self.created_by} — "
                + ", ".join(parts)
                + f", {files} attached files"
            )
        return (
            f"{self.council or '（協議会未登録）'}　{when} 作成（{self.created_by}）　"
            + "、".join(parts)
            + f"、添付ファイル {files}件"
        )


@dataclass
class HandoverResult:
    path: Path
    manifest: HandoverManifest
    checklist: Path | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class TakeoverResult:
    manifest: HandoverManifest
    database: Path
    previous: Path | None  # where the data that was replaced was backed up (None: nothing replaced)
    upgraded: bool
    attachments: int
    previous_attachments: Path | None = None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _council_name(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("SELECT name FROM council ORDER BY id LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return ""
    return row[0] if row else ""


def _counts_of(copy: Path) -> tuple[str, str, dict[str, int]]:
    """Council name, schema revision and the row count of every table of a database copy."""
    from nagato_desk.services.backups import _read_only_uri, _revision, _table_counts

    conn = sqlite3.connect(_read_only_uri(copy), uri=True)
    try:
        counts = {k: v for k, v in _table_counts(conn).items() if k != "alembic_version"}
        return _council_name(conn), _revision(conn), counts
    finally:
        conn.close()


def _password_set(copy: Path) -> bool:
    """Whether the copied data asks for a password at start (it travels with the file)."""
    from nagato_desk.services.backups import _read_only_uri

    conn = sqlite3.connect(_read_only_uri(copy), uri=True)
    try:
        row = conn.execute("SELECT count(*) FROM access_password WHERE password_hash != ''").fetchone()
        return bool(row and row[0])
    except sqlite3.Error:  # an older file without the table has no password
        return False
    finally:
        conn.close()


def _attachment_files(folder: Path) -> list[tuple[Path, str]]:
    """Regular files under ``folder`` (links are not followed), with their names inside the zip."""
    found = []
    if not folder.is_dir():
        return found
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if path.is_symlink() or not path.is_file():
                continue
            rel = path.relative_to(folder).as_posix()
            found.append((path, f"{ATTACHMENTS_MEMBER}/{rel}"))
    return found


def _os_user() -> str:
    from nagato_desk.services.history import current_user

    return current_user()


def write_handover(
    database: Path,
    out: Path,
    *,
    backup_dir: Path | None = None,
    checklist_out: Path | None = None,
    date_style: str = "wareki",
    now: datetime | None = None,
) -> HandoverResult:
    """Write the hand-over file of ``database`` to ``out`` (whole or not at all).

    The database may be open in the window meanwhile: it is copied with the backup API. With
    ``checklist_out`` the checklist PDF is also written there, for printing.
    """
    from nagato_desk.reports.handover_checklist import (
        PASSWORD_ITEM,
        HandoverChecklist,
        write_handover_checklist_pdf,
    )
    from nagato_desk.services.backup_rotation import list_backups
    from nagato_desk.services.backups import backup_database

    database = Path(database).expanduser().absolute()
    out = Path(out).expanduser().absolute()
    now = now or datetime.now()
    backups = list_backups(backup_dir, database) if backup_dir is not None else []
    latest = backups[-1] if backups else None
    with tempfile.TemporaryDirectory(prefix="nagato-handover-") as tmp_name:
        tmp = Path(tmp_name)
        copy = tmp / DATABASE_MEMBER
        backup_database(database, copy)
        council, schema, counts = _counts_of(copy)
        attachments = _attachment_files(attachments_dir(database))
        checklist = HandoverChecklist(
            council_name=council,
            created_at=now,
            created_by=_os_user(),
            app_version=__version__,
            schema=schema,
            counts=counts,
            attachments=len(attachments),
            data_path=str(database),
            handover_file=str(out),
            latest_backup=(f"{latest.path}（{latest.made_at:%Y-%m-%d %H:%M}）" if latest else ""),
        )
        if _password_set(copy):
            checklist.hand_items.insert(0, PASSWORD_ITEM)
        pdf = tmp / "checklist.pdf"
        pdf_result = write_handover_checklist_pdf(checklist, pdf, date_style)
        members: list[tuple[Path, str]] = [(copy, DATABASE_MEMBER), (pdf, CHECKLIST_MEMBER), *attachments]
        files = {name: {"sha256": _sha256(path), "size": path.stat().st_size} for path, name in members}
        manifest = HandoverManifest(
            app_version=__version__,
            schema=schema,
            council=council,
            created_at=now,
            created_by=checklist.created_by,
            source=str(database),
            counts=counts,
            files=files,
            latest_backup=str(latest.path) if latest else "",
        )
        with atomic_path(out) as part:
            with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
                zf.writestr(MANIFEST, manifest.to_json())
                for path, name in members:
                    zf.write(path, name)
            # Read back what was written: a hand-over file is often the only copy that leaves the PC.
            read_handover(part)
        if checklist_out is not None:
            with atomic_path(Path(checklist_out)) as part:
                shutil.copyfile(pdf, part)
    return HandoverResult(out, manifest, checklist_out, pdf_result.warnings)


# --- Reading and installing ---------------------------------------------------------------------------


def _not_handover(path: Path, ja: str, en: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"「{path.name}」は引継ぎファイルとして読めません：{ja}",
        f"'{path.name}' cannot be read as a hand-over file: {en}",
    )


def _safe_member(name: str) -> bool:
    pure = PurePosixPath(name)
    return (
        bool(name)
        and not name.startswith(("/", "\\"))
        and "\\" not in name
        and ":" not in pure.parts[0]
        and ".." not in pure.parts
        and "\x00" not in name
    )


def _parse_manifest(path: Path, raw: bytes) -> HandoverManifest:
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError("format")
        if int(data.get("format_version", 0)) > FORMAT_VERSION:
            raise NewerDatabaseError(
                f"「{path.name}」は新しいバージョンの Nagato Desk で作られた引継ぎファイルです。"
                "Nagato Desk を更新してから開いてください。",
                f"'{path.name}' was made by a newer Nagato Desk. Update Nagato Desk to open it.",
            )
        files = data["files"]
        if not isinstance(files, dict) or DATABASE_MEMBER not in files:
            raise ValueError("files")
        for name, info in files.items():
            if not _safe_member(name) or not isinstance(info, dict):
                raise ValueError(f"file {name!r}")
            if not isinstance(info.get("sha256"), str) or not isinstance(info.get("size"), int):
                raise ValueError(f"file {name!r}")
        counts = data.get("counts", {})
        return HandoverManifest(
            app_version=str(data.get("app_version", "")),
            schema=str(data["schema"]),
            council=str(data.get("council", "")),
            created_at=datetime.fromisoformat(str(data["created_at"])),
            created_by=str(data.get("created_by", "")),
            source=str(data.get("source", "")),
            counts={str(k): int(v) for k, v in counts.items()},
            files=files,
            latest_backup=str(data.get("latest_backup", "")),
        )
    except NagatoError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise _not_handover(
            path, f"目録（manifest.json）が正しくありません（{exc}）。", f"its manifest is not valid ({exc})."
        ) from exc


def read_handover(path: Path) -> HandoverManifest:
    """The manifest of a hand-over file, after checking every file in it against its SHA-256."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableFileError(f"ファイル「{path}」が見つかりません。", f"File '{path}' not found.")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
                raise _not_handover(path, "展開すると大きすぎます。", "it would unpack to too much data.")
            try:
                raw = zf.read(MANIFEST)
            except KeyError as exc:
                raise _not_handover(
                    path, "目録（manifest.json）がありません。", "it has no manifest."
                ) from exc
            manifest = _parse_manifest(path, raw)
            names = {i.filename for i in infos if not i.is_dir()}
            extra = names - set(manifest.files) - {MANIFEST}
            missing = set(manifest.files) - names
            if missing or extra:
                which = sorted(missing or extra)[0]
                raise _not_handover(
                    path,
                    f"目録と中身が一致しません（{which}）。",
                    f"its contents do not match the manifest ({which}).",
                )
            for name, info in manifest.files.items():
                digest = hashlib.sha256()
                size = 0
                with zf.open(name) as fh:
                    while chunk := fh.read(_CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                if digest.hexdigest() != info["sha256"] or size != info["size"]:
                    raise _not_handover(
                        path,
                        f"「{name}」が壊れているか、書き換えられています（SHA-256 が一致しません）。",
                        f"'{name}' is damaged or was changed (SHA-256 mismatch).",
                    )
    except NagatoError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise _not_handover(
            path, f"zip ファイルとして読めません（{exc}）。", f"not a readable zip ({exc})."
        ) from exc
    return manifest


def _check_schema(path: Path, manifest: HandoverManifest) -> None:
    from nagato_desk import migrations
    from nagato_desk.database import SCHEMA_HEAD

    if manifest.schema != SCHEMA_HEAD and not migrations.is_known_revision(manifest.schema):
        raise NewerDatabaseError(
            f"「{path.name}」は新しいバージョンの Nagato Desk で作られました（スキーマ {manifest.schema}）。"
            "このバージョンでは開けません。Nagato Desk を更新してから開いてください。",
            f"'{path.name}' was made by a newer Nagato Desk (schema {manifest.schema}). "
            "Update Nagato Desk to open it.",
        )


def _existing_council(target: Path) -> str | None:
    """The council held by ``target``, or None when it holds none (no file, empty, no council yet)."""
    from nagato_desk.database import inspect_file
    from nagato_desk.services.backups import _read_only_uri

    if not target.exists() or target.stat().st_size == 0:
        return None
    inspect_file(target)  # not a Nagato Desk file: refused, whatever force says
    try:
        conn = sqlite3.connect(_read_only_uri(target), uri=True)
        try:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'council'").fetchone():
                return None
            row = conn.execute("SELECT name FROM council ORDER BY id LIMIT 1").fetchone()
            return row[0] if row else None
        finally:
            conn.close()
    except sqlite3.Error:
        return "（読めないデータ）"  # damaged: replaced only when asked to, like any data


def take_over(
    handover: Path,
    target: Path,
    *,
    backup_dir: Path,
    force: bool = False,
    lock_held: bool = False,
) -> TakeoverResult:
    """Install the data of a hand-over file at ``target`` (and its attachments beside it).

    Refuses to replace a database that already holds a council unless ``force``; then the current
    data is backed up first (``<stem>-before-restore-….db`` in ``backup_dir``) and its attachments
    folder is kept under a dated name. ``lock_held``: the caller (the window) holds the target's lock
    and has closed its connections.
    """
    from nagato_desk.database import SCHEMA_HEAD, open_database
    from nagato_desk.locking import DatabaseLock
    from nagato_desk.services.backups import restore_backup

    handover = Path(handover).expanduser().absolute()
    target = Path(target).expanduser().absolute()
    manifest = read_handover(handover)
    _check_schema(handover, manifest)
    existing = _existing_council(target)
    if existing and not force:
        raise NagatoError(
            f"「{target}」にはすでに「{existing}」のデータがあります。引継ぎファイルで置き換えるには "
            "--force を付けてください（今のデータは先にバックアップします）。",
            f"'{target}' already holds '{existing}'. Add --force to replace it with the hand-over file "
            "(the current data is backed up first).",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = None if lock_held else DatabaseLock(target)
    if lock is not None:
        lock.acquire()
    try:
        with tempfile.TemporaryDirectory(prefix="nagato-takeover-", dir=target.parent) as tmp_name:
            tmp = Path(tmp_name)
            with zipfile.ZipFile(handover) as zf:
                zf.extract(DATABASE_MEMBER, tmp)
                if _sha256(tmp / DATABASE_MEMBER) != manifest.files[DATABASE_MEMBER]["sha256"]:
                    raise _not_handover(
                        handover, "展開中に内容が変わりました。", "it changed while unpacking."
                    )
                staged = tmp / "staged-attachments"
                names = [n for n in manifest.files if n.startswith(ATTACHMENTS_MEMBER + "/")]
                for name in names:
                    dest = staged.joinpath(*PurePosixPath(name).parts[1:])
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(name) as src, open(dest, "wb") as fh:
                        shutil.copyfileobj(src, fh, _CHUNK)
            _summary, previous = restore_backup(tmp / DATABASE_MEMBER, target, backup_dir)
            kept = _install_attachments(staged if names else None, attachments_dir(target))
    except OSError as exc:  # a full disk or a folder that cannot be written: said plainly
        from nagato_desk.errors import storage_error

        mapped = storage_error(exc, read_only=True)
        reason = mapped.ja if mapped is not None else (exc.strerror or str(exc))
        raise NagatoError(
            f"引継ぎファイルを「{target.parent}」に展開できません。{reason}",
            f"Cannot unpack the hand-over file into '{target.parent}'. "
            + (mapped.en if mapped is not None else (exc.strerror or str(exc))),
        ) from exc
    finally:
        if lock is not None:
            lock.release()
    upgraded = manifest.schema != SCHEMA_HEAD
    if upgraded and not lock_held:
        # Opening for writing brings an older file up to date (after backing it up).
        open_database(target, backup_dir=backup_dir).close()
    return TakeoverResult(manifest, target, previous, upgraded, len(names), kept)


def _install_attachments(staged: Path | None, folder: Path) -> Path | None:
    """Put the unpacked attachments in place; an existing folder is kept under a dated name first."""
    kept = None
    if folder.exists() and (staged is not None or any(folder.iterdir())):
        kept = folder.with_name(f"{folder.name}-before-takeover-{datetime.now():%Y%m%d-%H%M%S}")
        os.replace(folder, kept)
    if staged is not None:
        shutil.move(str(staged), str(folder))
    return kept


def take_over_open_database(db, handover: Path, backup_dir: Path, *, force: bool = False) -> TakeoverResult:  # type: ignore[no-untyped-def]
    """Install a hand-over file into the database the window has open (and holds the lock of)."""
    from nagato_desk import migrations
    from nagato_desk.database import SCHEMA_HEAD, current_revision

    db.engine.dispose()
    result = take_over(handover, db.path, backup_dir=backup_dir, force=force, lock_held=True)
    db.engine.dispose()
    if current_revision(db.engine) != SCHEMA_HEAD:
        migrations.upgrade(db.engine)
    return result
