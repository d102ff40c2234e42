"""What the province sends down: its plan (with its ids), reference data, the revocation list and renewed
certificates, in versioned signed bundles. One province and two communes in their own data folders;
the tests run in order on one world (publishing moves the province's counter)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import workbooks
from sqlalchemy import func, select
from sync_world import COMMUNE_PASS, PASS, Commune, Province, at

from papi_desktop import cli, paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.exports import signing
from papi_desktop.services import downstream, keys, plan_import, progress, province, reference, task_state
from papi_desktop.services import plan as plan_service
from papi_desktop.services import sync as sync_service
from papi_desktop.storage.models import (
    ChangeLog,
    Evidence,
    LocalSetting,
    Plan,
    PlanSection,
    ProgressUpdate,
    Task,
)
from papi_desktop.storage.sync_state import Enrolment
from papi_desktop.sync import bundle, pki

TODAY = date(2026, 6, 5)
HOLIDAY = "2026-03-02"  # a day off the province announces after the program shipped
PLAIN_UNIT = "03646"  # Phường Tô Hiệu: set up without a plan


class World:
    def __init__(self, root: Path) -> None:
        self.root, self.out = root, root / "usb-down"
        self.province = Province(root / "province")
        self.plain = Commune(root / "plain", self.province, demo=False, unit=PLAIN_UNIT)
        self.demo = Commune(root / "demo", self.province)  # imported the appendix itself, has progress
        self.published: dict[int, Path] = {}

    def publish(self, reference_dir: Path | None = None) -> Path:
        with at(self.province.dir):
            path = downstream.publish(self.province.db, PASS, self.out, reference_dir)
        version = int(path.name.split("-v")[1].split(".")[0])
        self.published[version] = path
        return path

    def close(self) -> None:
        for db in (self.province.db, self.plain.db, self.demo.db):
            db.dispose()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = World(tmp_path_factory.mktemp("downstream"))
    first = w.demo.export()  # the province holds the demo commune's own 2026 plan before its own
    assert first is not None and w.province.import_(*first.files)[0].status == "applied"
    yield w
    w.close()


def apply(commune: Commune, path: Path, passphrase: str | None = None) -> downstream.DownstreamSummary:
    with at(commune.dir):
        return downstream.apply_downstream(commune.db, path, passphrase)


def tasks(db, unit: str = "") -> dict[tuple[int, str], Task]:  # noqa: ANN001
    """Live tasks of the live plans of one owner, by (dimension, number)."""
    with db.reader() as s:
        rows = s.execute(select(Task, PlanSection.dimension).join(PlanSection, Task.section_id == PlanSection.id)
                         .join(Plan, PlanSection.plan_id == Plan.id)
                         .where(Plan.unit_code == unit, Plan.deleted.is_(False), Task.deleted.is_(False))).all()
        for task, _dim in rows:
            task.milestones, task.section  # noqa: B018 - loaded while the session is open
        return {(dim, t.number): t for t, dim in rows}


def status(db, task_id: str) -> str:  # noqa: ANN001
    """The PC's own commune's status of a task (services/task_state)."""
    return plan_service.task_detail(db, task_id, TODAY).row.status


def done(db, task_id: str) -> list[tuple[str, date]]:  # noqa: ANN001
    return [(m.text, m.done_on) for m in plan_service.task_detail(db, task_id, TODAY).milestones if m.done_on]


def state(commune: Commune) -> tuple[object, ...]:
    """Everything an applied update would change: the log, the accepted version, the files."""
    with at(commune.dir), commune.db.reader() as s:
        log = s.scalar(select(func.count()).select_from(ChangeLog))
        accepted = s.get(LocalSetting, downstream.ACCEPTED_KEY)
        folder = reference.province_dir()
        files = sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in folder.rglob("*") if p.is_file())
        crl = (paths.keys_dir() / "province.crl").read_bytes()
        cert = (paths.keys_dir() / keys.CERT_FILE).read_bytes()
    return log, accepted.value if accepted else None, files, crl, cert


def deadline(commune: Commune) -> date:
    with at(commune.dir):
        return reference.working_calendar().add_working_days(date(2026, 2, 10), 10)


def test_the_province_imports_its_plan_without_a_commune_profile(world: World) -> None:
    prov = world.province
    book = workbooks.plan_workbook(world.root / "phu-luc-2026.xlsx")
    with at(prov.dir):
        preview = plan_import.preview_import(prov.db, book)
        assert not preview.plan_exists  # the demo commune's 2026 plan, held here too, is not the province's
        plan_import.apply_import(prov.db, preview)
        again = plan_import.preview_import(prov.db, book)
    assert again.plan_exists and not again.changes_anything
    mine, theirs = tasks(prov.db), tasks(prov.db, "03985")
    assert len(mine) == len(theirs) == 28 and not set(t.id for t in mine.values()) & set(t.id for t in theirs.values())


def test_a_commune_applies_plan_reference_data_and_revocation_list(world: World) -> None:
    prov, plain = world.province, world.plain
    with at(prov.dir), prov.db.session() as s:  # a PC revoked earlier: the list gets its number 2
        s.add(Enrolment(unit_code="03664", device="cu", serial="abc123", cert_pem="", issued_at="2026-01-01",
                        not_after="2029-01-01"))
    with at(prov.dir):
        province.revoke(prov.db, "03664", "máy bị mất")
    updates = world.root / "cap-nhat"
    updates.mkdir()
    calendar = json.loads((paths.resources_dir() / "reference" / "calendar_vn.json").read_text(encoding="utf-8"))
    calendar["years"]["2026"]["days_off"].append(HOLIDAY)
    (updates / "calendar_vn.json").write_text(json.dumps(calendar, ensure_ascii=False), encoding="utf-8")
    before = deadline(plain)
    path = world.publish(updates)
    assert path.name == "papi-downstream-14-v00001.papi"
    assert (world.province.dir / "downstream" / path.name).read_bytes() == path.read_bytes()  # kept to hand out

    result = apply(plain, path)
    assert (result.status, result.version, result.previous) == ("applied", 1, None)
    assert result.plans[0]["year"] == 2026 and result.plans[0]["tasks"] == 28
    assert result.imported > 28 and result.reference == ["calendar_vn.json"]
    assert result.crl_number == 2 and result.crl_updated
    root = pki_root(plain)
    with at(plain.dir):
        crl = pki.load_crl((paths.keys_dir() / "province.crl").read_bytes(), root)
        assert crl.get_revoked_certificate_by_serial_number(0xABC123) is not None
        assert (reference.province_dir() / "calendar_vn.json").is_file()
    # The province's ids, stamps and texts, unchanged.
    here, there = tasks(plain.db), tasks(prov.db)
    assert {k: (t.id, t.updated_hlc, t.task) for k, t in here.items()} == \
        {k: (t.id, t.updated_hlc, t.task) for k, t in there.items()}
    # The new holiday moves a working-day deadline here, and nowhere that has not applied it.
    assert (before, deadline(plain)) == (date(2026, 3, 3), date(2026, 3, 4))
    assert deadline(world.demo) == date(2026, 3, 3)
    with at(plain.dir):  # the province's changes never travel back up, nor to a PC added later
        assert all(c.origin_node != prov.db.clock.node for c in sync_service.pending(plain.db))
        assert all(c.origin_node != prov.db.clock.node for c in sync_service.pending(plain.db, "ab12cd34ef56"))


def pki_root(commune: Commune) -> object:
    from cryptography import x509

    with at(commune.dir):
        return x509.load_pem_x509_certificate((paths.keys_dir() / "province-root.pem").read_bytes())


def test_progress_survives_a_second_publish_with_edited_texts(world: World) -> None:
    prov, plain = world.province, world.plain
    here = tasks(plain.db)
    early, late = here[(1, "1")], here[(2, "1")]
    with at(plain.dir):
        update = progress.add_update(plain.db, early.id, "2026-H1", "Đã tổ chức hội nghị.", date(2026, 4, 2),
                                     [progress.EvidenceInput("Báo cáo số 5/BC-UBND", date(2026, 4, 2))])
        plan_service.update_task(plain.db, early.id, status="done")  # before the province's edit
        milestone = plan_service.task_detail(plain.db, early.id, TODAY).milestones[0]
        plan_service.set_milestone_done(plain.db, milestone.id, date(2026, 4, 2))
    records = workbooks.seed000_records()
    for rec in records:
        if rec["section"] in ("I", "II") and rec["tt"] == "1":
            rec["task"] += " (sửa theo Kế hoạch số 30/KH-UBND)"
    book = workbooks.plan_workbook(world.root / "phu-luc-2026-sua.xlsx", records)
    with at(prov.dir):
        edited = plan_import.apply_import(prov.db, plan_import.preview_import(prov.db, book))
    assert edited.updated == 2
    with at(plain.dir):
        plan_service.update_task(plain.db, late.id, status="in_progress")  # after the province's edit

    result = apply(plain, world.publish())
    assert (result.status, result.version, result.previous) == ("applied", 2, 1)
    assert result.updated == 3 and result.conflicts == 0  # two tasks, and the plan names its new source file
    after = tasks(plain.db)
    assert after[(1, "1")].task.endswith("(sửa theo Kế hoạch số 30/KH-UBND)") and after[(1, "1")].id == early.id
    assert after[(2, "1")].task.endswith("(sửa theo Kế hoạch số 30/KH-UBND)")
    assert (status(plain.db, early.id), status(plain.db, late.id)) == ("done", "in_progress")
    with plain.db.reader() as s:
        assert s.get(ProgressUpdate, update).task_id == early.id
        assert s.scalar(select(func.count()).select_from(Evidence).where(Evidence.update_id == update)) == 1
    assert (milestone.text, date(2026, 4, 2)) in done(plain.db, early.id)


def test_an_older_or_skipped_version_is_refused_and_nothing_is_written(world: World) -> None:
    plain = world.plain
    third, fourth = world.publish(), world.publish()
    before = state(plain)
    with pytest.raises(KnownError) as skipped:
        apply(plain, fourth)
    assert "phiên bản 4" in skipped.value.vi and "phiên bản 2" in skipped.value.vi and "phiên bản 3" in skipped.value.vi
    assert "version 2" in skipped.value.en and "apply version 3 first" in skipped.value.en
    assert "Nothing was written" in skipped.value.en and state(plain) == before
    assert apply(plain, third).version == 3
    before = state(plain)
    with pytest.raises(KnownError) as older:
        apply(plain, world.published[2])
    assert "older than version 3" in older.value.en and "needs version 4" in older.value.en
    assert state(plain) == before
    again = apply(plain, third)  # the same bundle again: said, not refused
    assert again.status == "unchanged" and state(plain) == before
    assert apply(plain, fourth).status == "applied"


def _forge(world: World, signer: signing.KeyMaterial, name: str, *, members: dict[str, bytes] | None = None,
           **header_values: object) -> Path:
    """The newest published bundle's content, re-signed as the next version, with other members or
    header values if given."""
    with at(world.plain.dir):
        opened = bundle.read_bundle([world.published[max(world.published)]], None, pki_root_pem(world), None,
                                    in_memory=lambda _n: True)
    header = {k: v for k, v in opened.manifest.items() if k not in ("format", "files", "recipients")}
    header["version"] = int(header["version"]) + 1
    header.update(header_values)
    content = {**opened.members, **(members or {})}
    parts, _ = bundle.write_bundle(world.root / "forged", name, header,
                                   [bundle.Member(n, d) for n, d in content.items()], signer, [])
    return parts[0]


def pki_root_pem(world: World) -> bytes:
    return (world.province.dir / "keys" / "province-ca.pem").read_bytes()


def test_a_tampered_or_foreign_signed_update_is_refused(world: World) -> None:
    plain = world.plain
    before = state(plain)
    flipped = world.root / "flipped.papi"
    data = bytearray(world.published[4].read_bytes())
    data[len(data) // 2] ^= 0x01
    flipped.write_bytes(bytes(data))
    other = Province(world.root / "other-province")
    with at(other.dir):
        foreign_office = province.office_material(PASS)
    with at(plain.dir):
        commune_key = keys.load(COMMUNE_PASS)
    with at(world.province.dir):
        office = province.office_material(PASS)
        old_crl = pki.make_crl(province.ca_material(PASS), [], 1)
    reception_change = json.dumps({"origin_node": "x", "origin_seq": 1, "txn_id": "t", "hlc": "h", "unit_code": "",
                                   "table_name": "reception", "record_id": "r", "op": "insert", "row_version": 1,
                                   "actor": "", "at_utc": "", "before_json": None, "after_json": "{}"})
    cases = {
        "flipped": (flipped, "altered"),
        "foreign": (_forge(world, foreign_office, "foreign"), "holds no certificate issued by the province"),
        "commune": (_forge(world, commune_key, "commune"), "not signed by the province office"),
        "old-crl": (_forge(world, office, "old-crl", members={"province.crl": old_crl}), "number 1) is older"),
        "not-plan": (_forge(world, office, "not-plan", members={"changes.jsonl": reception_change.encode() + b"\n"},
                            changes=1), "not the province's plan (reception)"),
        "bad-calendar": (_forge(world, office, "bad-calendar", members={
            "reference/calendar_vn.json": json.dumps({"years": {"2026": {"days_off": ["30/4"]}}}).encode()}),
            "calendar_vn.json cannot be read"),
        "unknown-file": (_forge(world, office, "unknown-file", members={"reference/son_la_units_2025.csv": b"x"}),
                         "Not a replaceable reference file"),
        "expired": (_forge(world, office, "expired", expires_at_utc="2026-01-01T00:00:00+00:00"), "expired on"),
    }
    for name, (path, reason) in cases.items():
        with pytest.raises(KnownError) as refused:
            apply(plain, path)
        assert reason in refused.value.en, name
        assert state(plain) == before, name
    other.db.dispose()


def test_a_self_imported_appendix_takes_the_province_ids_and_keeps_its_progress(world: World) -> None:
    prov, demo = world.province, world.demo
    own = tasks(demo.db, "03985")
    with demo.db.reader() as s:
        update = s.scalars(select(ProgressUpdate).where(ProgressUpdate.deleted.is_(False))).one()
    done_on = {t.id: done(demo.db, t.id) for t in own.values()}
    first_task = next(t for t in own.values() if t.id == update.task_id)
    key = (first_task.section.dimension, first_task.number)
    done_key = next(k for k, t in own.items() if status(demo.db, t.id) == "done")

    result = apply(demo, world.published[4])
    assert (result.status, result.previous) == ("applied", None)  # the first update a PC reads: any version
    assert result.adopted["tasks_matched"] == 28 and result.adopted["updates_moved"] == 1
    assert result.adopted["plans"] == 1
    theirs = tasks(demo.db)
    assert not tasks(demo.db, "03985")  # its own copy is tombstoned, not deleted
    assert {t.id for t in theirs.values()} == {t.id for t in tasks(prov.db).values()}
    with demo.db.reader() as s:
        moved = s.get(ProgressUpdate, update.id)
        assert moved.task_id == theirs[key].id and not moved.deleted
        assert s.scalar(select(func.count()).select_from(Evidence).where(Evidence.update_id == update.id)) == 1
        assert s.get(Task, first_task.id).deleted  # the duplicate stays, as a tombstone
    assert done_on[first_task.id] and done(demo.db, theirs[key].id) == done_on[first_task.id]
    assert status(demo.db, theirs[done_key].id) == "done"
    # The move travels like any edit: the province applies it, and gets none of its own changes back.
    sent = demo.export()
    assert sent is not None
    summary = prov.import_(*sent.files)[0]
    assert summary.status == "applied", summary.reasons
    with prov.db.reader() as s:
        assert s.get(ProgressUpdate, update.id).task_id == theirs[key].id
        assert s.get(Task, first_task.id).deleted
        # The commune's status arrived as its own record: the province's task row is untouched.
        assert not s.scalar(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.record_id == theirs[done_key].id, ChangeLog.origin_node == demo.db.clock.node))
    assert [(c.unit_code, c.status) for c in task_state.commune_states(prov.db, theirs[done_key].id)] == \
        [("03985", "done")]
    assert status(prov.db, theirs[done_key].id) == "not_started"  # the province keeps no progress of its own


def test_a_renewed_certificate_is_installed_with_the_same_key(world: World) -> None:
    prov, plain = world.province, world.plain
    with at(plain.dir):
        old = keys.load(COMMUNE_PASS)
    with at(prov.dir):
        downstream.renew_certificate(prov.db, PLAIN_UNIT, plain.device, PASS, years=5)
    path = world.publish()
    pending = apply(plain, path)
    assert pending.status == "applied" and pending.certificate == "pending"
    assert any("passphrase" in m for m in pending.as_json("en")["messages"])
    installed = apply(plain, path, COMMUNE_PASS)  # the same update again, now with the passphrase
    assert (installed.status, installed.certificate) == ("unchanged", "installed")
    with at(plain.dir):
        new = keys.load(COMMUNE_PASS)
    assert new.cert.serial_number != old.cert.serial_number
    assert new.cert.not_valid_after_utc > old.cert.not_valid_after_utc
    assert new.key.private_numbers() == old.key.private_numbers()
    assert apply(plain, path, COMMUNE_PASS).certificate == ""  # nothing more to install


def test_command_line_publish_and_apply(world: World, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PAPI_TEST_PASS", PASS)
    with at(world.province.dir), world.province.db.session() as s:  # as if restored from an older backup
        s.get(LocalSetting, downstream.PUBLISHED_KEY).value = "2"
    with at(world.province.dir):  # the copies it kept still move the number on
        assert cli.run(["province", "publish", "--out", str(world.out), "--passphrase-env", "PAPI_TEST_PASS",
                        "--json"]) == 0
    path = Path(json.loads(capsys.readouterr().out)["file"])
    with at(world.plain.dir):
        assert cli.run(["--lang", "en", "sync", "downstream", str(path), "--json"]) == 0
        result = json.loads(capsys.readouterr().out)
        assert (result["status"], result["version"], result["previous"]) == ("applied", 6, 5)
        assert cli.run(["--lang", "en", "sync", "downstream", str(world.published[2])]) == 2
        assert "needs version 7" in capsys.readouterr().err
        assert cli.run(["deadline", "--from", "2026-02-10", "--working-days", "10"]) == 0
        assert capsys.readouterr().out.strip() == "2026-03-04"
    assert os.environ["PAPI_TEST_PASS"] == PASS


def test_a_newer_shipped_file_wins_over_an_older_province_copy(data_dir: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A program update may ship data newer than the province's last update: the "revised" dates decide."""
    shipped = json.loads((paths.resources_dir() / "reference" / "calendar_vn.json").read_text(encoding="utf-8"))
    copy = json.loads(json.dumps(shipped))
    copy["revised"] = "2026-05-01"
    copy["years"]["2026"]["days_off"].append(HOLIDAY)
    (data_dir / "reference").mkdir(parents=True)
    (data_dir / "reference" / "calendar_vn.json").write_text(json.dumps(copy), encoding="utf-8")
    reference.clear_caches()
    assert reference.working_calendar().add_working_days(date(2026, 2, 10), 10) == date(2026, 3, 4)
    resources = data_dir.parent / "resources"
    (resources / "reference").mkdir(parents=True)
    shipped["revised"] = "2026-09-01"
    (resources / "reference" / "calendar_vn.json").write_text(json.dumps(shipped), encoding="utf-8")
    monkeypatch.setattr(paths, "resources_dir", lambda: resources)
    reference.clear_caches()
    try:
        assert reference.working_calendar().add_working_days(date(2026, 2, 10), 10) == date(2026, 3, 3)
    finally:
        monkeypatch.undo()
        reference.clear_caches()


