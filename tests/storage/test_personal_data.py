"""Every column that holds a citizen's name, identity number, address or phone is listed in
personal_data.json with how it travels: a new one cannot be added without that decision."""

from __future__ import annotations

import re

from papi_desktop.storage.changelog import derived_columns, tracked_models
from papi_desktop.sync.personal import citizen_tables, display_modes, personal_columns, travel_modes

# Anywhere: columns that can only be about a citizen. In a citizen table also every name, address
# and village (officials' names elsewhere, such as chairman_name or receiver, act in their role).
ANYWHERE = re.compile(r"id_number|address|phone|mobile|email|birth|sender|raised_by|head_name|citizen")
IN_CITIZEN_TABLES = re.compile(r"(^|_)(name|village|search_text)$")


def _unlisted(columns: dict[str, list[str]], citizens: set[str], listed: set[tuple[str, str]]) -> list[str]:
    found = []
    for table, names in columns.items():
        for name in names:
            personal = ANYWHERE.search(name) or (table in citizens and IN_CITIZEN_TABLES.search(name))
            if personal and (table, name) not in listed:
                found.append(f"{table}.{name}")
    return found


def _schema() -> dict[str, list[str]]:
    return {t: [c.key for c in m.__table__.columns] for t, m in tracked_models().items()}


def test_every_personal_column_is_listed() -> None:
    assert _unlisted(_schema(), set(citizen_tables()), set(personal_columns())) == []


def test_a_new_phone_or_name_column_would_be_caught() -> None:
    schema = _schema()
    schema["reception_citizen"] = [*schema["reception_citizen"], "phone"]
    schema["poverty_household"] = [*schema["poverty_household"], "spouse_name"]
    schema["commitment"] = [*schema["commitment"], "citizen_contact"]
    assert sorted(_unlisted(schema, set(citizen_tables()), set(personal_columns()))) == \
        ["commitment.citizen_contact", "poverty_household.spouse_name", "reception_citizen.phone"]


def test_listed_columns_exist_and_use_the_declared_modes() -> None:
    schema = _schema()
    assert set(citizen_tables()) <= set(schema)
    for (table, column), entry in personal_columns().items():
        assert column in schema.get(table, ()), f"{table}.{column} is listed but not in the models"
        assert entry.travels in travel_modes() and entry.shown in display_modes(), (table, column)
        # A column the receiver rebuilds never travels; one it cannot rebuild must travel to keep states equal.
        derived = column in derived_columns(tracked_models()[table])
        assert (entry.travels == "never") == derived, (table, column)
    assert {e.shown for e in personal_columns().values() if e.kind == "id_number"} == {"masked"}
