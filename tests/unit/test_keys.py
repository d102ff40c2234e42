"""The commune's signing key: created encrypted (key bags and MAC at 600,000 iterations, as openssl
reads them), replaced without breaking old signatures, or taken from a CA's PKCS#12 only once its
certificates are confirmed; short or easily guessed new passphrases are refused."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.exports import passphrase, signing
from papi_desktop.services import keys


def _openssl_iterations(p12: Path, secret: str) -> tuple[int, list[int]]:
    """(MAC iterations, PBKDF2 iterations of every encrypted bag) as `openssl pkcs12 -info` reports them."""
    dump = subprocess.run(["openssl", "pkcs12", "-info", "-noout", "-in", p12, "-passin", f"pass:{secret}"],
                          capture_output=True, text=True, timeout=60)
    assert dump.returncode == 0, dump.stderr
    mac = re.search(r"^MAC: sha256, Iteration (\d+)$", dump.stderr, re.M)
    bags = re.findall(r"PBES2, PBKDF2, AES-256-CBC, Iteration (\d+), PRF hmacWithSHA256", dump.stderr)
    assert mac and len(bags) == 2, dump.stderr  # the certificates' bag and the key's
    return int(mac.group(1)), [int(b) for b in bags]


def test_create_encrypted_and_replace_keeps_old_files_valid(db, tmp_path: Path) -> None:  # noqa: ANN001
    with pytest.raises(KnownError, match="ít nhất 8 ký tự"):
        keys.create_self_signed(db, "ngan")
    info = keys.create_self_signed(db, "mat-khau-xa-2026")
    assert info.subject["UID"] == "03985" and info.subject["O"] == "UBND Xã Chiềng Sơn" and not info.self_signed
    assert _openssl_iterations(keys.key_path(), "mat-khau-xa-2026") == (600_000, [600_000, 600_000])
    with pytest.raises(KnownError, match="Mật khẩu của tệp khóa không đúng"):
        keys.load("sai-mat-khau")
    data = tmp_path / "bao_cao.xlsx"
    data.write_bytes(b"PK\x03\x04 report bytes")
    old_sig = signing.sign_detached(data, keys.load("mat-khau-xa-2026"))
    with pytest.raises(KnownError, match="đã có khóa"):
        keys.create_self_signed(db, "khoa-moi-nam-2027")
    with pytest.raises(KnownError, match="quá dễ đoán"):
        keys.create_self_signed(db, "mat-khau-moi-2027", replace=True)  # "mật khẩu mới" + a year
    assert keys.load("mat-khau-xa-2026")  # a refused passphrase left the key as it was
    keys.create_self_signed(db, "khoa-moi-nam-2027", replace=True)
    assert signing.verify_detached(data, old_sig, keys.trusted()).ok  # the old root stays trusted


def test_vietnamese_passphrase_and_mac_checked_by_openssl(tmp_path: Path, data_dir: Path) -> None:
    material = signing.create_self_signed("03985", "Xã Chiềng Sơn")
    p12 = tmp_path / "xa.p12"
    secret = "Trâu vàng núi cao 2026"
    signing.save_p12(p12, material, secret)
    assert _openssl_iterations(p12, secret) == (600_000, [600_000, 600_000])
    assert signing.load_p12(p12, secret).cert == material.cert
    with pytest.raises(KnownError, match="Mật khẩu của tệp khóa không đúng"):
        signing.load_p12(p12, "Trau vang nui cao 2026")  # the MAC is checked: accents matter


@pytest.mark.parametrize(("weak", "reason"), [
    ("12345678", "danh sách mật khẩu phổ biến"), ("password", "danh sách mật khẩu phổ biến"),
    ("Mật khẩu 123", "danh sách mật khẩu phổ biến"), ("matkhau2026", "danh sách mật khẩu phổ biến"),
    ("iloveyou2", "danh sách mật khẩu phổ biến"), ("15081985", "chỉ có chữ số"), ("aaaaaaaaaa", "lặp lại"),
    ("abcabcabc", "lặp lại"), ("poiuytrewq", "dãy phím"), ("zyxwvutsrq", "dãy phím"),
    ("xachiengson", "tên hoặc mã của xã"), ("Chiềng Sơn 03985", "tên hoặc mã của xã"), ("!!!!!!!!", "quá ít chữ")])
def test_weak_new_passphrases_are_refused(weak: str, reason: str, data_dir: Path) -> None:
    material = signing.create_self_signed("03985", "Xã Chiềng Sơn")
    with pytest.raises(KnownError, match=reason) as refused:
        signing.save_p12(paths.keys_dir() / "x.p12", material, weak)
    assert refused.value.message("en").startswith("The key's passphrase is too easy to guess")
    assert not (paths.keys_dir() / "x.p12").exists()


def test_the_common_list_and_good_phrases(data_dir: Path) -> None:
    common = passphrase.common_passwords()
    assert len(common) > 3000 and {"123456", "password", "qwerty", "matkhau123", "anhyeuem"} <= common
    for good in ("trau-vang-nui-cao-7", "correct horse battery staple", "mat-khau-xa-2026"):
        passphrase.check_new(good, ["UBND Xã Chiềng Sơn", "03985"])


def test_opening_an_existing_key_skips_the_new_passphrase_rule(tmp_path: Path, bare_db) -> None:  # noqa: ANN001
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    material = signing.create_self_signed("03985", "Xã Chiềng Sơn")  # a CA's file with a weak passphrase
    weak = tmp_path / "ca.p12"
    weak.write_bytes(pkcs12.serialize_key_and_certificates(b"ca", material.key, material.cert, material.chain,
                                                           serialization.BestAvailableEncryption(b"12345678")))
    assert signing.load_p12(weak, "12345678").cert == material.cert
    preview = keys.inspect_p12(weak, "12345678")
    assert keys.import_p12(bare_db, weak, "12345678", [a.fingerprint for a in preview.anchors]).sha256 == preview.certificate.sha256


def test_a_licensed_ca_pkcs12(db, tmp_path: Path) -> None:  # noqa: ANN001
    issued = signing.create_self_signed("03985", "Xã Chiềng Sơn")  # stands in for a licensed CA's file
    p12 = tmp_path / "vnpt.p12"
    signing.save_p12(p12, issued, "ca-passphrase")
    with pytest.raises(KnownError, match="Mật khẩu"):
        keys.inspect_p12(p12, "wrong-one")
    preview = keys.inspect_p12(p12, "ca-passphrase")
    root = keys.inspect_certificate(signing.pem(issued.chain[0]))
    assert [a.fingerprint for a in preview.anchors] == [root.fingerprint] and keys.certificate() is None
    assert re.fullmatch(r"([0-9A-F]{2}:){31}[0-9A-F]{2}", root.fingerprint)
    with pytest.raises(KnownError, match="Chưa xác nhận"):
        keys.import_p12(db, p12, "ca-passphrase", confirmed=[])  # nothing confirmed: nothing used, nothing trusted
    assert keys.certificate() is None and keys.trusted() == []
    info = keys.import_p12(db, p12, "ca-passphrase", [root.fingerprint])
    assert info.sha256 == keys.certificate().sha256 and keys.anchor_pem() == signing.pem(issued.chain[0])
    data = tmp_path / "x.xlsx"
    data.write_bytes(b"bytes")
    assert signing.verify_detached(data, signing.sign_detached(data, keys.load("ca-passphrase")), keys.trusted()).ok
    with pytest.raises(KnownError, match="không phải chứng thư"):
        keys.inspect_certificate(b"not a certificate")
    with pytest.raises(KnownError, match="không phải chứng thư"):
        keys.trust(db, b"not a certificate")


def _cli_on_terminal(data: Path, answer: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The CLI with a terminal as its stdin, the answer already typed."""
    import os
    import sys

    master, slave = os.openpty()
    try:
        os.write(master, answer.encode() + b"\n")  # waits in the terminal's input queue for the prompt
        return subprocess.run([sys.executable, "-m", "papi_desktop", "--data-dir", str(data), *args], stdin=slave,
                              capture_output=True, text=True, encoding="utf-8", timeout=180,
                              env=dict(os.environ, PYTHONIOENCODING="utf-8", **env))
    finally:
        os.close(slave)
        os.close(master)


