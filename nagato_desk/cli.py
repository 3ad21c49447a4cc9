"""The ``nagato-desk`` command (see docs/CLI.md): the window's work, through the same services."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from nagato_desk import __version__
from nagato_desk.errors import NagatoError, UnreadableFileError, storage_error
from nagato_desk.settings import Settings, load_settings

log = logging.getLogger(__name__)


def _say(lang: str, ja: str, en: str, *, err: bool = False) -> None:
    print(en if lang == "en" else ja, file=sys.stderr if err else sys.stdout)


def build_parser() -> argparse.ArgumentParser:
    from nagato_desk.importers import KINDS
    from nagato_desk.reports.exports import REPORTS

    parser = argparse.ArgumentParser(
        prog="nagato-desk",
        description="Nagato Desk — 地域づくり協議会の事務局のための名簿・夢プラン・会議・会計。"
        "動詞なしで起動するとウィンドウが開きます。",
    )
    parser.add_argument("--db", type=Path, help="データファイル（既定：ユーザーのデータフォルダ）")
    parser.add_argument("--lang", choices=["ja", "en"], help="表示言語")
    parser.add_argument("--version", action="store_true", help="バージョンを表示")
    parser.add_argument(
        "--smoke", action="store_true", help="ウィンドウを開いてホームの準備にかかった秒数を表示し終了"
    )
    sub = parser.add_subparsers(dest="command", metavar="VERB")

    def verb(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="データファイル")
        return p

    p = verb("init", "空の協議会データを作る（初回起動の登録と同じ）")
    p.add_argument("--council", required=True, help="協議会の名称")
    p.add_argument("--representative", default="", help="代表者")
    p = verb("demo", "デモ協議会（架空の人物）を書き込む")
    p.add_argument("--force", action="store_true", help="既にデータがあっても上書きする（先にバックアップ）")
    verb("check", "データの点検（問題があれば終了コード1）")
    p = verb("backup", "使用中でも一貫したコピーを作る")
    p.add_argument("--out", type=Path, required=True, help="バックアップの保存先ファイル")
    p = verb("restore", "バックアップから戻す（現在のファイルは先にバックアップ）")
    p.add_argument("backup", type=Path, help="バックアップファイル")
    p = verb("handover", "引継ぎファイル（データ・添付ファイル・チェックリスト）を作る")
    p.add_argument("--out", type=Path, required=True, help="引継ぎファイル（.nagato-handover.zip）")
    p.add_argument("--checklist", type=Path, help="チェックリストの PDF も別に書き出す（印刷用）")
    p = verb("takeover", "引継ぎファイルを開いてデータを入れる（--db の場所へ）")
    p.add_argument("file", type=Path, help="引継ぎファイル（.nagato-handover.zip）")
    p.add_argument(
        "--force", action="store_true", help="既に協議会のデータがあっても置き換える（先にバックアップ）"
    )
    kinds = ", ".join(f"{k} ({v.ja})" for k, v in KINDS.items())
    p = verb("import", f"Excel/CSV から取り込む（全行か、何もしないか）。KIND: {kinds}")
    p.add_argument("kind", choices=sorted(KINDS), metavar="KIND")
    p.add_argument("file", type=Path)
    p.add_argument("--year", help="年度（2026, R8, 令和8, 令和8年度）")
    p.add_argument("--dry-run", action="store_true", help="点検だけして書き込まない")
    reports = ", ".join(f"{k} ({v.ja})" for k, v in REPORTS.items())
    p = verb("export", f"帳票を PDF/xlsx に書き出す。REPORT: {reports}")
    p.add_argument("report", choices=sorted(REPORTS), metavar="REPORT")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--format", choices=["pdf", "xlsx", "csv"])
    p.add_argument("--year", help="年度（2026, R8, 令和8, 令和8年度）")
    p.add_argument("--meeting", help="会議の番号、または last")
    p.add_argument(
        "--columns",
        help="会員名簿の列（カンマ区切り）: name,reading,gender,age,birth_date,address,phone,email,household,"
        "joined_on,status,notes。既定は個人情報なし",
    )
    p.add_argument("--per-page", type=int, choices=[1, 2], default=1, help="名簿確認票を1ページに何枚")
    p.add_argument(
        "--purpose",
        help="会員名簿：この目的（例：市への名簿の提出）に同意した会員だけを載せる。除いた人数を表示",
    )
    p = verb("anonymise", "退会・転出・死亡した会員を匿名化する（先にバックアップ、元に戻せません）")
    p.add_argument("member_id", type=int, metavar="MEMBER_ID", help="会員の番号")
    p = verb("screenshots", "ウィンドウの各ページを PNG で保存（画面なしで動作）")
    p.add_argument("--out", type=Path, required=True)
    return parser


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    from nagato_desk.dates import parse_fiscal_year

    try:
        return parse_fiscal_year(text)
    except ValueError as exc:
        raise UnreadableFileError(
            str(exc), f"Cannot read the fiscal year '{text}' (use 2026, R8, 令和8年度)."
        ) from exc


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = load_settings()
    lang = args.lang or settings.language
    if args.version:
        print(f"nagato-desk {__version__}")
        return 0
    db_path: Path = (args.db or settings.database()).expanduser().absolute()
    try:
        if args.smoke or args.command is None:
            from nagato_desk.gui.app import run_gui

            return run_gui(
                db_path, settings, lang=args.lang, smoke=args.smoke, explicit_db=args.db is not None
            )
        handler = HANDLERS[args.command]
        if args.command != "screenshots":
            _warn_location(db_path, lang)
        return handler(args, db_path, settings, lang)
    except NagatoError as exc:
        print(exc.message(lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        _say(lang, "中断しました。", "Interrupted.", err=True)
        return 130
    except Exception as exc:
        mapped = storage_error(exc)  # disk full, file-size limit, SQLITE_FULL / SQLITE_IOERR
        if mapped is not None:
            log.warning("%s failed: %s", args.command, exc)
            print(mapped.message(lang), file=sys.stderr)
            return mapped.exit_code
        from nagato_desk.logs import setup_logging

        where = setup_logging()
        log.exception("unexpected error in %s", args.command or "window")
        _say(
            lang,
            "予期しないエラーが発生しました。保存済みのデータは失われていません。"
            + (f"\n詳しい内容はログファイルに記録しました：{where}" if where else ""),
            "An unexpected error occurred. Saved data has not been lost."
            + (f"\nDetails were written to the log file: {where}" if where else ""),
            err=True,
        )
        return 1


def _warn_location(db_path: Path, lang: str) -> None:
    """A data file in a sync folder or on a network share: said on stderr, the command still runs."""
    from nagato_desk.storage_location import check_location

    warning = check_location(db_path)
    if warning is not None:
        print(("注意：" if lang != "en" else "Warning: ") + warning.message(lang), file=sys.stderr)


def _init(args, db_path: Path, settings: Settings, lang: str) -> int:
    from nagato_desk.database import open_database
    from nagato_desk.errors import ValidationError
    from nagato_desk.services.council import CouncilDraft, create_council, validate_council

    draft = CouncilDraft(name=args.council, representative=args.representative)
    problems = validate_council(draft)
    if problems:  # before the file exists, so a refused init leaves nothing behind
        raise ValidationError(problems)
    with open_database(db_path, create=True) as db, db.session() as session:
        council = create_council(session, draft)
        name = council.name
    _say(lang, f"「{name}」のデータを作りました：{db_path}", f"Created '{name}' in {db_path}")
    return 0


def _demo(args, db_path: Path, settings: Settings, lang: str) -> int:
    from nagato_desk.database import open_database, reset_schema
    from nagato_desk.services import backup_rotation
    from nagato_desk.services.council import get_council
    from nagato_desk.services.demo import write_demo

    with open_database(db_path, create=True, backup_dir=settings.backups(db_path)) as db:
        with db.Session() as session:
            existing = get_council(session)
        if existing is not None:
            if not args.force:
                raise NagatoError(
                    f"「{db_path}」にはすでに「{existing.name}」のデータがあります。上書きするには --force を付けてください。",
                    f"'{db_path}' already holds '{existing.name}'. Add --force to overwrite it.",
                )
            saved = backup_rotation.backup_before(
                db.path,
                settings.backups(db_path),
                "before-demo",
                keep_daily=settings.keep_daily,
                keep_monthly=settings.keep_monthly,
            )
            _say(lang, f"上書きの前にバックアップしました：{saved.path}", f"Backed up first: {saved.path}")
        reset_schema(db, write_demo)
    _say(lang, f"デモ協議会を書き込みました：{db_path}", f"Wrote the demo council to {db_path}")
    return 0


def _check(args, db_path: Path, settings: Settings, lang: str) -> int:
    from nagato_desk.database import open_database
    from nagato_desk.services.check import run_checks

    with open_database(db_path, write=False, backup_dir=settings.backups(db_path)) as db:
        report = run_checks(db)
    print(report.text(lang))
    return 0 if report.ok else 1


def _backup(args, db_path: Path, settings: Settings, lang: str) -> int:
    from nagato_desk.database import inspect_file
    from nagato_desk.services.backups import backup_database

    if not db_path.exists():
        raise UnreadableFileError(
            f"データファイル「{db_path}」が見つかりません。", f"Data file '{db_path}' does not exist."
        )
    inspect_file(db_path)
    summary = backup_database(db_path, args.out)
    _say(
        lang,
        f"バックアップしました：{summary.path}\n{summary.describe('ja')}",
        f"Backed up to {summary.path}\n{summary.describe('en')}",
    )
    return 0


def _restore(args, db_path: Path, settings: Settings, lang: str) -> int:
    from nagato_desk.locking import DatabaseLock
    from nagato_desk.services.backups import restore_backup

    db_path.parent.mkdir(parents=True, exist_ok=True)
    with DatabaseLock(db_path):
        summary, saved = restore_backup(args.backup, db_path, settings.backups(db_path))
    if saved is not None:
        _say(lang, f"元のデータは次に保存しました：{saved}", f"The previous data was saved to {saved}")
    _say(lang, f"復元しました：{summary.describe('ja')}", f"Restored: {summary.describe('en')}")
    return 0


def _handover(args, db_path: Path, settings: Settings, lang: str) -> int:
    from nagato_desk.database import inspect_file
    from nagato_desk.services.handover import write_handover

    if not db_path.exists():
        raise UnreadableFileError(
            f"データファイル「{db_path}」が見つかりません。", f"Data file '{db_path}' does not exist."
        )
    inspect_file(db_path)
    result = write_handover(
        db_path,
        args.out,
        backup_dir=settings.backups(db_path),
        checklist_out=args.checklist,
        date_style=settings.date_style,
    )
    for w in result.warnings:
        print(w, file=sys.stderr)
    _say(
        lang,
        f"引継ぎファイルを作りました：{result.path}\n{result.manifest.describe('ja')}",
        f"Wrote the hand-over file {result.path}\n{result.manifest.describe('en')}",
    )
    if result.checklist is not None:
        _say(lang, f"チェックリスト：{result.checklist}", f"Checklist: {result.checklist}")
    return 0


def _takeover(args, db_path: Path, settings: Settings, lang: str) -> int:
    from nagato_desk.services.handover import take_over

    result = take_over(args.file, db_path, backup_dir=settings.backups(db_path), force=args.force)
    if result.previous is not None:
        _say(
            lang,
            f"元のデータは次に保存しました：{result.previous}",
            f"The previous data was saved to {result.previous}",
        )
    if result.previous_attachments is not None:
        _say(
            lang,
            f"元の添付ファイルは次に残しました：{result.previous_attachments}",
            f"The previous attachments were kept in {result.previous_attachments}",
        )
    if result.upgraded:
        _say(lang, "このバージョン用にデータを更新しました。", "The data was updated for this version.")
    _say(
        lang,
        f"引継ぎファイルを開きました：{db_path}\n{result.manifest.describe('ja')}",
        f"Took over the hand-over file into {db_path}\n{result.manifest.describe('en')}",
    )
    return 0


def _import(args, db_path: Path, settings: Settings, lang: str) -> int:
    from nagato_desk.database import open_database
    from nagato_desk.importers import KINDS
    from nagato_desk.services import backup_rotation

    kind = KINDS[args.kind]
    year = _year(args.year)
    if not args.file.is_file():
        raise UnreadableFileError(
            f"ファイル「{args.file}」が見つかりません。", f"File '{args.file}' not found."
        )
    if args.dry_run:
        return _dry_run_import(kind, args.file, year, db_path, lang)
    # Every import kind reads its file with read_rows: an unreadable or hostile file is refused here,
    # before the data file is locked or backed up (the import reads it again from a one-file cache).
    from nagato_desk.importers.tabular import read_rows

    read_rows(args.file)
    with open_database(db_path, backup_dir=settings.backups(db_path)) as db:
        # Before the transaction starts: when the backup fails, nothing is imported.
        saved = backup_rotation.backup_before(
            db.path,
            settings.backups(db_path),
            "before-import",
            keep_daily=settings.keep_daily,
            keep_monthly=settings.keep_monthly,
        )
        log.info("backed up before the import: %s", saved.path)
        with db.session() as session:
            result = kind.run(session, args.file, year)
    print(result.summary(lang))
    return 0


def _dry_run_import(kind, file: Path, year: int | None, db_path: Path, lang: str) -> int:
    """Check an import against a throw-away copy: the real file is only read (no lock, no upgrade)."""
    import tempfile

    from nagato_desk.database import inspect_file, open_database
    from nagato_desk.services.backups import backup_database

    if not db_path.exists():
        raise UnreadableFileError(
            f"データファイル「{db_path}」が見つかりません。", f"Data file '{db_path}' does not exist."
        )
    inspect_file(db_path)
    with tempfile.TemporaryDirectory(prefix="nagato-dry-run-") as tmp:
        copy = Path(tmp) / db_path.name
        backup_database(db_path, copy)
        with open_database(copy, backup_dir=Path(tmp) / "backups") as db, db.session() as session:
            result = kind.run(session, file, year)
    _say(lang, "点検のみ（書き込んでいません）：", "Dry run (nothing written):")
    print(result.summary(lang))
    return 0


def _export(args, db_path: Path, settings: Settings, lang: str) -> int:
    from nagato_desk.database import open_database
    from nagato_desk.reports.exports import REPORTS, ExportRequest

    kind = REPORTS[args.report]
    fmt = args.format or (args.out.suffix.lower().lstrip(".") if args.out.suffix else "pdf")
    if fmt not in kind.formats:
        raise UnreadableFileError(
            f"「{args.report}」は {'/'.join(kind.formats)} で書き出せます（{fmt} はできません）。",
            f"'{args.report}' can be written as {'/'.join(kind.formats)}, not {fmt}.",
        )
    from nagato_desk.services.export_log import PURPOSE_REPORTS

    if args.purpose and args.report not in PURPOSE_REPORTS:
        raise UnreadableFileError(
            f"--purpose は {', '.join(PURPOSE_REPORTS)} にだけ指定できます。",
            f"--purpose applies to {', '.join(PURPOSE_REPORTS)} only.",
        )
    request = ExportRequest(
        out=args.out.expanduser().absolute(),
        format=fmt,
        fiscal_year=_year(args.year),
        meeting=args.meeting,
        date_style=settings.date_style,
        columns=tuple(c.strip() for c in args.columns.split(",") if c.strip()) if args.columns else None,
        per_page=args.per_page,
        purpose=args.purpose,
    )
    with (
        open_database(db_path, write=False, backup_dir=settings.backups(db_path)) as db,
        db.Session() as session,
    ):
        warnings = kind.run(session, request)
    for w in warnings:
        print(w, file=sys.stderr)
    _say(lang, f"書き出しました：{request.out}", f"Written: {request.out}")
    from nagato_desk.services.export_log import needs_record

    if needs_record(args.report, request):
        _record_export(db_path, settings, args.report, request, lang)
    return 0


def _record_export(db_path: Path, settings: Settings, report: str, request, lang: str) -> None:  # type: ignore[no-untyped-def]
    """An export with personal data goes into the change history, as from the window.

    Exports need no lock (they run while the window is open); recording does: when another Nagato
    Desk holds the file, the export stands and stderr says it could not be recorded.
    """
    from nagato_desk.database import open_database
    from nagato_desk.errors import DatabaseInUseError
    from nagato_desk.services.export_log import record_export

    try:
        with open_database(db_path, backup_dir=settings.backups(db_path)) as db, db.session() as session:
            record_export(session, report, request)
    except DatabaseInUseError:
        _say(
            lang,
            "注意：このデータは別の Nagato Desk で開かれているため、書き出しを変更履歴に記録できませんでした。",
            "Note: the data is open in another Nagato Desk, so the export could not be recorded in the change history.",
            err=True,
        )


def _anonymise(args, db_path: Path, settings: Settings, lang: str) -> int:
    """Anonymise one member who left: a backup first (kept by the rotation), then the erasure."""
    from nagato_desk.database import open_database
    from nagato_desk.services import backup_rotation
    from nagato_desk.services.anonymise_views import check_can_anonymise
    from nagato_desk.services.member_anonymise import anonymise_member

    with open_database(db_path, backup_dir=settings.backups(db_path)) as db:
        with db.Session() as session:
            check_can_anonymise(session, args.member_id)  # refused before any backup is made
        saved = backup_rotation.backup_before(
            db.path,
            settings.backups(db_path),
            "before-anonymise",
            keep_daily=settings.keep_daily,
            keep_monthly=settings.keep_monthly,
        )
        _say(lang, f"匿名化の前にバックアップしました：{saved.path}", f"Backed up first: {saved.path}")
        result = anonymise_member(db, args.member_id)
    _say(
        lang,
        f"会員（番号 {result.member_id}）を匿名化しました：「{result.label}」"
        f"（変更履歴 {result.history_rows}件の値を消去）\n{result.note_ja}",
        f"Anonymised member {result.member_id} as '{result.label}' "
        f"(values removed from {result.history_rows} change-history rows).\n"
        "Backups made before still hold the old data until the rotation deletes them.",
    )
    return 0


def _screenshots(args, db_path: Path, settings: Settings, lang: str) -> int:
    from nagato_desk.gui.screenshots import take_screenshots

    files = take_screenshots(db_path, args.out, settings, lang=args.lang or "ja")
    for f in files:
        print(f)
    return 0


HANDLERS = {
    "init": _init,
    "demo": _demo,
    "check": _check,
    "backup": _backup,
    "restore": _restore,
    "handover": _handover,
    "takeover": _takeover,
    "import": _import,
    "export": _export,
    "anonymise": _anonymise,
    "screenshots": _screenshots,
}
