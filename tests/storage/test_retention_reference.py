"""Retention periods and the personal-data law as reference data (issue 13 §3): every table that holds
a citizen's data has its retention entry, each entry names its source and the status of the fact in
LAW.md's legend ([C], [S] or (unconfirmed)), and a period is a whole number of years or left open until
the province confirms it: editable reference data, never a guess in the code."""

from __future__ import annotations

import json

from papi_desktop import paths

STATUSES = {"[C]", "[S]", "(unconfirmed)"}


def _reference() -> dict:
    return json.loads((paths.resources_dir() / "reference" / "personal_data.json").read_text(encoding="utf-8"))


def test_every_citizen_table_has_a_retention_entry() -> None:
    ref = _reference()
    covered = {table for entry in ref["retention"] for table in entry["tables"]}
    citizen_tables = set(ref["citizen_tables"])
    assert citizen_tables and citizen_tables <= covered, citizen_tables - covered


def test_retention_entries_and_law_facts_are_well_formed() -> None:
    ref = _reference()
    for entry in ref["retention"]:
        assert entry["name_vi"] and entry["name_en"] and entry["source"], entry
        assert entry["years"] is None or (isinstance(entry["years"], int) and 0 < entry["years"] <= 100), entry
        assert entry["status"] in STATUSES, entry
        assert entry["years"] is not None or entry["status"] != "[C]", entry  # a confirmed fact has its period
    facts = ref["law"]["facts"]
    assert facts and all(f["fact"] and f["status"] in STATUSES for f in facts)
