"""The storage tests run on both databases: `bare_db` (and so the shared `db`, a commune set up on it)
is a migrated SQLite file and a migrated PostgreSQL database in turn (tests/pg.py says where the
server comes from). A test that is about SQLite itself asks for `sqlite_db`."""

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


@pytest.fixture
def sqlite_db(data_dir: Path):
    """The desktop's database only: for what is about SQLite itself (pragmas, FTS5, files)."""
    from papi_desktop.services import setup

    db = setup.open_database(user="tester")
    setup.setup_commune(db, "03985", chairman_name="Lò Văn Minh")
    yield db
    db.dispose()
