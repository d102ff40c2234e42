"""Mutants of real sync bundles, for tests/unit/test_sync_tamper.py and tests/fuzz/long_bundle_fuzz.py.

A `TamperWorld` is a province and the demo commune (03985) with three real bundles: A1 (the demo data
and an attachment, applied by the province), A2 (new records, the same attachment again and a new one,
never imported: a mutant of it that got through would apply) and A3 (built on A2, so the province
holds it until A2 comes). `mutate(world, kind, pick, folder)` writes one mutant and says what the
province may make of it; `run(world, mutant)` imports it and lists every broken rule: a status not
allowed, a reason missing in either language, an exception escaping, rows or attachments written.

A mutant is one of: the ciphertext cut or with a bit flipped (age header, body, last chunk), parts
reordered, missing, duplicated; the plaintext rebuilt and encrypted again by someone who could read
it (payload of one bundle under the manifest of another, members added, removed, renamed, altered);
a manifest signed by the wrong key (another commune, a revoked certificate, a root the province does
not know) or by the commune itself over content the province must refuse or hold (changes of another
commune or of a device never enrolled, ranges already held with other content, a gap, damage).
A few kinds are no-ops (same signed content, other encryption or part split, other member order):
they must apply, and are imported as dry runs so the world stays as it is.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import shutil
import tarfile
import traceback
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import delete
from sync_world import PASS, Commune, Province, at, balanced

from papi_desktop.domain.errors import KnownError
from papi_desktop.exports.signing import KeyMaterial
from papi_desktop.services import sync_import
from papi_desktop.storage.sync_state import BundleIn
from papi_desktop.sync import bundle, envelope, pki
from papi_desktop.sync.state import state_hash

CHANGES = sync_import.CHANGES
_AGE_CHUNK = 64 * 1024 + 16  # a payload chunk and its tag


class Pick(Protocol):
    """Where a mutation's choices come from: hypothesis (the suite) or random.Random (the long run)."""

    def integer(self, lo: int, hi: int) -> int: ...

    def choice(self, seq: Sequence[Any]) -> Any: ...


class RandomPick:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def choice(self, seq: Sequence[Any]) -> Any:
        return self.rng.choice(list(seq))


class DrawPick:
    """Choices drawn from hypothesis's `st.data()`, so it can replay and shrink them."""

    def __init__(self, data: Any) -> None:
        from hypothesis import strategies as st  # noqa: PLC0415

        self.data, self.st = data, st

    def integer(self, lo: int, hi: int) -> int:
        return self.data.draw(self.st.integers(lo, hi))

    def choice(self, seq: Sequence[Any]) -> Any:
        return self.data.draw(self.st.sampled_from(list(seq)))


# --- the plaintext of a bundle --------------------------------------------------------------------

@dataclass
class Plain:
    """A decrypted bundle: the signed manifest, its signature, then the members in tar order."""

    manifest: bytes
    signature: bytes
    members: list[tuple[str, bytes]]

    @property
    def header(self) -> dict[str, Any]:
        return json.loads(self.manifest)

    def member(self, name: str) -> bytes:
        return dict(self.members)[name]

    def changes(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.member(CHANGES).decode("utf-8").splitlines()]


def unpack(tar_bytes: bytes) -> Plain:
    with tarfile.open(fileobj=io.BytesIO(tar_bytes), mode="r:") as tar:
        entries = [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]
    assert [n for n, _ in entries[:2]] == [bundle.MANIFEST, bundle.SIGNATURE]
    return Plain(entries[0][1], entries[1][1], entries[2:])


