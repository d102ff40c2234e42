"""The commune's signing key and the certificates this installation trusts.

Until the province's certificate authority enrols communes (the sync issue), a commune creates a
self-signed certificate in Cài đặt; a PKCS#12 file from a licensed Vietnamese CA can be used instead.
The key is kept only encrypted with a passphrase, asked for each time a report is signed."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..domain.errors import KnownError
from ..exports import signing
from ..storage.db import Database
from . import accounts, audit, setup

KEY_FILE = "commune.p12"
CERT_FILE = "commune.pem"
ROOT_FILE = "commune-root.pem"  # the certificate others trust: the commune's root (or the CA's)


def key_path() -> Path:
    return paths.keys_dir() / KEY_FILE


@dataclass(frozen=True)
class CertificateInfo:
    subject: dict[str, str]
    issuer: dict[str, str]
    not_before: str
    not_after: str
    sha256: str
    self_signed: bool
    path: Path | None = None

    @property
    def fingerprint(self) -> str:
        """SHA-256 as people compare it: AB:CD:…"""
        return ":".join(self.sha256[i:i + 2] for i in range(0, len(self.sha256), 2)).upper()


@dataclass(frozen=True)
class P12Preview:
    """What a .p12 holds before it is used: the signing certificate and the certificates that would
    become trusted here (its CA chain, or the certificate itself when it has none)."""

    certificate: CertificateInfo
    anchors: list[CertificateInfo]


def _info(cert, path: Path | None = None) -> CertificateInfo:  # noqa: ANN001
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

    der = cert.public_bytes(serialization.Encoding.DER)
    return CertificateInfo(signing.name_parts(cert.subject), signing.name_parts(cert.issuer),
                           cert.not_valid_before_utc.date().isoformat(), cert.not_valid_after_utc.date().isoformat(),
                           hashlib.sha256(der).hexdigest(), cert.subject == cert.issuer, path)


def certificate() -> CertificateInfo | None:
    """The commune's certificate (public part, readable without the passphrase), if there is one."""
    from cryptography import x509  # noqa: PLC0415

    path = paths.keys_dir() / CERT_FILE
    if not path.is_file() or not key_path().is_file():
        return None
    return _info(x509.load_pem_x509_certificate(path.read_bytes()), path)


def create_self_signed(db: Database, passphrase: str, replace: bool = False) -> CertificateInfo:
    accounts.require(db, "settings")
    profile = setup.get_profile(db)
    if profile is None:
        raise KnownError("Chưa thiết lập xã, phường.", "The commune is not set up yet.")
    if key_path().exists() and not replace:
        raise KnownError("Xã đã có khóa ký số. Muốn tạo khóa mới thay thế, hãy chọn “Thay khóa”; các văn bản đã ký "
                         "vẫn kiểm tra được vì chứng thư cũ được giữ trong danh sách tin cậy.",
                         "The commune already has a signing key; choose Replace to make a new one.")
    had_key = key_path().exists()
    material = signing.create_self_signed(profile.unit_code, profile.unit_name)
    _install(material, passphrase)
    info = certificate()
    assert info is not None
    audit.record_key(db, "replaced" if had_key else "created", info)
    return info


def _install(material: signing.KeyMaterial, passphrase: str) -> None:
    """The key encrypted, the certificates beside it; the replaced ones stay trusted for old files."""
    _keep_old_trusted()
    signing.save_p12(key_path(), material, passphrase)
    _write_public(material)


def _keep_old_trusted() -> None:
    for name in (CERT_FILE, ROOT_FILE):
        old = paths.keys_dir() / name
        if old.is_file():  # already this installation's own: no confirmation needed
            _store_trusted(_parse(old.read_bytes()))


def _write_public(material: signing.KeyMaterial) -> None:
    signing.atomic_write(paths.keys_dir() / CERT_FILE, signing.pem(material.cert))
    anchor = material.chain[-1] if material.chain else material.cert
    signing.atomic_write(paths.keys_dir() / ROOT_FILE, signing.pem(anchor))


def anchor_pem() -> bytes:
    """The certificate to hand to the province or a verifier (pdfsig's NSS database, openssl -CAfile)."""
    path = paths.keys_dir() / ROOT_FILE
    if not path.is_file():
        raise KnownError("Xã chưa có khóa ký số.", "The commune has no signing key yet.")
    return path.read_bytes()