def test_cli_trust_shows_the_fingerprint_and_asks(db, data_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from cli_runner import run_cli

    other = signing.create_self_signed("04000", "Xã Mường Bú")
    pem = tmp_path / "xa_khac.pem"
    pem.write_bytes(signing.pem(other.chain[0]))
    info = keys.inspect_certificate(pem.read_bytes())

    def stored() -> list[bytes]:
        return [p.read_bytes() for p in paths.trust_dir().glob("*.pem")] if paths.trust_dir().is_dir() else []

    no = _cli_on_terminal(data_dir, "n", "keys", "trust", str(pem))
    assert no.returncode == 1 and stored() == [], no.stderr
    assert f"Dấu vân tay SHA-256: {info.fingerprint}" in no.stdout and "UID=04000" in no.stdout
    assert "Tổ chức cấp: " in no.stdout and f"Hiệu lực: {info.not_before} – {info.not_after}" in no.stdout
    assert "Tin cậy chứng thư này?" in no.stdout and "Chưa tin cậy chứng thư nào." in no.stdout
    piped = run_cli(data_dir, "keys", "trust", str(pem))  # stdin is no terminal, no --yes
    assert piped.returncode == 2 and "thêm --yes" in piped.stderr and stored() == []
    english = _cli_on_terminal(data_dir, "n", "--lang", "en", "keys", "trust", str(pem))
    assert "Trust this certificate?" in english.stdout and f"SHA-256 fingerprint: {info.fingerprint}" in english.stdout
    assert stored() == []
    yes = _cli_on_terminal(data_dir, "y", "keys", "trust", str(pem))
    assert yes.returncode == 0 and stored() == [signing.pem(other.chain[0])], yes.stderr
    for p in paths.trust_dir().glob("*.pem"):
        p.unlink()
    scripted = run_cli(data_dir, "keys", "trust", str(pem), "--yes")
    assert scripted.returncode == 0 and stored() == [signing.pem(other.chain[0])]
    from papi_desktop.services import audit

    trusted = [e.detail for e in audit.list_entries(db, audit.Filter(kind="key"))]  # the two yeses, no refusal
    assert trusted == [{"what": "trusted", "fingerprint": info.sha256, "not_after": info.not_after,
                        "self_signed": True}] * 2


def test_cli_import_confirms_the_ca_certificates(db, data_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from cli_runner import run_cli

    issued = signing.create_self_signed("03985", "Xã Chiềng Sơn")
    p12 = tmp_path / "ca.p12"
    signing.save_p12(p12, issued, "ca-passphrase")
    root = keys.inspect_certificate(signing.pem(issued.chain[0]))
    refused = run_cli(data_dir, "keys", "import", str(p12), "--passphrase-env", "P", P="ca-passphrase")
    assert refused.returncode == 2 and root.fingerprint in refused.stdout and keys.certificate() is None
    declined = _cli_on_terminal(data_dir, "n", "keys", "import", str(p12), "--passphrase-env", "P", P="ca-passphrase")
    assert declined.returncode == 1 and "Dùng tệp .p12 này" in declined.stdout and keys.certificate() is None
    assert keys.trusted() == []
    done = run_cli(data_dir, "keys", "import", str(p12), "--passphrase-env", "P", "--yes", P="ca-passphrase")
    assert done.returncode == 0, done.stderr
    assert keys.certificate().sha256 == keys.inspect_certificate(signing.pem(issued.cert)).sha256


def test_cli_create_refuses_a_weak_passphrase(db, data_dir: Path) -> None:  # noqa: ANN001
    from cli_runner import run_cli

    weak = run_cli(data_dir, "keys", "create", "--passphrase-env", "P", P="matkhau123")
    assert weak.returncode == 2 and "quá dễ đoán" in weak.stderr and not keys.key_path().exists()
    english = run_cli(data_dir, "--lang", "en", "keys", "create", "--passphrase-env", "P", P="Chiengson03985")
    assert english.returncode == 2 and "the commune's name or code" in english.stderr
    assert run_cli(data_dir, "keys", "create", "--passphrase-env", "P", P="trau-vang-nui-cao-7").returncode == 0
