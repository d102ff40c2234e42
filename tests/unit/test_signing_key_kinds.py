"""A .p12 whose key cryptography cannot make CMS with (Ed25519: pyHanko signs PDFs with it, cryptography's
PKCS#7 builder takes RSA and EC keys only). The detached signature of the Excel file and of a sync
manifest say so in Vietnamese and write nothing; before, cryptography's TypeError surfaced as an
unexpected error after the PDF was already signed."""

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID

from papi_desktop.domain.errors import KnownError
from papi_desktop.exports import signing
from papi_desktop.sync import envelope

PASS = "ba-con-meo-tren-doi-2026"


@pytest.fixture(scope="module")
def ed25519_p12(tmp_path_factory):
    key = ed25519.Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "UBND Xã Thử"),
                      x509.NameAttribute(NameOID.USER_ID, "03985")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30)).sign(key, None))
    path = tmp_path_factory.mktemp("ed25519") / "ed25519.p12"
    signing.save_p12(path, signing.KeyMaterial(key, cert, []), PASS)
    return path


def test_a_p12_with_an_ed25519_key_loads_as_a_signing_key(ed25519_p12):
    material = signing.load_p12(ed25519_p12, PASS)
    assert isinstance(material.key, ed25519.Ed25519PrivateKey)
    assert material.subject["UID"] == "03985"


def test_detached_signature_with_an_ed25519_key_is_refused_in_words(ed25519_p12, tmp_path):
    workbook = tmp_path / "bao_cao.xlsx"
    workbook.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(KnownError) as refused:
        signing.sign_detached(workbook, signing.load_p12(ed25519_p12, PASS))
    assert "RSA hoặc EC" in refused.value.vi and "RSA or EC" in refused.value.en
    assert not (tmp_path / "bao_cao.xlsx.p7s").exists()


def test_manifest_signature_with_an_ed25519_key_is_refused_in_words(ed25519_p12):
    with pytest.raises(KnownError):
        envelope.sign_detached(b'{"kind": "changes"}', signing.load_p12(ed25519_p12, PASS))


def test_rsa_and_ec_keys_still_sign_detached(tmp_path):
    material = signing.create_self_signed("03985", "Xã Thử", years=1)
    target = tmp_path / "bang.xlsx"
    target.write_bytes(b"data")
    assert signing.sign_detached(target, material).read_bytes()[:1] == b"0"  # DER SEQUENCE
    assert envelope.sign_detached(b"data", material)[:1] == b"0"
