"""Automatic backups: at the first start of a day and before risky actions, kept by a rotation
(newest per day and per month). The copying and verifying itself is ``services/backups.py``."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from nagato_desk.errors import NagatoError
from nagato_desk.services.backups import BackupSummary, backup_database, cannot_write, timestamped

log = logging.getLogger(__name__)

#: Reasons of the backups the program makes by itself; only these are ever rotated (deleted).
#: "daily" is the first start of a day; the others are made before a risky action.
AUTO_REASONS = (
    "daily",
    "before-upgrade",
    "before-restore",
    "before-import",
    "before-demo",
    "before-empty-trash",
    "before-close-year",
    "before-anonymise",
)
#: Reasons that are recognised but never rotated: a copy the user asked for, and the raw bytes of a
#: file too damaged to back up properly (``restore_backup``), which may be the only trace of some data.
KEPT_REASONS = ("manual", "damaged")

#: What each risky action is called in the message when the backup before it fails.
_ACTIONS = {
    "before-import": ("取り込み", "the import"),
    "before-demo": ("デモデータの書き込み", "writing the demo data"),
    "before-empty-trash": ("ごみ箱を空にする操作", "emptying the trash"),
    "before-close-year": ("年度の締め", "closing the year"),
    "before-anonymise": ("匿名化", "the anonymisation"),
}

#: A backup this young is never deleted (nor one dated later than now).
RECENT = timedelta(hours=1)


@dataclass(frozen=True)
class BackupFile:
    """A file in the backup folder whose name says which database, why and when it was made."""

    path: Path
    reason: str
    made_at: datetime
    sequence: int = 1  # 2, 3, … when more than one backup of a reason was made in the same second

    @property
    def automatic(self) -> bool:
        return self.reason in AUTO_REASONS


def _name_pattern(database: Path) -> re.Pattern[str]:
    reasons = "|".join(re.escape(r) for r in sorted(AUTO_REASONS + KEPT_REASONS, key=len, reverse=True))
    # An upgrade's backup also names the schema it came from ("-before-upgrade-0001-"); that tag is
    # hex digits only, so no reason word (nor another database's stem) can be taken for it.
    return re.compile(
        rf"{re.escape(Path(database).stem)}-(?P<reason>{reasons})(?:-[0-9a-f]{{1,40}})?"
        r"-(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>[1-9]\d{0,3}))?\.db"
    )


def parse_backup_name(path: Path, database: Path) -> BackupFile | None:
    """``path`` as a backup of ``database`` (by the file name alone), or None when it is not one of ours."""
    path = Path(path)
    match = _name_pattern(database).fullmatch(path.name)
    if match is None:
        return None
    try:
        made_at = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return BackupFile(path, match["reason"], made_at, int(match["seq"] or 1))


def list_backups(backup_dir: Path, database: Path) -> list[BackupFile]:
    """The backups of ``database`` in ``backup_dir`` (regular files named by us), oldest first."""
    pattern_stem = Path(database).stem
    found = []
    try:
        entries = list(os.scandir(backup_dir))
    except OSError:  # no folder yet, or a file where the folder should be: no backups
        return []
    for entry in entries:
        if not entry.name.startswith(pattern_stem) or not entry.is_file(follow_symlinks=False):
            continue
        parsed = parse_backup_name(Path(backup_dir) / entry.name, database)
        if parsed is not None:
            found.append(parsed)
    return sorted(found, key=lambda b: (b.made_at, b.sequence, b.path.name))


def _free_name(backup_dir: Path, database: Path, reason: str, now: datetime) -> Path:
    first = timestamped(backup_dir, database, reason, now)
    out, seq = first, 1
    while out.exists() or out.with_name(f".{out.name}.partial").exists():
        seq += 1
        out = first.with_name(f"{first.stem}-{seq}.db")
    return out


def auto_backup(
    database: Path,
    backup_dir: Path,
    reason: str,
    *,
    keep_daily: int = 10,
    keep_monthly: int = 12,
    now: datetime | None = None,
) -> BackupSummary:
    """A verified backup named ``<stem>-<reason>-YYYYMMDD-HHMMSS.db`` in ``backup_dir``, then rotation.

    Raises ``NagatoError`` (and leaves no file) when the backup cannot be made. A failure of the
    rotation afterwards never fails the backup: it is logged, and the old files stay.
    """
    if reason not in AUTO_REASONS:
        raise ValueError(f"not an automatic backup reason: {reason!r}")
    now = now or datetime.now()
    database = Path(database).expanduser().absolute()
    backup_dir = Path(backup_dir).expanduser().absolute()
    out = _free_name(backup_dir, database, reason, now)
    try:
        summary = backup_database(database, out)
    except OSError as exc:  # the final rename (disk full, folder taken away)
        raise cannot_write(out, exc) from exc
    try:
        summary.removed = prune_backups(backup_dir, database, keep_daily, keep_monthly, now)
    except OSError:
        log.exception("rotating the backups in %s failed; nothing more was deleted", backup_dir)
    return summary


def daily_backup_if_needed(
    database: Path,
    backup_dir: Path,
    *,
    keep_daily: int = 10,
    keep_monthly: int = 12,
    now: datetime | None = None,
) -> BackupSummary | None:
    """The day's backup at the first start of a day: made (then rotated) unless one exists for today."""
    now = now or datetime.now()
    today: date = now.date()
    if any(b.reason == "daily" and b.made_at.date() == today for b in list_backups(backup_dir, database)):
        return None
    return auto_backup(
        database, backup_dir, "daily", keep_daily=keep_daily, keep_monthly=keep_monthly, now=now
    )


