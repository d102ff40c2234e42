"""Local accounts (issue 13 §1): who uses this PC, with which role; offline login; lock-out; an admin's
reset of a forgotten password. The roles and what they may do are domain/roles.py.

A database with no account is used as before accounts (everything allowed, the OS user's name in the
audit trail). The first admin is made at the first run (the GUI asks; the CLI's `accounts
create-admin`); from then on every opening is locked (storage.db.Database.locked) until login().

Passwords: hashlib.scrypt (OpenSSL's), n=2**15, r=8, p=1, a 16-byte salt; the stored string names its
parameters so they can grow. Five failed logins lock an account for 15 minutes (kept in the database,
so closing the program does not reset it); an admin can unlock it at once.

Each login (success, failure, lock-out) and each account change is an audit entry ("login",
"account"): usernames and roles only, never a password or its hash."""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ..domain import roles
from ..domain.errors import KnownError
from ..storage import audit as chain
from ..storage.db import Database
from ..storage.models import Account
from . import province

SCRYPT_N, SCRYPT_R, SCRYPT_P, SALT_BYTES = 2**15, 8, 1, 16
MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
_VN = timezone(timedelta(hours=7))  # lock-out times as the office's clock shows them


@dataclass(frozen=True)
class AccountInfo:
    id: str
    username: str
    display_name: str
    role: str
    disabled: bool
    must_change: bool
    locked_until: str
    last_login: str

    def role_label(self, lang: str = "vi") -> str:
        return roles.label(self.role, lang)


def _info(a: Account) -> AccountInfo:
    return AccountInfo(a.id, a.username, a.display_name, a.role, a.disabled, a.must_change, a.locked_until,
                       a.last_login)


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


# --- passwords -------------------------------------------------------------------------------------

