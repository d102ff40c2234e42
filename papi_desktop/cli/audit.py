"""The command line for the audit trail: verify the chain (exit 1 where it breaks), list its entries.
No Qt imported here."""

from __future__ import annotations

import argparse
import json

from ..domain.errors import KnownError
from .common import say
from .reports import _day  # the same YYYY-MM-DD reading as report --from/--to


def add_parsers(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    au = sub.add_parser("audit", help="nhật ký thao tác: ai làm gì, khi nào (the audit trail)")
    asub = au.add_subparsers(dest="audit_command", required=True)
    verify = asub.add_parser("verify", help="kiểm tra tính toàn vẹn của nhật ký; mã thoát 1 nếu bị sửa, xóa hoặc chèn "
                                            "(check the chain; exit status 1 when it is broken)")
    verify.add_argument("--anchor", action="append", default=[], metavar="SỐ:MÃ_BĂM",
                        help="mục cuối đã ghi lại từ lần kiểm tra trước, phải vẫn còn nguyên (an entry noted by an "
                             "earlier verify, SEQ:HASH, that must still be there)")
    verify.add_argument("--json", action="store_true")
    lst = asub.add_parser("list", help="liệt kê các mục, mới nhất trước (list entries, newest first)")
    lst.add_argument("--who", default="", help="người thực hiện (the actor)")
    lst.add_argument("--kind", default="", help="loại: change, import, export, sign, backup, restore, key, login, "
                                                "genesis")
    lst.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    lst.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    lst.add_argument("--limit", type=int, default=100)
    lst.add_argument("--offset", type=int, default=0)
    lst.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, lang: str, open_db) -> int:  # noqa: ANN001
    from ..services import audit

    en = lang == "en"
    if args.audit_command == "list":
        if args.kind and args.kind not in audit.KINDS:
            raise KnownError(f"Loại “{args.kind}” không có. Chọn một trong: {', '.join(audit.KINDS)}.",
                             f"Unknown kind “{args.kind}”. Choose one of: {', '.join(audit.KINDS)}.")
        flt = audit.Filter(args.who, args.kind, _day(args.start), _day(args.end))
    anchors = [audit.parse_anchor(a) for a in getattr(args, "anchor", [])]
    db = open_db(args, need_profile=False)
    try:
        if args.audit_command == "verify":
            verdict = audit.verify(db, anchors)
            if args.json:
                say(json.dumps(verdict.as_json(lang), ensure_ascii=False, indent=2))
            else:
                say(verdict.message(lang))
                if verdict.ok:
                    say(("Anchor for a later check: " if en else "Mốc để kiểm tra lần sau: ")
                        + f"--anchor {verdict.head_seq}:{verdict.head_hash}")
            return 0 if verdict.ok else 1
        found = audit.list_entries(db, flt, args.limit, args.offset)
    finally:
        db.dispose()
    if args.json:
        say(json.dumps([e.as_json(lang) for e in found], ensure_ascii=False, indent=2))
    else:
        for e in found:
            say(f"{e.seq}\t{e.local_time()}\t{e.actor or '-'}\t{e.kind_label(lang)}\t{e.summary(lang)}")
    return 0
