"""Importing 自治会 and their yearly figures from the spreadsheets councils already keep."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from nagato_desk.errors import UnreadableFileError, ValidationError
from nagato_desk.importers import KINDS
from nagato_desk.importers.associations import import_associations
from nagato_desk.models import AssociationFigure, Council, NeighbourhoodAssociation
from nagato_desk.services import associations as asv
from nagato_desk.services import council as cs


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        cs.create_council(s, cs.CouncilDraft(name="油谷地区協議会"), [asv.AssociationDraft("東浜自治会")])
        yield s
        s.rollback()


def counts(session) -> tuple[int, ...]:
    return tuple(
        session.scalar(select(func.count()).select_from(m))
        for m in (Council, NeighbourhoodAssociation, AssociationFigure)
    )


def figures(session) -> dict[tuple[str, int], tuple[int, int, int]]:
    rows = session.execute(
        select(NeighbourhoodAssociation.name, AssociationFigure).join(AssociationFigure.association)
    ).all()
    return {(n, f.fiscal_year): (f.households, f.population, f.aged_65_plus) for n, f in rows}


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "人口"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_xlsx_with_a_title_row_above_the_header(session, tmp_path):
    path = write_xlsx(
        tmp_path / "人口.xlsx",
        [
            ["令和8年度 自治会別 世帯数・人口"],
            [],
            ["年度", "自治会名", "ふりがな", "世帯数", "人口", "65歳以上人口"],
            ["令和8年度", "東浜自治会", "", 92, 185, 98],
            [2026, "西浜自治会", "にしはま", 78, 160, 92],
            [None, None, None, None, None, None],  # a blank line is not a row
        ],
    )
    result = import_associations(session, path)
    assert (result.created, result.rows) == (1, 2)  # 東浜 existed already
    assert figures(session) == {("東浜自治会", 2026): (92, 185, 98), ("西浜自治会", 2026): (78, 160, 92)}
    assert [a.reading for a in asv.list_associations(session)] == ["", "にしはま"]
    assert "2行を読み込みました" in result.summary("ja")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_in_utf8_and_cp932_with_other_header_names(session, tmp_path, encoding):
    path = write_csv(
        tmp_path / "figures.csv",
        [
            "地区,世帯,総人口,高齢者数,年度",
            '東浜自治会,"1,092","2,185",998,R8',
            "中山自治会,66人,131人,77,R7",
        ],
        encoding,
    )
    import_associations(session, path)
    assert figures(session) == {("東浜自治会", 2026): (1092, 2185, 998), ("中山自治会", 2025): (66, 131, 77)}


def test_year_from_the_caller_when_the_file_has_no_year_column(session, tmp_path):
    path = write_csv(tmp_path / "f.csv", ["自治会,世帯数,人口,65歳以上", "東浜自治会,92,185,98"])
    with pytest.raises(ValidationError, match="--year"):
        import_associations(session, path)
    import_associations(session, path, fiscal_year=2027)
    assert figures(session) == {("東浜自治会", 2027): (92, 185, 98)}


def test_importing_again_corrects_figures_instead_of_duplicating(session, tmp_path):
    path = write_csv(tmp_path / "f.csv", ["自治会,世帯数,人口,65歳以上,年度", "東浜自治会,92,185,98,2026"])
    import_associations(session, path)
    write_csv(path, ["自治会,世帯数,人口,65歳以上,年度", "東浜自治会,93,186,99,2026"])
    result = import_associations(session, path)
    assert result.created == 0
    assert figures(session) == {("東浜自治会", 2026): (93, 186, 99)}


def test_bad_cells_are_named_by_row_and_column_and_nothing_is_written(session, tmp_path):
    before = counts(session)
    path = write_csv(
        tmp_path / "bad.csv",
        [
            "自治会,世帯数,人口,65歳以上,年度",  # row 1
            "西浜自治会,78,160,92,R8",  # row 2: good
            ",10,20,5,R8",  # row 3: no name
            "中山自治会,66,百三十一,77,R8",  # row 4: not a number
            "北原自治会,71,143,150,R8",  # row 5: more aged than people
            "南ヶ丘自治会,67,142,78,R0",  # row 6: no such year
            "東浜自治会,-3,185,98,R8",  # row 7: negative
            "新町自治会,10,20,5.5,R8",  # row 8: not whole
        ],
    )
    with pytest.raises(ValidationError) as err:
        import_associations(session, path)
    message = str(err.value)
    assert "3行目、A列「自治会」：自治会名が空です。" in message
    assert "4行目、C列「人口」：人口「百三十一」は整数ではありません。" in message
    assert "5行目、D列「65歳以上」：65歳以上人口（150人）が人口（143人）を超えています。" in message
    assert "6行目、E列「年度」" in message
    assert "7行目、B列「世帯数」：世帯数が負の数です。" in message
    assert "8行目、D列「65歳以上」" in message
    assert "2行目" not in message
    assert [p.row for p in err.value.problems] == [3, 4, 5, 6, 7, 8]
    assert "row 4, column C列「人口」" in err.value.message("en")
    assert counts(session) == before


def test_a_repeated_association_and_year_is_refused(session, tmp_path):
    path = write_csv(
        tmp_path / "dup.csv",
        [
            "自治会,世帯数,人口,65歳以上,年度",
            "西浜自治会,78,160,92,R8",
            "東浜自治会,1,2,1,R8",
            "西浜自治会,79,161,92,2026",
        ],
    )
    before = counts(session)
    with pytest.raises(ValidationError, match="「西浜自治会」の2026年度が2行目と重複しています") as err:
        import_associations(session, path)
    assert err.value.problems[0].row == 4
    assert counts(session) == before


def test_empty_year_cell_without_a_default(session, tmp_path):
    path = write_csv(tmp_path / "f.csv", ["自治会,世帯数,人口,65歳以上,年度", "東浜自治会,92,185,98,"])
    with pytest.raises(ValidationError, match="2行目、E列「年度」：年度が空です"):
        import_associations(session, path)
    import_associations(session, path, fiscal_year=2026)  # the default fills the empty cell
    assert figures(session) == {("東浜自治会", 2026): (92, 185, 98)}


def test_a_file_without_the_needed_columns(session, tmp_path):
    path = write_csv(tmp_path / "members.csv", ["氏名,住所", "山田 太郎,油谷"])
    with pytest.raises(ValidationError, match="見出しの行が見つかりません"):
        import_associations(session, path)


def test_a_header_without_data(session, tmp_path):
    path = write_csv(tmp_path / "f.csv", ["自治会,世帯数,人口,65歳以上,年度"])
    with pytest.raises(ValidationError, match="データの行がありません"):
        import_associations(session, path)


def test_without_a_council_nothing_is_imported(db, tmp_path):
    path = write_csv(tmp_path / "f.csv", ["自治会,世帯数,人口,65歳以上,年度", "東浜自治会,92,185,98,R8"])
    with db.Session() as session, pytest.raises(ValidationError, match="協議会がまだ登録されていません"):
        import_associations(session, path)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
        ("notes.xlsx", "これは表計算のファイルではありません".encode()),
        ("report.pdf", b"%PDF-1.7\n"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet(session, tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    before = counts(session)
    with pytest.raises(UnreadableFileError) as err:
        import_associations(session, tmp_path / name)
    assert name in err.value.ja
    assert counts(session) == before


def test_a_missing_file(session, tmp_path):
    with pytest.raises(UnreadableFileError, match="見つかりません"):
        import_associations(session, tmp_path / "nothing.csv")


def test_the_kind_is_registered_for_the_command_line(session, tmp_path):
    path = write_csv(tmp_path / "f.csv", ["自治会,世帯数,人口,65歳以上", "東浜自治会,92,185,98"])
    KINDS["associations"].run(session, path, 2026)
    assert figures(session) == {("東浜自治会", 2026): (92, 185, 98)}
