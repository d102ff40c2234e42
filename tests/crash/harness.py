"""Kill the command line (SIGKILL) at random moments during imports and exports, reopen the data folder as
the program does at start-up (integrity check, export recovery) and check that nothing is half-written.
Used by test_kills.py (a few dozen kills) and long_kills.py (hundreds)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import big_books

from papi_desktop import paths

PASSPHRASE = "Suoi-Muong-7419-Ban-Hin"
TODAY = date(2026, 6, 5)
IMPORT_TABLES = {
    "reception": ("reception", "reception_citizen"),
    "budget": ("budget_table", "budget_line"),
    "poverty": ("poverty_review", "poverty_household"),
    "plan": ("plan", "plan_section", "task", "milestone"),
}
EXPORTS = {"export": False, "export-signed": True}  # kind -> signed
KINDS = [*IMPORT_TABLES, *EXPORTS]


@dataclass
class Outcome:
    kind: str
    delay: float
    killed: bool  # False: the process had finished before the kill came
    problems: list[str] = field(default_factory=list)
    state: str = ""  # before | after (imports), none | complete (exports)
    recovered: list[str] = field(default_factory=list)  # what start-up recovery did: finished, removed, withdrew


def _cli(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "papi_desktop", "--data-dir", str(data), *args]


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONIOENCODING="utf-8", PAPI_PASS=PASSPHRASE)


class Harness:
    """Snapshots of a data folder per case, the files to import, and the calibrated run times."""

    def __init__(self, root: Path, rows: int = 2000, bases: dict[str, tuple[str, ...]] | None = None) -> None:
        self.root = Path(root)
        self.rows = rows
        # The data folder each kind starts from, in turn: "fresh" (the first import of its kind, e.g. the
        # poverty review made with its list) or "loaded" (an earlier file in: re-runs replace or add).
        self.bases = {"reception": ("fresh", "loaded"), "budget": ("fresh", "loaded"), "poverty": ("fresh", "loaded"),
                      "plan": ("fresh", "loaded"), **(bases or {})}
        self.books: dict[str, Path] = {}
        self.snapshots: dict[str, Path] = {}
        self.duration: dict[str, float] = {}
        self.after: dict[tuple[str, str], tuple[int, ...]] = {}
        self._runs = 0

    # ---- set-up ----

    def prepare(self) -> None:
        from papi_desktop.services import budget, keys, plan_import, poverty, reception_import, setup

        books = self.root / "books"
        books.mkdir(parents=True)
        n = self.rows
        build = {"reception": lambda p, s: big_books.reception_book(p, n, s),
                 "budget": lambda p, s: big_books.budget_book(p, n, s),
                 "poverty": lambda p, s: big_books.poverty_book(p, n, s),
                 "plan": lambda p, s: big_books.plan_book(p, max(1, n // 100), s)}
        for kind, make in build.items():
            self.books[kind] = make(books / f"{kind}.xlsx", 2)
        apply = {"reception": lambda db, p: reception_import.apply_import(db, reception_import.preview_import(db, p)),
                 "budget": lambda db, p: budget.apply_import(db, budget.preview_import(db, p)),
                 "poverty": lambda db, p: poverty.apply_import(db, poverty.preview_import(db, p)),
                 "plan": lambda db, p: plan_import.apply_import(db, plan_import.preview_import(db, p))}
        with _opened(self.root / "fresh") as db:
            setup.setup_commune(db, "03985", chairman_name="Lò Văn Minh")
        shutil.copytree(self.root / "fresh", self.root / "loaded")
        with _opened(self.root / "loaded") as db:
            for kind, make in build.items():
                apply[kind](db, make(books / f"{kind}_old.xlsx", 1))
        with _opened(self.root / "reports") as db:
            setup.create_demo(db, today=TODAY)
            keys.create_self_signed(db, PASSPHRASE)
            apply["reception"](db, big_books.reception_book(books / "visits.xlsx", n // 2, 3))
        self.snapshots = {"fresh": self.root / "fresh", "loaded": self.root / "loaded",
                          "reports": self.root / "reports"}

    def command(self, kind: str, variant: int, data: Path) -> list[str]:
        if kind in EXPORTS:
            report = ("reception-book", "2026") if variant % 2 else ("petitions", "2026-H1")
            args = ["report", "export", "--kind", report[0], "--period", report[1], "--out", str(data / "out")]
            return _cli(data, *args, *(["--sign", "--passphrase-env", "PAPI_PASS"] if EXPORTS[kind] else []))
        sub = {"reception": ["reception", "import"], "budget": ["postings", "import-budget"],
               "poverty": ["postings", "import-poverty"], "plan": ["plan", "import"]}[kind]
        return _cli(data, *sub, str(self.books[kind]))

    def base(self, kind: str, variant: int) -> str:
        return "reports" if kind in EXPORTS else self.bases[kind][variant % len(self.bases[kind])]

    def _case(self, kind: str, variant: int) -> Path:
        self._runs += 1
        data = self.root / "runs" / f"{self._runs:04d}-{kind}"
        shutil.copytree(self.snapshots[self.base(kind, variant)], data)
        return data

    def calibrate(self) -> None:
        """Run every operation to its end once: how long it takes, and the counts it leaves."""
        for kind in KINDS:
            # exports: the reception book, the longer of the two reports they alternate between
            for variant in range(len(self.bases[kind])) if kind in IMPORT_TABLES else (1,):
                data = self._case(kind, variant)
                started = time.monotonic()
                done = subprocess.run(self.command(kind, variant, data), capture_output=True, text=True,
                                      encoding="utf-8", env=_env(), timeout=300)
                self.duration[kind] = max(self.duration.get(kind, 0.0), time.monotonic() - started)
                if done.returncode != 0:
                    raise RuntimeError(f"{kind} does not run: {done.stderr}")
                self.after[(kind, self.base(kind, variant))] = _counts(data, kind)
                shutil.rmtree(data)

    # ---- one kill ----

    def kill_once(self, kind: str, variant: int, rng: random.Random) -> Outcome:
        data = self._case(kind, variant)
        before = _counts(data, kind)
        delay = rng.uniform(0.2, 1.05) * self.duration[kind]  # past the end too: a finished run is checked
        started = time.monotonic()
        proc = subprocess.Popen(self.command(kind, variant, data), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=_env())
        try:
            proc.wait(timeout=delay)
            killed = False
            # It ran faster than calibrated (the machine is less busy now): aim the next kills earlier.
            self.duration[kind] = (self.duration[kind] + time.monotonic() - started) / 2
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            killed = True
            if delay > 0.9 * self.duration[kind]:  # aimed at its end and it was not there yet: slower now
                self.duration[kind] *= 1.15
        outcome = Outcome(kind, round(delay, 3), killed)
        if not killed and proc.returncode != 0:
            outcome.problems.append(f"exit status {proc.returncode} without a kill")
        self._reopen_and_check(data, kind, before, self.after[(kind, self.base(kind, variant))], outcome)
        if not outcome.problems:
            shutil.rmtree(data)  # a failing case stays for a look
        return outcome

    def _reopen_and_check(self, data: Path, kind: str, before: tuple[int, ...], after: tuple[int, ...],
                          outcome: Outcome) -> None:
        from papi_desktop.services import export_staging, setup

        paths.set_override(data)
        try:
            db = setup.open_database(user="recovery")  # what start-up does: check, migrate, open
            try:
                outcome.recovered = [done.split()[0] for done in export_staging.recover_unfinished(db)]
            finally:
                db.dispose()
            check_folder(data, kind, before, after, outcome)
        except Exception as exc:  # noqa: BLE001 - any failure to reopen is a finding
            outcome.problems.append(f"reopen failed: {exc!r}")
        finally:
            paths.set_override(None)


class _opened:
    def __init__(self, data: Path) -> None:
        self.data = data

    def __enter__(self):  # noqa: ANN204
        from papi_desktop.services import setup

        paths.set_override(self.data)
        self.db = setup.open_database(user="setup")
        return self.db

    def __exit__(self, *_exc: object) -> None:
        self.db.dispose()
        paths.set_override(None)


def _sql(data: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{data / paths.DB_FILE}?mode=ro", uri=True)


def _counts(data: Path, kind: str) -> tuple[int, ...]:
    """Rows of the kind's tables and of the change log: an import is all-or-nothing in all of them."""
    if kind in EXPORTS:
        return ()
    with _sql(data) as conn:
        return (*(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in IMPORT_TABLES[kind]),
                conn.execute("SELECT count(*) FROM change_log").fetchone()[0])


