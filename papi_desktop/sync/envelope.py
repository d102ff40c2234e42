"""Sign, then encrypt: a detached CMS signature over a manifest (cryptography; `openssl cms -verify
-binary` checks it) and age encryption to the province and an escrow key (pyrage; Debian's `age -d`
opens it). Nothing here writes a file: callers decide where bytes go."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, BinaryIO

from ..domain.errors import KnownError
from ..exports.signing import KeyMaterial, cms_key, name_parts

if TYPE_CHECKING:
    from cryptography import x509


def new_identity() -> tuple[str, str]:
    """(secret identity, public recipient) of a fresh age X25519 key."""
    from pyrage import x25519  # noqa: PLC0415

    ident = x25519.Identity.generate()
    return str(ident), str(ident.to_public())


def recipient_fingerprint(recipient: str) -> str:
    """What a manifest names: a bundle re-encrypted to another key no longer matches it."""
    return hashlib.sha256(recipient.strip().encode("ascii")).hexdigest()


def _recipients(recipients: Iterable[str]) -> list:  # noqa: ANN001
    from pyrage import x25519  # noqa: PLC0415

    try:
        return [x25519.Recipient.from_str(r.strip()) for r in recipients]
    except Exception:  # noqa: BLE001 - pyrage raises its own RecipientError
        raise KnownError("Khóa mã hóa của tỉnh không đúng dạng (age1…).",
                         "The province's encryption key is not an age recipient (age1…).") from None


def recipients_valid(recipients: Iterable[str]) -> None:
    _recipients(recipients)


def encrypt_stream(source: BinaryIO, target: BinaryIO, recipients: Iterable[str]) -> None:
    """Streams: the plaintext never needs to be whole in memory, nor on disk."""
    import pyrage  # noqa: PLC0415

    # pyrage reads and writes any file-like object (a pipe, a tee); its stubs say BufferedIOBase
    pyrage.encrypt_io(source, target, _recipients(recipients))  # type: ignore[arg-type]


def decrypt(blob: bytes, identities: Iterable[str]) -> bytes:
    import pyrage  # noqa: PLC0415
    from pyrage import x25519  # noqa: PLC0415

    try:
        keys = [x25519.Identity.from_str(i.strip()) for i in identities]
    except Exception:  # noqa: BLE001
        raise KnownError("Khóa giải mã của tỉnh hỏng.", "The province's decryption key is damaged.") from None
    try:
        return pyrage.decrypt(blob, keys)
    except Exception:  # noqa: BLE001 - truncated, altered, reordered or for another key: all the same to us
        raise KnownError("Không giải mã được gói dữ liệu: tệp bị cắt, bị sửa, thiếu phần, hoặc không được mã hóa "
                         "cho tỉnh này.", "Cannot decrypt the bundle: truncated, altered, a part missing, or not "
                         "encrypted to this province.") from None


def protect_identity(identity: str, passphrase: str) -> bytes:
    """The province's decryption key at rest: age passphrase encryption (`age -d` asks for it)."""
    from pyrage import passphrase as age_pass  # noqa: PLC0415

    return age_pass.encrypt(identity.encode("ascii"), passphrase)


def unprotect_identity(blob: bytes, passphrase: str) -> str:
    from pyrage import passphrase as age_pass  # noqa: PLC0415

    try:
        return age_pass.decrypt(blob, passphrase).decode("ascii")
    except Exception:  # noqa: BLE001
        raise KnownError("Mật khẩu khóa giải mã của tỉnh không đúng.",
                         "Wrong passphrase for the province's decryption key.") from None


def sign_detached(data: bytes, material: KeyMaterial) -> bytes:
    """CMS SignedData (DER) over data's exact bytes, with the signer's chain."""
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.serialization import pkcs7  # noqa: PLC0415

    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(
        material.cert, cms_key(material), hashes.SHA256())
    for extra in material.chain:
        builder = builder.add_certificate(extra)
    return builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature,
                                                     pkcs7.PKCS7Options.Binary])


def verify_detached(data: bytes, signature: bytes, root_pem: bytes) -> x509.Certificate:
    """The signer's certificate (cryptography) when the signature over data is sound and chains to the
    root; else KnownError. Revocation and the unit are checked by the caller (pki.check_commune_cert)."""
    from asn1crypto import cms  # noqa: PLC0415
    from cryptography import x509  # noqa: PLC0415
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms  # noqa: PLC0415
    from pyhanko_certvalidator import ValidationContext  # noqa: PLC0415

    try:
        info = cms.ContentInfo.load(signature)
        signed = info["content"]
        if len(signed["signer_infos"]) != 1:
            raise ValueError("one signer expected")
        context = ValidationContext(trust_roots=[_asn1_cert(root_pem)], allow_fetching=False)
        status = asyncio.run(async_validate_detached_cms(data, signed, signer_validation_context=context))
        # asn1crypto reads lazily: a damaged certificate may surface only here (ValueError, KeyError…)
        signer = x509.load_der_x509_certificate(status.signing_cert.dump())
        who = name_parts(signer.subject).get("CN", "?")
    except KnownError:
        raise
    except Exception as exc:  # noqa: BLE001 - any damage is a refusal with a reason, never a crash
        raise KnownError(f"Chữ ký của bản kê khai hỏng ({type(exc).__name__}).",
                         f"The manifest's signature is damaged ({type(exc).__name__}).") from None
    if not (status.intact and status.valid):
        raise KnownError("Chữ ký của bản kê khai không khớp nội dung: gói đã bị sửa.",
                         "The manifest's signature does not match its content: the bundle was altered.")
    if not status.trusted:
        raise KnownError(f"Người ký “{who}” không có chứng thư do tỉnh cấp.",
                         f"The signer “{who}” holds no certificate issued by the province.")
    return signer


def _asn1_cert(pem_or_der: bytes):  # noqa: ANN202
    from asn1crypto import pem as asn1_pem  # noqa: PLC0415
    from asn1crypto import x509 as asn1_x509  # noqa: PLC0415

    der = asn1_pem.unarmor(pem_or_der)[2] if asn1_pem.detect(pem_or_der) else pem_or_der
    return asn1_x509.Certificate.load(der)