def backup_before(
    database: Path,
    backup_dir: Path,
    reason: str,
    *,
    keep_daily: int = 10,
    keep_monthly: int = 12,
    now: datetime | None = None,
) -> BackupSummary:
    """``auto_backup`` before a risky action; when it fails, the error says the action was stopped.

    Better no import than an import without a backup: the caller lets the error end the action.
    """
    try:
        return auto_backup(
            database, backup_dir, reason, keep_daily=keep_daily, keep_monthly=keep_monthly, now=now
        )
    except NagatoError as exc:
        ja, en = _ACTIONS.get(reason, ("この操作", "this action"))
        raise NagatoError(
            f"{ja}の前にバックアップを作れなかったため、{ja}を中止しました。データは変わっていません。\n"
            f"{exc.message('ja')}",
            f"Could not back up before {en}, so {en} was not done. The data is unchanged.\n"
            f"{exc.message('en')}",
        ) from exc


def _remove_stale_partials(backup_dir: Path, database: Path, now: datetime) -> None:
    """A backup killed midway leaves ``.<name>.partial``; one older than an hour is nobody's work."""
    try:
        leftovers = list(backup_dir.glob(f".{database.stem}-*.db.partial"))
    except OSError:
        return
    for path in leftovers:
        try:
            if now - datetime.fromtimestamp(path.stat().st_mtime) >= RECENT:
                path.unlink()
        except OSError as exc:
            log.warning("could not delete the unfinished backup %s: %s", path, exc)


def prune_backups(
    backup_dir: Path,
    database: Path,
    keep_daily: int = 10,
    keep_monthly: int = 12,
    now: datetime | None = None,
) -> list[Path]:
    """Delete the automatic backups of ``database`` that the rotation no longer needs; return them.

    The policy (日ごと ``keep_daily`` 個・月ごと ``keep_monthly`` 個):

    * Only this database's automatic backups take part: files named
      ``<stem>-<reason>-YYYYMMDD-HHMMSS[-N].db`` with a reason of ``AUTO_REASONS`` ("daily" and the
      backups before an upgrade, restore, import, demo or emptying the trash). Event backups count as
      backups of their day like the daily ones. The time is read from the name.
    * Kept: the newest backup of each of the last ``keep_daily`` days that have backups (days without
      any do not use up a place), and the newest backup of each of the last ``keep_monthly`` months that
      have backups. The two rules are independent: a backup kept by both counts for both.
    * Always kept, whatever the numbers: the newest backup (so the only one is never deleted), every
      backup made within the last hour, and, when any backup is dated later than ``now`` (the PC's clock
      is wrong), everything: nothing is deleted until the clock is right again.
    * Never touched: files whose names are not ours (the user's own files in that folder), "manual"
      copies and "damaged-*" copies, the files of another database, sub-folders and links.

    ``keep_daily`` below 1 counts as 1 and ``keep_monthly`` below 0 as 0. A file that cannot be
    deleted is logged and left; the others are still rotated.
    """
    now = now or datetime.now()
    keep_daily = max(1, int(keep_daily))
    keep_monthly = max(0, int(keep_monthly))
    _remove_stale_partials(Path(backup_dir), Path(database), now)
    candidates = [b for b in list_backups(backup_dir, database) if b.automatic]
    if not candidates:
        return []
    if any(b.made_at > now for b in candidates):
        log.warning(
            "a backup in %s is dated after %s: the clock may be wrong, nothing deleted", backup_dir, now
        )
        return []
    newest_of_day: dict[date, BackupFile] = {}
    newest_of_month: dict[tuple[int, int], BackupFile] = {}
    for b in candidates:  # oldest first, so the last one written for a period is its newest
        newest_of_day[b.made_at.date()] = b
        newest_of_month[(b.made_at.year, b.made_at.month)] = b
    keep = {candidates[-1].path}
    keep |= {newest_of_day[d].path for d in sorted(newest_of_day, reverse=True)[:keep_daily]}
    keep |= {newest_of_month[m].path for m in sorted(newest_of_month, reverse=True)[:keep_monthly]}
    keep |= {b.path for b in candidates if now - b.made_at < RECENT}
    removed = []
    for b in candidates:
        if b.path in keep:
            continue
        try:
            b.path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not delete the old backup %s: %s", b.path, exc)
            continue
        removed.append(b.path)
    return removed
