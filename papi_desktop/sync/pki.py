"""The province's certificate authority and the communes' certificates (cryptography only).

The province's root certifies each commune's own key, made on the commune's PC from a request
(the key never leaves that PC). The same certificate then signs the commune's reports (PAdES,
detached CMS) and its sync bundles. Revocation travels as a CRL the province signs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.errors import KnownError
from ..exports.signing import DOCUMENT_SIGNING, KeyMaterial, name_parts

if TYPE_CHECKING:
    from cryptography import x509 as x509_types
    from cryptography.hazmat.primitives.asymmetric import ec

CA_YEARS = 10
COMMUNE_YEARS = 3
MAX_COMMUNE_YEARS = 10  # what a renewal may ask for
SKEW = dt.timedelta(days=1)  # commune clocks drift: a day's skew is tolerated either way


def _x509():  # noqa: ANN202 - cryptography is imported when used, not at start-up
    from cryptography import x509  # noqa: PLC0415

    return x509


def _usage(ca: bool):  # noqa: ANN202
    x509 = _x509()
    return x509.KeyUsage(digital_signature=not ca, content_commitment=not ca, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


def create_province_ca(province: str = "Tỉnh Sơn La", office: str = "Sở Nội vụ",
                       now: dt.datetime | None = None) -> KeyMaterial:
    """A self-signed root (EC P-384) that certifies communes directly (path length 0)."""
    from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    from cryptography.x509.oid import NameOID  # noqa: PLC0415

    x509 = _x509()
    now = now or dt.datetime.now(dt.UTC)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, province),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"{office} {province}"),
                      x509.NameAttribute(NameOID.COMMON_NAME, f"CA PAPI {province}")])
    key = ec.generate_private_key(ec.SECP384R1())
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - SKEW)
            .not_valid_after(now + dt.timedelta(days=365 * CA_YEARS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_usage(True), critical=True).add_extension(ski, critical=False)
            .sign(key, hashes.SHA384()))
    return KeyMaterial(key, cert, [])


def commune_request(unit_code: str, unit_name: str,
                    province: str = "Tỉnh Sơn La") -> tuple[ec.EllipticCurvePrivateKey, bytes]:
    """A new key (EC P-256) and its certificate request (PEM), signed by that key."""
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    from cryptography.x509.oid import NameOID  # noqa: PLC0415

    x509 = _x509()
    org = f"UBND {unit_name}"
    subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                         x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, province),
                         x509.NameAttribute(NameOID.LOCALITY_NAME, unit_name),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                         x509.NameAttribute(NameOID.USER_ID, unit_code),
                         x509.NameAttribute(NameOID.COMMON_NAME, org)])
    key = ec.generate_private_key(ec.SECP256R1())
    csr = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    return key, csr.public_bytes(serialization.Encoding.PEM)


@dataclass(frozen=True)
class Request:
    unit_code: str
    subject: dict[str, str]
    csr: x509_types.CertificateSigningRequest | x509_types.Certificate  # a renewal: the old certificate's key


def read_request(pem: bytes) -> Request:
    """A commune's request, checked: well formed, signed by the key it carries, naming one unit."""
    x509 = _x509()
    try:
        csr = x509.load_pem_x509_csr(pem)
    except ValueError:
        raise KnownError("Tệp yêu cầu cấp chứng thư hỏng hoặc không đúng dạng.",
                         "The certificate request file is damaged or not a request.") from None
    if not csr.is_signature_valid:
        raise KnownError("Chữ ký của yêu cầu cấp chứng thư không đúng: tệp đã bị sửa.",
                         "The request's signature does not match: the file was altered.")
    subject = name_parts(csr.subject)
    if not subject.get("UID"):
        raise KnownError("Yêu cầu không ghi mã đơn vị hành chính của xã.", "The request names no unit code.")
    return Request(subject["UID"], subject, csr)


def issue_commune(ca: KeyMaterial, request: Request, now: dt.datetime | None = None,
                  years: int = COMMUNE_YEARS) -> x509_types.Certificate:
    """The commune's certificate, for the key in its request: signs documents and bundles."""
    from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
    from cryptography.x509.oid import ExtendedKeyUsageOID, ObjectIdentifier  # noqa: PLC0415

    x509 = _x509()
    now = now or dt.datetime.now(dt.UTC)
    end = min(now + dt.timedelta(days=365 * years), ca.cert.not_valid_after_utc)
    pub = request.csr.public_key()
    ca_ski = ca.cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    return (x509.CertificateBuilder().subject_name(request.csr.subject)
            .issuer_name(ca.cert.subject).public_key(pub)
            .serial_number(x509.random_serial_number()).not_valid_before(now - SKEW).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION,
                                                  ObjectIdentifier(DOCUMENT_SIGNING)]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(pub), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False)
            .sign(ca.key, hashes.SHA384()))


