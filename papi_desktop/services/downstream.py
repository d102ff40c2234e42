"""What the province sends down to every commune: its plans, reference data, the revocation list and
renewed certificates, in one signed bundle (public data, so signed only, not encrypted).

One bundle serves all communes: the plans, reference files and revocation list are the same for all,
and a renewed certificate is public, so each PC takes its own from the certificates/ folder. Each
bundle is complete (every plan change the province ever made, every reference file it has), so a
PC enrolled later needs only the newest.

Versions as TUF numbers them: a per-province counter kept at the province. A PC remembers the highest
version it accepted and refuses an older one (a replayed stick could roll back a revocation) or one
that skips a number, saying which version it holds and which it needs; the first update it ever
reads may have any number. Each bundle also expires, so an old stick cannot freeze a PC in the past.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import __version__, paths
from ..domain.errors import KnownError
from ..exports import signing
from ..storage.db import Database
from ..storage.models import ChangeLog, Plan, PlanSection, Task
from ..storage.sync_state import Ack, Enrolment, Peer
from ..sync import apply as sync_apply
from ..sync import bundle, pki
from ..sync.changes import FIELDS, Change
from . import (
    accounts,
    backup,
    downstream_files,
    downstream_plan,
    enrolment,
    keys,
    local_settings,
    province,
    province_templates,
    setup,
    trust_bundle,
)
from .sync import PROVINCE
from .sync_import import queue_conflicts

if TYPE_CHECKING:
    from cryptography import x509 as x509_types

KIND = "downstream"
CHANGES, CRL = "changes.jsonl", "province.crl"
PLAN_TABLES = frozenset({"plan", "plan_section", "task", "milestone", "indicator"})
EXPIRY_DAYS = 180
PUBLISHED_KEY = "downstream_published"  # province: the last version it published
ACCEPTED_KEY, DIGEST_KEY, ORIGIN_KEY = "downstream_accepted", "downstream_digest", "downstream_origin"
_PUBLISHED = re.compile(rf"^papi-downstream-{province.PROVINCE_CODE}-v(\d+)(\.p\d+of\d+)?\.papi$")
_LOG = ChangeLog.__table__


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


_setting, _put = local_settings.get, local_settings.put


def _bad(vi: str, en: str) -> KnownError:
    return bundle.bad_bundle(vi, en)


# --- the province ------------------------------------------------------------------------------------

def published_dir() -> Path:
    """Every bundle the province published, kept: a PC that missed one is given it from here."""
    return paths.data_dir() / "downstream"


def latest_published() -> list[Path]:
    """The parts of the newest update kept, in order (none before the first publish)."""
    return published_parts(newest_published_version())


def _published() -> list[tuple[int, Path]]:
    folder = published_dir()
    return [(int(m[1]), p) for p in folder.iterdir() if (m := _PUBLISHED.match(p.name))] if folder.is_dir() else []


def published_parts(version: int) -> list[Path]:
    """The parts of one published version, in order (none if it was never published)."""
    return sorted(p for v, p in _published() if v == version)


def newest_published_version() -> int:
    return max((v for v, _p in _published()), default=0)


def accepted_version(db: Database) -> int:
    """The version this PC applied last (0 before the first)."""
    with db.reader() as s:
        value = _setting(s, ACCEPTED_KEY)
    return int(value) if value else 0


def is_published_name(name: str) -> bool:
    return _PUBLISHED.match(name) is not None


def _next_version(s: Session) -> int:
    """One past the highest ever published, by the counter or by the copies kept: a database restored
    from an older backup must not hand out a number the communes already hold."""
    return max(int(_setting(s, PUBLISHED_KEY) or 0), newest_published_version()) + 1


def _own_changes(s: Session, node: str) -> list[Change]:
    rows = s.execute(select(*(_LOG.c[n] for n in FIELDS)).where(_LOG.c.origin_node == node)
                     .order_by(_LOG.c.origin_seq)).mappings()
    changes = [Change.from_mapping(r) for r in rows]
    for change in changes:
        # Communes apply the province's changes gap-free, so all must travel: all must be the plan's.
        if change.table_name not in PLAN_TABLES or change.unit_code:
            raise KnownError(f"Nhật ký thay đổi của tỉnh có thay đổi không thuộc kế hoạch ({change.table_name}, "
                             f"số {change.origin_seq}): không thể gửi xuống các xã. Hãy báo cho người quản trị.",
                             f"The province's change log holds a change outside the plan ({change.table_name}, "
                             f"number {change.origin_seq}): it cannot be sent to the communes. Tell the "
                             "administrator.")
    return changes


def _plans(s: Session) -> list[dict[str, object]]:
    plans = s.scalars(select(Plan).where(Plan.unit_code == "", Plan.deleted.is_(False)).order_by(Plan.year)).all()
    out = []
    for plan in plans:
        tasks = s.scalar(select(func.count()).select_from(Task).join(PlanSection, Task.section_id == PlanSection.id)
                         .where(PlanSection.plan_id == plan.id, Task.deleted.is_(False)))
        out.append({"id": plan.id, "year": plan.year, "title": plan.title, "tasks": int(tasks or 0)})
    return out


def _renewed_certificates(s: Session) -> list[bundle.Member]:
    """The newest certificate in force of every PC the province certified more than once."""
    rows = s.scalars(select(Enrolment).where(Enrolment.revoked_at.is_(None)).order_by(Enrolment.issued_at)).all()
    by_pc: dict[tuple[str, str], list[Enrolment]] = {}
    for row in rows:
        by_pc.setdefault((row.unit_code, row.device), []).append(row)
    return [bundle.Member(f"certificates/{unit}-{device}.pem", found[-1].cert_pem.encode("ascii"))
            for (unit, device), found in sorted(by_pc.items()) if len(found) > 1]


def _content(s: Session, node: str) -> tuple[int, list[bundle.Member]]:
    """The number of plan changes and every member of the next update but its revocation list (made with
    the CA's key, at publish)."""
    changes = _own_changes(s, node)
    members = [bundle.Member(CHANGES, "".join(json.dumps(c.as_dict(), ensure_ascii=False, sort_keys=True) + "\n"
                                              for c in changes).encode("utf-8"))]
    members += [bundle.Member(f"reference/{name}", data)
                for name, data in sorted(downstream_files.province_copies().items())]
    members += _renewed_certificates(s)
    members += [bundle.Member(name, data) for name, data in trust_bundle.members().items()]
    return len(changes), members


def _revocations(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(Enrolment).where(Enrolment.revoked_at.is_not(None))) or 0)


