"""`papi-desktop report export …`, `papi-desktop verify FILE`, `papi-desktop keys …`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from .domain.errors import KnownError


def add_parsers(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    from .domain.report_kinds import KINDS

    rep = sub.add_parser("report", help="báo cáo, văn bản (official reports)")
    rsub = rep.add_subparsers(dest="report_command", required=True)
    exp = rsub.add_parser("export", help="xuất báo cáo PDF và Excel, có thể ký số (export, optionally signed)")
    exp.add_argument("--kind", required=True, choices=list(KINDS))
    exp.add_argument("--period", help="2026-H1, 2026-Y, 2026-Q1…Q4 hoặc 2026")
    exp.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    exp.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    exp.add_argument("--out", type=Path, required=True, help="thư mục ghi tệp (output folder)")
    exp.add_argument("--number", type=int, help="số văn bản (mặc định: số tiếp theo trong sổ văn bản đi)")
    exp.add_argument("--issued", metavar="YYYY-MM-DD", help="ngày ban hành (mặc định: hôm nay)")
    exp.add_argument("--dialogue", help="mã hội nghị đối thoại (biên bản); mặc định: mọi hội nghị trong kỳ")
    exp.add_argument("--sign", action="store_true", help="ký số PDF (PAdES) và Excel (.p7s)")
    exp.add_argument("--key", type=Path, help="tệp .p12 (mặc định: khóa của xã trong thư mục dữ liệu)")
    exp.add_argument("--passphrase-env", metavar="VAR", help="biến môi trường chứa mật khẩu của khóa")
    exp.add_argument("--seal", type=Path, help="ảnh con dấu PNG nền trong suốt, hiện dưới thông tin chữ ký")
    exp.add_argument("--json", action="store_true")
    reg = rsub.add_parser("register", help="sổ văn bản đi (outgoing register)")
    reg.add_argument("--year", type=int)
    reg.add_argument("--json", action="store_true")

    ver = sub.add_parser("verify", help="kiểm tra chữ ký số của tệp PDF hoặc Excel (verify a signed file)")
    ver.add_argument("file", type=Path)
    ver.add_argument("--trust", type=Path, action="append", default=[], help="thêm chứng thư tin cậy (PEM/DER)")
    ver.add_argument("--json", action="store_true")

    key = sub.add_parser("keys", help="khóa và chứng thư ký số của xã (the commune's signing key)")
    ksub = key.add_subparsers(dest="keys_command", required=True)
    create = ksub.add_parser("create", help="tạo chứng thư tự ký của xã (create a self-signed certificate)")
    create.add_argument("--passphrase-env", metavar="VAR", required=True)
    create.add_argument("--replace", action="store_true")
    imp = ksub.add_parser("import", help="dùng tệp .p12 của tổ chức cung cấp chữ ký số (use a CA's PKCS#12)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--passphrase-env", metavar="VAR", required=True)
    trust = ksub.add_parser("trust", help="thêm chứng thư vào danh sách tin cậy (trust a certificate)")
    trust.add_argument("file", type=Path)
    ksub.add_parser("show", help="chứng thư hiện dùng (the current certificate)")


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")


def _passphrase(var: str | None) -> str:
    if not var:
        raise KnownError("Cần --passphrase-env TÊN_BIẾN: mật khẩu của khóa không được ghi trên dòng lệnh.",
                         "Give --passphrase-env VAR: the key's passphrase is never typed on the command line.")
    value = os.environ.get(var)
    if value is None:
        raise KnownError(f"Biến môi trường {var} chưa có giá trị.", f"Environment variable {var} is not set.")
    return value


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise KnownError(f"Ngày “{text}” không đúng dạng YYYY-MM-DD.", f"Date “{text}” is not YYYY-MM-DD.") from None


def run(args: argparse.Namespace, lang: str, open_db) -> int:  # noqa: ANN001
    if args.command == "verify":
        return _verify(args, lang)
    db = open_db(args)
    try:
        if args.command == "keys":
            return _keys(db, args, lang)
        if args.report_command == "register":
            from .services import reports

            items = reports.register(db, args.year)
            if args.json:
                _print(json.dumps([{"number": i.number_ref, "issued_on": i.issued_on.isoformat(), "kind": i.kind,
                                    "status": i.status, "signed": i.signed, "files": i.files} for i in items],
                                  ensure_ascii=False, indent=2))
            else:
                for i in items:
                    _print(f"{i.number_ref}\t{i.issued_on:%d/%m/%Y}\t{i.status}\t{i.title}")
            return 0
        return _export(db, args, lang)
    finally:
        db.dispose()


def _export(db, args: argparse.Namespace, lang: str) -> int:  # noqa: ANN001
    from .services import reports

    today = date.today()
    period = reports.resolve_period(args.kind, args.period, _day(args.start), _day(args.end), today)
    issued = _day(args.issued) or today
    if args.seal and not args.seal.is_file():
        raise KnownError(f"Không tìm thấy ảnh con dấu {args.seal}.", f"Seal image {args.seal} not found.")
    sign = reports.SignOptions(_passphrase(args.passphrase_env), args.key, args.seal) if args.sign else None
    if args.kind == "dialogue-minutes":
        targets = [args.dialogue] if args.dialogue else reports.dialogues_in(db, period)
        if not targets:
            raise KnownError("Không có hội nghị đối thoại nào trong kỳ.", "No dialogue in the period.")
    else:
        targets = [None]
    results = []
    for i, dialogue in enumerate(targets):
        request = reports.ExportRequest(args.kind, period, issued, args.number if i == 0 else None,
                                        dialogue_id=dialogue)
        results.append(reports.export(db, request, args.out, sign, today))
    if args.json:
        out = [r.as_json() for r in results]
        _print(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=2))
    else:
        for r in results:
            for f in r.files:
                _print(str(f))
    return 0


def _verify(args: argparse.Namespace, lang: str) -> int:
    from .services import reports

    extra = [p.read_bytes() for p in args.trust]
    result = reports.verify(args.file, extra)
    if args.json:
        _print(json.dumps(result.as_json(lang), ensure_ascii=False, indent=2))
    else:
        en = lang == "en"
        verdict = ("VALID" if en else "HỢP LỆ") if result.ok else ("NOT VALID" if en else "KHÔNG HỢP LỆ")
        _print(f"{verdict}: {result.file}")
        who = ", ".join(f"{k}={v}" for k, v in result.signer.items())
        if who:
            _print(("Signer: " if en else "Người ký: ") + who)
        if result.signing_time:
            _print(("Signing time (signer's clock): " if en else "Thời gian ký (theo máy người ký): ")
                   + result.signing_time)
        for vi, en_text in result.problems:
            _print("- " + (en_text if en else vi))
    return 0 if result.ok else 1


def _keys(db, args: argparse.Namespace, lang: str) -> int:  # noqa: ANN001
    from .services import keys

    if args.keys_command == "create":
        info = keys.create_self_signed(db, _passphrase(args.passphrase_env), replace=args.replace)
    elif args.keys_command == "import":
        info = keys.import_p12(args.file, _passphrase(args.passphrase_env))
    elif args.keys_command == "trust":
        _print(str(keys.trust(args.file.read_bytes())))
        return 0
    else:
        info = keys.certificate()
        if info is None:
            raise KnownError("Xã chưa có khóa ký số. Tạo bằng: papi-desktop keys create --passphrase-env BIẾN",
                             "No signing key yet. Create one: papi-desktop keys create --passphrase-env VAR")
    _print(json.dumps({"subject": info.subject, "issuer": info.issuer, "not_before": info.not_before,
                       "not_after": info.not_after, "sha256": info.sha256, "self_signed": info.self_signed,
                       "certificate": str(info.path)}, ensure_ascii=False, indent=2))
    return 0
