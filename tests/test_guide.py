"""The user guide (docs/guide/): its pictures are real screenshots, every chapter is in the index, the
buttons and messages it quotes are the program's own, and it ships with the program."""

from __future__ import annotations

import re
import struct
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs" / "guide"
INDEX = GUIDE / "README.md"
PICTURE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
CHAPTER_LINK = re.compile(r"\]\(([^)\s]+\.md)\)")
#: What the guide must cover (issue 10): one chapter each, in this order.
TITLES = [
    "はじめに",
    "会員",
    "会計",
    "会議・議事録",
    "夢プラン",
    "事業",
    "総会資料と市への提出",
    "バックアップと引継ぎ",
    "エラーメッセージ一覧",
    "困ったとき",
]


def chapters() -> list[Path]:
    return sorted(p for p in GUIDE.glob("*.md") if p.name != INDEX.name)


def pictures() -> dict[str, list[str]]:
    """src → the chapters that show it."""
    found: dict[str, list[str]] = {}
    for chapter in chapters():
        for _alt, src in PICTURE.findall(chapter.read_text(encoding="utf-8")):
            found.setdefault(src, []).append(chapter.name)
    return found


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_the_chapters_are_the_ones_the_issue_asks_for_in_order():
    titles = [c.read_text(encoding="utf-8").splitlines()[0] for c in chapters()]
    assert len(titles) == len(TITLES)
    for title, wanted in zip(titles, TITLES, strict=True):
        assert title.startswith(f"# {wanted}"), (title, wanted)


def test_every_chapter_is_linked_from_the_index_in_reading_order():
    linked = CHAPTER_LINK.findall(INDEX.read_text(encoding="utf-8"))
    assert linked == [c.name for c in chapters()]


def test_links_between_chapters_lead_to_a_chapter():
    for chapter in [*chapters(), INDEX]:
        for target in CHAPTER_LINK.findall(chapter.read_text(encoding="utf-8")):
            assert (GUIDE / target).is_file(), f"{chapter.name} links to a missing {target}"


def test_every_picture_named_in_the_guide_is_a_screenshot_the_program_makes(run_cli, demo_db_path, tmp_path):
    shots = tmp_path / "shots"
    code, out, err = run_cli("screenshots", "--db", demo_db_path, "--out", shots, timeout=300)
    assert code == 0, err
    made = {Path(line.strip()).stem for line in out.splitlines() if line.strip().endswith(".png")}
    assert made == {p.stem for p in shots.glob("*.png")}  # what it lists is what it wrote
    named = pictures()
    assert len(named) >= 40  # the chapters really are illustrated
    not_made = {}
    for src, where in named.items():
        match = re.fullmatch(r"images/([a-z0-9-]+)\.png", src)
        assert match, f"{src} ({where}): pictures are written ![…](images/NAME.png)"
        if match.group(1) not in made:
            not_made[match.group(1)] = where
    assert not_made == {}, f"no screenshot has these names (run docs/guide/make_images.py): {not_made}"


def test_every_picture_named_in_the_guide_is_committed_small_and_nothing_else_is():
    named = {Path(src).name for src in pictures()}
    files = {p.name for p in (GUIDE / "images").glob("*.png")}
    assert sorted(named - files) == [], "missing pictures: run python docs/guide/make_images.py"
    assert sorted(files - named) == [], "pictures no chapter shows: run python docs/guide/make_images.py"
    for name in files:
        width, height = png_size(GUIDE / "images" / name)
        assert 300 <= width <= 900 and height > 100, (name, width, height)
    total = sum((GUIDE / "images" / name).stat().st_size for name in files)
    assert total < 6_000_000, f"{total:,} bytes of pictures"


def test_every_picture_has_a_description():
    for chapter in chapters():
        for alt, src in PICTURE.findall(chapter.read_text(encoding="utf-8")):
            assert alt.strip(), f"{chapter.name}: {src} has no description"


def test_the_buttons_and_menus_the_guide_names_are_the_programs_own():
    """A 「…」 ending in … is a button or menu entry: it must be a Japanese text of the window."""
    root = ET.parse(REPO / "resources" / "translations" / "nagato_desk_ja.ts").getroot()
    window_texts = {m.findtext("translation") or "" for m in root.iter("message")}
    unknown = []
    for chapter in chapters():
        if chapter.name.startswith("09-"):  # quotes messages with … for the variable parts: next test
            continue
        for label in set(re.findall(r"「([^「」]+…)」", chapter.read_text(encoding="utf-8"))):
            if label not in window_texts:
                unknown.append((chapter.name, label))
    assert sorted(unknown) == []
    # and it names the main ones, so this test is not empty
    text = "".join(c.read_text(encoding="utf-8") for c in chapters())
    for label in (
        "新規登録…",
        "今すぐバックアップ…",
        "年度を締める…",
        "出欠・議事を開く",
        "残りを全員出席にする",
    ):
        assert f"「{label}」" in text and label in window_texts, label


