"""Where a province's import of a commune bundle spends its time, PostgreSQL against SQLite (issue 12:
the hub benchmark on PostgreSQL). Run apart from the suite:

    python3.11 tests/benchmarks/profile_pg_apply.py [--communes 4] [--changes 10000] [--work DIR]
                                                    [--db URL|pg] [--top 25] [--json FILE]

The world is bench_hub's (hub_load.build_world: bench_sync's template commune cloned per commune,
one first bundle each), built once under --work and reused. The same province is imported into on
SQLite and on PostgreSQL (--db pg: a throw-away cluster from tests/pg.py with fsync, synchronous_commit
and full_page_writes on, as bench_hub runs it; or a server URL whose user may CREATE DATABASE). Each
dialect gets the first bundles of communes 1 .. N-1 through services.sync_import.import_with, timed;
commune N's bundle is imported under cProfile (its stats kept as WORK/DIALECT.pstats).

Printed per dialect, per bundle (median over the timed bundles, seconds): the whole import; reading
the bundle (decrypt, signature: bundle.read_bundle); checking its changes (_checked); apply_changes,
split into its SQL statements by kind (verb, table, executemany or one: count of statements, of
parameter rows, time from before_cursor_execute to after_cursor_execute) and its Python; what follows
apply in the transaction (conflicts, incoming register, receipt, the audit chain's statements); the
audit chain's entry (reading back and hashing the rows the import logged); the COMMIT (PostgreSQL
checks deferred foreign keys there); the rest. COPY (storage.dialect.copy_rows, where it is used)
is listed among the statements. Then cProfile's top functions by
cumulative and by own time for the PostgreSQL bundle.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import inspect
import io
import json
import pstats
import re
import shutil
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import hub_load  # noqa: E402  (puts the project and tests/ on sys.path)

_TABLE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|SELECT\b.*?\bFROM|COPY)\s+"?(\w+)', re.I | re.S)


def _kind(statement: str, many: bool) -> str:
    words = statement.lstrip().split(None, 1)
    verb = words[0].upper() if words else "?"
    found = _TABLE.match(statement)
    table = found.group(1) if found else ""
    if verb in ("SAVEPOINT", "RELEASE", "ROLLBACK", "SET", "PRAGMA", "BEGIN", "COMMIT"):
        table = ""
    return f"{verb} {table}{' (many)' if many else ''}".strip()


class Recorder:
    """Per bundle: the time of each phase and of each SQL statement kind, by the phase it ran in."""

    def __init__(self) -> None:
        self.phase = "other"
        self.bundles: list[dict[str, Any]] = []
        self.current: dict[str, Any] = {}
        self._sql_start: list[float] = []
        self._commit_start = 0.0

    def start_bundle(self) -> None:
        self.current = {"phases": defaultdict(float), "sql": defaultdict(lambda: [0, 0, 0.0])}

    def end_bundle(self, total: float) -> None:
        self.current["total"] = total
        self.current["rss_mb"] = _rss_mb()
        self.bundles.append(self.current)
        self.current = {}

    @contextlib.contextmanager
    def in_phase(self, name: str) -> Iterator[None]:
        outer, self.phase = self.phase, name
        t0 = time.perf_counter()
        try:
            yield
        finally:
            if self.current:
                self.current["phases"][name] += time.perf_counter() - t0
            self.phase = outer

    def wrap(self, owner: Any, attr: str, name: str) -> None:
        original = getattr(owner, attr)

        def timed(*args: Any, **kw: Any) -> Any:
            with self.in_phase(name):
                return original(*args, **kw)

        def timed_gen(*args: Any, **kw: Any) -> Iterator[Any]:  # each step of a generator timed
            inner = original(*args, **kw)
            while True:
                with self.in_phase(name):
                    try:
                        item = next(inner)
                    except StopIteration:
                        return
                yield item

        setattr(owner, attr, timed_gen if inspect.isgeneratorfunction(original) else timed)

    def wrap_copy(self, owner: Any, attr: str) -> None:
        """storage.dialect.copy_rows goes past SQLAlchemy's cursor events: timed as a statement."""
        original = getattr(owner, attr)

        def timed(conn: Any, table: str, columns: Any, rows: Any) -> Any:
            rows = list(rows)
            t0 = time.perf_counter()
            try:
                return original(conn, table, columns, rows)
            finally:
                if self.current:
                    entry = self.current["sql"][(self.phase, f"COPY {table}")]
                    entry[0] += 1
                    entry[1] += len(rows)
                    entry[2] += time.perf_counter() - t0

        setattr(owner, attr, timed)

    # SQLAlchemy events
    def before(self, conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001, ARG002
        self._sql_start.append(time.perf_counter())

    def after(self, conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001, ARG002
        spent = time.perf_counter() - self._sql_start.pop()
        if not self.current:
            return
        entry = self.current["sql"][(self.phase, _kind(statement, executemany))]
        entry[0] += 1
        entry[1] += len(parameters) if executemany else 1
        entry[2] += spent

    def commit_start(self, conn) -> None:  # noqa: ANN001, ARG002
        self._commit_start = time.perf_counter()

    def commit_end(self, session) -> None:  # noqa: ANN001, ARG002
        if self.current and self._commit_start:
            self.current["phases"]["commit"] += time.perf_counter() - self._commit_start
        self._commit_start = 0.0

    def summary(self, bundles: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """Medians over the bundles recorded (or over those given)."""
        bundles = self.bundles if bundles is None else bundles
        n = len(bundles)
        phases = sorted({p for b in bundles for p in b["phases"]})
        sql_keys = sorted({k for b in bundles for k in b["sql"]})
        out: dict[str, Any] = {"bundles": n, "total_s": statistics.median(b["total"] for b in bundles)}
        out["phases_s"] = {p: statistics.median(b["phases"].get(p, 0.0) for b in bundles) for p in phases}
        sql = {}
        for key in sql_keys:
            rows = [b["sql"].get(key, [0, 0, 0.0]) for b in bundles]
            sql[f"{key[0]}: {key[1]}"] = {"statements": statistics.median(r[0] for r in rows),
                                         "rows": statistics.median(r[1] for r in rows),
                                         "s": statistics.median(r[2] for r in rows)}
        out["sql"] = dict(sorted(sql.items(), key=lambda kv: -kv[1]["s"]))
        for phase in ("apply", "after apply"):
            in_sql = sum(v["s"] for k, v in sql.items() if k.startswith(phase + ":"))
            out[f"{phase} sql_s"] = in_sql
        return out


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def install(recorder: Recorder, engine: Any) -> None:
    from sqlalchemy import event

    from papi_desktop.services import incoming, sync_import
    from papi_desktop.storage import audit, dialect
    from papi_desktop.storage.db import PapiSession
    from papi_desktop.sync import apply as sync_apply
    from papi_desktop.sync import bundle

    event.listen(engine, "before_cursor_execute", recorder.before)
    event.listen(engine, "after_cursor_execute", recorder.after)
    event.listen(engine, "commit", recorder.commit_start)
    if not getattr(install, "done", False):  # module patches and session events once per process
        install.done = True  # type: ignore[attr-defined]
        event.listen(PapiSession, "after_commit", recorder.commit_end)
        recorder.wrap(bundle, "read_bundle", "read bundle (decrypt, signature)")
        recorder.wrap(sync_import, "_checked", "check changes")
        recorder.wrap(sync_apply, "apply_changes", "apply")
        for attr in ("settle_conflicts", "queue_conflicts", "_receipt_in"):
            recorder.wrap(sync_import, attr, "after apply")
        recorder.wrap(incoming, "register", "after apply")
        # The audit chain's entry, made before COMMIT: its reads go through the raw cursor (no events).
        for attr in ("_mine", "read_spans", "_digest_above", "append"):
            if hasattr(audit, attr):
                recorder.wrap(audit, attr, "audit chain")
        recorder.wrap(audit.ChangeDigest, "add", "audit chain")
        if hasattr(dialect, "copy_rows"):
            recorder.wrap_copy(dialect, "copy_rows")


def run_dialect(name: str, world: Path, meta: dict[str, Any], into: Path, server: str | None,
                recorder: Recorder, top: int, ends: int = 0) -> dict[str, Any]:
    from sync_world import PASS, at

    from papi_desktop.services import setup
    from papi_desktop.services.sync_import import import_with, province_receiver

    hub_load.copy_dir(world / "province", into)
    url = hub_load.province_on_pg(into, server) if server else None
    entries = meta["communes"]
    profile_text = ""
    statuses = []
    try:
        with at(into):
            db = setup.open_database(url, user="so-noi-vu")
            install(recorder, db.engine)
            try:
                receiver = province_receiver(PASS)  # keys unlocked once, untimed (as the hub does at start)
                for i, entry in enumerate(entries):
                    last = i == len(entries) - 1
                    profiler = cProfile.Profile() if last else None
                    if not last:
                        recorder.start_bundle()
                    t0 = time.perf_counter()
                    if profiler:
                        profiler.enable()
                    with recorder.in_phase("import"):
                        [summary] = import_with(db, receiver, [Path(entry["first"])])
                    if profiler:
                        profiler.disable()
                    spent = time.perf_counter() - t0
                    statuses.append(summary.status)
                    if not last:
                        recorder.end_bundle(spent)
                    print(f"{name} bundle {i + 1}: {summary.status} {summary.records} changes {spent:.3f} s"
                          f"{' (cProfile)' if profiler else ''}", flush=True)
                    if profiler:
                        profile_text = _profile(profiler, top)
                        profiler.dump_stats(str(into.parent / f"{name}.pstats"))  # for pstats' callers/callees
            finally:
                db.dispose()
    finally:
        if url:
            import pg

            pg.drop_database(str(server), url)
        shutil.rmtree(into, ignore_errors=True)
    out = recorder.summary()
    if ends and len(recorder.bundles) >= 2 * ends:  # where a growing database's import grows
        out["first"] = recorder.summary(recorder.bundles[:ends])
        out["last"] = recorder.summary(recorder.bundles[-ends:])
        out["rss_mb_by_tenth"] = [round(recorder.bundles[min(len(recorder.bundles) - 1, len(recorder.bundles) * k // 10)]
                                        ["rss_mb"], 1) for k in range(11)]
    recorder.bundles = []
    out["statuses"] = statuses
    out["cprofile"] = profile_text
    return out


def _profile(profiler: cProfile.Profile, top: int) -> str:
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return re.sub(r"/[^ ]*/site-packages/", "", text.getvalue())


def _print(name: str, figures: dict[str, Any]) -> None:
    print(f"\n== {name}: {figures['bundles']} bundles, per bundle (median), statuses {dict(Counter(figures['statuses']))}")
    print(f"  import total            {figures['total_s']:.3f} s")
    phases = figures["phases_s"]
    for phase in ("read bundle (decrypt, signature)", "check changes", "apply", "after apply", "audit chain",
                  "commit"):
        extra = ""
        if phase in ("apply", "after apply"):
            extra = f"  (SQL {figures[phase + ' sql_s']:.3f} s)"
        print(f"  {phase:<34} {phases.get(phase, 0.0):.3f} s{extra}")
    named = sum(phases.get(p, 0.0) for p in phases if p != "import")
    print(f"  {'the rest':<34} {figures['total_s'] - named:.3f} s")
    print("  SQL by phase and kind: statements, parameter rows, seconds")
    for key, v in figures["sql"].items():
        if v["s"] >= 0.0005 or v["statements"] >= 10:
            print(f"    {key:<56} {v['statements']:>7.0f} {v['rows']:>7.0f} {v['s']:8.3f}")


def _print_ends(name: str, figures: dict[str, Any]) -> None:
    first, last = figures["first"], figures["last"]
    print(f"\n== {name}: the first {first['bundles']} bundles against the last {last['bundles']} (medians, s)")
    print(f"  {'import total':<60} {first['total_s']:8.3f} {last['total_s']:8.3f} {last['total_s'] - first['total_s']:+8.3f}")
    for phase in sorted(set(first["phases_s"]) | set(last["phases_s"])):
        a, b = first["phases_s"].get(phase, 0.0), last["phases_s"].get(phase, 0.0)
        print(f"  {phase:<60} {a:8.3f} {b:8.3f} {b - a:+8.3f}")
    print("  SQL, by the growth of its time:")
    keys = set(first["sql"]) | set(last["sql"])
    grown = sorted(keys, key=lambda k: -(last["sql"].get(k, {}).get("s", 0.0) - first["sql"].get(k, {}).get("s", 0.0)))
    for key in grown[:15]:
        a, b = first["sql"].get(key, {}).get("s", 0.0), last["sql"].get(key, {}).get("s", 0.0)
        print(f"    {key:<58} {a:8.4f} {b:8.4f} {b - a:+8.4f}")
    print(f"  RSS by tenth (MB): {figures.get('rss_mb_by_tenth')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--communes", type=int, default=4, help="bundles per dialect (the last under cProfile)")
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--work", default="/tmp/papi-prof")
    parser.add_argument("--db", default="pg", help="PostgreSQL: a server URL, or 'pg' for a throw-away cluster")
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="one dialect only")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--json", help="write the figures here too")
    parser.add_argument("--ends", type=int, default=0,
                        help="also compare the first N timed bundles with the last N (a growing database)")
    args = parser.parse_args()
    root = Path(args.work)
    world = root / f"world-{args.communes}x{args.changes}"
    if not (world / "meta.json").is_file() or not (world / "keys.json").is_file():
        shutil.rmtree(world, ignore_errors=True)
        world.mkdir(parents=True)
        t0 = time.perf_counter()
        hub_load.build_world(world, args.communes, args.changes)
        print(f"world built in {time.perf_counter() - t0:.0f} s", flush=True)
    meta = json.loads((world / "meta.json").read_text())
    results: dict[str, Any] = {}
    recorder = Recorder()  # one for both dialects: the module patches it installs are made once
    if args.only != "postgresql":
        results["sqlite"] = run_dialect("sqlite", world, meta, root / "run-sqlite", None, recorder, args.top, args.ends)
    if args.only != "sqlite":
        with hub_load.pg_server(args.db) as server:
            results["postgresql"] = run_dialect("postgresql", world, meta, root / "run-pg", server, recorder,
                                                args.top, args.ends)
    for name, figures in results.items():
        _print(name, figures)
        if "first" in figures:
            _print_ends(name, figures)
    if "postgresql" in results:
        print("\n== cProfile, PostgreSQL, one bundle\n" + results["postgresql"]["cprofile"])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
