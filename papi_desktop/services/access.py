"""Who may see citizens' personal data. The seam the accounts issue fills with real roles:
until then every user of the installation acts as the commune's reception officer."""

from __future__ import annotations

from dataclasses import dataclass

from ..storage.db import Database

FULL_ID_ROLES = frozenset({"chairman", "reception_officer"})


@dataclass(frozen=True)
class Viewer:
    name: str
    role: str = "reception_officer"


def current_viewer(db: Database) -> Viewer:
    return Viewer(db.user or "user")


def may_see_full_ids(viewer: Viewer) -> bool:
    """Lists and exports mask identity numbers; only these roles see them whole, and only where needed."""
    return viewer.role in FULL_ID_ROLES