def pack(entries: list[tuple[str, bytes]], fmt: int = tarfile.PAX_FORMAT,
         special: dict[str, bytes] | None = None, trailer: bytes = b"") -> bytes:
    """A tar as the writer makes it; `special` makes the named entries of another type (SYMTYPE, DIRTYPE…)."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as tar:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.mode, info.mtime = 0o600, 0
            if special and name in special:
                info.type = special[name]
                info.linkname = "/etc/passwd" if info.type in (tarfile.SYMTYPE, tarfile.LNKTYPE) else ""
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return out.getvalue() + trailer


def plain_tar(p: Plain) -> list[tuple[str, bytes]]:
    return [(bundle.MANIFEST, p.manifest), (bundle.SIGNATURE, p.signature), *p.members]


def encrypt(data: bytes, recipients: list[str]) -> bytes:
    out = io.BytesIO()
    envelope.encrypt_stream(io.BytesIO(data), out, recipients)
    return out.getvalue()


def age_regions(blob: bytes) -> dict[str, tuple[int, int]]:
    """Byte ranges of an age file: the header (to its MAC line), the payload nonce, the full chunks, the last."""
    end = blob.index(b"\n", blob.index(b"\n--- ") + 1) + 1
    payload = len(blob) - end - 16
    last = end + 16 + ((payload - 1) // _AGE_CHUNK) * _AGE_CHUNK
    regions = {"header": (0, end), "nonce": (end, end + 16), "last": (last, len(blob))}
    if last > end + 16:
        regions["body"] = (end + 16, last)
    return regions


def sign_manifest(header: dict[str, Any], signer: KeyMaterial) -> tuple[bytes, bytes]:
    manifest = bundle.canonical(header)
    return manifest, envelope.sign_detached(manifest, signer)


def payload(changes: list[dict[str, Any]]) -> bytes:
    """changes.jsonl as services/sync.py writes it."""
    return "".join(json.dumps(c, ensure_ascii=False, sort_keys=True) + "\n" for c in changes).encode("utf-8")


def ranges_of(changes: list[dict[str, Any]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for c in changes:
        span = out.setdefault(c["origin_node"], [c["origin_seq"], c["origin_seq"]])
        span[1] = c["origin_seq"]
    return out


# --- the world ------------------------------------------------------------------------------------

def _pdf(seed: int, size: int) -> bytes:
    """An attachment that does not compress, so the bundle spans several age chunks."""
    return b"%PDF-1.4\n" + random.Random(seed).randbytes(size)


@dataclass
class Sent:
    files: list[Path]
    blob: bytes  # the ciphertext (a single part)
    plain: Plain
    bundle_id: str


class TamperWorld:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.province = Province(root / "province")
        self.commune = Commune(root / "commune", self.province)
        self.receiver = self.province.receiver()
        self.identity = self.receiver.identity
        with at(self.province.dir):
            from papi_desktop.services import province as province_service  # noqa: PLC0415

            self.recipients = province_service.recipients()  # the province's key and the escrow
        self.material = self.commune.material()
        self.node = self.commune.device

        self.commune.add_visit("Quàng Thị Ánh Tuyết", "014190000123")
        self.sha_old = self.commune.add_evidence(_pdf(1, 70_000), "bien-ban-hop-dan.pdf")
        self.a1 = self._export("a1")
        (first,) = self.province.import_with(self.receiver, *self.a1.files)
        assert first.status == "applied", first.reasons
        self.commune.receipt(first.receipt)

        self.commune.add_visit("Lò Văn Thắng", "", day=date(2026, 6, 2))
        self.commune.add_evidence(_pdf(1, 70_000), "bien-ban-hop-dan.pdf")  # the province has this file
        self.sha_new = self.commune.add_evidence(_pdf(2, 150_000), "anh-niem-yet.pdf")
        self.a2 = self._export("a2")
        # A3 builds on A2: a copy of the province (same keys) acknowledges A2, the real one never sees it.
        twin = self.province.copy_to(root / "province-twin")
        (got,) = twin.import_with(self.receiver, *self.a2.files)  # the same keys: one receiver
        assert got.status == "applied", got.reasons
        twin.db.dispose()
        shutil.rmtree(twin.dir)
        self.commune.receipt(got.receipt)
        self.commune.add_visit("Cầm Văn Pọm", "", day=date(2026, 6, 4))
        self.a3 = self._export("a3")
        assert self.a3.plain.header["prerequisites"][self.node] == self.a2.plain.header["ranges"][self.node][1]

        with at(self.province.dir):
            from papi_desktop.services import province as province_service  # noqa: PLC0415

            ca = province_service.ca_material(PASS)
        self.other = self.province.mint("03646", "b0b0b0b0b0b0", ca=ca)  # another commune's PC
        self.revoked = self.province.mint("03985", "dead0000dead", revoked=True, ca=ca)  # a lost PC of this commune
        rogue_ca = pki.create_province_ca(province="Tỉnh Khác")
        key, csr = pki.commune_request("03985", "Xã Chiềng Sơn")
        self.rogue = KeyMaterial(key, pki.issue_commune(rogue_ca, pki.read_request(csr)), [rogue_ca.cert])
        self.stranger, self.stranger_pub = envelope.new_identity()
        assert self.province.attachments() >= {self.sha_old + ".pdf"}
        assert self.sha_new + ".pdf" not in self.province.attachments()
        self.pristine = root / "province-pristine"
        self.province.db.engine.dispose()
        shutil.copytree(self.province.dir, self.pristine)

    def restore(self) -> None:
        """After a mutant that got through: the province as it was, so one bug does not hide the next."""
        self.province.db.dispose()
        shutil.rmtree(self.province.dir)
        shutil.copytree(self.pristine, self.province.dir)
        self.province = Province.reopen(self.province.dir)

    def _export(self, name: str) -> Sent:
        sent = self.commune.export(self.root / name)
        assert sent is not None and len(sent.files) == 1
        blob = sent.files[0].read_bytes()
        return Sent(sent.files, blob, unpack(envelope.decrypt(blob, [self.identity])), sent.bundle_id)

    def observe(self) -> dict[str, Any]:
        with self.province.db.reader() as s:
            digest = state_hash(s)
        return {"state": digest, **self.province.counts(), "attachments": self.province.attachments()}

    def forget(self, bundle_id: str) -> None:
        """Undo what a held, fork or quarantined mutant recorded, so the next mutant meets the same province."""
        with self.province.db.session() as s:
            s.execute(delete(BundleIn).where(BundleIn.bundle_id == bundle_id))
        with at(self.province.dir):
            for folder in sync_import.kept_dir().glob(f"{bundle_id}-*"):
                shutil.rmtree(folder)

    def close(self) -> None:
        self.province.db.dispose()
        self.commune.db.dispose()


# --- mutants --------------------------------------------------------------------------------------

REJECTED = frozenset({"rejected"})
_UNSET = object()


@dataclass
class Mutant:
    kind: str
    files: list[Path]
    expect: frozenset[str]
    detail: str = ""
    dry_run: bool = False  # a no-op: it must apply; imported as a dry run so nothing stays


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def _stem(sent: Sent) -> str:
    return bundle.stem_of(sent.files[0])


def _base(world: TamperWorld, pick: Pick) -> Sent:
    return pick.choice([world.a2, world.a2, world.a3])  # A2 mostly: the one whose mutants would apply


def _noop_expect(world: TamperWorld, sent: Sent) -> frozenset[str]:
    return frozenset({"held"}) if sent is world.a3 else frozenset({"applied"})


def _single(world: TamperWorld, sent: Sent, data: bytes, folder: Path, kind: str, detail: str,
            expect: frozenset[str] = REJECTED, dry_run: bool = False) -> Mutant:
    return Mutant(kind, [_write(folder, _stem(sent) + bundle.SUFFIX, data)], expect, detail, dry_run)


def _reencrypted(world: TamperWorld, sent: Sent, entries: list[tuple[str, bytes]], folder: Path, kind: str,
                 detail: str, expect: frozenset[str] = REJECTED, dry_run: bool = False, **pack_kw: Any) -> Mutant:
    """A rebuilt plaintext, encrypted again to the province by someone who could read the bundle."""
    return _single(world, sent, encrypt(pack(entries, **pack_kw), world.recipients), folder, kind, detail, expect,
                   dry_run)


def m_truncate(world: TamperWorld, pick: Pick, folder: Path) -> Mutant:
    sent = _base(world, pick)
    region = pick.choice(sorted(age_regions(sent.blob)))
    lo, hi = age_regions(sent.blob)[region]
    cut = pick.integer(lo, hi - 1)
    return _single(world, sent, sent.blob[:cut], folder, "truncate", f"{region} at {cut}/{len(sent.blob)}")


def m_flip(world: TamperWorld, pick: Pick, folder: Path) -> Mutant:
    sent = _base(world, pick)
    regions = age_regions(sent.blob)
    region = pick.choice(sorted(regions))
    lo, hi = regions[region]
    at_, bit = pick.integer(lo, hi - 1), pick.integer(0, 7)
    data = bytearray(sent.blob)
    data[at_] ^= 1 << bit
    return _single(world, sent, bytes(data), folder, "bit_flip", f"{region} byte {at_} bit {bit}")


def _split(blob: bytes, pick: Pick, count: int) -> list[bytes]:
    cuts = sorted({pick.integer(1, len(blob) - 1) for _ in range(count - 1)})
    bounds = [0, *cuts, len(blob)]
    return [blob[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _parts(sent: Sent, chunks: list[bytes], folder: Path) -> list[Path]:
    names = bundle.part_names(_stem(sent), len(chunks))
    return [_write(folder, name, data) for name, data in zip(names, chunks, strict=True)]


def m_parts(world: TamperWorld, pick: Pick, folder: Path) -> Mutant:
    sent = _base(world, pick)
    chunks = _split(sent.blob, pick, pick.integer(2, 5))
    n = len(chunks)
    how = pick.choice(["reordered", "missing", "duplicated", "extra", "resplit"] if n > 1 else ["resplit"])
    detail = f"{how}, {n} parts"
    if how == "reordered":
        i = pick.integer(0, n - 2)
        j = pick.integer(i + 1, n - 1)
        if chunks[i] == chunks[j]:
            how = "resplit"
        chunks[i], chunks[j] = chunks[j], chunks[i]
        detail += f" ({i + 1}<->{j + 1})"
    elif how == "duplicated":  # one part's bytes in another's place
        i, j = pick.integer(0, n - 1), pick.integer(0, n - 1)
        if chunks[i] == chunks[j]:
            how = "resplit"
        chunks[j] = chunks[i]
        detail += f" ({i + 1} as {j + 1})"
    elif how == "extra":  # one part twice: the numbering counts it
        i = pick.integer(0, n - 1)
        chunks.insert(i, chunks[i])
        detail += f" ({i + 1} twice)"
    files = _parts(sent, chunks, folder)
    if how == "missing":
        i = pick.integer(0, n - 1)
        files[i].unlink()
        detail += f" ({i + 1})"
        files = [files[(i + 1) % n]]  # the reader is handed a part that is there
    if how == "resplit":
        return Mutant("parts", files, _noop_expect(world, sent), detail + " (no-op)", dry_run=True)
    return Mutant("parts", [files[pick.integer(0, len(files) - 1)]], REJECTED, detail)


def m_reencrypt(world: TamperWorld, pick: Pick, folder: Path) -> Mutant:
    sent = _base(world, pick)
    how = pick.choice(["stranger", "made_for_another", "province_only", "province_and_stranger"])
    plain = pack(plain_tar(sent.plain))
    if how == "stranger":  # the province cannot read it
        return _single(world, sent, encrypt(plain, [world.stranger_pub]), folder, "reencrypt", how)
    if how == "made_for_another":  # written for another reader, who passed it on to the province
        header = {k: v for k, v in sent.plain.header.items() if k not in ("format", "files", "recipients")}
        members = [bundle.Member(n, d) for n, d in sent.plain.members]
        made, _ = bundle.write_bundle(folder / "for-another", _stem(sent), header, members, world.material,
                                      [world.stranger_pub])
        inner = envelope.decrypt(made[0].read_bytes(), [world.stranger])
        shutil.rmtree(folder / "for-another")
        return _single(world, sent, encrypt(inner, world.recipients[:1]), folder, "reencrypt", how)
    recipients = world.recipients[:1] if how == "province_only" else [world.recipients[0], world.stranger_pub]
    return _single(world, sent, encrypt(plain, recipients), folder, "reencrypt", how + " (no-op)",
                   _noop_expect(world, sent), dry_run=True)


def _other_files(sent: Sent, world: TamperWorld) -> Sent:
    return {world.a2.bundle_id: world.a3, world.a3.bundle_id: world.a2}[sent.bundle_id]


def m_mixed(world: TamperWorld, pick: Pick, folder: Path) -> Mutant:
    """One bundle's manifest (or signature) with another's payload."""
    how = pick.choice(["a2_manifest_a3_payload", "a3_manifest_a2_payload", "a1_manifest_a2_payload",
                       "a2_manifest_a3_signature", "a2_manifest_a1_changes"])
    a1, a2, a3 = world.a1.plain, world.a2.plain, world.a3.plain
    if how == "a2_manifest_a3_payload":
        entries = [(bundle.MANIFEST, a2.manifest), (bundle.SIGNATURE, a2.signature), *a3.members]
    elif how == "a3_manifest_a2_payload":
        entries = [(bundle.MANIFEST, a3.manifest), (bundle.SIGNATURE, a3.signature), *a2.members]
    elif how == "a1_manifest_a2_payload":  # the manifest of a bundle the province holds: that bundle
        entries = [(bundle.MANIFEST, a1.manifest), (bundle.SIGNATURE, a1.signature), *a2.members]
        return _reencrypted(world, world.a1, entries, folder, "mixed", how, frozenset({"unchanged"}))
    elif how == "a2_manifest_a3_signature":
        entries = [(bundle.MANIFEST, a2.manifest), (bundle.SIGNATURE, a3.signature), *a2.members]
    else:
        entries = [(bundle.MANIFEST, a2.manifest), (bundle.SIGNATURE, a2.signature),
                   *[(n, a1.member(CHANGES) if n == CHANGES else d) for n, d in a2.members]]
    return _reencrypted(world, world.a2, entries, folder, "mixed", how)


_EXTRA_NAMES = ["notes.txt", CHANGES, bundle.MANIFEST, bundle.SIGNATURE, "../../outside.txt", "/etc/cron.d/x",
                "files/" + "0" * 64, "files/" + "0" * 64 + ".pdf", "files/evil.sh", "files/"]


def m_extra(world: TamperWorld, pick: Pick, folder: Path) -> Mutant:
    sent = _base(world, pick)
    entries = plain_tar(sent.plain)
    name = pick.choice(_EXTRA_NAMES + [n for n, _ in sent.plain.members])
    data = pick.choice([b"", b"x" * pick.integer(1, 2000), sent.plain.members[-1][1]])
    where = pick.choice(["first", "after_signature", "between", "last", "after_archive"])
    detail = f"{name!r} ({len(data)} bytes) {where}"
    if where == "after_archive":  # a second archive after the end marker
        return _reencrypted(world, sent, entries, folder, "extra_member", detail, trailer=pack([(name, data)]))
    pos = {"first": 0, "after_signature": 2, "last": len(entries)}.get(where)
    pos = pick.integer(2, len(entries)) if pos is None else pos
    entries.insert(pos, (name, data))
    return _reencrypted(world, sent, entries, folder, "extra_member", detail)


def _rename(name: str, pick: Pick) -> str:
    return pick.choice([name.upper(), name + ".bak", "./" + name, name.replace("/", "\\"), "x/" + name,
                        name[:-1], name + "/", name.replace(".jsonl", ".json"), name[:6] + "f" * 64])


def m_members(world: TamperWorld, pick: Pick, folder: Path) -> Mutant:
    """A member renamed, removed, altered, made another type, or the order changed."""
    sent = _base(world, pick)
    entries = plain_tar(sent.plain)
    how = pick.choice(["rename", "remove", "alter", "alter_known_file", "special", "manifest_order", "manifest_edit",
                       "reorder", "gnu_format"])
    i = pick.integer(0, len(entries) - 1)
    name, data = entries[i]
    if how == "rename":
        new = _rename(name, pick)
        entries[i] = (new, data)
        return _reencrypted(world, sent, entries, folder, "members", f"rename {name} -> {new}",
                            REJECTED if new != name else _noop_expect(world, sent), dry_run=new == name)
    if how == "remove":
        del entries[i]
        return _reencrypted(world, sent, entries, folder, "members", f"remove {name}")
    if how == "alter" and name == bundle.SIGNATURE:
        at_, bit = pick.integer(0, len(data) - 1), pick.integer(0, 7)
        changed = bytearray(data)
        changed[at_] ^= 1 << bit
        entries[i] = (name, bytes(changed))
        # CMS has bytes no signature covers (the copy of the root, the digest algorithm set, encodings
        # a parser tolerates): the same manifest under a still valid signature may pass, never crash.
        return _reencrypted(world, sent, entries, folder, "members", f"alter signature byte {at_} bit {bit}",
                            REJECTED | _noop_expect(world, sent), dry_run=True)
    if how in ("alter", "alter_known_file"):
        if how == "alter_known_file":  # the attachment the province already holds: the hash still counts
            sent, entries = world.a2, plain_tar(world.a2.plain)
            i = next(k for k, (n, _) in enumerate(entries) if n.startswith("files/" + world.sha_old))
            name, data = entries[i]
        at_ = pick.integer(0, max(0, len(data) - 1))
        changed = bytearray(data or b"\0")
        changed[at_] ^= 1 << pick.integer(0, 7)
        entries[i] = (name, bytes(changed))
        return _reencrypted(world, sent, entries, folder, "members", f"{how} {name} byte {at_}")
    if how == "special":
        kind = pick.choice([tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.DIRTYPE, tarfile.FIFOTYPE])
        return _reencrypted(world, sent, entries, folder, "members", f"{name} as type {kind!r}",
                            special={name: kind})
    if how == "manifest_order":
        entries[0], entries[1] = entries[1], entries[0]
        return _reencrypted(world, sent, entries, folder, "members", how)
    if how == "manifest_edit":  # the signed bytes changed, the meaning perhaps not
        header = sent.plain.header
        edited = pick.choice([json.dumps(header, ensure_ascii=False, indent=1).encode(),
                              sent.plain.manifest + b"\n", sent.plain.manifest.replace(b'"changes":', b'"changes": '),
                              bundle.canonical({**header, "changes": header["changes"] - 1})])
        entries[0] = (bundle.MANIFEST, edited)
        return _reencrypted(world, sent, entries, folder, "members", how)
    if how == "reorder":  # the members after the signature in another order: the same signed content
        rest = entries[2:]
        rest.reverse()
        return _reencrypted(world, sent, entries[:2] + rest, folder, "members", "reorder (no-op)",
                            _noop_expect(world, sent), dry_run=True)
    return _reencrypted(world, sent, entries, folder, "members", "gnu_format (no-op)", _noop_expect(world, sent),
                        dry_run=True, fmt=tarfile.GNU_FORMAT)


def _signed(world: TamperWorld, sent: Sent, header: dict[str, Any], changes: list[dict[str, Any]] | None,
            signer: KeyMaterial, folder: Path, kind: str, detail: str, expect: frozenset[str] = REJECTED,
            raw_files: Any = _UNSET) -> Mutant:
    """A bundle signed by `signer` over header and changes (the attachments of `sent` kept), written by the
    program's own writer, or by hand when the manifest must hold what the writer never would."""
    members = [(n, payload(changes) if n == CHANGES and changes is not None else d) for n, d in sent.plain.members]
    header = {k: v for k, v in header.items() if k not in ("format", "files", "recipients")}
    if raw_files is _UNSET:
        made, _ = bundle.write_bundle(folder, f"{_stem(sent)}-{uuid.uuid4().hex[:6]}", header,
                                      [bundle.Member(n, d) for n, d in members], signer, world.recipients)
        return Mutant(kind, made, expect, detail)
    manifest, signature = sign_manifest({**header, "format": bundle.FORMAT, "files": raw_files,
                                         "recipients": sorted(envelope.recipient_fingerprint(r)
                                                              for r in world.recipients)}, signer)
    entries = [(bundle.MANIFEST, manifest), (bundle.SIGNATURE, signature), *members]
    return _reencrypted(world, sent, entries, folder, kind, detail, expect)


