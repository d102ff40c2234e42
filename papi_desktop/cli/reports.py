"""`papi-desktop report export …`, `papi-desktop verify FILE`, `papi-desktop keys …`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from ..domain.errors import KnownError
from .common import TRUST_QUESTION, confirm, describe, env_passphrase, read_input, say

# The outgoing register's states (Vietnamese, English), as the reports page shows them.
REGISTER_STATES = {"issued": ("đã ban hành", "issued"), "cancelled": ("đã hủy số", "number cancelled"),
                   "reserved": ("đang xuất", "being exported")}


def add_parsers(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    from ..domain.report_kinds import KINDS

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
    exp.add_argument("--pkcs11-lib", type=Path, metavar="PATH",
                     help="module PKCS#11 của token (.so; .dll trên Windows); mặc định: đường dẫn trong Cài đặt")
    exp.add_argument("--token-label", metavar="LABEL", help="nhãn token của người ký: người ký ký trước bằng token")
    exp.add_argument("--token-cert", metavar="LABEL", help="nhãn chứng thư trên token (khi token có nhiều chứng thư)")
    exp.add_argument("--pin-env", metavar="VAR", help="biến môi trường chứa mã PIN của token (không bao giờ lưu)")
    exp.add_argument("--signature-image", type=Path, metavar="PNG",
                     help="ảnh chữ ký tay của người ký (màu xanh, PNG nền trong suốt)")
    exp.add_argument("--deputy", action="store_true",
                     help="Phó Chủ tịch ký thay (KT. CHỦ TỊCH) (the vice-chairman signs for the chairman)")
    exp.add_argument("--appendices-apart", action="store_true",
                     help="phụ lục thành tệp PDF riêng, cơ quan ký (appendices in a separate, signed PDF)")
    exp.add_argument("--json", action="store_true")
    reg = rsub.add_parser("register", help="sổ văn bản đi (outgoing register)")
    reg.add_argument("--year", type=int)
    reg.add_argument("--json", action="store_true")

    ver = sub.add_parser("verify", help="kiểm tra chữ ký số của tệp PDF hoặc Excel (verify a signed file)")
    ver.add_argument("file", type=Path)
    ver.add_argument("--trust", type=Path, action="append", default=[],
                     help="tin cậy thêm chứng thư này chỉ cho lần kiểm tra này, không lưu (PEM/DER; per run, not stored)")
    ver.add_argument("--json", action="store_true")

    key = sub.add_parser("keys", help="khóa và chứng thư ký số của xã (the commune's signing key)")
    ksub = key.add_subparsers(dest="keys_command", required=True)
    create = ksub.add_parser("create", help="tạo chứng thư tự ký của xã (create a self-signed certificate)")
    create.add_argument("--passphrase-env", metavar="VAR", required=True)
    create.add_argument("--replace", action="store_true")
    imp = ksub.add_parser("import", help="dùng tệp .p12 của tổ chức cung cấp chữ ký số (use a CA's PKCS#12)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--passphrase-env", metavar="VAR", required=True)
    imp.add_argument("--yes", action="store_true", help="không hỏi lại: tin cậy các chứng thư của tệp (for scripts)")
    trust = ksub.add_parser("trust", help="thêm chứng thư vào danh sách tin cậy (trust a certificate)")
    trust.add_argument("file", type=Path, nargs="?")
    trust.add_argument("--offered", action="store_true",
                       help="các chứng thư gốc tỉnh đề nghị, chưa tin cậy (the anchors the province offers)")
    trust.add_argument("--accept", metavar="FINGERPRINT", help="tin cậy một chứng thư tỉnh đề nghị (accept one)")
    trust.add_argument("--decline", metavar="FINGERPRINT", help="bỏ một chứng thư tỉnh đề nghị (decline one)")
    trust.add_argument("--yes", action="store_true", help="không hỏi lại (for scripts, after comparing the fingerprint)")
    ksub.add_parser("show", help="chứng thư hiện dùng (the current certificate)")
    tok = ksub.add_parser("tokens", help="các token đang cắm và chứng thư trên đó (tokens plugged in)")
    tok.add_argument("--pkcs11-lib", type=Path, metavar="PATH", help="module PKCS#11 (mặc định: trong Cài đặt)")
    tok.add_argument("--set-default", action="store_true", help="lưu PATH làm module mặc định của máy này")


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
            from ..services import reports

            items = reports.register(db, args.year)
            if args.json:
                say(json.dumps([{"number": i.number_ref, "issued_on": i.issued_on.isoformat(), "kind": i.kind,
                                    "status": i.status, "signed": i.signed, "files": i.files} for i in items],
                                  ensure_ascii=False, indent=2))
            else:
                en = lang == "en"
                for i in items:
                    state = REGISTER_STATES.get(i.status, (i.status, i.status))[en]
                    signed = (", signed" if en else ", đã ký số") if i.signed else ""
                    say(f"{i.number_ref}\t{i.issued_on:%d/%m/%Y}\t{state}{signed}\t{i.title}")
            return 0
        return _export(db, args, lang)
    finally:
        db.dispose()


def _export(db, args: argparse.Namespace, lang: str) -> int:  # noqa: ANN001
    from ..services import reports

    today = reports.today_vn()  # the day the signature's stamp shows (+07:00)
    period = reports.resolve_period(args.kind, args.period, _day(args.start), _day(args.end), today)
    issued = _day(args.issued) or today
    sign = _sign_options(args) if args.sign else None
    if args.kind == "dialogue-minutes":
        targets = [args.dialogue] if args.dialogue else reports.dialogues_in(db, period)
        if not targets:
            raise KnownError("Không có hội nghị đối thoại nào trong kỳ.", "No dialogue in the period.")
    else:
        targets = [None]
    results = []
    for i, dialogue in enumerate(targets):
        request = reports.ExportRequest(args.kind, period, issued, args.number if i == 0 else None,
                                        dialogue_id=dialogue, appendices_apart=args.appendices_apart,
                                        deputy=args.deputy)
        results.append(reports.export(db, request, args.out, sign, today))
    if args.json:
        out = [r.as_json(lang) for r in results]
        say(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=2))
    else:
        for r in results:
            for f in r.files:
                say(str(f))
        for note in dict.fromkeys(n for r in results for n in r.notes):  # once, on stderr: stdout lists the files
            sys.stderr.write(("Note: " if lang == "en" else "Lưu ý: ") + note[lang == "en"] + "\n")
    return 0


def _sign_options(args: argparse.Namespace):
    """The token (the person) when --token-label is given, the commune's key (the organisation) when
    --passphrase-env is given; at least one."""
    from ..services import reports, tokens

    for image in (args.seal, args.signature_image):
        if image and not image.is_file():
            raise KnownError(f"Không tìm thấy ảnh {image}.", f"Image {image} not found.")
    token = None
    if args.token_label:
        pin = None  # a token with its own PIN pad asks on the device (its flags decide, at login)
        if args.pin_env:
            pin = os.environ.get(args.pin_env)
            if pin is None:
                raise KnownError(f"Biến môi trường {args.pin_env} chưa có giá trị.",
                                 f"Environment variable {args.pin_env} is not set.")
        else:
            sys.stderr.write("Không có --pin-env: token có bàn phím riêng sẽ hỏi mã PIN trên thiết bị; token khác "
                             "cần --pin-env TÊN_BIẾN (mã PIN không ghi trên dòng lệnh). (No --pin-env: a token with "
                             "a PIN pad asks on the device; any other needs --pin-env VAR.)\n")
        token = tokens.TokenOptions(args.token_label, pin, args.pkcs11_lib, args.token_cert)
    elif args.pin_env or args.pkcs11_lib or args.token_cert:
        raise KnownError("Cần --token-label NHÃN để ký bằng token.", "Give --token-label LABEL to sign with a token.")
    passphrase = env_passphrase(args.passphrase_env) if args.passphrase_env or token is None else None
    return reports.SignOptions(passphrase, args.key, args.seal, token, args.signature_image)


def _verify(args: argparse.Namespace, lang: str) -> int:
    from ..services import reports

    extra = [p.read_bytes() for p in args.trust]  # per run: never stored in the trust folder
    result = reports.verify(args.file, extra)
    if args.json:
        say(json.dumps(result.as_json(lang), ensure_ascii=False, indent=2))
        return 0 if result.ok else 1
    en = lang == "en"
    verdict = ("VALID" if en else "HỢP LỆ") if result.ok else ("NOT VALID" if en else "KHÔNG HỢP LỆ")
    say(f"{verdict}: {result.file}")
    who = ", ".join(f"{k}={v}" for k, v in result.signer.items())
    if who:
        say(("Signer: " if en else "Người ký: ") + who)
    if result.signing_time:
        say(("Signing time (signer's clock): " if en else "Thời gian ký (theo máy người ký): ") + result.signing_time)
    for sig in result.signatures:  # each: who, role, state, claimed time, chain
        say(_signature_line(sig, en))
        if sig.chain:
            say(("   Certificate chain: " if en else "   Chuỗi chứng thư: ") + " → ".join(sig.chain_text(en)))
    for vi, en_text in result.problems:
        say("- " + (en_text if en else vi))
    for vi, en_text in result.notes:
        say(("Note: " if en else "Lưu ý: ") + (en_text if en else vi))
    return 0 if result.ok else 1


def _signature_line(sig, en: bool) -> str:  # noqa: ANN001
    state = [("intact" if en else "khớp nội dung") if sig.intact else ("does not match" if en else "không khớp"),
             ("trusted" if en else "tin cậy") if sig.trusted else ("NOT trusted" if en else "KHÔNG tin cậy")]
    if sig.page:
        where = f"page {sig.page}" if en else f"trang {sig.page}"
    else:
        where = ("visible" if en else "có hiển thị") if sig.visible else ("invisible" if en else "không hiển thị")
    head = f"{'Signature' if en else 'Chữ ký'} {sig.index}: {sig.who_en() if en else sig.who()}"
    role = ("role: " if en else "vai trò: ") + sig.role_text(en)
    return f"{head} — {', '.join(state)}; {sig.signing_time or '?'}; {where}; {role}; SHA-256 {sig.fingerprint}"


def _offered_trust(db, args: argparse.Namespace, lang: str) -> int:  # noqa: ANN001
    """The anchors the province's updates offered: listed, accepted after the fingerprint is confirmed,
    or declined."""
    from ..services import audit, trust_bundle

    en = lang == "en"
    if args.decline:
        done = trust_bundle.decline(db, args.decline)
        say(("Declined." if en else "Đã bỏ.") if done else ("Not found." if en else "Không tìm thấy."))
        return 0 if done else 1
    offers = trust_bundle.offered()
    if args.accept:
        wanted = args.accept.replace(":", "").replace(" ", "").lower()
        chosen = [i for i in offers if i.sha256.startswith(wanted)] if len(wanted) >= 16 else []
        if len(chosen) != 1:
            raise KnownError("Không có (đúng một) chứng thư tỉnh đề nghị với dấu vân tay này: ghi ít nhất 16 ký tự đầu.",
                             "No (single) offered anchor has this fingerprint: give at least its first 16 digits.")
        if not confirm(chosen, lang, args.yes, TRUST_QUESTION):
            say(NOTHING_TRUSTED[en])
            return 1
        audit.record_key(db, "trusted-offered", trust_bundle.accept(db, chosen[0].sha256))
        say(("Trusted: " if en else "Đã tin cậy: ") + chosen[0].subject.get("CN", ""))
        return 0
    if not offers:
        say("The province offers no trust anchor." if en else "Tỉnh không đề nghị chứng thư gốc nào.")
    for info in offers:
        for line in describe(info, en):
            say(line)
    return 0


IMPORT_QUESTION = ("Dùng tệp .p12 này làm khóa của xã và tin cậy các chứng thư trên?",
                   "Use this .p12 as the commune's key and trust the certificates above?")
NOTHING_TRUSTED = ("Chưa tin cậy chứng thư nào.", "Nothing was trusted.")


def _keys(db, args: argparse.Namespace, lang: str) -> int:  # noqa: ANN001
    from ..services import audit, keys

    if args.keys_command == "create":
        info = keys.create_self_signed(db, env_passphrase(args.passphrase_env), replace=args.replace)
    elif args.keys_command == "import":
        secret = env_passphrase(args.passphrase_env)
        preview = keys.inspect_p12(args.file, secret)
        if not confirm(preview.anchors, lang, args.yes, IMPORT_QUESTION):
            say(NOTHING_TRUSTED[lang == "en"])
            return 1
        info = keys.import_p12(db, args.file, secret, [a.fingerprint for a in preview.anchors])
        audit.record_key(db, "imported", info)
    elif args.keys_command == "tokens":
        return _tokens(db, args)
    elif args.keys_command == "trust" and (args.offered or args.accept or args.decline):
        return _offered_trust(db, args, lang)
    elif args.keys_command == "trust":
        if args.file is None:
            raise KnownError("Cần tệp chứng thư (hoặc --offered, --accept).", "A certificate file is needed (or "
                             "--offered, --accept).")
        blob = read_input(args.file)
        info = keys.inspect_certificate(blob)
        if not confirm([info], lang, args.yes, TRUST_QUESTION):
            say(NOTHING_TRUSTED[lang == "en"])
            return 1
        say(str(keys.trust(db, blob)))
        audit.record_key(db, "trusted", info)
        return 0
    else:
        info = keys.certificate()
        if info is None:
            raise KnownError("Xã chưa có khóa ký số. Tạo bằng: papi-desktop keys create --passphrase-env BIẾN",
                             "No signing key yet. Create one: papi-desktop keys create --passphrase-env VAR")
    say(json.dumps({"subject": info.subject, "issuer": info.issuer, "not_before": info.not_before,
                       "not_after": info.not_after, "sha256": info.sha256, "fingerprint": info.fingerprint,
                       "self_signed": info.self_signed,
                       "certificate": str(info.path)}, ensure_ascii=False, indent=2))
    return 0


def _tokens(db, args: argparse.Namespace) -> int:  # noqa: ANN001
    """The tokens the module sees, each with its certificates (label, subject, expiry), as JSON; the
    private keys show only after login, so has_key is false here on most tokens."""
    from ..services import tokens

    if args.set_default:
        if args.pkcs11_lib is None:
            raise KnownError("Cần --pkcs11-lib PATH để lưu làm mặc định.", "Give --pkcs11-lib PATH to save it.")
        tokens.set_module_path(db, args.pkcs11_lib)
    found = tokens.list_tokens(db, args.pkcs11_lib)
    say(json.dumps([{"label": t.label, "serial": t.serial, "manufacturer": t.manufacturer, "model": t.model,
                        "slot": t.slot, "pin_entry": tokens.pin_entry(t), "locked": t.locked, "final_try": t.final_try,
                        "certificates": [{"label": c.label, "subject": c.subject, "not_after": c.not_after}
                                         for c in t.certificates]} for t in found], ensure_ascii=False, indent=2))
    return 0
