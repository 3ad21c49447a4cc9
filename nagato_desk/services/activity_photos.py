"""Photos of activities (事業の写真), kept with the data.

A photo is copied into the database's attachments folder (``attachments_dir`` of
``services/handover.py``, which the hand-over file carries) as ``activities/<sha256>.<ext>``: the
same picture added twice is stored once. Removing a photo deletes its row; the file goes only when
no other row uses it, and only after the change is committed (a transaction rolled back never
leaves a row without its file).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from nagato_desk.errors import NagatoError, problem
from nagato_desk.models import Activity, ActivityPhoto
from nagato_desk.services.council import clean_text
from nagato_desk.services.handover import attachments_dir

SUBFOLDER = "activities"
MAX_PHOTO_BYTES = 30 * 1024 * 1024
CAPTION_MAX = 200
#: What a picture file starts with → the extension it is stored under.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"BM", ".bmp"),
)
_CHUNK = 1024 * 1024


def database_path(session: Session) -> Path:
    """The file of the database ``session`` is bound to (an engine, or a connection)."""
    bind = session.get_bind()
    url = getattr(bind, "url", None) or bind.engine.url
    name = url.database
    if not name:
        raise NagatoError("データベースのファイルがわかりません。", "The database has no file.")
    return Path(name)


def attachments_folder(session: Session) -> Path:
    return attachments_dir(database_path(session))


def photo_path(session: Session, photo: ActivityPhoto) -> Path:
    """Where the photo's file is (it may be missing: see :func:`missing_photos`)."""
    return attachments_folder(session) / photo.file_name


