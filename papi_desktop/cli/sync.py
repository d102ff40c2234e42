"""The command line for province mode, enrolment and sync by files (USB stick)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..domain.errors import KnownError
from .common import env_passphrase, read_input, say

PASS_HELP = "biến môi trường chứa mật khẩu (the variable holding the passphrase)"


def add_parsers(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    prov = sub.add_parser("province", help="chế độ tỉnh: khóa, chứng thư, các xã (province mode)")
    psub = prov.add_subparsers(dest="province_command", required=True)
    init = psub.add_parser("init", help="tạo chứng thư gốc và khóa giải mã của tỉnh (create the province's keys)")
    init.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    init.add_argument("--escrow-recipient", metavar="AGE1…", help="khóa dự phòng (age recipient kept in a safe)")
    init.add_argument("--json", action="store_true")
    com = psub.add_parser("communes", help="các xã đã đăng ký (enrolled communes)")
    com.add_argument("--json", action="store_true")
    rev = psub.add_parser("revoke", help="thu hồi chứng thư của một xã (revoke a commune's certificates)")
    rev.add_argument("unit_code")
    rev.add_argument("--reason", default="")
    ren = psub.add_parser("renew", help="gia hạn chứng thư của một máy xã, cùng khóa; bản cập nhật sau mang nó đến máy "
                          "(renew a PC's certificate, same key; the next publish carries it)")
    ren.add_argument("unit_code")
    ren.add_argument("device")
    ren.add_argument("--years", type=int, default=None, help="số năm hiệu lực (years of validity)")
    ren.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    ren.add_argument("--json", action="store_true")
    hub = psub.add_parser("hub-url", help="địa chỉ máy chủ tỉnh ghi vào gói đăng ký và bản cập nhật gửi các xã "
                          "(the hub address given to the communes)")
    hub.add_argument("url", nargs="?", help="https://tên-máy:cổng; chuỗi rỗng để thôi (\"\" to stop)")
    trust = psub.add_parser("trust", help="chứng thư gốc tỉnh đề nghị các xã tin cậy, gửi cùng bản cập nhật "
                            "(trust anchors handed down with the updates)")
    tsub = trust.add_subparsers(dest="trust_command", required=True)
    tadd = tsub.add_parser("add")
    tadd.add_argument("file", type=Path)
    tadd.add_argument("--yes", action="store_true", help="không hỏi lại (for scripts, after comparing the fingerprint)")
    tsub.add_parser("list")
    trem = tsub.add_parser("remove")
    trem.add_argument("fingerprint")
    pub = psub.add_parser("publish", help="phát hành bản cập nhật cho các xã: kế hoạch, dữ liệu tham chiếu, danh sách "
                          "thu hồi (publish the update for the communes)")
    pub.add_argument("--out", type=Path, required=True)
    pub.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    pub.add_argument("--reference", type=Path, metavar="DIR",
                     help="thư mục tệp tham chiếu mới (updated reference files: calendar_vn.json, …)")
    pub.add_argument("--json", action="store_true")

    from . import province_view as cli_province_view

    cli_province_view.add_parsers(psub)

    enrol = sub.add_parser("enrol", help="đăng ký xã với tỉnh bằng tệp (enrolment by files)")
    esub = enrol.add_subparsers(dest="enrol_command", required=True)
    req = esub.add_parser("request", help="xã: tạo khóa và tệp yêu cầu (commune: make the request)")
    req.add_argument("--out", type=Path, required=True)
    req.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    iss = esub.add_parser("issue", help="tỉnh: cấp chứng thư, ghi gói đăng ký (province: issue the package)")
    iss.add_argument("file", type=Path)
    iss.add_argument("--out", type=Path, required=True)
    iss.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    iss.add_argument("--json", action="store_true")
    ins = esub.add_parser("install", help="xã: cài gói đăng ký của tỉnh (commune: install the package)")
    ins.add_argument("file", type=Path)
    ins.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    ins.add_argument("--yes", action="store_true", help="không hỏi lại (for scripts, after comparing the fingerprint)")

    syn = sub.add_parser("sync", help="đồng bộ với tỉnh qua USB (sync by USB stick)")
    ssub = syn.add_subparsers(dest="sync_command", required=True)
    exp = ssub.add_parser("export", help="xã: ghi gói dữ liệu gửi tỉnh (commune: write a bundle)")
    exp.add_argument("--out", type=Path, required=True)
    exp.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    exp.add_argument("--to", metavar="DEVICE", default="province",
                     help="gửi cho máy khác của xã thay vì tỉnh (for another PC of the commune)")
    exp.add_argument("--json", action="store_true")
    imp = ssub.add_parser("import", help="nhận các gói dữ liệu (import bundles: province, or from another PC)")
    imp.add_argument("files", type=Path, nargs="+")
    imp.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--json", action="store_true")
    rel = ssub.add_parser("release", help="áp dụng sớm một gói đang chờ gói trước, bỏ qua phần còn thiếu, có lý do "
                          "(release a held bundle early, going on without what is missing)")
    rel.add_argument("bundle_id")
    rel.add_argument("--reason", required=True)
    rel.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    rel.add_argument("--json", action="store_true")
    rec = ssub.add_parser("receipt", help="xã: đọc biên nhận của tỉnh (commune: read a receipt)")
    rsub = rec.add_subparsers(dest="receipt_command", required=True)
    rimp = rsub.add_parser("import")
    rimp.add_argument("file", type=Path)
    rimp.add_argument("--json", action="store_true")
    peer = ssub.add_parser("peer", help="các máy khác của xã (the commune's other PCs)")
    pesub = peer.add_subparsers(dest="peer_command", required=True)
    card = pesub.add_parser("card", help="ghi thẻ của máy này (write this PC's card)")
    card.add_argument("--out", type=Path, required=True)
    card.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    padd = pesub.add_parser("add", help="thêm máy từ thẻ của nó (add a PC from its card)")
    padd.add_argument("file", type=Path)
    pesub.add_parser("list", help="liệt kê (list)")
    down = ssub.add_parser("downstream", help="xã: áp dụng bản cập nhật của tỉnh (commune: apply the province's "
                           "update)")
    down.add_argument("file", type=Path)
    down.add_argument("--passphrase-env", metavar="VAR",
                      help="chỉ khi tỉnh gia hạn chứng thư của máy (only to install a renewed certificate)")
    down.add_argument("--json", action="store_true")
    reg = ssub.add_parser("registry", help="máy giữ sổ của xã: số văn bản đi, số đơn chính thức (the PC that keeps "
                          "the commune's registers)")
    regsub = reg.add_subparsers(dest="registry_command", required=True)
    rshow = regsub.add_parser("show", help="vai trò của máy này, số lớn nhất đã biết (this PC's role, the highest "
                              "numbers known)")
    rshow.add_argument("--json", action="store_true")
    rtake = regsub.add_parser("take", help="máy này nhận vai trò giữ sổ khi máy giữ sổ cũ hỏng hoặc thôi dùng (this "
                              "PC takes the registers: the old registry PC broken or retired)")
    rtake.add_argument("--reason", required=True)
    rtake.add_argument("--json", action="store_true")
    rgive = regsub.add_parser("give-up", help="máy này thôi giữ sổ (máy khác đã nhận vai trò) (this PC gives the "
                              "registers up: another PC took them)")
    rgive.add_argument("--reason", required=True)
    st = ssub.add_parser("status", help="tình trạng đồng bộ (sync status)")
    st.add_argument("--json", action="store_true")
    for name, text in (("push", "xã: gửi dữ liệu lên máy chủ tỉnh qua mạng (commune: send to the hub)"),
                       ("pull", "xã: nhận biên nhận và bản cập nhật từ máy chủ tỉnh (commune: receipts and updates "
                                "from the hub)")):
        net = ssub.add_parser(name, help=text)
        net.add_argument("--url", help="địa chỉ máy chủ tỉnh, https://… (mặc định: lần trước) (the hub's address)")
        net.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
        net.add_argument("--json", action="store_true")

    srv = sub.add_parser("serve", help="tỉnh: chạy máy chủ đồng bộ cho các xã (province: run the sync hub)")
    srv.add_argument("--host", default="127.0.0.1", help="địa chỉ nghe (listen address)")
    srv.add_argument("--port", type=int, default=8443)
    srv.add_argument("--tls-name", action="append", default=[], metavar="NAME",
                     help="tên hoặc IP các xã dùng để gọi máy chủ, ghi vào chứng thư TLS (name in the TLS certificate)")
    srv.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
    srv.add_argument("--apply-slots", type=int, default=0,
                     help="số gói áp dụng cùng lúc; 0: 1 với SQLite, 2 với PostgreSQL (bundles applied at once)")


def _json(obj: object) -> None:
    say(json.dumps(obj, ensure_ascii=False, indent=2))


def run(args: argparse.Namespace, lang: str, open_db) -> int:  # noqa: ANN001
    en = lang == "en"
    commune_side = (args.command == "enrol" and args.enrol_command in ("request", "install")) or \
        (args.command == "sync" and args.sync_command in ("export", "receipt", "peer", "push", "pull", "registry"))
    db = open_db(args, need_profile=commune_side)
    try:
        if args.command == "serve":
            from ..server import run as server_run

            return server_run.serve(db, env_passphrase(args.passphrase_env), args.host, args.port, args.tls_name,
                                    max(0, args.apply_slots))
        if args.command == "province":
            return _province(db, args, en)
        if args.command == "enrol":
            return _enrol(db, args, en)
        return _sync(db, args, lang)
    finally:
        db.dispose()


def _province(db, args: argparse.Namespace, en: bool) -> int:  # noqa: ANN001
    from ..services import province
    from . import province_view as cli_province_view

    if args.province_command in cli_province_view.COMMANDS:
        return cli_province_view.run(db, args, "en" if en else "vi")

    if args.province_command == "init":
        info = province.init(db, env_passphrase(args.passphrase_env), args.escrow_recipient)
        if args.json:
            _json({"fingerprint": info.fingerprint, "subject": info.subject, "recipient": info.recipient,
                   "escrow": info.escrow})
        else:
            say(("Province root: " if en else "Chứng thư gốc của tỉnh: ") + info.subject.get("CN", ""))
            say(("SHA-256 fingerprint (give it to the communes): " if en else
                    "Dấu vân tay SHA-256 (báo cho các xã để so khi cài gói đăng ký): ") + info.fingerprint)
            say(("Encryption recipient: " if en else "Khóa mã hóa của tỉnh: ") + info.recipient)
        return 0
    if args.province_command == "publish":
        from ..services import downstream

        path = downstream.publish(db, env_passphrase(args.passphrase_env), args.out, args.reference)
        _json({"file": str(path)}) if args.json else say(str(path))
        return 0
    if args.province_command == "trust":
        return _province_trust(db, args, en)
    if args.province_command == "hub-url":
        url = province.hub_url(db) if args.url is None else province.set_hub_url(db, args.url)
        say(url or ("(none)" if en else "(chưa có)"))
        return 0
    if args.province_command == "renew":
        from ..services import downstream
        from ..sync import pki

        years = pki.COMMUNE_YEARS if args.years is None else args.years
        if not 1 <= years <= pki.MAX_COMMUNE_YEARS:
            raise KnownError(f"Số năm hiệu lực phải từ 1 đến {pki.MAX_COMMUNE_YEARS}.",
                             f"The years of validity must be 1 to {pki.MAX_COMMUNE_YEARS}.")
        cert = downstream.renew_certificate(db, args.unit_code, args.device, env_passphrase(args.passphrase_env), years)
        until = cert.not_valid_after_utc.date().isoformat()  # type: ignore[attr-defined]
        if args.json:
            _json({"unit_code": args.unit_code, "device": args.device, "serial": f"{cert.serial_number:x}",  # type: ignore[attr-defined]
                   "not_after": until})
        else:
            say(f"Renewed until {until}; run `province publish` to send it." if en else
                   f"Đã gia hạn đến {until}; chạy `province publish` để gửi chứng thư mới cho máy xã.")
        return 0
    if args.province_command == "revoke":
        count = province.revoke(db, args.unit_code, args.reason)
        say(f"Revoked {count} certificate(s)." if en else f"Đã thu hồi {count} chứng thư.")
        return 0
    from ..services import sync_board

    rows = province.enrolled(db)
    last = sync_board.last_bundles(db)  # each commune's, shown on the row of the PC that sent it
    if args.json:
        _json([dict(r.__dict__, last_bundle=last[r.unit_code].__dict__ if r.unit_code in last and
                    last[r.unit_code].device == r.device else None) for r in rows])
    else:
        for r in rows:
            fields = [r.unit_code, r.unit_name, r.device, ("issued " if en else "cấp ") + r.issued_at[:10]]
            if r.revoked_at:
                fields.append(("revoked " if en else "đã thu hồi ") + r.revoked_at[:10])
            b = last.get(r.unit_code)
            if b is not None and b.device == r.device:
                fields.append(("last bundle " if en else "gói cuối ") + f"{b.bundle_id} {_local(b.received_at)} "
                              f"({_STATUS.get(b.status, (b.status, b.status))[en]}, {b.changes} "
                              + ("changes)" if en else "thay đổi)"))
            say("\t".join(fields))
    return 0


def _province_trust(db, args: argparse.Namespace, en: bool) -> int:  # noqa: ANN001
    from ..services import audit, keys, province, trust_bundle
    from .common import TRUST_QUESTION, confirm, describe

    province.require()
    if args.trust_command == "add":
        blob = read_input(args.file)
        if not confirm([keys.inspect_certificate(blob)], "en" if en else "vi", args.yes, TRUST_QUESTION):
            say("Nothing was added." if en else "Chưa thêm gì.")
            return 1
        info = trust_bundle.province_add(db, blob)
        audit.record_key(db, "offered-to-communes", info)
        say(("Added; the next publish carries it: " if en else "Đã thêm; bản cập nhật sau sẽ mang nó: ")
               + info.fingerprint)
        return 0
    if args.trust_command == "remove":
        removed = trust_bundle.province_remove(db, args.fingerprint)
        audit.record_key(db, "no-longer-offered", removed)
        done = removed is not None
        say(("Removed." if en else "Đã bỏ.") if done else ("Not found." if en else "Không tìm thấy."))
        return 0 if done else 1
    for info in trust_bundle.province_anchors():
        for line in describe(info, en):
            say(line)
    return 0


def _enrol(db, args: argparse.Namespace, en: bool) -> int:  # noqa: ANN001
    from ..exports import signing
    from ..services import enrolment

    if args.enrol_command == "request":
        data = enrolment.request(db, env_passphrase(args.passphrase_env))
        signing.atomic_write(args.out, data)
        say(str(args.out))
        return 0
    if args.enrol_command == "issue":
        issued = enrolment.issue_package(db, read_input(args.file), env_passphrase(args.passphrase_env), args.out)
        if args.json:
            _json({"file": str(issued.path), "update_version": issued.update_version, "published": issued.published,
                   "changed": issued.changed, "messages": [e if en else vi for vi, e in issued.messages]})
            return 0
        say(str(issued.path))  # alone on stdout: scripts take the package's path from it
        for vi, e in issued.messages:  # which update it carries, and whether it was published for it
            sys.stderr.write((e if en else vi) + "\n")
        return 0
    package = enrolment.read_package(args.file)
    say(("Province root: " if en else "Chứng thư gốc của tỉnh: ") + package.root_subject.get("CN", ""))
    say(("SHA-256 fingerprint: " if en else "Dấu vân tay SHA-256: ") + package.root_fingerprint)
    if not args.yes:
        if not sys.stdin.isatty():
            raise KnownError("Cần so dấu vân tay với tỉnh và xác nhận trên bàn phím (hoặc --yes khi chạy bằng tập lệnh). "
                             "Chưa cài đặt gì.", "Compare the fingerprint with the province and confirm on the "
                             "terminal (or --yes in a script). Nothing was installed.")
        sys.stdout.write(("Does it match the fingerprint the province gave you? " if en else
                          "Dấu vân tay có đúng như tỉnh đã báo không? ") + "[y/N] ")
        sys.stdout.flush()
        if sys.stdin.readline().strip().casefold() not in ("y", "yes", "c", "có", "co"):
            say("Nothing was installed." if en else "Chưa cài đặt gì.")
            return 1
    passphrase = env_passphrase(args.passphrase_env)
    info = enrolment.install(db, package, passphrase, package.root_fingerprint)
    say(("Installed: " if en else "Đã cài chứng thư: ") + f"{info.subject.get('CN', '')} — "
           + ("issued by " if en else "do ") + info.issuer.get("CN", ""))
    update = enrolment.apply_carried_update(db, package, passphrase)
    if update is None:
        say("The province has published no plan yet: it comes with its first update." if en else
               "Tỉnh chưa phát hành kế hoạch: kế hoạch sẽ đến cùng bản cập nhật đầu tiên của tỉnh.")
    else:
        _print_update(update, "en" if en else "vi")
    return 0


_STATUS = {"applied": ("đã nhận", "applied"), "unchanged": ("không thay đổi (đã nhận trước đây)", "unchanged"),
           "held": ("giữ lại chờ gói trước", "held"), "fork": ("giữ lại: mâu thuẫn", "fork"),
           "quarantined": ("cách ly", "quarantined"), "rejected": ("từ chối", "rejected")}


def _sync(db, args: argparse.Namespace, lang: str) -> int:  # noqa: ANN001
    from ..services import sync

    en = lang == "en"
    if args.sync_command == "export":
        from ..exports.signing import nothing_done_if_wrong_passphrase  # noqa: PLC0415
        from ..services.sync_board import NOT_EXPORTED  # noqa: PLC0415

        with nothing_done_if_wrong_passphrase(*NOT_EXPORTED):
            result = sync.export_bundle(db, args.out, env_passphrase(args.passphrase_env), peer=args.to)
        if result is None:
            if args.json:
                _json({"files": [], "changes": 0})
            else:
                say("Nothing to send: the province has everything." if en else
                       "Không có gì cần gửi: tỉnh đã nhận đủ.")
            return 0
        if args.json:
            _json(result.as_json())
        else:
            for path in result.files:
                say(str(path))
        return 0
    if args.sync_command == "import":
        summaries = sync.import_files(db, args.files, env_passphrase(args.passphrase_env), dry_run=args.dry_run)
        if args.json:
            _json([s.as_json(lang) for s in summaries])
        else:
            for s in summaries:
                say(f"{s.file}: {_STATUS.get(s.status, (s.status, s.status))[en]}"
                       + (" (dry run)" if s.dry_run and en else " (chạy thử)" if s.dry_run else ""))
                say(("  imported {0}, updated {1}, unchanged {2}, conflicts {3}, rejected {4}, held {5}" if en else
                        "  thêm {0}, cập nhật {1}, giữ nguyên {2}, xung đột {3}, từ chối {4}, giữ lại {5}").format(
                    s.imported, s.updated, s.unchanged, s.conflicts, s.rejected, s.held))
                for vi, en_text in s.reasons:
                    say("  " + (en_text if en else vi))
                if s.receipt:
                    say(("  receipt: " if en else "  biên nhận: ") + s.receipt)
        return 0 if all(s.status in ("applied", "unchanged") for s in summaries) else 1
    if args.sync_command == "release":
        return _release(db, args, en)
    if args.sync_command == "receipt":
        result = sync.import_receipt(db, args.file)
        if args.json:
            _json(result.__dict__)
        else:
            say(("Receipt read: " if en else "Đã đọc biên nhận: ") + _STATUS.get(result.status,
                                                                                (result.status,) * 2)[en])
        return 0
    if args.sync_command == "peer":
        if args.peer_command == "card":
            from ..exports import signing

            signing.atomic_write(args.out, sync.peer_card(db, env_passphrase(args.passphrase_env)))
            say(str(args.out))
        elif args.peer_command == "add":
            info = sync.add_peer(db, args.file)
            say(("Added PC " if en else "Đã thêm máy ") + f"{info.device} ({info.subject.get('CN', '')})")
        else:
            for device in sync.peers(db):
                say(device)
        return 0
    if args.sync_command == "downstream":
        return _downstream(db, args, lang)
    if args.sync_command == "registry":
        return _registry(db, args, en)
    if args.sync_command in ("push", "pull"):
        return _network(db, args, lang)
    state = sync.status(db)
    if args.json:
        _json(state)
    else:
        for line in _status_lines(state, lang):
            say(line)
    return 0


def _local(iso: str | None) -> str:
    """An instant the database keeps in UTC, as the commune's clock shows it."""
    import datetime as dt  # noqa: PLC0415

    from ..exports.verify import VN_TZ  # noqa: PLC0415

    return dt.datetime.fromisoformat(iso).astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M") if iso else "?"


