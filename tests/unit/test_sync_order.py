"""Order independence: whatever order the bundles of two communes reach the province in, with repeats,
the province ends in the state of in-order delivery, every bundle applied.

The world: a province; commune 03985 on two PCs (A, and B that joined and got A's data by a peer
bundle), where both PCs edited the same task's note; commune 03646 on one PC. The bundles overlap
(A's second carries its first again; B relays A's first changes) and build on each other (written
after a receipt: each needs its predecessor, so it is held until that arrives). Each example imports
a permutation of all of them, with up to two repeats, into a copy of the province as it was before
any import (a copy of its data folder: enrolment is too slow to repeat), and checks every summary
against a model of the gap rule: a bundle applies when, for every device, it starts at most one past
what the province holds; a held one is released as soon as that becomes true; a repeat is unchanged,
or still held."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sync_world import Commune, Province, at, balanced

from papi_desktop.services import plan, sync_import
from papi_desktop.storage.models import Task
from papi_desktop.storage.sync_state import BundleIn, BundleOut, Conflict


@dataclass(frozen=True)
class Sent:
    name: str
    bundle_id: str
    files: tuple[Path, ...]
    ranges: dict[str, tuple[int, int]]  # per origin device: the first and last change it carries


@dataclass
class OrderWorld:
    root: Path
    province: Province  # never imports: every delivery starts from a copy of its folder
    receiver: sync_import.Receiver
    bundles: list[Sent]  # in the order they were written
    in_order: str = ""  # the state hash after in-order delivery
    conflicts: int = 0  # the fields queued for a person after in-order delivery


def _export(pc: Commune, name: str, root: Path, peer: str | None = None) -> Sent:
    result = pc.export(root / name, **({"peer": peer} if peer else {}))
    assert result is not None
    with pc.db.reader() as s:
        ranges = json.loads(s.get(BundleOut, result.bundle_id).ranges_json)
    return Sent(name, result.bundle_id, tuple(result.files), {n: (r[0], r[1]) for n, r in ranges.items()})


def _acknowledge(staging: Province, receiver: sync_import.Receiver, pc: Commune, sent: Sent) -> None:
    """The province's receipt for `sent` comes back to the PC: what it writes next builds on it."""
    (got,) = staging.import_with(receiver, *sent.files)
    assert got.status == "applied", got.reasons
    pc.receipt(got.receipt)


def _edit_note(pc: Commune, task_id: str, note: str) -> None:
    with at(pc.dir):
        plan.update_task(pc.db, task_id, note=note)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OrderWorld]:
    root = tmp_path_factory.mktemp("order")
    prov = Province(root / "province")
    a = Commune(root / "pc-a", prov)
    b = Commune(root / "pc-b", prov, join=True)
    c = Commune(root / "pc-c", prov, demo=False, unit="03646")
    a.add_peer(b.card(root / "b.card.papi"))
    b.add_peer(a.card(root / "a.card.papi"))
    receiver = prov.receiver()
    staging = prov.copy_to(root / "staging")  # gives the receipts; the real province stays as enrolled

    a.add_visit("Quàng Thị Ánh Tuyết", "014190000123")
    x1 = _export(a, "x1", root)
    (got,) = b.import_(*_export(a, "a-to-b", root, peer=b.device).files)  # B now holds A's first changes
    assert got.status == "applied", got.reasons
    with a.db.reader() as s:
        task_id = s.scalar(select(Task.id).order_by(Task.position).limit(1))
    _edit_note(a, task_id, "Ghi chú của máy A")  # the same field on both PCs: the later edit wins
    _edit_note(b, task_id, "Ghi chú của máy B")
    a.add_visit("Lò Văn Thắng")
    x2 = _export(a, "x2", root)  # carries x1's changes again (not acknowledged)
    y1 = _export(b, "y1", root)  # relays A's first changes and B's own
    _acknowledge(staging, receiver, a, x2)
    a.add_visit("Cầm Văn Pọm")
    x3 = _export(a, "x3", root)  # builds on x2
    _acknowledge(staging, receiver, b, y1)
    b.add_visit("Hà Thị Mai")
    y2 = _export(b, "y2", root)  # builds on y1
    c.add_visit("Lường Văn Ơn")
    z1 = _export(c, "z1", root)
    staging.db.dispose()
    for pc in (a, b, c):
        pc.db.dispose()
    bundles = [x1, x2, y1, x3, y2, z1]
    assert x2.ranges[a.device][0] == x1.ranges[a.device][0] and y1.ranges[a.device] == x1.ranges[a.device]
    assert x3.ranges[a.device][0] == x2.ranges[a.device][1] + 1 and y2.ranges[b.device][0] == y1.ranges[b.device][1] + 1
    w = OrderWorld(root, prov, receiver, bundles)
    w.in_order, w.conflicts, statuses = _deliver(w, list(range(len(bundles))))
    assert statuses == ["applied"] * len(bundles)
    assert w.conflicts >= 1  # the note both PCs edited is queued for a person
    yield w
    prov.db.dispose()


