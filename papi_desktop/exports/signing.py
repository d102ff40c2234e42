"""Signing and verifying reports offline: the commune's key and certificate (PKCS#12, encrypted with a
passphrase), PAdES B-B signatures on PDFs with a visible stamp (pyHanko), detached CMS signatures
(.p7s) beside Excel files (cryptography), and verification with pyHanko's modification analysis."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import KnownError
from .document import SignatureSpot

VN_TZ = dt.timezone(dt.timedelta(hours=7), "+07:00")
# pyHanko logs every failed path search with a traceback; the verdict is ours to report.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False
DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36"  # id-kp-documentSigning (RFC 9336)
PBKDF2_ROUNDS = 600_000


@dataclass
class KeyMaterial:
    key: object  # cryptography private key
    cert: object  # cryptography x509.Certificate
    chain: list = field(default_factory=list)

    @property
    def subject(self) -> dict[str, str]:
        return name_parts(self.cert.subject)


def name_parts(name) -> dict[str, str]:  # noqa: ANN001
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
    """PKCS#12 with AES-256 and PBKDF2-SHA256 at 600,000 rounds (the library's default is far weaker)."""
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.serialization import pkcs12  # noqa: PLC0415

    if len(passphrase) < 8:
        raise KnownError("Mật khẩu bảo vệ khóa cần ít nhất 8 ký tự.", "The key's passphrase needs 8 characters or more.")
    enc = (serialization.PrivateFormat.PKCS12.encryption_builder().kdf_rounds(PBKDF2_ROUNDS)
           .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC).hmac_hash(hashes.SHA256())
           .build(passphrase.encode("utf-8")))
    blob = pkcs12.serialize_key_and_certificates(b"papi-desktop", material.key, material.cert,
                                                 material.chain or None, enc)
    atomic_write(Path(path), blob)


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
        raise KnownError("Mật khẩu của tệp khóa không đúng (hoặc tệp không phải PKCS#12). Chưa ký văn bản nào.",
                         "Wrong passphrase for the key file (or not a PKCS#12 file). Nothing was signed.") from None
    if key is None or cert is None:
        raise KnownError("Tệp .p12 không chứa khóa bí mật và chứng thư ký số.",
                         "The .p12 file holds no private key and certificate.")
    now = dt.datetime.now(dt.UTC)
    if cert.not_valid_after_utc < now:
        raise KnownError(f"Chứng thư ký số đã hết hạn ngày {cert.not_valid_after_utc:%d/%m/%Y}. Hãy gia hạn hoặc tạo "
                         "chứng thư mới.", f"The certificate expired on {cert.not_valid_after_utc:%d/%m/%Y}.")
    return KeyMaterial(key, cert, list(chain or []))


def pem(cert) -> bytes:  # noqa: ANN001
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

    class InMemory(base):  # type: ignore[misc, valid-type]
        def create_font_engine(self, writer, obj_stream=None):  # noqa: ANN001, ANN202
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(writer=writer, font_handle=io.BytesIO(Path(self.font_file).read_bytes()),
                                    font_size=self.font_size, ot_script_tag=self.ot_script_tag,
                                    ot_language_tag=self.ot_language_tag, writing_direction=self.writing_direction,
                                    bcp47_lang_code=self.bcp47_lang_code, obj_stream=obj_stream)

    return InMemory


def sign_pdf(source: Path, target: Path, material: KeyMaterial, spot: SignatureSpot | None, font_cache: Path,
             doc_ref: str = "", seal_png: Path | None = None, now: dt.datetime | None = None) -> Path:
    """PAdES B-B (no network) with a visible stamp where the document keeps room for the signature:
    the signer, the organisation and the signing time in ISO 8601 with Vietnam's offset
    (Nghị định 30/2020, Phụ lục I), over an optional seal image. Written as an incremental update."""
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
    style_kw: dict[str, object] = {}
    if seal_png is not None:
        from pyhanko.pdf_utils.images import PdfImage  # noqa: PLC0415

        style_kw = {"background": PdfImage(str(seal_png)), "background_opacity": 0.6}
    size = 9  # whole points: pyHanko 0.38 lays out the box with Fractions
    stamp = TextStampStyle(stamp_text="\n".join(lines).replace("%", "%%"), border_width=1,
                           text_box_style=TextBoxStyle(font=_font_factory(GlyphAccumulatorFactory)(
                               str(fonts.stamp_font(font_cache)), font_size=size), font_size=size), **style_kw)
    box = tuple(round(v) for v in spot.box) if spot else (320, 60, 560, 130)  # pyHanko lays out in whole points
    page = spot.page if spot else -1
    meta = signers.PdfSignatureMetadata(field_name="ChuKySo", md_algorithm="sha256",
                                        subfilter=SigSeedSubFilter.PADES, reason="Ký số văn bản",
                                        location=subject.get("L", ""))
    pdf_signer = signers.PdfSigner(meta, signer=_pyhanko_signer(material), stamp_style=stamp,
                                   new_field_spec=fields.SigFieldSpec("ChuKySo", on_page=page, box=box))
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    try:
        with Path(source).open("rb") as inf, tmp.open("wb") as out:
            pdf_signer.sign_pdf(IncrementalPdfFileWriter(inf), output=out)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def sign_detached(path: Path, material: KeyMaterial) -> Path:
    """A detached CMS signature (.p7s) of the file's exact bytes: `openssl cms -verify -binary` checks it."""
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.serialization import pkcs7  # noqa: PLC0415

    data = Path(path).read_bytes()
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(material.cert, material.key, hashes.SHA256())
    for extra in material.chain:
        builder = builder.add_certificate(extra)
    blob = builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature,
                                                     pkcs7.PKCS7Options.Binary])
    target = Path(str(path) + ".p7s")
    atomic_write(target, blob)
    return target


