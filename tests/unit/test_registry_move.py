"""The commune's numbering role moves to another PC by a deliberate action (issue 10 §1): PC A keeps the
registers, numbers a report and petitions and sends them to B; A dies; B's administrator takes the role
with a reason. B's provisional petitions get final numbers after A's, B's next document number follows
A's highest, the audit trail has the entry; staff may not. When A comes back still numbering, both PCs
see the other's numbers (the import's summary and registry.role), until A gives the role up."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from cli_runner import run_cli
from office import ADMIN_PW, SETTINGS, STAFF_PW
from sqlalchemy import select
from sync_world import Commune, Province, at

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import accounts, audit, petitions, registry, reports
from papi_desktop.storage.registers import Petition

DAY = date(2026, 6, 5)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune, Commune, Path]]:
    root = tmp_path_factory.mktemp("registry-move")
    prov = Province(root / "province")
    pcs = Commune(root / "pc-a", prov), Commune(root / "pc-b", prov, join=True)  # B joins: it starts empty
    for one, other in (pcs, pcs[::-1]):
        one.add_peer(other.card(root / f"{other.device}.card.papi"))
    yield (prov, *pcs, root)
    for db in (prov.db, *(pc.db for pc in pcs)):
        db.dispose()


def _report(pc: Commune, out: Path) -> int:
    """A numbered report exported on pc: its number in the outgoing register."""
    request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=DAY), DAY)
    with at(pc.dir):
        done = reports.export(pc.db, request, out, None, DAY)
    return int(done.number_ref.split("/")[0])


def _petition(pc: Commune, summary: str) -> str:
    with at(pc.dir):
        pid = petitions.add_petition(pc.db, petitions.PetitionInput(date(2026, 6, 2), summary, "kien_nghi"))
    with pc.db.reader() as s:
        return s.get(Petition, pid).register_no


def _send(src: Commune, dst: Commune, folder: Path) -> list:  # noqa: ANN001
    summaries = dst.import_(*src.export(folder, peer=dst.device).files)
    assert all(s.status == "applied" for s in summaries), [s.reasons for s in summaries]
    return summaries


def test_b_takes_the_registers_and_the_numbers_go_on_after_a(world) -> None:  # noqa: ANN001
    _prov, a, b, root = world
    first_doc = _report(a, root / "a-report")
    a_numbers = [_petition(a, "Đề nghị cấp nước"), _petition(a, "Đề nghị sửa đường")]
    provisional = _petition(b, "Đề nghị làm cầu")
    assert registry.is_provisional(provisional) and not any(registry.is_provisional(n) for n in a_numbers)
    _send(a, b, root / "a-to-b")
    with b.db.reader() as s:  # B holds every number A gave: the highest one is what B goes on from
        highest = max(int(n.split("/")[0]) for n in s.scalars(select(Petition.register_no))
                      if not registry.is_provisional(n))
    assert highest >= max(int(n.split("/")[0]) for n in a_numbers)
    with pytest.raises(KnownError, match="không giữ sổ văn bản đi"):
        _report(b, root / "b-refused")

    # A dies. On B only the administrator may take the role, with a reason.
    with at(b.dir):
        accounts.create_first_admin(b.db, "quantri", "Vì Văn Quản", ADMIN_PW)
        accounts.add(b.db, "tiepdan", "Lò Thị Tiếp", "staff", STAFF_PW)
        accounts.login(b.db, "tiepdan", STAFF_PW)
        with pytest.raises(KnownError, match=SETTINGS):
            registry.take_over(b.db, "Máy A hỏng")
        accounts.login(b.db, "quantri", ADMIN_PW)
        with pytest.raises(KnownError, match="lý do"):
            registry.take_over(b.db, "   ")
        assert not registry.is_registry(b.db)
        taken = registry.take_over(b.db, "Máy A hỏng ổ cứng  ngày 10/6")
    assert taken.entered == [(provisional, f"{highest + 1}/2026")]
    role = taken.role
    assert role.keeps and role.taken_by == "quantri" and role.reason == "Máy A hỏng ổ cứng ngày 10/6"
    assert role.documents[2026] == first_doc and role.foreign == [] and role.foreign_count == 0
    assert _petition(b, "Đề nghị mở lớp học") == f"{highest + 2}/2026"
    assert _report(b, root / "b-report") == first_doc + 1  # after A's, never one A gave
    with at(b.dir):
        (entry,) = [e for e in audit.list_entries(b.db, audit.Filter(kind="account"))
                    if e.detail.get("what") == "registry-taken"]
        assert entry.actor == "quantri" and entry.detail["reason"] == "Máy A hỏng ổ cứng ngày 10/6"
        assert entry.detail["device"] == b.device and entry.detail["documents"] == {"2026": first_doc}
        with pytest.raises(KnownError, match="đã giữ sổ"):
            registry.take_over(b.db, "lần nữa")


def test_the_command_line_shows_and_takes_the_role(world, tmp_path: Path) -> None:  # noqa: ANN001
    prov, a, _b, _root = world
    c = Commune(tmp_path / "pc-c", prov, join=True)
    try:
        c.add_peer(a.card(tmp_path / "a.card.papi"))
        a.add_peer(c.card(tmp_path / "c.card.papi"))
        _send(a, c, tmp_path / "a-to-c")
        highest = max(registry.role(a.db).documents.values())
        shown = run_cli(c.dir, "sync", "registry", "show", "--json")
        assert shown.returncode == 0, shown.stderr
        before = json.loads(shown.stdout)
        assert before["keeps"] is False and before["device"] == c.device and before["taken_at"] == ""
        assert before["documents"]["2026"] == {"highest": highest, "next": highest + 1}
        assert run_cli(c.dir, "sync", "registry", "take").returncode == 2  # no reason: refused by the parser
        took = run_cli(c.dir, "sync", "registry", "take", "--reason", "Máy A đã thay", "--json")
        assert took.returncode == 0, took.stderr
        after = json.loads(took.stdout)
        assert after["role"]["keeps"] is True and after["role"]["reason"] == "Máy A đã thay"
        assert after["entered"] == [] and after["role"]["documents"]["2026"]["next"] == highest + 1
        assert registry.is_registry(c.db)
        again = run_cli(c.dir, "sync", "registry", "take", "--reason", "lần nữa")
        assert again.returncode != 0 and "đã giữ sổ" in again.stderr
        text = run_cli(c.dir, "sync", "registry", "show")
        assert text.returncode == 0 and "GIỮ SỔ" in text.stdout and "Máy A đã thay" in text.stdout
        assert f"{highest + 1:02d}" in text.stdout
    finally:
        c.db.dispose()


def test_two_registry_pcs_see_each_others_numbers(world) -> None:  # noqa: ANN001
    _prov, a, b, root = world
    with b.db.reader() as s:
        b_finals = {n for n in s.scalars(select(Petition.register_no))}
    # A comes back still keeping the registers: B's numbers (its document, its entered petitions) show.
    (on_a,) = _send(b, a, root / "b-to-a")
    claims = [vi for vi, _en in on_a.reasons if "cũng cấp số" in vi]
    assert len(claims) == 1 and b.device in claims[0]
    seen = registry.role(a.db)
    assert seen.keeps and seen.foreign_count == len(seen.foreign) >= 3
    assert {f.device for f in seen.foreign} == {b.device}
    assert {f.what for f in seen.foreign} == {"document", "petition"}
    assert {f.number for f in seen.foreign if f.what == "petition"} <= b_finals
    b_doc = max(registry.role(b.db).documents.values())
    assert f"{b_doc:02d}/" in claims[0]

    # A numbers again (after B's, which it now holds): B sees A's number, not those A gave before B took over.
    a_doc = _report(a, root / "a-report-2")
    assert a_doc == b_doc + 1
    (on_b,) = _send(a, b, root / "a-to-b-2")
    assert any(a.device in vi and f"{a_doc:02d}/" in vi for vi, _en in on_b.reasons)
    (foreign,) = registry.role(b.db).foreign
    assert (foreign.what, foreign.device) == ("document", a.device) and foreign.number.startswith(f"{a_doc:02d}/")

    # A gives the role up (on its command line): it numbers no more and warns of nothing.
    gave = run_cli(a.dir, "sync", "registry", "give-up", "--reason", "Vai trò đã chuyển sang máy B")
    assert gave.returncode == 0 and "thôi giữ sổ" in gave.stdout, gave.stderr
    again = run_cli(a.dir, "sync", "registry", "give-up", "--reason", "lần nữa")
    assert again.returncode != 0 and "không giữ sổ" in again.stderr
    gone = registry.role(a.db)
    assert not gone.keeps and gone.foreign == [] and gone.taken_at == ""
    with at(a.dir):
        assert [e.detail["reason"] for e in audit.list_entries(a.db, audit.Filter(kind="account"))
                if e.detail.get("what") == "registry-given-up"] == ["Vai trò đã chuyển sang máy B"]
    with pytest.raises(KnownError, match="không giữ sổ văn bản đi"):
        _report(a, root / "a-refused")
