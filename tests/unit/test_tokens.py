"""The chairman's USB token, with SoftHSM2 standing in: PDF and workbook signed with a key that never
leaves the token, checked by pyHanko, pdfsig and openssl; a wrong PIN and a locked token refused
with clear messages before any number is taken; the module path as a setting; the command line."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import poppler
import pytest
import softhsm
from cli_runner import run_cli

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.exports import cosign, token
from papi_desktop.services import keys, reports, setup, tokens

TODAY = date(2026, 6, 5)
PASS = "ba-con-meo-tren-doi-2026"


@pytest.fixture
def demo(bare_db):
    setup.create_demo(bare_db, today=TODAY)
    return bare_db


@pytest.fixture
def chairman(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> softhsm.Token:
    return softhsm.make_token(tmp_path / "hsm", monkeypatch)


def _request(kind: str = "petitions") -> reports.ExportRequest:
    return reports.ExportRequest(kind, reports.resolve_period(kind, "2026-H1", today=TODAY), TODAY)


def _openssl_verify(p7s: Path, content: Path, ca: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s, "-content", content,
                           "-CAfile", ca, "-purpose", "smimesign", "-out", os.devnull], capture_output=True, text=True,
                          timeout=60)


def _nss(tmp_path: Path, *pems: bytes) -> str:
    nss = tmp_path / "nssdb"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, timeout=60)
    for i, pem in enumerate(pems):
        cert = tmp_path / f"anchor{i}.pem"
        cert.write_bytes(pem)
        subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", f"a{i}", "-t", "C,C,C", "-i", cert], check=True,
                       timeout=60)
    return f"sql:{nss}"


def test_token_alone_signs_pdf_and_workbook(demo, chairman: softhsm.Token, tmp_path: Path) -> None:
    options = tokens.TokenOptions(chairman.label, chairman.pin, Path(chairman.module))
    assert chairman.pin not in repr(options) and chairman.pin not in repr(reports.SignOptions(None, token=options))
    result = reports.export(demo, _request(), tmp_path / "out", reports.SignOptions(None, token=options), TODAY)
    pdf, xlsx, p7s = result.files
    assert result.signed and result.roles == ["person"] and result.notes == [cosign.ONLY_PERSON]
    ca = tmp_path / "ca.pem"
    ca.write_bytes(chairman.ca_pem)
    check = reports.verify(pdf, [chairman.ca_pem])
    assert check.ok and check.signer["CN"] == "Lò Văn Minh" and check.signing_time.endswith("+07:00"), check.as_json()
    assert "CA thử nghiệm" in check.chain[0]
    assert not reports.verify(pdf).ok  # the token's CA is not trusted here until the user says so
    sig = poppler.run("pdfsig", "-nssdir", _nss(tmp_path, chairman.ca_pem), pdf)
    assert "Signature is Valid." in sig and "Certificate is Trusted." in sig and "CN=Lò Văn Minh" in sig
    assert "Total document signed" in sig
    proc = _openssl_verify(p7s, xlsx, ca)
    assert proc.returncode == 0 and "Verification successful" in proc.stderr, proc.stderr
    workbook = reports.verify(xlsx, [chairman.ca_pem])
    assert workbook.ok and workbook.signer["CN"] == "Lò Văn Minh" and workbook.signing_time.endswith("+07:00")


def test_wrong_pin_takes_no_number(demo, chairman: softhsm.Token, tmp_path: Path) -> None:
    options = tokens.TokenOptions(chairman.label, "000000", Path(chairman.module))
    with pytest.raises(KnownError) as err:
        reports.export(demo, _request(), tmp_path / "out", reports.SignOptions(None, token=options), TODAY)
    assert err.value.vi.startswith(f"Mã PIN của token “{chairman.label}” không đúng. Chưa ký văn bản nào.")
    assert err.value.en.startswith(f"Wrong PIN for token “{chairman.label}”. Nothing was signed.")
    assert reports.register(demo) == [] and not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    # the right PIN still works afterwards: the module was closed cleanly
    with tokens.open_key(tokens.TokenOptions(chairman.label, chairman.pin, Path(chairman.module))) as key:
        assert key.subject["CN"] == "Lò Văn Minh" and key.cert_label == "chu-tich"


def test_locked_token_is_named(chairman: softhsm.Token, monkeypatch: pytest.MonkeyPatch) -> None:
    """SoftHSM2 never locks its PIN, so the token's state is played: the flag seen before logging in,
    and the module answering CKR_PIN_LOCKED to the login."""
    from pkcs11 import exceptions as p11

    monkeypatch.setattr(token, "_flags", lambda _t: (True, False))
    with pytest.raises(KnownError) as err:
        token.open_key(chairman.module, chairman.label, chairman.pin)
    assert "đã bị khóa vì nhập sai mã PIN quá số lần cho phép" in err.value.vi and "is locked" in err.value.en

    class Locked:
        label, flags = chairman.label, 0

        def open(self, **_kw: object) -> None:
            raise p11.PinLocked()

    monkeypatch.setattr(token, "_flags", lambda _t: (False, False))
    monkeypatch.setattr(token, "_token_named", lambda _lib, _label, _serial=None: Locked())
    with pytest.raises(KnownError) as err:
        token.open_key(chairman.module, chairman.label, chairman.pin)
    assert err.value.vi.startswith(f"Token “{chairman.label}” đã bị khóa") and "Nothing was signed" in err.value.en


def test_token_and_certificate_are_chosen(chairman: softhsm.Token, tmp_path: Path) -> None:
    with pytest.raises(KnownError) as err:
        token.open_key(chairman.module, "KHONG-CO", chairman.pin)
    assert f"Token đang cắm: “{chairman.label}”" in err.value.vi
    with pytest.raises(KnownError) as err:
        token.open_key(chairman.module, chairman.label, chairman.pin, cert_label="pho-chu-tich")
    assert "không có chứng thư “pho-chu-tich”" in err.value.vi and "“chu-tich”" in err.value.vi
    with pytest.raises(KnownError) as err:
        token.open_key(tmp_path / "vendor.dll", chairman.label, chairman.pin)
    assert "Không tìm thấy module PKCS#11" in err.value.vi and "(a .dll on Windows)" in err.value.en
    listed = token.list_tokens(chairman.module)
    assert [t.label for t in listed] == [chairman.label] and not listed[0].locked
    assert {c.label for c in listed[0].certificates} == {"chu-tich", "CA"}


def test_module_path_is_a_setting(demo, chairman: softhsm.Token, tmp_path: Path) -> None:
    options = tokens.TokenOptions(chairman.label, chairman.pin)
    with pytest.raises(KnownError) as err:
        tokens.open_key(options, demo)
    assert "Chưa đặt đường dẫn module PKCS#11" in err.value.vi
    with pytest.raises(KnownError):
        tokens.set_module_path(demo, tmp_path / "missing.dll")
    tokens.set_module_path(demo, Path(chairman.module))
    assert tokens.module_path(demo) == Path(chairman.module)
    with tokens.open_key(options, demo) as key:
        assert key.subject["O"] == "UBND Xã Chiềng Sơn"


def test_cli_signs_with_token_then_commune_key(demo, chairman: softhsm.Token, tmp_path: Path) -> None:
    keys.create_self_signed(demo, PASS)
    keys.trust(demo, chairman.ca_pem)
    data, out = paths.data_dir(), tmp_path / "cli"
    args = ["report", "export", "--kind", "petitions", "--period", "2026-H1", "--issued", "2026-06-05", "--out",
            str(out), "--sign", "--pkcs11-lib", chairman.module, "--token-label", chairman.label, "--pin-env",
            "PAPI_PIN", "--passphrase-env", "PAPI_PASS", "--json"]
    done = run_cli(data, *args, PAPI_PIN=chairman.pin, PAPI_PASS=PASS)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["roles"] == ["person", "organisation"] and result["notes"] == []
    pdf = Path(result["files"][0])
    check = reports.verify(pdf)
    assert check.ok, check.problems
    assert [s.signer["CN"] for s in check.signatures] == ["Lò Văn Minh", "UBND Xã Chiềng Sơn"]
    wrong = run_cli(data, *args[:-1], PAPI_PIN="111111", PAPI_PASS=PASS)
    assert wrong.returncode != 0 and "Mã PIN của token" in wrong.stderr and "Chưa ký văn bản nào" in wrong.stderr
    alone = run_cli(data, *args[:10], "--sign", "--passphrase-env", "PAPI_PASS", PAPI_PASS=PASS)
    assert alone.returncode == 0 and "Lưu ý: Chỉ có khóa của cơ quan" in alone.stderr, alone.stderr
    # no --pin-env: a keyboard token (SoftHSM's flags have no PIN pad) is refused before anything is signed
    pin_index = args.index("--pin-env")
    files_before = sorted(out.rglob("*"))
    no_pin = run_cli(data, *args[:pin_index], *args[pin_index + 2:-1], PAPI_PASS=PASS)
    assert no_pin.returncode != 0 and "bàn phím riêng" in no_pin.stderr, no_pin.stderr
    assert "Lỗi: Chưa nhập mã PIN của token." in no_pin.stderr
    assert sorted(out.rglob("*")) == files_before  # nothing written


def test_cli_lists_tokens_and_keeps_the_module(demo, chairman: softhsm.Token) -> None:  # noqa: ANN001
    data = paths.data_dir()
    done = run_cli(data, "keys", "tokens", "--pkcs11-lib", chairman.module, "--set-default")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert [t["label"] for t in listed] == [chairman.label] and listed[0]["locked"] is False
    assert listed[0]["pin_entry"] == "keyboard" and isinstance(listed[0]["slot"], int)
    assert {c["label"] for c in listed[0]["certificates"]} == {"chu-tich", "CA"}
    assert tokens.module_path(demo) == Path(chairman.module)
    again = run_cli(data, "keys", "tokens")  # the module from the setting
    assert again.returncode == 0 and json.loads(again.stdout)[0]["label"] == chairman.label