def _anchors(material: signing.KeyMaterial) -> list:
    return list(material.chain) or [material.cert]


def inspect_p12(source: Path, passphrase: str) -> P12Preview:
    """Open a CA's PKCS#12 with its passphrase and say what using it would trust; nothing is stored."""
    material = signing.load_p12(source, passphrase)
    return P12Preview(_info(material.cert), [_info(c) for c in _anchors(material)])


def import_p12(db: Database, source: Path, passphrase: str, confirmed: Collection[str]) -> CertificateInfo:
    """Use a licensed CA's PKCS#12 as the commune's key: checked with its passphrase, then copied.
    Its CA certificates become trusted, so the caller shows inspect_p12's anchors first and passes the
    fingerprints the user confirmed; any other anchor refuses the import (the file may have changed)."""
    accounts.require(db, "settings")
    material = signing.load_p12(source, passphrase)
    anchors = _anchors(material)
    wanted = {_info(c).sha256 for c in anchors}
    if not wanted <= {f.replace(":", "").lower() for f in confirmed}:
        raise KnownError("Chưa xác nhận tin cậy các chứng thư của tệp .p12 này; chưa dùng tệp.",
                         "The .p12's certificates were not confirmed as trusted; the file was not used.")
    _keep_old_trusted()
    paths.keys_dir().mkdir(parents=True, exist_ok=True)
    tmp = key_path().with_name(KEY_FILE + ".part")
    shutil.copyfile(source, tmp)
    tmp.replace(key_path())
    _write_public(material)
    for extra in material.chain:  # the CA's own certificates make its signatures trusted here
        _store_trusted(extra)
    info = certificate()
    assert info is not None
    return info


def load(passphrase: str, key_file: Path | None = None) -> signing.KeyMaterial:
    return signing.load_p12(key_file or key_path(), passphrase)


def _parse(cert_bytes: bytes):  # noqa: ANN202
    from cryptography import x509  # noqa: PLC0415

    try:
        return (x509.load_pem_x509_certificate(cert_bytes) if b"-----BEGIN" in cert_bytes
                else x509.load_der_x509_certificate(cert_bytes))
    except ValueError:
        raise KnownError("Tệp không phải chứng thư số (X.509, PEM hoặc DER).",
                         "The file is not an X.509 certificate (PEM or DER).") from None


def inspect_certificate(cert_bytes: bytes) -> CertificateInfo:
    """Subject, issuer, validity and fingerprint of a certificate (PEM or DER), to show before trusting it."""
    return _info(_parse(cert_bytes))


def trust(db: Database, cert_bytes: bytes) -> Path:
    """Add a certificate (PEM or DER) to the trusted list: a commune's, the province's CA, a licensed CA.
    Every signature it certifies then verifies as valid here, so callers show inspect_certificate's
    fingerprint and subject and call this only after the user confirmed."""
    accounts.require(db, "settings")
    return _store_trusted(_parse(cert_bytes))


def _store_trusted(cert) -> Path:  # noqa: ANN001
    target = paths.trust_dir() / f"{_info(cert).sha256[:16]}.pem"
    signing.atomic_write(target, signing.pem(cert))
    return target


def trusted() -> list[bytes]:
    """PEM blobs of every trusted certificate: this commune's own (in province mode the province's root,
    which certified every enrolled commune: verify there trusts their signed reports), and those added."""
    from .province import CA_PEM  # noqa: PLC0415 - province brings the sync PKI: not at import time

    found = []
    for own in (paths.keys_dir() / ROOT_FILE, paths.keys_dir() / CA_PEM):  # only province.init writes CA_PEM
        if own.is_file():
            found.append(own.read_bytes())
    if paths.trust_dir().is_dir():
        found.extend(p.read_bytes() for p in sorted(paths.trust_dir().glob("*.pem")))
    return found


def install_material(material: signing.KeyMaterial, passphrase: str) -> CertificateInfo:
    """A key with a certificate issued elsewhere (the province's enrolment) becomes the commune's
    signing key; the one it replaces stays trusted for the files it signed."""
    _install(material, passphrase)
    info = certificate()
    assert info is not None
    return info
