"""団体会員・連携団体: adding with its checks, editing, trash, and the list in 50音 order."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from nagato_desk.errors import ValidationError
from nagato_desk.services import organisations as og
from nagato_desk.services.organisations import OrganisationDraft


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()


def rows(session) -> list:
    return session.execute(text("SELECT * FROM member_organisation ORDER BY id")).all()


def refused(session, fn, *args) -> ValidationError:
    before = rows(session)
    with pytest.raises(ValidationError) as info:
        fn(*args)
    assert rows(session) == before
    return info.value


def names(orgs) -> list[str]:
    return [o.name for o in orgs]


def test_kinds():
    assert og.ORGANISATION_KINDS == (
        "老人クラブ",
        "婦人会",
        "PTA",
        "子ども会",
        "消防団",
        "地区社会福祉協議会",
        "民生委員・児童委員",
        "企業・事業所",
        "NPO",
        "学校",
        "大学",
        "行政",
        "その他",
    )


def test_add_cleans_and_keeps_everything(session):
    org = og.add_organisation(
        session,
        OrganisationDraft(
            name=" 宇津賀小学校ＰＴＡ ",
            reading="うつがしょうがっこうぴーてぃーえー",
            kind="ＰＴＡ",
            contact_name="佐藤 花子",
            contact_role="会長",
            phone="0837-00-1234",
            email="pta@example.jp",
            address="長門市油谷1-2",
            notes=" 毎年6月に総会 ",
        ),
    )
    assert org.id and org.deleted_at is None and org.is_member
    assert (org.name, org.kind, org.notes) == ("宇津賀小学校ＰＴＡ", "PTA", "毎年6月に総会")
    draft = og.draft_of(org)
    assert draft.contact_name == "佐藤 花子" and draft.email == "pta@example.jp" and draft.kind == "PTA"
    other = og.add_organisation(session, OrganisationDraft("長門の魚屋", kind="鮮魚店", is_member=False))
    assert other.kind == "鮮魚店" and not other.is_member  # a kind not in the list is kept as typed


def test_refusals_list_every_problem(session):
    og.add_organisation(session, OrganisationDraft("油谷老人クラブ"))
    err = refused(
        session, og.add_organisation, session, OrganisationDraft("　", phone="なし", email="pta.example.jp")
    )
    assert [p.field for p in err.problems] == ["name", "phone", "email"]
    assert "団体名を入力してください。" in err.ja
    assert "電話番号に数字がありません。" in err.ja and "メールアドレスの形が正しくありません。" in err.ja
    err = refused(session, og.add_organisation, session, OrganisationDraft("油谷 老人クラブ"))
    assert err.ja == "団体「油谷老人クラブ」はすでに登録されています。"
    err = refused(session, og.add_organisation, session, OrganisationDraft("団" * 201, kind="k" * 41))
    assert "団体名は200文字以内" in err.ja and "種別は40文字以内" in err.ja
    refused(session, og.add_organisation, session, OrganisationDraft("X", email="@example.jp"))


def test_update(session):
    org = og.add_organisation(session, OrganisationDraft("婦人会", kind="婦人会"))
    og.add_organisation(session, OrganisationDraft("消防団第3分団", kind="消防団"))
    draft = og.draft_of(org)
    draft.name, draft.contact_name = "油谷婦人会", "山本 和子"
    og.update_organisation(session, org.id, draft)
    assert (org.name, org.contact_name) == ("油谷婦人会", "山本 和子")
    og.update_organisation(session, org.id, draft)  # its own name is no clash
    draft.name = "消防団第３分団"
    refused(session, og.update_organisation, session, org.id, draft)
    err = refused(session, og.update_organisation, session, 9999, og.draft_of(org))
    assert "団体が見つかりません" in err.ja


def test_trash_and_restore(session):
    org = og.add_organisation(session, OrganisationDraft("長門市社会福祉協議会", kind="地区社会福祉協議会"))
    og.delete_organisation(session, org.id)
    assert org.deleted_at is not None
    assert og.list_organisations(session) == []
    assert names(og.list_organisations(session, include_deleted=True)) == ["長門市社会福祉協議会"]
    refused(session, og.update_organisation, session, org.id, og.draft_of(org))
    twin = og.add_organisation(session, OrganisationDraft("長門市社会福祉協議会"))
    err = refused(session, og.restore_organisation, session, org.id)
    assert "同じ名前の団体「長門市社会福祉協議会」があるため元に戻せません" in err.ja
    og.delete_organisation(session, twin.id)
    og.restore_organisation(session, org.id)
    assert og.list_organisations(session) == [org]


def test_list_in_50on_order_with_filters(session):
    for name, reading, kind, member in [
        ("山口県立大学", "やまぐちけんりつだいがく", "大学", False),
        ("油谷老人クラブ", "ユヤ ロウジンクラブ", "老人クラブ", True),  # katakana sorts with hiragana
        ("株式会社あぶらや", "かぶしきがいしゃあぶらや", "企業・事業所", False),
        ("NPOひかり", "", "NPO", False),  # no reading: sorted by its name (Latin before kana)
        ("阿川子ども会", "あがわこどもかい", "子ども会", True),
    ]:
        og.add_organisation(session, OrganisationDraft(name, reading, kind, is_member=member))
    assert names(og.list_organisations(session)) == [
        "NPOひかり",
        "阿川子ども会",
        "株式会社あぶらや",
        "山口県立大学",
        "油谷老人クラブ",
    ]
    assert names(og.list_organisations(session, is_member=True)) == ["阿川子ども会", "油谷老人クラブ"]
    assert names(og.list_organisations(session, is_member=False, kind="ｎｐｏ")) == ["NPOひかり"]
    assert names(og.list_organisations(session, kind="大学")) == ["山口県立大学"]
