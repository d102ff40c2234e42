"""`papi-desktop reference …`: the report templates the province sent (listed, and one copied out)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .common import say


def add_parsers(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    ref = sub.add_parser("reference", help="dữ liệu tham chiếu tỉnh gửi (the province's reference data)")
    rsub = ref.add_subparsers(dest="reference_command", required=True)
    lst = rsub.add_parser("templates", help="các mẫu biểu tỉnh gửi (the province's report templates)")
    lst.add_argument("--json", action="store_true")
    one = rsub.add_parser("template", help="lưu bản sao một mẫu biểu (save a copy of one template)")
    one.add_argument("name", help="tên tệp, ví dụ bieu_mau.xlsx (the file name)")
    one.add_argument("--out", type=Path, required=True, help="tệp hoặc thư mục đích (the file or folder to write)")


def run(args: argparse.Namespace, lang: str, open_db) -> int:  # noqa: ANN001
    from ..services import province_templates

    en = lang == "en"
    db = open_db(args, need_profile=False)  # logged in, as for every command, though templates are public
    try:
        if args.reference_command == "template":
            say(str(province_templates.save_copy(args.name, args.out)))
            return 0
        found = province_templates.listed(db)
    finally:
        db.dispose()
    if args.json:
        say(json.dumps([t.as_json() for t in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        say("No templates from the province yet: they come with its updates." if en else
            "Chưa nhận mẫu biểu nào của tỉnh: mẫu biểu đến cùng bản cập nhật của tỉnh.")
    for t in found:
        version = (f"version {t.version}" if en else f"phiên bản {t.version}") if t.version else "—"
        say(f"{t.name}\t{t.size}\t{version}\t{province_templates.day(t.published) or '—'}")
    return 0
