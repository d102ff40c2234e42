"""Signing with a key that never leaves a USB token (PKCS#11): the chairman's token from his licensed
CA (Ban Cơ yếu Chính phủ for state bodies, or a licensed commercial CA). The vendor's PKCS#11 module
(a .so here, a DLL on Windows) is loaded through python-pkcs11; pyHanko's PKCS11Signer makes the
signatures, PDF (PAdES) and detached CMS alike. The PIN is used to log in and then forgotten."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.errors import KnownError

if TYPE_CHECKING:
    from cryptography import x509


@dataclass(frozen=True)
class TokenCertificate:
    label: str
    key_id: bytes
    subject: dict[str, str]
    not_after: str
    has_key: bool  # a private key with the same CKA_ID is on the token (seen only after login on most)
    issuer: dict[str, str] = field(default_factory=dict)
    not_before: str = ""
    is_ca: bool = False
    signing: bool = True  # its key usage allows signing documents (digitalSignature or nonRepudiation)
    valid_from: dt.datetime | None = None
    valid_until: dt.datetime | None = None

    def expired(self, now: dt.datetime | None = None) -> bool:
        return self.valid_until is not None and self.valid_until < (now or dt.datetime.now(dt.UTC))

    def not_yet_valid(self, now: dt.datetime | None = None) -> bool:
        return self.valid_from is not None and self.valid_from > (now or dt.datetime.now(dt.UTC))


@dataclass(frozen=True)
class TokenInfo:
    label: str
    serial: str
    manufacturer: str
    locked: bool
    final_try: bool
    certificates: list[TokenCertificate] = field(default_factory=list)
    slot: int | None = None
    pin_pad: bool = False  # CKF_PROTECTED_AUTHENTICATION_PATH: the PIN is typed on the device
    model: str = ""

    @property
    def signing_certificates(self) -> list[TokenCertificate]:
        """What a person can sign with: not a CA's certificate, and its key usage allows signing."""
        return [c for c in self.certificates if c.signing and not c.is_ca]


@dataclass
class TokenKey:
    """A key on a token, logged in for one signing run. Close it (or use `with`) when done."""

    token_label: str
    cert_label: str
    cert: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)  # CA certificates found on the token
    key_id: bytes = b""
    _session: Any = None  # python-pkcs11's Session and lib (untyped)
    _lib: Any = None
    _signer: Any = None

    @property
    def subject(self) -> dict[str, str]:
        from .signing import name_parts

        return name_parts(self.cert.subject)

    def pyhanko_signer(self):
        if self._signer is None:
            from asn1crypto import x509 as asn1_x509
            from cryptography.hazmat.primitives import serialization
            from pyhanko.sign.pkcs11 import PKCS11Signer

            der = serialization.Encoding.DER
            cert = asn1_x509.Certificate.load(self.cert.public_bytes(der))
            chain = [asn1_x509.Certificate.load(c.public_bytes(der)) for c in self.chain]
            kwargs = {"key_id": self.key_id} if self.key_id else {"key_label": self.cert_label}
            self._signer = PKCS11Signer(self._session, signing_cert=cert, ca_chain=chain, other_certs_to_pull=None,
                                        **kwargs)
        return self._signer

    def close(self) -> None:
        session, lib, self._session, self._lib, self._signer = self._session, self._lib, None, None, None
        if session is not None:
            try:
                session.close()
            finally:  # the next run sees the token as it is then (re-plugged, another token)
                _finalize(lib)

    def __enter__(self) -> TokenKey:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _finalize(lib) -> None:
    import contextlib

    with contextlib.suppress(Exception):
        lib.finalize()