def _status_lines(state: dict, lang: str) -> list[str]:
    """`sync status` for a person: what waits, what was sent and acknowledged, what is held."""
    from ..services import audit  # noqa: PLC0415 - its table names

    en = lang == "en"
    lines: list[str] = []
    if state["mode"] == "province":
        got = ", ".join(f"{_STATUS.get(k, (k, k))[en]} {n}" for k, n in sorted(state["bundles"].items()))
        lines.append(("Bundles from the communes: " if en else "Gói của các xã: ") + (got or ("none" if en else "chưa có")))
    else:
        lines.append((f"This PC: {state['device']}, " if en else f"Máy này: {state['device']}, ")
                     + (("enrolled with the province" if en else "đã đăng ký với tỉnh") if state["enrolled"] else
                        ("not enrolled with the province yet" if en else "chưa đăng ký với tỉnh")))
        lines.append(f"Changes waiting to be sent to the province: {state['pending']}" if en else
                     f"Thay đổi chờ gửi tỉnh: {state['pending']}")
        lines.extend(f"  {audit.table_label(table, lang)}: {n}" for table, n in state["pending_by_table"].items())
        last, ack = state["last_bundle"], state["last_acknowledged"]
        lines.append(("Last bundle: " if en else "Gói gần nhất: ") + (
            (f"{last['bundle_id']}, {_local(last['created_at'])}, {last['changes']} "
             + ("changes" if en else "thay đổi")) if last else ("none yet" if en else "chưa có")))
        lines.append(("Last receipt from the province: " if en else "Biên nhận gần nhất của tỉnh: ") + (
            f"{ack['bundle_id']}, {_local(ack['at'])}" if ack else ("none yet" if en else "chưa có")))
        lines.extend((f"Changes waiting for PC {peer}: {n}" if en else f"Thay đổi chờ gửi máy {peer}: {n}")
                     for peer, n in state["peers"].items())
        lines.append(f"Conflicts to settle: {state['conflicts']}" if en else
                     f"Xung đột chờ xử lý: {state['conflicts']}")
    waiting = state["waiting"]
    lines.append(f"Bundles held back: {len(waiting)}" if en else f"Gói đang giữ lại: {len(waiting)}")
    for w in waiting:
        where = f"{w['commune']}, {w['device']}" if w.get("commune") else w["device"]
        # The reason is kept in Vietnamese only (BundleIn.reason_vi).
        lines.append(f"  {w['bundle_id']} ({where}): {_STATUS.get(w['status'], (w['status'],) * 2)[en]}"
                     + (f" — {w['reason']}" if w.get("reason") else ""))
    return lines


