"""What the services put in the audit trail: a report exported and one signed, a backup made, a restore (the
restored file is the backup's until it is opened, then the restore is chained in it); and sync: bundles
sent, read, refused, receipts and PCs' cards, each PC's chain intact, the PCs and the province still in one
state."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sync_world import Commune, Province, balanced
from test_audit import visit

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.services import audit, backup, keys, reports, setup
from papi_desktop.storage import audit as chain

TODAY = date(2026, 6, 5)
PASS = "ba-con-meo-tren-doi-2026"


def kinds_since(db, seq: int) -> list[tuple[str, dict]]:  # noqa: ANN001
    return [(e.kind, e.detail) for e in sorted(audit.list_entries(db, limit=10_000), key=lambda e: e.seq)
            if e.seq > seq]


def head(db) -> int:  # noqa: ANN001
    return audit.verify(db).head_seq


def test_an_export_and_a_signing_are_chained(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    setup.create_demo(bare_db, today=TODAY)
    start = head(bare_db)
    info = keys.create_self_signed(bare_db, PASS)  # enters its own "key" entry
    period = reports.resolve_period("reception-book", "2026", today=TODAY)
    plain = reports.export(bare_db, reports.ExportRequest("reception-book", period, TODAY), tmp_path / "a", None, TODAY)
    signed = reports.export(bare_db, reports.ExportRequest("reception-book", period, TODAY), tmp_path / "b",
                            reports.SignOptions(PASS), TODAY)
    events = [(k, d) for k, d in kinds_since(bare_db, start) if k != "change"]
    assert [k for k, _d in events] == ["key", "export", "sign"]
    assert events[0][1] == {"what": "created", "fingerprint": info.sha256, "not_after": info.not_after,
                            "self_signed": info.self_signed}
    (_k, first), (_k2, second) = events[1:]
    assert first["report"] == "reception-book" and first["number"] == plain.number_ref
    assert first["files"] == [f.name for f in plain.files] and first["document_id"] == plain.document_id
    assert second["number"] == signed.number_ref and second["roles"] == signed.roles and signed.signed
    assert "Quàng" not in str(events)  # the demo's citizens are in the book, never in the trail
    assert audit.verify(bare_db).ok


def test_a_backup_and_a_restore_are_chained(db, tmp_path: Path) -> None:  # noqa: ANN001
    visit(db)
    made = backup.create(db, PASS)
    (kind, detail), = kinds_since(db, head(db) - 1)
    assert kind == "backup" and detail["file"] == made.entry.path.name and detail["reason"] == "manual"
    visit(db, "Cầm Thị Hai", "")
    backup_head = audit.verify(db).head_seq
    done = backup.restore(made.entry.path, PASS, db)
    restored = paths.db_path()
    # Until it is opened the restored file is the backup's, byte for byte; the entry waits beside it.
    assert hashlib.sha256(restored.read_bytes()).hexdigest() == done.manifest.files["papi.db"]["sha256"]
    assert chain.pending_path(restored).is_file()
    for _twice in range(2):  # opened twice: chained once
        reopened = setup.open_database(user="someone-else")
        try:
            events = kinds_since(reopened, 0)
            assert [k for k, _d in events].count("restore") == 1
            verdict = audit.verify(reopened)
            assert verdict.ok and verdict.head_seq < backup_head + 1  # the later visit's entry is gone with it
        finally:
            reopened.dispose()
        assert not chain.pending_path(restored).exists()
    (entry,) = [e for e in audit.list_entries(reopened, audit.Filter(kind="restore"))]
    assert entry.actor == "tester"  # who restored, not who opened next
    assert entry.detail["backup"] == made.entry.path.name and entry.detail["replaced_backup"] == \
        done.replaced_backup.name


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune, Commune, Path]]:
    root = tmp_path_factory.mktemp("audit-sync")
    prov = Province(root / "province")
    a = Commune(root / "pc-a", prov)
    b = Commune(root / "pc-b", prov, join=True)
    yield prov, a, b, root
    for db in (prov.db, a.db, b.db):
        db.dispose()


def test_sync_between_pcs_and_the_province_keeps_every_chain(world) -> None:  # noqa: ANN001
    prov, a, b, root = world
    start_a, start_b, start_p = head(a.db), head(b.db), head(prov.db)
    assert a.add_peer(b.card(root / "b.card.papi")).device == b.device
    assert b.add_peer(a.card(root / "a.card.papi")).device == a.device
    to_b = a.export(root / "a-to-b", peer=b.device)
    (got,) = b.import_(*to_b.files)
    assert got.status == "applied" and balanced(got) and b.hash() == a.hash()
    assert a.receipt(got.receipt).status == "applied"
    a.add_visit("Lò Thị Hiền", "014190000777")
    (at_prov,) = prov.import_(*a.export(root / "a-to-prov").files)
    assert at_prov.status == "applied" and prov.hash() == a.hash()

    on_a = kinds_since(a.db, start_a)
    assert ("key", {"what": "peer-added", "unit": "03985", "device": b.device}) in on_a
    exports = [d for k, d in on_a if k == "export"]
    assert [d["peer"] for d in exports] == [b.device, "province"] and exports[0]["bundle_id"] == got.bundle_id
    assert [d["bundle_id"] for k, d in on_a if k == "import" and d["what"] == "receipt"] == [got.bundle_id]
    on_b = kinds_since(b.db, start_b)
    (read,) = [d for k, d in on_b if k == "import"]
    assert (read["bundle_id"], read["status"], read["device"]) == (got.bundle_id, "applied", a.device)
    assert read["imported"] == got.imported
    (received,) = [e for e in audit.list_entries(b.db, audit.Filter(kind="change")) if e.seq > start_b
                   and e.detail["received"]]
    assert received.detail["received"] == received.change_count == got.imported + got.updated + got.conflicts
    on_p = kinds_since(prov.db, start_p)
    assert [d["status"] for k, d in on_p if k == "import"] == ["applied"]
    assert "Lò Thị Hiền" not in str(on_a + on_b + on_p) and "014190000777" not in str(on_a + on_b + on_p)
    for pc in (a, b, prov):  # each chain is its own and whole
        verdict = audit.verify(pc.db)
        assert verdict.ok, verdict.message("en")


def test_a_refused_bundle_is_entered_by_the_import(world, tmp_path: Path) -> None:  # noqa: ANN001
    prov, a, _b, root = world
    a.add_visit("Cầm Văn Ba")
    (sent,) = a.export(root / "a-to-prov-2").files
    forged = tmp_path / sent.name
    data = bytearray(sent.read_bytes())
    data[-40] ^= 0xFF
    forged.write_bytes(bytes(data))
    start = head(prov.db)
    summaries = prov.import_(forged)
    assert [s.status for s in summaries] == ["rejected"]
    ((kind, detail),) = kinds_since(prov.db, start)  # the refusal only: no change, no bundle record
    assert kind == "import" and detail["status"] == "rejected" and detail["file"] == forged.name
    assert detail["reason_vi"] == summaries[0].reasons[0][0][:300]
    assert audit.verify(prov.db).ok
    dry = prov.import_(forged, dry_run=True)
    assert [s.status for s in dry] == ["rejected"] and len(kinds_since(prov.db, start)) == 1  # a dry run enters none


def test_a_bundle_not_written_whole_is_withdrawn_in_the_trail(world, monkeypatch) -> None:  # noqa: ANN001
    _prov, a, _b, root = world
    from papi_desktop.services import sync as sync_service  # noqa: PLC0415

    real = sync_service.bundle.write_bundle

    def pulled_out(*args, publish=None, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        def recorded_then_gone(finals, manifest) -> None:  # noqa: ANN001
            publish(finals, manifest)  # the bundle is recorded as written, then the stick is pulled out
            raise OSError(5, "Input/output error")

        return real(*args, publish=recorded_then_gone, **kwargs)

    a.add_visit("Vì Văn Năm")
    start = head(a.db)
    monkeypatch.setattr(sync_service.bundle, "write_bundle", pulled_out)
    with pytest.raises(KnownError, match="ổ USB bị rút ra"):
        a.export(root / "pulled")
    events = [(k, d["what"], d["bundle_id"]) for k, d in kinds_since(a.db, start)]
    assert [e[:2] for e in events] == [("export", "bundle"), ("export", "bundle-withdrawn")]
    assert events[0][2] == events[1][2] and audit.verify(a.db).ok


def test_keys_installed_and_trusted_are_entered(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    """Creating, replacing, trusting and no longer trusting: each an entry with the fingerprint only."""
    from papi_desktop.exports import signing
    from papi_desktop.services import trust_bundle

    setup.create_demo(bare_db, today=TODAY)
    start = head(bare_db)
    first = keys.create_self_signed(bare_db, PASS)
    second = keys.create_self_signed(bare_db, PASS, replace=True)
    other = signing.create_self_signed("99999", "Xã Khác")
    pem = signing.pem(other.chain[0])
    trusted = trust_bundle.import_anchor_file(bare_db, _written(tmp_path / "other.pem", pem), keys.inspect_certificate(pem).sha256)
    audit.record_key(bare_db, "trusted", trusted)  # as the trust box enters it (tests/ui/test_trust_box.py)
    events = [(k, d) for k, d in kinds_since(bare_db, start) if k != "change"]
    assert [(k, d["what"], d["fingerprint"]) for k, d in events] == [
        ("key", "created", first.sha256), ("key", "replaced", second.sha256),
        ("key", "trusted", keys.inspect_certificate(pem).sha256)]
    assert "Xã Khác" not in str(events)  # fingerprints, never the names
    texts = [audit.describe(e) for e in audit.list_entries(bare_db, limit=10) if e.kind == "key"]
    assert any(t.startswith("Thay khóa ký số của xã") for t in texts)
    assert audit.verify(bare_db).ok


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
