"""Tampering: a few hundred mutants of real bundles a commune wrote (one with attachments), imported
into the province. Whatever the mutant, the import returns one summary, balanced, whose status is
rejected, held, fork or quarantined (a no-op mutant applies, checked as a dry run) with a reason in
Vietnamese and English; no exception escapes; the province's state hash, change log and attachments
stay as they were, and only a held, fork or quarantined bundle is recorded.

The mutants are tests/fuzz/bundle_mutations.py; hypothesis chooses them, derandomized so that CI sees
the same ones every run. The long run (10,000 mutants, figures by kind and outcome) is
tests/fuzz/long_bundle_fuzz.py. The tests after the hypothesis ones pin each bug the mutants found."""

from __future__ import annotations

import hashlib
import io
import json
import random
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fuzz import bundle_mutations as bm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_world import balanced

from papi_desktop.domain.errors import KnownError
from papi_desktop.exports.signing import pem
from papi_desktop.sync import bundle, envelope

SETTINGS = {"deadline": None, "database": None, "derandomize": True, "print_blob": True,
            "suppress_health_check": [HealthCheck.too_slow]}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[bm.TamperWorld]:
    w = bm.TamperWorld(tmp_path_factory.mktemp("tamper"))
    yield w
    w.close()


def _folder(world: bm.TamperWorld) -> Path:
    return world.root / "mutants" / uuid.uuid4().hex[:10]


def _mutant(world: bm.TamperWorld, kinds: list[str], data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(kinds), label="kind")
    mutant = bm.mutate(world, kind, bm.DrawPick(data), _folder(world))
    outcome = bm.run(world, mutant)
    assert not outcome.problems, (mutant.kind, mutant.detail, outcome.problems)


@settings(max_examples=100, **SETTINGS)
@given(data=st.data())
def test_a_damaged_ciphertext_is_refused(world: bm.TamperWorld, data: st.DataObject) -> None:
    """Cut anywhere, a bit flipped in the age header, nonce, body or last chunk, parts swapped,
    missing, duplicated."""
    _mutant(world, ["truncate", "bit_flip", "parts"], data)


@settings(max_examples=100, **SETTINGS)
@given(data=st.data())
def test_a_plaintext_rebuilt_by_someone_who_could_read_it_is_refused(world: bm.TamperWorld,
                                                                      data: st.DataObject) -> None:
    """Encrypted again (to a stranger, or after being written for another reader), one bundle's manifest
    with another's payload, members added (also after the archive's end), removed, renamed, altered."""
    _mutant(world, ["reencrypt", "mixed", "extra_member", "members"], data)


@settings(max_examples=90, **SETTINGS)
@given(data=st.data())
def test_a_bundle_signed_by_the_wrong_key_or_over_content_it_may_not_carry(world: bm.TamperWorld,
                                                                            data: st.DataObject) -> None:
    """Another commune's certificate, a revoked one, a foreign root; the commune's own key over a range
    the province holds with other content (fork), a gap (held), changes of another commune or of a
    device never enrolled, a table or column this program lacks (quarantined), malformed values."""
    _mutant(world, ["signer", "signer", "content", "content", "content", "genuine"], data)


# --- the controls: the mutants start from bundles that import ------------------------------------

def test_the_bundles_the_mutants_start_from_import(world: bm.TamperWorld) -> None:
    """A2 as written applies (a dry run keeps the world as it is), A3 waits for A2, and A2 cut into parts
    by hand still applies: a refused mutant is refused for its mutation."""
    folder = _folder(world)
    same = bm.Mutant("control", [bm._write(folder, world.a2.files[0].name, world.a2.blob)],
                     frozenset({"applied"}), "a2 as written", dry_run=True)
    assert not bm.run(world, same).problems
    parts = bm._parts(world.a2, [world.a2.blob[:100_000], world.a2.blob[100_000:]], _folder(world))
    assert not bm.run(world, bm.Mutant("control", parts[1:], frozenset({"applied"}), "two parts", True)).problems
    held = bm.run(world, bm.m_genuine(world, bm.RandomPick(random.Random(0)), _folder(world)))
    assert held.status == "held" and not held.problems
    # The harness sees a bundle that gets through: A2 applied for real is reported and undone.
    applied = bm.run(world, bm.Mutant("control", [bm._write(_folder(world), "a2.papi", world.a2.blob)],
                                      frozenset({"rejected"}), "a2 for real"))
    assert applied.status == "applied" and any("applied for real" in p for p in applied.problems)
    assert any("state changed" in p for p in applied.problems)
    assert world.observe()["sync_bundle_in"] == 1  # restored: only A1 again


# --- one test per bug the mutants found ----------------------------------------------------------

