"""Which columns hold citizens' personal data and how each may travel (resources/reference/personal_data.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from .. import paths
from ..domain.errors import KnownError

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