def make_crl(ca: KeyMaterial, revoked: list[tuple[int, dt.datetime]], number: int,
             now: dt.datetime | None = None, valid_days: int = 90) -> bytes:
    """The revocation list (DER), numbered so that a commune refuses an older one."""
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415

    x509 = _x509()
    now = now or dt.datetime.now(dt.UTC)
    builder = (x509.CertificateRevocationListBuilder().issuer_name(ca.cert.subject)
               .last_update(now - dt.timedelta(minutes=5)).next_update(now + dt.timedelta(days=valid_days))
               .add_extension(x509.CRLNumber(number), critical=False))
    for serial, when in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build())
    return builder.sign(ca.key, hashes.SHA384()).public_bytes(serialization.Encoding.DER)


def load_crl(der: bytes, ca_cert: x509_types.Certificate) -> x509_types.CertificateRevocationList:
    x509 = _x509()
    try:
        crl = x509.load_der_x509_crl(der)
    except ValueError:
        raise KnownError("Danh sách thu hồi chứng thư hỏng.", "The revocation list is damaged.") from None
    if not crl.is_signature_valid(ca_cert.public_key()):
        raise KnownError("Danh sách thu hồi không do tỉnh ký.", "The revocation list is not signed by the province.")
    return crl


def check_commune_cert(cert: x509_types.Certificate, ca_cert: x509_types.Certificate, unit_code: str,
                       crl: x509_types.CertificateRevocationList | None = None,
                       at: dt.datetime | None = None) -> None:
    """Issued by the province, in force at `at`, naming `unit_code`, not revoked: else KnownError with
    the reason."""
    from cryptography.exceptions import InvalidSignature  # noqa: PLC0415

    at = at or dt.datetime.now(dt.UTC)
    subject = name_parts(cert.subject)
    who = subject.get("CN", "?")
    try:
        cert.verify_directly_issued_by(ca_cert)
    except (ValueError, TypeError, InvalidSignature):
        raise KnownError(f"Chứng thư của “{who}” không do tỉnh cấp.",
                         f"The certificate of “{who}” was not issued by the province.") from None
    if subject.get("UID") != unit_code:
        raise KnownError(f"Chứng thư của “{who}” thuộc đơn vị {subject.get('UID', '?')}, không phải {unit_code}.",
                         f"The certificate of “{who}” belongs to unit {subject.get('UID', '?')}, not {unit_code}.")
    if not cert.not_valid_before_utc - SKEW <= at <= cert.not_valid_after_utc:
        end = cert.not_valid_after_utc
        raise KnownError(f"Chứng thư của “{who}” không còn hiệu lực (hết hạn {end:%d/%m/%Y}).",
                         f"The certificate of “{who}” is not in force (expires {end:%d/%m/%Y}).")
    if crl is not None:
        entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
        if entry is not None and entry.revocation_date_utc <= at:
            raise KnownError(f"Chứng thư của “{who}” đã bị tỉnh thu hồi ngày {entry.revocation_date_utc:%d/%m/%Y}.",
                             f"The certificate of “{who}” was revoked on {entry.revocation_date_utc:%d/%m/%Y}.")


HUB_DAYS = 397  # browsers' and TLS stacks' limit for a server certificate


def issue_server(ca: KeyMaterial, names: list[str], now: dt.datetime | None = None) -> KeyMaterial:
    """The hub's TLS certificate (EC P-256), for its host names and IP addresses: communes trust the
    province root only, so the province issues this itself."""
    import ipaddress  # noqa: PLC0415

    from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID  # noqa: PLC0415

    x509 = _x509()
    if not names:
        raise KnownError("Cần ít nhất một tên máy chủ hoặc địa chỉ IP.", "At least one host name or IP address is needed.")
    alt: list[x509_types.GeneralName] = []
    for name in names:
        try:
            alt.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alt.append(x509.DNSName(name))
    now = now or dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    ca_ski = ca.cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    end = min(now + dt.timedelta(days=HUB_DAYS), ca.cert.not_valid_after_utc)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                                     x509.NameAttribute(NameOID.COMMON_NAME, names[0])]))
            .issuer_name(ca.cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - SKEW).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.SubjectAlternativeName(alt), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False)
            .sign(ca.key, hashes.SHA384()))
    return KeyMaterial(key, cert, [ca.cert])
