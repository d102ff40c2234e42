"""The command line's identity and the accounts commands. No Qt imported here.

A database with accounts is opened only with --user NAME (or PAPI_USER) and the password in an
environment variable (PAPI_PASSWORD, or the one --password-env names): never on the command line,
where other users of the PC could read it."""

from __future__ import annotations

import argparse
import json
import os

from ..domain import roles
from ..domain.errors import KnownError
from .common import env_passphrase, say

PASSWORD_ENV = "PAPI_PASSWORD"


def add_global(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="TÊN", default=os.environ.get("PAPI_USER") or None,
                        help="tài khoản đăng nhập, khi máy đã có tài khoản (the account, once there are accounts; "
                             "default $PAPI_USER)")
    parser.add_argument("--password-env", metavar="BIẾN", default=PASSWORD_ENV,
                        help=f"biến môi trường chứa mật khẩu (the variable holding the password; default {PASSWORD_ENV})")


class LoginRefused(KnownError):
    """No login, or a refused one: never taken for a database that cannot be opened."""


def login(db, args: argparse.Namespace) -> None:  # noqa: ANN001
    """Log in as --user when the database has accounts (it is locked until then)."""
    from ..services import accounts

    if not db.locked:
        return
    user = getattr(args, "user", None)
    variable = getattr(args, "password_env", PASSWORD_ENV) or PASSWORD_ENV
    password = os.environ.get(variable, "")
    if not user or not password:
        raise KnownError(f"Máy này có tài khoản: cần --user TÊN và mật khẩu trong biến môi trường {variable}.",
                         f"This PC has accounts: give --user NAME and the password in the variable {variable}.")
    info = accounts.login(db, user, password)
    if info.must_change:
        import sys  # noqa: PLC0415

        sys.stderr.write("Mật khẩu do quản trị viên đặt: hãy đổi bằng `papi-desktop accounts passwd`.\n"
                         if getattr(args, "lang", None) != "en" else
                         "The password was set by an administrator: change it with `papi-desktop accounts passwd`.\n")


def add_parsers(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    acc = sub.add_parser("accounts", help="tài khoản người dùng và vai trò (user accounts and roles)")
    asub = acc.add_subparsers(dest="accounts_command", required=True)
    first = asub.add_parser("create-admin", help="tạo quản trị viên đầu tiên (the first administrator)")
    first.add_argument("name", help="tên đăng nhập (username)")
    first.add_argument("--full-name", default="", help="họ và tên (display name)")
    first.add_argument("--new-password-env", metavar="BIẾN", required=True,
                       help="biến môi trường chứa mật khẩu mới (the variable holding the new password)")
    add = asub.add_parser("add", help="thêm tài khoản (add an account; admin)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=roles.ROLES)
    add.add_argument("--full-name", default="")
    add.add_argument("--new-password-env", metavar="BIẾN", required=True)
    asub.add_parser("list", help="liệt kê (list; admin)").add_argument("--json", action="store_true")
    reset = asub.add_parser("reset", help="đặt lại mật khẩu quên (reset a forgotten password; admin)")
    reset.add_argument("name")
    reset.add_argument("--new-password-env", metavar="BIẾN", required=True)
    for name, text in (("unlock", "mở khóa sau nhiều lần sai mật khẩu (unlock)"),
                       ("disable", "khóa tài khoản (disable)"), ("enable", "mở lại tài khoản (enable)")):
        asub.add_parser(name, help=f"{text}; admin").add_argument("name")
    role = asub.add_parser("role", help="đổi vai trò (change the role; admin)")
    role.add_argument("name")
    role.add_argument("role", choices=roles.ROLES)
    pw = asub.add_parser("passwd", help="đổi mật khẩu của mình (change your own password)")
    pw.add_argument("--new-password-env", metavar="BIẾN", required=True)


def run(args: argparse.Namespace, lang: str, open_db) -> int:  # noqa: ANN001
    from ..services import accounts

    en = lang == "en"
    command = args.accounts_command
    db = open_db(args, need_profile=command != "create-admin")
    try:
        if command == "create-admin":
            info = accounts.create_first_admin(db, args.name, args.full_name, env_passphrase(args.new_password_env))
        elif command == "add":
            info = accounts.add(db, args.name, args.full_name, args.role, env_passphrase(args.new_password_env))
        elif command == "list":
            found = accounts.list_accounts(db)
            if args.json:
                say(json.dumps([{"username": a.username, "name": a.display_name, "role": a.role,
                                 "disabled": a.disabled, "must_change": a.must_change, "locked_until": a.locked_until,
                                 "last_login": a.last_login} for a in found], ensure_ascii=False, indent=2))
            for a in [] if args.json else found:
                state = ("disabled" if en else "đã khóa") if a.disabled else ""
                say("\t".join(filter(None, (a.username, a.display_name, a.role_label(lang), state))))
            return 0
        elif command == "reset":
            info = accounts.reset_password(db, args.name, env_passphrase(args.new_password_env))
        elif command == "unlock":
            info = accounts.unlock(db, args.name)
        elif command in ("disable", "enable"):
            info = accounts.set_disabled(db, args.name, command == "disable")
        elif command == "role":
            info = accounts.set_role(db, args.name, args.role)
        else:
            old = os.environ.get(getattr(args, "password_env", PASSWORD_ENV) or PASSWORD_ENV, "")
            accounts.change_own_password(db, old, env_passphrase(args.new_password_env))
            say("Password changed." if en else "Đã đổi mật khẩu.")
            return 0
    finally:
        db.dispose()
    say(f"{info.username}\t{info.role_label(lang)}" + (("\tdisabled" if en else "\tđã khóa") if info.disabled else ""))
    return 0