def check_folder(data: Path, kind: str, before: tuple[int, ...], after: tuple[int, ...],
                 outcome: Outcome) -> None:
    problems = outcome.problems
    conn = _sql(data)
    try:
        if (ok := conn.execute("PRAGMA integrity_check").fetchone()[0]) != "ok":
            problems.append(f"integrity_check: {ok}")
        empty = conn.execute("SELECT count(*) FROM poverty_review r WHERE r.deleted = 0 AND NOT EXISTS (SELECT 1 "
                             "FROM poverty_household h WHERE h.review_id = r.id AND h.deleted = 0)").fetchone()[0]
        if empty:
            problems.append(f"{empty} poverty review(s) without households")
        reserved = conn.execute("SELECT count(*) FROM outgoing_document WHERE status = 'reserved'").fetchone()[0]
        if reserved:
            problems.append(f"{reserved} number(s) left reserved")
        if conn.execute("SELECT count(*) FROM local_setting WHERE key LIKE 'export-in-progress:%'").fetchone()[0]:
            problems.append("an export journal row left behind")
        issued = {row[0]: row[1] for row in conn.execute(
            "SELECT number, files_json FROM outgoing_document WHERE status = 'issued'")}
    finally:
        conn.close()
    if kind in IMPORT_TABLES:
        now = _counts(data, kind)
        outcome.state = "before" if now == before else "after" if now == after else "PARTIAL"
        if outcome.state == "PARTIAL":
            problems.append(f"counts {now}: neither before {before} nor after {after}")
        if not outcome.killed and outcome.state != "after":
            problems.append("a finished import was lost")
        return
    _check_export_files(data, kind, issued, outcome)


