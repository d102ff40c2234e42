"""The enrolment package always carries the province's current update (issue 10 §2): a province that
never published publishes at issue, one whose plan or revocations changed since its last publish
publishes the next version, one that is current hands out the newest as it was; the new PC applies
it and then takes the next publish like any other. And the report templates the update brings (§6):
listed with the version and date that brought them, copied out, by the service and the command line.
One province and its communes in their own data folders; the tests run in order on one world."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
import workbooks
from cli_runner import run_cli
from sync_world import COMMUNE_PASS, PASS, Province, at

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import (
    downstream,
    enrolment,
    plan_import,
    province,
    province_templates,
    reference,
    setup,
)
from papi_desktop.storage.models import Plan, PlanSection, Task
from papi_desktop.sync import bundle

EDIT = " (sửa theo Kế hoạch số 30/KH-UBND)"


class World:
    def __init__(self, root: Path) -> None:
        self.root, self.out = root, root / "usb-down"
        self.province = Province(root / "province")
        self.communes: dict[str, SimpleNamespace] = {}

    def enrol(self, name: str, unit: str) -> tuple[SimpleNamespace, enrolment.Issued, enrolment.Package]:
        """A new PC: its request, the province's package (issue_package), installed; not applied yet."""
        folder = self.root / name
        with at(folder):
            db = setup.open_database(user=f"van-phong-{name}")
            setup.setup_commune(db, unit, chairman_name="Lò Văn Minh")
            request = enrolment.request(db, COMMUNE_PASS)
        with at(self.province.dir):
            issued = enrolment.issue_package(self.province.db, request, PASS, self.root / f"{name}-pkg" / "goi.papi")
        pc = SimpleNamespace(dir=folder, db=db)
        self.communes[name] = pc
        with at(folder):
            package = enrolment.read_package(issued.path)
            enrolment.install(db, package, COMMUNE_PASS, package.root_fingerprint)
        return pc, issued, package

    def publish(self, reference_dir: Path | None = None) -> Path:
        with at(self.province.dir):
            return downstream.publish(self.province.db, PASS, self.out, reference_dir)

    def close(self) -> None:
        for db in [self.province.db, *(c.db for c in self.communes.values())]:
            db.dispose()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = World(tmp_path_factory.mktemp("enrol-update"))
    yield w
    w.close()


def tasks(db) -> dict[str, str]:  # noqa: ANN001
    """Task id -> text of the province's live plan as a PC holds it."""
    with db.reader() as s:
        rows = s.execute(select_tasks()).all()
    return {tid: text for tid, text in rows}


def select_tasks():  # noqa: ANN201
    from sqlalchemy import select

    return (select(Task.id, Task.task).join(PlanSection, Task.section_id == PlanSection.id)
            .join(Plan, PlanSection.plan_id == Plan.id)
            .where(Plan.unit_code == "", Plan.deleted.is_(False), Task.deleted.is_(False)))


def apply(pc: SimpleNamespace, path: Path) -> downstream.DownstreamSummary:
    with at(pc.dir):
        return downstream.apply_downstream(pc.db, path, COMMUNE_PASS)