def _model(world: OrderWorld, order: list[int]) -> list[tuple[str, set[str]]]:
    """For each import: the bundle's status and the bundle ids released after it."""
    held: dict[str, int] = {}
    applied: set[str] = set()
    waiting: list[Sent] = []

    def ready(b: Sent) -> bool:
        return all(first <= held.get(node, 0) + 1 for node, (first, _last) in b.ranges.items())

    def apply(b: Sent) -> None:
        applied.add(b.bundle_id)
        for node, (_first, last) in b.ranges.items():
            held[node] = max(held.get(node, 0), last)

    out = []
    for i in order:
        b = world.bundles[i]
        if b.bundle_id in applied:
            status = "unchanged"
        elif b in waiting:
            status = "held"
        elif ready(b):
            apply(b)
            status = "applied"
        else:
            waiting.append(b)
            status = "held"
        released: set[str] = set()
        progressed = True
        while progressed:
            progressed = False
            for w in list(waiting):
                if ready(w):
                    waiting.remove(w)
                    apply(w)
                    released.add(w.bundle_id)
                    progressed = True
        out.append((status, released))
    return out


def _deliver(world: OrderWorld, order: list[int]) -> tuple[str, int, list[str]]:
    """Import the bundles in `order` into a fresh copy of the province: (state hash, open conflicts, the
    final status of every bundle in writing order). Every summary is checked against the model."""
    copy = world.province.copy_to(world.root / "deliveries" / uuid.uuid4().hex[:10])
    try:
        expected = _model(world, order)
        for step, (i, (status, released)) in enumerate(zip(order, expected, strict=True)):
            sent = world.bundles[i]
            summaries = copy.import_with(world.receiver, *sent.files)
            for s in summaries:
                assert balanced(s), (step, s)
            first, rest = summaries[0], summaries[1:]
            assert (first.bundle_id, first.status) == (sent.bundle_id, status), (order, step, first.reasons)
            if status == "unchanged":
                assert first.unchanged == first.records
            if status == "held":  # kept with the reason, in both languages
                assert first.held == first.records and first.reasons and all(vi and en for vi, en in first.reasons)
            assert {s.bundle_id for s in rest} == released and all(s.status == "applied" for s in rest), \
                (order, step, [(s.bundle_id, s.status) for s in rest])
        with copy.db.reader() as s:
            final = {row.bundle_id: row.status for row in s.scalars(select(BundleIn))}
            conflicts = len(s.scalars(select(Conflict)).all())
        with at(copy.dir):
            assert not any(sync_import.kept_dir().glob("*/*")), "a held bundle's copy stayed behind"
        return copy.hash(), conflicts, [final.get(b.bundle_id, "missing") for b in world.bundles]
    finally:
        copy.db.dispose()
        shutil.rmtree(copy.dir, ignore_errors=True)


@st.composite
def deliveries(draw: st.DrawFn, count: int) -> list[int]:
    """Every bundle at least once, in any order, and up to two of them again anywhere."""
    order = list(draw(st.permutations(range(count))))
    for _ in range(draw(st.integers(0, 2))):
        order.insert(draw(st.integers(0, len(order))), draw(st.integers(0, count - 1)))
    return order


@settings(max_examples=14, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_any_order_with_repeats_ends_in_the_state_of_in_order_delivery(world: OrderWorld,
                                                                       data: st.DataObject) -> None:
    order = data.draw(deliveries(len(world.bundles)), label="order")
    state, conflicts, statuses = _deliver(world, order)
    assert statuses == ["applied"] * len(world.bundles), (order, statuses)
    assert state == world.in_order, order
    assert conflicts == world.conflicts, order


def test_the_model_and_the_bundles_are_what_the_test_claims(world: OrderWorld) -> None:
    """The orders the property test draws from really hold back and release bundles: delivered last
    first, the ones that build on others wait, and a repeat counts every change as unchanged."""
    names = [b.name for b in world.bundles]
    backwards = list(range(len(names)))[::-1]
    model = _model(world, backwards)
    held = [names[i] for i, (status, _r) in zip(backwards, model, strict=True) if status == "held"]
    assert held == ["y2", "x3"]
    state, conflicts, statuses = _deliver(world, backwards + [names.index("x2")])
    assert statuses == ["applied"] * len(names) and state == world.in_order and conflicts == world.conflicts
