"""Province mode: the province's certificate authority, its decryption key, the communes it enrolled.

`init` makes, in the data folder's keys/ (readable by the user only):
- province-ca.p12: the root that certifies communes (PKCS#12, the passphrase's key at 600,000 rounds);
- province-office.p12: a certificate the root issues to the province office, which signs what the
  province sends (receipts, enrolment packages, plans and reference data): a root signs certificates,
  not documents;
- province-age.key: the age identity bundles are encrypted to, itself encrypted with the passphrase
  (`age -d` opens it); province-age.pub its public recipient; escrow-age.pub an optional second
  recipient whose identity is kept in a safe, so bundles stay readable if the passphrase is lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from .. import paths
from ..domain.errors import KnownError
from ..exports import signing
from ..exports.signing import KeyMaterial
from ..storage.db import Database
from ..storage.models import LocalSetting
from ..storage.sync_state import Enrolment
from ..sync import envelope, pki
from . import accounts, reference

if TYPE_CHECKING:
    from cryptography import x509 as x509_types

CA_FILE, CA_PEM = "province-ca.p12", "province-ca.pem"
OFFICE_FILE = "province-office.p12"
AGE_KEY, AGE_PUB, ESCROW_PUB = "province-age.key", "province-age.pub", "escrow-age.pub"
PROVINCE_CODE = "14"  # Sơn La's code in the national list of administrative units
MODE_KEY = "mode"


def is_province(db: Database) -> bool:
    with db.reader() as s:
        row = s.get(LocalSetting, MODE_KEY)
        return row is not None and row.value == "province"


def fingerprint(cert: x509_types.Certificate) -> str:
    """SHA-256 of the DER certificate, colon-separated, as people compare it by phone or on paper."""
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

    digest = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


@dataclass(frozen=True)
class ProvinceInfo:
    subject: dict[str, str]
    fingerprint: str
    recipient: str
    escrow: str


def info() -> ProvinceInfo | None:
    from cryptography import x509  # noqa: PLC0415

    keys = paths.keys_dir()
    if not (keys / CA_PEM).is_file():
        return None
    cert = x509.load_pem_x509_certificate((keys / CA_PEM).read_bytes())
    escrow = (keys / ESCROW_PUB).read_text().strip() if (keys / ESCROW_PUB).is_file() else ""
    return ProvinceInfo(signing.name_parts(cert.subject), fingerprint(cert), (keys / AGE_PUB).read_text().strip(),
                        escrow)


def init(db: Database, passphrase: str, escrow_recipient: str | None = None) -> ProvinceInfo:
    """Make the province's keys; refuses a data folder that serves a commune or already has them."""
    from . import setup  # noqa: PLC0415

    accounts.require(db, "settings")
    if setup.get_profile(db) is not None:
        raise KnownError("Thư mục dữ liệu này đang dùng cho một xã. Hãy dùng thư mục riêng cho tỉnh (--data-dir).",
                         "This data folder serves a commune. Use a folder of its own for the province (--data-dir).")
    if info() is not None:
        raise KnownError("Tỉnh đã có khóa và chứng thư gốc; không tạo lại (các xã đã đăng ký dựa vào chúng).",
                         "The province already has its keys; they are not made again (enrolled communes rely on "
                         "them).")
    if escrow_recipient:
        envelope.recipients_valid([escrow_recipient])
    ca = pki.create_province_ca()
    office = _issue_office(ca)
    identity, recipient = envelope.new_identity()
    keys = paths.keys_dir()
    keys.mkdir(parents=True, exist_ok=True)
    signing.save_p12(keys / CA_FILE, ca, passphrase)
    signing.save_p12(keys / OFFICE_FILE, office, passphrase)
    signing.atomic_write(keys / AGE_KEY, envelope.protect_identity(identity, passphrase))
    signing.atomic_write(keys / AGE_PUB, (recipient + "\n").encode("ascii"))
    if escrow_recipient:
        signing.atomic_write(keys / ESCROW_PUB, (escrow_recipient.strip() + "\n").encode("ascii"))
    signing.atomic_write(keys / CA_PEM, signing.pem(ca.cert))  # last: its presence means "initialised"
    with db.session() as s:
        row = s.get(LocalSetting, MODE_KEY)
        if row is None:
            s.add(LocalSetting(key=MODE_KEY, value="province"))
        else:
            row.value = "province"
    result = info()
    assert result is not None
    return result


def _issue_office(ca: KeyMaterial) -> KeyMaterial:
    key, csr = pki.commune_request(PROVINCE_CODE, "Văn phòng tỉnh Sơn La")
    return KeyMaterial(key, pki.issue_commune(ca, pki.read_request(csr), years=pki.CA_YEARS), [ca.cert])


def require() -> ProvinceInfo:
    found = info()
    if found is None:
        raise KnownError("Chưa khởi tạo chế độ tỉnh. Chạy: papi-desktop province init --passphrase-env BIẾN",
                         "Province mode is not set up. Run: papi-desktop province init --passphrase-env VAR")
    return found


