"""Trust anchors the province hands down (a licensed CA whose certificates the chairmen's USB tokens
carry, a neighbouring province's root), never trusted silently.

The province adds a certificate after comparing its fingerprint (`province trust add`); every update
it publishes then carries the list, signed with the update. A commune PC applying the update only
*offers* them: they wait in trust-offered/ until a person there compares the fingerprint and accepts
(`keys trust offered`, `keys trust accept FINGERPRINT`); only then does a signature they certify
verify as trusted.

Cài đặt lists what this PC trusts (with where each anchor came from and when), the anchors offered
and not yet decided, and imports a CA's certificate from a file, always after its fingerprint was
shown in full.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..domain.errors import KnownError
from ..exports import signing
from ..storage.db import Database
from . import accounts, keys

PREFIX = "trust/"
MAX_ANCHORS = 32
MAX_FILE_BYTES = 64 * 1024  # a CA certificate is a few KiB; anything far bigger is not one
SOURCES_FILE = "trust-sources.json"  # sha256 -> where the anchor came from and when
FROM_FILE, FROM_PROVINCE, OWN, OTHER = "file", "province", "own", "other"


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

def province_add(db: Database, data: bytes) -> keys.CertificateInfo:
    """Add an anchor to what every update carries (the caller showed its fingerprint first)."""
    accounts.require(db, "settings")
    info, pem = _anchor(data)
    folder = _province_dir()
    if len(list(folder.glob("*.pem"))) >= MAX_ANCHORS if folder.is_dir() else False:
        raise KnownError(f"Đã có {MAX_ANCHORS} chứng thư gốc, không thêm được nữa.",
                         f"There are {MAX_ANCHORS} trust anchors already; no more can be added.")
    folder.mkdir(parents=True, exist_ok=True)
    signing.atomic_write(folder / _name(info), pem)
    return info


def province_remove(db: Database, fingerprint: str) -> keys.CertificateInfo | None:
    """Stop handing an anchor down (communes that accepted it keep it until they remove it); the one
    removed, None when none has this fingerprint."""
    accounts.require(db, "settings")
    for path in province_anchors_paths():
        info = keys.inspect_certificate(path.read_bytes())
        if info.sha256 == _plain(fingerprint):
            path.unlink()
            return info
    return None


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


def accept(db: Database, fingerprint: str) -> keys.CertificateInfo:
    """A person compared the fingerprint and accepts: the anchor joins the trusted list."""
    accounts.require(db, "settings")
    wanted = _plain(fingerprint)
    folder = offered_dir()
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        data = path.read_bytes()
        info = keys.inspect_certificate(data)
        if info.sha256 == wanted or (len(wanted) >= 16 and info.sha256.startswith(wanted)):
            keys.trust(db, data)
            _record(info, FROM_PROVINCE)
            path.unlink()
            return info
    raise KnownError("Không có chứng thư gốc nào tỉnh đề nghị với dấu vân tay này.",
                     "No trust anchor the province offered has this fingerprint.")


def decline(db: Database, fingerprint: str) -> bool:
    """Put an offered anchor away (given by its fingerprint, at least its first 16 digits)."""
    accounts.require(db, "settings")
    wanted = _plain(fingerprint)
    if len(wanted) < 16:  # a short prefix could name the wrong one
        return False
    folder = offered_dir()
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        if keys.inspect_certificate(path.read_bytes()).sha256.startswith(wanted):
            path.unlink()
            return True
    return False


# --- what this PC trusts (Cài đặt) -------------------------------------------------------------------

@dataclass(frozen=True)
class TrustedAnchor:
    info: keys.CertificateInfo
    source: str  # FROM_FILE, FROM_PROVINCE, OWN (this commune's own root) or OTHER (a .p12, enrolment, earlier)
    added: str  # ISO 8601 with its offset; the file's time where the source was not recorded

    @property
    def removable(self) -> bool:  # the commune's own root goes with its key, not from this list
        return self.source != OWN


def _sources_path() -> Path:
    return paths.data_dir() / SOURCES_FILE


def _sources() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(_sources_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_sources(sources: dict[str, dict[str, str]]) -> None:
    signing.atomic_write(_sources_path(), json.dumps(sources, ensure_ascii=False, indent=1).encode("utf-8"))


def _now() -> str:
    return dt.datetime.now(dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=7))).isoformat(timespec="seconds")


def _record(info: keys.CertificateInfo, source: str) -> None:
    sources = _sources()
    sources[info.sha256] = {"source": source, "added": _now()}
    _write_sources(sources)


def _file_time(path: Path) -> str:
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return stamp.astimezone(dt.timezone(dt.timedelta(hours=7))).isoformat(timespec="seconds")


def trusted_anchors() -> list[TrustedAnchor]:
    """Every certificate this PC trusts: the commune's own root first, then those added."""
    sources = _sources()
    out: list[TrustedAnchor] = []
    own = paths.keys_dir() / keys.ROOT_FILE
    if own.is_file():
        out.append(TrustedAnchor(keys.inspect_certificate(own.read_bytes()), OWN, _file_time(own)))
    folder = paths.trust_dir()
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        try:
            info = keys.inspect_certificate(path.read_bytes())
        except KnownError:  # a damaged file trusts nothing; it is not listed as if it did
            continue
        known = sources.get(info.sha256, {})
        out.append(TrustedAnchor(info, known.get("source", OTHER), known.get("added") or _file_time(path)))
    return out