@dataclass(frozen=True)
class Freshness:
    """The newest published update against what a publish now would carry."""

    version: int  # the newest published (0: none yet)
    changed: list[str]  # what differs: plan, reference, revocations, certificates, trust, hub
    has_content: bool  # a plan, reference files or trust anchors to send at all

    @property
    def current(self) -> bool:
        return self.version > 0 and not self.changed


def freshness(db: Database) -> Freshness:
    """Compared by the signed manifest of the newest copy kept: each member's hash, the revocation
    list's number (revocation_list numbers it by its count) and the hub's address."""
    version = newest_published_version()
    with db.reader() as s:
        count, members = _content(s, db.clock.node)
        revoked = _revocations(s)
    has_content = count > 0 or len(members) > 1
    if not version:
        return Freshness(0, [], has_content)
    opened = bundle.read_bundle(published_parts(version), None, province.root_pem(), None,
                                in_memory=lambda _n: False, stop_after_manifest=lambda _o: True)
    manifest = opened.manifest
    sent = {name: str(entry.get("sha256")) for name, entry in dict(manifest.get("files") or {}).items()
            if isinstance(entry, dict)}
    now = {m.name: hashlib.sha256(b"".join(m.chunks())).hexdigest() for m in members}
    kinds = {CHANGES: "plan", "reference/": "reference", "certificates/": "certificates", trust_bundle.PREFIX: "trust"}

    def kind(name: str) -> str:
        return next((k for prefix, k in kinds.items() if name.startswith(prefix)), "")

    changed = {kind(n) for n in set(sent) | set(now) if n != CRL and sent.get(n) != now.get(n)}
    if manifest.get("crl_number") != revoked + 1:
        changed.add("revocations")
    if str(manifest.get("hub_url") or "") != province.hub_url(db):
        changed.add("hub")
    order = ["plan", "reference", "revocations", "certificates", "trust", "hub"]
    return Freshness(version, [k for k in order if k in changed], has_content)


