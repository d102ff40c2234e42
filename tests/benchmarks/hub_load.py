"""Load for the hub benchmark (tests/benchmarks/bench_hub.py): the world bench_sync builds, with the
commune keys kept so the PCs can sign in; the province moved to PostgreSQL; commune PCs pushing over
HTTP several at a time, each with its own HubClient; the hub's memory and what it holds afterwards.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import re
import shutil
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_sync

SYNTHETIC_BASE = 20_000  # unit codes of simulated communes past Sơn La's 75 (the national count): 20000…


# ---- the world: bench_sync.build, with each PC's key kept --------------------------------------------

def build_world(work: Path, communes: int, changes: int) -> dict[str, object]:
    """bench_sync.build (the template commune, its log cloned per commune, two bundles each, certificates
    issued by the province CA), keeping every minted PC's key in work/keys.json: the hub asks a PC to sign
    in with the key of the certificate its bundles are signed with. Past 75 communes the units are
    simulated (codes from 20000, named after a real one): a national hub's load, not Sơn La's list."""
    from cryptography.hazmat.primitives import serialization

    from papi_desktop.exports import signing
    from papi_desktop.services import province, reference
    from papi_desktop.sync import pki

    made: dict[object, object] = {}
    kept: dict[str, dict[str, str]] = {}
    request, record = pki.commune_request, province.record_issue
    units = reference.units

    def capture_request(*args, **kw):
        key, csr = request(*args, **kw)
        made[key.public_key().public_numbers()] = key
        return key, csr

    def capture_record(db, unit_code, device, recipient, cert) -> None:
        record(db, unit_code, device, recipient, cert)
        key = made.pop(cert.public_key().public_numbers(), None)
        if key is not None:
            kept[device] = {"unit": unit_code, "cert": signing.pem(cert).decode("ascii"),
                            "key": key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption()).decode("ascii")}

    def national_units() -> tuple[reference.Unit, ...]:
        real = units()
        if sys._getframe(1).f_code is not bench_sync.build.__code__ or communes <= len(real):
            return real
        extra = tuple(dataclasses.replace(real[i % len(real)], code=f"{SYNTHETIC_BASE + i:05d}")
                      for i in range(communes - len(real)))
        return real + extra

    pki.commune_request, province.record_issue, reference.units = capture_request, capture_record, national_units
    try:
        meta = bench_sync.build(work, communes, changes)
    finally:
        pki.commune_request, province.record_issue, reference.units = request, record, units
    missing = [e["node"] for e in meta["communes"] if e["node"] not in kept]  # type: ignore[attr-defined]
    assert not missing, f"no key kept for {len(missing)} PCs"
    (work / "keys.json").write_text(json.dumps(kept))
    return meta


def materials(work: Path) -> dict[str, object]:
    """Each minted PC's KeyMaterial (key, certificate, the province CA), by device id."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    from papi_desktop.exports.signing import KeyMaterial

    ca = x509.load_pem_x509_certificate(root_pem(work / "province"))
    out = {}
    for node, item in json.loads((work / "keys.json").read_text()).items():
        out[node] = KeyMaterial(serialization.load_pem_private_key(item["key"].encode("ascii"), None),
                                x509.load_pem_x509_certificate(item["cert"].encode("ascii")), [ca])
    return out


def root_pem(province_dir: Path) -> bytes:
    from sync_world import at

    from papi_desktop.services import province

    with at(province_dir):
        return province.root_pem()


# ---- PostgreSQL ---------------------------------------------------------------------------------------

@contextlib.contextmanager
def pg_server(spec: str | None) -> Iterator[str | None]:
    """None: SQLite. 'pg': a throw-away cluster (tests/pg.py), with durability switched back on (pg.py
    turns fsync and synchronous_commit off for the tests; the SQLite side runs synchronous=FULL).
    Otherwise a server URL whose user may CREATE DATABASE."""
    if spec is None:
        yield None
        return
    if spec != "pg":
        yield spec
        return
    import pg
    from sqlalchemy import create_engine

    url, folder = pg.start()
    try:
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for setting in ("fsync = on", "synchronous_commit = on", "full_page_writes = on"):
                conn.exec_driver_sql(f"ALTER SYSTEM SET {setting}")
            conn.exec_driver_sql("SELECT pg_reload_conf()")
        engine.dispose()
        yield url
    finally:
        pg.stop(folder)