def remove(db: Database, fingerprint: str) -> bool:
    """Stop trusting an added anchor (given by its whole fingerprint): signatures it certifies no
    longer verify as trusted here. The commune's own root is not removed this way."""
    accounts.require(db, "settings")
    wanted = _plain(fingerprint)
    folder = paths.trust_dir()
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        try:
            same = keys.inspect_certificate(path.read_bytes()).sha256 == wanted
        except KnownError:
            continue
        if same:
            path.unlink()
            sources = _sources()
            if sources.pop(wanted, None) is not None:
                _write_sources(sources)
            return True
    return False


def read_anchor_file(path: Path) -> keys.CertificateInfo:
    """A CA certificate file (PEM or DER) a person wants to trust, checked and described; nothing is
    stored. Refused: a missing, empty or oversized file, not a certificate, not a CA's, expired, or
    trusted already."""
    info, _pem = _anchor_file(path)
    if info.sha256 in {keys.inspect_certificate(pem).sha256 for pem in keys.trusted()}:
        raise KnownError("Chứng thư này đã có trong danh sách tin cậy.", "This certificate is trusted already.")
    return info


def import_anchor_file(db: Database, path: Path, confirmed_sha256: str) -> keys.CertificateInfo:
    """Trust the file's CA certificate once the person confirmed its fingerprint (read again: the
    file must still be the one shown)."""
    accounts.require(db, "settings")
    info, pem = _anchor_file(path)
    if info.sha256 != _plain(confirmed_sha256):
        raise KnownError("Tệp chứng thư đã thay đổi sau khi hiện dấu vân tay; chưa tin cậy. Hãy chọn lại tệp.",
                         "The certificate file changed after its fingerprint was shown; nothing was trusted.")
    keys.trust(db, pem)
    _record(info, FROM_FILE)
    return info


def _anchor_file(path: Path) -> tuple[keys.CertificateInfo, bytes]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise KnownError(f"Tệp {path.name} quá lớn ({size // 1024} KiB) để là một chứng thư số (tối đa "
                             f"{MAX_FILE_BYTES // 1024} KiB).",
                             f"{path.name} is too big ({size // 1024} KiB) to be a certificate (at most "
                             f"{MAX_FILE_BYTES // 1024} KiB).")
        data = path.read_bytes()
    except OSError as exc:
        raise KnownError(f"Không đọc được tệp {path}: {exc.strerror or exc}.",
                         f"Cannot read {path}: {exc.strerror or exc}.") from None
    if not data.strip():
        raise KnownError(f"Tệp {path.name} trống.", f"{path.name} is empty.")
    info, pem = _anchor(data)
    until = dt.date.fromisoformat(info.not_after)
    if until < dt.datetime.now(dt.UTC).date():
        raise KnownError(f"Chứng thư gốc này đã hết hạn ngày {until:%d/%m/%Y}: không dùng làm gốc tin cậy được.",
                         f"This CA certificate expired on {until:%d/%m/%Y}: it cannot be a trust anchor.")
    return info, pem
