"""`papi-desktop postings …`: the year's disclosure check, budget and poverty-list imports, notices."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from ..domain.errors import KnownError
from .common import say


def add_parser(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    post = sub.add_parser("postings", help="công khai, niêm yết (public disclosure)")
    psub = post.add_subparsers(dest="postings_command", required=True)
    check = psub.add_parser("check", help="các nội dung phải công khai trong năm và tình trạng (required disclosures)")
    check.add_argument("--year", type=int, required=True)
    check.add_argument("--json", action="store_true")
    for name, what in (("import-budget", "bảng ngân sách (a budget table)"),
                       ("import-poverty", "danh sách hộ nghèo, cận nghèo (a poverty list)")):
        imp = psub.add_parser(name, help=f"nhập {what} từ .xlsx")
        imp.add_argument("file", type=Path)
        imp.add_argument("--year", type=int, help="năm nếu tiêu đề không ghi (the year, if the title lacks it)")
        imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi (preview only)")
        imp.add_argument("--json", action="store_true")
        if name == "import-budget":
            imp.add_argument("--stage", help="giai đoạn nếu số biểu không cho biết (estimate_submitted, "
                                             "estimate_approved, execution_q1, execution_h1, execution_9m, "
                                             "execution_year, final_accounts)")
    notice = psub.add_parser("notice", help="thông báo niêm yết dạng PDF (the notice to post, as a PDF)")
    notice.add_argument("posting_id")
    notice.add_argument("--out", type=Path, required=True)
    notice.add_argument("--paper", choices=["A4", "A3"], default="A4")


def _summary_lines(summary: dict, lang: str) -> list[str]:
    en = lang == "en"
    lines = [f"{k}: {v}" for k, v in summary.items() if k not in ("errors", "warnings")]
    for e in summary.get("errors", []):
        lines.append(f"  {'Row' if en else 'Dòng'} {e['row']}: {e['reason']}")
    for w in summary.get("warnings", []):
        lines.append(f"  {'Check row' if en else 'Xem lại dòng'} {w['row']}: {w['reason']}")
    return lines


def run(args: argparse.Namespace, lang: str, open_db) -> int:  # noqa: ANN001
    from ..services import reference

    command = args.postings_command
    if command == "check":
        years = reference.working_calendar().years
        if args.year not in years:
            raise KnownError(f"Năm {args.year} ngoài phạm vi lịch ngày làm việc ({min(years)}–{max(years)}).",
                             f"Year {args.year} is outside the working-day calendar ({min(years)}–{max(years)}).")
    db = open_db(args)
    try:
        if command == "check":
            return _check(db, args, lang)
        if command == "notice":
            from ..services import notices

            written = notices.write_notice(db, args.posting_id, args.out, paper=args.paper, today=date.today())
            say(str(written))
            return 0
        if command == "import-budget":
            from ..services import budget as module

            preview = module.preview_import(db, args.file, stage=args.stage, year=args.year)
            failed = bool(preview.errors)
        else:
            from ..services import poverty as module  # type: ignore[no-redef]

            preview = module.preview_import(db, args.file, year=args.year)
            failed = bool(preview.parsed.errors)
        summary = preview.summary(lang)
        summary["dry_run"] = bool(args.dry_run)
        summary["written"] = bool(not args.dry_run and not failed and module.apply_import(db, preview))
    finally:
        db.dispose()
    say(json.dumps(summary, ensure_ascii=False, indent=2) if args.json else "\n".join(_summary_lines(summary, lang)))
    if not (args.json or args.dry_run or failed or summary["written"]):
        say("Nothing new: this file is already recorded." if lang == "en" else
               "Không có gì mới: tệp này đã được ghi trước đây.")
    if failed and not args.dry_run:
        raise KnownError("Tệp còn lỗi; chưa ghi dữ liệu nào. Sửa tệp rồi nhập lại.",
                         "The file has errors; nothing was written. Fix it and import again.")
    return 0


def _check(db, args: argparse.Namespace, lang: str) -> int:  # noqa: ANN001
    from ..services import compliance

    required = compliance.check_year(db, args.year, date.today())
    if args.json:
        say(json.dumps([r.as_json(lang) for r in required], ensure_ascii=False, indent=2))
        return 0
    for r in required:
        name = r.name_en if lang == "en" else r.name_vi
        due = r.deadline.strftime("%d/%m/%Y") if r.deadline else ""
        say(f"{r.item}\t{r.subject_period}\t{compliance.status_label(r.status, lang)}\t{due}\t{name}\t"
               f"{r.reason(lang)}")
    return 0