def province_on_pg(province_dir: Path, server: str) -> str:
    """A new PostgreSQL database holding the province of province_dir (its mode and its enrolments; the
    keys stay files in the data folder); returns its URL."""
    import pg

    from papi_desktop.services import province, setup
    from papi_desktop.storage.models import LocalSetting
    from papi_desktop.storage.sync_state import Enrolment

    url = pg.create_database(server)
    db = setup.open_database(url, user="so-noi-vu")
    src = sqlite3.connect(province_dir / "papi.db")
    try:
        cols = [c.key for c in Enrolment.__table__.columns]
        rows = src.execute(f"SELECT {', '.join(cols)} FROM {Enrolment.__tablename__}").fetchall()
        with db.session() as s:
            s.merge(LocalSetting(key=province.MODE_KEY, value="province"))
            s.add_all(Enrolment(**dict(zip(cols, r, strict=True))) for r in rows)
    finally:
        src.close()
        db.dispose()
    return url


# ---- the hub, and what it holds -------------------------------------------------------------------------

@contextlib.contextmanager
def hub(data_dir: Path, db_url: str | None, apply_slots: int) -> Iterator[object]:
    """`papi-desktop --data-dir DIR [--db URL] serve --port 0` in its own process (tests/hub_world)."""
    from hub_world import HubProcess

    proc = HubProcess(data_dir, extra=["--apply-slots", str(apply_slots)], db_url=db_url)
    try:
        yield proc
    finally:
        proc.stop()


def held(data_dir: Path, db_url: str | None) -> dict[str, object]:
    """The hub's change log (rows, distinct origin keys) and its bundles in, by status."""
    from sqlalchemy import create_engine

    engine = create_engine(db_url or f"sqlite:///{data_dir / 'papi.db'}")
    try:
        with engine.connect() as conn:
            rows, distinct = conn.exec_driver_sql(
                "SELECT count(*), count(DISTINCT origin_node || ':' || CAST(origin_seq AS TEXT)) "
                "FROM change_log").one()
            statuses = dict(conn.exec_driver_sql(
                "SELECT status, count(*) FROM sync_bundle_in GROUP BY status").all())
            bundles = conn.exec_driver_sql("SELECT count(*), count(DISTINCT bundle_id) FROM sync_bundle_in").one()
    finally:
        engine.dispose()
    return {"log_rows": rows, "log_distinct": distinct, "bundles_in": bundles[0], "bundles_distinct": bundles[1],
            "statuses": statuses}


def rss_kb(pid: int) -> dict[str, int]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            out[line.split(":")[0]] = int(line.split()[1])
    return out


def access_times(data_dir: Path, since: int = 0) -> dict[str, list[float]]:
    """Milliseconds per request kind from the hub's access log (lines after `since`)."""
    kinds: dict[str, list[float]] = {}
    path = data_dir / "logs" / "hub-access.log"
    if not path.is_file():
        return kinds
    for line in path.read_text(encoding="utf-8").splitlines()[since:]:
        entry = json.loads(line)
        p = re.sub(r"/[0-9a-f]{64}$", "/SHA", re.sub(r"/bundles/[^/]+", "/bundles/STEM", entry["path"]))
        kinds.setdefault(f"{entry['method']} {p} {entry['status']}", []).append(entry["ms"])
    return kinds


def apply_timings(data_dir: Path) -> list[dict[str, float]]:
    """Each applied bundle's entry in the hub's access log, in the order they ended: the request's ms,
    the wait for an apply slot and the import itself (server/app.py)."""
    path = data_dir / "logs" / "hub-access.log"
    if not path.is_file():
        return []
    entries = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return [{"ms": e["ms"], "slot_wait_ms": e["slot_wait_ms"], "import_ms": e["import_ms"]} for e in entries
            if e["path"].endswith("/apply") and e["status"] == 200 and "import_ms" in e]


def log_lines(data_dir: Path) -> int:
    path = data_dir / "logs" / "hub-access.log"
    return len(path.read_text(encoding="utf-8").splitlines()) if path.is_file() else 0


# ---- communes pushing ---------------------------------------------------------------------------------

@dataclasses.dataclass
class Push:
    """One bundle pushed by one PC: when it started (seconds from the phase's start), how long it took,
    the hub's answer."""

    index: int
    start: float = 0.0
    seconds: float = 0.0
    status: str = ""
    records: int = 0
    imported: int = 0
    sent_bytes: int = 0
    error: str = ""
    hub_rss_kb: int = 0


