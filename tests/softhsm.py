"""SoftHSM2 as the chairman's USB token (apt-get install softhsm2): a token in a temporary
SOFTHSM2_CONF folder holding a key and a certificate issued by a test CA, the way a licensed
Vietnamese CA hands out a token. The key is imported with softhsm2-util, the certificates with
python-pkcs11."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

MODULE_PATHS = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/local/lib/softhsm/libsofthsm2.so")
PIN, SO_PIN = "246810", "13579135"


def module() -> str:
    found = next((p for p in MODULE_PATHS if Path(p).is_file()), None)
    if found is None or shutil.which("softhsm2-util") is None:
        raise AssertionError("SoftHSM2 is not installed: apt-get install softhsm2 (tests/run.sh installs it)")
    return found


@dataclass
class Token:
    module: str
    label: str
    pin: str
    cert_label: str
    ca_pem: bytes  # the test CA's certificate: the trust anchor for the token's signatures
    cert: object  # cryptography certificate of the signer
    conf: Path


def _ca(now: dt.datetime):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP384R1())
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ban Cơ yếu Chính phủ (thử nghiệm)"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "CA thử nghiệm cho chữ ký số chuyên dùng")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=2))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA384()))
    return key, cert


def _person(ca_key, ca_cert, name: str, org: str, now: dt.datetime, days: int):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                         x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, "Tỉnh Sơn La"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                         x509.NameAttribute(NameOID.TITLE, "Chủ tịch"),
                         x509.NameAttribute(NameOID.COMMON_NAME, name)])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION,
                                                  ObjectIdentifier("1.3.6.1.5.5.7.3.36")]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return key, cert


def make_token(folder: Path, monkeypatch: pytest.MonkeyPatch, label: str = "CHU-TICH-XA",
               name: str = "Lò Văn Minh", org: str = "UBND Xã Chiềng Sơn", cert_label: str = "chu-tich",
               days: int = 730) -> Token:
    """A fresh token (its own SOFTHSM2_CONF, set in the environment for this test and its CLI runs)."""
    import pkcs11
    from cryptography.hazmat.primitives import serialization
    from pkcs11 import Attribute, CertificateType, ObjectClass

    lib_path = module()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tokens").mkdir(exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n"
                    "slots.removable = false\n", encoding="utf-8")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    now = dt.datetime.now(dt.UTC)
    ca_key, ca_cert = _ca(now)
    key, cert = _person(ca_key, ca_cert, name, org, now, days)
    pem_key = folder / "key.pem"
    pem_key.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    run = {"check": True, "capture_output": True, "timeout": 60}
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", SO_PIN],
                   **run)
    subprocess.run(["softhsm2-util", "--import", str(pem_key), "--token", label, "--label", cert_label, "--id", "01",
                    "--pin", PIN], **run)
    pem_key.unlink()
    lib = pkcs11.lib(lib_path)
    lib.reinitialize()  # SoftHSM reads SOFTHSM2_CONF when initialised
    try:
        with lib.get_token(token_label=label).open(user_pin=PIN, rw=True) as session:
            der = serialization.Encoding.DER
            for obj_label, obj_id, c in ((cert_label, b"\x01", cert), ("CA", b"\x02", ca_cert)):
                session.create_object({Attribute.CLASS: ObjectClass.CERTIFICATE,
                                       Attribute.CERTIFICATE_TYPE: CertificateType.X_509, Attribute.TOKEN: True,
                                       Attribute.LABEL: obj_label, Attribute.ID: obj_id,
                                       Attribute.SUBJECT: c.subject.public_bytes(), Attribute.VALUE: c.public_bytes(der)})
    finally:
        lib.finalize()
    return Token(lib_path, label, PIN, cert_label, ca_cert.public_bytes(serialization.Encoding.PEM), cert, conf)