def _may_publish(db: Database) -> None:
    accounts.require(db, "settings")
    if not province.is_province(db):
        raise KnownError("Chỉ tỉnh phát hành bản cập nhật cho các xã.", "Only the province publishes updates.")


def publish(db: Database, passphrase: str, out_dir: Path, reference_dir: Path | None = None) -> Path:
    """Write the next downstream bundle into out_dir (and keep a copy); returns its first file.
    reference_dir: updated reference files (calendar_vn.json, …, templates/…) the province adopts first;
    the province's own copies are sent every time."""
    _may_publish(db)
    return publish_with(db, province.office_material(passphrase), province.ca_material(passphrase), out_dir,
                        reference_dir)


def publish_with(db: Database, office: signing.KeyMaterial, ca: signing.KeyMaterial, out_dir: Path,
                 reference_dir: Path | None = None) -> Path:
    """publish, with the keys already opened (enrolment issue holds them)."""
    _may_publish(db)
    files = downstream_files.FileSet()
    try:
        adopted: list[str] = []
        if reference_dir is not None:
            files.stage_reference(downstream_files.read_reference_dir(Path(reference_dir)))
            adopted = files.commit()
        now = _now()
        with db.session() as s:
            version = _next_version(s)
            count, content = _content(s, db.clock.node)
            crl = province.revocation_list(db, ca)
            members = [content[0], bundle.Member(CRL, crl), *content[1:]]
            header = {"kind": KIND, "bundle_id": str(uuid.uuid4()), "province": province.PROVINCE_CODE,
                      "version": version, "origin": db.clock.node,
                      "changes": count,
                      "plans": _plans(s), "crl_number": downstream_files.crl_number(pki.load_crl(crl, ca.cert)),
                      "reference": [m.name[10:] for m in members if m.name.startswith("reference/")],
                      "certificates": [m.name for m in members if m.name.startswith("certificates/")],
                      "trust": [m.name for m in members if m.name.startswith(trust_bundle.PREFIX)],
                      "created_at_utc": now.isoformat(timespec="seconds"),
                      "expires_at_utc": (now + dt.timedelta(days=EXPIRY_DAYS)).isoformat(timespec="seconds"),
                      "program": __version__}
            if province.hub_url(db):
                header["hub_url"] = province.hub_url(db)  # a moved hub reaches every commune with the update
            stem = f"papi-downstream-{province.PROVINCE_CODE}-v{version:05d}"
            parts, _manifest = bundle.write_bundle(Path(out_dir), stem, header, members, office, [])
            try:
                for part in parts:
                    signing.atomic_write(published_dir() / part.name, part.read_bytes())
                _put(s, PUBLISHED_KEY, str(version))
                province_templates.record(s, adopted, version, str(header["created_at_utc"]))
                s.flush()
            except BaseException:
                for part in parts:
                    part.unlink(missing_ok=True)
                raise
    except BaseException:
        files.restore()
        raise
    files.done()
    return parts[0]


def renew_certificate(db: Database, unit_code: str, device: str, passphrase: str,
                      years: int = pki.COMMUNE_YEARS) -> x509_types.Certificate:
    """A new certificate for the key a PC already holds (its newest in force): the next publish carries
    it to the PC, which installs it over the old one with the same private key."""
    from cryptography import x509  # noqa: PLC0415

    accounts.require(db, "enrol")
    with db.reader() as s:
        row = s.scalars(select(Enrolment).where(Enrolment.unit_code == unit_code, Enrolment.device == device,
                                                Enrolment.revoked_at.is_(None))
                        .order_by(Enrolment.issued_at.desc())).first()
    if row is None:
        raise KnownError(f"Máy {device} của đơn vị {unit_code} không có chứng thư nào còn hiệu lực để gia hạn.",
                         f"PC {device} of unit {unit_code} has no certificate in force to renew.")
    old = x509.load_pem_x509_certificate(row.cert_pem.encode("ascii"))
    # The old certificate stands for the request: the same key under the same name, no new request needed.
    same_key = pki.Request(unit_code, signing.name_parts(old.subject), old)
    cert = pki.issue_commune(province.ca_material(passphrase), same_key, years=years)
    province.record_issue(db, unit_code, device, row.recipient, cert)
    return cert


# --- the commune -------------------------------------------------------------------------------------