def _release(db, args: argparse.Namespace, en: bool) -> int:  # noqa: ANN001
    from ..services import sync_release  # noqa: PLC0415

    done = sync_release.release(db, args.bundle_id, args.reason, env_passphrase(args.passphrase_env))
    waived = {node: list(r) for node, r in done.waived.items()}
    if args.json:
        _json({"bundle_id": args.bundle_id, "status": done.summary.status, "waived": waived,
               "summary": done.summary.as_json("en" if en else "vi"), "also_applied": [s.bundle_id for s in done.also]})
        return 0
    gone = ", ".join(f"{node} #{r[0]}–{r[1]}" for node, r in waived.items())
    say(f"Applied: {args.bundle_id}, going on without {gone}." if en else
         f"Đã áp dụng: {args.bundle_id}, bỏ qua {gone}.")
    for s in done.also:
        say(("  then applied: " if en else "  sau đó áp dụng: ") + s.bundle_id)
    return 0


def _registry(db, args: argparse.Namespace, en: bool) -> int:  # noqa: ANN001
    from ..services import registry  # noqa: PLC0415

    if args.registry_command == "show":
        role = registry.role(db)
        if args.json:
            _json(role.as_json())
        else:
            for line in _role_lines(role, en):
                say(line)
        return 0
    if args.registry_command == "give-up":
        if not registry.is_registry(db):
            raise KnownError("Máy này không giữ sổ của xã.", "This PC does not keep the commune's registers.")
        registry.set_registry(db, False, args.reason)
        say("This PC no longer keeps the commune's registers: it takes no number." if en else
            "Máy này đã thôi giữ sổ của xã: không lấy số ở đây nữa.")
        return 0
    taken = registry.take_over(db, args.reason)
    if args.json:
        _json({"role": taken.role.as_json(), "entered": [list(pair) for pair in taken.entered],
               "warning": registry.TAKE_OVER_WARNING[en]})
        return 0
    say(f"PC {taken.role.device} now keeps the commune's registers." if en else
        f"Máy {taken.role.device} đã nhận vai trò giữ sổ của xã.")
    for provisional, final in taken.entered:
        say(f"  petition {provisional} entered as {final}" if en else f"  đơn số tạm {provisional} vào sổ số {final}")
    for line in _role_lines(taken.role, en)[1:]:
        say(line)
    say(registry.TAKE_OVER_WARNING[en])
    return 0


