"""The files a downstream update writes: reference data, the revocation list, a renewed certificate.

Each is written atomically (temporary file, fsync, rename) and its previous bytes are kept in memory
until the whole update has applied, so a failure anywhere puts every file back as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from ..domain.errors import KnownError
from ..exports import signing
from ..sync import bundle, pki
from . import enrolment, reference

if TYPE_CHECKING:
    from cryptography import x509 as x509_types

# What the province may replace; anything else in an update is refused.
REFERENCE_FILES = ("calendar_vn.json", "legal_limits.json", "disclosure_rules.json", "reporting_periods.json",
                   "budget_forms.json", "poverty_standards.json", "communication_quotas.json")
_TEMPLATE = re.compile(r"^templates/[A-Za-z0-9][A-Za-z0-9._-]{0,80}\.(xlsx|docx|odt|ods|pdf|json)$")
_META = {"about", "source", "revised", "_comment"}
_LOADERS: dict[str, tuple[Callable[[], object], ...]] = {
    "calendar_vn.json": (reference.working_calendar,),
    "legal_limits.json": (reference.legal_limits,),
    "disclosure_rules.json": (reference.disclosure_items, reference.disclosure_kinds, reference.disclosure_layers),
    "reporting_periods.json": (reference.period_rules,),
    "budget_forms.json": (reference.budget_forms,),
    "poverty_standards.json": (reference.poverty_standards,),
    "communication_quotas.json": (reference.communication_quotas,),
}


def _allowed(name: str) -> bool:
    return name in REFERENCE_FILES or bool(_TEMPLATE.match(name))


def _checked(name: str, data: bytes) -> bytes:
    """A JSON reference file has at least the sections of the one the program ships."""
    if not _allowed(name):
        raise KnownError(f"Tệp tham chiếu không được phép thay: {name}.", f"Not a replaceable reference file: {name}.")
    if name in REFERENCE_FILES:
        try:
            doc = json.loads(data.decode("utf-8"))
            shipped = json.loads((paths.resources_dir() / "reference" / name).read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            doc, shipped = None, {}
        missing = sorted(set(shipped) - _META - set(doc)) if isinstance(doc, dict) else ["JSON"]
        if missing:
            raise KnownError(f"Tệp tham chiếu {name} không đúng cấu trúc (thiếu {', '.join(missing)}).",
                             f"Reference file {name} has the wrong structure (lacks {', '.join(missing)}).")
    return data


def read_reference_dir(folder: Path) -> dict[str, bytes]:
    """The province's updated files, from a folder laid out as reference/ is (templates/ inside)."""
    found: dict[str, bytes] = {}
    unknown = []
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file() and not p.name.startswith(".")):
        name = path.relative_to(folder).as_posix()
        if _allowed(name):
            found[name] = _checked(name, path.read_bytes())
        else:
            unknown.append(name)
    if unknown or not found:
        raise KnownError(f"Thư mục dữ liệu tham chiếu có tệp không dùng được: {', '.join(unknown) or '(trống)'}. "
                         f"Chỉ nhận: {', '.join(REFERENCE_FILES)}, templates/….",
                         f"The reference folder holds files that cannot be used: {', '.join(unknown) or '(empty)'}. "
                         f"Accepted: {', '.join(REFERENCE_FILES)}, templates/….")
    return found


def province_copies() -> dict[str, bytes]:
    """The reference files this installation holds from (or, at the province, for) the province."""
    folder = reference.province_dir()
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and _allowed(p.relative_to(folder).as_posix())}


def reference_members(members: dict[str, bytes]) -> dict[str, bytes]:
    try:
        return {name[10:]: _checked(name[10:], data) for name, data in members.items()
                if name.startswith("reference/")}
    except KnownError as exc:
        raise bundle.bad_bundle(exc.vi, exc.en) from None


def check_loaders(names: list[str] | None = None) -> None:
    """Read the files just written through the program's own loaders: data it cannot use is refused."""
    reference.clear_caches()
    for name in names if names is not None else list(_LOADERS):
        try:
            for loader in _LOADERS.get(name, ()):
                loader()
        except (KnownError, KeyError, ValueError, TypeError, AttributeError, IndexError) as exc:
            raise bundle.bad_bundle(f"Dữ liệu tham chiếu {name} của tỉnh không đọc được ({type(exc).__name__}).",
                                    f"The province's reference file {name} cannot be read "
                                    f"({type(exc).__name__}).") from None


# --- the revocation list -----------------------------------------------------------------------------

def crl_path() -> Path:
    return paths.keys_dir() / enrolment.PROVINCE_CRL


def crl_number(crl: x509_types.CertificateRevocationList) -> int:
    from cryptography import x509  # noqa: PLC0415

    try:
        return int(crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number)
    except x509.ExtensionNotFound:
        return 0


def current_crl(root: x509_types.Certificate) -> x509_types.CertificateRevocationList | None:
    path = crl_path()
    return pki.load_crl(path.read_bytes(), root) if path.is_file() else None


def checked_crl(der: bytes | None, root: x509_types.Certificate, held: x509_types.CertificateRevocationList | None
                ) -> tuple[bytes, x509_types.CertificateRevocationList]:
    """The list to keep: the update's, unless it is older than the one held (refused) or the same
    number issued earlier (the held one stays)."""
    if der is None:
        raise bundle.bad_bundle("Bản cập nhật không có danh sách thu hồi chứng thư.",
                                "The update carries no revocation list.")
    try:
        crl = pki.load_crl(der, root)
    except KnownError as exc:
        raise bundle.bad_bundle(exc.vi, exc.en) from None
    if held is None:
        return der, crl
    new, old = crl_number(crl), crl_number(held)
    if new < old:
        raise bundle.bad_bundle(f"Danh sách thu hồi trong bản cập nhật (số {new}) cũ hơn danh sách máy đang giữ "
                                f"(số {old}).", f"The update's revocation list (number {new}) is older than the "
                                f"one this PC holds (number {old}).")
    if new == old and crl.last_update_utc <= held.last_update_utc:
        return held.public_bytes(_der()), held
    return der, crl


def _der():  # noqa: ANN202
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

    return serialization.Encoding.DER


# --- writing with a way back -------------------------------------------------------------------------

class FileSet:
    """Files written for one update, with their previous bytes kept until done() or restore()."""

    def __init__(self) -> None:
        self._staged: list[tuple[str, bytes]] = []
        self._before: dict[Path, bytes | None] = {}

    def stage_reference(self, files: dict[str, bytes]) -> None:
        self._staged.extend(sorted(files.items()))

    def commit(self) -> list[str]:
        """Write the staged reference files; returns the names whose content changed."""
        folder = reference.province_dir()
        changed = [name for name, data in self._staged if self.replace(folder / name, data)]
        if changed:
            check_loaders([n for n in changed if n in REFERENCE_FILES])
        return changed

    def keep(self, *files: Path) -> None:
        for path in files:
            if path not in self._before:
                self._before[path] = path.read_bytes() if path.is_file() else None

    def replace(self, path: Path, data: bytes) -> bool:
        if path.is_file() and path.read_bytes() == data:
            return False
        self.keep(path)
        signing.atomic_write(path, data)
        return True

    def restore(self) -> None:
        for path, data in self._before.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                signing.atomic_write(path, data)
        self._before.clear()
        reference.clear_caches()

    def done(self) -> None:
        self._before.clear()
        reference.clear_caches()