def _kind(head: bytes) -> str | None:
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    return next((ext for sig, ext in _SIGNATURES if head.startswith(sig)), None)


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _store(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".photo-", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def add_photo(session: Session, activity_id: int, source: Path | str, caption: str = "") -> ActivityPhoto:
    """Copy a picture file (PNG, JPEG, GIF, BMP, WebP; up to 30 MB) into the attachments folder and
    attach it to the activity, after its other photos."""
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise problem(
            "指定された事業が見つかりません。", "That activity does not exist.", field="activity_id"
        )
    source = Path(source)
    caption = clean_text(caption)
    if len(caption) > CAPTION_MAX:
        raise problem(
            f"写真の説明は{CAPTION_MAX}文字以内にしてください。",
            f"The caption is longer than {CAPTION_MAX} characters.",
            field="caption",
        )
    try:
        size = source.stat().st_size
        with source.open("rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise problem(
            f"写真のファイル「{source.name}」を読めません（{exc.strerror or exc}）。",
            f"Cannot read the photo '{source.name}' ({exc.strerror or exc}).",
            field="photo",
        ) from exc
    ext = _kind(head)
    if ext is None:
        raise problem(
            f"「{source.name}」は写真のファイル（JPEG・PNG・GIF・BMP・WebP）ではありません。",
            f"'{source.name}' is not a picture (JPEG, PNG, GIF, BMP, WebP).",
            field="photo",
        )
    if size > MAX_PHOTO_BYTES:
        raise problem(
            f"写真「{source.name}」が大きすぎます（{size / 1024 / 1024:.1f}MB、上限30MB）。",
            f"The photo '{source.name}' is too large ({size / 1024 / 1024:.1f} MB; at most 30 MB).",
            field="photo",
        )
    name = f"{SUBFOLDER}/{_hash(source)}{ext}"
    target = attachments_folder(session) / name
    if not target.exists():
        try:
            _store(source, target)
        except OSError as exc:
            from nagato_desk.errors import storage_error

            raise storage_error(exc, read_only=True) or problem(
                f"写真を保存できません（{exc}）。", f"Cannot store the photo ({exc}).", field="photo"
            ) from exc
    last = session.scalar(
        select(func.max(ActivityPhoto.sort_order)).where(ActivityPhoto.activity_id == activity_id)
    )
    photo = ActivityPhoto(
        activity_id=activity_id,
        file_name=name,
        original_name=source.name[:255],
        caption=caption,
        size=size,
        sort_order=(last or 0) + 1,
    )
    session.add(photo)
    session.flush()
    return photo


def list_photos(session: Session, activity_id: int) -> list[ActivityPhoto]:
    return list(
        session.scalars(
            select(ActivityPhoto)
            .where(ActivityPhoto.activity_id == activity_id)
            .order_by(ActivityPhoto.sort_order, ActivityPhoto.id)
        )
    )


def set_caption(session: Session, photo_id: int, caption: str) -> ActivityPhoto:
    photo = _photo(session, photo_id)
    caption = clean_text(caption)
    if len(caption) > CAPTION_MAX:
        raise problem(
            f"写真の説明は{CAPTION_MAX}文字以内にしてください。",
            f"The caption is longer than {CAPTION_MAX} characters.",
            field="caption",
        )
    photo.caption = caption
    session.flush()
    return photo


def _photo(session: Session, photo_id: int) -> ActivityPhoto:
    photo = session.get(ActivityPhoto, photo_id)
    if photo is None:
        raise problem("指定された写真が見つかりません。", "That photo does not exist.", field="photo")
    return photo


def _remove_after_commit(session: Session, path: Path, file_name: str) -> None:
    def remove(_session: Session) -> None:
        path.unlink(missing_ok=True)

    # a rollback drops the pending removal: the row and its file both stay.
    def forget(_session: Session, _previous=None) -> None:  # type: ignore[no-untyped-def]
        if event.contains(session, "after_commit", remove):
            event.remove(session, "after_commit", remove)

    event.listen(session, "after_commit", remove, once=True)
    event.listen(session, "after_soft_rollback", forget, once=True)


def forget_photo(session: Session, photo: ActivityPhoto) -> str | None:
    """Delete the row; when no other row uses its file, the file is removed after the commit.
    Returns the file's name when it will be removed."""
    file_name = photo.file_name
    activity = photo.activity
    session.delete(photo)
    session.flush()
    session.expire(activity, ["photos"])  # else a later delete of the activity deletes it again
    still_used = session.scalar(
        select(func.count(ActivityPhoto.id)).where(ActivityPhoto.file_name == file_name)
    )
    if still_used:
        return None
    _remove_after_commit(session, attachments_folder(session) / file_name, file_name)
    return file_name


def remove_photo(session: Session, photo_id: int) -> str | None:
    """Take a photo off its activity (see :func:`forget_photo`)."""
    return forget_photo(session, _photo(session, photo_id))


def missing_photos(session: Session) -> list[tuple[ActivityPhoto, Activity]]:
    """Photos whose file is not in the attachments folder."""
    folder = attachments_folder(session)
    stmt = select(ActivityPhoto, Activity).join(Activity).order_by(Activity.starts_on, ActivityPhoto.id)
    return [
        (p, a)
        for p, a in session.execute(stmt)
        if not (folder / p.file_name).is_file()
    ]


def check_photo_files(session: Session):  # type: ignore[no-untyped-def]
    """DOMAIN_CHECKS rule: every photo's file is in the attachments folder. When the whole folder is
    missing (the database file was copied without it) that is said once, as a warning."""
    from nagato_desk.dates import format_date
    from nagato_desk.services.check import Finding

    missing = missing_photos(session)
    folder = attachments_folder(session)
    if missing and not folder.is_dir():
        yield Finding(
            "warning",
            f"写真{len(missing)}枚の入った添付ファイルのフォルダ（{folder.name}）がデータベースの隣にありません。"
            "データベースのファイルだけを写した場合は、このフォルダも一緒に写してください。",
            f"The attachments folder ({folder.name}) with {len(missing)} photos is not beside the database; "
            "copy it together with the database file.",
        )
        return
    for photo, activity in missing:
        yield Finding(
            "error",
            f"事業「{activity.title}」（{format_date(activity.starts_on)}）の写真"
            f"「{photo.original_name or photo.file_name}」のファイルがありません（{photo.file_name}）。",
            f"activity '{activity.title}' ({activity.starts_on}): the file of the photo "
            f"'{photo.original_name or photo.file_name}' is missing ({photo.file_name}).",
        )