def test_a_pc_enrolled_after_a_publish_gets_the_plan_in_its_package(world: World) -> None:
    from types import SimpleNamespace

    from papi_desktop.services import enrolment, setup

    prov, folder = world.province, world.root / "late"
    with at(folder):
        db = setup.open_database(user="van-phong-late")
        setup.setup_commune(db, "03664", chairman_name="Lò Văn Minh")
        request = enrolment.request(db, COMMUNE_PASS)
    package_path = prov.issue(request, world.root / "late-pkg" / "dang-ky.papi")
    late = SimpleNamespace(dir=folder, db=db)
    try:
        with at(folder):
            package = enrolment.read_package(package_path)
            assert any(n.startswith(enrolment.UPDATE_PREFIX) for n in package.members)
            enrolment.install(db, package, COMMUNE_PASS, package.root_fingerprint)
            update = enrolment.apply_carried_update(db, package, COMMUNE_PASS)
        with prov.db.reader() as s:  # the newest the province published (by the command line too)
            newest = int(s.get(LocalSetting, downstream.PUBLISHED_KEY).value)
        assert (update.status, update.version, update.previous) == ("applied", newest, None)
        assert {t.id for t in tasks(db).values()} == {t.id for t in tasks(prov.db).values()}
        with at(folder):  # the same update read again from a stick: already applied
            assert enrolment.apply_carried_update(db, package, COMMUNE_PASS).status == "unchanged"
        result = apply(late, world.publish())  # the next one applies on top of it
        assert (result.status, result.version, result.previous) == ("applied", newest + 1, newest)
    finally:
        db.dispose()


