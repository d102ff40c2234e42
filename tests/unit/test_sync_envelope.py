"""The province's CA, commune requests and certificates, revocation, and sign-then-encrypt, checked
with the standard tools anyone with the keys has: Debian's `age` and `openssl cms`."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from papi_desktop.domain.errors import KnownError
from papi_desktop.exports.signing import KeyMaterial, pem
from papi_desktop.sync import envelope, pki

NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise AssertionError(f"{name} is not installed: bash tests/run.sh installs it")
    return path


@pytest.fixture(scope="module")
def ca() -> KeyMaterial:
    return pki.create_province_ca(now=NOW)


def _commune(ca: KeyMaterial, code: str = "03985", name: str = "Xã Chiềng Sơn") -> KeyMaterial:
    key, csr = pki.commune_request(code, name)
    return KeyMaterial(key, pki.issue_commune(ca, pki.read_request(csr), now=NOW), [ca.cert])


def test_request_issue_and_check(ca: KeyMaterial) -> None:
    commune = _commune(ca)
    assert commune.subject["UID"] == "03985" and commune.subject["CN"] == "UBND Xã Chiềng Sơn"
    pki.check_commune_cert(commune.cert, ca.cert, "03985", at=NOW)
    with pytest.raises(KnownError, match="03986"):
        pki.check_commune_cert(commune.cert, ca.cert, "03986", at=NOW)
    other_ca = pki.create_province_ca(now=NOW)
    with pytest.raises(KnownError, match="không do tỉnh cấp"):
        pki.check_commune_cert(commune.cert, other_ca.cert, "03985", at=NOW)
    with pytest.raises(KnownError, match="không còn hiệu lực"):
        pki.check_commune_cert(commune.cert, ca.cert, "03985", at=NOW + dt.timedelta(days=365 * 4))


def test_altered_request_is_refused() -> None:
    _key, csr = pki.commune_request("03985", "Xã Chiềng Sơn")
    with pytest.raises(KnownError):
        pki.read_request(csr.replace(b"MII", b"MIJ", 1))
    with pytest.raises(KnownError):
        pki.read_request(b"not a request")


def test_revocation_list(ca: KeyMaterial) -> None:
    commune = _commune(ca)
    crl = pki.load_crl(pki.make_crl(ca, [(commune.cert.serial_number, NOW)], 1, now=NOW), ca.cert)
    with pytest.raises(KnownError, match="thu hồi"):
        pki.check_commune_cert(commune.cert, ca.cert, "03985", crl, at=NOW + dt.timedelta(hours=1))
    pki.check_commune_cert(_commune(ca).cert, ca.cert, "03985", crl, at=NOW)  # another certificate: fine
    forged = pki.make_crl(pki.create_province_ca(now=NOW), [], 2, now=NOW)
    with pytest.raises(KnownError, match="không do tỉnh ký"):
        pki.load_crl(forged, ca.cert)


def test_manifest_signature_with_openssl(ca: KeyMaterial, tmp_path: Path) -> None:
    commune = _commune(ca)
    data = b'{"format": "papi-bundle/1", "commune": "03985"}'
    sig = envelope.sign_detached(data, commune)
    signer = envelope.verify_detached(data, sig, pem(ca.cert))
    assert signer == commune.cert
    (tmp_path / "m.json").write_bytes(data)
    (tmp_path / "m.json.p7s").write_bytes(sig)
    (tmp_path / "ca.pem").write_bytes(pem(ca.cert))
    cmd = [_tool("openssl"), "cms", "-verify", "-binary", "-inform", "DER", "-in", "m.json.p7s", "-content", "m.json",
           "-CAfile", "ca.pem", "-purpose", "smimesign", "-out", "/dev/null"]
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0 and "Verification successful" in done.stderr, done.stderr
    (tmp_path / "m.json").write_bytes(data.replace(b"03985", b"03986"))
    assert subprocess.run(cmd, cwd=tmp_path, capture_output=True).returncode != 0
    with pytest.raises(KnownError, match="không khớp"):
        envelope.verify_detached(data.replace(b"03985", b"03986"), sig, pem(ca.cert))
    with pytest.raises(KnownError, match="không có chứng thư do tỉnh cấp"):
        envelope.verify_detached(data, sig, pem(pki.create_province_ca(now=NOW).cert))
    with pytest.raises(KnownError):
        envelope.verify_detached(data, sig[:-40], pem(ca.cert))


def test_age_interop_and_tamper(tmp_path: Path) -> None:
    province, province_pub = envelope.new_identity()
    escrow, escrow_pub = envelope.new_identity()
    plain = bytes(range(256)) * 5000
    out = io.BytesIO()
    envelope.encrypt_stream(io.BytesIO(plain), out, [province_pub, escrow_pub])
    blob = out.getvalue()
    assert envelope.decrypt(blob, [province]) == plain
    assert envelope.decrypt(blob, [escrow]) == plain
    (tmp_path / "b.age").write_bytes(blob)
    (tmp_path / "id.txt").write_text(province + "\n")
    done = subprocess.run([_tool("age"), "-d", "-i", "id.txt", "b.age"], cwd=tmp_path, capture_output=True)
    assert done.returncode == 0 and done.stdout == plain
    stranger, _pub = envelope.new_identity()
    for bad in (blob[:-100], blob[:200] + bytes([blob[200] ^ 1]) + blob[201:], b"", blob + b"x"):
        with pytest.raises(KnownError):
            envelope.decrypt(bad, [province])
    with pytest.raises(KnownError):
        envelope.decrypt(blob, [stranger])


def test_province_identity_at_rest() -> None:
    ident, _pub = envelope.new_identity()
    blob = envelope.protect_identity(ident, "tinh-son-la-2026")
    assert ident.encode() not in blob
    assert envelope.unprotect_identity(blob, "tinh-son-la-2026") == ident
    with pytest.raises(KnownError):
        envelope.unprotect_identity(blob, "sai-mat-khau")
