"""Helpers every service uses: tombstones and live-record filters."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import Select

from ..storage.models import Tracked

T = TypeVar("T", bound=Tracked)


def tombstone(obj: Tracked) -> None:
    """Deletion that travels: the row stays, marked deleted; the hook logs it as a 'delete'."""
    obj.deleted = True


def live(stmt: Select, *models: type[Tracked]) -> Select:
    for model in models:
        stmt = stmt.where(model.deleted.is_(False))
    return stmt
