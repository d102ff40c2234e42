"""A record's versions, and which of them are frozen.

The change log is append-only (triggers refuse UPDATE and DELETE), so every version a record ever had
stays readable: version n is the after-images of its changes up to n. A version is frozen when an
issued document showed it (the document's built_from_seq falls within the version's lifetime, for a
table that kind of document draws on) or when the province acknowledged it (services/record_sync).
Editing a frozen record does not touch what was frozen: the edit is version n+1, which replaces n,
and the document or the receipt still points at n.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from ..storage import personal_seal
from ..storage.db import Database
from ..storage.models import ChangeLog
from ..storage.reports import OutgoingDocument
from ..storage.sync_state import Ack
from .record_sync import PROVINCE

_PLAN = ("plan", "plan_section", "task", "task_state", "milestone", "milestone_state", "progress_update", "evidence",
         "indicator", "indicator_value")
_RECEPTION = ("reception", "reception_citizen")
_PETITIONS = ("petition", "petition_step")
_DIALOGUES = ("dialogue", "dialogue_issue", "commitment", "commitment_followup")
_POSTINGS = ("posting", "posting_place", "posting_channel", "posting_attachment", "posting_feedback", "village")
# The tables each kind of document reads its content from (services/report_content).
DOCUMENT_TABLES: dict[str, tuple[str, ...]] = {
    "papi-6m": ("commune_profile", *_PLAN, *_RECEPTION, *_PETITIONS, *_DIALOGUES, *_POSTINGS, "news_item"),
    "papi-year": ("commune_profile", *_PLAN, *_RECEPTION, *_PETITIONS, *_DIALOGUES, *_POSTINGS, "news_item"),
    "reception-book": ("commune_profile", *_RECEPTION),
    "petitions": ("commune_profile", *_PETITIONS),
    "disclosures": ("commune_profile", *_POSTINGS),
    "dialogue-minutes": ("commune_profile", *_DIALOGUES),
}


@dataclass(frozen=True)
class Version:
    row_version: int
    seq: int  # its change-log position
    op: str
    actor: str
    at_utc: str
    changed: dict[str, Any]  # what this version set
    values: dict[str, Any]  # the whole record as of this version
    replaces: int | None  # the version it replaces (None for the first)
    frozen_by: list[str] = field(default_factory=list)  # "Số 03/BC-UBND", "province"

    @property
    def frozen(self) -> bool:
        return bool(self.frozen_by)


def history(db: Database, table: str, record_id: str) -> list[Version]:
    """Every version of one record, oldest first, each with what froze it."""
    with db.reader() as s:
        entries = list(s.scalars(select(ChangeLog).where(ChangeLog.table_name == table,
                                                         ChangeLog.record_id == record_id)
                                 .order_by(ChangeLog.seq)))
        documents = [(d.built_from_seq, f"Số {d.number:02d}/{d.symbol}") for d in s.scalars(
            select(OutgoingDocument).where(OutgoingDocument.status == "issued", OutgoingDocument.deleted.is_(False),
                                           OutgoingDocument.built_from_seq.is_not(None)))
            if table in DOCUMENT_TABLES.get(d.kind, ()) and d.built_from_seq is not None]  # as selected
        acked = {a.origin_node: a.acked_seq for a in s.scalars(select(Ack).where(Ack.peer == PROVINCE))}
        # a citizen's values are sealed in the log (storage.personal_seal): opened, or emptied once erased
        images = personal_seal.open_many(s.connection(), [(table, record_id, e.after_json) for e in entries])
    versions: list[Version] = []
    values: dict[str, Any] = {}
    for i, (entry, image) in enumerate(zip(entries, images, strict=True)):
        changed = json.loads(image or "{}")
        values = {**values, **changed}
        until = entries[i + 1].seq if i + 1 < len(entries) else None  # the next version's position
        frozen = [ref for built, ref in documents if entry.seq <= built and (until is None or built < until)]
        if acked.get(entry.origin_node, 0) >= entry.origin_seq:
            frozen.append(PROVINCE)
        versions.append(Version(entry.row_version, entry.seq, entry.op, entry.actor, entry.at_utc, changed,
                                dict(values), versions[-1].row_version if versions else None, frozen))
    return versions
