"""Japanese names of tables, fields and stored codes, for the change history shown to people.

The member records have their lists here; records added later declare their names on the model itself
(``__table_args__ = {"info": {"label": "出納簿"}}``, ``mapped_column(..., info={"label": "日付",
"values": {"in": "収入"}})``), so each noun keeps its own labels.
"""

from __future__ import annotations

from sqlalchemy import Table

from nagato_desk.models import Base

#: Japanese names of recorded fields, per table, for the history shown to people (and the 監事).
FIELD_LABELS: dict[str, dict[str, str]] = {
    "member": {
        "name": "氏名", "reading": "ふりがな", "gender": "性別", "birth_date": "生年月日", "birth_year": "生まれ年",
        "postal_code": "郵便番号", "address": "住所", "phone": "電話", "mobile": "携帯", "email": "メール",
        "household_id": "世帯", "association_id": "自治会", "block_id": "班", "status": "状態",
        "joined_on": "入会日", "left_on": "退会日", "notes": "備考", "deleted_at": "ごみ箱", "anonymised": "匿名化",
    },
}  # fmt: skip


#: Stored codes shown as words: (table, field) → {code: label}.
VALUE_LABELS: dict[tuple[str, str], dict[str, str]] = {
    ("member", "status"): {"active": "在籍", "withdrawn": "退会", "moved": "転出", "deceased": "死亡"},
    ("member", "gender"): {"F": "女性", "M": "男性", "X": "その他"},
}


#: Japanese names of the audited tables, for 「対象」 in the list and the 監事's export.
TABLE_LABELS: dict[str, str] = {
    "council": "協議会",
    "neighbourhood_association": "自治会",
    "association_figure": "自治会の世帯数・人口",
    "block": "班",
    "household": "世帯",
    "member": "会員",
    "member_event": "会員の異動",
    "consent": "同意",
    "role": "役職",
    "officer_term": "役員の任期",
    "committee": "委員会",
    "committee_membership": "委員会の委員",
    "member_organisation": "団体",
}

_COMMON_FIELDS = {
    "name": "名称", "reading": "ふりがな", "postal_code": "郵便番号", "address": "住所", "phone": "電話",
    "email": "メール", "notes": "備考", "note": "備考", "sort_order": "並び順", "deleted_at": "ごみ箱",
    "member_id": "会員", "association_id": "自治会", "block_id": "班", "committee_id": "委員会",
    "joined_on": "就任日", "left_on": "退任日",
}  # fmt: skip
_TABLE_FIELDS: dict[str, dict[str, str]] = {
    "council": {"representative": "代表者", "founded_on": "設立年月日", "council_id": "協議会"},
    "neighbourhood_association": {"council_id": "協議会", "name": "自治会名"},
    "association_figure": {
        "fiscal_year": "年度", "as_of": "基準日", "households": "世帯数", "population": "人口",
        "aged_65_plus": "65歳以上",
    },
    "block": {"name": "班名"},
    "household": {"head_member_id": "世帯主"},
    "member_event": {"kind": "種類", "on": "日付", "from_text": "異動前", "to_text": "異動後"},
    "consent": {"purpose": "目的", "given_on": "同意日", "withdrawn_on": "撤回日"},
    "role": {"name": "役職名", "is_auditor": "監事", "active": "使用中"},
    "officer_term": {
        "role_id": "役職", "starts_on": "任期の始め", "ends_on": "任期の終わり",
        "chosen_by_association_id": "選出自治会", "chosen_by_text": "選出母体",
    },
    "committee": {"name": "委員会名"},
    "committee_membership": {"is_head": "委員長"},
    "member_organisation": {
        "kind": "種類", "is_member": "会員団体", "contact_name": "連絡先の氏名", "contact_role": "連絡先の役職",
    },
}  # fmt: skip
for _table in TABLE_LABELS:
    if _table != "member":
        FIELD_LABELS.setdefault(_table, {**_COMMON_FIELDS, **_TABLE_FIELDS.get(_table, {})})


def _table(name: str) -> Table | None:
    return Base.metadata.tables.get(name)


def table_label(name: str) -> str:
    """「会員」, 「出納簿」 — the table's Japanese name (the raw name when none is declared)."""
    if name in TABLE_LABELS:
        return TABLE_LABELS[name]
    table = _table(name)
    return str(table.info.get("label", name)) if table is not None else name


def field_labels(name: str) -> dict[str, str]:
    """Field → Japanese label for a table: the lists above, else each column's ``info["label"]``."""
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    table = _table(name)
    if table is None:
        return {}
    declared = {c.name: str(c.info["label"]) for c in table.columns if "label" in c.info}
    return {**_COMMON_FIELDS, **declared}


def value_labels(name: str, field_name: str) -> dict[str, str]:
    if (name, field_name) in VALUE_LABELS:
        return VALUE_LABELS[(name, field_name)]
    table = _table(name)
    if table is None or field_name not in table.c:
        return {}
    return dict(table.c[field_name].info.get("values", {}))