def _fresh(header: dict[str, Any]) -> dict[str, Any]:
    return {**header, "bundle_id": str(uuid.uuid4())}


def _recount(header: dict[str, Any], changes: list[dict[str, Any]]) -> dict[str, Any]:
    ranges = ranges_of(changes)
    return {**header, "ranges": ranges, "prerequisites": {n: r[0] - 1 for n, r in ranges.items()},
            "changes": len(changes), "transactions": len({c["txn_id"] for c in changes})}


def m_signer(world: TamperWorld, pick: Pick, folder: Path) -> Mutant:
    """The same content signed by a key the province must not take for this commune."""
    sent = _base(world, pick)
    who = pick.choice(["other_commune", "other_commune_claims_its_unit", "revoked", "unknown_root",
                       "claims_another_device"])
    header = sent.plain.header
    signer = {"other_commune": world.other, "other_commune_claims_its_unit": world.other, "revoked": world.revoked,
              "unknown_root": world.rogue, "claims_another_device": world.material}[who]
    if who == "other_commune_claims_its_unit":
        header = {**header, "commune": "03646", "device": "b0b0b0b0b0b0"}
    if who == "claims_another_device":  # the commune's key, writing as if it were the commune's lost PC
        header = {**header, "device": "dead0000dead"}
    return _signed(world, sent, _fresh(header), None, signer, folder, "signer", who)


