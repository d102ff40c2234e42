"""Enrolment by files on a USB stick: the commune asks, the province issues, the commune installs.

1. `request` (commune): a new key made on this PC, kept encrypted in keys/enrol-pending.p12, and a
   request file (unit, device, certificate request). No personal data, no secret.
2. `issue` (province): checks the request, certifies the key, and writes an enrolment package: a
   bundle signed by the province office holding the commune's certificate, the province's root,
   its encryption recipients, the revocation list and the province's current update (the plan with
   its ids, reference data), published first when the newest one is missing or out of date.
3. `install` (commune): shows the province root's fingerprint for a person to compare, checks the
   package's signature against that root and that the certificate is for this unit and this key,
   then makes it the commune's signing key (reports and bundles alike).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from ..domain.errors import KnownError
from ..exports import signing
from ..exports.signing import KeyMaterial
from ..storage.db import Database
from ..sync import bundle, envelope, pki
from . import accounts, audit, keys, province, setup

if TYPE_CHECKING:
    from cryptography import x509 as x509_types
    from cryptography.hazmat.primitives.asymmetric import ec

    from .downstream import DownstreamSummary

REQUEST_FORMAT = "papi-enrol-request/1"
PENDING = "enrol-pending.p12"
DEVICE_AGE = "device-age.key"  # this PC's own age identity (under the key's passphrase): siblings encrypt to it
DEVICE_AGE_PUB = "device-age.pub"
PROVINCE_ROOT, PROVINCE_AGE, PROVINCE_ESCROW, PROVINCE_CRL = ("province-root.pem", "province-age.pub",
                                                               "escrow-age.pub", "province.crl")
ENROLLED_KEY = "enrolled_province"


def _bad(vi: str, en: str) -> KnownError:
    return KnownError(vi, en)


def request(db: Database, passphrase: str) -> bytes:
    """A new key and the request file's bytes; the key waits, encrypted, for the province's answer."""
    accounts.require(db, "settings")
    profile = setup.get_profile(db)
    if profile is None:
        raise _bad("Chưa thiết lập xã, phường.", "The commune is not set up yet.")
    key, csr = pki.commune_request(profile.unit_code, profile.unit_name)
    # PKCS#12 needs a certificate beside the key: a throwaway one until the province's arrives.
    placeholder = signing.create_self_signed(profile.unit_code, profile.unit_name, years=1)
    signing.save_p12(paths.keys_dir() / PENDING, KeyMaterial(key, _self_cert(key, placeholder), []), passphrase)
    identity, recipient = envelope.new_identity()
    signing.atomic_write(paths.keys_dir() / DEVICE_AGE, envelope.protect_identity(identity, passphrase))
    signing.atomic_write(paths.keys_dir() / DEVICE_AGE_PUB, (recipient + "\n").encode("ascii"))
    return json.dumps({"format": REQUEST_FORMAT, "unit_code": profile.unit_code, "unit_name": profile.unit_name,
                       "device": db.clock.node, "recipient": recipient, "csr": csr.decode("ascii")},
                      ensure_ascii=False, indent=1).encode()


def _self_cert(key: ec.EllipticCurvePrivateKey, template: KeyMaterial) -> x509_types.Certificate:
    from cryptography import x509  # noqa: PLC0415
    from cryptography.hazmat.primitives import hashes  # noqa: PLC0415

    t = template.cert
    return (x509.CertificateBuilder().subject_name(t.subject).issuer_name(t.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(t.not_valid_before_utc).not_valid_after(t.not_valid_after_utc)
            .sign(key, hashes.SHA256()))


@dataclass(frozen=True)
class RequestInfo:
    unit_code: str
    unit_name: str
    device: str
    recipient: str
    request: pki.Request


def read_request_file(data: bytes) -> RequestInfo:
    try:
        doc = json.loads(data)
        if doc.get("format") != REQUEST_FORMAT:
            raise ValueError
        req = pki.read_request(doc["csr"].encode("ascii"))
        device, recipient = str(doc["device"]), str(doc["recipient"])
        envelope.recipients_valid([recipient])
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeError, KnownError):
        raise _bad("Tệp không phải yêu cầu đăng ký của PAPI Desktop (hoặc đã bị sửa).",
                   "Not a PAPI Desktop enrolment request (or it was altered).") from None
    if req.unit_code != doc.get("unit_code"):
        raise _bad("Mã đơn vị trong yêu cầu không khớp với khóa.", "The request's unit code does not match its key.")
    if not device.isalnum() or len(device) > 32:
        raise _bad("Mã máy trong yêu cầu không hợp lệ.", "The request's device id is not valid.")
    unit = province.check_unit(req.unit_code)
    return RequestInfo(unit.code, unit.full_name, device, recipient, req)


@dataclass(frozen=True)
class Issued:
    path: Path  # the package's first file
    update_version: int  # the province's update it carries (0: none)
    published: bool  # that update was published by this issue
    changed: list[str]  # why it was: what differed from the newest update before (downstream.Freshness)
    messages: list[tuple[str, str]]


def issue(db: Database, request_bytes: bytes, passphrase: str, out: Path) -> Path:
    """Province: certify the request's key and write the enrolment package (`out`, a .papi file)."""
    return issue_package(db, request_bytes, passphrase, out).path