def hash_password(password: str) -> str:
    salt = os.urandom(SALT_BYTES)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            maxmem=128 * SCRYPT_N * SCRYPT_R * 2, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        n_, r_, p_ = int(n), int(r), int(p)
        got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=n_, r=r_, p=p_,
                             maxmem=128 * n_ * r_ * 2, dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def _checked_password(password: str, username: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise KnownError(f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.",
                         f"A password needs at least {MIN_PASSWORD} characters.")
    if password.casefold() == username.casefold():
        raise KnownError("Mật khẩu không được trùng tên đăng nhập.", "The password must not be the username.")
    return password


def _username(name: str) -> str:
    clean = unicodedata.normalize("NFC", name).strip().casefold()
    if not clean or len(clean) > 64 or any(ch.isspace() for ch in clean):
        raise KnownError("Tên đăng nhập cần 1–64 ký tự, không có dấu cách.",
                         "A username needs 1 to 64 characters and no spaces.")
    return clean


# --- state -----------------------------------------------------------------------------------------

def exist(db: Database) -> bool:
    """Whether this database has any account (then every use needs a login)."""
    with db.reader(unlocked=True) as s:
        return bool(s.scalar(select(func.count()).select_from(Account)))


def lock_if_accounts(db: Database) -> None:
    """At opening (services.setup.open_database): a database with accounts waits for a login."""
    if exist(db):
        db.locked, db.role, db.user_id = True, "", ""


def require(db: Database, permission: str) -> None:
    """Refuse unless the logged-in account's role has permission (any, on a database without accounts)."""
    db._check_open()  # noqa: SLF001 - the database's own "logged in" test
    if not roles.allowed(db.role, permission):
        vi, en = roles.WHAT.get(permission, (permission, permission))
        who_vi = ", ".join(roles.label(r) for r in roles.who_may(permission))
        who_en = ", ".join(roles.label(r, "en") for r in roles.who_may(permission))
        raise KnownError(f"Tài khoản {db.user} ({roles.label(db.role)}) không có quyền {vi}. Quyền này thuộc: {who_vi}.",
                         f"The account {db.user} ({roles.label(db.role, 'en')}) may not {en}. Roles that may: "
                         f"{who_en}.")


def require_of_file(db_file: Path, permission: str) -> None:
    """For a database the caller did not open (a restore over a damaged one): refused when the file is
    sound and has accounts, so that failing to log in is never a way round the login. Read with sqlite3,
    read-only; a damaged file has no login to check (restoring it is what a restore is for)."""
    try:
        con = sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            sound = con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            count = con.execute("SELECT count(*) FROM account").fetchone()[0] if sound else 0
        finally:
            con.close()
    except (sqlite3.Error, OSError, ValueError):
        return
    if count:
        vi, en = roles.WHAT.get(permission, (permission, permission))
        raise KnownError(f"Máy này có tài khoản: hãy đăng nhập (--user và mật khẩu) trước khi {vi}.",
                         f"This PC has accounts: log in (--user and the password) before you {en}.")


def may(db: Database, permission: str) -> bool:
    return not db.locked and roles.allowed(db.role, permission)


def _entry(s: Any, kind: str, what: str, username: str, **extra: Any) -> None:
    chain.note(s, kind, {"what": what, "username": username, **extra}, actor=username if kind == "login" else None)


# --- the first admin, login ------------------------------------------------------------------------

def create_first_admin(db: Database, username: str, display_name: str, password: str) -> AccountInfo:
    """The first account, an admin of the commune (or of the province on a province installation);
    refused once any account exists. Logs it in."""
    name = _username(username)
    _checked_password(password, name)
    role = roles.admin_role(province.is_province(db))
    with db.session(unlocked=True) as s:
        if s.scalar(select(func.count()).select_from(Account)):
            raise KnownError("Đã có tài khoản quản trị: hãy đăng nhập.", "An administrator exists: log in.")
        row = _new(name, display_name, role, password)
        s.add(row)
        _entry(s, "account", "first-admin", name, role=role)
    _logged_in(db, row)
    return _info(row)


def _new(name: str, display_name: str, role: str, password: str) -> Account:
    at = _iso(_now())
    return Account(id=uuid.uuid4().hex, username=name, display_name=display_name.strip() or name, role=role,
                   password_hash=hash_password(password), must_change=False, disabled=False, failed=0,
                   locked_until="", created_at=at, changed_at=at, last_login="")


def _logged_in(db: Database, row: Account) -> None:
    db.user, db.user_id, db.role, db.locked = row.username, row.id, row.role, False


BAD_LOGIN = ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.")


def login(db: Database, username: str, password: str, now: datetime | None = None) -> AccountInfo:
    """Check the password and open the database as this account. The same message for an unknown name
    and a wrong password; a locked or disabled account says so (after a right password only, so the
    message tells a guesser nothing)."""
    moment = now or _now()
    try:
        name = _username(username)
    except KnownError:
        raise KnownError(*BAD_LOGIN) from None
    refusal: KnownError | None = None
    with db.session(unlocked=True) as s:
        row = s.scalar(select(Account).where(Account.username == name))
        if row is None:
            check_password(password, _dummy())  # the same time as a known name
            _entry(s, "login", "failed", name, reason="unknown")
            refusal = KnownError(*BAD_LOGIN)
        elif row.locked_until and datetime.fromisoformat(row.locked_until) > moment:
            _entry(s, "login", "refused", name, reason="locked")
            until = datetime.fromisoformat(row.locked_until).astimezone(_VN).strftime("%H:%M")
            refusal = KnownError(f"Tài khoản tạm khóa đến {until} vì nhập sai mật khẩu nhiều lần; quản trị viên "
                                 "có thể mở khóa ngay.",
                                 f"The account is locked until {until} after repeated wrong passwords; an "
                                 "administrator can unlock it now.")
        elif not check_password(password, row.password_hash):
            row.failed += 1
            if row.failed >= MAX_FAILURES:
                row.locked_until, row.failed = _iso(moment + timedelta(minutes=LOCK_MINUTES)), 0
                _entry(s, "login", "locked", name, minutes=LOCK_MINUTES)
            else:
                _entry(s, "login", "failed", name, reason="password", failures=row.failed)
            refusal = KnownError(*BAD_LOGIN)
        elif row.disabled:
            _entry(s, "login", "refused", name, reason="disabled")
            refusal = KnownError("Tài khoản này đã bị khóa bởi quản trị viên.", "This account was disabled by an "
                                 "administrator.")
        else:
            row.failed, row.locked_until, row.last_login = 0, "", _iso(moment)
            _entry(s, "login", "ok", name, role=row.role)
    if refusal is not None:  # its entry committed above: the failures count even when refused
        raise refusal
    assert row is not None
    _logged_in(db, row)
    return _info(row)


@cache
def _dummy() -> str:
    """A hash to check an unknown name's password against; made when first needed, not at import (a
    scrypt hash costs about 0.1 s, on every start of the program and of every command)."""
    return hash_password("-" * MIN_PASSWORD)


def logout(db: Database) -> None:
    """Lock the database again (the GUI's "Đăng xuất", a locked screen)."""
    if exist(db):
        with db.session() as s:
            _entry(s, "login", "logout", db.user)
        db.locked, db.role, db.user_id = True, "", ""


def change_own_password(db: Database, old: str, new: str) -> None:
    with db.session() as s:
        row = s.get(Account, db.user_id)
        if row is None or not check_password(old, row.password_hash):
            raise KnownError("Mật khẩu hiện tại không đúng.", "The current password is wrong.")
        row.password_hash = hash_password(_checked_password(new, row.username))
        row.must_change, row.changed_at = False, _iso(_now())
        _entry(s, "account", "password-changed", row.username)


# --- an admin's work -------------------------------------------------------------------------------

def list_accounts(db: Database) -> list[AccountInfo]:
    require(db, "users")
    with db.reader() as s:
        return [_info(a) for a in s.scalars(select(Account).order_by(Account.username))]


def add(db: Database, username: str, display_name: str, role: str, password: str) -> AccountInfo:
    require(db, "users")
    name = _username(username)
    _checked_password(password, name)
    if role not in roles.roles_for(province.is_province(db)):
        raise KnownError(f"Vai trò “{role}” không dùng được ở đây.", f"The role “{role}” is not available here.")
    with db.session() as s:
        if s.scalar(select(Account).where(Account.username == name)) is not None:
            raise KnownError(f"Đã có tài khoản “{name}”.", f"The account “{name}” exists.")
        row = _new(name, display_name, role, password)
        row.must_change = True  # the admin typed it: its owner changes it at first login
        s.add(row)
        _entry(s, "account", "added", name, role=role)
    return _info(row)


def _admin_change(db: Database, username: str, what: str, change: Any, **extra: Any) -> AccountInfo:
    require(db, "users")
    name = _username(username)
    with db.session() as s:
        row = s.scalar(select(Account).where(Account.username == name))
        if row is None:
            raise KnownError(f"Không có tài khoản “{name}”.", f"There is no account “{name}”.")
        change(s, row)
        row.changed_at = _iso(_now())
        _entry(s, "account", what, name, **extra)
    return _info(row)


def _admins_left(s: Any, leaving: Account) -> int:
    return s.scalar(select(func.count()).select_from(Account).where(
        Account.role.in_(("admin", "province_admin")), Account.disabled.is_(False), Account.id != leaving.id)) or 0


def reset_password(db: Database, username: str, new_password: str) -> AccountInfo:
    """The forgotten-password path: an admin sets a new one, to be changed at the next login; the lock
    is lifted."""
    _checked_password(new_password, _username(username))

    def change(_s: Any, row: Account) -> None:
        row.password_hash, row.must_change, row.failed, row.locked_until = hash_password(new_password), True, 0, ""

    return _admin_change(db, username, "password-reset", change)


def unlock(db: Database, username: str) -> AccountInfo:
    def change(_s: Any, row: Account) -> None:
        row.failed, row.locked_until = 0, ""

    return _admin_change(db, username, "unlocked", change)


def set_disabled(db: Database, username: str, disabled: bool) -> AccountInfo:
    def change(s: Any, row: Account) -> None:
        if disabled and row.id == db.user_id:
            raise KnownError("Không tự khóa tài khoản mình đang dùng.", "You cannot disable the account you are using.")
        if disabled and row.role in ("admin", "province_admin") and not _admins_left(s, row):
            raise KnownError("Không thể khóa quản trị viên cuối cùng.", "The last administrator cannot be disabled.")
        row.disabled = disabled

    return _admin_change(db, username, "disabled" if disabled else "enabled", change)


def set_role(db: Database, username: str, role: str) -> AccountInfo:
    if role not in roles.roles_for(province.is_province(db)):
        raise KnownError(f"Vai trò “{role}” không dùng được ở đây.", f"The role “{role}” is not available here.")

    def change(s: Any, row: Account) -> None:
        if row.role in ("admin", "province_admin") and role != row.role and not _admins_left(s, row):
            raise KnownError("Phải còn ít nhất một quản trị viên.", "At least one administrator must remain.")
        row.role = role

    info = _admin_change(db, username, "role-changed", change, role=role)
    if info.id == db.user_id:  # one's own role: the session has the new one's rights from now on
        db.role = role
    return info
