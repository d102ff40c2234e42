"""Kill the command line (SIGKILL) at random moments during imports, report exports (signed or not),
backups and ordinary form saves (save_child.py, checked by save_checks.py), reopen the data folder as the
program does at start-up (backup and export recovery, integrity check) and check that nothing is
half-written and the audit chain verifies, with the run's entry when it finished or committed. Used by
test_kills.py (a few dozen kills) and long_kills.py (hundreds)."""

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
from typing import Any

import audit_checks
import big_books
import save_checks

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
BACKUP = "backup"  # `backup create` by hand: into the backups folder and copied to the USB folder, or --to a stick
SAVE = "save"  # save_child.py: visits, petitions and progress updates through the services, one after another
SAVES = 80  # the calibration's run, checked finished; killed runs save until the kill
KINDS = [*IMPORT_TABLES, *EXPORTS, BACKUP, SAVE]
USB_SETTING = "backup_usb_dir"  # services.backup's: a PC's own setting, outside the change log and the chain


@dataclass
class Outcome:
    kind: str
    delay: float
    killed: bool  # False: the process had finished before the kill came
    problems: list[str] = field(default_factory=list)
    state: str = ""  # before | after (imports), none | complete (exports), none | made | copied (backups)
    recovered: list[str] = field(default_factory=list)  # what start-up recovery did: finished, removed, withdrew
    notes: list[str] = field(default_factory=list)  # harmless leftovers and windows worth counting


def _cli(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "papi_desktop", "--data-dir", str(data), *args]


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONIOENCODING="utf-8", PAPI_PASS=PASSPHRASE)


