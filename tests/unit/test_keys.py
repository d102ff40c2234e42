"""The commune's signing key: created encrypted, replaced without breaking old signatures, or taken
from a CA's PKCS#12; wrong or short passphrases say so."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from papi_desktop.domain.errors import KnownError
from papi_desktop.exports import signing
from papi_desktop.services import keys


def test_create_encrypted_and_replace_keeps_old_files_valid(db, tmp_path: Path) -> None:  # noqa: ANN001
    with pytest.raises(KnownError, match="ít nhất 8 ký tự"):
        keys.create_self_signed(db, "ngan")
    info = keys.create_self_signed(db, "mat-khau-xa-2026")
    assert info.subject["UID"] == "03985" and info.subject["O"] == "UBND Xã Chiềng Sơn" and not info.self_signed
    dump = subprocess.run(["openssl", "pkcs12", "-info", "-noout", "-in", keys.key_path(), "-passin",
                           "pass:mat-khau-xa-2026"], capture_output=True, text=True, timeout=60)
    assert "AES-256-CBC" in dump.stderr and "600000" in dump.stderr  # PBES2, 600,000 PBKDF2 rounds
    with pytest.raises(KnownError, match="Mật khẩu của tệp khóa không đúng"):
        keys.load("sai-mat-khau")
    data = tmp_path / "bao_cao.xlsx"
    data.write_bytes(b"PK\x03\x04 report bytes")
    old_sig = signing.sign_detached(data, keys.load("mat-khau-xa-2026"))
    with pytest.raises(KnownError, match="đã có khóa"):
        keys.create_self_signed(db, "mat-khau-moi-2027")
    keys.create_self_signed(db, "mat-khau-moi-2027", replace=True)
    assert signing.verify_detached(data, old_sig, keys.trusted()).ok  # the old root stays trusted


def test_a_licensed_ca_pkcs12(db, tmp_path: Path) -> None:  # noqa: ANN001
    issued = signing.create_self_signed("03985", "Xã Chiềng Sơn")  # stands in for a licensed CA's file
    p12 = tmp_path / "vnpt.p12"
    signing.save_p12(p12, issued, "ca-passphrase")
    with pytest.raises(KnownError, match="Mật khẩu"):
        keys.import_p12(p12, "wrong-one")
    info = keys.import_p12(p12, "ca-passphrase")
    assert info.sha256 == keys.certificate().sha256 and keys.anchor_pem() == signing.pem(issued.chain[0])
    data = tmp_path / "x.xlsx"
    data.write_bytes(b"bytes")
    assert signing.verify_detached(data, signing.sign_detached(data, keys.load("ca-passphrase")), keys.trusted()).ok
    with pytest.raises(KnownError, match="không phải chứng thư"):
        keys.trust(b"not a certificate")
