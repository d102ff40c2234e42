"""Shared fixtures: a temporary data folder, a migrated database, the demo commune."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/workbooks.py

import pytest  # noqa: E402

from papi_desktop import paths  # noqa: E402

TODAY = date(2026, 11, 22)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def data_dir(tmp_path: Path):
    paths.set_override(tmp_path / "data")
    yield tmp_path / "data"
    paths.set_override(None)


@pytest.fixture
def bare_db(data_dir: Path):
    """A migrated database with no commune set up yet."""
    from papi_desktop.services import setup

    db = setup.open_database(user="tester")
    yield db
    db.dispose()


@pytest.fixture
def db(bare_db):
    """A migrated database set up for Xã Chiềng Sơn."""
    from papi_desktop.services import setup

    setup.setup_commune(bare_db, "03985", chairman_name="Lò Văn Minh")
    return bare_db


@pytest.fixture
def plan_db(db, tmp_path: Path):
    """The seed 000 plan (28 tasks) imported through the real importer."""
    import workbooks

    from papi_desktop.services import plan_import

    book = workbooks.plan_workbook(tmp_path / "plan.xlsx")
    plan_import.apply_import(db, plan_import.preview_import(db, book))
    return db