def issue_package(db: Database, request_bytes: bytes, passphrase: str, out: Path) -> Issued:
    """issue, saying which of the province's updates the package carries and whether it published it."""
    accounts.require(db, "enrol")
    found = province.require()
    info = read_request_file(request_bytes)
    ca = province.ca_material(passphrase)
    office = province.office_material(passphrase)
    version, published, changed, messages = _current_update(db, office, ca)
    cert = pki.issue_commune(ca, info.request)
    members = [bundle.Member("commune.pem", signing.pem(cert)), bundle.Member("province-root.pem", signing.pem(ca.cert)),
               bundle.Member("province-age.pub", found.recipient.encode("ascii")),
               bundle.Member("province.crl", province.revocation_list(db, ca))]
    if found.escrow:
        members.append(bundle.Member("escrow-age.pub", found.escrow.encode("ascii")))
    from . import downstream  # noqa: PLC0415 - it reads the enrolment this module installs
    # The province's update (the plan with its ids, reference data), as it was signed: the new PC applies
    # it right after installing, as it would from a stick.
    members += [bundle.Member(UPDATE_PREFIX + part.name, part.read_bytes())
                for part in downstream.published_parts(version)]
    out = Path(out)
    stem = out.name[:-len(bundle.SUFFIX)] if out.name.endswith(bundle.SUFFIX) else out.name
    header = {"kind": "enrolment", "commune": info.unit_code, "device": info.device,
              "province_root": province.fingerprint(ca.cert)}
    if province.hub_url(db):
        header["hub_url"] = province.hub_url(db)  # the same root certifies the hub's TLS
    parts, _manifest = bundle.write_bundle(out.parent, stem, header, members, office, [])
    province.record_issue(db, info.unit_code, info.device, info.recipient, cert)
    return Issued(parts[0], version, published, changed, messages)


_CHANGED = {"plan": ("kế hoạch", "the plan"), "reference": ("dữ liệu tham chiếu", "reference data"),
            "revocations": ("danh sách thu hồi", "the revocation list"),
            "certificates": ("chứng thư gia hạn", "renewed certificates"),
            "trust": ("chứng thư gốc đề nghị tin cậy", "trust anchors"), "hub": ("địa chỉ máy chủ", "the hub address")}


def _current_update(db: Database, office: KeyMaterial, ca: KeyMaterial
                    ) -> tuple[int, bool, list[str], list[tuple[str, str]]]:
    """The update a new PC should start from: the newest published when it is current, else a new one
    published now (the same signed, numbered update every commune gets, so versions stay one sequence).
    None is published while the province has nothing to send (no plan, reference file or trust anchor)."""
    import tempfile  # noqa: PLC0415

    from . import downstream  # noqa: PLC0415

    state = downstream.freshness(db)
    if state.current:
        return state.version, False, [], [(f"Gói mang bản cập nhật phiên bản {state.version} của tỉnh (kế hoạch, dữ "
                                           "liệu tham chiếu), đã phát hành trước đây.", "The package carries the "
                                           f"province's update version {state.version} (plan, reference data), "
                                           "published before.")]
    if not state.version and not state.has_content:
        return 0, False, [], [("Tỉnh chưa có kế hoạch hay dữ liệu tham chiếu để gửi: gói không mang bản cập nhật; "
                               "xã nhận kế hoạch cùng bản cập nhật đầu tiên tỉnh phát hành.", "The province has no "
                               "plan or reference data to send yet: the package carries no update; the commune gets "
                               "the plan with the first update the province publishes.")]
    with tempfile.TemporaryDirectory(dir=paths.data_dir()) as folder:  # publish keeps its own copy
        downstream.publish_with(db, office, ca, Path(folder))
    version = downstream.newest_published_version()
    if not state.version:
        why = (f"Tỉnh chưa phát hành bản cập nhật nào: đã phát hành phiên bản {version} (kế hoạch, dữ liệu tham "
               "chiếu) và đưa vào gói.", f"The province had published no update: published version {version} "
               "(plan, reference data) and put it in the package.")
    else:
        vi = ", ".join(_CHANGED[k][0] for k in state.changed)
        en = ", ".join(_CHANGED[k][1] for k in state.changed)
        why = (f"Từ phiên bản {state.version}, tỉnh đã thay đổi {vi}: đã phát hành phiên bản {version} và đưa vào "
               "gói. Các xã khác nhận phiên bản này như mọi bản cập nhật.", f"Since version {state.version} the "
               f"province changed {en}: published version {version} and put it in the package. The other communes "
               "get this version like any update.")
    return version, True, list(state.changed), [why]