def test_a_province_that_never_published_publishes_its_plan_at_issue(world: World) -> None:
    prov = world.province
    with at(prov.dir):  # nothing to send yet: no update is made for nothing
        assert downstream.freshness(prov.db) == downstream.Freshness(0, [], False)
    book = workbooks.plan_workbook(world.root / "phu-luc-2026.xlsx")
    with at(prov.dir):
        plan_import.apply_import(prov.db, plan_import.preview_import(prov.db, book))
        state = downstream.freshness(prov.db)
    assert (state.version, state.has_content, state.current) == (0, True, False)

    first, issued, package = world.enrol("first", "03646")
    assert (issued.update_version, issued.published) == (1, True)
    assert "đã phát hành phiên bản 1" in issued.messages[0][0] and "published version 1" in issued.messages[0][1]
    assert [n for n in package.members if n.startswith(enrolment.UPDATE_PREFIX)] == \
        [enrolment.UPDATE_PREFIX + "papi-downstream-14-v00001.papi"]
    with at(first.dir):
        update = enrolment.apply_carried_update(first.db, package, COMMUNE_PASS)
        assert downstream.accepted_version(first.db) == 1
    assert (update.status, update.version, update.previous) == ("applied", 1, None)
    assert update.plans[0]["year"] == 2026 and update.plans[0]["tasks"] == 28
    mine = tasks(prov.db)
    assert len(mine) == 28 and tasks(first.db) == mine  # the province's ids and texts

    # Nothing changed since: the next PC gets version 1 as it was, and nothing is published for it.
    second, again, package = world.enrol("second", "03664")
    assert (again.update_version, again.published, again.changed) == (1, False, [])
    assert "phiên bản 1" in again.messages[0][0] and "published before" in again.messages[0][1]
    with at(prov.dir):
        assert downstream.newest_published_version() == 1
    with at(second.dir):
        assert enrolment.apply_carried_update(second.db, package, COMMUNE_PASS).version == 1

    # The version stays one sequence: the next publish applies on top of the one from the package.
    result = apply(first, world.publish())
    assert (result.status, result.version, result.previous) == ("applied", 2, 1)


def test_a_plan_edit_and_a_revocation_since_the_last_publish_publish_the_next_version(world: World) -> None:
    prov, first = world.province, world.communes["first"]
    records = workbooks.seed000_records()
    for rec in records:
        if rec["section"] == "I" and rec["tt"] == "1":
            rec["task"] += EDIT
    book = workbooks.plan_workbook(world.root / "phu-luc-2026-sua.xlsx", records)
    with at(prov.dir):
        assert downstream.freshness(prov.db).current
        plan_import.apply_import(prov.db, plan_import.preview_import(prov.db, book))
        province.revoke(prov.db, "03664", "máy bị mất")  # the second commune's PC
        state = downstream.freshness(prov.db)
    assert (state.version, state.changed) == (2, ["plan", "revocations"])

    # Before, the package carried version 2 as it was: the old plan, and a revocation list older than
    # the package's own, which the new PC refused.
    third, issued, package = world.enrol("third", "03985")
    assert (issued.update_version, issued.published, issued.changed) == (3, True, ["plan", "revocations"])
    assert "kế hoạch, danh sách thu hồi" in issued.messages[0][0] and "version 3" in issued.messages[0][1]
    with at(third.dir):
        update = enrolment.apply_carried_update(third.db, package, COMMUNE_PASS)
    assert (update.status, update.version, update.crl_number) == ("applied", 3, 2)
    assert sum(text.endswith(EDIT) for text in tasks(third.db).values()) == 1
    assert tasks(third.db) == tasks(prov.db)
    with at(prov.dir):  # the copy kept, which every commune is given
        (kept,) = downstream.latest_published()
    assert kept.name == "papi-downstream-14-v00003.papi"
    result = apply(first, kept)
    assert (result.status, result.version, result.previous, result.updated) == ("applied", 3, 2, 2)


def _template_dir(root: Path, content: bytes | None = None) -> tuple[Path, bytes]:
    folder = root / "tham-chieu"
    (folder / "templates").mkdir(parents=True, exist_ok=True)
    book = workbooks.budget_workbook(folder / "templates" / "bieu_mau.xlsx", form="Mẫu CKNS-01")
    if content is not None:
        book.write_bytes(content)
    return folder, book.read_bytes()