@dataclass
class DownstreamSummary:
    file: str
    version: int
    previous: int | None
    status: str = "applied"  # applied | unchanged
    plans: list[dict[str, object]] = field(default_factory=list)
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    adopted: dict[str, int] = field(default_factory=dict)
    reference: list[str] = field(default_factory=list)  # files that changed here
    crl_number: int = 0
    crl_updated: bool = False
    certificate: str = ""  # "" | installed | pending (run again with the passphrase)
    offered_trust: list[str] = field(default_factory=list)  # trust anchors put aside for a person to accept
    messages: list[tuple[str, str]] = field(default_factory=list)

    def as_json(self, lang: str = "vi") -> dict[str, object]:
        out = {k: v for k, v in self.__dict__.items() if k != "messages"}
        out["messages"] = [en if lang == "en" else vi for vi, en in self.messages]
        return out


def apply_downstream(db: Database, path: Path, passphrase: str | None = None) -> DownstreamSummary:
    """Check the bundle (the province office's signature, chained to the province root this PC
    trusts; kind, version, expiry), then apply it: the database in one transaction, the files each
    atomically and put back as they were if anything fails. The passphrase is needed only to install
    a renewed certificate; without it the rest applies and the summary says so."""
    backup.before_import(db)
    from cryptography import x509  # noqa: PLC0415

    profile = setup.get_profile(db)
    if profile is None or province.is_province(db):
        raise KnownError("Bản cập nhật của tỉnh chỉ áp dụng trên máy của xã, phường.",
                         "The province's update applies on a commune's PC only.")
    target = enrolment.require_enrolled()
    root = x509.load_pem_x509_certificate(target.root_pem)
    opened = bundle.read_bundle(bundle.bundle_parts(Path(path)), None, target.root_pem, None,
                                in_memory=lambda _n: True)
    manifest = opened.manifest
    if manifest.get("kind") != KIND:
        raise _bad("Tệp không phải bản cập nhật của tỉnh.", "The file is not an update from the province.")
    held_crl = downstream_files.current_crl(root)
    try:
        pki.check_commune_cert(opened.signer, root, province.PROVINCE_CODE, held_crl)
    except KnownError as exc:
        raise _bad("Bản cập nhật không do văn phòng tỉnh ký: " + exc.vi, "The update is not signed by the "
                   "province office: " + exc.en) from None
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _bad("Bản cập nhật không ghi số phiên bản hợp lệ.", "The update carries no valid version number.")
    with db.reader() as s:
        accepted = _setting(s, ACCEPTED_KEY)
        digest = _setting(s, DIGEST_KEY)
    previous = int(accepted) if accepted else None
    summary = DownstreamSummary(Path(path).name, version, previous, plans=list(manifest.get("plans") or []))
    if _version_rule(version, previous, digest, opened.digest):
        summary.status = "unchanged"
        summary.messages.append((f"Phiên bản {version} đã được áp dụng trên máy này; không có gì thay đổi.",
                                 f"Version {version} was already applied on this PC; nothing changed."))
        renewal = _renewal(opened, profile.unit_code, db.clock.node, root, held_crl)
        _install(renewal, keys.load(passphrase) if renewal is not None and passphrase else None, passphrase, root,
                 summary, None)
        return summary
    _not_expired(manifest)
    changes = _changes(opened)
    crl_der, crl = downstream_files.checked_crl(opened.members.get(CRL), root, held_crl)
    summary.crl_number = downstream_files.crl_number(crl)
    renewal = _renewal(opened, profile.unit_code, db.clock.node, root, crl)
    material = keys.load(passphrase) if renewal is not None and passphrase else None  # a wrong one: nothing done
    try:
        anchors = trust_bundle.check_carried(opened.members)
    except KnownError as exc:
        raise _bad(exc.vi, exc.en) from None
    files = downstream_files.FileSet()
    try:
        files.stage_reference(downstream_files.reference_members(opened.members))
        with db.session() as s:
            result = sync_apply.apply_changes(s, changes)
            queue_conflicts(s, result, str(manifest.get("bundle_id", ""))[:36])
            summary.imported, summary.conflicts = result.inserted, result.conflicting_changes()
            summary.updated = max(0, result.applied + result.merged - result.inserted - summary.conflicts)
            summary.unchanged = len(changes) - summary.imported - summary.updated - summary.conflicts
            summary.adopted = downstream_plan.adopt(s, profile.unit_code).as_json()
            if changes:
                _acknowledge(s, changes[0].origin_node, max(c.origin_seq for c in changes))
                _put(s, ORIGIN_KEY, changes[0].origin_node)
            _put(s, ACCEPTED_KEY, str(version))
            _put(s, DIGEST_KEY, opened.digest)
            if enrolment._hub_url(manifest.get("hub_url")):  # noqa: SLF001
                _put(s, enrolment.HUB_URL_KEY, enrolment._hub_url(manifest.get("hub_url")))  # noqa: SLF001
            s.flush()
            summary.reference = files.commit()
            province_templates.record(s, summary.reference, version, str(manifest.get("created_at_utc") or ""))
            summary.crl_updated = files.replace(downstream_files.crl_path(), crl_der)
            _install(renewal, material, passphrase, root, summary, files)
    except sync_apply.ChangeHeld as exc:
        files.restore()
        raise _bad("Không áp dụng được kế hoạch của tỉnh: " + exc.vi + ".", "The province's plan cannot be "
                   "applied: " + exc.en + ".") from None
    except sync_apply.ChangeRejected as exc:
        files.restore()
        raise _bad(exc.vi, exc.en) from None
    except BaseException:
        files.restore()
        raise
    files.done()
    for info in trust_bundle.offer(anchors):
        who = info.subject.get("CN", "")
        summary.offered_trust.append(info.fingerprint)
        summary.messages.append((f"Tỉnh đề nghị tin cậy chứng thư gốc “{who}” (dấu vân tay {info.fingerprint}). Chưa "
                                 "tin cậy cho đến khi người dùng so dấu vân tay và chấp nhận: papi-desktop keys trust "
                                 "offered / keys trust accept DẤU_VÂN_TAY.", f"The province offers the trust anchor "
                                 f"“{who}” (fingerprint {info.fingerprint}). It is not trusted until a person compares "
                                 "the fingerprint and accepts it: papi-desktop keys trust offered / keys trust accept "
                                 "FINGERPRINT."))
    if summary.conflicts:
        summary.messages.append((f"{summary.conflicts} thay đổi của tỉnh khác với bản sửa trên máy này: đã đưa "
                                 "vào danh sách xung đột để người dùng chọn.", f"{summary.conflicts} of the "
                                 "province's changes differ from edits on this PC: queued as conflicts for a "
                                 "person to choose."))
    return summary