def _load(lib_path: str | Path):
    import pkcs11

    path = str(lib_path)
    if not Path(path).is_file():
        raise KnownError(f"Không tìm thấy module PKCS#11 “{path}”. Cài phần mềm token của tổ chức cung cấp chữ ký số "
                         "và đặt đường dẫn tệp module (.dll trên Windows) trong Cài đặt.",
                         f"PKCS#11 module “{path}” not found. Install the token vendor's software and set the "
                         "module's path (a .dll on Windows) in Settings.")
    try:
        return pkcs11.lib(path)
    except pkcs11.PKCS11Error as exc:
        raise KnownError(f"Không nạp được module PKCS#11 “{path}”: {exc}. Kiểm tra đã chọn đúng tệp module của "
                         "token (cùng kiểu 32/64 bit với chương trình).",
                         f"Cannot load PKCS#11 module “{path}”: {exc}.") from None


def _tokens(lib) -> list:
    import pkcs11
    from pkcs11.constants import TokenFlag

    found = []
    for slot in lib.get_slots(token_present=True):
        try:
            token = slot.get_token()
        except pkcs11.PKCS11Error:
            continue
        if TokenFlag(int(token.flags)) & TokenFlag.TOKEN_INITIALIZED:  # not a blank slot
            found.append(token)
    return found


def _flags(token) -> tuple[bool, bool]:
    from pkcs11.constants import TokenFlag

    flags = TokenFlag(int(token.flags))
    return bool(flags & TokenFlag.USER_PIN_LOCKED), bool(flags & TokenFlag.USER_PIN_FINAL_TRY)


def uses_pin_pad(flags: int) -> bool:
    """CKF_PROTECTED_AUTHENTICATION_PATH: the token has its own PIN pad (or asks for the PIN its own
    way), so the program asks for no PIN and logs in without one."""
    from pkcs11.constants import TokenFlag

    return bool(TokenFlag(int(flags)) & TokenFlag.PROTECTED_AUTHENTICATION_PATH)


def login_pin(flags: int, pin: str | None) -> object:
    """What the login passes, decided by the token's flags (not by the caller): python-pkcs11's
    PROTECTED_AUTH for a PIN pad (C_Login with no PIN: the device asks), else the PIN typed."""
    from pkcs11 import PROTECTED_AUTH

    if uses_pin_pad(flags):
        return PROTECTED_AUTH
    if not pin:
        raise KnownError("Chưa nhập mã PIN của token.", "The token's PIN was not given.")
    return pin


def _serial(token) -> str:
    serial = token.serial
    return serial.hex() if isinstance(serial, bytes) else str(serial)


def _text(value) -> str:
    return value.decode("utf-8", "replace").strip() if isinstance(value, bytes) else str(value or "").strip()


def _usage(cert) -> tuple[bool, bool]:
    """(is a CA, may sign documents) from the certificate's extensions."""
    from cryptography import x509

    try:
        is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        signing = usage.digital_signature or usage.content_commitment
    except x509.ExtensionNotFound:
        signing = True
    return is_ca, signing


def _certificates(session) -> list[tuple[TokenCertificate, x509.Certificate]]:
    from cryptography import x509
    from pkcs11 import Attribute, ObjectClass

    from .signing import name_parts

    key_ids = set()
    key_labels = set()
    for key in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}):
        key_ids.add(bytes(key[Attribute.ID] or b""))
        key_labels.add(key[Attribute.LABEL])
    out = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        try:
            cert = x509.load_der_x509_certificate(bytes(obj[Attribute.VALUE]))
        except ValueError:
            continue
        key_id, label = bytes(obj[Attribute.ID] or b""), str(obj[Attribute.LABEL] or "")
        has_key = (bool(key_id) and key_id in key_ids) or label in key_labels
        is_ca, signing = _usage(cert)
        out.append((TokenCertificate(label, key_id, name_parts(cert.subject),
                                     cert.not_valid_after_utc.date().isoformat(), has_key, name_parts(cert.issuer),
                                     cert.not_valid_before_utc.date().isoformat(), is_ca, signing,
                                     cert.not_valid_before_utc, cert.not_valid_after_utc), cert))
    return out