def m_content(world: TamperWorld, pick: Pick, folder: Path) -> Mutant:
    """Signed by the commune itself, over content the province must refuse, hold or mark as a fork."""
    how = pick.choice(["fork_old_range", "same_id_other_content", "outside_commune", "device_never_enrolled",
                       "outside_declared_range", "count_mismatch", "gap_at_start", "gap_inside", "not_changes",
                       "unknown_column", "unknown_table", "malformed_change", "malformed_manifest"])
    a1, a2 = world.a1.plain, world.a2.plain
    if how in ("fork_old_range", "same_id_other_content"):  # A1's numbers again, one record changed
        changes = a1.changes()
        i = pick.integer(0, len(changes) - 1)
        changes[i] = {**changes[i], "after_json": changes[i]["after_json"].replace('"', '"x', 1)
                      if pick.integer(0, 1) else json.dumps({**json.loads(changes[i]["after_json"]), "notes": "sửa"}),
                      "hlc": changes[i]["hlc"]}
        header = a1.header if how == "same_id_other_content" else _fresh(a1.header)
        expect = frozenset({"fork"}) if how == "fork_old_range" else REJECTED
        if changes[i]["after_json"] == a1.changes()[i]["after_json"]:
            expect = frozenset({"fork", "unchanged", "applied"})  # nothing changed after all
        return _signed(world, world.a1, header, changes, world.material, folder, "content", f"{how} #{i}",
                       expect)
    changes = a2.changes()
    header = _fresh(a2.header)
    i = pick.integer(0, len(changes) - 1)
    expect = REJECTED
    if how == "outside_commune":
        changes[i] = {**changes[i], "unit_code": pick.choice(["03646", "14", "00000"])}
    elif how == "device_never_enrolled":
        changes[i] = {**changes[i], "origin_node": pick.choice(["feedfacecafe", "b0b0b0b0b0b0x", ""]),
                      "origin_seq": 1}
        header = _recount(header, changes)
    elif how == "outside_declared_range":
        header = {**header, "ranges": {world.node: [changes[0]["origin_seq"], changes[-1]["origin_seq"] - 1]}}
    elif how == "count_mismatch":
        header = {**header, "changes": len(changes) + pick.choice([-1, 1, 1000])}
    elif how == "gap_at_start":  # the first unit of work left out: the rest waits for it
        first = changes[0]["txn_id"]
        changes = [c for c in changes if c["txn_id"] != first]
        header, expect = _recount(header, changes), frozenset({"held"})
    elif how == "gap_inside":
        if len(changes) < 3:
            return m_truncate(world, pick, folder)
        i = pick.integer(1, len(changes) - 2)
        del changes[i]
        header, expect = _recount(header, changes), frozenset({"held"})
        header["ranges"] = {world.node: [changes[0]["origin_seq"], changes[-1]["origin_seq"]]}
    elif how == "not_changes":
        header = {**header, "kind": pick.choice(["receipt", "peer", "enrolment", None])}
    elif how == "unknown_column":
        after = json.loads(changes[i]["after_json"])
        changes[i] = {**changes[i], "after_json": json.dumps({**after, "cot_la": 1})}
        expect = frozenset({"quarantined"})
    elif how == "unknown_table":
        changes[i] = {**changes[i], "table_name": pick.choice(["bang_la", "sync_enrolment", "local_setting"])}
        expect = frozenset({"quarantined"})
    elif how == "malformed_change":
        key = pick.choice(sorted(_BAD_FIELDS))
        if key == "extra_key":
            changes[i], what = {**changes[i], "surprise": 1}, "surprise"
        elif key == "missing_key":
            what = pick.choice(sorted(changes[i]))
            changes[i] = {k: v for k, v in changes[i].items() if k != what}
        else:
            what = pick.choice(_BAD_FIELDS[key])
            changes[i] = {**changes[i], key: what}
        return _signed(world, world.a2, header, changes, world.material, folder, "content",
                       f"{how} #{i} {key}={what!r}")
    else:  # a manifest the writer would never make, signed all the same
        key = pick.choice(sorted(_MALFORMED))
        value = pick.choice(_MALFORMED[key](world))
        detail = f"{how} {key}={value!r}"
        if key == "files":
            return _signed(world, world.a2, header, changes, world.material, folder, "content", detail,
                           raw_files=value)
        if key in ("recipients", "format"):
            files = {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in a2.members}
            manifest, signature = sign_manifest({**header, "format": bundle.FORMAT, "files": files, key: value},
                                                world.material)
            entries = [(bundle.MANIFEST, manifest), (bundle.SIGNATURE, signature), *a2.members]
            return _reencrypted(world, world.a2, entries, folder, "content", detail)
        return _signed(world, world.a2, {**header, key: value}, changes, world.material, folder, "content", detail)
    return _signed(world, world.a2, header, changes, world.material, folder, "content", f"{how} #{i}", expect)


