"""The chairman's USB token (PKCS#11): the vendor's module path is a setting of this PC (a DLL on
Windows); the token is chosen by its label (and serial, where two share a label) and the certificate
by its label or CKA_ID on the token; the PIN comes from the user each time and is never stored, and a
token with a PIN pad is logged in without one (the device asks)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import KnownError
from ..exports import token
from ..storage.db import Database
from ..storage.models import LocalSetting
from . import accounts

MODULE_KEY = "pkcs11_module"


@dataclass
class TokenOptions:
    token_label: str
    pin: str | None  # ignored for a token with a PIN pad (its flags decide, when logging in)
    module: Path | None = None  # default: the module set in Cài đặt
    cert_label: str | None = None  # default: the token's only signing certificate
    serial: str | None = None  # the token's serial, where two tokens share a label
    cert_id: bytes | None = None  # the certificate's CKA_ID (the key beside it has the same)

    def __repr__(self) -> str:  # the PIN never lands in a log or a traceback
        return (f"TokenOptions({self.token_label!r}, pin=***, module={self.module!r}, cert={self.cert_label!r}, "
                f"serial={self.serial!r})")


def module_path(db: Database) -> Path | None:
    with db.reader() as s:
        row = s.get(LocalSetting, MODULE_KEY)
        return Path(row.value) if row is not None and row.value else None


def set_module_path(db: Database, path: Path | None) -> None:
    """The vendor's PKCS#11 module (checked to exist); None forgets it."""
    accounts.require(db, "settings")
    if path is not None and not Path(path).is_file():
        raise KnownError(f"Không tìm thấy tệp module PKCS#11 {path}.", f"PKCS#11 module {path} not found.")
    with db.session() as s:
        row = s.get(LocalSetting, MODULE_KEY)
        value = str(path) if path is not None else ""
        if row is None:
            s.add(LocalSetting(key=MODULE_KEY, value=value))
        else:
            row.value = value


def _module(db: Database | None, given: Path | None) -> Path:
    found = given or (module_path(db) if db is not None else None)
    if found is None:
        raise KnownError("Chưa đặt đường dẫn module PKCS#11 của token (Cài đặt, hoặc --pkcs11-lib trên dòng lệnh). "
                         "Tệp này do phần mềm của tổ chức cung cấp chữ ký số cài vào máy (.dll trên Windows).",
                         "The token's PKCS#11 module is not set (Settings, or --pkcs11-lib). The CA's token "
                         "software installs it (a .dll on Windows).")
    return Path(found)


def open_key(options: TokenOptions, db: Database | None = None) -> token.TokenKey:
    return token.open_key(_module(db, options.module), options.token_label, options.pin, options.cert_label,
                          serial=options.serial, cert_id=options.cert_id)


def list_tokens(db: Database | None = None, module: Path | None = None) -> list[token.TokenInfo]:
    return token.list_tokens(_module(db, module))


@dataclass(frozen=True)
class Found:
    """What "Tìm token" shows: the module used and the tokens it sees."""

    module: Path
    tokens: list[token.TokenInfo]


def find(db: Database | None = None, module: Path | None = None) -> Found:
    path = _module(db, module)
    return Found(path, token.list_tokens(path))


def read_certificates(options: TokenOptions, db: Database | None = None) -> list[token.TokenCertificate]:
    """The certificates of a token that shows them only after login (the PIN is used once here)."""
    return token.read_certificates(_module(db, options.module), options.token_label, options.pin, options.serial)


def pin_entry(info: token.TokenInfo) -> str:
    """How the PIN is given: "pad" on the token's own PIN pad, "keyboard" typed in the program."""
    return "pad" if info.pin_pad else "keyboard"


def check_certificate(cert: token.TokenCertificate, now: dt.datetime | None = None) -> None:
    """Refuse before any login a certificate that cannot sign today (expired, not yet valid)."""
    if cert.expired(now) and cert.valid_until is not None:
        raise KnownError(*token.expired_message(cert.label, cert.valid_until))
    if cert.not_yet_valid(now) and cert.valid_from is not None:
        raise KnownError(*token.not_yet_valid_message(cert.label, cert.valid_from))