def _import(world: bm.TamperWorld, *files: Path) -> list:
    """Import into the province; afterwards it is as before (a held bundle is forgotten, an applied one undone)."""
    before = world.observe()
    summaries = world.province.import_with(world.receiver, *files)
    for s in summaries:
        assert balanced(s), s
        if s.status in ("held", "fork", "quarantined"):
            world.forget(s.bundle_id)
    if any(s.status == "applied" for s in summaries):
        world.restore()
    assert world.observe() == before
    return summaries


def test_a_missing_part_is_a_rejected_summary_and_the_other_bundles_still_import(world: bm.TamperWorld) -> None:
    """bundle_parts raised out of import_with: one incomplete bundle on the stick stopped the whole import."""
    folder = _folder(world)
    parts = bm._parts(world.a2, [world.a2.blob[:90_000], world.a2.blob[90_000:]], folder)
    parts[0].unlink()
    bm._write(folder, world.a3.files[0].name, world.a3.blob)
    got = _import(world, folder, parts[1])
    by_name = {s.file: s for s in got}
    missing = by_name[parts[1].name]
    assert missing.status == "rejected" and "thiếu" in missing.reasons[0][0] and "missing" in missing.reasons[0][1]
    assert by_name[world.a3.files[0].name].status == "held"  # read, although its neighbour is incomplete
    assert len(got) == 2


def test_an_attachment_the_province_already_holds_is_still_checked_against_its_hash(world: bm.TamperWorld) -> None:
    """The sink skipped a file already stored without hashing what arrived: an altered member passed."""
    entries = bm.plain_tar(world.a2.plain)
    i = next(k for k, (n, _) in enumerate(entries) if n.startswith("files/" + world.sha_old))
    altered = bytearray(entries[i][1])
    altered[5000] ^= 0x01
    entries[i] = (entries[i][0], bytes(altered))
    mutant = bm._reencrypted(world, world.a2, entries, _folder(world), "members", "known file altered")
    (got,) = _import(world, *mutant.files)
    assert got.status == "rejected" and world.sha_old in got.reasons[0][1], got.reasons


def test_the_manifest_names_the_pc_whose_certificate_signed_it(world: bm.TamperWorld) -> None:
    """The province never compared the manifest's device with the signer's enrolment."""
    header = {**world.a2.plain.header, "bundle_id": str(uuid.uuid4()), "device": "dead0000dead"}
    mutant = bm._signed(world, world.a2, header, None, world.material, _folder(world), "signer", "other device")
    (got,) = _import(world, *mutant.files)
    assert got.status == "rejected" and "dead0000dead" in got.reasons[0][1], got.reasons


@pytest.mark.parametrize("where", ["another_archive", "in_the_last_record", "in_the_end_marker"])
def test_data_after_the_end_of_the_archive_is_refused(world: bm.TamperWorld, where: str) -> None:
    """The reader stopped at the end marker and took whatever followed (up to 1 MiB) as padding."""
    tar = bm.pack(bm.plain_tar(world.a2.plain))
    end = _archive_end(tar)
    if where == "another_archive":
        tar += bm.pack([("notes.txt", b"x" * 700)])
    elif where == "in_the_last_record":
        tar = tar[:end + 1024] + b"extra data" + tar[end + 1034:]
    else:
        tar = tar[:end + 600] + b"\x01" + tar[end + 601:]
    mutant = bm._single(world, world.a2, bm.encrypt(tar, world.recipients), _folder(world), "extra", where)
    (got,) = _import(world, *mutant.files)
    assert got.status == "rejected" and got.reasons[0][1], got.reasons


