"""The province holds every commune's profile, received in their bundles: none of them is its own.
Reopened, it once took the first as its own (db.unit_code '03985'), and a plan import then found that
commune's plan as the province's."""

from __future__ import annotations

import shutil
from pathlib import Path

from papi_desktop.services import plan_import, province, setup
from papi_desktop.storage.models import CommuneProfile, Plan

KEPT = Path(__file__).resolve().parents[1] / "storage" / "releases" / "0.1.0-0010-province.sqlite"


def test_a_reopened_province_has_no_commune_of_its_own(data_dir: Path, tmp_path: Path) -> None:
    import workbooks

    copy = tmp_path / "papi.db"
    shutil.copyfile(KEPT, copy)
    db = setup.open_database(copy, backups_dir=tmp_path / "backups")
    try:
        assert province.is_province(db)
        with db.reader() as s:
            assert s.query(CommuneProfile).count() >= 1  # the communes' profiles are there...
        assert setup.get_profile(db) is None  # ...and none is the province's
        assert db.unit_code == ""
        book = workbooks.plan_workbook(tmp_path / "plan.xlsx")
        preview = plan_import.preview_import(db, book)
        with db.reader() as s:
            own = s.query(Plan).filter(Plan.year == preview.parsed.year, Plan.unit_code == "").count()
            communes = s.query(Plan).filter(Plan.year == preview.parsed.year, Plan.unit_code != "").count()
        assert communes >= 1 and own == 0
        assert not preview.plan_exists and preview.added == len(preview.parsed.tasks)  # not a commune's plan
    finally:
        db.dispose()