class Harness:
    """Snapshots of a data folder per case, the files to import, and the calibrated run times."""

    def __init__(self, root: Path, rows: int = 2000, bases: dict[str, tuple[str, ...]] | None = None,
                 evidence_bytes: int = 16 << 20, kinds: list[str] | None = None) -> None:
        self.root = Path(root)
        self.kinds = kinds or KINDS  # those calibrated and killed
        self.rows = rows
        self.evidence_bytes = evidence_bytes  # a file attached in the backed-up folder: the backup's write lasts
        # The data folder each kind starts from, in turn: "fresh" (the first import of its kind, e.g. the
        # poverty review made with its list) or "loaded" (an earlier file in: re-runs replace or add).
        self.bases = {"reception": ("fresh", "loaded"), "budget": ("fresh", "loaded"), "poverty": ("fresh", "loaded"),
                      "plan": ("fresh", "loaded"), **(bases or {})}
        self.books: dict[str, Path] = {}
        self.snapshots: dict[str, Path] = {}
        self.duration: dict[str, float] = {}
        self.after: dict[tuple[str, str], tuple[int, ...]] = {}
        self.window: dict[str, float] = {}  # backups: when the file starts being written (after the passphrase)
        self.heads: dict[str, audit_checks.Anchor] = {}  # each snapshot's last audit entry
        self.old_backups: set[str] = set()  # the backup in the backed-up snapshot
        self._runs = 0

    # ---- set-up ----

    def prepare(self) -> None:
        from papi_desktop.services import backup, budget, keys, plan_import, poverty, reception_import, setup

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
        shutil.copytree(self.root / "reports", self.root / "backed")
        with _opened(self.root / "backed") as db:
            _attach(db, books / "bien-ban.pdf", random.Random(4).randbytes(self.evidence_bytes))
            self.old_backups = {backup.create(db, PASSPHRASE).entry.path.name}  # the key (scrypt) made once
        self.snapshots = {name: self.root / name for name in ("fresh", "loaded", "reports", "backed")}
        for name, folder in self.snapshots.items():
            with _opened(folder) as db:
                self.heads[name] = audit_checks.head(db)

    def command(self, kind: str, variant: int, data: Path, until_killed: bool = False) -> list[str]:
        if kind == SAVE:
            saves = 0 if until_killed else SAVES  # 0: no end, so a kill never comes after the last save
            return [sys.executable, str(Path(__file__).with_name("save_child.py")), str(data), str(saves)]
        if kind == BACKUP:  # odd variants --to a stick (no copy), even ones to the backups and USB folders
            to = ["--to", str(data / "stick")] if variant % 2 else []
            return _cli(data, "backup", "create", "--passphrase-env", "PAPI_PASS", *to)
        if kind in EXPORTS:
            report = ("reception-book", "2026") if variant % 2 else ("petitions", "2026-H1")
            args = ["report", "export", "--kind", report[0], "--period", report[1], "--out", str(data / "out")]
            return _cli(data, *args, *(["--sign", "--passphrase-env", "PAPI_PASS"] if EXPORTS[kind] else []))
        sub = {"reception": ["reception", "import"], "budget": ["postings", "import-budget"],
               "poverty": ["postings", "import-poverty"], "plan": ["plan", "import"]}[kind]
        return _cli(data, *sub, str(self.books[kind]))

    def base(self, kind: str, variant: int) -> str:
        if kind == BACKUP:
            return "backed"
        return "reports" if kind in EXPORTS or kind == SAVE else self.bases[kind][variant % len(self.bases[kind])]

    def _case(self, kind: str, variant: int) -> Path:
        self._runs += 1
        data = self.root / "runs" / f"{self._runs:04d}-{kind}"
        shutil.copytree(self.snapshots[self.base(kind, variant)], data)
        if kind == BACKUP:
            (data / ("stick" if variant % 2 else "usb")).mkdir()
            if not variant % 2:  # this case's own USB folder (the setting holds a full path)
                with sqlite3.connect(data / paths.DB_FILE) as conn:
                    conn.execute("INSERT INTO local_setting (key, value) VALUES (?, ?)", (USB_SETTING,
                                                                                         str(data / "usb")))
                conn.close()
        return data

    def _target(self, kind: str, variant: int, data: Path) -> Path | None:
        """The folder a backup is written into (watched for its first temporary file)."""
        if kind != BACKUP:
            return None
        return data / "stick" if variant % 2 else data / "backups"

    def _writing(self, kind: str, variant: int, data: Path) -> bool:
        """The run has started its work proper: a backup's first temporary file, a child's first save."""
        if kind == SAVE:
            return _saved(data).is_file() and _saved(data).stat().st_size > 0
        target = self._target(kind, variant, data)
        return target is not None and target.is_dir() and any(p.suffix == ".part" for p in target.iterdir())

    @staticmethod
    def _start(kind: str, command: list[str], data: Path, stderr: Any) -> subprocess.Popen:
        """A save child's stdout goes to a file beside the case: the saves it was told were made."""
        if kind != SAVE:
            return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, env=_env())
        with _saved(data).open("wb") as out:
            return subprocess.Popen(command, stdout=out, stderr=stderr, env=_env())

    def calibrate(self) -> None:
        """Run every operation to its end once: how long it takes, and the counts it leaves."""
        for kind in self.kinds:
            # exports: the reception book, the longer of the two reports they alternate between
            # backups: the one copied to the USB folder, the longer of the two
            variants = range(len(self.bases[kind])) if kind in IMPORT_TABLES else (1,) if kind in EXPORTS else (0,)
            for variant in variants:
                data = self._case(kind, variant)
                started, first_write = time.monotonic(), None
                with (data.parent / f"{data.name}.err").open("w+", encoding="utf-8") as err:
                    proc = self._start(kind, self.command(kind, variant, data), data, err)
                    while proc.poll() is None:
                        if kind in (BACKUP, SAVE) and first_write is None and self._writing(kind, variant, data):
                            first_write = time.monotonic() - started
                        time.sleep(0.005)
                    err.seek(0)
                    stderr = err.read()
                (data.parent / f"{data.name}.err").unlink()
                self.duration[kind] = max(self.duration.get(kind, 0.0), time.monotonic() - started)
                if proc.returncode != 0:
                    raise RuntimeError(f"{kind} does not run: {stderr}")
                if first_write is not None:
                    self.window[kind] = min(self.window.get(kind, first_write), 0.9 * first_write)
                self.after[(kind, self.base(kind, variant))] = _counts(data, kind)
                if kind == SAVE:  # the one finished run of the kind: every save there
                    done = Outcome(kind, 0.0, False)
                    base = self.base(kind, variant)
                    save_checks.check(data, self.snapshots[base], save_checks.reported(_saved(data)), False, SAVES,
                                      self.heads[base][0], done)
                    if done.problems:
                        raise RuntimeError(f"a finished save run: {done.problems}")
                _remove(data)

    # ---- one kill ----

    def kill_once(self, kind: str, variant: int, rng: random.Random) -> Outcome:
        data = self._case(kind, variant)
        before = _counts(data, kind)
        delay = rng.uniform(0.2, 1.05) * self.duration[kind]  # past the end too: a finished run is checked
        if kind in self.window and rng.random() < 0.6:  # a backup's passphrase check, a child's start: aim past
            delay = rng.uniform(self.window[kind], 1.05 * self.duration[kind])
        started = time.monotonic()
        proc = self._start(kind, self.command(kind, variant, data, until_killed=True), data, subprocess.DEVNULL)
        try:
            proc.wait(timeout=delay)
            killed = False
            # It ran faster than calibrated (the machine is less busy now): aim the next kills earlier.
            self.duration[kind] = (self.duration[kind] + time.monotonic() - started) / 2
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            killed = True
            # Aimed at its end and it was not there yet: slower now. A save child has no end.
            if delay > 0.9 * self.duration[kind] and kind != SAVE:
                self.duration[kind] *= 1.15
        outcome = Outcome(kind, round(delay, 3), killed)
        if not killed and (proc.returncode != 0 or kind == SAVE):
            outcome.problems.append(f"exit status {proc.returncode} without a kill")
        base = self.base(kind, variant)
        self._reopen_and_check(data, kind, before, self.after[(kind, base)], outcome, self.heads[base])
        if kind == SAVE:
            save_checks.check(data, self.snapshots[base], save_checks.reported(_saved(data)), killed, SAVES,
                              self.heads[base][0], outcome)
        if not outcome.problems:
            _remove(data)  # a failing case stays for a look
        return outcome

    def _reopen_and_check(self, data: Path, kind: str, before: tuple[int, ...], after: tuple[int, ...],
                          outcome: Outcome, anchor: audit_checks.Anchor) -> None:
        from papi_desktop.services import backup, backup_journal, export_staging, setup

        paths.set_override(data)
        try:
            backup.recover()  # what start-up does first: a killed restore finished, killed backups' files swept
            db = setup.open_database(user="recovery")  # then: check, migrate, open
            try:
                outcome.recovered = [done.split()[0] for done in export_staging.recover_unfinished(db)]
                if backup_journal.settle(db):  # a backup killed between its rename and its entry: entered now
                    outcome.notes.append("backup entered at the next opening")
                audit_checks.check(db, anchor, outcome.problems)
                check_folder(data, kind, before, after, outcome)
                entries = audit_checks.entries_after(data, anchor[0])
                if kind == BACKUP:
                    self._check_backups(db, data, outcome, entries)
                elif kind != SAVE:  # save_checks: after the reopen
                    _check_entries(kind, data, before, after, entries, outcome)
            finally:
                db.dispose()
        except Exception as exc:  # noqa: BLE001 - any failure to reopen is a finding
            outcome.problems.append(f"reopen failed: {exc!r}")
        finally:
            paths.set_override(None)

    def _check_backups(self, db: Any, data: Path, outcome: Outcome, entries: list[audit_checks.Entry]) -> None:
        """Under a final name a backup is whole: it decrypts and verifies (services.backup.verify), its USB
        copy is the same bytes, the key beside it opens it; start-up leaves no temporary file or work folder
        in the data folder; a finished backup has its audit entry, and no entry names a backup not there."""
        from papi_desktop.services import backup, backup_journal

        problems = outcome.problems
        local, usb, stick = data / "backups", data / "usb", data / "stick"
        left = [*data.glob(".backup-work-*"), *data.glob(".verify-*"), *local.glob("*.part"),
                *data.glob(f"{backup_journal.FOLDER}/*")]  # start-up settled every note of a process gone
        problems += [f"leftover after start-up: {p.relative_to(data)}" for p in left]
        listed = [e for e in backup.list_backups(db, [stick]) if e.path.name not in self.old_backups]
        for folder in (local, usb, stick):
            named = {p.name for p in folder.glob("papi-backup-*.age") if backup.parse_name(p) is not None}
            if unlisted := named - {e.path.name for e in listed} - self.old_backups:
                problems.append(f"backups not listed: {sorted(unlisted)}")
        made = [e for e in listed if e.path.parent != usb]
        copies = [e for e in listed if e.path.parent == usb]
        key = (data / "keys" / backup.KEY_FILE).read_bytes()
        for e in made:
            try:
                manifest = backup.verify(e.path, PASSPHRASE)
                if manifest.seq != e.seq or manifest.reason != "manual":
                    problems.append(f"{e.path.name}: its manifest says seq {manifest.seq}, {manifest.reason}")
            except Exception as exc:  # noqa: BLE001 - a backup under its final name that does not verify
                problems.append(f"{e.path.relative_to(data)} does not verify: {exc}")
        for folder in {e.path.parent for e in listed}:
            beside = folder / backup.key_beside(listed[0].node)
            if not beside.is_file() or beside.read_bytes() != key:
                problems.append(f"{beside.relative_to(data)}: not the backup key, whole")
        for e in copies:
            if not (local / e.path.name).is_file() or (local / e.path.name).read_bytes() != e.path.read_bytes():
                problems.append(f"the USB copy {e.path.name} differs from the backup it copies")
        if len(made) > 1 or len(copies) > len(made):
            problems.append(f"{len(made)} backups and {len(copies)} copies from one run")
        outcome.state = "copied" if copies else "made" if made else "none"
        if not outcome.killed and (not made or (usb.is_dir() and not copies)):
            problems.append(f"a finished backup left {outcome.state}")
        self._check_backup_entries(made, copies, entries, outcome)
        for folder in (usb, stick):  # a killed write's temporary file there: removed by the next backup into it
            if parts := list(folder.glob("*.part")):
                outcome.notes.append("temporary file on the stick")
                backup.create(db, None, None if folder == usb else folder)
                if parts := [p for p in parts if p.exists()]:
                    problems.append(f"the next backup leaves {parts[0].relative_to(data)}")

    @staticmethod
    def _check_backup_entries(made: list, copies: list, entries: list[audit_checks.Entry], outcome: Outcome) -> None:
        noted = audit_checks.of(entries, "backup")
        for detail in (e.detail for e in noted):
            if not any(e.path.name == detail.get("file") for e in made):
                outcome.problems.append(f"an audit entry for a backup not there: {detail.get('file')}")
            elif sorted(detail.get("copies", [])) != sorted(e.path.name for e in copies):
                outcome.problems.append(f"the audit entry lists copies {detail.get('copies')}")
        if len(noted) > 1:
            outcome.problems.append(f"{len(noted)} backup entries for one run")
        if made and not noted:  # killed or not: start-up enters what a kill left out (backup_journal)
            outcome.problems.append("a backup under its final name has no audit entry")


