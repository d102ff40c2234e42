"""Signing reports offline: the commune's key and certificate (PKCS#12, encrypted with a passphrase),
PAdES B-B signatures on PDFs with a visible stamp (pyHanko), detached CMS signatures (.p7s) beside
Excel files (cryptography). Verification lives in verify.py and is re-exported here."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from ..domain.errors import KnownError
from .document import SignatureSpot
from .token import TokenKey
from .verify import (
    VN_TZ,
    SignatureCheck,
    Verification,
    fingerprint,
    trust_context,
    verify_detached,
    verify_pdf,
)

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes
    from pyhanko.stamp import BaseStampStyle

__all__ = ["VN_TZ", "KeyMaterial", "SignatureCheck", "Verification", "WrongPassphrase", "create_self_signed",
           "fingerprint", "load_p12", "nothing_done_if_wrong_passphrase", "save_p12", "sign_detached", "sign_pdf",
           "trust_context", "verify_detached", "verify_pdf"]
DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36"  # id-kp-documentSigning (RFC 9336)
PBKDF2_ROUNDS = 600_000


class WrongPassphrase(KnownError):
    """The key file's passphrase is wrong. The message ends with what was not done: a report was not
    signed, unless the caller says otherwise (nothing_done_if_wrong_passphrase)."""

    def __init__(self, not_done_vi: str = "Chưa ký văn bản nào.", not_done_en: str = "Nothing was signed.") -> None:
        super().__init__("Mật khẩu của tệp khóa không đúng (hoặc tệp không phải PKCS#12). " + not_done_vi,
                         "Wrong passphrase for the key file (or not a PKCS#12 file). " + not_done_en)


@contextlib.contextmanager
def nothing_done_if_wrong_passphrase(not_done_vi: str, not_done_en: str) -> Iterator[None]:
    """Around work that opens the key for something else than signing a report (a sync bundle, a push):
    a wrong passphrase says what was not done."""
    try:
        yield
    except WrongPassphrase:
        raise WrongPassphrase(not_done_vi, not_done_en) from None


@dataclass
class KeyMaterial:
    key: CertificateIssuerPrivateKeyTypes  # a key that signs (RSA, EC, ...); not DH or X25519
    cert: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)

    @property
    def subject(self) -> dict[str, str]:
        return name_parts(self.cert.subject)

    def pyhanko_signer(self):  # noqa: ANN201
        return _pyhanko_signer(self)


def name_parts(name: x509.Name) -> dict[str, str]:
    from cryptography.x509.oid import NameOID  # noqa: PLC0415

    wanted = {"CN": NameOID.COMMON_NAME, "O": NameOID.ORGANIZATION_NAME, "UID": NameOID.USER_ID,
              "L": NameOID.LOCALITY_NAME, "ST": NameOID.STATE_OR_PROVINCE_NAME, "C": NameOID.COUNTRY_NAME}
    out = {}
    for key, oid in wanted.items():
        attrs = name.get_attributes_for_oid(oid)
        if attrs:
            out[key] = str(attrs[0].value)
    return out


def create_self_signed(unit_code: str, unit_name: str, province: str = "Tỉnh Sơn La", years: int = 5,
                       now: dt.datetime | None = None) -> KeyMaterial:
    """The commune's own small PKI until the province's certificate authority enrols it (the sync issue):
    a self-signed root ("Chứng thư gốc") that issues the signing certificate (EC P-256, UID = the unit's
    code), then is thrown away with its key. Verifiers (pyHanko, pdfsig's NSS, openssl) trust the root;
    NSS refuses a self-signed end certificate as its own anchor."""
    from cryptography import x509  # noqa: PLC0415
    from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier  # noqa: PLC0415

    now = now or dt.datetime.now(dt.UTC)
    org = f"UBND {unit_name}"
    place = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
             x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, province),
             x509.NameAttribute(NameOID.LOCALITY_NAME, unit_name), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
             x509.NameAttribute(NameOID.USER_ID, unit_code)]
    root_name = x509.Name([*place, x509.NameAttribute(NameOID.COMMON_NAME, f"Chứng thư gốc {org}")])
    leaf_name = x509.Name([*place, x509.NameAttribute(NameOID.COMMON_NAME, org)])
    root_key, key = ec.generate_private_key(ec.SECP384R1()), ec.generate_private_key(ec.SECP256R1())
    start, end = now - dt.timedelta(days=1), now + dt.timedelta(days=365 * years)  # a day's clock skew allowed

    def usage(sign_docs: bool) -> x509.KeyUsage:
        return x509.KeyUsage(digital_signature=sign_docs, content_commitment=sign_docs, key_encipherment=False,
                             data_encipherment=False, key_agreement=False, key_cert_sign=not sign_docs,
                             crl_sign=not sign_docs, encipher_only=False, decipher_only=False)

    root_ski = x509.SubjectKeyIdentifier.from_public_key(root_key.public_key())
    root = (x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name)
            .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end + dt.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(usage(False), critical=True).add_extension(root_ski, critical=False)
            .sign(root_key, hashes.SHA384()))
    cert = (x509.CertificateBuilder().subject_name(leaf_name).issuer_name(root_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(usage(True), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION,
                                                  ObjectIdentifier(DOCUMENT_SIGNING)]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(root_ski), critical=False)
            .sign(root_key, hashes.SHA384()))
    return KeyMaterial(key, cert, [root])


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def save_p12(path: Path, material: KeyMaterial, passphrase: str) -> None:
    """PKCS#12 with AES-256 and PBKDF2-SHA256 at 600,000 rounds, its MAC at 600,000 iterations too.
    A new passphrase: refused when short or easily guessed (passphrase.py)."""
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.serialization import pkcs12  # noqa: PLC0415

    from . import passphrase as policy  # noqa: PLC0415

    policy.check_new(passphrase, material.subject.values())
    secret = passphrase.encode("utf-8")
    enc = (serialization.PrivateFormat.PKCS12.encryption_builder().kdf_rounds(PBKDF2_ROUNDS)
           .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC).hmac_hash(hashes.SHA256()).build(secret))
    blob = _reseal_mac(pkcs12.serialize_key_and_certificates(b"papi-desktop", material.key, material.cert,
                                                             material.chain or None, enc), secret)
    pkcs12.load_key_and_certificates(blob, secret)  # OpenSSL checks the new MAC before the file is written
    atomic_write(Path(path), blob)


def _reseal_mac(blob: bytes, secret: bytes) -> bytes:
    """The same PKCS#12 with its MAC recomputed at PBKDF2_ROUNDS iterations. cryptography (48 to 50)
    hard-codes 2,048 MAC iterations and has no setting for it, which makes the MAC a password check
    300 times cheaper than the key bag's PBKDF2. The structure is asn1crypto's, the RFC 7292 B.2 KDF
    is oscrypto's (both already installed with pyHanko), the HMAC is cryptography's."""
    import secrets  # noqa: PLC0415

    from asn1crypto import algos  # noqa: PLC0415
    from asn1crypto import pkcs12 as asn1_pkcs12  # noqa: PLC0415
    from cryptography.hazmat.primitives import hashes, hmac  # noqa: PLC0415
    from oscrypto._pkcs12 import pkcs12_kdf  # noqa: PLC0415 - oscrypto.kdf loads libcrypto, which fails on OpenSSL 3.0.10+

    pfx = asn1_pkcs12.Pfx.load(blob)
    salt = secrets.token_bytes(16)
    mac_key = pkcs12_kdf("sha256", secret, salt, PBKDF2_ROUNDS, 32, 3)  # id 3: MAC key
    digest = hmac.HMAC(mac_key, hashes.SHA256())
    digest.update(pfx["auth_safe"]["content"].native)  # the MAC covers the authSafe's content octets
    pfx["mac_data"] = asn1_pkcs12.MacData({
        "mac": algos.DigestInfo({"digest_algorithm": {"algorithm": "sha256"}, "digest": digest.finalize()}),
        "mac_salt": salt, "iterations": PBKDF2_ROUNDS})
    return pfx.dump(force=True)


def load_p12(path: Path, passphrase: str) -> KeyMaterial:
    from cryptography.hazmat.primitives.serialization import pkcs12  # noqa: PLC0415

    path = Path(path)
    if not path.is_file():
        raise KnownError(f"Không tìm thấy tệp khóa {path}. Hãy tạo chứng thư của xã trong Cài đặt hoặc chọn tệp "
                         ".p12 của tổ chức cung cấp chữ ký số.",
                         f"Key file {path} not found. Create the commune's certificate in Settings or choose a .p12.")
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(path.read_bytes(), passphrase.encode("utf-8"))
    except ValueError:
        raise WrongPassphrase() from None
    if key is None or cert is None or not _signs(key):
        raise KnownError("Tệp .p12 không chứa khóa bí mật và chứng thư ký số.",
                         "The .p12 file holds no private key and certificate.")
    now = dt.datetime.now(dt.UTC)
    if cert.not_valid_after_utc < now:
        raise KnownError(f"Chứng thư ký số đã hết hạn ngày {cert.not_valid_after_utc:%d/%m/%Y}. Hãy gia hạn hoặc tạo "
                         "chứng thư mới.", f"The certificate expired on {cert.not_valid_after_utc:%d/%m/%Y}.")
    return KeyMaterial(key, cert, list(chain or []))


def _signs(key: object) -> TypeGuard[CertificateIssuerPrivateKeyTypes]:
    """A private key that can sign: a DH or X25519 key in a .p12 cannot sign a document."""
    from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa  # noqa: PLC0415

    return isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey, dsa.DSAPrivateKey,
                            ed25519.Ed25519PrivateKey, ed448.Ed448PrivateKey))


def cms_key(material: KeyMaterial) -> rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey:
    """The key as CMS signing takes it (cryptography signs CMS with RSA and EC keys only)."""
    from cryptography.hazmat.primitives.asymmetric import ec, rsa  # noqa: PLC0415

    if not isinstance(material.key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise KnownError("Khóa này không ký được tệp .p7s (chỉ khóa RSA hoặc EC).",
                         "This key cannot make a .p7s signature (RSA or EC keys only).")
    return material.key


def pem(cert: x509.Certificate) -> bytes:
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

    return cert.public_bytes(serialization.Encoding.PEM)


def _pyhanko_signer(material: KeyMaterial):  # noqa: ANN202
    from asn1crypto import keys as asn1_keys  # noqa: PLC0415
    from asn1crypto import x509 as asn1_x509  # noqa: PLC0415
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415
    from pyhanko.sign import signers  # noqa: PLC0415
    from pyhanko_certvalidator.registry import SimpleCertificateStore  # noqa: PLC0415

    der = serialization.Encoding.DER
    key = asn1_keys.PrivateKeyInfo.load(material.key.private_bytes(der, serialization.PrivateFormat.PKCS8,
                                                                   serialization.NoEncryption()))
    cert = asn1_x509.Certificate.load(material.cert.public_bytes(der))
    chain = [asn1_x509.Certificate.load(c.public_bytes(der)) for c in material.chain]
    return signers.SimpleSigner(signing_cert=cert, signing_key=key,
                                cert_registry=SimpleCertificateStore.from_certs([cert, *chain]))


def _font_factory(base: type) -> type:
    """pyHanko 0.38's factory opens the font file and never closes it; this one reads it into memory."""
    import io  # noqa: PLC0415

    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator  # noqa: PLC0415

    class InMemory(base):
        def create_font_engine(self, writer, obj_stream=None):  # noqa: ANN001, ANN202
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(writer=writer, font_handle=io.BytesIO(Path(self.font_file).read_bytes()),
                                    font_size=self.font_size, ot_script_tag=self.ot_script_tag,
                                    ot_language_tag=self.ot_language_tag, writing_direction=self.writing_direction,
                                    bcp47_lang_code=self.bcp47_lang_code, obj_stream=obj_stream)

    return InMemory


def sign_pdf(source: Path, target: Path, material: KeyMaterial | TokenKey, spot: SignatureSpot | None, font_cache: Path,
             doc_ref: str = "", seal_png: Path | None = None, now: dt.datetime | None = None,
             field_name: str = "ChuKySo", appearance: tuple[Path, tuple[float, float, float, float]] | None = None,
             reason: str = "Ký số văn bản") -> Path:
    """PAdES B-B (no network) with a visible stamp where the document keeps room for the signature:
    the signer, the organisation and the signing time in ISO 8601 with Vietnam's offset
    (Nghị định 30/2020, Phụ lục I), over an optional seal image. Written as an incremental update; a file
already signed gets another signature in a new field (field_name must then differ). appearance: a
    one-page PDF drawn for the field (stamps.py) and the field's box, instead of the text stamp."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory  # noqa: PLC0415
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: PLC0415
    from pyhanko.pdf_utils.text import TextBoxStyle  # noqa: PLC0415
    from pyhanko.sign import fields, signers  # noqa: PLC0415
    from pyhanko.sign.fields import SigSeedSubFilter  # noqa: PLC0415
    from pyhanko.stamp import TextStampStyle  # noqa: PLC0415

    from . import fonts  # noqa: PLC0415

    subject = material.subject
    when = (now or dt.datetime.now(dt.UTC)).astimezone(VN_TZ)
    lines = [f"Ký bởi: {subject.get('CN', '')}", f"Cơ quan: {subject.get('O', subject.get('CN', ''))}"]
    if doc_ref:
        lines.append(doc_ref)
    lines.append(f"Thời gian ký: {when.isoformat(timespec='seconds')}")
    background = None
    if seal_png is not None:
        from pyhanko.pdf_utils.images import PdfImage  # noqa: PLC0415

        background = PdfImage(str(seal_png))
    size = 9  # whole points: pyHanko 0.38 lays out the box with Fractions
    stamp: BaseStampStyle = TextStampStyle(
        stamp_text="\n".join(lines).replace("%", "%%"), border_width=1, background=background, background_opacity=0.6,
        text_box_style=TextBoxStyle(font=_font_factory(GlyphAccumulatorFactory)(
            str(fonts.stamp_font(font_cache)), font_size=size), font_size=size))
    box: tuple[float, float, float, float] = (  # pyHanko lays out in whole points
        _whole(spot.box) if spot else (320, 60, 560, 130))
    page = spot.page if spot else -1
    if appearance is not None:
        from pyhanko.pdf_utils import layout  # noqa: PLC0415
        from pyhanko.stamp import StaticStampStyle  # noqa: PLC0415

        one_to_one = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MID,  # drawn at the field's size
                                                y_align=layout.AxisAlignment.ALIGN_MID, margins=layout.Margins.uniform(0))
        stamp = StaticStampStyle.from_pdf_file(str(appearance[0]), border_width=0, background_layout=one_to_one)
        box = appearance[1]
    meta = signers.PdfSignatureMetadata(field_name=field_name, md_algorithm="sha256",
                                        subfilter=SigSeedSubFilter.PADES, reason=reason,
                                        location=subject.get("L", ""))
    # box: pyHanko writes it as FloatObjects (a PDF /Rect); its annotation says int
    spec = fields.SigFieldSpec(field_name, on_page=page, box=box)  # type: ignore[arg-type]
    pdf_signer = _at_time(signers.PdfSigner, when)(meta, signer=material.pyhanko_signer(), stamp_style=stamp,
                                                   new_field_spec=spec)
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    try:
        with Path(source).open("rb") as inf, tmp.open("wb") as out:
            pdf_signer.sign_pdf(IncrementalPdfFileWriter(inf), output=out)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _whole(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    return round(box[0]), round(box[1]), round(box[2]), round(box[3])


def _at_time(base: type, when: dt.datetime) -> type:
    """pyHanko's signer with the signing session's clock set to `when`: the signature's claimed time
    (/M, signingTime) is the very second the stamp shows."""

    class AtTime(base):
        def init_signing_session(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            session = super().init_signing_session(*args, **kwargs)
            session.system_time = when
            return session

    return AtTime


def sign_detached(path: Path, material: KeyMaterial | TokenKey, now: dt.datetime | None = None) -> Path:
    """A detached CMS signature (.p7s) of the file's exact bytes: `openssl cms -verify -binary` checks it.
    A key from a file is signed with cryptography; a key on a token through pyHanko (CAdES attributes:
    signing time, signing certificate v2)."""
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.serialization import pkcs7  # noqa: PLC0415

    data = Path(path).read_bytes()
    target = Path(str(path) + ".p7s")
    if isinstance(material, TokenKey):
        import asyncio  # noqa: PLC0415

        from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes  # noqa: PLC0415

        attrs = PdfCMSSignedAttributes(signing_time=now or dt.datetime.now(dt.UTC))
        signed = asyncio.run(material.pyhanko_signer().async_sign_general_data(data, "sha256", detached=True,
                                                                               signed_attr_settings=attrs))
        atomic_write(target, signed.dump())
        return target
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(material.cert, cms_key(material), hashes.SHA256())
    for extra in material.chain:
        builder = builder.add_certificate(extra)
    blob = builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature,
                                                     pkcs7.PKCS7Options.Binary])
    atomic_write(target, blob)
    return target
