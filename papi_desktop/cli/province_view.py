"""The command line for the province's overview: `province overview`, `province trace`, `province report`.
Hooked into cli.sync's `province` sub-commands (add_parsers(psub); run(db, args, lang))."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from .common import env_passphrase, say

COMMANDS = ("overview", "trace", "report", "incoming")
# A commune's report for the period (consolidated_report.STATUS_VI says it in Vietnamese).
SUBMISSION_EN = {"on_time": "on time", "late": "late", "missing": "missing", "not_due": "not due yet"}
PASS_HELP = "biến môi trường chứa mật khẩu (the variable holding the passphrase)"
PERIOD_HELP = "kỳ báo cáo, ví dụ 2026-H1 hoặc 2026-Y (reporting period; default: the latest begun)"


def add_parsers(psub: argparse._SubParsersAction) -> None:
    ov = psub.add_parser("overview", help="tổng hợp các xã: gói đã nhận, báo cáo kỳ, tiến độ, sổ sách "
                         "(the communes at a glance)")
    ov.add_argument("--period", help=PERIOD_HELP)
    ov.add_argument("--json", action="store_true")
    tr = psub.add_parser("trace", help="các gói mang số liệu của một xã đến tỉnh (the bundles behind a figure)")
    tr.add_argument("unit_code")
    tr.add_argument("figure", choices=["tasks", "reception", "petitions", "dialogues", "disclosures", "report"])
    tr.add_argument("--period", help=PERIOD_HELP)
    tr.add_argument("--json", action="store_true")
    inc = psub.add_parser("incoming", help="sổ văn bản đến: báo cáo các xã gửi, với kết quả kiểm tra chữ ký "
                          "(the register of incoming documents, with the verdict)")
    inc.add_argument("--unit", default=None, help="chỉ một xã, phường (one unit's code)")
    inc.add_argument("--json", action="store_true")
    rep = psub.add_parser("report", help="báo cáo tổng hợp các xã, PDF và Excel có chữ ký của tỉnh "
                          "(the signed consolidated report)")
    rep.add_argument("--period", required=True, help=PERIOD_HELP)
    rep.add_argument("--out", type=Path, required=True)
    rep.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    rep.add_argument("--issued", metavar="YYYY-MM-DD", help="ngày ban hành (issue date; default today)")
    rep.add_argument("--number", default="", help="số, ký hiệu do văn thư cấp, ví dụ 12/BC-VP (document number)")
    rep.add_argument("--signer", default="", help="họ tên người ký (the signer's name)")
    rep.add_argument("--json", action="store_true")


def run(db, args: argparse.Namespace, lang: str) -> int:
    from ..services import consolidated_report, province_view, reports

    today = reports.today_vn()
    en = lang == "en"
    if args.province_command == "report":
        issued = date.fromisoformat(args.issued) if args.issued else today
        result = consolidated_report.export(db, args.period, args.out, env_passphrase(args.passphrase_env), issued,
                                            today, args.number, args.signer)
        if args.json:
            say(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        else:
            for path in result.files:
                say(str(path))
        return 0
    if args.province_command == "incoming":
        return _incoming(db, args, en)
    view = province_view.overview(db, args.period, today)
    if args.province_command == "trace":
        p = view.period
        found = province_view.sources(db, args.unit_code, args.figure, p.start, p.end, view.progress.plan_id)
        if args.json:
            say(json.dumps([dict(s.__dict__) for s in found], ensure_ascii=False, indent=2))
        for s in found if not args.json else []:
            where = s.bundle_id or ("made at the province" if en else "nhập tại tỉnh")
            say(f"{where}\t{s.device}\t{s.received_at}\t{s.changes}")
        return 0
    if args.json:
        say(json.dumps(view.as_json(), ensure_ascii=False, indent=2))
        return 0
    t = view.completeness.totals
    say((f"{view.period.code}: {t['expected']} communes, {t['received']} reports received ({t['on_time']} on time, "
            f"{t['late']} late), {t['missing']} missing, {t['not_due']} not due yet") if en else
           (f"{view.period.code}: {t['expected']} xã, phường; đã nhận {t['received']} báo cáo ({t['on_time']} đúng hạn, "
            f"{t['late']} chậm), {t['missing']} chưa gửi, {t['not_due']} chưa đến hạn"))
    from .sync import _STATUS as BUNDLE_STATUS  # noqa: PLC0415 - cli.sync imports this module

    for c in view.communes:
        sub = next(r for r in view.completeness.rows if r.unit_code == c.unit_code)
        prog = view.progress.by_commune.get(c.unit_code, {})
        bundle = BUNDLE_STATUS.get(c.last_status, (c.last_status, c.last_status))[en] if c.last_status else "-"
        report = SUBMISSION_EN.get(sub.status, sub.status) if en else \
            consolidated_report.STATUS_VI.get(sub.status, sub.status).lower()
        say(f"{c.unit_code}\t{c.unit_name}\t{c.last_received_at or '-'}\t{bundle}\t{report}\t"
               f"{prog.get('done', 0)}/{sum(prog.values())}\t{prog.get('overdue', 0)}")
    return 0


def _incoming(db, args: argparse.Namespace, en: bool) -> int:  # noqa: ANN001
    from ..services import incoming  # noqa: PLC0415

    rows = incoming.incoming(db, args.unit)
    if args.json:
        say(json.dumps([dict(r.__dict__) for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        say("No incoming document yet." if en else "Chưa có văn bản đến nào.")
    for r in rows:
        verdict = ("valid" if en else "hợp lệ") if r.valid else ("NOT VALID" if en else "KHÔNG HỢP LỆ")
        say(f"{r.received_at[:10]}\t{r.unit_code}\t{r.number_ref}\t{r.issued_on}\t{r.kind}\t{verdict}\t{r.title}")
        for problem in r.problems:
            say("  " + problem)
    return 0
