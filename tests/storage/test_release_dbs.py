"""Databases written by released versions (tests/storage/releases/), opened by today's program.

Rebuilding an old schema from today's migration scripts cannot catch a released migration that was
edited afterwards: the rebuilt database follows the edit, the PCs in the communes do not. So each
release keeps real files, filled through the program's own services (a commune PC's database and the
province's, together a row in every table), and every test here runs on a copy of each:

- the program's normal opening path (services.setup.open_database: integrity check, backup, upgrade);
- PRAGMA integrity_check and foreign_key_check; no table lost a row;
- the schema after the upgrade is the schema a new database gets (an edited old migration shows here);
- the main reads: overview, plan, registers, search (the province's dashboard on the province's file);
- opening it again changes nothing.

And the migration scripts a release ran are frozen: their SHA-256, recorded in the release's manifest
(<version>-<revision>.json), must match the scripts in the tree. A released migration is never edited;
a change to a released schema is a new migration.

To keep a new release's databases (when a release adds a migration, or at least a table):
1. in a clean checkout of the release commit (``git worktree add --detach DIR COMMIT``) run
   ``python tests/storage/releases/make_release_db.py``; it writes <version>-<head>-commune.sqlite,
   <version>-<head>-province.sqlite and <version>-<head>.json, and fails unless the files have a row
   in every table (add the new tables' records to its fill_commune);
2. add their line to tests/storage/releases/README.md (which commit made them);
3. commit the three files. Never regenerate a kept release's files: they stand for the PCs in use.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from papi_desktop.services import (
    compliance,
    conflicts,
    dialogues,
    incoming,
    overview,
    petitions,
    plan,
    poverty,
    province,
    province_view,
    reception,
    reports,
    setup,
)
from papi_desktop.storage import migrate
from papi_desktop.storage.db import Database

RELEASES = Path(__file__).resolve().parent / "releases"
VERSIONS = migrate.MIGRATIONS_DIR / "versions"
MANIFESTS = sorted(RELEASES.glob("*.json"))
KEPT = [(manifest, name) for manifest in MANIFESTS for name in sorted(json.loads(manifest.read_text("utf-8"))["files"])]
TODAY = date(2026, 11, 22)
# Tables a later migration dropped or renamed on purpose (old name -> new name, or None), so that their
# rows are not counted as lost; none yet.
RETIRED: dict[str, str | None] = {}


def _manifest(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names if "_fts" not in n}


def _schema(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE "
                                   "'sqlite_%'"))


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def _open(path: Path, backups: Path) -> Database:
    return setup.open_database(path, backups_dir=backups, user="kiem-thu")


@pytest.fixture(params=KEPT, ids=[name for _m, name in KEPT])
def kept(request: pytest.FixtureRequest, data_dir: Path) -> tuple[Path, dict, dict]:
    """A copy of one kept database in a data folder of its own, with its manifest and its entry."""
    manifest_path, name = request.param
    manifest = _manifest(manifest_path)
    data_dir.mkdir(parents=True, exist_ok=True)
    copy = data_dir / "papi.db"
    shutil.copyfile(RELEASES / name, copy)
    return copy, manifest, manifest["files"][name]


def test_releases_are_kept() -> None:
    """At least this release's files; each manifest names files that exist, and each file one manifest."""
    assert MANIFESTS and KEPT
    assert {p.name for p in RELEASES.glob("*.sqlite")} == {name for _m, name in KEPT}
    readme = (RELEASES / "README.md").read_text("utf-8")
    for manifest in MANIFESTS:
        assert manifest.stem in readme, f"{manifest.stem}: say in releases/README.md which commit made it"


def test_a_kept_file_is_as_its_release_wrote_it(kept: tuple[Path, dict, dict]) -> None:
    copy, manifest, entry = kept
    assert _counts(copy) == entry["tables"]
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == manifest["revision"]


def test_opened_by_this_program_it_keeps_every_row(kept: tuple[Path, dict, dict], data_dir: Path) -> None:
    copy, manifest, _entry = kept
    before = _counts(copy)
    db = _open(copy, data_dir / "backups")
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.dispose()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    after = _counts(copy)
    lost = {t: (n, after.get(RETIRED.get(t) or t, 0)) for t, n in before.items()
            if t not in RETIRED or RETIRED[t] is not None}
    assert {t: v for t, v in lost.items() if v[1] < v[0]} == {}, "rows lost by the upgrade: (before, after)"
    if manifest["revision"] != migrate.head_revision():  # an upgrade ran: the copy before it was kept
        assert list((data_dir / "backups").iterdir())


