"""Photos of activities: copied into the attachments folder under their content hash, stored once,
the file removed only when no row uses it and only after the commit; bad files refused."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from nagato_desk.errors import ValidationError
from nagato_desk.services import activities as svc
from nagato_desk.services import activity_photos as photos
from nagato_desk.services import activity_views as views
from nagato_desk.services.activities import ActivityDraft
from nagato_desk.services.demo_activities import _png
from nagato_desk.services.handover import attachments_dir


@pytest.fixture
def picture(tmp_path):
    path = tmp_path / "in" / "窯出し.png"
    path.parent.mkdir()
    path.write_bytes(_png(40, 30))
    return path


def new_activity(db, title="竹炭窯出し") -> int:
    with db.session() as s:
        return svc.add_activity(
            s, ActivityDraft(starts_on=date(2025, 6, 14), title=title, field="コミュニティビジネス")
        ).id


def stored(db) -> list[str]:
    folder = attachments_dir(db.path) / "activities"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_photo_is_copied_under_its_hash_and_listed(db, picture):
    activity_id = new_activity(db)
    with db.session() as s:
        photo = photos.add_photo(s, activity_id, picture, " 窯出しの様子 ")
    digest = hashlib.sha256(picture.read_bytes()).hexdigest()
    assert photo.file_name == f"activities/{digest}.png"
    assert (photo.original_name, photo.caption, photo.size) == (
        "窯出し.png",
        "窯出しの様子",
        len(_png(40, 30)),
    )
    assert stored(db) == [f"{digest}.png"]
    picture.unlink()  # the original may go: the copy is kept with the data
    with db.Session() as s:
        [kept] = photos.list_photos(s, activity_id)
        assert photos.photo_path(s, kept).read_bytes() == _png(40, 30)
        assert views.list_activities(s, 2025)[0].photos == 1


def test_the_same_picture_twice_is_stored_once_and_removed_with_the_last_row(db, picture):
    first, second = new_activity(db, "第1回"), new_activity(db, "第2回")
    with db.session() as s:
        a = photos.add_photo(s, first, picture).id
        b = photos.add_photo(s, second, picture).id
    assert len(stored(db)) == 1
    with db.session() as s:
        assert photos.remove_photo(s, a) is None  # still used by the second activity
    assert len(stored(db)) == 1
    with db.session() as s:
        assert photos.remove_photo(s, b) is not None
    assert stored(db) == []


def test_a_removal_rolled_back_keeps_the_file(db, picture):
    activity_id = new_activity(db)
    with db.session() as s:
        photo_id = photos.add_photo(s, activity_id, picture).id
    with pytest.raises(RuntimeError), db.session() as s:
        photos.remove_photo(s, photo_id)
        raise RuntimeError("something later in the same action failed")
    assert len(stored(db)) == 1
    with db.Session() as s:
        assert len(photos.list_photos(s, activity_id)) == 1
        assert photos.missing_photos(s) == []


def test_purging_an_activity_removes_its_unused_files_trashing_keeps_them(db, picture):
    activity_id = new_activity(db)
    with db.session() as s:
        photos.add_photo(s, activity_id, picture)
        svc.delete_activity(s, activity_id)
    assert len(stored(db)) == 1  # in the trash: it may come back with its photos
    with db.session() as s:
        assert len(svc.purge_activity(s, activity_id)) == 1
    assert stored(db) == []


def test_captions_are_changed_and_limited(db, picture):
    activity_id = new_activity(db)
    with db.session() as s:
        photo_id = photos.add_photo(s, activity_id, picture).id
    with db.session() as s:
        photos.set_caption(s, photo_id, "学生と一緒に")
    with pytest.raises(ValidationError), db.session() as s:
        photos.set_caption(s, photo_id, "あ" * 201)
    with db.Session() as s:
        assert photos.list_photos(s, activity_id)[0].caption == "学生と一緒に"


def test_files_that_are_not_pictures_or_missing_are_refused_and_nothing_written(db, tmp_path):
    activity_id = new_activity(db)
    text_file = tmp_path / "memo.txt"
    text_file.write_text("写真ではありません")
    with pytest.raises(ValidationError) as refused, db.session() as s:
        photos.add_photo(s, activity_id, text_file)
    assert "「memo.txt」は写真のファイル" in refused.value.ja
    with pytest.raises(ValidationError) as refused, db.session() as s:
        photos.add_photo(s, activity_id, tmp_path / "ない.jpg")
    assert "「ない.jpg」を読めません" in refused.value.ja
    with pytest.raises(ValidationError), db.session() as s:
        photos.add_photo(s, 999, text_file)
    assert stored(db) == []
    with db.Session() as s:
        assert photos.list_photos(s, activity_id) == []


def test_a_picture_over_30_mb_is_refused(db, tmp_path, monkeypatch):
    activity_id = new_activity(db)
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8\xff" + b"\0" * 100)
    monkeypatch.setattr(photos, "MAX_PHOTO_BYTES", 100)  # 103 bytes > 100
    with pytest.raises(ValidationError) as refused, db.session() as s:
        photos.add_photo(s, activity_id, big)
    assert "大きすぎます" in refused.value.ja


def test_the_check_names_a_photo_whose_file_is_missing(db, picture):
    from nagato_desk.services.check import run_checks

    activity_id = new_activity(db)
    with db.session() as s:
        photos.add_photo(s, activity_id, picture)
    assert not any("写真" in f.ja for f in run_checks(db).findings)
    for f in (attachments_dir(db.path) / "activities").iterdir():
        f.unlink()
    errors = [f.ja for f in run_checks(db).findings if f.severity == "error" and "写真" in f.ja]
    assert len(errors) == 1
    assert errors[0].startswith(
        "事業「竹炭窯出し」（令和7年6月14日）の写真「窯出し.png」のファイルがありません"
    )


def test_a_database_copied_without_its_attachments_folder_is_one_warning(db, picture):
    import shutil

    from nagato_desk.services.check import run_checks

    activity_id = new_activity(db)
    with db.session() as s:
        photos.add_photo(s, activity_id, picture)
        photos.add_photo(s, activity_id, picture)
    shutil.rmtree(attachments_dir(db.path))
    found = [f for f in run_checks(db).findings if "写真" in f.ja]
    assert [(f.severity, f.ja.split("（")[0]) for f in found] == [
        ("warning", "写真2枚の入った添付ファイルのフォルダ")
    ]
