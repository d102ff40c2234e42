"""Sync benchmark (run apart from the suite):  python3.11 tests/benchmarks/bench_sync.py

The province imports one bundle from each of --communes (75) communes, --changes (10,000) changes
each; then the same bundles again; then a bundle per commune that overlaps the first by half (half
its changes already held, half new). Each import is the whole of services.sync_import.import_with
for one bundle file: decrypt, check the signature and every change, apply in one transaction,
write the BundleIn row and the signed receipt.

Baseline, in the same process, alternated with ours bundle by bundle: plain sqlite3 writing the
same rows into the same tables (same schema, indexes, full-text index and pragmas), and the same
change-log rows (their personal values sealed under each record's key, as the program stores
them), one transaction per bundle, from rows already parsed and in memory (no decryption, no JSON,
no checks): executemany INSERT for the first import; for the repeat and the overlap, the
plain way to skip what is held (the log rows already there found by one range look-up per device
and left out, the new ones sealed and inserted; an upsert guarded by updated_hlc for the rows). Parsing the rows for the baseline is timed apart and printed (baseline_parse_s).

The data: one real commune (the demo commune, then visits with citizens through the bulk path,
visits that open a petition, petition steps and closings, progress on plan tasks with evidence,
indicator values, task edits), each save its own unit of work. Its change log is cloned per commune
with fresh record ids, device id and unit code (ids keep their 24 low hex digits under a prefix per
commune). The 75 PCs are not enrolled through request/issue/install (PBKDF2 and scrypt each):
their certificates are issued directly by the province CA (sync.pki) and recorded with
services.province.record_issue, as enrolment.issue does; the template commune is enrolled for real
and its export is timed once (export_s).

Targets: first import <= 2x the plain inserts; the repeat <= 2 % of the first; an overlapping
bundle writes nothing for the changes already held (counted with SQLite's total_changes() around
apply and the change-log growth, and checked exactly by triggers on a copy: --verify-communes
bundles, every table row and log row written is one of a new change); peak memory of imports
< 300 MB (ru_maxrss of a process that only imports, 5 first and 5 overlapping bundles, its
high-water mark reset after the province key is unlocked: age's scrypt, once per session, is
printed apart as key_unlock_peak_mb; the timed process also holds the baseline, its peak is
printed as import_peak_mb_with_baseline_in_process). Runs are alternated
within one process, bundle by bundle, --runs times (medians and ranges over runs). Quick run:
--communes 5 --changes 2000 --runs 1. --work DIR keeps the generated bundles for the next run with
the same sizes; each bundle's times go to DIR/progress-N.log as run N goes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

FAMILY = ["Lò", "Cầm", "Quàng", "Lường", "Hà", "Vì", "Tòng", "Điêu", "Bạc", "Nguyễn"]
MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Minh"]
GIVEN = ["An", "Bình", "Hoa", "Sơn", "Tiến", "Lan", "Mai", "Dũng", "Xuân", "Tùng", "Hùng", "Thắm"]
VILLAGES = ["Bản Hin", "Bản Mòng", "Bản Nà Ngần", "Bản Co Muông", "Bản Nà Sẳng", "Bản Mé"]
MATTERS = ["Tranh chấp đất đai với hộ liền kề", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
           "Phản ánh ô nhiễm môi trường do chăn nuôi", "Đề nghị hỗ trợ nhà ở cho hộ nghèo",
           "Khiếu nại việc bồi thường khi thu hồi đất", "Kiến nghị sửa chữa đường giao thông nội bản",
           "Tố cáo cán bộ thôn thu tiền sai quy định", "Hỏi chế độ chính sách người có công"]
CLASSES = [["kien_nghi"], ["khieu_nai"], ["phan_anh"], ["to_cao"], ["kien_nghi", "phan_anh"]]
UUID = re.compile(r"[0-9a-f]{8}(?=-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")
TEMPLATE_UNIT = "03985"  # the demo commune


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def reset_peak() -> bool:
    """Start the peak (VmHWM, ru_maxrss) again from the current resident size (Linux 4.0+)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


# ---- the world: one real commune, its change log cloned per commune, bundles on disk (not timed) ----