def _role_lines(role, en: bool) -> list[str]:  # noqa: ANN001 - a registry.Role
    if role.province:
        return ["The province's PC keeps no commune's registers." if en else "Máy của tỉnh không giữ sổ của xã nào."]
    lines = [(f"PC {role.device} KEEPS the commune's registers" if en else f"Máy {role.device} GIỮ SỔ của xã")
             if role.keeps else (f"PC {role.device} does NOT keep the commune's registers" if en else
                                 f"Máy {role.device} KHÔNG giữ sổ của xã")]
    if role.keeps and role.taken_at:
        lines.append(f"  taken on {_local(role.taken_at)} by {role.taken_by}: {role.reason}" if en else
                      f"  nhận vai trò lúc {_local(role.taken_at)}, do {role.taken_by}: {role.reason}")
    for year, top in role.documents.items():
        lines.append(f"  outgoing documents {year}: highest {top:02d}, next {top + 1:02d}" if en else
                     f"  văn bản đi năm {year}: số lớn nhất {top:02d}, số tiếp theo {top + 1:02d}")
    if role.foreign_count:
        lines.append(f"  WARNING: {role.foreign_count} numbers given by another PC while this one kept the registers "
                     "(two registry PCs: one must give the role up):" if en else
                     f"  CẢNH BÁO: {role.foreign_count} số do máy khác cấp trong khi máy này giữ sổ (hai máy cùng giữ "
                     "sổ: một máy phải thôi vai trò):")
        lines.extend(f"    {f.number} — {f.device}, {_local(f.at_utc)}" for f in role.foreign)
    return lines


