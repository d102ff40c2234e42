"""The storage tests run on both databases: `bare_db` (and so the shared `db`, a commune set up on it)
is a migrated SQLite file and a migrated PostgreSQL database in turn (tests/pg.py says where the
server comes from)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg import _pg_head_template, pg_head_url, pg_server, pg_url  # noqa: F401 - fixtures


@pytest.fixture(params=["sqlite", "postgresql"])
def bare_db(request: pytest.FixtureRequest, data_dir: Path):
    """A migrated database with no commune set up yet, on each dialect."""
    from papi_desktop.services import setup
    from papi_desktop.storage import migrate

    if request.param == "sqlite":
        db = setup.open_database(user="tester")
    else:
        db = migrate.open_upgraded(request.getfixturevalue("pg_head_url"))
        db.user = "tester"
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, data_dir: Path) -> Path | str:
    """Where a migration test builds its database by hand: the data folder's SQLite file, or a new
    empty PostgreSQL database (open it with pg.open_database)."""
    from papi_desktop import paths

    return paths.db_path() if request.param == "sqlite" else request.getfixturevalue("pg_url")
