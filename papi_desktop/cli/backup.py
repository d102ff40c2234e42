"""The command line for backups: create, list, verify, restore, the daily one for a scheduled task, and the
USB folder automatic backups are copied to. No Qt imported here."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..domain.errors import KnownError
from .common import env_passphrase, say

PASS_HELP = "biến môi trường chứa mật khẩu sao lưu (the variable holding the backup passphrase)"
REASONS = {"manual": ("bằng tay", "by hand"), "daily": ("hằng ngày", "daily"),
           "before-migration": ("trước khi nâng cấp", "before an upgrade"),
           "before-import": ("trước khi nhập dữ liệu", "before an import"),
           "before-restore": ("trước khi khôi phục", "before a restore")}


def add_parsers(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    bk = sub.add_parser("backup", help="sao lưu mã hóa và khôi phục (encrypted backups and restore)")
    bsub = bk.add_subparsers(dest="backup_command", required=True)
    create = bsub.add_parser("create", help="sao lưu ngay (make a backup now)")
    create.add_argument("--to", type=Path, metavar="DIR",
                        help="thư mục đích, ví dụ ổ USB (mặc định: thư mục sao lưu) (destination, e.g. a USB stick)")
    create.add_argument("--passphrase-env", metavar="VAR", required=True,
                        help=PASS_HELP + "; lần đầu: mật khẩu mới (the first time: a new one)")
    create.add_argument("--json", action="store_true")
    lst = bsub.add_parser("list", help="liệt kê bản sao lưu (list backups)")
    lst.add_argument("--in", dest="folders", type=Path, action="append", default=[], metavar="DIR",
                     help="thêm một thư mục, ví dụ ổ USB (another folder to look in)")
    lst.add_argument("--json", action="store_true")
    for name, text in (("verify", "kiểm tra một bản sao lưu, không thay gì (check a backup, replace nothing)"),
                       ("restore", "khôi phục từ một bản sao lưu (restore from a backup)")):
        cmd = bsub.add_parser(name, help=text)
        cmd.add_argument("file", type=Path)
        cmd.add_argument("--passphrase-env", metavar="VAR", required=True, help=PASS_HELP)
        cmd.add_argument("--key", type=Path, metavar="FILE",
                         help="tệp khóa sao lưu nếu không nằm cạnh bản sao lưu (papi-backup-key-….age)")
        cmd.add_argument("--json", action="store_true")
    bsub.choices["restore"].add_argument("--yes", action="store_true",
                                         help="thay dữ liệu hiện tại, không hỏi lại (replace the data, for scripts)")
    bsub.add_parser("auto", help="sao lưu hằng ngày nếu đến hạn, không cần mật khẩu (the daily backup if due; for a "
                    "scheduled task)").add_argument("--json", action="store_true")
    usb = bsub.add_parser("usb", help="thư mục USB nhận bản sao lưu tự động (the USB folder automatic backups go to)")
    usb.add_argument("folder", nargs="?", help="thư mục; chuỗi rỗng để thôi (\"\" to stop); bỏ trống: xem")


def _json(obj: object) -> None:
    say(json.dumps(obj, ensure_ascii=False, indent=2))


def _size(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB"


def _local(iso_or_dt) -> str:  # noqa: ANN001
    import datetime as dt  # noqa: PLC0415

    when = dt.datetime.fromisoformat(iso_or_dt) if isinstance(iso_or_dt, str) else iso_or_dt
    return when.astimezone().strftime("%d/%m/%Y %H:%M")


def run(args: argparse.Namespace, lang: str, open_db) -> int:  # noqa: ANN001
    from ..services import backup

    en = lang == "en"
    for vi, en_text in backup.recover():  # before anything opens the database
        sys.stderr.write((en_text if en else vi) + "\n")
    command = args.backup_command
    if command == "verify":
        return _verify(args, en)
    if command == "restore":
        return _restore(args, en, open_db)
    db = open_db(args, need_profile=False)
    try:
        if command == "create":
            return _created(backup.create(db, env_passphrase(args.passphrase_env), args.to), args.json, en)
        if command == "auto":
            made = backup.automatic(db, "daily")
            if made is None:
                if args.json:
                    _json(None)
                elif not backup.has_key():
                    raise KnownError("Chưa đặt mật khẩu sao lưu: chạy papi-desktop backup create --passphrase-env BIẾN "
                                     "một lần.", "No backup passphrase yet: run papi-desktop backup create "
                                     "--passphrase-env VAR once.")
                else:
                    say("Not due: the last daily backup is less than a day old." if en else
                           "Chưa đến hạn: bản sao lưu hằng ngày gần nhất chưa quá một ngày.")
                return 0
            return _created(made, args.json, en)
        if command == "usb":
            folder = backup.usb_folder(db) if args.folder is None else backup.set_usb_folder(db, args.folder)
            say(str(folder) if folder else ("(none)" if en else "(chưa có)"))
            return 0
        found = backup.list_backups(db, args.folders)
        if args.json:
            _json([e.as_json() for e in found])
        else:
            for e in found:
                say(f"{_local(e.created_at)}\t{REASONS.get(e.reason, (e.reason, e.reason))[en]}\t{_size(e.size)}\t"
                       f"{e.path}")
        return 0
    finally:
        db.dispose()


def _created(made, as_json: bool, en: bool) -> int:  # noqa: ANN001
    if as_json:
        _json(made.as_json())
        return 0
    say(str(made.entry.path))
    for copy in made.copies:
        say(str(copy))
    for vi, en_text in made.notes:
        sys.stderr.write((en_text if en else vi) + "\n")
    return 0


def _describe(manifest, en: bool) -> list[str]:  # noqa: ANN001
    return [("Backup of " if en else "Bản sao lưu của ") + f"{manifest.unit} — " + ("PC " if en else "máy ")
            + f"{manifest.node}, " + _local(manifest.created_at_utc) + " ("
            + REASONS.get(manifest.reason, (manifest.reason,) * 2)[en] + ")",
            ("  {0} changes, {1} attached files, {2}; program {3}, schema {4}" if en else
             "  {0} thay đổi, {1} tệp đính kèm, {2}; chương trình {3}, CSDL {4}").format(
                manifest.seq, manifest.attachments, _size(manifest.size), manifest.program, manifest.schema)]


def _verify(args: argparse.Namespace, en: bool) -> int:
    from ..services import backup

    manifest = backup.verify(args.file, env_passphrase(args.passphrase_env), args.key)
    if args.json:
        _json(manifest.as_json())
        return 0
    for line in _describe(manifest, en):
        say(line)
    say("Checked: decrypted whole, every file as listed, database intact." if en else
           "Đã kiểm tra: giải mã trọn vẹn, mọi tệp đúng bản kê khai, cơ sở dữ liệu toàn vẹn.")
    return 0


def _taken_away(comparison, en: bool) -> list[str]:  # noqa: ANN001
    """What a restore takes from this PC, said before and after."""
    if comparison is None or not comparison.later_changes:
        return []
    lines = [(f"{comparison.later_changes} changes made on this PC after the backup will be gone from it." if en else
              f"{comparison.later_changes} thay đổi làm trên máy này sau bản sao lưu sẽ không còn trên máy.")]
    if comparison.sent_later:
        lines.append(f"{comparison.sent_later} of them were already sent: the province keeps them, and this PC "
                     "numbers its new changes after them, so sync goes on." if en else
                     f"{comparison.sent_later} thay đổi trong số đó đã gửi đi: tỉnh vẫn giữ chúng, và máy này đánh "
                     "số các thay đổi mới tiếp sau chúng, nên việc đồng bộ vẫn tiếp tục.")
    return lines


def _restore(args: argparse.Namespace, en: bool, open_db) -> int:  # noqa: ANN001
    from .. import paths
    from ..services import backup

    passphrase = env_passphrase(args.passphrase_env)
    from .accounts import LoginRefused

    try:
        db = open_db(args, need_profile=False)
    except LoginRefused:
        raise
    except KnownError as exc:  # a damaged database is what a restore is for: it is moved aside, not read
        sys.stderr.write(exc.message("en" if en else "vi") + "\n")
        db = None
    try:
        if not args.yes:
            manifest = backup.verify(args.file, passphrase, args.key)
            for line in _describe(manifest, en):
                say(line)
            say(("It would replace the database and the files of " if en else
                    "Khôi phục sẽ thay cơ sở dữ liệu và các tệp trong ") + str(paths.data_dir()))
            for line in _taken_away(backup.compare(db, manifest) if db is not None else None, en):
                say(line)
            raise KnownError("Chưa khôi phục: thêm --yes để thay dữ liệu hiện tại (nó được sao lưu trước).",
                             "Not restored: add --yes to replace the current data (it is backed up first).")
        done = backup.restore(args.file, passphrase, db, args.key)
        db = None  # closed by the restore
    finally:
        if db is not None:
            db.dispose()
    if args.json:
        _json(done.as_json())
        return 0
    for line in _describe(done.manifest, en):
        say(line)
    say("Restored." if en else "Đã khôi phục.")
    if done.replaced_backup:
        say(("The data replaced is kept in the backup " if en else "Dữ liệu bị thay được giữ trong bản sao lưu ")
               + str(done.replaced_backup))
    if done.replaced_folder:
        say(("The data replaced is kept in the folder " if en else "Dữ liệu bị thay được giữ trong thư mục ")
               + str(done.replaced_folder))
    for line in _taken_away(done.comparison, en):
        say(line)
    return 0