def _downstream(db, args: argparse.Namespace, lang: str) -> int:  # noqa: ANN001
    from ..services import downstream

    passphrase = env_passphrase(args.passphrase_env) if args.passphrase_env else None
    result = downstream.apply_downstream(db, args.file, passphrase)
    if args.json:
        _json(result.as_json(lang))
        return 0
    _print_update(result, lang)
    return 0


def _print_update(result, lang: str) -> None:  # noqa: ANN001 - a downstream.DownstreamSummary
    en = lang == "en"
    status = ("already applied" if en else "đã áp dụng trước đây") if result.status == "unchanged" else \
        ("applied" if en else "đã áp dụng")
    say(f"{result.file}: " + (f"version {result.version}, " if en else f"phiên bản {result.version}, ") + status)
    for plan in result.plans:
        say(("  plan {0}: {1} tasks" if en else "  kế hoạch {0}: {1} nhiệm vụ").format(plan.get("year"),
                                                                                          plan.get("tasks")))
    if result.adopted.get("tasks_matched"):
        say(("  {0} tasks of this PC's own copy of the plan now carry the province's ids" if en else
                "  {0} nhiệm vụ trong bản kế hoạch xã tự nhập đã chuyển sang mã của tỉnh").format(
            result.adopted["tasks_matched"]))
    if result.reference:
        say(("  reference data updated: " if en else "  dữ liệu tham chiếu cập nhật: ") + ", ".join(result.reference))
    for vi, en_text in result.messages:
        say("  " + (en_text if en else vi))