#: (module that says it, a piece of the message as the errors chapter quotes it)
MESSAGES = [
    ("nagato_desk/locking.py", "このデータは別の Nagato Desk で開かれています"),
    (
        "nagato_desk/locking.py",
        "このデータは別のパソコンの Nagato Desk で開かれているか、そこで正しく閉じられませんでした",
    ),
    (
        "nagato_desk/locking.py",
        "ロックファイルを確保できませんでした。しばらくしてからもう一度お試しください。",
    ),
    ("nagato_desk/database.py", "を開けません：ファイルが壊れています"),
    ("nagato_desk/database.py", "正常なバックアップが見つかりません"),
    ("nagato_desk/database.py", "は新しいバージョンの Nagato Desk で作られたファイルです"),
    ("nagato_desk/database.py", "Nagato Desk のデータファイルではありません（中身が別の形式です）。"),
    ("nagato_desk/database.py", "このファイルは書き込みできません（読み取り専用）。"),
    ("nagato_desk/storage_location.py", "の同期フォルダの中"),
    (
        "nagato_desk/errors.py",
        "ディスクの空きが足りないか、書き込めない場所です。空きを作るか、別の保存先を選んでください。",
    ),
    ("nagato_desk/cli.py", "で書き出せます（"),
    ("nagato_desk/services/backups.py", "元のデータは変わっていません。"),
    ("nagato_desk/services/backups.py", "は完全ではありません"),
    ("nagato_desk/services/backup_rotation.py", "を中止しました。データは変わっていません。"),
    ("nagato_desk/services/handover.py", "は引継ぎファイルとして読めません："),
    ("nagato_desk/importers/member_fields.py", "見出しの行が見つかりません。"),
    ("nagato_desk/importers/member_fields.py", "氏名の列がありません。どの列が氏名かを指定してください。"),
    ("nagato_desk/importers/member_fields.py", "は存在しない日付です。"),
    (
        "nagato_desk/importers/member_fields.py",
        "を読み取れません。1970、昭和45年、S45 のように入力してください。",
    ),
    (
        "nagato_desk/importers/member_fields.py",
        "が分かりません。男・女（男性・女性、M・F）で入力してください。",
    ),
    ("nagato_desk/importers/member_fields.py", "は7桁の数字にしてください（例：759-4101）。"),
    ("nagato_desk/importers/members.py", "は登録されていません。登録済みの自治会："),
    ("nagato_desk/importers/tabular.py", "は大きすぎるため取り込めません"),
    (
        "nagato_desk/importers/tabular.py",
        "は読み込めない形式です。Excel（.xlsx）か CSV（.csv）を選んでください。",
    ),
    (
        "nagato_desk/importers/tabular.py",
        "の文字コードが分かりません。UTF-8 か Shift_JIS（CP932）で保存してください。",
    ),
    ("nagato_desk/importers/budget.py", "先に科目を追加してください。"),
    ("nagato_desk/importers/accounts_fields.py", "は円単位の整数で入力してください。"),
    ("nagato_desk/importers/cashbook.py", "年度がわかりません。--year で年度を指定してください。"),
]


def test_the_error_chapter_quotes_the_programs_real_messages():
    chapter = (GUIDE / "09-errors.md").read_text(encoding="utf-8")
    for module, piece in MESSAGES:
        assert piece in (REPO / module).read_text(encoding="utf-8"), f"{module} no longer says {piece}"
        assert piece in chapter, f"the errors chapter does not explain {piece}"


def test_the_guide_ships_with_the_program():
    from nagato_desk.paths import guide_path

    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    force = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force["docs/guide"] == "nagato_desk/_data/guide"
    spec = (REPO / "packaging" / "nagato-desk.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "docs" / "guide"), "nagato_desk/_data/guide")' in spec
    assert guide_path() == GUIDE  # in a checkout


def test_guide_path_prefers_the_bundled_copy(tmp_path, monkeypatch):
    from nagato_desk import paths

    (tmp_path / "guide").mkdir()
    monkeypatch.setattr(paths, "data_root", lambda: tmp_path)
    assert paths.guide_path() == tmp_path / "guide"