def test_templates_the_update_brings_are_listed_and_copied(world: World, tmp_path: Path) -> None:
    prov, first = world.province, world.communes["first"]
    with at(first.dir):
        assert province_templates.listed(first.db) == []
    folder, data = _template_dir(world.root)
    path = world.publish(folder)
    with at(prov.dir):
        manifest = bundle.read_bundle([path], None, province.root_pem(), None, in_memory=lambda _n: False,
                                      stop_after_manifest=lambda _o: True).manifest
    assert "templates/bieu_mau.xlsx" in manifest["reference"]
    result = apply(first, path)
    assert (result.version, result.reference) == (4, ["templates/bieu_mau.xlsx"])
    with at(first.dir):
        (listed,) = province_templates.listed(first.db)
        assert reference.template_file("bieu_mau.xlsx").read_bytes() == data
    assert (listed.name, listed.size, listed.version, listed.published) == \
        ("bieu_mau.xlsx", len(data), 4, manifest["created_at_utc"])

    with at(first.dir):
        copy = province_templates.save_copy("bieu_mau.xlsx", tmp_path / "ban-sao.xlsx")
        into = province_templates.save_copy("bieu_mau.xlsx", tmp_path)  # a folder: the template's own name
        for hostile in ("../calendar_vn.json", "..", "", ".hidden", "khong_co.xlsx"):
            with pytest.raises(KnownError, match="Không có mẫu biểu"):
                province_templates.save_copy(hostile, tmp_path / "x")
    assert copy.read_bytes() == data and into == tmp_path / "bieu_mau.xlsx" and into.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ban-sao.xlsx", "bieu_mau.xlsx"]  # no .part left

    # A later update that sends the same template again keeps the version that brought it; a new
    # content is a new arrival.
    assert apply(first, world.publish()).reference == []
    with at(first.dir):
        assert province_templates.listed(first.db)[0].version == 4
    folder, changed = _template_dir(world.root, data + b"\0")  # any bytes: the file is only kept and copied
    assert apply(first, world.publish(folder)).reference == ["templates/bieu_mau.xlsx"]
    with at(first.dir):
        assert [(t.version, t.size) for t in province_templates.listed(first.db)] == [(6, len(changed))]


def test_command_line_lists_and_copies_the_templates(world: World, tmp_path: Path) -> None:
    first = world.communes["first"]
    listed = run_cli(first.dir, "reference", "templates", "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert (row["name"], row["version"]) == ("bieu_mau.xlsx", 6) and row["published"]
    text = run_cli(first.dir, "--lang", "en", "reference", "templates")
    assert text.returncode == 0 and text.stdout.startswith("bieu_mau.xlsx\t") and "version 6" in text.stdout
    out = tmp_path / "mau.xlsx"
    copied = run_cli(first.dir, "reference", "template", "bieu_mau.xlsx", "--out", str(out))
    assert copied.returncode == 0, copied.stderr
    assert copied.stdout.strip() == str(out)
    with at(first.dir):
        assert out.read_bytes() == reference.template_file("bieu_mau.xlsx").read_bytes()
    refused = run_cli(first.dir, "--lang", "en", "reference", "template", "../calendar_vn.json", "--out", str(out))
    assert refused.returncode == 2 and "holds no template" in refused.stderr
    empty = run_cli(world.communes["third"].dir, "reference", "templates")
    assert empty.returncode == 0 and "Chưa nhận mẫu biểu nào" in empty.stdout


def test_command_line_issue_says_which_update_the_package_carries(world: World, tmp_path: Path) -> None:
    folder = tmp_path / "late"
    with at(folder):
        db = setup.open_database(user="van-phong-late")
        setup.setup_commune(db, "03670", chairman_name="Lò Văn Minh")
        request = tmp_path / "yeu-cau.json"
        request.write_bytes(enrolment.request(db, COMMUNE_PASS))
    db.dispose()
    out = tmp_path / "goi.papi"
    issued = run_cli(world.province.dir, "--lang", "en", "enrol", "issue", str(request), "--out", str(out),
                     "--passphrase-env", "TINH_PASS", TINH_PASS=PASS)
    assert issued.returncode == 0, issued.stderr
    assert issued.stdout.strip() == str(out)  # scripts read the path from stdout
    assert "update version 6" in issued.stderr and "published before" in issued.stderr