@dataclass
class Verification:
    file: str
    kind: str  # pdf | cms
    intact: bool = False  # the signed bytes are unchanged and the signature matches them
    trusted: bool = False  # the signer's certificate chains to a trusted certificate
    unmodified: bool = False  # nothing was added after signing (PDF: pyHanko's modification level)
    signer: dict[str, str] = field(default_factory=dict)
    chain: list[str] = field(default_factory=list)
    signing_time: str | None = None  # claimed by the signer's clock (ISO 8601)
    modification: str = ""
    coverage: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.intact and self.trusted and self.unmodified

    def as_json(self, lang: str = "vi") -> dict[str, object]:
        return {"file": self.file, "kind": self.kind, "valid": self.ok, "intact": self.intact,
                "trusted": self.trusted, "unmodified": self.unmodified, "signer": self.signer, "chain": self.chain,
                "signing_time": self.signing_time, "modification": self.modification, "coverage": self.coverage,
                "problems": [en if lang == "en" else vi for vi, en in self.problems]}


def _trust_context(trusted: list[bytes]):  # noqa: ANN202
    """Trust anchors from PEM or DER bytes; never fetches anything (communes work offline)."""
    from asn1crypto import pem as asn1_pem  # noqa: PLC0415
    from asn1crypto import x509 as asn1_x509  # noqa: PLC0415
    from pyhanko_certvalidator import ValidationContext  # noqa: PLC0415

    roots = []
    for blob in trusted:
        ders = [der for _k, _h, der in asn1_pem.unarmor(blob, multiple=True)] if asn1_pem.detect(blob) else [blob]
        roots.extend(asn1_x509.Certificate.load(der) for der in ders)
    return ValidationContext(trust_roots=roots, allow_fetching=False)


def _status_into(v: Verification, status) -> None:  # noqa: ANN001
    cert = status.signing_cert
    v.signer = {k: val for k, val in (("CN", cert.subject.native.get("common_name", "")),
                                      ("O", cert.subject.native.get("organization_name", "")),
                                      ("UID", cert.subject.native.get("user_id", ""))) if val}
    v.intact = bool(status.intact and status.valid)
    v.trusted = bool(status.trusted)
    if status.signer_reported_dt is not None:
        v.signing_time = status.signer_reported_dt.astimezone(VN_TZ).isoformat(timespec="seconds")
    path = getattr(status, "validation_path", None)
    if path is not None:
        v.chain = [c.subject.human_friendly for c in path.iter_certs(include_root=True)]
    if not v.intact:
        v.problems.append(("Chữ ký không khớp với nội dung: tệp đã bị sửa sau khi ký.",
                           "The signature does not match the content: the file was changed after signing."))
    if v.intact and not v.trusted:
        v.problems.append(("Chứng thư của người ký không thuộc danh sách tin cậy (thêm chứng thư của xã hoặc của tổ "
                           "chức cấp vào danh sách tin cậy).", "The signer's certificate is not trusted."))


def verify_pdf(path: Path, trusted: list[bytes]) -> Verification:
    from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: PLC0415
    from pyhanko.sign.validation import validate_pdf_signature  # noqa: PLC0415

    v = Verification(str(path), "pdf")
    try:
        with Path(path).open("rb") as fh:
            reader = PdfFileReader(fh, strict=False)
            sigs = reader.embedded_signatures
            if not sigs:
                v.problems.append(("Tệp PDF không có chữ ký số.", "The PDF has no digital signature."))
                return v
            status = validate_pdf_signature(sigs[0], _trust_context(trusted))
    except Exception as exc:  # noqa: BLE001 - a damaged file is a failed verification, not a crash
        v.problems.append((f"Không đọc được chữ ký trong tệp PDF ({type(exc).__name__}): tệp hỏng hoặc đã bị sửa.",
                           f"Cannot read the PDF's signature ({type(exc).__name__}): damaged or altered."))
        return v
    _status_into(v, status)
    v.modification = status.modification_level.name.lower() if status.modification_level else "unknown"
    v.coverage = status.coverage.name.lower() if status.coverage else ""
    v.unmodified = v.modification in ("none", "form_filling")
    if v.intact and not v.unmodified:
        v.problems.append(("Tệp đã bị thêm nội dung sau khi ký (bản cập nhật nối thêm không phải chữ ký hợp lệ).",
                           "Content was added after signing (an appended update that is not a valid signature)."))
    return v


def verify_detached(content: Path, signature: Path, trusted: list[bytes]) -> Verification:
    from asn1crypto import cms  # noqa: PLC0415
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms  # noqa: PLC0415

    v = Verification(str(content), "cms", unmodified=True)
    if not Path(signature).is_file():
        v.unmodified = False
        v.problems.append((f"Không có tệp chữ ký {Path(signature).name} bên cạnh tệp.",
                           f"No signature file {Path(signature).name} beside the file."))
        return v
    try:
        info = cms.ContentInfo.load(Path(signature).read_bytes())
        status = asyncio.run(async_validate_detached_cms(Path(content).read_bytes(), info["content"],
                                                         signer_validation_context=_trust_context(trusted)))
    except Exception as exc:  # noqa: BLE001
        v.unmodified = False
        v.problems.append((f"Tệp chữ ký hỏng hoặc không đúng dạng CMS ({type(exc).__name__}).",
                           f"The signature file is damaged or not CMS ({type(exc).__name__})."))
        return v
    _status_into(v, status)
    v.unmodified = v.intact
    v.coverage = "entire_file" if v.intact else ""
    return v