def test_upgraded_schema_is_the_schema_of_a_new_database(kept: tuple[Path, dict, dict], tmp_path: Path,
                                                         data_dir: Path) -> None:
    """A released migration edited after the release gives new databases another schema than the
    upgraded PCs have: the two must be one."""
    copy = kept[0]
    _open(copy, data_dir / "backups").dispose()
    fresh = tmp_path / "fresh" / "papi.db"
    _open(fresh, tmp_path / "fresh-backups").dispose()
    assert _schema(copy) == _schema(fresh)


def test_the_main_reads_work_on_it(kept: tuple[Path, dict, dict], data_dir: Path) -> None:
    copy, entry = kept[0], kept[2]
    counts = entry["tables"]
    db = _open(copy, data_dir / "backups")
    try:
        profile = setup.get_profile(db)
        if entry["role"] == "province":  # the communes' profiles it holds are none of them its own
            assert profile is None and db.unit_code == ""
        else:
            assert profile is not None and profile.unit_code == db.unit_code
        if entry["role"] == "province":
            _province_reads(db, counts)
        else:
            _commune_reads(db, counts)
    finally:
        db.dispose()


def _commune_reads(db: Database, counts: dict[str, int]) -> None:
    info = plan.current_plan(db, 2026)
    assert info is not None
    tasks = plan.list_tasks(db, plan.TaskFilter(plan_id=info.id), TODAY)
    assert len(tasks) == counts["task"]
    assert sum(d.total for d in plan.dimension_summary(db, info.id, TODAY)) == counts["task"]
    assert {t.status for t in tasks} > {"not_started"}  # the commune's states survived
    detail = plan.task_detail(db, tasks[0].id, TODAY)
    assert detail.milestones
    assert plan.list_tasks(db, plan.TaskFilter(plan_id=info.id, search="tiep cong dan"), TODAY)
    assert overview.due_entries(db, date(2026, 6, 10))

    ids = reception.reception_ids(db)
    assert len(reception.reception_rows(db, ids)) == counts["reception"]
    assert reception.reception_ids(db, search="cam thi")  # FTS over folded names: "Cầm Thị Hoa"
    pet_ids = petitions.petition_ids(db)
    assert len(petitions.petition_rows(db, pet_ids, TODAY)) == counts["petition"]
    assert len(dialogues.dialogue_rows(db, dialogues.dialogue_ids(db))) == counts["dialogue"]
    posting_ids = compliance.posting_ids(db, year=2026)
    assert len(compliance.posting_rows(db, posting_ids, TODAY)) == counts["posting"]
    assert compliance.check_year(db, 2026, TODAY)
    review = poverty.review_of_year(db, 2026)
    assert review is not None and len(poverty.households(db, review.id)) == counts["poverty_household"]
    assert [d.status for d in reports.register(db, 2026)] == ["issued"] * counts["outgoing_document"]
    assert len(conflicts.open_conflicts(db)) == counts["sync_conflict"]


def _province_reads(db: Database, counts: dict[str, int]) -> None:
    assert province.is_province(db)
    board = province_view.communes_board(db)
    assert board and board[0].unit_code
    seen = province_view.overview(db, "2026-H1", TODAY)
    assert seen.communes
    unit = board[0].unit_code
    visits = province_view.reception_ids(db, unit, date(2025, 12, 1), date(2026, 12, 31))
    assert len(province_view.reception_rows(db, visits)) == counts["reception"]
    assert len(incoming.incoming(db, unit)) == counts["sync_incoming_document"]


def test_opening_it_twice_changes_nothing(kept: tuple[Path, dict, dict], data_dir: Path) -> None:
    copy = kept[0]
    _open(copy, data_dir / "backups").dispose()
    once = _dump(copy)
    _open(copy, data_dir / "backups").dispose()
    assert _dump(copy) == once


@pytest.mark.parametrize("manifest_path", MANIFESTS, ids=[m.stem for m in MANIFESTS])
def test_released_migrations_are_never_edited(manifest_path: Path) -> None:
    """Each migration script a kept release ran is in the tree byte for byte (line endings aside)."""
    released = _manifest(manifest_path)["migrations"]
    now = {p.name: hashlib.sha256(p.read_bytes().replace(b"\r\n", b"\n")).hexdigest() for p in VERSIONS.glob("*.py")}
    changed = sorted(name for name, digest in released.items() if now.get(name) != digest)
    assert not changed, (f"released migrations edited or removed: {changed}. Revert them, and make the change "
                         "in a new migration")
