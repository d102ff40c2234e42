"""Two PCs of one commune and the province: cards, bundles both ways, a field both PCs edited (kept for a
person to choose, on both), relayed changes the province already has, and one state everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_world import Commune, Province, at, balanced

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import plan
from papi_desktop.storage.models import Task, TaskState, state_id
from papi_desktop.storage.sync_state import Conflict


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune, Commune, Path]]:
    root = tmp_path_factory.mktemp("two-pcs")
    prov = Province(root / "province")
    a = Commune(root / "pc-a", prov)
    b = Commune(root / "pc-b", prov, join=True)  # the second PC joins the commune: it starts empty
    yield prov, a, b, root
    for db in (prov.db, a.db, b.db):
        db.dispose()


def test_two_pcs_and_the_province_end_in_one_state(three) -> None:  # noqa: ANN001
    prov, a, b, root = three
    with pytest.raises(KnownError, match="thẻ máy"):
        a.export(root / "x", peer=b.device)
    assert a.add_peer(b.card(root / "b.card.papi")).device == b.device
    assert b.add_peer(a.card(root / "a.card.papi")).device == a.device

    to_b = a.export(root / "a-to-b", peer=b.device)
    (got,) = b.import_(*to_b.files)
    assert got.status == "applied" and balanced(got), got.reasons
    assert b.hash() == a.hash()  # one profile record, not two: the same id on both PCs
    with pytest.raises(KnownError):  # a receipt read on the wrong PC is refused
        b.receipt(got.receipt)
    assert a.receipt(got.receipt).status == "applied"

    with a.db.reader() as s:
        task_id = s.scalar(select(Task.id).order_by(Task.position).limit(1))
    with at(a.dir):
        plan.update_task(a.db, task_id, note="Ghi chú của máy A")
    with at(b.dir):
        plan.update_task(b.db, task_id, note="Ghi chú của máy B", status="in_progress")
    a.add_visit("Lò Thị Hiền")

    back_to_a = b.export(root / "b-to-a", peer=a.device)
    more_to_b = a.export(root / "a-to-b-2", peer=b.device)
    (on_a,) = a.import_(*back_to_a.files)
    (on_b,) = b.import_(*more_to_b.files)
    assert on_a.status == on_b.status == "applied"
    assert on_a.conflicts == 1 and on_b.conflicts == 1 and balanced(on_a) and balanced(on_b)
    assert a.hash() == b.hash()
    for pc in (a, b):  # both PCs keep both values of the field they disagree on
        with pc.db.reader() as s:
            (c,) = s.scalars(select(Conflict).where(Conflict.status == "open")).all()
            assert (c.table_name, c.record_id, c.field) == ("task_state", state_id(task_id, pc.db.unit_code), "note")
            assert {c.local_json, c.remote_json} == {'"Ghi chú của máy A"', '"Ghi chú của máy B"'}

    # Each PC sends to the province what it has not acknowledged: B relays A's changes too.
    (from_a,) = prov.import_(*a.export(root / "a-to-prov").files)
    (from_b,) = prov.import_(*b.export(root / "b-to-prov").files)
    assert from_a.status == from_b.status == "applied" and balanced(from_b)
    assert from_b.unchanged > 0  # what A had already delivered
    assert prov.hash() == a.hash() == b.hash()


def test_a_stranger_card_and_bundle_are_refused(three, tmp_path: Path) -> None:  # noqa: ANN001
    prov, a, b, root = three
    other = Commune(tmp_path / "other", prov, demo=False, unit="03646")
    with pytest.raises(KnownError):
        a.add_peer(other.card(tmp_path / "other.card.papi"))
    with pytest.raises(KnownError):
        other.add_peer(a.card(tmp_path / "a2.card.papi"))
    other.db.dispose()


def test_numbers_never_collide_between_the_two_pcs(three) -> None:  # noqa: ANN001
    from datetime import date

    from papi_desktop.services import petitions, registry, reports
    from papi_desktop.storage.registers import Petition

    prov, a, b, root = three
    a.add_peer(b.card(root / "b2.card.papi"))
    b.add_peer(a.card(root / "a2.card.papi"))
    assert registry.is_registry(a.db) and not registry.is_registry(b.db)
    with at(b.dir):  # the PC that does not keep the outgoing register takes no document number
        request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=date(2026, 6, 5)),
                                        date(2026, 6, 5))
        with pytest.raises(KnownError, match="không giữ sổ văn bản đi"):
            reports.export(b.db, request, root / "b-report", None, date(2026, 6, 5))
    day = date(2026, 6, 2)
    with at(b.dir):
        on_b = petitions.add_petition(b.db, petitions.PetitionInput(day, "Đề nghị sửa mương", "kien_nghi"))
    with at(a.dir):
        on_a = petitions.add_petition(a.db, petitions.PetitionInput(day, "Đề nghị cấp nước", "kien_nghi"))
    with b.db.reader() as s:
        provisional = s.get(Petition, on_b).register_no
    assert registry.is_provisional(provisional) and provisional.startswith("T1.")
    (got,) = a.import_(*b.export(root / "b-to-a-3", peer=a.device).files)
    assert any(provisional in vi for vi, _en in got.reasons)
    b.import_(*a.export(root / "a-to-b-3", peer=b.device).files)
    for pc in (a, b):
        with pc.db.reader() as s:
            numbers = list(s.scalars(select(Petition.register_no).where(Petition.deleted.is_(False))))
            assert len(numbers) == len(set(numbers)) and not any(registry.is_provisional(n) for n in numbers)
            assert s.get(Petition, on_b).register_no == f"{int(s.get(Petition, on_a).register_no.split('/')[0]) + 1}/2026"
    assert a.hash() == b.hash()


def test_a_person_chooses_and_the_choice_travels(three) -> None:  # noqa: ANN001
    from papi_desktop.services import conflicts

    prov, a, b, root = three
    a.add_peer(b.card(root / "b3.card.papi"))
    b.add_peer(a.card(root / "a3.card.papi"))
    with a.db.reader() as s:
        task_id = s.scalar(select(Task.id).order_by(Task.position).limit(1))
    with at(a.dir):
        plan.update_task(a.db, task_id, output="Sản phẩm A")
    with at(b.dir):
        plan.update_task(b.db, task_id, output="Sản phẩm B")
    a.import_(*b.export(root / "b-to-a-4", peer=a.device).files)
    b.import_(*a.export(root / "a-to-b-4", peer=b.device).files)
    (on_a,) = [c for c in conflicts.open_conflicts(a.db) if c.field == "output"]
    assert {on_a.local, on_a.remote} == {"Sản phẩm A", "Sản phẩm B"}
    with at(a.dir):
        conflicts.resolve(a.db, on_a.id, "local")  # A's clerk keeps A's text
        with pytest.raises(KnownError):
            conflicts.resolve(a.db, on_a.id, "remote")
    b.import_(*a.export(root / "a-to-b-5", peer=b.device).files)
    for pc in (a, b):
        assert not [c for c in conflicts.open_conflicts(pc.db) if c.field == "output"]  # settled on both PCs
        with pc.db.reader() as s:
            assert s.get(Task, task_id).output == "Sản phẩm A"
    assert a.hash() == b.hash()


def test_edits_of_different_fields_merge_and_are_labelled_so(three) -> None:  # noqa: ANN001
    """A's older edit of one field arrives at B after B edited another field of the same record: it is
    merged in (not a conflict, not lost), and the summary says how many changes merged. Runs after the
    first test of the file, which gives B the commune's data and each PC the other's card."""
    _prov, a, b, root = three
    with a.db.reader() as s:
        task_id = s.scalars(select(Task.id).order_by(Task.position).limit(2)).all()[-1]
    with at(a.dir):
        plan.update_task(a.db, task_id, note="Đã họp thôn (máy A)")
    with at(b.dir):
        plan.update_task(b.db, task_id, status="in_progress")  # later, another field
    (on_b,) = b.import_(*a.export(root / "a-to-b-merge", peer=b.device).files)
    assert on_b.status == "applied" and on_b.conflicts == 0 and balanced(on_b)
    assert on_b.merged == 1 and on_b.merged <= on_b.updated and on_b.as_json()["merged"] == 1
    assert any("gộp" in vi for vi, _en in on_b.reasons)
    with b.db.reader() as s:
        state = s.get(TaskState, state_id(task_id, b.db.unit_code))
    assert state is not None and (state.note, state.status) == ("Đã họp thôn (máy A)", "in_progress")  # both kept