def _version_rule(version: int, accepted: int | None, digest: str | None, this_digest: str) -> bool:
    """True for the very bundle accepted last; raises for an older, a skipped or a different one."""
    if accepted is None:
        return False
    if version == accepted:
        if digest == this_digest:
            return True
        raise _bad(f"Máy này đã nhận phiên bản {version} với nội dung khác; bản cập nhật này không được áp dụng. "
                   f"Máy cần phiên bản {accepted + 1}.", f"This PC accepted a different version {version}; this "
                   f"update is not applied. It needs version {accepted + 1}.")
    if version < accepted:
        raise _bad(f"Bản cập nhật này là phiên bản {version}, cũ hơn phiên bản {accepted} máy đã nhận. Máy cần "
                   f"phiên bản {accepted + 1}.", f"This update is version {version}, older than version "
                   f"{accepted} this PC holds. It needs version {accepted + 1}.")
    if version > accepted + 1:
        raise _bad(f"Bản cập nhật này là phiên bản {version}, nhưng máy mới có phiên bản {accepted}: cần áp dụng "
                   f"phiên bản {accepted + 1} trước (tỉnh giữ mọi phiên bản đã phát hành).",
                   f"This update is version {version}, but this PC holds version {accepted}: apply version "
                   f"{accepted + 1} first (the province keeps every version it published).")
    return False


def _not_expired(manifest: dict[str, object]) -> None:
    try:
        expires = dt.datetime.fromisoformat(str(manifest.get("expires_at_utc")))
    except ValueError:
        raise _bad("Bản cập nhật không ghi thời hạn.", "The update states no expiry.") from None
    if expires.tzinfo is None or _now() > expires:
        raise _bad(f"Bản cập nhật đã hết hạn ngày {expires:%d/%m/%Y}: hãy xin tỉnh bản mới nhất (hoặc kiểm tra "
                   "ngày giờ của máy).", f"The update expired on {expires:%d/%m/%Y}: ask the province for the "
                   "newest (or check this PC's date and time).")


