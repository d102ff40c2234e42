"""The command line: the same operations as the GUI, for scripting. No Qt imported here."""

from __future__ import annotations

import argparse
import json
import os
import select
import sys
from datetime import date
from pathlib import Path

from .. import __version__, paths
from ..domain.errors import KnownError
from ..domain.status import STATUS_LABELS
from .common import say


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="papi-desktop",
        description="PAPI Desktop — kế hoạch PAPI và hồ sơ trách nhiệm giải trình của xã, phường (Sơn La).",
    )
    parser.add_argument("--version", action="version", version=f"PAPI Desktop {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="thư mục dữ liệu (data folder)")
    parser.add_argument("--db", metavar="URL", default=os.environ.get("PAPI_DB_URL") or None,
                        help="cơ sở dữ liệu PostgreSQL của máy chủ tỉnh, postgresql://… (mặc định: tệp SQLite trong "
                             "thư mục dữ liệu) (the province hub's PostgreSQL database)")
    parser.add_argument("--lang", choices=["vi", "en"], default=None, help="ngôn ngữ thông báo (message language)")
    parser.add_argument("--demo", action="store_true",
                        help="mở xã mẫu trong thư mục dữ liệu riêng (open the demo commune in its own data folder)")
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    from . import accounts as cli_accounts
    from . import personal as cli_personal

    cli_accounts.add_global(parser)
    sub = parser.add_subparsers(dest="command")

    setup = sub.add_parser("setup", help="thiết lập xã, phường dùng chương trình (set up the commune)")
    setup.add_argument("--unit-code", help="mã đơn vị hành chính, ví dụ 03985 (administrative unit code)")
    setup.add_argument("--chairman", default="", help="họ tên Chủ tịch UBND (chairman's name)")
    setup.add_argument("--chairman-title", default="Chủ tịch")
    setup.add_argument("--demo", action="store_true", help="tạo xã mẫu để dùng thử (create the demo commune)")
    setup.add_argument("--join", action="store_true",
                       help="máy thêm của một xã đã dùng chương trình (a further PC of a commune; its data comes "
                            "from the other PC)")
    setup.add_argument("--list-units", action="store_true", help="liệt kê 75 xã, phường (list the 75 units)")

    deadline = sub.add_parser("deadline", help="tính hạn theo ngày làm việc (due date in working days)")
    deadline.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD",
                          help="ngày tiếp nhận, không tính (day of receipt, not counted)")
    deadline.add_argument("--working-days", type=int, required=True, metavar="N")

    rec = sub.add_parser("reception", help="sổ tiếp công dân (citizen reception book)")
    rec_sub = rec.add_subparsers(dest="reception_command", required=True)
    rimp = rec_sub.add_parser("import", help="nhập sổ tiếp công dân từ .xlsx (import a reception book)")
    rimp.add_argument("file", type=Path)
    rimp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi (preview only)")
    rimp.add_argument("--json", action="store_true")
    stats = rec_sub.add_parser("stats", help="số liệu tiếp công dân (reception statistics)")
    stats.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                       help="mặc định: đầu kỳ báo cáo hiện tại (default: the current reporting window)")
    stats.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    stats.add_argument("--json", action="store_true")

    pet = sub.add_parser("petitions", help="đơn thư (petitions)")
    pet_sub = pet.add_subparsers(dest="petitions_command", required=True)
    due = pet_sub.add_parser("due", help="đơn chưa xong và hạn tiếp theo (open petitions, next due date)")
    due.add_argument("--json", action="store_true")

    from . import audit as cli_audit
    from . import backup as cli_backup
    from . import postings as cli_postings
    from . import reference as cli_reference
    from . import reports as cli_reports
    from . import sync as cli_sync

    cli_accounts.add_parsers(sub)
    cli_audit.add_parsers(sub)
    cli_personal.add_parsers(sub)
    cli_backup.add_parsers(sub)
    cli_postings.add_parser(sub)
    cli_reference.add_parsers(sub)
    cli_reports.add_parsers(sub)
    cli_sync.add_parsers(sub)

    plan = sub.add_parser("plan", help="kế hoạch PAPI (the PAPI plan)")
    plan_sub = plan.add_subparsers(dest="plan_command", required=True)
    imp = plan_sub.add_parser("import", help="nhập phụ lục kế hoạch từ .xlsx (import the plan appendix)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi (preview only)")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--year", type=int, help="năm kế hoạch nếu tiêu đề không ghi (plan year)")
    lst = plan_sub.add_parser("list", help="liệt kê nhiệm vụ (list tasks)")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--year", type=int)
    return parser


