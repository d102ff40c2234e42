"""A commune with two PCs that edited one field differently: the conflict the Đồng bộ pages show."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sync_world import Commune, Province, at

from papi_desktop.services import plan
from papi_desktop.storage.models import Task


def two_pcs_one_note(root: Path, prov: Province) -> tuple[Commune, Commune]:
    """The commune's first PC (keeps the registers) and a second PC that joined from A's data; the two
    know each other's cards, and each then edited the first task's note its own way (A first)."""
    a = Commune(root / "pc-a", prov)
    b = Commune(root / "pc-b", prov, join=True)
    a.add_peer(b.card(root / "b.card.papi"))
    b.add_peer(a.card(root / "a.card.papi"))
    b.import_(*a.export(root / "a-to-b", peer=b.device).files)
    with a.db.reader() as s:
        task_id = s.scalar(select(Task.id).order_by(Task.position).limit(1))
    with at(a.dir):
        plan.update_task(a.db, task_id, note="Ghi chú của máy A")
    with at(b.dir):
        plan.update_task(b.db, task_id, note="Ghi chú của máy B")
    return a, b
