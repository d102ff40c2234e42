"""Who may see citizens' personal data: the logged-in account's role (domain/roles.py, "see_ids").

On a database without accounts every user acts as the commune's reception officer, as before
accounts: the numbers are whole where the forms have them. Once there are accounts only a commune
leader sees them whole (the signed register, a visit's detail); everyone else sees them masked."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import roles
from ..storage.db import Database

FULL_ID_ROLES = frozenset({"chairman", "reception_officer", *roles.who_may("see_ids")})


@dataclass(frozen=True)
class Viewer:
    name: str
    role: str = "reception_officer"


def current_viewer(db: Database) -> Viewer:
    return Viewer(db.user or "user", db.role or "reception_officer")


def may_see_full_ids(viewer: Viewer) -> bool:
    """Lists and exports mask identity numbers; only these roles see them whole, and only where needed."""
    return viewer.role in FULL_ID_ROLES