def _archive_end(tar: bytes) -> int:
    """Where the end-of-archive marker starts: after the last member's data."""
    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        last = t.getmembers()[-1]
        return last.offset_data + -(-last.size // 512) * 512


def test_a_damaged_certificate_in_a_signature_is_a_refusal_not_a_crash(world: bm.TamperWorld) -> None:
    """verify_detached parsed the signer's certificate outside its try: a byte of it damaged on a stick
    (signed-only documents travel in clear) raised ValueError, KeyError or InvalidVersion."""
    manifest = bundle.canonical({"kind": "receipt", "format": bundle.FORMAT, "files": {}, "recipients": []})
    signature = envelope.sign_detached(manifest, world.material)
    from asn1crypto import cms

    signed = cms.ContentInfo.load(signature)["content"]
    cert = next(c.chosen for c in signed["certificates"] if "03985" in c.chosen.subject.human_friendly)
    start = signature.index(cert.dump())
    tbs = start + cert.dump().index(cert["tbs_certificate"].dump())
    root = (world.province.dir / "keys" / "province-ca.pem").read_bytes()
    accepted, refused = [], 0
    for offset in range(start, start + len(cert.dump()), 3):
        damaged = bytearray(signature)
        damaged[offset] ^= 0x01
        try:
            envelope.verify_detached(manifest, bytes(damaged), root)  # anything but a KnownError fails the test
        except KnownError as err:
            assert err.vi and err.en
            refused += 1
        else:
            accepted.append(offset)
    # What passes leaves the signed part of the certificate as it was (DER the parsers tolerate, such
    # as the unused-bits count of its signature).
    assert refused > 200 and all(not tbs <= a < tbs + len(cert["tbs_certificate"].dump()) for a in accepted), accepted
    # and through the reader of signed-only documents (receipts, cards, plans)
    folder = _folder(world)
    folder.mkdir(parents=True)
    damaged = bytearray(signature)
    damaged[start + 20] ^= 0x01
    (folder / "doc.papi").write_bytes(bm.pack([(bundle.MANIFEST, manifest), (bundle.SIGNATURE, bytes(damaged))]))
    with pytest.raises(KnownError):
        bundle.read_bundle([folder / "doc.papi"], None, root, None, in_memory=lambda n: True)


def _malformed(world: bm.TamperWorld) -> list[tuple[str, object]]:
    cases: list[tuple[str, object]] = []
    for key, values in bm._MALFORMED.items():
        cases += [(key, v) for v in values(world)]
    return cases


def test_a_signed_manifest_or_change_of_the_wrong_shape_is_refused(world: bm.TamperWorld) -> None:
    """The commune's own key over values its writer never makes: a refusal with a reason, never a
    traceback (int("x"), ranges.get on a list, spec.get on a list, an HLC that does not parse) nor an
    application under a bundle id of None."""
    failures = []
    for key, value in _malformed(world):
        header = {**world.a2.plain.header, "bundle_id": str(uuid.uuid4())}
        if key == "files":
            mutant = bm._signed(world, world.a2, header, None, world.material, _folder(world), "m", key,
                                raw_files=value)
        elif key in ("recipients", "format"):
            files = {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in world.a2.plain.members}
            manifest, signature = bm.sign_manifest({**header, "format": bundle.FORMAT, "files": files, key: value},
                                                   world.material)
            mutant = bm._reencrypted(world, world.a2, [(bundle.MANIFEST, manifest), (bundle.SIGNATURE, signature),
                                                       *world.a2.plain.members], _folder(world), "m", key)
        else:
            mutant = bm._signed(world, world.a2, {**header, key: value}, None, world.material, _folder(world), "m",
                                key)
        outcome = bm.run(world, mutant)
        if outcome.problems:
            failures.append((key, value, outcome.status, outcome.problems[0][:300]))
    for field_, value in [("origin_seq", "3"), ("origin_seq", None), ("hlc", "3"), ("hlc", None), ("after_json", None),
                          ("after_json", "{"), ("after_json", "[]"), ("before_json", 5), ("record_id", []),
                          ("op", "drop"), ("row_version", "1"), ("table_name", None)]:
        changes = world.a2.plain.changes()
        changes[1] = {**changes[1], field_: value}
        header = {**world.a2.plain.header, "bundle_id": str(uuid.uuid4())}
        outcome = bm.run(world, bm._signed(world, world.a2, header, changes, world.material, _folder(world), "m",
                                           field_))
        if outcome.problems:
            failures.append((field_, value, outcome.status, outcome.problems[0][:300]))
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1, default=str)


def test_a_foreign_root_or_a_revoked_pc_says_so(world: bm.TamperWorld) -> None:
    """The reasons name the cause, in both languages."""
    for signer, vi, en in [(world.revoked, "thu hồi", "revoked"), (world.rogue, "không có chứng thư", "no certificate"),
                           (world.other, "03646", "03646")]:
        header = {**world.a2.plain.header, "bundle_id": str(uuid.uuid4())}
        mutant = bm._signed(world, world.a2, header, None, signer, _folder(world), "signer", en)
        (got,) = _import(world, *mutant.files)
        assert got.status == "rejected" and vi in got.reasons[0][0] and en in got.reasons[0][1], got.reasons
    assert pem(world.other.cert) != pem(world.material.cert)


def test_a_bundle_damaged_in_its_first_bytes_is_reported_when_its_folder_is_imported(world: bm.TamperWorld) -> None:
    """_bundle_files took from a folder only files starting with age's header: a bundle damaged there, or
    the later parts of one whose first part is missing, were left out without a word. Documents in
    clear lying beside them (a receipt) are still left out."""
    folder = _folder(world)
    damaged = bytearray(world.a2.blob)
    damaged[3] ^= 0x20  # inside "age-encryption.org/v1"
    bm._write(folder, world.a2.files[0].name, bytes(damaged))
    (folder / "papi-03985-x.receipt.papi").write_bytes(bm.pack([(bundle.MANIFEST, b"{}")]))
    got = _import(world, folder)
    assert [(s.file, s.status) for s in got] == [(world.a2.files[0].name, "rejected")] and got[0].reasons[0][1]
    parts = bm._parts(world.a3, [world.a3.blob[:5000], world.a3.blob[5000:]], _folder(world))
    parts[0].unlink()
    (got,) = _import(world, parts[1].parent)
    assert got.status == "rejected" and "missing" in got.reasons[0][1]