@dataclass(frozen=True)
class Package:
    unit_code: str
    device: str
    root_fingerprint: str
    root_subject: dict[str, str]
    cert: x509_types.Certificate
    root: x509_types.Certificate
    members: dict[str, bytes]
    hub_url: str = ""


UPDATE_PREFIX = "downstream/"
HUB_URL_KEY = "hub_url"  # where this PC syncs over the network (services/hub_sync)


def read_package(path: Path) -> Package:
    """The package checked against the province root it carries: a person still compares that root's
    fingerprint with the one the province gives (by phone or on paper) before installing."""
    from cryptography import x509  # noqa: PLC0415

    parts = bundle.bundle_parts(Path(path))
    # First read: take the root it carries; the signature is then checked against that root.
    opened = bundle.read_bundle(parts, None, _carried_root(parts), None, in_memory=lambda n: True)
    if opened.manifest.get("kind") != "enrolment":
        raise _bad("Tệp không phải gói đăng ký của tỉnh.", "The file is not the province's enrolment package.")
    try:
        root = x509.load_pem_x509_certificate(opened.members["province-root.pem"])
        cert = x509.load_pem_x509_certificate(opened.members["commune.pem"])
    except (KeyError, ValueError):
        raise _bad("Gói đăng ký thiếu chứng thư.", "The enrolment package lacks its certificates.") from None
    unit = str(opened.manifest.get("commune", ""))
    pki.check_commune_cert(cert, root, unit)
    return Package(unit, str(opened.manifest.get("device", "")), province.fingerprint(root),
                   signing.name_parts(root.subject), cert, root, opened.members,
                   _hub_url(opened.manifest.get("hub_url")))


def _hub_url(value: object) -> str:
    """The hub address a signed package or update gives, or "" when it gives none or a malformed one."""
    if not isinstance(value, str) or not value:
        return ""
    try:
        return province.valid_hub_url(value)
    except KnownError:
        return ""


def _carried_root(parts: list[Path]) -> bytes:
    """The province root inside the package, read without trusting anything yet."""
    import io  # noqa: PLC0415
    import tarfile  # noqa: PLC0415

    try:
        with tarfile.open(fileobj=io.BytesIO(b"".join(p.read_bytes() for p in parts))) as tar:
            member = tar.getmember("province-root.pem")
            if member.size > 1 << 16:
                raise ValueError
            handle = tar.extractfile(member)
            if handle is None:  # not a regular file
                raise ValueError
            data = handle.read()
    except (tarfile.TarError, KeyError, ValueError, AttributeError, OSError):
        raise _bad("Tệp không phải gói đăng ký của tỉnh (hoặc đã hỏng).",
                   "The file is not the province's enrolment package (or it is damaged).") from None
    return data


def apply_carried_update(db: Database, package: Package, passphrase: str | None) -> DownstreamSummary | None:
    """Apply the province's update the package carries (after install); None when it carries none. The
    update is checked like any other (the office's signature chained to the root just installed)."""
    import tempfile  # noqa: PLC0415

    from . import downstream  # noqa: PLC0415

    carried = {name[len(UPDATE_PREFIX):]: data for name, data in package.members.items()
               if name.startswith(UPDATE_PREFIX)}
    if not carried:
        return None
    if any("/" in name or "\\" in name or not name.endswith(bundle.SUFFIX) for name in carried):
        raise _bad("Gói đăng ký chứa bản cập nhật không đúng dạng.", "The package carries a malformed update.")
    with tempfile.TemporaryDirectory(dir=paths.data_dir()) as folder:  # signed plan rows: no personal data
        for name, data in carried.items():
            (Path(folder) / name).write_bytes(data)
        return downstream.apply_downstream(db, Path(folder) / sorted(carried)[0], passphrase)