def _grow(com, target: int) -> None:
    """Saves of a commune's daily work until its change log holds `target` changes."""
    from sqlalchemy import text
    from sync_world import at

    from papi_desktop.services import petitions, plan, progress, reception

    rnd = random.Random(2026)
    db = com.db

    def person() -> reception.CitizenInput:
        return reception.CitizenInput(f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}",
                                      f"{rnd.choice(VILLAGES)}, xã Chiềng Sơn")

    def visit(day: date) -> reception.ReceptionInput:
        return reception.ReceptionInput(received_on=day, citizens=[person() for _ in range(rnd.choice([1, 1, 2, 3]))],
                                        summary=rnd.choice(MATTERS), classes=rnd.choice(CLASSES),
                                        receiver="Quàng Văn Dũng")

    with at(com.dir):
        info = plan.current_plan(db, 2026)
        tasks = [r.id for r in plan.list_tasks(db, plan.TaskFilter(plan_id=info.id), date(2026, 6, 5))]
        indicators = [progress.add_indicator(db, info.id, f"Tỷ lệ hồ sơ giải quyết đúng hạn {i}", "%", "95")
                      for i in range(4)]
        open_petitions: list[tuple[str, date]] = []
        day, n = date(2025, 1, 2), 0
        while True:
            with db.reader() as s:
                if (s.execute(text("SELECT max(seq) FROM change_log")).scalar() or 0) >= target:
                    return
            n += 1
            day += timedelta(days=1)
            with db.session() as s:  # a day's book typed in at once: the bulk path
                reception.bulk_add(s, [visit(day) for _ in range(8)])
            for _ in range(3):
                inp = visit(day)
                reception.add_reception(db, inp, track_reply=True)
            with db.reader() as s:
                newest = s.execute(text("SELECT id FROM petition ORDER BY rowid DESC LIMIT 3")).scalars().all()
            open_petitions.extend((p, day) for p in newest)
            for pid, _since in rnd.sample(open_petitions, min(2, len(open_petitions))):
                petitions.add_step(db, pid, rnd.choice(["propose", "accept", "guide", "reply"]), day,
                                   f"{n}/TB-UBND")
            if n % 2 == 0 and open_petitions:
                pid, _since = open_petitions.pop(rnd.randrange(len(open_petitions)))
                petitions.close(db, pid, day, "Đã trả lời công dân bằng văn bản")
            if n % 5 == 0:
                progress.add_update(db, rnd.choice(tasks), "2026-H1" if day.month <= 6 else "2026-Y",
                                    f"Đã triển khai đợt {n}", day,
                                    [progress.EvidenceInput(f"Báo cáo số {n}/BC-UBND", day, "Kết quả thực hiện")])
                progress.set_indicator_value(db, rnd.choice(indicators), "2026-H1", str(80 + n % 20))
            if n % 10 == 0:
                plan.update_task(db, rnd.choice(tasks), note=f"Cập nhật ngày {day:%d/%m/%Y}")


def _cut(changes: list, at: int) -> int:
    """The number of changes up to the end of the unit of work nearest `at` (bundles never split one)."""
    ends = [i + 1 for i in range(len(changes)) if i + 1 == len(changes) or changes[i + 1].txn_id != changes[i].txn_id]
    return min(ends, key=lambda e: abs(e - at))


def clone(lines: list[str], k: int, node: str, unit: str, template_node: str) -> str:
    """The template's change lines as commune k's: ids under k's prefix, its device, its unit code."""
    prefix = f"{k:08x}"
    text = "\n".join(lines) + "\n"
    text = UUID.sub(prefix, text).replace(template_node, node)
    return text.replace(f'"unit_code": "{TEMPLATE_UNIT}"', f'"unit_code": "{unit}"').replace(
        f'\\"unit_code\\": \\"{TEMPLATE_UNIT}\\"', f'\\"unit_code\\": \\"{unit}\\"')


def _header(payload: str, bundle_id: str, unit: str, node: str) -> dict[str, object]:
    """The manifest export_bundle writes."""
    from papi_desktop import __version__

    seqs, txns = [], set()
    for line in payload.splitlines():
        change = json.loads(line)
        seqs.append(change["origin_seq"])
        txns.add(change["txn_id"])
    ranges = {node: [seqs[0], seqs[-1]]}
    return {"kind": "changes", "bundle_id": bundle_id, "commune": unit, "device": node, "to": "province",
            "ranges": ranges, "prerequisites": {node: seqs[0] - 1}, "changes": len(seqs),
            "transactions": len(txns), "created_at_utc": "2026-12-01T08:00:00+00:00", "program": __version__}


