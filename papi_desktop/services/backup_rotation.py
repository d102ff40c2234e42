"""Which backups rotation keeps (resources/reference/backup_rotation.json): per folder and per PC, the
newest always, so many days, weeks and months of the daily ones, so many of each event's; one made by
hand, or of a kind this release does not know, is never deleted by the program."""

from __future__ import annotations

import contextlib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths

if TYPE_CHECKING:
    from .backup import Entry

EVENT_REASONS = ("before-migration", "before-import", "before-restore")
ROTATION_FILE = "backup_rotation.json"


@cache
def rotation() -> dict[str, int]:
    raw = json.loads((paths.resources_dir() / "reference" / ROTATION_FILE).read_text(encoding="utf-8"))
    return {k: int(v) for k, v in raw.items() if not k.startswith("_")}


def to_prune(found: list[Entry], rules: dict[str, int] | None = None) -> list[Entry]:
    """Of one PC's backups in one folder, those rotation lets go (see backup_rotation.json)."""
    rules = rules or rotation()
    newest = sorted(found, key=lambda e: (e.created_at, e.path.name), reverse=True)
    keep = {e.path for e in newest[:1]}
    scheduled = [e for e in newest if e.reason == "daily"]
    for bucket, count in ((lambda t: t.date(), rules["daily"]), (lambda t: t.isocalendar()[:2], rules["weekly"]),
                          (lambda t: (t.year, t.month), rules["monthly"])):
        seen: list[object] = []
        for e in scheduled:
            key = bucket(e.created_at.astimezone())  # the PC's own calendar days
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(e.path)
    for reason in EVENT_REASONS:
        keep |= {e.path for e in [e for e in newest if e.reason == reason][:rules[reason]]}
    # by hand, or a kind this release does not know: never deleted by the program
    return [e for e in newest if e.path not in keep and (e.reason == "daily" or e.reason in EVENT_REASONS)]


def prune(found: list[Entry]) -> list[Path]:
    """Delete what rotation lets go of one PC's backups in one folder."""
    gone = []
    for e in to_prune(found):
        with contextlib.suppress(OSError):  # a stick gone read-only: kept, tried again next time
            e.path.unlink()
            gone.append(e.path)
    return gone