def _network(db, args: argparse.Namespace, lang: str) -> int:  # noqa: ANN001
    from ..services import hub_sync

    en = lang == "en"
    from ..exports.signing import nothing_done_if_wrong_passphrase  # noqa: PLC0415
    from ..services.sync_board import NOT_RECEIVED, NOT_SENT  # noqa: PLC0415

    step = hub_sync.push if args.sync_command == "push" else hub_sync.pull
    with nothing_done_if_wrong_passphrase(*(NOT_SENT if args.sync_command == "push" else NOT_RECEIVED)):
        result = step(db, env_passphrase(args.passphrase_env), args.url)
    if args.json:
        _json(result.as_json())
        return 0 if result.sent is None or result.sent.get("status") in ("applied", "unchanged") else 1
    if args.sync_command == "push":
        if result.nothing_to_send:
            say("Nothing to send: the province has everything." if en else "Không có gì cần gửi: tỉnh đã nhận đủ.")
        elif result.sent is not None:
            status = str(result.sent.get("status", ""))
            say(("Sent: " if en else "Đã gửi: ") + _STATUS.get(status, (status, status))[en]
                   + (f" ({result.sent_bytes} bytes)" if en else f" ({result.sent_bytes} byte)"))
            for vi, en_text in result.sent.get("reasons") or []:  # type: ignore[union-attr]
                say("  " + str(en_text if en else vi))
    if result.receipts:
        say(f"Receipts read: {result.receipts}" if en else f"Đã đọc {result.receipts} biên nhận.")
    for update in result.updates:
        say(("Update applied: version " if en else "Đã áp dụng bản cập nhật phiên bản ") + str(update.get("version")))
    if args.sync_command == "pull" and not result.updates and not result.receipts:
        say("Nothing new from the province." if en else "Không có gì mới từ tỉnh.")
    return 0 if result.sent is None or result.sent.get("status") in ("applied", "unchanged") else 1