def _token_named(lib, label: str, serial: str | None = None):
    tokens = _tokens(lib)
    for token in tokens:
        if token.label == label and (serial is None or _serial(token) == serial):
            return token
    present = ", ".join(f"“{t.label}”" for t in tokens)
    raise KnownError(f"Không thấy token có nhãn “{label}”. Hãy cắm token vào máy. Token đang cắm: "
                     f"{present or 'không có'}.",
                     f"No token labelled “{label}”. Plug the token in. Tokens present: {present or 'none'}.")


def _info(token) -> TokenInfo:
    locked, final_try = _flags(token)
    return TokenInfo(token.label, _serial(token), _text(token.manufacturer_id), locked, final_try,
                     _public_certificates(token), token.slot.slot_id, uses_pin_pad(token.flags), _text(token.model))


def list_tokens(lib_path: str | Path) -> list[TokenInfo]:
    """The tokens plugged in (slot, label, manufacturer, PIN state, PIN pad) and, where the token lets
    them be read without a PIN, their certificates."""
    lib = _load(lib_path)
    try:
        return [_info(token) for token in _tokens(lib)]
    finally:
        _finalize(lib)


LOCKED = ("Token “{label}” đã bị khóa vì nhập sai mã PIN quá số lần cho phép. Chưa ký văn bản nào. Hãy liên hệ tổ "
          "chức cung cấp chữ ký số (hoặc dùng mã PUK theo hướng dẫn của họ) để mở khóa.",
          "Token “{label}” is locked: the PIN was entered wrongly too many times. Nothing was signed. Ask the CA "
          "that issued it (or use its PUK as they explain) to unlock it.")


def _login(token, token_label: str, pin: str | None):
    """A session logged in with the PIN, or through the token's PIN pad; the PIN is not kept."""
    from pkcs11 import exceptions as p11

    locked, final_try = _flags(token)
    if locked:  # no login tried: it would only be refused
        raise KnownError(LOCKED[0].format(label=token_label), LOCKED[1].format(label=token_label))
    user_pin = login_pin(token.flags, pin)
    try:
        return token.open(user_pin=user_pin)
    except p11.PinLocked:
        raise KnownError(LOCKED[0].format(label=token_label), LOCKED[1].format(label=token_label)) from None
    except (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange) as exc:
        last = _flags(token)[1] or final_try
        warn_vi = (" Lần nhập sai tiếp theo sẽ khóa token." if last else
                   " Token sẽ bị khóa nếu nhập sai quá số lần cho phép.")
        warn_en = " One more wrong PIN locks the token." if last else " Too many wrong PINs lock the token."
        raise KnownError(f"Mã PIN của token “{token_label}” không đúng. Chưa ký văn bản nào.{warn_vi}",
                         f"Wrong PIN for token “{token_label}”. Nothing was signed.{warn_en}") from exc
    except p11.PinExpired:
        raise KnownError(f"Mã PIN của token “{token_label}” đã hết hạn: đổi PIN bằng phần mềm của token.",
                         f"The PIN of token “{token_label}” has expired: change it with the token's "
                         "software.") from None
    except p11.FunctionCancelled:  # the PIN pad's Cancel key
        raise KnownError(f"Đã hủy nhập PIN trên thiết bị token “{token_label}”. Chưa ký văn bản nào.",
                         f"PIN entry on token “{token_label}” was cancelled. Nothing was signed.") from None


def _close(session, lib) -> None:
    import pkcs11

    try:
        session.close()
    except pkcs11.PKCS11Error:
        pass
    _finalize(lib)


def open_key(lib_path: str | Path, token_label: str, pin: str | None, cert_label: str | None = None,
             now: dt.datetime | None = None, serial: str | None = None, cert_id: bytes | None = None) -> TokenKey:
    """Log in to the token (with the PIN, or through its PIN pad) and pick the signing certificate:
    the one with cert_id / cert_label, or the only certificate on the token that has its private key
    beside it."""
    lib = _load(lib_path)
    try:
        session = _login(_token_named(lib, token_label, serial), token_label, pin)
    except BaseException:
        _finalize(lib)
        raise
    try:
        return _pick(session, lib, token_label, cert_label, now, cert_id)
    except BaseException:
        _close(session, lib)
        raise