# Values of a change's fields its writer never makes (the types and forms apply relies on).
_BAD_FIELDS: dict[str, list[Any]] = {
    "origin_seq": ["3", None, 3.5, [], True], "row_version": ["1", None, 1.0, False],
    "hlc": ["3", None, 3.5, [], "", True, "x-y-z", "1780000000000-00000"],
    "op": ["3", None, "", "drop", True, "INSERT"], "record_id": [None, 3.5, [], {}, True],
    "after_json": [None, 3.5, [], {}, "", "{", "{x}", "null", "[]", True, '{"a": 1'],
    "before_json": [3.5, [], {}, "", "{", "{x}", "null", "[1]", True], "table_name": [None, 5, []],
    "origin_node": [None, 5, []], "unit_code": [None, 5, []], "extra_key": [], "missing_key": [],
}


def _ranges_values(world: TamperWorld) -> list[Any]:
    first, last = world.a2.plain.header["ranges"][world.node]
    return ["x", None, [], [[first, last]], {"a": "b"}, {world.node: "ab"}, {world.node: [first]},
            {world.node: [str(first), str(last)]}, {world.node: {"0": first, "1": last}}]


def _files_values(world: TamperWorld) -> list[Any]:
    data = world.a2.plain.member(CHANGES)
    good = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    return ["x", None, [], {"a": "b"}, {CHANGES: "x"}, {CHANGES: []}, {CHANGES: {**good, "size": str(len(data))}},
            {CHANGES: {**good, "sha256": None}}, {CHANGES: {"size": len(data)}}, {CHANGES: good}]