def install(db: Database, package: Package, passphrase: str, confirmed_fingerprint: str) -> keys.CertificateInfo:
    """Make the province's certificate this commune's signing key, after a person confirmed the root."""
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

    accounts.require(db, "settings")
    profile = setup.get_profile(db)
    if profile is None or profile.unit_code != package.unit_code:
        raise _bad(f"Gói đăng ký dành cho đơn vị {package.unit_code}, không phải đơn vị của máy này.",
                   f"The enrolment package is for unit {package.unit_code}, not this installation's unit.")
    if confirmed_fingerprint != package.root_fingerprint:
        raise _bad("Chưa xác nhận dấu vân tay chứng thư gốc của tỉnh: chưa cài đặt gì.",
                   "The province root's fingerprint was not confirmed: nothing was installed.")
    pending_path = paths.keys_dir() / PENDING
    if not pending_path.is_file():
        raise _bad("Máy này chưa tạo yêu cầu đăng ký (hoặc đã cài gói rồi). Hãy tạo yêu cầu trước.",
                   "This PC has made no enrolment request (or already installed one). Make a request first.")
    pending = signing.load_p12(pending_path, passphrase)
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    mine = pending.key.public_key().public_bytes(serialization.Encoding.DER, spki)
    theirs = package.cert.public_key().public_bytes(serialization.Encoding.DER, spki)
    if mine != theirs:
        raise _bad("Chứng thư trong gói không dành cho khóa của máy này (có thể là gói của máy khác).",
                   "The package's certificate is not for this PC's key (perhaps another PC's package).")
    if package.device and package.device != db.clock.node:
        raise _bad("Gói đăng ký dành cho máy khác của xã.", "The enrolment package is for another PC of the commune.")
    keys.trust(db, signing.pem(package.root))  # confirmed above, by the fingerprint
    installed = keys.install_material(KeyMaterial(pending.key, package.cert, [package.root]), passphrase)
    audit.record_key(db, "enrolled", installed)
    folder = paths.keys_dir()
    signing.atomic_write(folder / PROVINCE_ROOT, signing.pem(package.root))
    signing.atomic_write(folder / PROVINCE_AGE, package.members["province-age.pub"])
    if "escrow-age.pub" in package.members:
        signing.atomic_write(folder / PROVINCE_ESCROW, package.members["escrow-age.pub"])
    pki.load_crl(package.members["province.crl"], package.root)
    signing.atomic_write(folder / PROVINCE_CRL, package.members["province.crl"])
    from . import local_settings  # noqa: PLC0415

    with db.session() as s:
        local_settings.put(s, ENROLLED_KEY, package.root_fingerprint)
        if package.hub_url:
            local_settings.put(s, HUB_URL_KEY, package.hub_url)
    pending_path.unlink()
    return installed


@dataclass(frozen=True)
class Enrolled:
    root_pem: bytes
    recipients: list[str]


def enrolled() -> Enrolled | None:
    folder = paths.keys_dir()
    if not (folder / PROVINCE_ROOT).is_file() or not (folder / PROVINCE_AGE).is_file():
        return None
    recips = [(folder / PROVINCE_AGE).read_text().strip()]
    if (folder / PROVINCE_ESCROW).is_file():
        recips.append((folder / PROVINCE_ESCROW).read_text().strip())
    return Enrolled((folder / PROVINCE_ROOT).read_bytes(), recips)


def device_identity(passphrase: str) -> str:
    """This PC's age identity, for bundles its sibling PCs encrypt to it."""
    path = paths.keys_dir() / DEVICE_AGE
    if not path.is_file():
        raise _bad("Máy này chưa có khóa giải mã riêng (tạo khi đăng ký với tỉnh).",
                   "This PC has no decryption key of its own (made at enrolment).")
    return envelope.unprotect_identity(path.read_bytes(), passphrase)


def device_recipient() -> str:
    path = paths.keys_dir() / DEVICE_AGE_PUB
    if not path.is_file():
        raise _bad("Máy này chưa có khóa giải mã riêng (tạo khi đăng ký với tỉnh).",
                   "This PC has no decryption key of its own (made at enrolment).")
    return path.read_text().strip()


def require_enrolled() -> Enrolled:
    found = enrolled()
    if found is None:
        raise _bad("Xã chưa đăng ký với tỉnh: hãy tạo yêu cầu đăng ký (papi-desktop enrol request) và cài gói tỉnh "
                   "gửi về.", "The commune is not enrolled with the province: make a request (papi-desktop enrol "
                   "request) and install the package the province sends back.")
    return found
