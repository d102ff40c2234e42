"""Numbers that must never repeat within a commune, when two PCs work offline.

Decision: one PC keeps the commune's registers, as one clerk (văn thư) keeps the outgoing register.
- Outgoing document numbers (Nghị định 30/2020: one sequence per issuing body per year, printed and
  signed on the document) are taken only on that PC: another PC is told so and takes none.
- Petition register numbers: another PC gives a provisional number ("T3.ab12/2026", its own tag) so
  the clerk can follow the petition at once; the registry PC enters it in the register with the
  next real number when the other PC's bundle arrives, and that number travels back.
- Positions and numbers of list items (a task's number "5", a dialogue's issues, villages…): each PC
  appends freely; the registry PC settles two items that took one place when the other PC's bundle
  arrives, and the change travels back (services.positions says how).
The first PC set up for a commune keeps the registers; a PC that joins a commune does not. The role
moves only by a deliberate action on the PC that takes it (the old registry PC retired or broken).
"""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import KnownError
from ..storage.db import Database
from ..storage.models import LocalSetting
from ..storage.registers import Petition
from ..sync.changes import Change
from . import accounts, positions

KEY = "number_registry"
_PROVISIONAL = re.compile(r"^T\d+\.[0-9a-f]{4}/(\d{4})$")


def keeps_registers(s: Session) -> bool:
    row = s.get(LocalSetting, KEY)
    return row is None or row.value != "0"  # an installation from before two-PC sync is the only one


def is_registry(db: Database) -> bool:
    with db.reader() as s:
        return keeps_registers(s)


def set_registry(db: Database, keeps: bool) -> None:
    accounts.require(db, "settings")
    with db.session() as s:
        row = s.get(LocalSetting, KEY)
        if row is None:
            s.add(LocalSetting(key=KEY, value="1" if keeps else "0"))
        else:
            row.value = "1" if keeps else "0"


def require_registry(s: Session) -> None:
    if not keeps_registers(s):
        raise KnownError("Máy này không giữ sổ văn bản đi của xã: số văn bản chỉ được lấy trên máy giữ sổ, để hai văn "
                         "bản không bao giờ trùng số. Hãy xuất văn bản trên máy giữ sổ (xem trang Đồng bộ).",
                         "This PC does not keep the commune's outgoing register: numbers are taken only on the PC "
                         "that keeps it, so that two documents never share one. Export on that PC (see the Sync "
                         "page).")


def petition_number(s: Session, year: int, node: str) -> str:
    """The next number of the year on the registry PC; a provisional one elsewhere."""
    if keeps_registers(s):
        return f"{_next_final(s, year)}/{year}"
    tag = node[:4]
    mine = s.scalar(select(func.count()).select_from(Petition).where(
        Petition.register_no.like(f"T%.{tag}/{year}"))) or 0
    return f"T{mine + 1}.{tag}/{year}"


def _next_final(s: Session, year: int) -> int:
    numbers = s.scalars(select(Petition.register_no).where(Petition.register_no.like(f"%/{year}"))).all()
    return max((int(n.split("/")[0]) for n in numbers if n.split("/")[0].isdigit()), default=0) + 1


def is_provisional(register_no: str) -> bool:
    return bool(_PROVISIONAL.match(register_no))


def enter_provisional(s: Session) -> list[tuple[str, str]]:
    """On the registry PC, in the transaction that received them: give provisional petitions their real
    numbers, in the order they were received. Returns (provisional, final) pairs."""
    if not keeps_registers(s):
        return []
    waiting = [p for p in s.scalars(select(Petition).where(Petition.register_no.like("T%"),
                                                           Petition.deleted.is_(False))
                                    .order_by(Petition.received_on, Petition.created_hlc)) if is_provisional(p.register_no)]
    entered = []
    for pet in waiting:
        year = int(_PROVISIONAL.match(pet.register_no).group(1))  # type: ignore[union-attr]
        final = f"{_next_final(s, year)}/{year}"
        entered.append((pet.register_no, final))
        pet.register_no = final
        s.flush()
    return entered


def settle_positions(s: Session, changes: list[Change]) -> list[tuple[str, str]]:
    """On the registry PC, in the transaction that applied changes: items of one list that took one
    place (or tasks one number) on two PCs are told apart. Returns the summary's reasons."""
    return positions.settle(s, changes) if keeps_registers(s) else []
