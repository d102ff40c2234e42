"""Trust anchors the province hands down (a licensed CA whose certificates the chairmen's USB tokens
carry, a neighbouring province's root), never trusted silently.

The province adds a certificate after comparing its fingerprint (`province trust add`); every update
it publishes then carries the list, signed with the update. A commune PC applying the update only
*offers* them: they wait in trust-offered/ until a person there compares the fingerprint and accepts
(`keys trust offered`, `keys trust accept FINGERPRINT`); only then does a signature they certify
verify as trusted.
"""

from __future__ import annotations

from pathlib import Path

from .. import paths
from ..domain.errors import KnownError
from ..exports import signing
from . import keys

PREFIX = "trust/"
MAX_ANCHORS = 32


def _province_dir() -> Path:
    return paths.data_dir() / "downstream-trust"


def offered_dir() -> Path:
    return paths.data_dir() / "trust-offered"


def _name(info: keys.CertificateInfo) -> str:
    return f"{info.sha256[:16]}.pem"


def _anchor(data: bytes) -> tuple[keys.CertificateInfo, bytes]:
    """A CA certificate (PEM or DER) as PEM, with what a person compares."""
    from cryptography import x509  # noqa: PLC0415

    info = keys.inspect_certificate(data)
    cert = keys._parse(data)  # noqa: SLF001 - the same parser the trust list uses
    try:
        is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    if not is_ca:
        raise KnownError("Chứng thư này không phải của một tổ chức cấp chứng thư (CA): không dùng làm gốc tin cậy.",
                         "This certificate is not a certification authority's (CA): it cannot be a trust anchor.")
    return info, signing.pem(cert)


# --- the province ---------------------------------------------------------------------------------

def province_add(data: bytes) -> keys.CertificateInfo:
    """Add an anchor to what every update carries (the caller showed its fingerprint first)."""
    info, pem = _anchor(data)
    folder = _province_dir()
    if len(list(folder.glob("*.pem"))) >= MAX_ANCHORS if folder.is_dir() else False:
        raise KnownError(f"Đã có {MAX_ANCHORS} chứng thư gốc, không thêm được nữa.",
                         f"There are {MAX_ANCHORS} trust anchors already; no more can be added.")
    folder.mkdir(parents=True, exist_ok=True)
    signing.atomic_write(folder / _name(info), pem)
    return info


def province_remove(fingerprint: str) -> bool:
    """Stop handing an anchor down (communes that accepted it keep it until they remove it)."""
    for path in province_anchors_paths():
        if keys.inspect_certificate(path.read_bytes()).sha256 == _plain(fingerprint):
            path.unlink()
            return True
    return False


def province_anchors_paths() -> list[Path]:
    folder = _province_dir()
    return sorted(folder.glob("*.pem")) if folder.is_dir() else []


def province_anchors() -> list[keys.CertificateInfo]:
    return [keys.inspect_certificate(p.read_bytes()) for p in province_anchors_paths()]


def members() -> dict[str, bytes]:
    """What publish puts in the update: trust/NAME.pem per anchor."""
    return {PREFIX + p.name: p.read_bytes() for p in province_anchors_paths()}


# --- a commune PC -----------------------------------------------------------------------------------

def check_carried(carried: dict[str, bytes]) -> list[tuple[keys.CertificateInfo, bytes]]:
    """The anchors an update carries that this PC does not trust yet, checked before anything of the
    update is applied: a malformed or non-CA one refuses the update whole."""
    anchors = {name[len(PREFIX):]: data for name, data in carried.items() if name.startswith(PREFIX)}
    if len(anchors) > MAX_ANCHORS:
        raise KnownError("Bản cập nhật mang quá nhiều chứng thư gốc.", "The update carries too many trust anchors.")
    trusted = {keys.inspect_certificate(pem).sha256 for pem in keys.trusted()}
    return [(info, pem) for info, pem in (_anchor(data) for data in anchors.values()) if info.sha256 not in trusted]


def offer(checked: list[tuple[keys.CertificateInfo, bytes]]) -> list[keys.CertificateInfo]:
    """Put them aside for a person to accept (after the update applied); returns them."""
    folder = offered_dir()
    for info, pem in checked:
        folder.mkdir(parents=True, exist_ok=True)
        signing.atomic_write(folder / _name(info), pem)
    return [info for info, _pem in checked]


def offered() -> list[keys.CertificateInfo]:
    folder = offered_dir()
    return [keys.inspect_certificate(p.read_bytes()) for p in sorted(folder.glob("*.pem"))] if folder.is_dir() else []


def _plain(fingerprint: str) -> str:
    return fingerprint.replace(":", "").replace(" ", "").strip().lower()


def accept(fingerprint: str) -> keys.CertificateInfo:
    """A person compared the fingerprint and accepts: the anchor joins the trusted list."""
    wanted = _plain(fingerprint)
    folder = offered_dir()
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        data = path.read_bytes()
        info = keys.inspect_certificate(data)
        if info.sha256 == wanted or (len(wanted) >= 16 and info.sha256.startswith(wanted)):
            keys.trust(data)
            path.unlink()
            return info
    raise KnownError("Không có chứng thư gốc nào tỉnh đề nghị với dấu vân tay này.",
                     "No trust anchor the province offered has this fingerprint.")


def decline(fingerprint: str) -> bool:
    wanted = _plain(fingerprint)
    folder = offered_dir()
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        if keys.inspect_certificate(path.read_bytes()).sha256.startswith(wanted):
            path.unlink()
            return True
    return False