# Values a signed manifest may hold that the reader must refuse (each is a key the reader relies on).
_MALFORMED: dict[str, Callable[[TamperWorld], list[Any]]] = {
    "changes": lambda w: ["x", None, [], {"a": "b"}, 2.5, -1, "12"],
    "ranges": _ranges_values,
    "bundle_id": lambda w: [None, 5, [], {}, ""],
    "commune": lambda w: [None, 5, [], ""],
    "device": lambda w: [None, 5, [], ""],
    "files": _files_values,
    "recipients": lambda w: ["x", None, 5, {}, []],
    "format": lambda w: ["x", None, 1, "papi-bundle/2"],
}


def m_genuine(world: TamperWorld, pick: Pick, folder: Path) -> Mutant:
    """No mutation: A3 as written, waiting for A2 (held); the control that held bundles are told apart."""
    return Mutant("genuine", [_write(folder, world.a3.files[0].name, world.a3.blob)], frozenset({"held"}), "a3")


MUTATIONS: dict[str, Callable[[TamperWorld, Pick, Path], Mutant]] = {
    "truncate": m_truncate, "bit_flip": m_flip, "parts": m_parts, "reencrypt": m_reencrypt, "mixed": m_mixed,
    "extra_member": m_extra, "members": m_members, "signer": m_signer, "content": m_content,
    "genuine": m_genuine,
}


