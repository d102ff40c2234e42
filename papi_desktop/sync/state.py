"""A hash of the synced state, so two databases that diverged cannot go unnoticed (CommCare's case
state hash; SYNC_CORRECTIONS, "State hash")."""

from __future__ import annotations

import hashlib
import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.changelog import tracked_models
from ..storage.models import table_of


def table_hashes(session: Session) -> dict[str, str]:
    """SHA-256 per tracked table over every row (tombstones included), in id order."""
    out = {}
    for name, model in sorted(tracked_models().items()):
        table = table_of(model)
        digest = hashlib.sha256()
        for row in session.execute(select(table).order_by(table.c.id)).mappings():
            plain = {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}
            digest.update(json.dumps(plain, sort_keys=True, ensure_ascii=False).encode())
            digest.update(b"\n")
        out[name] = digest.hexdigest()
    return out


def state_hash(session: Session) -> str:
    """One hash over all tracked tables: equal on two databases exactly when their synced rows are."""
    return hashlib.sha256(json.dumps(table_hashes(session), sort_keys=True).encode()).hexdigest()