def push_all(url: str, root: bytes, jobs: list[tuple[object, list[Path]]], concurrency: int,
             hub_pid: int | None = None, on_done: Callable[[Push], None] | None = None) -> tuple[list[Push], float]:
    """Each job (a PC's KeyMaterial, its bundle's parts) pushed by its own HubClient (its own TLS
    connection, its own sign-in), `concurrency` at a time; returns every push and the wall time."""
    from papi_desktop.sync import bundle
    from papi_desktop.sync.http_client import HubClient

    # What was written before (a world of 20 GB built, the province copied) reaches the disk before the
    # clock starts: the kernel's writeback would otherwise compete with the hub's fsyncs for minutes.
    os.sync()
    t0 = time.perf_counter()
    lock = threading.Lock()

    def one(index: int) -> Push:
        material, parts = jobs[index]
        p = Push(index, start=time.perf_counter() - t0)
        started = time.perf_counter()
        try:
            with HubClient(url, root, material) as client:
                upload = client.push(bundle.stem_of(parts[0]), parts)
            p.seconds = time.perf_counter() - started
            summary = upload.result["summary"]
            p.status, p.records = str(summary["status"]), int(summary["records"])  # type: ignore[index]
            p.imported, p.sent_bytes = int(summary["imported"]), upload.sent_bytes  # type: ignore[index]
        except Exception as exc:  # noqa: BLE001 - counted and shown: the benchmark's "no error"
            p.seconds = time.perf_counter() - started
            p.error = f"{type(exc).__name__}: {exc}"[:300]
        if hub_pid is not None:
            with contextlib.suppress(OSError):
                p.hub_rss_kb = rss_kb(hub_pid)["VmRSS"]
        if on_done is not None:
            with lock:
                on_done(p)
        return p

    with ThreadPoolExecutor(concurrency) as pool:
        done = list(pool.map(one, range(len(jobs))))
    return done, time.perf_counter() - t0


def percentile(values: list[float], q: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(q / 100 * len(ordered)))) - 1]


spread = bench_sync._spread  # median, min and max, rounded


def copy_dir(src: Path, dst: Path) -> None:
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)


# ---- the PostgreSQL hub's same-engine baseline ----------------------------------------------------------

class PlainPg(bench_sync.Plain):
    """The same rows into the same tables of a PostgreSQL database with plain psycopg, as fast as it
    goes: one transaction a bundle, COPY for every table's new rows and the change log (three times
    psycopg's executemany here), the personal keys looked up in one `= ANY` statement a table. The
    trigram search indexes are kept by PostgreSQL itself, as for the hub (there is no FTS table)."""

    def __init__(self, url: str) -> None:  # noqa: D107 - bench_sync.Plain's bookkeeping, psycopg's connection
        import psycopg
        from sqlalchemy.engine import make_url

        from papi_desktop.storage.changelog import LOG_COLUMNS, derived_columns, tracked_models
        from papi_desktop.storage.models import Base

        # libpq's own URI (the socket folder stays in its query string)
        self.conn = psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False))
        models = tracked_models()
        self.order = [t.name for t in Base.metadata.sorted_tables if t.name in models]
        self.models = models
        self.columns = {n: [c.key for c in m.__table__.columns] for n, m in models.items()}  # type: ignore[attr-defined]
        self.bools = {n: {c.key for c in m.__table__.columns if c.type.python_type is bool}  # type: ignore[attr-defined]
                      for n, m in models.items()}
        self.derived = {n: derived_columns(m) for n, m in models.items()}
        self.fts: tuple[str, ...] = ()
        self.log_columns = list(LOG_COLUMNS)

    def _copy(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        quoted = ", ".join(f'"{c}"' for c in columns)
        with self.conn.cursor() as cur, cur.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)

    def insert(self, prep: dict[str, object]) -> None:
        with self.conn.transaction():
            for table in self.order:
                rows = prep["rows"][table]  # type: ignore[index]
                if rows:
                    bools = [i for i, c in enumerate(self.columns[table]) if c in self.bools[table]]
                    if bools:  # Plain made them 0/1 for SQLite
                        rows = [tuple(bool(v) if i in bools and v is not None else v for i, v in enumerate(r))
                                for r in rows]
                    self._copy(table, self.columns[table], rows)
            with self.conn.cursor() as cur:
                for table, groups in prep["updates"].items():  # type: ignore[union-attr]
                    for keys, values in groups.items():
                        sets = ", ".join(f"{k} = %s" for k in keys)
                        cur.executemany(f"UPDATE {table} SET {sets} WHERE id = %s AND updated_hlc < %s", values)
            self._copy("change_log", self.log_columns, self._sealed(prep["log"], prep["images"]))  # type: ignore[arg-type]

    def _keys_of(self, table: str, ids: set[str]) -> dict[str, bytes]:
        return dict(self.conn.execute("SELECT record_id, key FROM personal_key WHERE table_name = %s AND "
                                      "record_id = ANY(%s)", (table, list(ids))).fetchall())

    def _store_keys(self, made: list[tuple]) -> None:
        self._copy("personal_key", ["table_name", "record_id", "key", "created_at"], made)

    def close(self) -> None:
        self.conn.close()