def build(work: Path, communes: int, per_bundle: int) -> dict[str, object]:
    import uuid

    from sync_world import PASS, Commune, Province, at

    from papi_desktop.exports.signing import KeyMaterial
    from papi_desktop.services import province, reference, setup
    from papi_desktop.services.sync_import import CHANGES
    from papi_desktop.sync import bundle, envelope, pki
    from papi_desktop.sync.outbox import outbox

    t0 = time.perf_counter()
    prov = Province(work / "province")
    com = Commune(work / "template", prov)
    _grow(com, per_bundle * 3 // 2 + 40)
    with com.db.reader() as s:
        changes = outbox(s, "province")
    assert not any(json.loads(c.after_json).get("file_sha256") for c in changes), "no attachments in the clones"
    t_export = time.perf_counter()
    exported = com.export(work / "template-usb")
    export_s = time.perf_counter() - t_export
    assert exported is not None and exported.changes == len(changes)
    first_end = _cut(changes, per_bundle)
    overlap_start = _cut(changes, first_end // 2)
    overlap_end = _cut(changes, overlap_start + per_bundle)
    lines = [json.dumps(c.as_dict(), ensure_ascii=False, sort_keys=True) for c in changes]
    (work / "template.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    template_node = com.device
    com.db.dispose()

    units = [u for u in reference.units()][:communes]
    rnd = random.Random(75)
    meta: dict[str, object] = {"communes": [], "template_node": template_node, "first_end": first_end,
                               "overlap_start": overlap_start, "overlap_end": overlap_end,
                               "export_s": round(export_s, 2), "export_changes": len(changes)}
    with at(prov.dir):
        ca = province.ca_material(PASS)
        recipients = province.recipients()
        for k, unit in enumerate(units, start=1):
            node = f"{rnd.getrandbits(48):012x}"
            key, csr = pki.commune_request(unit.code, unit.full_name)
            cert = pki.issue_commune(ca, pki.read_request(csr))
            province.record_issue(prov.db, unit.code, node, envelope.new_identity()[1], cert)
            signer = KeyMaterial(key, cert, [ca.cert])
            entry = {"k": k, "unit": unit.code, "node": node}
            for phase, (lo, hi) in (("first", (0, first_end)), ("overlap", (overlap_start, overlap_end))):
                payload = clone(lines[lo:hi], k, node, unit.code, template_node)
                header = _header(payload, str(uuid.uuid4()), unit.code, node)
                stem = f"papi-{unit.code}-{node}-{hi:06d}"
                written, _ = bundle.write_bundle(work / "bundles" / phase, stem, header,
                                                 [bundle.Member(CHANGES, payload.encode("utf-8"))], signer, recipients)
                entry[phase] = str(written[0])
            meta["communes"].append(entry)  # type: ignore[attr-defined]
    prov.db.dispose()
    base = setup.open_database(work / "base" / "papi.db", work / "base" / "backups", user="baseline")
    base.dispose()
    meta["build_s"] = round(time.perf_counter() - t0, 1)
    meta["key"] = [communes, per_bundle]
    (work / "meta.json").write_text(json.dumps(meta, indent=1))
    return meta


# ---- the baseline: plain sqlite3 ----------------------------------------------------------------------

class Plain:
    """The same rows into the same tables with plain sqlite3, as fast as it goes."""

    def __init__(self, path: Path) -> None:
        from papi_desktop.storage.changelog import FTS_TABLES, LOG_COLUMNS, derived_columns, tracked_models
        from papi_desktop.storage.models import Base

        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=30000",
                       "cache_size=-32768"):  # storage.db's
            self.conn.execute(f"PRAGMA {pragma}")
        models = tracked_models()
        self.order = [t.name for t in Base.metadata.sorted_tables if t.name in models]  # parents first
        self.models = models
        self.columns = {n: [c.key for c in m.__table__.columns] for n, m in models.items()}  # type: ignore[attr-defined]
        self.bools = {n: {c.key for c in m.__table__.columns if c.type.python_type is bool}  # type: ignore[attr-defined]
                      for n, m in models.items()}
        self.derived = {n: derived_columns(m) for n, m in models.items()}
        self.fts = FTS_TABLES
        self.log_sql = (f"INSERT INTO change_log ({', '.join(LOG_COLUMNS)}) "
                        f"VALUES ({', '.join('?' * len(LOG_COLUMNS))})")

    def prepare(self, payload: str) -> dict[str, object]:
        """Final rows per table (a record's insert merged with its later updates), partial updates of
        records from earlier bundles, and the log rows."""
        from papi_desktop.storage.changelog import LOG_COLUMNS, search_text

        full: dict[str, dict[str, dict]] = {n: {} for n in self.order}
        partial: dict[str, dict[str, dict]] = {n: {} for n in self.order}
        log, images = [], []  # images: each log row's before and after, parsed (the seal needs the values)
        for line in payload.splitlines():
            change = json.loads(line)
            table, rid = change["table_name"], change["record_id"]
            after = json.loads(change["after_json"])
            if rid in full[table]:
                full[table][rid].update(after)
            elif change["op"] == "insert":
                full[table][rid] = after
            else:
                partial[table].setdefault(rid, {}).update(after)
            log.append(tuple(change.get(c) for c in LOG_COLUMNS[:-1]) + (1,))
            images.append((json.loads(change["before_json"]) if change.get("before_json") else None, dict(after)))
        rows, updates = {}, {}
        for table in self.order:
            cols, bools = self.columns[table], self.bools[table]
            out = []
            for row in full[table].values():
                if self.derived[table]:
                    row["search_text"] = search_text(self.models[table], row)
                for b in bools:
                    if row.get(b) is not None:
                        row[b] = int(row[b])
                out.append(tuple(row.get(c) for c in cols))
            rows[table] = out
            groups: dict[tuple[str, ...], list] = {}
            for rid, after in partial[table].items():
                keys = tuple(sorted(k for k in after if k != "id"))
                groups.setdefault(keys, []).append(
                    tuple(int(after[k]) if k in bools and after[k] is not None else after[k] for k in keys)
                    + (rid, after.get("updated_hlc", "")))
            updates[table] = groups
        return {"rows": rows, "updates": updates, "log": log, "images": images}

    def _fts(self, table: str, ids: list[str]) -> None:
        if table in self.fts and ids:
            self.conn.execute(f"INSERT INTO {table}_fts(rowid, search_text) SELECT rowid, search_text FROM {table} "
                              "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))

    def _updates(self, prep: dict[str, object]) -> None:
        for table, groups in prep["updates"].items():  # type: ignore[union-attr]
            for keys, values in groups.items():
                sets = ", ".join(f"{k} = ?" for k in keys)
                self.conn.executemany(f"UPDATE {table} SET {sets} WHERE id = ? AND updated_hlc < ?", values)

    def insert(self, prep: dict[str, object]) -> None:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        for table in self.order:
            rows = prep["rows"][table]  # type: ignore[index]
            if rows:
                cols = self.columns[table]
                conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                 rows)
                at = cols.index("id")
                self._fts(table, [r[at] for r in rows])
        self._updates(prep)
        conn.executemany(self.log_sql, self._sealed(prep["log"], prep["images"]))  # type: ignore[arg-type]
        conn.execute("COMMIT")

    def _sealed(self, log: list[tuple], parsed: list[tuple]) -> list[tuple]:
        """The log rows as the program stores them: a record's personal values sealed under its key
        (storage.personal_seal; the key looked up, or made for a new record)."""
        import os  # noqa: PLC0415

        from papi_desktop.storage import personal_seal
        from papi_desktop.storage.changelog import LOG_COLUMNS

        tables = personal_seal.personal_columns()
        at_t, at_r = LOG_COLUMNS.index("table_name"), LOG_COLUMNS.index("record_id")
        images = (LOG_COLUMNS.index("before_json"), LOG_COLUMNS.index("after_json"))
        wanted: dict[str, set[str]] = {}
        for row in log:
            if row[at_t] in tables:
                wanted.setdefault(row[at_t], set()).add(row[at_r])
        if not wanted:
            return log
        keys = {t: self._keys_of(t, ids) for t, ids in wanted.items()}
        made, out = [], []
        for row, values_of in zip(log, parsed, strict=True):
            table, rid = row[at_t], row[at_r]
            if table in tables:
                row = list(row)
                for i, values in zip(images, values_of, strict=True):
                    if values and personal_seal.needs_seal(table, values):
                        key = keys[table].get(rid)
                        if key is None:
                            key = keys[table][rid] = os.urandom(32)
                            made.append((table, rid, key, "2026-12-02T00:00:00+00:00"))
                        row[i] = personal_seal.seal(table, rid, values, row[i], key)
                row = tuple(row)
            out.append(row)
        if made:
            self._store_keys(made)
        return out

    def _keys_of(self, table: str, ids: set[str]) -> dict[str, bytes]:
        return dict(self.conn.execute("SELECT record_id, key FROM personal_key WHERE table_name = ? AND "
                                      "record_id IN (SELECT value FROM json_each(?))", (table, json.dumps(list(ids)))))

    def _store_keys(self, made: list[tuple]) -> None:
        self.conn.executemany("INSERT INTO personal_key (table_name, record_id, key, created_at) VALUES (?, ?, ?, ?)",
                              made)

    def upsert(self, prep: dict[str, object]) -> None:
        """What is held is skipped by the database: INSERT OR IGNORE for the log, an upsert guarded by
        updated_hlc for the rows."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        for table in self.order:
            rows = prep["rows"][table]  # type: ignore[index]
            if not rows:
                continue
            cols = self.columns[table]
            at = cols.index("id")
            ids = [r[at] for r in rows]
            held = set()
            if table in self.fts:
                held = {i for (i,) in conn.execute(f"SELECT id FROM {table} WHERE id IN "
                                                   "(SELECT value FROM json_each(?))", (json.dumps(ids),))}
            sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
            conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
                             f"ON CONFLICT(id) DO UPDATE SET {sets} WHERE excluded.updated_hlc > {table}.updated_hlc",
                             rows)
            self._fts(table, [i for i in ids if i not in held])
        self._updates(prep)
        # The log as the program must store it: its new rows sealed. The held ones are found by one look-up
        # per device and skipped, so the baseline seals no more than the program does.
        log, images = self._new(prep["log"], prep["images"])  # type: ignore[arg-type]
        conn.executemany(self.log_sql, self._sealed(log, images))
        conn.execute("COMMIT")

    def _new(self, log: list[tuple], images: list[tuple]) -> tuple[list[tuple], list[tuple]]:
        from papi_desktop.storage.changelog import LOG_COLUMNS

        at_n, at_s = LOG_COLUMNS.index("origin_node"), LOG_COLUMNS.index("origin_seq")
        held: set[tuple[str, int]] = set()
        for node in {row[at_n] for row in log}:
            seqs = [row[at_s] for row in log if row[at_n] == node]
            held.update((node, n) for (n,) in self.conn.execute(
                "SELECT origin_seq FROM change_log WHERE origin_node = ? AND origin_seq BETWEEN ? AND ?",
                (node, min(seqs), max(seqs))))
        keep = [i for i, row in enumerate(log) if (row[at_n], row[at_s]) not in held]
        return [log[i] for i in keep], [images[i] for i in keep]

    def total_changes(self) -> int:
        return self.conn.total_changes

    def close(self) -> None:
        self.conn.close()


# ---- one run, in a child process: ours and the baseline alternated bundle by bundle ----------------

class _Phase:
    """One phase of a run: ours and the baseline per bundle, and what each wrote."""

    def __init__(self) -> None:
        self.ours: list[float] = []
        self.base: list[float] = []
        self.parse: list[float] = []
        self.statuses: dict[str, int] = {}
        self.unchanged = self.new_changes = self.log_added = self.apply_writes = self.plain_writes = 0
        self.peak = 0.0

    def figures(self) -> dict[str, object]:
        return {"ours_s": sum(self.ours), "base_s": sum(self.base), "base_parse_s": sum(self.parse),
                "ours_per_bundle_median_s": statistics.median(self.ours),
                "base_per_bundle_median_s": statistics.median(self.base),
                # the province grows: the first bundles against the last ones (medians of 5)
                "ratio_first5": statistics.median(self.ours[:5]) / statistics.median(self.base[:5]),
                "ratio_last5": statistics.median(self.ours[-5:]) / statistics.median(self.base[-5:]),
                "statuses": self.statuses, "unchanged": self.unchanged, "new_changes": self.new_changes,
                "log_rows_added": self.log_added, "apply_total_changes": self.apply_writes,
                "plain_total_changes": self.plain_writes, "import_peak_mb": self.peak}


class _Ours:
    """The province: import_with for one bundle file; counts what apply wrote (SQLite's total_changes)."""

    def __init__(self, db, receiver) -> None:
        from papi_desktop.sync import apply as sync_apply

        self.db, self.receiver, self.written = db, receiver, [0]
        apply_changes = sync_apply.apply_changes

        def counting(session, changes, **options):
            conn = session.connection()
            before = conn.exec_driver_sql("SELECT total_changes()").scalar()
            result = apply_changes(session, changes, **options)
            self.written[0] += conn.exec_driver_sql("SELECT total_changes()").scalar() - before
            return result

        sync_apply.apply_changes = counting  # import_with calls it through the module

    def log_rows(self) -> int:
        with self.db.connection() as conn:
            return conn.exec_driver_sql("SELECT max(seq) FROM change_log").scalar() or 0

    def run(self, phase: _Phase, path: Path) -> None:
        from papi_desktop.services.sync_import import import_with

        before, written = self.log_rows(), self.written[0]
        measured = reset_peak()
        t0 = time.perf_counter()
        [summary] = import_with(self.db, self.receiver, [path])
        phase.ours.append(time.perf_counter() - t0)
        if measured:
            phase.peak = max(phase.peak, peak_mb())
        phase.statuses[summary.status] = phase.statuses.get(summary.status, 0) + 1
        phase.unchanged += summary.unchanged
        phase.new_changes += summary.records - summary.unchanged
        phase.log_added += self.log_rows() - before
        phase.apply_writes += self.written[0] - written


def _run_plain(plain: Plain, phase: _Phase, way: str, payload: str) -> None:
    t0 = time.perf_counter()
    prep = plain.prepare(payload)
    phase.parse.append(time.perf_counter() - t0)
    before = plain.total_changes()
    t0 = time.perf_counter()
    getattr(plain, way)(prep)
    phase.base.append(time.perf_counter() - t0)
    phase.plain_writes += plain.total_changes() - before


def step_run(work: Path, run: int) -> dict[str, object]:
    from sync_world import PASS

    from papi_desktop import paths
    from papi_desktop.services import setup
    from papi_desktop.services.sync_import import province_receiver
    from papi_desktop.sync import bundle

    meta = json.loads((work / "meta.json").read_text())
    here = work / f"run-{run}"
    shutil.rmtree(here, ignore_errors=True)
    shutil.copytree(work / "province", here / "province")
    shutil.copytree(work / "base", here / "base")
    template = (work / "template.jsonl").read_text(encoding="utf-8").splitlines()

    paths.set_override(here / "province")
    db = setup.open_database(user="so-noi-vu")
    t0 = time.perf_counter()
    receiver = province_receiver(PASS)  # unlocks the keys once (scrypt, PBKDF2), as a folder import does
    receiver_s = time.perf_counter() - t0
    unlock_mb = peak_mb()
    # Read one manifest first, untimed: the signature check imports its libraries once per process.
    first = Path(meta["communes"][0]["first"])
    bundle.read_bundle(bundle.bundle_parts(first), [receiver.identity], receiver.root_pem, receiver.recipient,
                       in_memory=lambda _name: True, stop_after_manifest=lambda _opened: True)
    ours = _Ours(db, receiver)
    plain = Plain(here / "base" / "papi.db")
    phases = {}
    plan = (("first", "first", 0, meta["first_end"], "insert"),
            ("repeat", "first", 0, meta["first_end"], "upsert"),
            ("overlap", "overlap", meta["overlap_start"], meta["overlap_end"], "upsert"))
    progress = (work / f"progress-{run}.log").open("w", encoding="utf-8")  # a long run can be followed
    for name, files, lo, hi, way in plan:
        phase = _Phase()
        for i, entry in enumerate(meta["communes"]):
            payload = clone(template[lo:hi], entry["k"], entry["node"], entry["unit"], meta["template_node"])
            if i % 2:  # alternate which goes first; the baseline's rows are freed before ours runs
                _run_plain(plain, phase, way, payload)
                ours.run(phase, Path(entry[files]))
            else:
                ours.run(phase, Path(entry[files]))
                _run_plain(plain, phase, way, payload)
            del payload
            progress.write(f"{name} {i + 1} ours_s={phase.ours[-1]:.3f} base_s={phase.base[-1]:.3f}\n")
            progress.flush()
        phases[name] = phase.figures()
    progress.close()
    db.dispose()
    plain.close()
    size = (here / "province" / "papi.db").stat().st_size
    shutil.rmtree(here, ignore_errors=True)
    return {"phases": phases, "receiver_s": receiver_s, "unlock_peak_mb": unlock_mb,
            "import_peak_mb": max(p["import_peak_mb"] for p in phases.values()) or peak_mb(),
            "db_mb": round(size / 2**20)}


def step_verify(work: Path, communes: int) -> dict[str, object]:
    """On a copy: every row and log row an overlapping import writes belongs to one of its new changes."""
    from sync_world import PASS

    from papi_desktop import paths
    from papi_desktop.services import setup
    from papi_desktop.services.sync_import import import_with, province_receiver
    from papi_desktop.storage.changelog import tracked_models

    meta = json.loads((work / "meta.json").read_text())
    here = work / "verify"
    shutil.rmtree(here, ignore_errors=True)
    shutil.copytree(work / "province", here / "province")
    paths.set_override(here / "province")
    setup.open_database(user="so-noi-vu").dispose()  # at this program's schema before the triggers go on
    conn = sqlite3.connect(here / "province" / "papi.db")
    conn.execute("CREATE TABLE bench_written (what TEXT, key TEXT)")
    for table in tracked_models():
        for event in ("INSERT", "UPDATE"):
            conn.execute(f"CREATE TRIGGER bench_{table}_{event} AFTER {event} ON {table} BEGIN "
                         f"INSERT INTO bench_written VALUES ('{table}', new.id); END")
    conn.execute("CREATE TRIGGER bench_log AFTER INSERT ON change_log BEGIN INSERT INTO bench_written VALUES "
                 "('change_log', new.origin_node || ':' || new.origin_seq); END")
    conn.commit()
    conn.close()
    db = setup.open_database(user="so-noi-vu")
    receiver = province_receiver(PASS)
    template = (work / "template.jsonl").read_text(encoding="utf-8").splitlines()
    held_writes = new_writes = rows_written = log_written = 0
    for entry in meta["communes"][:communes]:
        [first] = import_with(db, receiver, [Path(entry["first"])])
        assert first.status == "applied"
        with db.connection() as c:
            c.exec_driver_sql("DELETE FROM bench_written")
            c.commit()
        [over] = import_with(db, receiver, [Path(entry["overlap"])])
        assert over.status == "applied"
        payload = clone(template[meta["overlap_start"]:meta["overlap_end"]], entry["k"], entry["node"],
                        entry["unit"], meta["template_node"])
        changes = [json.loads(line) for line in payload.splitlines()]
        new = [c for c in changes if c["origin_seq"] > meta["first_end"]]
        held = [c for c in changes if c["origin_seq"] <= meta["first_end"]]
        with db.connection() as c:
            writes = c.exec_driver_sql("SELECT what, key FROM bench_written").fetchall()
        logs = [key for what, key in writes if what == "change_log"]
        rows = [(what, key) for what, key in writes if what != "change_log"]
        new_records = {(c["table_name"], c["record_id"]) for c in new}
        held_only = {(c["table_name"], c["record_id"]) for c in held} - new_records
        held_keys = {f"{c['origin_node']}:{c['origin_seq']}" for c in held}
        assert sorted(logs) == sorted(f"{c['origin_node']}:{c['origin_seq']}" for c in new)
        assert all(r in new_records for r in rows) and len(rows) <= len(new)
        held_writes += sum(k in held_keys for k in logs) + sum(r in held_only for r in rows)
        new_writes += len(writes)
        rows_written += len(rows)
        log_written += len(logs)
    db.dispose()
    shutil.rmtree(here, ignore_errors=True)
    return {"communes": communes, "writes_for_held_changes": held_writes, "rows_written": rows_written,
            "log_rows_written": log_written,
            "new_changes": communes * (meta["overlap_end"] - meta["first_end"]),
            "held_changes": communes * (meta["first_end"] - meta["overlap_start"])}


def step_memory(work: Path, communes: int) -> dict[str, object]:
    """Peak memory of imports alone, in a process of their own: first bundles, then the overlapping ones."""
    from sync_world import PASS

    from papi_desktop import paths
    from papi_desktop.services import setup
    from papi_desktop.services.sync_import import import_with, province_receiver

    meta = json.loads((work / "meta.json").read_text())
    here = work / "memory"
    shutil.rmtree(here, ignore_errors=True)
    shutil.copytree(work / "province", here / "province")
    paths.set_override(here / "province")
    db = setup.open_database(user="so-noi-vu")
    receiver = province_receiver(PASS)
    unlock = peak_mb()
    measured = reset_peak()
    for files in ("first", "overlap"):
        for entry in meta["communes"][:communes]:
            [summary] = import_with(db, receiver, [Path(entry[files])])
            assert summary.status == "applied", summary.reasons
    db.dispose()
    shutil.rmtree(here, ignore_errors=True)
    return {"imports": 2 * communes, "import_peak_mb": peak_mb() if measured else None, "unlock_peak_mb": unlock}


STEPS = {"run": lambda work, arg: step_run(work, int(arg)), "verify": lambda work, arg: step_verify(work, int(arg)),
         "memory": lambda work, arg: step_memory(work, int(arg)),
         "build": lambda work, arg: build(work, *map(int, arg.split(",")))}


def run_step(name: str, work: Path, arg: str) -> dict[str, object]:
    proc = subprocess.run([sys.executable, __file__, "--step", name, str(work), arg], capture_output=True,
                          text=True, timeout=6 * 3600, check=False)
    if proc.returncode:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"step {name} failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _spread(values: list[float], digits: int = 2) -> dict[str, float]:
    return {"median": round(statistics.median(values), digits), "min": round(min(values), digits),
            "max": round(max(values), digits)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--communes", type=int, default=75)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--verify-communes", type=int, default=3)
    parser.add_argument("--work", type=Path, help="keep the generated world here (reused with the same sizes)")
    parser.add_argument("--step", nargs=3, metavar=("NAME", "WORKDIR", "ARG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(STEPS[args.step[0]](Path(args.step[1]), args.step[2])))
        return 0
    tmp = None
    if args.work is None:
        tmp = tempfile.TemporaryDirectory()
        work = Path(tmp.name)
    else:
        work = args.work
    try:
        meta_file = work / "meta.json"
        meta = json.loads(meta_file.read_text()) if meta_file.is_file() else None
        if meta is None or meta.get("key") != [args.communes, args.changes]:
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            meta = run_step("build", work, f"{args.communes},{args.changes}")
        runs = [run_step("run", work, str(i)) for i in range(args.runs)]
        verify = run_step("verify", work, str(min(args.verify_communes, args.communes)))
        memory = run_step("memory", work, str(min(5, args.communes)))
    finally:
        if tmp is not None:
            tmp.cleanup()
    phase = {name: [r["phases"][name] for r in runs] for name in ("first", "repeat", "overlap")}
    first_ratio = [p["ours_s"] / p["base_s"] for p in phase["first"]]
    repeat_share = [r["ours_s"] / f["ours_s"] for r, f in zip(phase["repeat"], phase["first"], strict=True)]
    result: dict[str, object] = {
        "communes": args.communes, "changes_per_bundle": meta["first_end"], "runs": args.runs,
        "overlap": {"held": meta["first_end"] - meta["overlap_start"], "new": meta["overlap_end"] - meta["first_end"]},
        "first_ours_s": _spread([p["ours_s"] for p in phase["first"]]),
        "first_base_s": _spread([p["base_s"] for p in phase["first"]]),
        "first_ratio": _spread(first_ratio), "first_target": 2.0,
        "first_ratio_first5_bundles": _spread([p["ratio_first5"] for p in phase["first"]]),
        "first_ratio_last5_bundles": _spread([p["ratio_last5"] for p in phase["first"]]),
        "baseline_parse_s": _spread([p["base_parse_s"] for p in phase["first"]]),
        "first_ratio_to_parse_and_insert": _spread([p["ours_s"] / (p["base_s"] + p["base_parse_s"])
                                                    for p in phase["first"]]),
        "per_bundle_first_ours_s": _spread([p["ours_per_bundle_median_s"] for p in phase["first"]], 3),
        "per_bundle_first_base_s": _spread([p["base_per_bundle_median_s"] for p in phase["first"]], 3),
        "repeat_ours_s": _spread([p["ours_s"] for p in phase["repeat"]], 3),
        "repeat_base_upsert_s": _spread([p["base_s"] for p in phase["repeat"]]),
        "repeat_share_of_first_pct": _spread([100 * s for s in repeat_share]), "repeat_target_pct": 2.0,
        "overlap_ours_s": _spread([p["ours_s"] for p in phase["overlap"]]),
        "overlap_base_upsert_s": _spread([p["base_s"] for p in phase["overlap"]]),
        "overlap_ratio": _spread([p["ours_s"] / p["base_s"] for p in phase["overlap"]]),
        "statuses": {name: phase[name][-1]["statuses"] for name in phase},
        "overlap_counts": {k: phase["overlap"][-1][k] for k in ("unchanged", "new_changes", "log_rows_added",
                                                                "apply_total_changes", "plain_total_changes")},
        "first_counts": {k: phase["first"][-1][k] for k in ("new_changes", "log_rows_added", "apply_total_changes",
                                                            "plain_total_changes")},
        "repeat_counts": {k: phase["repeat"][-1][k] for k in ("unchanged", "log_rows_added",
                                                              "apply_total_changes")},
        "verify_overlap_writes": verify,
        "receiver_unlock_s": round(statistics.median(r["receiver_s"] for r in runs), 2),
        "export_s": meta["export_s"], "export_changes": meta["export_changes"],
        "province_db_mb": runs[-1]["db_mb"],
        "import_peak_mb": memory["import_peak_mb"], "memory_target_mb": 300,
        "import_peak_mb_with_baseline_in_process": max(r["import_peak_mb"] for r in runs),
        "key_unlock_peak_mb": max(memory["unlock_peak_mb"], *(r["unlock_peak_mb"] for r in runs)),
        "build_s": meta["build_s"],
    }
    result["meets_targets"] = (result["first_ratio"]["median"] <= 2.0  # type: ignore[index]
                               and result["repeat_share_of_first_pct"]["median"] <= 2.0  # type: ignore[index]
                               and verify["writes_for_held_changes"] == 0
                               and phase["overlap"][-1]["log_rows_added"] == phase["overlap"][-1]["new_changes"]
                               and (result["import_peak_mb"] or 0) < 300)  # type: ignore[operator]
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result["meets_targets"] else 1


if __name__ == "__main__":
    sys.exit(main())