def _open(args: argparse.Namespace, need_profile: bool = True):  # noqa: ANN202
    from ..services import attachments, backup, backup_journal, export_staging, setup

    en = (getattr(args, "lang", None) or "vi") == "en"
    for vi, en_text in backup.recover():  # a restore a kill interrupted is finished before the database opens
        sys.stderr.write((en_text if en else vi) + "\n")
    db = setup.open_database(getattr(args, "db", None))
    from . import accounts as cli_accounts  # noqa: PLC0415

    try:
        cli_accounts.login(db, args)  # a database with accounts is locked until then
    except KnownError as exc:
        db.dispose()
        raise cli_accounts.LoginRefused(exc.vi, exc.en) from None
    recovered = export_staging.recover_unfinished(db)  # what a killed export left: finished or removed
    backup_journal.settle(db)  # backups a kill (or a busy database) left out of the audit trail
    attachments.sweep_orphans(db)  # files a killed import or save stored and never committed
    from ..services import personal_data  # noqa: PLC0415

    if redone := personal_data.reapply(db):  # erasures a restore from an older backup undid
        sys.stderr.write(f"Erased again the personal data of {redone} records a restore brought back.\n" if en else
                         f"Đã xóa lại dữ liệu cá nhân của {redone} bản ghi mà lần khôi phục đã đưa trở lại.\n")
    if recovered:
        sys.stderr.write(f"Finished or cleaned up {len(recovered)} items left by an interrupted report export.\n"
                         if en else f"Đã hoàn tất hoặc dọn {len(recovered)} việc dở dang của lần xuất báo cáo bị "
                         "gián đoạn.\n")
    if need_profile and setup.get_profile(db) is None:
        db.dispose()
        raise KnownError(
            "Chưa thiết lập xã, phường. Chạy: papi-desktop setup --unit-code MÃ_ĐƠN_VỊ (xem --list-units).",
            "No commune is set up yet. Run: papi-desktop setup --unit-code CODE (see --list-units).",
        )
    # No daily backup as a side effect of backing up, serving, or writing and reading enrolment files.
    if getattr(args, "command", None) not in ("accounts", "audit", "backup", "serve", "enrol"):
        try:  # the day's backup (once a backup key exists) never stops the command asked for
            made = backup.automatic(db, "daily")
        except (KnownError, OSError) as exc:
            why = exc.message("en" if en else "vi") if isinstance(exc, KnownError) else str(exc)
            sys.stderr.write(f"The daily backup failed: {why}\n" if en else f"Chưa sao lưu hằng ngày được: {why}\n")
        else:
            if made is not None:
                sys.stderr.write(f"Daily backup made: {made.entry.path}\n" if en else
                                 f"Đã sao lưu hằng ngày: {made.entry.path}\n")
    return db


def cmd_setup(args: argparse.Namespace, lang: str) -> int:
    from ..services import reference, setup

    if args.list_units:
        for unit in reference.units():
            say(f"{unit.code}\t{unit.full_name}")
        return 0
    db = _open(args, need_profile=False)
    try:
        if args.demo:
            profile = setup.create_demo(db)
        elif args.unit_code and args.join:
            profile = setup.join_commune(db, args.unit_code)
        elif args.unit_code:
            profile = setup.setup_commune(db, args.unit_code, chairman_name=args.chairman,
                                          chairman_title=args.chairman_title)
        else:
            raise KnownError("Cần --unit-code MÃ hoặc --demo.", "Give --unit-code CODE or --demo.")
    finally:
        db.dispose()
    say(f"{profile.unit_code}\t{profile.unit_name}\t{profile.chairman_name}")
    return 0