def root_pem() -> bytes:
    require()
    return (paths.keys_dir() / CA_PEM).read_bytes()


def ca_material(passphrase: str) -> KeyMaterial:
    require()
    return signing.load_p12(paths.keys_dir() / CA_FILE, passphrase)


def office_material(passphrase: str) -> KeyMaterial:
    require()
    return signing.load_p12(paths.keys_dir() / OFFICE_FILE, passphrase)


def identity(passphrase: str) -> str:
    require()
    return envelope.unprotect_identity((paths.keys_dir() / AGE_KEY).read_bytes(), passphrase)


def recipients() -> list[str]:
    found = require()
    return [found.recipient, *([found.escrow] if found.escrow else [])]


def record_issue(db: Database, unit_code: str, device: str, recipient: str, cert: x509_types.Certificate) -> None:
    with db.session() as s:
        s.add(Enrolment(unit_code=unit_code, device=device, serial=format(cert.serial_number, "x"),
                        cert_pem=signing.pem(cert).decode("ascii"), recipient=recipient,
                        issued_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                        not_after=cert.not_valid_after_utc.isoformat(timespec="seconds")))


def check_unit(unit_code: str) -> reference.Unit:
    return reference.unit(unit_code)


@dataclass(frozen=True)
class EnrolledInfo:
    unit_code: str
    unit_name: str
    device: str
    serial: str
    issued_at: str
    not_after: str
    revoked_at: str | None


def enrolled(db: Database) -> list[EnrolledInfo]:
    names = {u.code: u.full_name for u in reference.units()}
    with db.reader() as s:
        rows = s.scalars(select(Enrolment).order_by(Enrolment.unit_code, Enrolment.issued_at)).all()
        return [EnrolledInfo(r.unit_code, names.get(r.unit_code, r.unit_code), r.device, r.serial, r.issued_at,
                             r.not_after, r.revoked_at) for r in rows]


def revoke(db: Database, unit_code: str, reason: str = "") -> int:
    """Revoke every certificate of a commune still in force; returns how many."""
    accounts.require(db, "enrol")
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with db.session() as s:
        rows = s.scalars(select(Enrolment).where(Enrolment.unit_code == unit_code,
                                                 Enrolment.revoked_at.is_(None))).all()
        for row in rows:
            row.revoked_at, row.revoked_reason = now, reason
    if not rows:
        raise KnownError(f"Đơn vị {unit_code} không có chứng thư nào còn hiệu lực.",
                         f"Unit {unit_code} has no certificate in force.")
    return len(rows)


def revocation_list(db: Database, ca: KeyMaterial) -> bytes:
    """The CRL as of now, numbered by how many revocations it lists (a newer list never has fewer)."""
    with db.reader() as s:
        rows = s.scalars(select(Enrolment).where(Enrolment.revoked_at.is_not(None))).all()
        revoked = [(int(r.serial, 16), dt.datetime.fromisoformat(r.revoked_at)) for r in rows
                   if r.revoked_at is not None]  # as selected
    return pki.make_crl(ca, revoked, len(revoked) + 1)


def devices_of(db: Database, unit_code: str) -> set[str]:
    """The PCs of a commune the province enrolled: the only origins its bundles may carry."""
    with db.reader() as s:
        return set(s.scalars(select(Enrolment.device).where(Enrolment.unit_code == unit_code)))


def certificate_of(db: Database, cert: x509_types.Certificate) -> Enrolment | None:
    """The enrolment record of a signer's certificate, if this province issued it."""
    with db.reader() as s:
        return s.scalar(select(Enrolment).where(Enrolment.serial == format(cert.serial_number, "x")))



HUB_URL_KEY = "hub_public_url"


def valid_hub_url(url: str) -> str:
    """An https:// address with a host (what a commune PC will call)."""
    from urllib.parse import urlsplit  # noqa: PLC0415

    url = url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
        parts = None
    if parts is None or parts.scheme != "https" or not parts.hostname or not port_ok or parts.query or \
            parts.fragment or len(url) > 200:
        raise KnownError("Địa chỉ máy chủ tỉnh phải có dạng https://tên-máy:cổng.",
                         "The hub address must look like https://host:port.")
    return url


def hub_url(db: Database) -> str:
    """The hub address the province gives its communes ("" when it runs none)."""
    with db.reader() as s:
        row = s.get(LocalSetting, HUB_URL_KEY)
        return row.value if row is not None else ""


def set_hub_url(db: Database, url: str) -> str:
    """Carried from now on in every enrolment package and every update ("" to stop giving one)."""
    accounts.require(db, "settings")
    from . import local_settings  # noqa: PLC0415

    require()
    value = valid_hub_url(url) if url.strip() else ""
    local_settings.write(db, HUB_URL_KEY, value)
    return value