def _check_export_files(data: Path, kind: str, issued: dict[int, str], outcome: Outcome) -> None:
    import hashlib
    import json

    from papi_desktop.services import reports

    problems = outcome.problems
    out = data / "out"
    found = sorted(p for p in out.rglob("*")) if out.exists() else []
    for p in found:
        if p.name.startswith(".staging-") or p.suffix == ".part" or p.name.endswith(".unsigned.pdf"):
            problems.append(f"leftover {p.relative_to(data)}")
    locks = data / "cache" / "locks"
    if locks.exists() and list(locks.iterdir()):
        problems.append("lock files left behind")
    finals = [p for p in found if p.is_file() and p.parent == out]
    stems = {p.name.split(".")[0] for p in finals}
    signed = EXPORTS[kind]
    for stem in stems:
        want = {f"{stem}.pdf", f"{stem}.xlsx", *([f"{stem}.xlsx.p7s"] if signed else [])}
        have = {p.name for p in finals if p.name.split(".")[0] == stem}
        if have != want:
            problems.append(f"incomplete set {sorted(have)}")
            continue
        if signed and not (reports.verify(out / f"{stem}.pdf").ok and reports.verify(out / f"{stem}.xlsx").ok):
            problems.append(f"{stem}: a signature does not verify")
        if "_so_" in stem:
            number = int(stem.rsplit("_so_", 1)[1])
            recorded = {f["name"]: f["sha256"] for f in json.loads(issued.get(number, "[]"))}
            actual = {n: hashlib.sha256((out / n).read_bytes()).hexdigest() for n in want}
            if recorded != actual:
                problems.append(f"number {number}: the register does not match the files")
    numbered_files = {int(s.rsplit("_so_", 1)[1]) for s in stems if "_so_" in s}
    for number in issued.keys() - numbered_files:
        problems.append(f"number {number} issued without its files")
    outcome.state = "complete" if stems else "none"
    if not outcome.killed and not stems:
        problems.append("a finished export left no files")


def run_kills(harness: Harness, per_kind: int, seed: int, report: Callable[[Outcome], None] | None = None,
              min_kills: int = 0) -> list[Outcome]:
    """per_kind rounds over every kind, then more rounds until min_kills runs were really killed."""
    rng = random.Random(seed)
    outcomes: list[Outcome] = []
    i = 0
    while i < per_kind or (sum(o.killed for o in outcomes) < min_kills and i < 10 * per_kind):
        for kind in KINDS:
            outcome = harness.kill_once(kind, i, rng)
            outcomes.append(outcome)
            if report:
                report(outcome)
        i += 1
    return outcomes


def summary(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for o in outcomes:
        row = table.setdefault(o.kind, {"kills": 0, "finished_first": 0, "problems": 0})
        row["kills" if o.killed else "finished_first"] += 1
        row["problems"] += bool(o.problems)
        for key in ([o.state] if o.state else []) + [f"recovery_{r}" for r in o.recovered]:
            row[key] = row.get(key, 0) + 1
    return table