def test_command_line_renews_a_certificate_that_the_next_publish_carries(world: World, monkeypatch: pytest.MonkeyPatch,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    prov, plain = world.province, world.plain
    monkeypatch.setenv("PAPI_TEST_PASS", PASS)
    with at(prov.dir):  # the PC holds every update so far (the last one went to a PC enrolled later)
        newest = downstream.latest_published()[0]
    assert apply(plain, newest).status == "applied"
    with at(prov.dir):
        assert cli.run(["--lang", "en", "province", "renew", PLAIN_UNIT, plain.device, "--years", "11",
                        "--passphrase-env", "PAPI_TEST_PASS"]) == 2
        assert "must be 1 to 10" in capsys.readouterr().err
        # Longer than the renewal an earlier test installed (5 years): a shorter one would not replace it.
        assert cli.run(["province", "renew", PLAIN_UNIT, plain.device, "--years", "6", "--passphrase-env",
                        "PAPI_TEST_PASS", "--json"]) == 0
    renewed = json.loads(capsys.readouterr().out)
    assert (renewed["unit_code"], renewed["device"]) == (PLAIN_UNIT, plain.device)
    result = apply(plain, world.publish(), COMMUNE_PASS)
    assert result.certificate == "installed"
    with at(plain.dir):
        assert f"{keys.load(COMMUNE_PASS).cert.serial_number:x}" == renewed["serial"]