def _import_text(summary: dict, dry_run: bool, lang: str) -> str:
    en = lang == "en"
    lines = [
        (f"File: {summary['file']}" if en else f"Tệp: {summary['file']}"),
        (f"Plan year: {summary['year']}" if en else f"Năm kế hoạch: {summary['year']}"),
        (f"Tasks: {summary['tasks']}" if en else f"Số nhiệm vụ: {summary['tasks']}"),
    ]
    for dim, count in summary["tasks_per_dimension"].items():
        lines.append(f"  {'Dimension' if en else 'Chỉ số'} {dim}: {count}")
    lines.append(("Milestones with a date: {0}, without: {1}" if en else
                  "Mốc có ngày: {0}, không có ngày: {1}").format(summary["milestones_with_date"],
                                                                 summary["milestones_without_date"]))
    lines.append(("New: {0}, changed: {1}, unchanged: {2}" if en else "Thêm mới: {0}, thay đổi: {1}, "
                  "giữ nguyên: {2}").format(summary["added"], summary["updated"], summary["unchanged"]))
    for p in summary["rows_not_understood"]:
        lines.append(f"  {'Row' if en else 'Dòng'} {p['row']}: {p['reason']} — {p['text']}")
    if not summary["changes_anything"]:
        lines.append("The plan in this file is the same as the one already recorded: nothing changed." if en else
                     "Kế hoạch trong tệp giống hệt kế hoạch đã có: không có gì thay đổi.")
    elif dry_run:
        lines.append("Preview only: nothing was written." if en else "Chỉ xem trước: chưa ghi dữ liệu.")
    else:
        lines.append("Imported." if en else "Đã nhập xong.")
    return "\n".join(lines)


def cmd_plan(args: argparse.Namespace, lang: str) -> int:
    from ..services import plan as plan_service
    from ..services import plan_import

    db = _open(args)
    try:
        if args.plan_command == "import":
            preview = plan_import.preview_import(db, args.file, year=args.year)
            result = preview if args.dry_run else plan_import.apply_import(db, preview)
            summary = result.summary(lang)
            summary["dry_run"] = bool(args.dry_run)
            say(json.dumps(summary, ensure_ascii=False, indent=2) if args.json
                   else _import_text(summary, args.dry_run, lang))
            return 0
        info = plan_service.current_plan(db, args.year)
        if info is None and args.json:
            say("[]")  # a script reads "no tasks", not an error
            return 0
        if info is None:
            raise KnownError("Chưa có kế hoạch nào. Hãy nhập kế hoạch: papi-desktop plan import TỆP.xlsx",
                             "No plan yet. Import one: papi-desktop plan import FILE.xlsx")
        tasks = plan_service.tasks_as_json(db, info.id, date.today())
        if args.json:
            say(json.dumps(tasks, ensure_ascii=False, indent=2))
        else:
            idx = 1 if lang == "en" else 0
            for t in tasks:
                say(f"{t['dimension']}.{t['number']}\t{STATUS_LABELS[t['status']][idx]}\t{t['task'][:70]}")
        return 0
    finally:
        db.dispose()


