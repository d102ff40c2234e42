"""What the Báo cáo page's token picker stands on: the tokens listed with their slot, manufacturer and
signing certificates (issuer, validity; the CA's own certificate apart), a certificate chosen by its
CKA_ID, one read only after login, an expired one refused before any login, and the PIN pad.

SoftHSM2 cannot be a PIN-pad token (its flags never carry CKF_PROTECTED_AUTHENTICATION_PATH), so the
PIN pad is tested where it is decided: the decision reads the token's flags (python-pkcs11's real
constants), the login passes python-pkcs11's PROTECTED_AUTH to the token's open() (a stand-in token
records the call), and the real SoftHSM token, without the flag, gets the typed PIN. What a real
PIN pad then does (its own prompt, C_Login with no PIN) is the driver's and is not tested here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pkcs11
import pytest
import softhsm
from pkcs11 import exceptions as p11
from pkcs11.constants import TokenFlag

from papi_desktop.domain.errors import KnownError
from papi_desktop.exports import token
from papi_desktop.services import tokens


@pytest.fixture
def chairman(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> softhsm.Token:
    return softhsm.make_token(tmp_path / "hsm", monkeypatch)


def test_listing_shows_slot_maker_and_signing_certificates(chairman: softhsm.Token) -> None:
    found = tokens.find(module=Path(chairman.module))
    assert found.module == Path(chairman.module)
    [info] = found.tokens
    assert info.label == chairman.label and info.manufacturer == "SoftHSM project" and isinstance(info.slot, int)
    assert not info.pin_pad and tokens.pin_entry(info) == "keyboard" and not info.locked
    assert {c.label for c in info.certificates} == {"chu-tich", "CA"}  # both public on this token
    [cert] = info.signing_certificates  # the CA's certificate is not one to sign with
    assert cert.label == "chu-tich" and cert.key_id == b"\x01" and not cert.is_ca and cert.signing
    assert cert.subject["CN"] == "Lò Văn Minh" and cert.issuer["CN"] == "CA thử nghiệm cho chữ ký số chuyên dùng"
    assert cert.not_before < cert.not_after and not cert.expired() and not cert.has_key  # the key shows after login
    tokens.check_certificate(cert)  # usable today


def test_certificate_chosen_by_its_id(chairman: softhsm.Token) -> None:
    options = tokens.TokenOptions(chairman.label, chairman.pin, Path(chairman.module), "chu-tich", cert_id=b"\x01")
    with tokens.open_key(options) as key:
        assert key.cert_label == "chu-tich" and key.key_id == b"\x01" and key.subject["CN"] == "Lò Văn Minh"
    wrong = tokens.TokenOptions(chairman.label, chairman.pin, Path(chairman.module), cert_id=b"\x09")
    with pytest.raises(KnownError) as err:
        tokens.open_key(wrong)
    assert "không có chứng thư “09” kèm khóa bí mật" in err.value.vi and "“chu-tich”" in err.value.vi
    serial = tokens.find(module=Path(chairman.module)).tokens[0].serial
    other = tokens.TokenOptions(chairman.label, chairman.pin, Path(chairman.module), serial="ffff")
    with pytest.raises(KnownError, match="Không thấy token có nhãn"):  # same label, another token
        tokens.open_key(other)
    with tokens.open_key(tokens.TokenOptions(chairman.label, chairman.pin, Path(chairman.module), serial=serial)):
        pass


def test_certificates_read_after_login(chairman: softhsm.Token) -> None:
    options = tokens.TokenOptions(chairman.label, chairman.pin, Path(chairman.module))
    certs = {c.label: c for c in tokens.read_certificates(options)}
    assert certs["chu-tich"].has_key and not certs["CA"].has_key and certs["CA"].is_ca
    with pytest.raises(KnownError) as err:
        tokens.read_certificates(tokens.TokenOptions(chairman.label, "000000", Path(chairman.module)))
    assert err.value.vi.startswith(f"Mã PIN của token “{chairman.label}” không đúng")
    assert tokens.read_certificates(options)  # the module was finalised cleanly after the refusal


def test_expired_certificate_is_refused_before_login(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = softhsm.make_token(tmp_path / "old", monkeypatch, label="TOKEN-CU", days=-1)  # expired yesterday
    [cert] = tokens.find(module=Path(old.module)).tokens[0].signing_certificates
    assert cert.expired()
    with pytest.raises(KnownError) as err:
        tokens.check_certificate(cert)
    assert "đã hết hạn ngày" in err.value.vi and "Chưa ký văn bản nào" in err.value.vi
    assert "expired on" in err.value.en
    with pytest.raises(KnownError, match="đã hết hạn ngày"):  # and after login too, if asked anyway
        tokens.open_key(tokens.TokenOptions(old.label, old.pin, Path(old.module)))
    later = dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
    assert not cert.expired(later) and cert.not_yet_valid(later - dt.timedelta(days=30))


def test_pin_pad_is_decided_by_the_token_flags() -> None:
    pad = TokenFlag.TOKEN_INITIALIZED | TokenFlag.LOGIN_REQUIRED | TokenFlag.PROTECTED_AUTHENTICATION_PATH
    keyboard = TokenFlag.TOKEN_INITIALIZED | TokenFlag.LOGIN_REQUIRED | TokenFlag.USER_PIN_INITIALIZED
    assert token.uses_pin_pad(int(pad)) and not token.uses_pin_pad(int(keyboard))
    assert token.login_pin(int(pad), None) is pkcs11.PROTECTED_AUTH
    assert token.login_pin(int(pad), "123456") is pkcs11.PROTECTED_AUTH  # a PIN typed anyway is not sent
    assert token.login_pin(int(keyboard), "123456") == "123456"
    with pytest.raises(KnownError, match="Chưa nhập mã PIN"):
        token.login_pin(int(keyboard), "")
    info = token.TokenInfo("CHU-TICH", "01", "Viettel-CA", False, False, [], 1, token.uses_pin_pad(int(pad)))
    assert tokens.pin_entry(info) == "pad"


class PinPadToken:
    """A token whose flags say it has a PIN pad: records how open() was asked to log in, then answers
    as the device would (logged in, or the Cancel key pressed)."""

    label = "CHU-TICH-PINPAD"
    flags = int(TokenFlag.TOKEN_INITIALIZED | TokenFlag.LOGIN_REQUIRED | TokenFlag.PROTECTED_AUTHENTICATION_PATH)

    def __init__(self, cancel: bool = False) -> None:
        self.cancel, self.calls = cancel, []

    def open(self, **kwargs: object) -> object:
        self.calls.append(kwargs)
        if self.cancel:
            raise p11.FunctionCancelled()
        return "session"


def test_pin_pad_login_passes_no_pin(chairman: softhsm.Token, monkeypatch: pytest.MonkeyPatch) -> None:
    device = PinPadToken()
    monkeypatch.setattr(token, "_token_named", lambda _lib, _label, _serial=None: device)
    monkeypatch.setattr(token, "_pick", lambda session, *_a: session)  # the session itself, to see it came back
    assert token.open_key(chairman.module, device.label, None) == "session"
    assert device.calls == [{"user_pin": pkcs11.PROTECTED_AUTH}]
    cancelled = PinPadToken(cancel=True)
    monkeypatch.setattr(token, "_token_named", lambda _lib, _label, _serial=None: cancelled)
    with pytest.raises(KnownError) as err:
        token.open_key(chairman.module, cancelled.label, None)
    assert err.value.vi.startswith("Đã hủy nhập PIN trên thiết bị token") and "Nothing was signed" in err.value.en


def test_real_token_without_pin_pad_gets_the_typed_pin(chairman: softhsm.Token) -> None:
    """SoftHSM's flags lack the PIN pad's: the PIN typed is what logs in, and python-pkcs11 itself
    refuses PROTECTED_AUTH for such a token, so the decision must come from the flags."""
    lib = pkcs11.lib(chairman.module)
    lib.reinitialize()
    try:
        device = lib.get_token(token_label=chairman.label)
        assert not token.uses_pin_pad(device.flags)
        assert token.login_pin(device.flags, chairman.pin) == chairman.pin
        with pytest.raises(p11.ArgumentsBad):
            device.open(user_pin=pkcs11.PROTECTED_AUTH)
    finally:
        lib.finalize()
