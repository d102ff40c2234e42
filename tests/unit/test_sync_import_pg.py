"""The province's import of commune bundles (services.sync_import, what the hub runs) on SQLite and on
PostgreSQL alike: a bundle applies and leaves the province in the commune's state; the same bundle
again writes nothing and returns the first receipt; a bundle whose predecessor is missing is held and
released; a bundle that overlaps one applied applies only what is new; two PCs' edits of one field
are queued as a conflict; a refused bundle writes nothing; two imports of one bundle at once apply it
once. On PostgreSQL, bundles of two communes apply beside each other (the writer lock is scoped by
commune). The communes are SQLite PCs, as in the field."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pg
import pytest
from pg import pg_server  # noqa: F401 - the PostgreSQL fixture
from sqlalchemy import select
from sync_world import PASS, Commune, Province, at, balanced, counts

from papi_desktop import __version__
from papi_desktop.services import enrolment, plan, sync_import
from papi_desktop.services import sync as sync_service
from papi_desktop.storage.sync_state import BundleIn, BundleOut, Conflict
from papi_desktop.sync import bundle
from papi_desktop.sync.outbox import outbox, version_vector

DIALECTS = ["sqlite", "postgresql"]


@dataclass
class World:
    root: Path
    prov: Province
    a: Commune  # the demo commune's first PC
    a2: Commune  # its second PC
    b: Commune  # another commune
    receiver: sync_import.Receiver
    server: str | None

    @property
    def pg(self) -> bool:
        return self.server is not None

    def imp(self, *files: Path) -> list[sync_service.Summary]:
        return self.prov.import_with(self.receiver, *files)

    def row(self, bundle_id: str) -> dict[str, object]:
        with self.prov.db.reader() as s:
            row = s.get(BundleIn, bundle_id)
            return {c: getattr(row, c) for c in BundleIn.__table__.c.keys()}

    def folder(self, name: str) -> Path:
        return self.root / f"{name}-{uuid.uuid4().hex[:6]}"


@pytest.fixture(scope="module", params=DIALECTS)
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp(f"import-{request.param}")
    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    url = pg.create_database(server) if server else None
    prov = Province(root / "province", url)
    a = Commune(root / "pc-a", prov)
    a2 = Commune(root / "pc-a2", prov, join=True)
    a.add_peer(a2.card(root / "a2.card.papi"))
    a2.add_peer(a.card(root / "a.card.papi"))
    b = Commune(root / "pc-b", prov, demo=False, unit="03646")
    w = World(root, prov, a, a2, b, prov.receiver(), server)
    yield w
    for pc in (a, a2, b, prov):  # psycopg warns of a connection left open (an error here)
        pc.db.dispose()
    if server:
        pg.drop_database(server, url)


def _export(pc: Commune, w: World, name: str) -> sync_service.ExportResult:
    sent = pc.export(w.folder(name))
    assert sent is not None
    return sent


def _new_changes(w: World, pc: Commune, sent: sync_service.ExportResult) -> int:
    """How many of the bundle's changes the province does not hold yet (an export carries every change
    whose receipt has not come back)."""
    with pc.db.reader() as s:
        ranges = json.loads(s.get(BundleOut, sent.bundle_id).ranges_json)
    with w.prov.db.reader() as s:
        held = version_vector(s)
    return sum(last - max(first - 1, held.get(node, 0)) for node, (first, last) in ranges.items())


def test_a_bundle_applies_and_the_same_one_again_writes_nothing(world: World) -> None:
    w = world
    w.a.add_visit("Quàng Thị Ánh Tuyết", "014190000123")
    sent = _export(w.a, w, "first")
    before, new = counts(w.prov.db), _new_changes(w, w.a, sent)
    dry = w.prov.import_with(w.receiver, sent.files[0], dry_run=True)[0]
    assert dry.status == "applied" and dry.dry_run and balanced(dry) and counts(w.prov.db) == before
    first = w.imp(sent.files[0])[0]
    assert first.status == "applied" and first.records == sent.changes and balanced(first)
    assert first.imported == dry.imported > 0 and first.receipt
    assert w.prov.hash() == w.a.hash()  # the commune's SQLite state, on either dialect
    after, row, state = counts(w.prov.db), w.row(sent.bundle_id), w.prov.hash()
    assert after == {"change_log": before["change_log"] + new,
                     "sync_bundle_in": before["sync_bundle_in"] + 1}
    receipt = Path(first.receipt).read_bytes()
    Path(first.receipt).unlink()
    again = w.imp(sent.files[0])[0]
    assert again.status == "unchanged" and again.unchanged == again.records and balanced(again)
    assert Path(again.receipt).read_bytes() == receipt == row["receipt"]
    assert counts(w.prov.db) == after and w.row(sent.bundle_id) == row and w.prov.hash() == state
    assert w.a.receipt(again.receipt).status == "applied"


def test_a_held_bundle_is_released_and_an_overlapping_one_applies_what_is_new(world: World) -> None:
    w = world
    w.a.add_visit("Lò Văn Thắng")
    second = _export(w.a, w, "second")
    old = w.prov.copy_to(w.folder("province-before-second"))  # a province restored from an older backup
    try:
        w.a.receipt(w.imp(second.files[0])[0].receipt)
        w.a.add_visit("Cầm Văn Pọm")
        third = _export(w.a, w, "third")
        held = old.import_with(w.receiver, third.files[0])[0]
        assert held.status == "held" and held.held == held.records and balanced(held) and held.receipt
        assert "thiếu" in held.reasons[0][0]
        again = old.import_with(w.receiver, third.files[0])[0]  # its first outcome and receipt
        assert again.status == "held" and Path(again.receipt).read_bytes() == Path(held.receipt).read_bytes()
        released = old.import_with(w.receiver, second.files[0])
        assert [r.status for r in released] == ["applied", "applied"]  # the second, then the third itself
        assert old.hash() == w.a.hash()
    finally:
        old.db.dispose()
        if w.pg:
            pg.drop_database(w.server, old.db_url)
    w.a.add_visit("Vì Thị Hoa")
    fourth = _export(w.a, w, "fourth")  # the third's receipt has not come back: it carries the third again
    assert fourth.changes > third.changes
    assert w.imp(third.files[0])[0].status == "applied"
    overlap = w.imp(fourth.files[0])[0]
    assert overlap.status == "applied" and balanced(overlap)
    assert overlap.unchanged == third.changes and overlap.imported > 0
    assert w.prov.hash() == w.a.hash()


def test_two_pcs_editing_one_field_are_queued_as_a_conflict(world: World) -> None:
    w = world
    w.a2.import_(*w.a.export(w.folder("a-to-a2"), peer=w.a2.device).files)
    with at(w.a.dir):
        task = plan.list_tasks(w.a.db, plan.TaskFilter(plan_id=plan.current_plan(w.a.db, 2026).id),
                               date(2026, 6, 5))[1].id
        plan.update_task(w.a.db, task, note="Ghi chú của máy A")
    with at(w.a2.dir):
        plan.update_task(w.a2.db, task, note="Ghi chú của máy A2")  # later
    from_a = w.imp(_export(w.a, w, "conflict-a").files[0])[0]
    from_a2 = w.imp(_export(w.a2, w, "conflict-a2").files[0])[0]
    assert from_a.status == from_a2.status == "applied" and balanced(from_a2)
    assert from_a2.conflicts == 1
    with w.prov.db.reader() as s:
        open_ = s.scalars(select(Conflict).where(Conflict.status == "open", Conflict.field == "note")).all()
    assert [(json.loads(c.local_json), json.loads(c.remote_json), c.chosen) for c in open_] == [
        ("Ghi chú của máy A", "Ghi chú của máy A2", "remote")]


def _crafted(w: World, changes: list[dict[str, object]], material, device: str) -> Path:  # noqa: ANN001
    """A bundle of these changes, signed by a PC of commune 03985 the province enrolled."""
    ranges = {device: [changes[0]["origin_seq"], changes[-1]["origin_seq"]]}
    header = {"kind": "changes", "bundle_id": str(uuid.uuid4()), "commune": "03985", "device": device,
              "to": "province", "ranges": ranges, "prerequisites": {device: ranges[device][0] - 1},
              "changes": len(changes), "transactions": len({c["txn_id"] for c in changes}),
              "created_at_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "program": __version__}
    payload = "".join(json.dumps(c, ensure_ascii=False, sort_keys=True) + "\n" for c in changes)
    with at(w.a.dir):
        recipients = enrolment.require_enrolled().recipients
    parts, _manifest = bundle.write_bundle(w.folder("crafted"), f"papi-03985-{device}-{ranges[device][1]:06d}",
                                           header, [bundle.Member(sync_import.CHANGES, payload.encode())],
                                           material, recipients)
    return parts[0]


def test_a_refused_bundle_writes_nothing(world: World) -> None:
    w = world
    w.a.add_visit("Tòng Văn Hưng")
    sent = _export(w.a, w, "refused")
    before, state = counts(w.prov.db), w.prov.hash()
    raw = bytearray(sent.files[0].read_bytes())
    raw[len(raw) // 2] ^= 0x10
    damaged = w.folder("damaged") / sent.files[0].name
    damaged.parent.mkdir()
    damaged.write_bytes(bytes(raw))
    assert w.imp(damaged)[0].status == "rejected"
    assert counts(w.prov.db) == before and w.prov.hash() == state
    # signed and whole, but the database refuses it: a second section of one dimension in one plan
    # (on PostgreSQL the failed statement aborts the transaction: the batch goes back to its savepoint,
    # then one by one, then the import rolls back and quarantines)
    device = f"maygia{uuid.uuid4().hex[:6]}"
    material = w.prov.mint("03985", device)
    with w.a.db.reader() as s:
        section = next(c for c in outbox(s, "nobody") if c.table_name == "plan_section" and c.op == "insert")
    after = {**json.loads(section.after_json), "id": str(uuid.uuid4())}
    stamp = f"{int(dt.datetime.now(dt.UTC).timestamp() * 1000):013d}-00000-{device}"
    twin = {**section.as_dict(), "origin_node": device, "origin_seq": 1, "record_id": after["id"],
            "hlc": stamp, "txn_id": str(uuid.uuid4()), "after_json": json.dumps(after, ensure_ascii=False)}
    refused = w.imp(_crafted(w, [twin], material, device))[0]
    assert refused.status == "quarantined" and balanced(refused)
    assert ("uq_plan_section_dimension" if w.pg else "plan_section.plan_id, plan_section.dimension") \
        in refused.reasons[0][1]
    assert counts(w.prov.db) == {**before, "sync_bundle_in": before["sync_bundle_in"] + 1}
    assert w.prov.hash() == state
    assert w.imp(sent.files[0])[0].status == "applied"  # and the genuine one still applies


def test_the_same_bundle_imported_twice_at_once_applies_once(world: World) -> None:
    """Two `papi-desktop sync import` processes on the same database: one applies, the other returns
    its outcome and receipt."""
    w = world
    w.a.add_visit("Vì Văn Sáng")
    sent = _export(w.a, w, "twice")
    before, new = counts(w.prov.db), _new_changes(w, w.a, sent)
    assert new > 0
    w.prov.db.engine.dispose()
    cmd = [sys.executable, "-m", "papi_desktop", "--data-dir", str(w.prov.dir),
           *(["--db", w.prov.db_url] if w.prov.db_url else []), "sync", "import", str(sent.files[0]),
           "--passphrase-env", "TINH_PASS", "--json"]
    env = {**os.environ, "TINH_PASS": PASS, "PYTHONIOENCODING": "utf-8"}
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _out, err in outputs]
    results = [json.loads(out)[0] for out, _err in outputs]
    assert sorted(r["status"] for r in results) == ["applied", "unchanged"]
    assert len({Path(r["receipt"]).read_bytes() for r in results}) == 1
    assert counts(w.prov.db) == {"change_log": before["change_log"] + new,
                                 "sync_bundle_in": before["sync_bundle_in"] + 1}


def test_two_communes_bundles_at_once_both_apply(world: World) -> None:
    w = world
    w.a.add_visit("Hà Văn Tùng")
    w.b.add_visit("Lường Thị Mai")
    files = [_export(pc, w, f"at-once-{pc.dir.name}").files[0] for pc in (w.a, w.b)]
    with at(w.prov.dir), ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda f: sync_import.import_with(w.prov.db, w.receiver, [f])[0], files))
    assert [r.status for r in results] == ["applied", "applied"]
    w.a.add_visit("Lò Thị Dung")
    w.b.add_visit("Cầm Văn Khoa")
    a_file, b_file = (_export(pc, w, f"beside-{pc.dir.name}").files[0] for pc in (w.a, w.b))
    if w.pg:  # a writer of commune 03985 holds its scope: 03646's bundle applies beside it
        with w.prov.db.session(scope="03985"):
            assert w.imp(b_file)[0].status == "applied"
    else:
        assert w.imp(b_file)[0].status == "applied"
    assert w.imp(a_file)[0].status == "applied"


def test_without_the_writer_lock_the_keys_alone_apply_a_bundle_once(world: World,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Two imports of one bundle that both found it new: on PostgreSQL the writer lock is taken out and
    both reach apply before either commits; the unique keys (a record's id, a change's number) refuse
    the second, which then returns the first's outcome and receipt. (SQLite cannot leave its lock out:
    BEGIN IMMEDIATE; there the two simply queue.)"""
    import threading

    from papi_desktop.storage import db as storage_db
    from papi_desktop.sync import apply as sync_apply

    w = world
    w.a.add_visit("Mè Văn Lả")
    sent = _export(w.a, w, "no-lock")
    before, new = counts(w.prov.db), _new_changes(w, w.a, sent)
    calls: list[int] = []
    if w.pg:
        monkeypatch.setattr(storage_db, "take_writer_lock", lambda *_a, **_k: None)
        both_in = threading.Barrier(2, timeout=60)
        real = sync_apply.apply_changes

        def meet_then_apply(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            calls.append(1)
            if len(calls) <= 2:  # the two first tries, each past its check that the bundle is not there
                both_in.wait()
            return real(*args, **kwargs)

        monkeypatch.setattr(sync_apply, "apply_changes", meet_then_apply)
    with at(w.prov.dir), ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _i: sync_import.import_with(w.prov.db, w.receiver, [sent.files[0]])[0],
                                range(2)))
    assert sorted(r.status for r in results) == ["applied", "unchanged"], [r.reasons for r in results]
    assert not w.pg or len(calls) == 2  # both applied past the barrier: the race was real
    assert len({Path(r.receipt).read_bytes() for r in results}) == 1
    assert counts(w.prov.db) == {"change_log": before["change_log"] + new,
                                 "sync_bundle_in": before["sync_bundle_in"] + 1}
