"""会員名簿: grouping by 自治会 and 班, 50音 order, chosen columns, 取扱注意, PDF / xlsx / CSV.

The data (made in ``roster_db``), with the order worked out by hand:

東区自治会 (blocks 1班, 2班), 西区自治会, 北区自治会 (no members), in that order.
- 東区 1班: あべ, いとう, かとう, かどう, がとう, ｻｲﾄｳ. Primary keys without voicing: あへ, いとう,
  かとう ×3, さいとう; the three かとう tie and are ordered by the folded reading position by
  position: かとう < かどう (と < ど at the 2nd kana) < がとう (か < が at the 1st). ｻｲﾄｳ folds to
  さいとう. Not listed: あいざわ (退会), あおき (in the trash), あさの (joined after the as-of date).
- 東区 2班: きむら.  東区 without a 班: うえだ (after the 班, as 班 "").
- 西区: おおの (no 自治会 of her own, but her household is in 西区), なかむら.
- no 自治会 at all: やまだ → the last group 「自治会未設定」.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from nagato_desk.errors import ValidationError
from nagato_desk.models import Block, Household, Member, NeighbourhoodAssociation
from nagato_desk.reading import sort_key_text
from nagato_desk.reports import pdf_base
from nagato_desk.reports.roster import (
    DEFAULT_COLUMNS,
    PERSONAL_NOTE,
    ROSTER_COLUMNS,
    build_roster,
    export_roster,
    write_roster_csv,
    write_roster_pdf,
    write_roster_xlsx,
)
from nagato_desk.reports.xlsx_base import FONT_NAME
from nagato_desk.services.associations import AssociationDraft
from nagato_desk.services.council import CouncilDraft, create_council

COUNCIL = "宇津賀地区まちづくり協議会"
AS_OF = date(2026, 4, 1)
ISSUED = date(2026, 5, 20)


def poppler(tool: str, *args: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} (poppler-utils) is needed to check the PDFs: apt-get install poppler-utils")
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout


def pages_text(path: Path, pages: int) -> list[str]:
    return [
        poppler("pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-")
        for n in range(1, pages + 1)
    ]


def member(name: str, reading: str, **kw) -> Member:
    return Member(name=name, reading=reading, reading_key=sort_key_text(reading), **kw)


def setup_council(session) -> dict[str, int]:
    create_council(
        session,
        CouncilDraft(name=COUNCIL),
        [AssociationDraft("東区自治会"), AssociationDraft("西区自治会"), AssociationDraft("北区自治会")],
    )
    ids = {a.name: a.id for a in session.scalars(select(NeighbourhoodAssociation))}
    # sort_order decides, not the id: 2班 is created first
    b2 = Block(association_id=ids["東区自治会"], name="2班", sort_order=2)
    b1 = Block(association_id=ids["東区自治会"], name="1班", sort_order=1)
    session.add_all([b2, b1])
    session.flush()
    ids["1班"], ids["2班"] = b1.id, b2.id
    return ids


@pytest.fixture
def roster_db(db):
    with db.session() as s:
        ids = setup_council(s)
        east, west, b1, b2 = ids["東区自治会"], ids["西区自治会"], ids["1班"], ids["2班"]
        h1 = Household(
            association_id=east, block_id=b1, postal_code="759-4503",
            address="山口県長門市油谷河原1番地", phone="0837-11-1111",
        )  # fmt: skip
        h2 = Household(association_id=west, address="山口県長門市油谷伊上2番地")
        s.add_all([h1, h2])
        s.flush()
        kato = member("加藤 一郎", "かとう いちろう", gender="M", birth_date=date(1951, 4, 1),
                      household_id=h1.id, association_id=east, block_id=b1,
                      phone="0837-11-1111", mobile="090-1111-2222", email="kato@example.jp",
                      joined_on=date(2015, 4, 1), notes="班長")  # fmt: skip
        s.add_all(
            [
                kato,
                member("賀藤 二郎", "がとう じろう", gender="M", birth_date=date(1951, 4, 2),
                       household_id=h1.id, association_id=east, block_id=b1),
                member("門 三郎", "かどう さぶろう", gender="M", birth_year=1960, association_id=east, block_id=b1),
                member("阿部 花子", "あべ はなこ", gender="F", association_id=east, block_id=b1),
                member("伊藤 四郎", "いとう しろう", association_id=east, block_id=b1),
                member("斉藤 五郎", "ｻｲﾄｳ ｺﾞﾛｳ", association_id=east, block_id=b1),
                member("相沢 退", "あいざわ たい", association_id=east, block_id=b1, status="withdrawn"),
                member("青木 消", "あおき しょう", association_id=east, block_id=b1,
                       deleted_at=datetime(2026, 1, 1)),
                member("浅野 新", "あさの しん", association_id=east, block_id=b1, joined_on=date(2026, 4, 2)),
                member("木村 六郎", "きむら ろくろう", association_id=east, block_id=b2),
                member("上田 七子", "うえだ ななこ", association_id=east),
                member("中村 八郎", "なかむら はちろう", association_id=west),
                member("大野 九子", "おおの くこ", household_id=h2.id),
                member("山田 十郎", "やまだ じゅうろう", address="山口県長門市東深川3番地"),
            ]
        )  # fmt: skip
        s.flush()
        h1.head_member_id = kato.id
    return db


def names(group) -> list[str]:
    return [row[0] for row in group.rows]


def test_groups_and_gojuon_order(roster_db):
    with roster_db.session() as s:
        roster = build_roster(s, as_of=AS_OF, issued=ISSUED)
    assert roster.council_name == COUNCIL and roster.issued == ISSUED and roster.as_of == AS_OF
    assert [(g.association, g.block) for g in roster.groups] == [
        ("東区自治会", "1班"),
        ("東区自治会", "2班"),
        ("東区自治会", ""),
        ("西区自治会", ""),
        ("自治会未設定", ""),
    ]
    assert names(roster.groups[0]) == [
        "阿部 花子",
        "伊藤 四郎",
        "加藤 一郎",
        "門 三郎",
        "賀藤 二郎",
        "斉藤 五郎",
    ]
    assert names(roster.groups[1]) == ["木村 六郎"]
    assert names(roster.groups[2]) == ["上田 七子"]
    assert names(roster.groups[3]) == ["大野 九子", "中村 八郎"]
    assert names(roster.groups[4]) == ["山田 十郎"]
    assert [g.count for g in roster.groups] == [6, 1, 1, 2, 1]
    assert roster.total == 11
    assert roster.groups[0].label == "東区自治会\u30001班"


def test_default_columns_leave_personal_data_out(roster_db):
    assert DEFAULT_COLUMNS == ("name", "reading", "gender", "household")
    assert [k for k, (_, personal) in ROSTER_COLUMNS.items() if personal] == [
        "age", "birth_date", "address", "phone", "email", "notes",
    ]  # fmt: skip
    with roster_db.session() as s:
        roster = build_roster(s, as_of=AS_OF, issued=ISSUED)
    assert roster.columns == DEFAULT_COLUMNS and not roster.contains_personal
    assert roster.headers == ["氏名", "ふりがな", "性別", "世帯主"]
    first = roster.groups[0].rows
    assert first[2] == ["加藤 一郎", "かとう いちろう", "男", "加藤 一郎"]
    assert first[4] == ["賀藤 二郎", "がとう じろう", "男", "加藤 一郎"]  # the head of his household
    assert first[0] == ["阿部 花子", "あべ はなこ", "女", ""]
    flat = {cell for g in roster.groups for row in g.rows for cell in row}
    assert not flat & {"山口県長門市東深川3番地", "0837-11-1111", "kato@example.jp"}


def test_personal_columns_ages_and_fallbacks(roster_db):
    cols = ("name", "age", "birth_date", "address", "phone", "email", "joined_on", "status", "notes")
    with roster_db.session() as s:
        roster = build_roster(s, columns=cols, as_of=AS_OF, issued=ISSUED)
    assert roster.contains_personal
    rows = {row[0]: row for g in roster.groups for row in g.rows}
    # born 1951-04-01: 75 on 2026-04-01 (the birthday itself); 1951-04-02: still 74
    assert rows["加藤 一郎"] == [
        "加藤 一郎", 75, date(1951, 4, 1), "〒759-4503 山口県長門市油谷河原1番地",
        "0837-11-1111 / 090-1111-2222", "kato@example.jp", date(2015, 4, 1), "在籍", "班長",
    ]  # fmt: skip
    assert rows["賀藤 二郎"][1:4] == [74, date(1951, 4, 2), "〒759-4503 山口県長門市油谷河原1番地"]
    assert rows["賀藤 二郎"][4] == "0837-11-1111"  # the household's phone when he has none
    assert rows["門 三郎"][1:3] == ["65〜66", 1960]  # only the birth year: 2026 − 1960 = 66 this year
    assert rows["山田 十郎"][3] == "山口県長門市東深川3番地"


def test_statuses_association_filter_and_as_of(roster_db):
    with roster_db.session() as s:
        west = s.scalar(
            select(NeighbourhoodAssociation.id).where(NeighbourhoodAssociation.name == "西区自治会")
        )
        only_west = build_roster(s, association_id=west, as_of=AS_OF)
        with_left = build_roster(s, statuses=("active", "withdrawn"), as_of=AS_OF)
        later = build_roster(s, as_of=date(2026, 4, 2))
        with pytest.raises(ValidationError):
            build_roster(s, columns=("name", "shoe_size"))
    assert [(g.association, names(g)) for g in only_west.groups] == [
        ("西区自治会", ["大野 九子", "中村 八郎"])
    ]
    assert names(with_left.groups[0])[:2] == ["相沢 退", "阿部 花子"]
    assert "浅野 新" in names(later.groups[0]) and later.total == 12


# -- PDF ------------------------------------------------------------------------------------


def many_members(db, per_group: int) -> None:
    with db.session() as s:
        ids = setup_council(s)
        for i in range(per_group):
            s.add(member(f"東{i:03d}", f"ひがし{i:03d}", association_id=ids["東区自治会"], block_id=ids["1班"],
                         address=f"山口県長門市油谷河原{i}番地"))  # fmt: skip
            s.add(member(f"西{i:03d}", f"にし{i:03d}", association_id=ids["西区自治会"]))


def test_pdf_confidential_on_every_page_only_with_personal_columns(db, tmp_path):
    many_members(db, 70)
    with db.session() as s:
        personal = build_roster(s, columns=("name", "reading", "address"), as_of=AS_OF, issued=ISSUED)
        plain = build_roster(s, as_of=AS_OF, issued=ISSUED)
    out = tmp_path / "personal.pdf"
    result = write_roster_pdf(personal, out)
    assert result.pages >= 3 and result.warnings == []
    pages = pages_text(out, result.pages)
    assert all("取扱注意" in page for page in pages)
    note = re.sub(r"\s+", "", pages[0])
    assert PERSONAL_NOTE in note and "会員名簿" in pages[0] and "令和8年5月20日" in pages[0]
    assert re.search(r"令和8年4月1日現在\s+会員数 140名", pages[0])
    assert re.search(r"東区自治会\s+1班（70名）", pages[0])
    # a page that continues a group says which one, above the repeated header
    continued = [p for p in pages if re.search(r"東区自治会\s+1班（続き）\s*\n\s*氏名\s+ふりがな\s+住所", p)]
    assert continued
    everything = "".join(pages)
    assert sorted(re.findall(r"東\d{3}", everything)) == [f"東{i:03d}" for i in range(70)]
    assert len(re.findall(r"西\d{3}", everything)) == 70

    out2 = tmp_path / "plain.pdf"
    result2 = write_roster_pdf(plain, out2)
    pages2 = pages_text(out2, result2.pages)
    assert result2.pages >= 2 and not any("取扱注意" in p for p in pages2)
    assert "個人情報" not in "".join(pages2)
    assert "841.89 x 595.276" not in poppler("pdfinfo", str(out2))  # 4 columns: portrait


def test_pdf_fonts_embedded_landscape_and_seireki(roster_db, tmp_path):
    cols = ("name", "reading", "gender", "age", "birth_date", "address", "household")
    with roster_db.session() as s:
        roster = build_roster(s, columns=cols, as_of=AS_OF, issued=ISSUED)
    out = tmp_path / "roster.pdf"
    write_roster_pdf(roster, out, date_style="seireki")
    info = poppler("pdfinfo", str(out))
    assert "841.89 x 595.276" in info  # 7 columns: landscape
    lines = poppler("pdffonts", str(out)).splitlines()
    emb = lines[0].index("emb")
    assert lines[2:] and all(line[emb : emb + 3] == "yes" for line in lines[2:]), lines
    assert all("TrueType" in line for line in lines[2:])
    text = poppler("pdftotext", "-layout", str(out), "-")
    assert re.search(r"加藤 一郎\s+かとう いちろう\s+男\s+75\s+1951年4月1日", text)
    assert re.search(r"門 三郎\s+かどう さぶろう\s+男\s+65〜66\s+1960年", text)
    assert "2026年4月1日現在" in text


def test_pdf_wareki_and_missing_characters(db, tmp_path):
    with db.session() as s:
        setup_council(s)
        s.add(member("𠮷田 一", "よしだ はじめ", birth_date=date(2019, 5, 1), joined_on=date(2019, 4, 30)))
    with db.session() as s:
        roster = build_roster(s, columns=("name", "birth_date", "joined_on"), as_of=AS_OF, issued=ISSUED)
    out = tmp_path / "w.pdf"
    result = write_roster_pdf(roster, out)
    assert result.warnings == ["文字『𠮷』(U+20BB7) はフォントにないため〓で印刷しました。"]
    text = poppler("pdftotext", "-layout", str(out), "-")
    assert re.search(r"〓田 一\s+令和元年5月1日\s+平成31年4月30日", text)
    assert "自治会未設定（1名）" in text


def test_pdf_without_members(db, tmp_path):
    with db.session() as s:
        setup_council(s)
        roster = build_roster(s, issued=ISSUED)
    out = tmp_path / "empty.pdf"
    assert write_roster_pdf(roster, out).pages == 1
    assert "該当する会員はいません。" in poppler("pdftotext", str(out), "-")


# -- xlsx and CSV ---------------------------------------------------------------------------


def test_xlsx(roster_db, tmp_path):
    with roster_db.session() as s:
        roster = build_roster(s, columns=("name", "reading", "age", "phone"), as_of=AS_OF, issued=ISSUED)
    out = tmp_path / "roster.xlsx"
    assert write_roster_xlsx(roster, out) == []
    wb = load_workbook(out)
    assert wb.sheetnames == ["会員名簿"]
    ws = wb["会員名簿"]
    assert [ws.cell(row=r, column=1).value for r in (1, 2, 3)] == [COUNCIL, "会員名簿", "令和8年5月20日"]
    assert ws["A5"].value == PERSONAL_NOTE
    assert ws["A6"].value == "令和8年4月1日現在\u3000会員数 11名"
    assert [c.value for c in ws[7]] == ["自治会", "班", "氏名", "ふりがな", "年齢", "電話番号"]
    assert ws.print_title_rows == "$7:$7"
    assert ws.oddHeader.center.text == "取扱注意"
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=8)]
    assert len(data) == 11
    assert data[2] == [
        "東区自治会",
        "1班",
        "加藤 一郎",
        "かとう いちろう",
        75,
        "0837-11-1111 / 090-1111-2222",
    ]
    assert data[3][4] == "65〜66"
    assert data[-1] == ["自治会未設定", None, "山田 十郎", "やまだ じゅうろう", None, None]
    # styles are shared between cells (see SheetWriter.row): every row still looks the same
    for row in (ws[8], ws[10], ws[ws.max_row]):
        assert all(c.font.name == FONT_NAME and not c.font.b and c.border.left.style == "thin" for c in row)
        assert row[2].alignment.wrap_text
    assert ws["E10"].value == 75 and ws["E10"].number_format == "#,##0"
    assert ws.oddHeader.center.font == f"{FONT_NAME},Bold"


def test_xlsx_without_personal_data_and_seireki_dates(roster_db, tmp_path):
    with roster_db.session() as s:
        roster = build_roster(s, columns=("name", "joined_on"), as_of=AS_OF, issued=ISSUED)
    out = tmp_path / "plain.xlsx"
    write_roster_xlsx(roster, out, date_style="seireki")
    ws = load_workbook(out).active
    assert not ws.oddHeader.center.text
    assert ws["A5"].value == "2026年4月1日現在\u3000会員数 11名"
    kato = next(row for row in ws.iter_rows(min_row=7) if row[2].value == "加藤 一郎")
    assert kato[3].value == datetime(2015, 4, 1) and kato[3].number_format == "yyyy/mm/dd"


def test_csv(roster_db, tmp_path):
    with roster_db.session() as s:
        roster = build_roster(s, columns=("name", "birth_date", "household"), as_of=AS_OF, issued=ISSUED)
    out = tmp_path / "roster.csv"
    write_roster_csv(roster, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["自治会", "班", "氏名", "生年月日", "世帯主"]
    assert rows[3] == ["東区自治会", "1班", "加藤 一郎", "昭和26年4月1日", "加藤 一郎"]
    assert rows[4] == ["東区自治会", "1班", "門 三郎", "昭和35年", ""]
    assert len(rows) == 12 and rows[-1][:3] == ["自治会未設定", "", "山田 十郎"]


def test_csv_cells_that_look_like_formulas(db, tmp_path):
    with db.session() as s:
        setup_council(s)
        s.add(member('=HYPERLINK("http://x")', "いち", notes="+81 837"))
        s.add(member("@SUM(A1)", "に", notes="-5"))
    with db.session() as s:
        roster = build_roster(s, columns=("name", "notes"), issued=ISSUED)
    out = tmp_path / "inj.csv"
    write_roster_csv(roster, out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[1][2:] == ['\'=HYPERLINK("http://x")', "'+81 837"]
    assert rows[2][2:] == ["'@SUM(A1)", "'-5"]


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "csv"])
def test_export_roster(roster_db, tmp_path, fmt):
    out = tmp_path / f"roster.{fmt}"
    request = SimpleNamespace(
        out=out, format=fmt, fiscal_year=2026, date_style="wareki", today=ISSUED, columns="name,address"
    )
    with roster_db.session() as s:
        warnings = export_roster(s, request)
    assert warnings == [] and out.stat().st_size > 0
    if fmt == "pdf":
        text = poppler("pdftotext", "-layout", str(out), "-")
        assert "取扱注意" in text and "令和8年4月1日現在" in text and "山口県長門市東深川3番地" in text
    # without a columns attribute (the lead's ExportRequest): the default, personal-free columns
    plain = SimpleNamespace(out=tmp_path / f"p.{fmt}", format=fmt, fiscal_year=None, date_style="wareki",
                            today=ISSUED)  # fmt: skip
    with roster_db.session() as s:
        export_roster(s, plain)
    if fmt == "csv":
        header = plain.out.read_text(encoding="utf-8-sig").splitlines()[0]
        assert header == "自治会,班,氏名,ふりがな,性別,世帯主"


def test_long_roster_chunks_without_losing_rows(db, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_base, "CHUNK_ROWS", 7)  # many chunk boundaries in a small test
    many_members(db, 95)
    with db.session() as s:
        roster = build_roster(s, as_of=AS_OF, issued=ISSUED)
    out = tmp_path / "long.pdf"
    result = write_roster_pdf(roster, out)
    pages = pages_text(out, result.pages)
    found = re.findall(r"(東|西)(\d{3})", "".join(pages))
    assert found == [("東", f"{i:03d}") for i in range(95)] + [("西", f"{i:03d}") for i in range(95)]
    for page in pages:  # a column header under each group heading and each （続き）, nowhere else
        starts = len(re.findall(r"（\d+名）|（続き）", page))
        assert starts >= 1
        assert len(re.findall(r"氏名\s+ふりがな\s+性別\s+世帯主", page)) == starts


def test_plain_cells_only_where_a_paragraph_is_not_needed():
    ctx = pdf_base.PdfContext(pdf_base.PageSpec(COUNCIL, "会員名簿", ISSUED))
    long_address = "山口県長門市油谷河原1234番地の5　コーポ長門101号室" * 2
    table = ctx.table(
        [["氏名", "住所", "年齢"], ["山田 太郎", long_address, "75"], ["𠮷田 一", "改行\nあり", "7"]],
        [0.3, 0.5, 0.2],
        numeric_cols=(2,),
        plain_cells=True,
    )
    cells = table._cellvalues
    assert isinstance(cells[0][0], pdf_base.Paragraph)  # the header stays bold and centred
    assert cells[1][0] == "山田 太郎" and cells[1][2] == "75"
    assert isinstance(cells[1][1], pdf_base.Paragraph)  # too long for one line: wraps
    assert isinstance(cells[2][0], pdf_base.Paragraph) and ctx.missing_characters == ["𠮷"]
    assert isinstance(cells[2][1], pdf_base.Paragraph)
    assert table._cellStyles[1][2].alignment == "RIGHT" and table._cellStyles[1][0].alignment == "LEFT"
    assert table._cellStyles[1][0].leading == pdf_base.CELL_LEADING
