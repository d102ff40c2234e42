"""The command line for citizens' personal data: find the records that name a person, erase one
record's personal data (services.personal_data). No Qt imported here."""

from __future__ import annotations

import argparse
import json

from .common import say


def add_parsers(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    from ..domain.erasure import REASONS, TABLES  # noqa: PLC0415 - light: the parser opens nothing

    pd = sub.add_parser("personal", help="dữ liệu cá nhân của công dân: tìm, xóa (citizens' personal data: "
                                         "find, erase)")
    psub = pd.add_subparsers(dest="personal_command", required=True)
    find = psub.add_parser("find", help="tìm các bản ghi có tên người này (records naming this person)")
    find.add_argument("name", help="tên hoặc một phần tên, không cần dấu (a name or part of it)")
    find.add_argument("--json", action="store_true")
    erase = psub.add_parser("erase", help="xóa dữ liệu cá nhân của một bản ghi (erase one record's personal data)")
    erase.add_argument("--table", required=True, choices=sorted(TABLES))
    erase.add_argument("--id", dest="record_id", required=True, help="mã bản ghi, từ `personal find` (its id)")
    erase.add_argument("--reason", required=True, choices=sorted(REASONS),
                       help="; ".join(f"{k}: {v[0]}" for k, v in REASONS.items()))
    erase.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, lang: str, open_db) -> int:  # noqa: ANN001
    from ..services import personal_data

    en = lang == "en"
    db = open_db(args, need_profile=False)
    try:
        if args.personal_command == "find":
            found = personal_data.find(db, args.name)
            if args.json:
                say(json.dumps([{"table": f.table, "id": f.record_id, "name": f.name, "id_number": f.id_masked,
                                 "day": f.day.isoformat() if f.day else None} for f in found], ensure_ascii=False,
                               indent=2))
            elif not found:
                say("No record names this person." if en else "Không có bản ghi nào có tên này.")
            else:
                for f in found:
                    day = f"{f.day:%d/%m/%Y}" if f.day else ""
                    say(f"{f.table}\t{f.record_id}\t{f.name}\t{f.id_masked}\t{day}\t{f.what(lang)}")
            return 0
        done = personal_data.erase(db, args.table, args.record_id, args.reason)
        if args.json:
            say(json.dumps({"table": done.table, "id": done.record_id, "columns": done.columns,
                            "keys_deleted": done.keys_deleted, "clear_rows": done.clear_rows}, ensure_ascii=False))
        else:
            say(done.message(lang))
        return 0
    finally:
        db.dispose()
