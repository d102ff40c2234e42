"""Two PCs of one commune append to the same lists offline (a task to one dimension, an issue to one
dialogue, a village): the PC that keeps the registers tells the items apart when the other PC's bundle
arrives, says so in the summary, and every copy (both PCs, the province) ends in one order and state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sync_world import Commune, Province, at, balanced

from papi_desktop.services import dialogues, plan, positions, postings, registry
from papi_desktop.storage.models import ChangeLog, PlanSection, Task
from papi_desktop.storage.registers import DialogueIssue
from papi_desktop.storage.transparency import Village

TODAY = date(2026, 6, 5)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune, Commune, Path, str]]:
    root = tmp_path_factory.mktemp("positions")
    prov = Province(root / "province")
    a = Commune(root / "pc-a", prov)  # set up first: keeps the registers
    b = Commune(root / "pc-b", prov, join=True)
    a.add_peer(b.card(root / "b.card.papi"))
    b.add_peer(a.card(root / "a.card.papi"))
    with at(a.dir):
        dialogue = dialogues.add_dialogue(a.db, dialogues.DialogueInput(date(2026, 5, 12), "Đối thoại năm 2026",
                                                                        "Hội trường UBND xã", "Lò Văn Minh"))
        dialogues.add_issue(a.db, dialogue, dialogues.IssueInput("Đường vào bản bị sạt"))
    (got,) = b.import_(*a.export(root / "a-to-b-0", peer=b.device).files)
    assert got.status == "applied" and balanced(got), got.reasons
    yield prov, a, b, root, dialogue
    for db in (prov.db, a.db, b.db):
        db.dispose()


def _plan_id(pc: Commune) -> str:
    info = plan.current_plan(pc.db, 2026)
    assert info is not None
    return info.id


def _add_task(pc: Commune, dimension: int, text: str) -> str:
    with at(pc.dir):
        return plan.add_task(pc.db, _plan_id(pc), dimension, task=text)


def _lists(pc: Commune, dialogue: str) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """What the pages show, in their order: (id, number) of the tasks, issue ids, village ids."""
    tasks = [(r.id, r.number) for r in plan.list_tasks(pc.db, plan.TaskFilter(_plan_id(pc)), TODAY)]
    return tasks, [i.id for i in dialogues.issues_of(pc.db, dialogue)], [v.id for v in postings.villages(pc.db)]


def _places(pc: Commune, dimension: int, dialogue: str) -> tuple[list[int], list[str], list[int], list[int]]:
    with pc.db.reader() as s:
        tasks = s.execute(select(Task.position, Task.number).join(PlanSection, Task.section_id == PlanSection.id)
                          .where(PlanSection.dimension == dimension, Task.deleted.is_(False))).all()
        issues = s.scalars(select(DialogueIssue.position).where(DialogueIssue.dialogue_id == dialogue,
                                                                DialogueIssue.deleted.is_(False))).all()
        villages = s.scalars(select(Village.position).where(Village.deleted.is_(False))).all()
    return [p for p, _n in tasks], [n for _p, n in tasks], list(issues), list(villages)


def _distinct(values: list) -> bool:  # noqa: ANN001 - ints or strings
    return len(values) == len(set(values))


def _own_changes(pc: Commune) -> int:
    with pc.db.reader() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.origin_node == pc.device)) or 0


def test_two_offline_pcs_append_and_every_copy_ends_in_one_order(world) -> None:  # noqa: ANN001
    prov, a, b, root, dialogue = world
    assert registry.is_registry(a.db) and not registry.is_registry(b.db)
    # Offline, each PC appends to the same three lists; A's task first, B's issue and village first.
    on_a = _add_task(a, 1, "Niêm yết công khai thủ tục mới tại bộ phận một cửa")
    on_b = _add_task(b, 1, "Tổ chức hội nghị lấy ý kiến về quy hoạch")
    with at(b.dir):
        issue_b = dialogues.add_issue(b.db, dialogue, dialogues.IssueInput("Xin hỗ trợ giống ngô"))
        village_b = postings.add_village(b.db, "Bản Mé")
    with at(a.dir):
        issue_a = dialogues.add_issue(a.db, dialogue, dialogues.IssueInput("Nước sinh hoạt thiếu mùa khô"))
        village_a = postings.add_village(a.db, "Bản Pá Chả")
    with a.db.reader() as s:
        number = s.get(Task, on_a).number
    with b.db.reader() as s:
        assert s.get(Task, on_b).number == number  # the collision the scheme is for
    (prov_b,) = prov.import_(*b.export(root / "b-to-prov").files)  # the province hears from B first
    assert prov_b.status == "applied"

    # A's bundle reaches B first: B does not keep the registers, so it settles nothing, yet orders
    # the two items that share a place the same way as every other copy.
    (on_pc_b,) = b.import_(*a.export(root / "a-to-b-1", peer=b.device).files)
    assert on_pc_b.status == "applied" and not any("xuống cuối" in vi or "đánh lại" in vi for vi, _ in on_pc_b.reasons)
    assert not _distinct(_places(b, 1, dialogue)[0])
    tasks_b = [t for t, _n in _lists(b, dialogue)[0]]
    assert tasks_b.index(on_a) < tasks_b.index(on_b)  # same place: the first created first

    # B's bundle reaches A, which keeps the registers: the later item of each pair moves.
    (on_pc_a,) = a.import_(*b.export(root / "b-to-a-1", peer=a.device).files)
    assert on_pc_a.status == "applied" and balanced(on_pc_a), on_pc_a.reasons
    renumbered = str(int(number) + 1)
    vi = [r[0] for r in on_pc_a.reasons]
    en = [r[1] for r in on_pc_a.reasons]
    assert f"Nhiệm vụ số {number} của máy kia được đánh lại số {renumbered}." in vi
    assert f"Task {number} of the other PC was renumbered {renumbered}." in en
    assert "Một ý kiến tại hội nghị đối thoại ngày 12/05/2026 của máy này cùng chỗ thứ 2 với một mục khác: được " \
           "xếp cuối danh sách, thứ 3." in vi
    assert any(v.startswith("Thôn, bản “Bản Pá Chả” của máy này cùng chỗ thứ ") for v in vi), vi
    assert len([v for v in vi if "của máy" in v]) == 3, vi  # one reason for each item moved

    # The settling is an edit like any other: it travels back to B and on to the province.
    (back,) = b.import_(*a.export(root / "a-to-b-2", peer=b.device).files)
    assert back.status == "applied" and back.conflicts == 0, back.reasons
    (prov_a,) = prov.import_(*a.export(root / "a-to-prov").files)
    assert prov_a.status == "applied"
    for pc in (a, b):
        tasks, numbers, issues, villages = _places(pc, 1, dialogue)
        assert _distinct(tasks) and _distinct(numbers) and _distinct(issues) and _distinct(villages)
        with pc.db.reader() as s:
            assert (s.get(Task, on_a).number, s.get(Task, on_b).number) == (number, renumbered)
    assert _lists(a, dialogue) == _lists(b, dialogue)
    tasks, issues, villages = _lists(a, dialogue)
    assert [t for t, _n in tasks].index(on_b) > [t for t, _n in tasks].index(on_a)
    assert issues[-2:] == [issue_b, issue_a] and villages[-2:] == [village_b, village_a]
    assert prov.hash() == a.hash() == b.hash()


def test_a_bundle_that_collides_with_nothing_changes_nothing(world) -> None:  # noqa: ANN001
    prov, a, b, root, dialogue = world
    b.import_(*a.export(root / "a-to-b-3", peer=b.device).files)  # B has all of A's
    _add_task(b, 2, "Rà soát thủ tục hành chính lĩnh vực đất đai")
    with at(b.dir):
        dialogues.add_issue(b.db, dialogue, dialogues.IssueInput("Đề nghị sửa cầu treo"))
        postings.add_village(b.db, "Bản Nà Sẳng")
    before = _own_changes(a)
    (got,) = a.import_(*b.export(root / "b-to-a-2", peer=a.device).files)
    assert got.status == "applied" and balanced(got)
    assert not any("xuống cuối" in vi or "đánh lại" in vi for vi, _ in got.reasons), got.reasons
    assert _own_changes(a) == before  # A wrote nothing of its own
    assert a.hash() == b.hash()


def test_one_pc_alone_never_repeats_a_place_or_a_number(world) -> None:  # noqa: ANN001
    _prov, a, _b, _root, _dialogue = world
    first = _add_task(a, 3, "Việc thứ nhất")
    second = _add_task(a, 3, "Việc thứ hai")
    with at(a.dir):
        plan.delete_task(a.db, first)  # the count of live tasks falls: the next takes no used place
    third = _add_task(a, 3, "Việc thứ ba")
    with a.db.reader() as s:
        second_row, third_row = s.get(Task, second), s.get(Task, third)
        assert third_row.position > second_row.position and third_row.number != second_row.number


def test_next_number() -> None:
    assert positions.next_number([]) == "1"
    assert positions.next_number(["1", "2", "5"]) == "6"
    assert positions.next_number(["1.1", "1.2"]) == "3"
    assert positions.next_number(["a", "2", "b"]) == "3"
    assert positions.next_number(["1.1", "3"]) == "4"
