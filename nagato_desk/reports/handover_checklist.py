"""引継ぎチェックリスト: what a hand-over file holds, and what the people still hand over by hand.

Printed by the outgoing secretariat, ticked and signed by both (前任・後任). The counts cover every
table of the file, so records added by later versions appear without changes here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult

TITLE = "引継ぎチェックリスト"
#: Shown first, in this order; the other tables follow by their Japanese names.
FIRST_TABLES = ("member", "household", "officer_term")
#: Tables that are bookkeeping, not records a person hands over.
_HIDDEN_TABLES = {"alembic_version"}
_EXTRA_LABELS = {"change_log": "変更履歴"}
BOX = "□"
_TALL = "\n\n"  # room to sign by hand

#: What the data file cannot carry: handed over from person to person.
HAND_ITEMS = [
    ("事務所・倉庫・掲示板などの鍵", "本数と保管場所"),
    ("預金通帳・キャッシュカード", "口座ごとに。残高を通帳で確認"),
    ("印鑑（協議会印・代表者印・銀行届出印）", ""),
    ("パスワード（このパソコン・メール・ネットバンキング・ホームページ）", "紙に書いて封筒で"),
    ("帳簿・領収書・議事録などの原本", "保存年限のあるもの"),
    ("この引継ぎファイルを入れた USB メモリなど", "保管場所"),
    ("Nagato Desk を入れたパソコン、またはインストール方法", ""),
]

#: Listed first when the data asks for a password at start: the next secretariat cannot open it without.
PASSWORD_ITEM = ("Nagato Desk を開くパスワード（このデータに設定されています）", "紙に書いて封筒で。後任が変更する")


@dataclass
class HandoverChecklist:
    council_name: str
    created_at: datetime
    created_by: str
    app_version: str
    schema: str
    counts: dict[str, int]  # table name -> rows
    attachments: int
    data_path: str
    handover_file: str
    latest_backup: str = ""  # "" when no backup was found
    hand_items: list[tuple[str, str]] = field(default_factory=lambda: list(HAND_ITEMS))


def table_title(table: str) -> str:
    from nagato_desk.services.history_labels import table_label

    return _EXTRA_LABELS.get(table) or table_label(table)


def count_rows(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(label, rows) for every table: members, households, officer terms first, then by label."""
    shown = {t: n for t, n in counts.items() if t not in _HIDDEN_TABLES}
    first = [(table_title(t), shown[t]) for t in FIRST_TABLES if t in shown]
    rest = sorted((table_title(t), n) for t, n in shown.items() if t not in FIRST_TABLES)
    return first + rest


def write_handover_checklist_pdf(
    checklist: HandoverChecklist, out_path: Path, date_style: str = "wareki"
) -> PdfResult:
    from nagato_desk.dates import format_date

    ctx = PdfContext(PageSpec(checklist.council_name, TITLE, checklist.created_at.date(), date_style))
    when = f"{format_date(checklist.created_at.date(), date_style)} {checklist.created_at:%H:%M}"
    pairs = [
        ("協議会", checklist.council_name or "（未登録）"),
        ("作成日時・作成者", f"{when}　{checklist.created_by}"),
        ("引継ぎファイル", checklist.handover_file),
        ("データの場所（前任のパソコン）", checklist.data_path),
        ("最新のバックアップ", checklist.latest_backup or "見つかりません"),
        ("アプリ・データの版", f"Nagato Desk {checklist.app_version}／スキーマ {checklist.schema}"),
    ]
    story = [ctx.key_value_table(pairs), ctx.spacer(6)]
    story.append(ctx.heading("引継ぎファイルに入っているデータ"))
    cells = [(label, f"{n:,}件") for label, n in count_rows(checklist.counts)]
    cells.append(("添付ファイル（写真など）", f"{checklist.attachments:,}件"))
    # Two records a line, down the left half first, so a long list still fits the first page.
    half = (len(cells) + 1) // 2
    rows: list[list[object]] = [["記録", "件数", "記録", "件数"]]
    for i in range(half):
        right = cells[half + i] if half + i < len(cells) else ("", "")
        rows.append([*cells[i], *right])
    story.append(ctx.table(rows, [0.32, 0.18, 0.32, 0.18], numeric_cols=(1, 3)))
    story.append(
        ctx.para(
            "後任のパソコンで Nagato Desk を起動し、「ファイル」→「引継ぎファイルを開く…」（初回起動時は"
            "「引継ぎファイルを開く」）で開きます。開くときに中身が壊れていないか自動で確かめます。",
            "small",
        )
    )
    story.append(ctx.heading("人から人へ引き継ぐもの"))
    items: list[list[object]] = [["済", "項目", "備考"]]
    items += [[BOX, item, note] for item, note in checklist.hand_items]
    items += [[BOX, "", ""], [BOX, "", ""]]
    story.append(ctx.table(items, [0.07, 0.55, 0.38], zebra=False))
    story.append(ctx.heading("確認・署名"))
    sign = [
        ["", "氏名", "日付", "署名・印"],
        ["前任", _TALL, "", ""],
        ["後任", _TALL, "", ""],
    ]
    story.append(ctx.table(sign, [0.12, 0.34, 0.22, 0.32], zebra=False))
    return ctx.build(Path(out_path), story)
