"""Which columns hold citizens' personal data and how each may travel (resources/reference/personal_data.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .. import paths
from ..domain.errors import KnownError
from ..storage import personal_seal
from .changes import Change, loads

FILE = "personal_data.json"


@dataclass(frozen=True)
class PersonalColumn:
    table: str
    column: str
    kind: str  # name | address | id_number | birth_year | ethnicity | finances | search_copy
    travels: str  # encrypted_bundle | never | masked
    shown: str  # full | masked


@lru_cache(maxsize=1)
def _data() -> dict:
    path = paths.resources_dir() / "reference" / FILE
    if not path.exists():
        raise KnownError(f"Thiếu tệp dữ liệu tham chiếu {FILE}. Hãy cài lại chương trình.",
                         f"Reference data file {FILE} is missing. Reinstall the program.")
    return json.loads(path.read_text(encoding="utf-8"))


def personal_columns() -> dict[tuple[str, str], PersonalColumn]:
    """By (table, column)."""
    return {(c["table"], c["column"]): PersonalColumn(c["table"], c["column"], c["kind"], c["travels"], c["shown"])
            for c in _data()["columns"]}


def citizen_tables() -> tuple[str, ...]:
    """Tables whose rows describe a citizen: every name, address or village column in them is personal."""
    return tuple(_data()["citizen_tables"])


def travel_modes() -> frozenset[str]:
    return frozenset(_data()["travels"])


def display_modes() -> frozenset[str]:
    return frozenset(_data()["shown"])


# ---- the change log's sealed images (storage.personal_seal) as changes travel ----

def open_changes(conn: Any, changes: list[Change]) -> list[Change]:
    """Changes read from the log, their images as the origin logged them (erased values emptied)."""
    if not any(personal_seal.is_sealed(c.after_json) or personal_seal.is_sealed(c.before_json) for c in changes):
        return changes
    opened = personal_seal.open_many(conn, [(c.table_name, c.record_id, t) for c in changes
                                            for t in (c.after_json, c.before_json)])
    return [c if (a, b) == (c.after_json, c.before_json) else c.with_images(a or "", b)
            for c, a, b in zip(changes, opened[::2], opened[1::2], strict=True)]


def forgets(change: Change, after: Any, before: Any) -> bool:
    """An update that sets personal values without their old ones (services.personal_data's erasure or
    forgetting correction): the record's old personal values are to be shredded here too. after, before:
    its images, parsed."""
    cols = personal_seal.personal_columns().get(change.table_name)
    if not cols or change.op != "update" or not isinstance(after, dict):
        return False
    before = before if before is not None else {}
    return isinstance(before, dict) and any(c in after and c not in before for c in cols)


def seal_received(conn: Any, changes: list[Change]) -> list[Change]:
    """Received changes as this database stores them: personal values sealed under its own key of each
    record (made when missing), a record's key deleted first when a change forgets its old values."""
    tables = personal_seal.personal_columns()
    touched: dict[str, set[str]] = {}
    for c in changes:
        if c.table_name in tables:
            touched.setdefault(c.table_name, set()).add(c.record_id)
    if not touched:
        return changes
    keys = {table: personal_seal.keys_of(conn, table, ids) for table, ids in touched.items()}
    made: dict[str, dict[str, bytes]] = {}
    dropped: dict[str, set[str]] = {}
    out = []
    for c in changes:
        table = c.table_name
        if table not in tables:
            out.append(c)
            continue
        parsed = [loads(text) if text is not None else None for text in (c.after_json, c.before_json)]
        if forgets(c, *parsed):
            if keys[table].pop(c.record_id, None) is not None:
                dropped.setdefault(table, set()).add(c.record_id)
            made.get(table, {}).pop(c.record_id, None)
        images = []
        for text, values in zip((c.after_json, c.before_json), parsed, strict=True):
            if isinstance(values, dict) and personal_seal.needs_seal(table, values):
                key = keys[table].get(c.record_id)
                if key is None:
                    key = keys[table][c.record_id] = made.setdefault(table, {})[c.record_id] = personal_seal.new_key()
                text = personal_seal.seal(table, c.record_id, values, text or "", key)
            images.append(text)
        after, before = images[0] or "", images[1]
        out.append(c if (after, before) == (c.after_json, c.before_json) else c.with_images(after, before))
    for table, ids in dropped.items():
        personal_seal.delete_keys(conn, table, ids)
    for table, new in made.items():
        personal_seal.store_keys(conn, table, new)
    return out


def same_but_erased(held: Change, change: Change) -> bool:
    """A held change and a repeat of it that differ only in personal values, as one of the two PCs erased
    them since (its copy opens emptied): the same change, not a fork."""
    cols = personal_seal.personal_columns().get(change.table_name)
    if not cols or replace(held, after_json="", before_json=None) != replace(change, after_json="", before_json=None):
        return False

    def blanked(text: str | None) -> Any:
        image = loads(text) if text else {}
        return {k: v for k, v in image.items() if k not in cols} if isinstance(image, dict) else image

    return all(blanked(a) == blanked(b) for a, b in ((held.after_json, change.after_json),
                                                      (held.before_json, change.before_json)))