# --- running one mutant ---------------------------------------------------------------------------

@dataclass
class Outcome:
    kind: str
    detail: str
    status: str
    reason: str = ""
    problems: list[str] = field(default_factory=list)


def run(world: TamperWorld, mutant: Mutant) -> Outcome:
    """Import one mutant into the province and check every rule; the province is left as it was."""
    out = Outcome(mutant.kind, mutant.detail, "")
    before = world.observe()
    try:
        summaries = world.province.import_with(world.receiver, *mutant.files, dry_run=mutant.dry_run)
    except KnownError as exc:
        out.status = "escaped"
        out.problems.append(f"KnownError escaped instead of a summary: {exc.en}")
        summaries = []
    except Exception as exc:  # noqa: BLE001 - what the test looks for
        out.status = "traceback"
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        out.problems.append(f"traceback: {type(exc).__name__}: {exc} ({Path(frame.filename).name}:{frame.lineno} "
                            f"in {frame.name})\n{traceback.format_exc(limit=-8)}")
        summaries = []
    middle = world.observe()
    kept = [s.bundle_id for s in summaries if s.status in ("held", "fork", "quarantined") and not s.dry_run]
    for bundle_id in kept:
        world.forget(bundle_id)
    if summaries:
        if len(summaries) != 1:
            out.problems.append(f"{len(summaries)} summaries for one bundle: {[s.status for s in summaries]}")
        s = summaries[0]
        out.status, out.reason = s.status, (s.reasons[0][1] if s.reasons else "")
        if s.status not in mutant.expect:
            out.problems.append(f"status {s.status}, expected {sorted(mutant.expect)}: {s.reasons}")
        if not balanced(s):
            out.problems.append(f"summary not balanced: {s}")
        if s.status != "applied" and (not s.reasons or not all(vi.strip() and en.strip() for vi, en in s.reasons)):
            out.problems.append(f"{s.status} without a reason in both languages: {s.reasons}")
        if s.status == "applied" and not mutant.dry_run:
            out.problems.append("a mutant was applied for real")
    # Held, fork and quarantined bundles are recorded, with no data row; nothing else leaves a trace.
    for key in ("state", "change_log", "attachments"):
        if middle[key] != before[key]:
            shown = "" if key == "state" else f": {before[key]} -> {middle[key]}"
            out.problems.append(f"{key} changed{shown}")
    if middle["sync_bundle_in"] != before["sync_bundle_in"] + len(kept):
        out.problems.append(f"sync_bundle_in {before['sync_bundle_in']} -> {middle['sync_bundle_in']} "
                            f"({len(kept)} kept)")
    if world.observe() != before:
        out.problems.append("the province is not as before once the kept bundle is forgotten (restored)")
        world.restore()
    for folder in {f.parent for f in mutant.files}:
        shutil.rmtree(folder, ignore_errors=True)
    return out


def mutate(world: TamperWorld, kind: str, pick: Pick, folder: Path) -> Mutant:
    return MUTATIONS[kind](world, pick, folder)

