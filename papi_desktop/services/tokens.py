"""The chairman's USB token (PKCS#11): the vendor's module path is a setting of this PC (a DLL on
Windows); the token is chosen by its label and the certificate by its label on the token; the PIN
comes from the user each time and is never stored."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import KnownError
from ..exports import token
from ..storage.db import Database
from ..storage.models import LocalSetting

MODULE_KEY = "pkcs11_module"


@dataclass
class TokenOptions:
    token_label: str
    pin: str
    module: Path | None = None  # default: the module set in Cài đặt
    cert_label: str | None = None  # default: the token's only signing certificate

    def __repr__(self) -> str:  # the PIN never lands in a log or a traceback
        return f"TokenOptions({self.token_label!r}, pin=***, module={self.module!r}, cert={self.cert_label!r})"


def module_path(db: Database) -> Path | None:
    with db.reader() as s:
        row = s.get(LocalSetting, MODULE_KEY)
        return Path(row.value) if row is not None and row.value else None


def set_module_path(db: Database, path: Path | None) -> None:
    """The vendor's PKCS#11 module (checked to exist); None forgets it."""
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
    return token.open_key(_module(db, options.module), options.token_label, options.pin, options.cert_label)


def list_tokens(db: Database | None = None, module: Path | None = None) -> list[token.TokenInfo]:
    return token.list_tokens(_module(db, module))