def _changes(opened: bundle.Opened) -> list[Change]:
    manifest = opened.manifest
    origin = str(manifest.get("origin", ""))
    try:
        changes = [Change(**json.loads(line)) for line in opened.members[CHANGES].decode("utf-8").splitlines()]
    except (KeyError, ValueError, TypeError):
        raise _bad("Danh sách thay đổi kế hoạch trong bản cập nhật bị hỏng.",
                   "The update's list of plan changes is damaged.") from None
    if len(changes) != manifest.get("changes"):
        raise _bad("Số thay đổi không khớp bản kê khai.", "The number of changes does not match the manifest.")
    for change in changes:
        # The province sends its own plan, nothing of any commune's.
        if change.origin_node != origin or change.table_name not in PLAN_TABLES or change.unit_code:
            raise _bad(f"Bản cập nhật có thay đổi không phải kế hoạch của tỉnh ({change.table_name}).",
                       f"The update holds a change that is not the province's plan ({change.table_name}).")
    return changes


def _acknowledge(s: Session, origin: str, upto: int) -> None:
    """The province's changes never go back up, nor to a sibling PC (it reads the same update)."""
    for peer in [PROVINCE, *s.scalars(select(Peer.device))]:
        ack = s.get(Ack, (peer, origin))
        if ack is None:
            s.add(Ack(peer=peer, origin_node=origin, acked_seq=upto))
        elif ack.acked_seq < upto:
            ack.acked_seq = upto


def _renewal(opened: bundle.Opened, unit_code: str, node: str, root: x509_types.Certificate,
             crl: x509_types.CertificateRevocationList | None) -> x509_types.Certificate | None:
    """A renewed certificate for this PC's key in the update, newer than the one in use, if any."""
    from cryptography import x509  # noqa: PLC0415
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

    data = opened.members.get(f"certificates/{unit_code}-{node}.pem")
    current = paths.keys_dir() / keys.CERT_FILE
    if data is None or not current.is_file():
        return None
    try:
        cert = x509.load_pem_x509_certificate(data)
    except ValueError:
        raise _bad("Chứng thư gia hạn trong bản cập nhật bị hỏng.", "The renewed certificate is damaged.") from None
    old = x509.load_pem_x509_certificate(current.read_bytes())
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    same_key = (cert.public_key().public_bytes(serialization.Encoding.DER, spki)
                == old.public_key().public_bytes(serialization.Encoding.DER, spki))
    if not same_key or cert == old or cert.not_valid_after_utc <= old.not_valid_after_utc:
        return None  # for another key of this PC, or not newer than the one in use
    try:
        pki.check_commune_cert(cert, root, unit_code, crl)
    except KnownError as exc:
        raise _bad(exc.vi, exc.en) from None
    return cert


def _install(cert: x509_types.Certificate | None, material: signing.KeyMaterial | None, passphrase: str | None,
             root: x509_types.Certificate,
             summary: DownstreamSummary, files: downstream_files.FileSet | None) -> None:
    """The renewed certificate with the same private key, re-saved under the same passphrase."""
    if cert is None:
        return
    end = f"{cert.not_valid_after_utc:%d/%m/%Y}"
    if material is None or passphrase is None:
        summary.certificate = "pending"
        summary.messages.append((f"Tỉnh đã gia hạn chứng thư của máy này (đến {end}): hãy áp dụng lại bản cập nhật "
                                 "này kèm mật khẩu khóa để cài.", f"The province renewed this PC's certificate "
                                 f"(until {end}): apply this update again with the key's passphrase to install it."))
        return
    if files is not None:
        files.keep(*(paths.keys_dir() / n for n in (keys.KEY_FILE, keys.CERT_FILE, keys.ROOT_FILE)))
    keys.install_material(signing.KeyMaterial(material.key, cert, [root]), passphrase)
    summary.certificate = "installed"
    summary.messages.append((f"Đã cài chứng thư gia hạn của máy này, hiệu lực đến {end}.",
                             f"Installed this PC's renewed certificate, valid until {end}."))
