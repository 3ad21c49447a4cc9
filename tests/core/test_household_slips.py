"""名簿確認票: one slip per household with every field held, 1 or 2 per page, 取扱注意 everywhere.

The households (made in ``slips_db``), in the order worked out by hand — 自治会 in the council's
order, then 班, then the reading of the head:
1. 東区 1班, head 阿部 一 (あべ) — before 加藤 (かとう) in the same 班.
2. 東区 1班, head 加藤 一郎: 加藤 一郎, 加藤 花子 (b. 1953), 加藤 健 (b. 1980, lives elsewhere);
   加藤 退 has withdrawn and is not listed.
3. 東区 2班, no head recorded: the oldest, 木村 六郎 (b. 1940), stands in before 木村 七子 (b. 1945).
4. 西区, head 中村 八郎.
5. 山田 十郎, no household and no 自治会: a slip of his own, 自治会未設定, last.
A household whose only member has withdrawn gets no slip.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from nagato_desk.errors import ValidationError
from nagato_desk.models import Block, Household, Member, NeighbourhoodAssociation
from nagato_desk.reading import sort_key_text
from nagato_desk.reports.household_slips import (
    PURPOSE,
    SIGNATURE,
    build_household_slips,
    export_household_slips,
    write_household_slips_pdf,
)
from nagato_desk.services.associations import AssociationDraft
from nagato_desk.services.council import CouncilDraft, create_council

COUNCIL = "宇津賀地区まちづくり協議会"
ISSUED = date(2026, 5, 20)
HEADS = ["阿部 一", "加藤 一郎", "木村 六郎", "中村 八郎", "山田 十郎"]


def poppler(tool: str, *args: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} (poppler-utils) is needed to check the PDFs: apt-get install poppler-utils")
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout


def page_texts(path: Path, pages: int) -> list[str]:
    return [
        poppler("pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-")
        for n in range(1, pages + 1)
    ]


def member(name: str, reading: str, **kw) -> Member:
    return Member(name=name, reading=reading, reading_key=sort_key_text(reading), **kw)


@pytest.fixture
def slips_db(db):
    with db.session() as s:
        create_council(
            s, CouncilDraft(name=COUNCIL), [AssociationDraft("東区自治会"), AssociationDraft("西区自治会")]
        )
        ids = {a.name: a.id for a in s.scalars(select(NeighbourhoodAssociation))}
        east, west = ids["東区自治会"], ids["西区自治会"]
        b1 = Block(association_id=east, name="1班", sort_order=1)
        b2 = Block(association_id=east, name="2班", sort_order=2)
        s.add_all([b1, b2])
        s.flush()
        kato_h = Household(association_id=east, block_id=b1.id, postal_code="759-4503",
                           address="山口県長門市油谷河原1番地", phone="0837-11-1111")  # fmt: skip
        abe_h = Household(association_id=east, block_id=b1.id, address="山口県長門市油谷河原5番地")
        kimura_h = Household(association_id=east, block_id=b2.id, address="山口県長門市油谷河原9番地")
        naka_h = Household(association_id=west, address="山口県長門市油谷伊上2番地")
        gone_h = Household(association_id=west, address="山口県長門市油谷伊上4番地")
        s.add_all([kato_h, abe_h, kimura_h, naka_h, gone_h])
        s.flush()
        kato = member("加藤 一郎", "かとう いちろう", gender="M", birth_date=date(1951, 4, 1),
                      household_id=kato_h.id, phone="0837-11-1111", mobile="090-1111-2222")  # fmt: skip
        abe = member("阿部 一", "あべ はじめ", household_id=abe_h.id, birth_year=1948)
        naka = member("中村 八郎", "なかむら はちろう", household_id=naka_h.id, email="naka@example.jp")
        s.add_all([kato, abe, naka])
        s.add_all(
            [
                member("加藤 健", "かとう けん", gender="M", birth_date=date(1980, 1, 5), household_id=kato_h.id,
                       address="東京都千代田区1-1", email="ken@example.jp"),
                member("加藤 花子", "かとう はなこ", gender="F", birth_date=date(1953, 6, 10), household_id=kato_h.id),
                member("加藤 退", "かとう たい", household_id=kato_h.id, status="withdrawn"),
                member("木村 七子", "きむら ななこ", birth_date=date(1945, 1, 1), household_id=kimura_h.id),
                member("木村 六郎", "きむら ろくろう", birth_date=date(1940, 1, 1), household_id=kimura_h.id),
                member("去田 退", "さるた たい", household_id=gone_h.id, status="moved"),
                member("山田 十郎", "やまだ じゅうろう", address="山口県長門市東深川3番地"),
            ]
        )  # fmt: skip
        s.flush()
        kato_h.head_member_id, abe_h.head_member_id, naka_h.head_member_id = kato.id, abe.id, naka.id
    return db


def test_one_slip_per_household_in_order(slips_db):
    with slips_db.session() as s:
        slips = build_household_slips(s, issued=ISSUED)
    assert slips.council_name == COUNCIL and slips.contains_personal
    assert [sl.head_name for sl in slips.slips] == [
        "阿部 一", "加藤 一郎", "木村 六郎", "中村 八郎", "山田 十郎（世帯未登録）",
    ]  # fmt: skip
    assert [sl.association_block for sl in slips.slips] == [
        "東区自治会\u30001班", "東区自治会\u30001班", "東区自治会\u30002班", "西区自治会", "自治会未設定",
    ]  # fmt: skip
    kato = slips.slips[1]
    assert [m.name for m in kato.members] == ["加藤 一郎", "加藤 花子", "加藤 健"]  # head, then by age
    assert kato.address == "〒759-4503 山口県長門市油谷河原1番地" and kato.phone == "0837-11-1111"
    head, hanako, ken = kato.members
    assert (head.gender, head.birth, head.phone) == ("男", date(1951, 4, 1), "0837-11-1111 / 090-1111-2222")
    assert hanako.address == "" and ken.address == "東京都千代田区1-1" and ken.email == "ken@example.jp"
    assert [m.name for m in slips.slips[2].members] == ["木村 六郎", "木村 七子"]
    assert slips.slips[0].members[0].birth == 1948
    assert slips.slips[4].address == "山口県長門市東深川3番地"


def test_one_association_only(slips_db):
    with slips_db.session() as s:
        west = s.scalar(
            select(NeighbourhoodAssociation.id).where(NeighbourhoodAssociation.name == "西区自治会")
        )
        slips = build_household_slips(s, association_id=west, issued=ISSUED)
        with pytest.raises(ValidationError):
            build_household_slips(s, association_id=9999)
    assert [sl.head_name for sl in slips.slips] == ["中村 八郎"]


def test_pdf_one_slip_per_page(slips_db, tmp_path):
    with slips_db.session() as s:
        slips = build_household_slips(s, issued=ISSUED)
    out = tmp_path / "slips.pdf"
    result = write_household_slips_pdf(slips, out)
    assert result.pages == 5 and result.warnings == []
    pages = page_texts(out, 5)
    for page, head in zip(pages, HEADS, strict=True):
        assert "取扱注意" in page and "名簿確認票" in page and "令和8年5月20日" in page
        assert head in page
        flat = re.sub(r"\s+", "", page)
        assert re.sub(r"\s+", "", SIGNATURE) in flat
        assert PURPOSE in flat
        assert "訂正・変更" in page
        assert "切り取り線" not in page
    kato = pages[1]
    # the two numbers on two lines of the cell
    assert re.search(
        r"0837-11-1111\s*\n\s*加藤 一郎\s+かとう いちろう\s+男\s+昭和26年4月1日\s*\n\s*090-1111-2222", kato
    )
    assert re.search(r"加藤 花子\s+かとう はなこ\s+女\s+昭和28年6月10日", kato)
    assert "ken@example.jp" in kato and re.search(r"住所（加藤 健）\s+東京都千代田区1-1", kato)
    assert "〒759-4503 山口県長門市油谷河原1番地" in kato and "加藤 一郎 様" in kato
    assert "加藤 退" not in kato and "去田" not in "".join(pages)
    assert "昭和23年" in pages[0]  # 阿部: only the birth year
    lines = poppler("pdffonts", str(out)).splitlines()
    emb = lines[0].index("emb")
    assert lines[2:] and all(line[emb : emb + 3] == "yes" for line in lines[2:]), lines


def test_pdf_two_slips_per_page(slips_db, tmp_path):
    with slips_db.session() as s:
        slips = build_household_slips(s, issued=ISSUED)
    out = tmp_path / "slips2.pdf"
    result = write_household_slips_pdf(slips, out, date_style="seireki", per_page=2)
    assert result.pages == math.ceil(5 / 2) == 3
    pages = page_texts(out, 3)
    assert all("取扱注意" in p for p in pages)
    assert [[h for h in HEADS if h in p] for p in pages] == [HEADS[0:2], HEADS[2:4], HEADS[4:5]]
    assert ["切り取り線" in p for p in pages] == [True, True, False]
    assert "1951年4月1日" in pages[0] and "2026年5月20日" in pages[0]


def test_large_household_still_fits_its_half_page(db, tmp_path):
    with db.session() as s:
        create_council(s, CouncilDraft(name=COUNCIL), [AssociationDraft("東区自治会")])
        big, small = Household(address="大家族1番地"), Household(address="小家族2番地")
        s.add_all([big, small])
        s.flush()
        s.add_all(
            member(f"大家 {i:02d}", f"おおや {i:02d}", birth_year=1950 + i, household_id=big.id)
            for i in range(16)
        )
        s.add_all(member(f"小家 {i}", f"こいえ {i}", household_id=small.id) for i in range(2))
    with db.session() as s:
        slips = build_household_slips(s, issued=ISSUED)
    out = tmp_path / "big.pdf"
    result = write_household_slips_pdf(slips, out, per_page=2)
    assert result.pages == 1
    text = poppler("pdftotext", str(out), "-")
    assert all(f"大家 {i:02d}" in text for i in range(16)) and "小家 1" in text


def test_export_household_slips(slips_db, tmp_path):
    out = tmp_path / "slips.pdf"
    request = SimpleNamespace(
        out=out, format="pdf", fiscal_year=None, date_style="wareki", today=ISSUED, per_page=2
    )
    with slips_db.session() as s:
        assert export_household_slips(s, request) == []
    assert "Pages:           3" in poppler("pdfinfo", str(out))
    no_per_page = SimpleNamespace(out=tmp_path / "one.pdf", format="pdf", fiscal_year=None, date_style="wareki",
                                  today=ISSUED)  # fmt: skip
    with slips_db.session() as s:
        export_household_slips(s, no_per_page)
        with pytest.raises(ValidationError):
            export_household_slips(s, SimpleNamespace(**{**vars(no_per_page), "format": "xlsx"}))
        with pytest.raises(ValidationError):
            export_household_slips(s, SimpleNamespace(**{**vars(request), "per_page": 3}))
    assert "Pages:           5" in poppler("pdfinfo", str(tmp_path / "one.pdf"))