def _iso(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise KnownError(f"Ngày “{text}” không đúng dạng YYYY-MM-DD.",
                         f"Date “{text}” is not in the YYYY-MM-DD form.") from None


def cmd_deadline(args: argparse.Namespace, lang: str) -> int:
    from ..services import reference

    say(reference.working_calendar().add_working_days(_iso(args.start), args.working_days).isoformat())
    return 0


def cmd_reception_import(args: argparse.Namespace, lang: str) -> int:
    from ..services import reception_import

    db = _open(args)
    try:
        preview = reception_import.preview_import(db, args.file)
        written = 0 if args.dry_run or preview.parsed.errors else reception_import.apply_import(db, preview)
        summary = preview.summary(lang)  # after the write: rows another import wrote meanwhile are "in the book"
        summary["dry_run"] = bool(args.dry_run)
        summary["written"] = written
    finally:
        db.dispose()
    en = lang == "en"
    if args.json:
        say(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        say(f"Rows: {summary['rows']}, new: {summary['new']}, already in the book: {summary['already_in_book']}"
            if en else f"Số dòng: {summary['rows']}, mới: {summary['new']}, đã có trong sổ: "
            f"{summary['already_in_book']}")
        for e in summary["errors"]:
            say(f"  {'Row' if en else 'Dòng'} {e['row']}: {e['reason']}")
        if not args.dry_run and not preview.parsed.errors and not written:
            say(f"Nothing new: all {summary['rows']} rows are already in the book." if en else
                   f"Không có gì mới: cả {summary['rows']} dòng đã có trong sổ.")
    if preview.parsed.errors and not args.dry_run:
        raise KnownError(f"Có {len(preview.parsed.errors)} dòng lỗi; chưa ghi dữ liệu nào. Sửa tệp rồi nhập lại.",
                         f"{len(preview.parsed.errors)} rows have errors; nothing was written. Fix and retry.")
    return 0


def cmd_reception(args: argparse.Namespace, lang: str) -> int:
    from ..services import progress, reception

    if args.reception_command == "import":
        return cmd_reception_import(args, lang)
    if args.start and args.end:
        start, end = _iso(args.start), _iso(args.end)
    elif args.start or args.end:
        raise KnownError("Cần cả --from và --to, hoặc bỏ cả hai để dùng kỳ báo cáo hiện tại.",
                         "Give both --from and --to, or neither for the current reporting window.")
    else:
        period = progress.period_for_day(date.today())
        assert period is not None
        start, end = period.start, period.end
    if start > end:
        raise KnownError("Ngày bắt đầu sau ngày kết thúc.", "The start date is after the end date.")
    db = _open(args)
    try:
        stats = reception.statistics(db, start, end)
    finally:
        db.dispose()
    from ..services import reception_words

    say(json.dumps(stats.as_json(), ensure_ascii=False, indent=2) if args.json
           else reception_words.statistics_text(stats, lang))
    return 0


def cmd_petitions(args: argparse.Namespace, lang: str) -> int:
    from ..services import petitions

    db = _open(args)
    try:
        items = petitions.due_items(db, date.today())
    finally:
        db.dispose()
    if args.json:
        say(json.dumps([i.as_json() for i in items], ensure_ascii=False, indent=2))
    else:
        for i in items:
            late = ("OVERDUE" if lang == "en" else "QUÁ HẠN") if i.overdue else ""
            name = i.step_name_en if lang == "en" else i.step_name_vi
            say(f"{i.register_no}\t{i.due:%d/%m/%Y}\t{late}\t{name}")
    return 0


def run(argv: list[str] | None = None) -> int:
    """Parse and run a command. Returns the exit status; bare invocation returns -1 (open the GUI)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    elif args.demo:
        paths.set_data_dir(paths.data_dir() / "demo")  # never mixed with a real commune's data
    lang = args.lang or "vi"
    if args.command is None:
        return -1
    try:
        code = _dispatch(args, lang)
        if sys.stdout is not None:
            sys.stdout.flush()  # a closed pipe shows here, not at exit as "Exception ignored"
        return code
    except BrokenPipeError:
        if not _stdout_is_gone():
            raise
        return 1
    except KnownError as exc:
        sys.stderr.write(("Error: " if lang == "en" else "Lỗi: ") + exc.message(lang) + "\n")
        return 2
    except Exception as exc:  # noqa: BLE001 - a locked, full, read-only or damaged database; else a logged bug
        from ..services import failures

        return failures.write_to_stderr(exc, lang)


def _stdout_is_gone() -> bool:
    """True when the reader of our output went away (`papi-desktop setup --list-units | head`); then
    stdout points at devnull so the exit flush stays quiet (Python docs, "Note on SIGPIPE"). A broken
    pipe of something else (a child process) is not this: it stays an error."""
    if sys.stdout is None:
        return False
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        return False
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        if not any(ev & (select.POLLERR | select.POLLHUP) for _fd, ev in poller.poll(0)):
            return False  # our reader is still there
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    return True


def _dispatch(args: argparse.Namespace, lang: str) -> int:
    if args.command == "setup":
        return cmd_setup(args, lang)
    if args.command == "deadline":
        return cmd_deadline(args, lang)
    if args.command == "reception":
        return cmd_reception(args, lang)
    if args.command == "petitions":
        return cmd_petitions(args, lang)
    if args.command == "accounts":
        from . import accounts as cli_accounts

        return cli_accounts.run(args, lang, _open)
    if args.command == "audit":
        from . import audit as cli_audit

        return cli_audit.run(args, lang, _open)
    if args.command == "personal":
        from . import personal as cli_personal

        return cli_personal.run(args, lang, _open)
    if args.command == "backup":
        from . import backup as cli_backup

        return cli_backup.run(args, lang, _open)
    if args.command == "postings":
        from . import postings as cli_postings

        return cli_postings.run(args, lang, _open)
    if args.command == "reference":
        from . import reference as cli_reference

        return cli_reference.run(args, lang, _open)
    if args.command in ("report", "verify", "keys"):
        from . import reports as cli_reports

        return cli_reports.run(args, lang, _open)
    if args.command in ("province", "enrol", "sync", "serve"):
        from . import sync as cli_sync

        return cli_sync.run(args, lang, _open)
    return cmd_plan(args, lang)
