"""Write the databases this release keeps in tests/storage/releases/, for every later migration to be
tested on (tests/storage/test_release_dbs.py).

    python tests/storage/releases/make_release_db.py            # writes <version>-<head>-{commune,province}.sqlite

Everything is made through the program's own services, as a commune and the province would: the demo
commune (its plan, progress with evidence, registers, budgets, poverty review, postings) on PC A,
with more of each register, an indicator, a dialogue with its commitments, a petition's steps, a
signed report from the register of outgoing documents; a second PC B of the commune joins, the two
exchange cards and bundles and both edit one task's note (a conflict kept on A); A sends its bundle
to the province, which enters the signed report in its register of incoming documents, and A reads
the province's receipt.

A single installation never has a row in every table (a commune PC issues no certificates, the
province has no sibling PC), so the release keeps two files: A's database and the province's. The
script asserts that together they have a row in every table, and which tables each must fill.
No service writes sync_quarantine yet (a quarantined bundle is only marked on sync_bundle_in), so one
row is added to the province's through its model: a migration of that table is then tested on a row.

Names, addresses and identity numbers are fictitious. The program must be as committed (best: a clean
checkout of the release commit, `git worktree add --detach DIR COMMIT`, with this script copied in):
the manifest records the commit that made the files and the SHA-256 of its migration scripts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the package from this tree; tests/sync_world.py

from sqlalchemy import select
from sync_world import COMMUNE_PASS, Commune, Province, at

from papi_desktop import __version__
from papi_desktop.services import (
    dialogues,
    petitions,
    postings,
    poverty,
    progress,
    reception,
    reports,
)
from papi_desktop.services import plan as plan_service
from papi_desktop.storage import migrate
from papi_desktop.storage.models import Task
from papi_desktop.storage.sync_state import Quarantine

VERSIONS = ROOT / "papi_desktop" / "storage" / "migrations" / "versions"
TODAY = date(2026, 6, 10)
# Written only at the province: a commune PC's file has none of these.
PROVINCE_ONLY = frozenset({"sync_enrolment", "sync_incoming_document", "sync_quarantine"})


def migration_hashes() -> dict[str, str]:
    """SHA-256 of each migration script, line endings as committed (a checkout with CRLF hashes alike)."""
    return {p.name: hashlib.sha256(p.read_bytes().replace(b"\r\n", b"\n")).hexdigest()
            for p in sorted(VERSIONS.glob("*.py"))}


def table_counts(path: Path) -> dict[str, int]:
    """Rows per table, FTS tables left out (a migration may rebuild an index without losing data)."""
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names if "_fts" not in n}


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def fill_commune(a: Commune, root: Path) -> None:
    """More of every register than the demo has, on PC A."""
    db = a.db
    with at(a.dir):
        info = plan_service.current_plan(db, 2026)
        assert info is not None
        tasks = plan_service.list_tasks(db, plan_service.TaskFilter(plan_id=info.id), TODAY)
        proof = root / "bien-ban-hop-dan.pdf"
        proof.write_bytes(b"%PDF-1.4\n% bien ban hop dan ban Hin (mau)\n")
        progress.add_update(db, tasks[2].id, "2026-H1", "Đã tổ chức họp dân tại 4 bản.", date(2026, 5, 20),
                            [progress.EvidenceInput("Biên bản số 05/BB-UBND", date(2026, 5, 20),
                                                    "Biên bản họp dân bản Hin", file=proof)])
        plan_service.update_task(db, tasks[3].id, status="in_progress", note="Chờ kinh phí quý III")
        indicator = progress.add_indicator(db, info.id, "Tỷ lệ hồ sơ giải quyết đúng hạn", unit="%", target="100",
                                           responsible="Văn phòng HĐND và UBND xã")
        progress.set_indicator_value(db, indicator, "2026-H1", "97,5")

        visit = reception.add_reception(db, reception.ReceptionInput(
            received_on=date(2026, 5, 6), citizens=[
                reception.CitizenInput("Hà Văn Thắng", "Bản Mòng, xã Chiềng Sơn", "014085000321", birth_year=1985)],
            summary="Đề nghị sửa đường nội bản bị sạt lở", classes=["kien_nghi"], reception_type="regular",
            receiver="Quàng Văn Dũng", direction="accept"), track_reply=True)
        assert visit
        pet_ids = petitions.petition_ids(db)
        petitions.add_step(db, pet_ids[-1], "accept", date(2026, 3, 9), "08/TB-UBND", "Thụ lý đơn khiếu nại")

        dialogue = dialogues.add_dialogue(db, dialogues.DialogueInput(
            held_on=date(2026, 3, 12), title="Hội nghị đối thoại với Nhân dân về đất đai", place="Hội trường UBND xã",
            chair="Lò Văn Minh", secretary="Quàng Văn Dũng", started_at="08:00", ended_at="11:00",
            attendance={"Nhân dân": 54, "Cán bộ": 9}, topics="Cấp giấy chứng nhận quyền sử dụng đất"))
        issue = dialogues.add_issue(db, dialogue, dialogues.IssueInput(
            "Thời gian cấp giấy chứng nhận còn chậm", raised_by="Lò Văn Bình", village="Bản Hin",
            field="Đất đai", answer="Xã sẽ rà soát hồ sơ tồn đọng", answered_by="Lò Văn Minh"))
        commitment = dialogues.add_commitment(db, issue, "Rà soát và trả lời các hồ sơ tồn đọng",
                                              "Công chức Địa chính", date(2026, 4, 30))
        dialogues.follow_up(db, commitment, date(2026, 4, 28), "Đã trả lời 6 hồ sơ", done=True)

        (posting_id,) = compliance_posting(db)
        photo = root / "anh-niem-yet.png"
        photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        postings.add_attachment(db, posting_id, photo, caption="Niêm yết tại trụ sở UBND xã")
        postings.add_feedback(db, posting_id, date(2026, 1, 15), "Đề nghị công khai chi tiết chi giáo dục",
                              sender="Cầm Văn Tươi", answer="Đã bổ sung bảng chi tiết", answered_on=date(2026, 1, 20))

        review = poverty.review_of_year(db, 2026)
        assert review is not None
        households = poverty.households(db, review.id)
        objection = poverty.add_objection(db, review.id, date(2026, 5, 12), "Hộ có xe ô tô, đề nghị xem lại",
                                          sender="Tổ trưởng bản Mòng", household_id=households[2].id)
        poverty.recheck(db, objection, date(2026, 5, 19), "Xe của con đã tách hộ; giữ hộ nghèo", "ngheo")

        request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=TODAY),
                                        TODAY)
        result = reports.export(db, request, root / "bao-cao", reports.SignOptions(COMMUNE_PASS), TODAY)
        assert result.files, "the signed report"


def compliance_posting(db) -> list[str]:
    """The approved budget estimate's posting, the demo's first."""
    from papi_desktop.services import compliance

    ids = compliance.posting_ids(db, year=2026)
    rows = compliance.posting_rows(db, ids, TODAY)
    return [r.id for r in rows if r.kind == "budget_estimate_approved"]


def build(root: Path) -> dict[str, Path]:
    prov = Province(root / "province")
    a = Commune(root / "pc-a", prov)
    b = Commune(root / "pc-b", prov, join=True)
    fill_commune(a, root)

    a.add_peer(b.card(root / "b.card.papi"))
    b.add_peer(a.card(root / "a.card.papi"))
    (to_b,) = b.import_(*a.export(root / "a-to-b", peer=b.device).files)
    assert to_b.status == "applied", to_b.reasons
    a.receipt(to_b.receipt)
    with a.db.reader() as s:
        task_id = s.scalar(select(Task.id).where(Task.deleted.is_(False)).order_by(Task.position).limit(1))
    with at(a.dir):
        plan_service.update_task(a.db, task_id, note="Đã giao Văn phòng theo dõi")
    with at(b.dir):
        plan_service.update_task(b.db, task_id, note="Giao Công chức Tư pháp theo dõi")
    (on_a,) = a.import_(*b.export(root / "b-to-a", peer=a.device).files)
    assert on_a.status == "applied" and on_a.conflicts == 1, on_a.reasons

    (at_province,) = prov.import_(*a.export(root / "a-to-province").files)
    assert at_province.status == "applied", at_province.reasons
    assert a.receipt(at_province.receipt).status == "applied"
    with prov.db.session() as s:
        s.add(Quarantine(bundle_id=at_province.bundle_id, origin=f"{a.device}:1", table_name="bang_la",
                         record_id="00000000-0000-7000-8000-000000000000",
                         reason_vi="Bảng “bang_la” không có trong chương trình này.",
                         reason_en="This program has no table “bang_la”.", change_json="{}",
                         created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
    for db in (a.db, b.db, prov.db):
        db.dispose()
    return {"commune": a.dir / "papi.db", "province": prov.dir / "papi.db"}


def compact(source: Path, target: Path) -> None:
    """A consistent copy (WAL folded in), vacuumed; still in WAL mode as the program leaves it."""
    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    conn = sqlite3.connect(target)
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for leftover in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        leftover.unlink(missing_ok=True)


def main() -> int:
    import papi_desktop

    assert Path(papi_desktop.__file__).resolve().is_relative_to(ROOT), "the program of this tree, not another"
    if _git("status", "--porcelain", "--", "papi_desktop"):
        print("Commit the program first (or run in a clean checkout of the release commit: git worktree): the "
              "manifest names the commit that made the files.", file=sys.stderr)
        return 1
    head = migrate.head_revision()
    stem = f"{__version__}-{head}"
    kept: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        made = build(Path(tmp))
        for role, source in made.items():
            target = HERE / f"{stem}-{role}.sqlite"
            compact(source, target)
            counts = table_counts(target)
            with sqlite3.connect(target) as conn:
                assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
            kept[target.name] = {"role": role, "size": target.stat().st_size, "tables": counts}
    by_role = {v["role"]: v["tables"] for v in kept.values()}
    empty_commune = {t for t, n in by_role["commune"].items() if not n}  # type: ignore[union-attr]
    empty_province = {t for t in PROVINCE_ONLY if not by_role["province"].get(t)}  # type: ignore[union-attr]
    assert empty_commune == PROVINCE_ONLY, f"commune tables without a row: {sorted(empty_commune - PROVINCE_ONLY)}"
    assert not empty_province, f"province tables without a row: {sorted(empty_province)}"
    manifest = {
        "version": __version__, "revision": head, "commit": _git("rev-parse", "HEAD"),
        "made_on": dt.date.today().isoformat(), "script": "tests/storage/releases/make_release_db.py",
        "migrations": migration_hashes(), "files": kept,
    }
    (HERE / f"{stem}.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")
    for name, info in kept.items():
        print(f"{name}: {info['size']:,} bytes, {sum(info['tables'].values()):,} rows")  # type: ignore[union-attr]
    return 0


if __name__ == "__main__":
    sys.exit(main())