def read_certificates(lib_path: str | Path, token_label: str, pin: str | None,
                      serial: str | None = None) -> list[TokenCertificate]:
    """For a token that shows its certificates only after login: logged in, listed, logged out."""
    lib = _load(lib_path)
    try:
        session = _login(_token_named(lib, token_label, serial), token_label, pin)
    except BaseException:
        _finalize(lib)
        raise
    try:
        return [c for c, _x in _certificates(session)]
    finally:
        _close(session, lib)


def expired_message(label: str, until: dt.datetime) -> tuple[str, str]:
    return (f"Chứng thư “{label}” trên token đã hết hạn ngày {until:%d/%m/%Y}. Chưa ký văn bản nào. Hãy gia hạn với "
            "tổ chức cung cấp chữ ký số.",
            f"Certificate “{label}” on the token expired on {until:%d/%m/%Y}. Nothing was signed. Renew it with "
            "the CA.")


def not_yet_valid_message(label: str, since: dt.datetime) -> tuple[str, str]:
    return (f"Chứng thư “{label}” trên token chỉ có hiệu lực từ ngày {since:%d/%m/%Y}. Chưa ký văn bản nào. Kiểm "
            "tra ngày giờ của máy tính.",
            f"Certificate “{label}” on the token is valid only from {since:%d/%m/%Y}. Nothing was signed. "
            "Check the computer's date.")


def _pick(session, lib, token_label: str, cert_label: str | None, now: dt.datetime | None,
          cert_id: bytes | None = None) -> TokenKey:
    certs = _certificates(session)
    usable = [(info, cert) for info, cert in certs if info.has_key]
    if cert_label is not None or cert_id:
        chosen = [(info, cert) for info, cert in usable if (cert_label is None or info.label == cert_label)
                  and (not cert_id or info.key_id == cert_id)]
        if not chosen:
            wanted = cert_label or (cert_id.hex() if cert_id else "")  # an empty label: none has it
            names = ", ".join(f"“{i.label}”" for i, _c in usable) or "không có"
            raise KnownError(f"Token “{token_label}” không có chứng thư “{wanted}” kèm khóa bí mật. Chứng thư ký "
                             f"được trên token: {names}.",
                             f"Token “{token_label}” has no certificate “{wanted}” with its private key. "
                             f"Usable: {names}.")
    elif len(usable) == 1:
        chosen = usable
    elif not usable:
        raise KnownError(f"Token “{token_label}” không có chứng thư ký số nào kèm khóa bí mật.",
                         f"Token “{token_label}” holds no certificate with its private key.")
    else:
        names = ", ".join(f"“{i.label}”" for i, _c in usable)
        raise KnownError(f"Token “{token_label}” có nhiều chứng thư ký số ({names}): hãy chọn một.",
                         f"Token “{token_label}” holds several signing certificates ({names}): choose one.")
    info, cert = chosen[0]
    if info.expired(now):
        raise KnownError(*expired_message(info.label, cert.not_valid_after_utc))
    if info.not_yet_valid(now):
        raise KnownError(*not_yet_valid_message(info.label, cert.not_valid_before_utc))
    chain = [c for i, c in certs if not i.has_key and c.subject != cert.subject]
    return TokenKey(token_label, info.label, cert, chain, info.key_id, session, lib)


def _public_certificates(token) -> list[TokenCertificate]:  # noqa: ANN001 - a pkcs11 Token
    """The certificates a token shows without its PIN; none where it shows them only after login."""
    import pkcs11  # noqa: PLC0415

    try:
        with token.open() as session:
            return [c for c, _x in _certificates(session)]
    except pkcs11.PKCS11Error:
        return []