def _saved(data: Path) -> Path:
    return data.parent / f"{data.name}.saved"


def _remove(data: Path) -> None:
    """A case's folder and what a save child left beside it (its report, its evidence files)."""
    shutil.rmtree(data)
    _saved(data).unlink(missing_ok=True)
    shutil.rmtree(data.parent / f"{data.name}.evidence", ignore_errors=True)


def _attach(db: Any, source: Path, content: bytes) -> None:
    """A progress update on the first task with one evidence file (in attachments/, so in every backup)."""
    from sqlalchemy import select

    from papi_desktop.services import progress
    from papi_desktop.storage.models import Task

    source.write_bytes(content)
    with db.reader() as s:
        task_id = s.scalar(select(Task.id).where(Task.deleted.is_(False)).order_by(Task.position).limit(1))
    progress.add_update(db, task_id, "2026-H1", "Đã họp dân", TODAY,
                        [progress.EvidenceInput("Biên bản số 12/BB-UBND", TODAY, file=source)])


def _check_entries(kind: str, data: Path, before: tuple[int, ...], after: tuple[int, ...],
                   entries: list[audit_checks.Entry], outcome: Outcome) -> None:
    """An import that committed has its change entry (written in its transaction), covering its change-log
    rows; a finished export has its export or sign entry naming its files; no entry names files not there."""
    problems = outcome.problems
    if kind in IMPORT_TABLES:
        logged = after[-1] - before[-1]  # the change-log rows the import writes
        covered = sum(e.changes for e in audit_checks.of(entries, "change"))
        if outcome.state == "after" and covered < logged:
            problems.append(f"the import's {logged} change-log rows: {covered} covered by new change entries")
        return
    noted = audit_checks.of(entries, "sign" if EXPORTS[kind] else "export", what="report")
    out = data / "out"
    there = {p.name for p in out.iterdir() if p.is_file()} if out.is_dir() else set()
    for detail in (e.detail for e in noted):
        if not set(detail.get("files", [])) or not set(detail["files"]) <= there:
            problems.append(f"an audit entry for files not there: {detail.get('files')}")
    if len(noted) > 1:
        problems.append(f"{len(noted)} export entries for one run")
    if outcome.state == "complete" and not noted:  # the entry commits with the number's issue, killed or not
        problems.append("a finished export has no audit entry")


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
    if kind not in IMPORT_TABLES:
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
    if kind in EXPORTS:
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
        for kind in harness.kinds:
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
        for key in ([o.state] if o.state else []) + [f"recovery_{r}" for r in o.recovered] + o.notes:
            row[key] = row.get(key, 0) + 1
    return table
