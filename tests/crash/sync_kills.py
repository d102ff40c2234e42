"""Kill (SIGKILL) the sync command line at random moments: `sync export` at the commune, `sync import`
at the province, `sync receipt import` at the commune; then reopen the data folder as the program does
at start-up and check that nothing is half-done. Used by test_sync_kills.py (a handful of kills) and
long_sync_kills.py (hundreds).

After a killed export, the output folder (the USB stick) holds no bundle, or bundles that read and
verify in full with the province's keys through the product's own reader; a temporary file is never
taken for a bundle and the next export into the folder removes it; the commune's database passes
its integrity check, and a new export works and applies at the province.
After a killed import, the province's database is exactly as before the import (same state hash,
same sync bookkeeping) or exactly as after a clean import of the same bundle, never in between; the
receipt beside the bundle is absent or valid; importing again ends in the clean import's state.
After a killed receipt import, the commune's acknowledgements are as before or as after.
After every reopen the audit chain verifies (services.audit.verify, the head of the folder the run
started from as an anchor), and what was committed or seen to finish has its entry: a bundle recorded
as sent its export entry, an import applied or a receipt read its import entry; none for what did not
happen.

The world (a province and an enrolled commune: PBKDF2 and scrypt, seconds) is built once; every kill
works on copies of its data folders.
"""

from __future__ import annotations

import json
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
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
for _p in (str(HERE), str(HERE.parent), str(HERE.parents[1])):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import audit_checks
import big_books
import sync_world
from sync_world import COMMUNE_PASS, PASS, at

from papi_desktop import paths

CHILD = HERE / "sync_child.py"  # the command line, with a smaller bundle part size when asked
KINDS = ("export", "export-parts", "import", "receipt")
PART_BYTES = 256 * 1024  # export-parts: a bundle of a few MB in a few dozen parts (the renames are a window too)


@dataclass
class Outcome:
    kind: str
    delay: float
    killed: bool  # False: it had finished before the kill came (checked as finished)
    problems: list[str] = field(default_factory=list)
    state: str = ""  # exports: none | bundle | bundle+orphan…; imports, receipts: before | after
    notes: list[str] = field(default_factory=list)  # harmless leftovers worth counting


def _env(**extra: str) -> dict[str, str]:
    return dict(os.environ, PYTHONIOENCODING="utf-8", TINH_PASS=PASS, XA_PASS=COMMUNE_PASS, **extra)


def _cli(data: Path, *args: str) -> list[str]:
    return [sys.executable, str(CHILD), "--data-dir", str(data), *args]


def _sql(data: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{data / paths.DB_FILE}?mode=ro", uri=True)


def fingerprint(data: Path, on_open: Callable[[Any], None] | None = None) -> dict[str, object]:
    """What an import or a receipt may change, minus the clock: the synced rows (state hash), the rows
    of every table, and the sync bookkeeping (bundles in and out, acknowledgements, conflicts).
    on_open(db): more checks of the database while it is open (its audit chain)."""
    from papi_desktop.services import setup
    from papi_desktop.sync.state import state_hash

    with at(data):
        db = setup.open_database(user="kill-check")  # what start-up does: integrity check, migrations
        try:
            with db.reader() as s:
                hashed = state_hash(s)
            if on_open is not None:
                on_open(db)
        finally:
            db.dispose()
    with _sql(data) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        bundles_in = sorted(conn.execute("SELECT bundle_id, digest, status, receipt IS NOT NULL FROM sync_bundle_in"))
        bundles_out = sorted(conn.execute("SELECT bundle_id, digest, acknowledged_at IS NOT NULL FROM sync_bundle_out"))
        acks = sorted(conn.execute("SELECT peer, origin_node, acked_seq FROM sync_ack"))
    return {"state_hash": hashed, "rows": counts, "bundles_in": [list(r) for r in bundles_in],
            "bundles_out": [list(r) for r in bundles_out], "acks": [list(r) for r in acks]}


def integrity(data: Path) -> str:
    with _sql(data) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def visible_bundles(folder: Path) -> list[list[Path] | tuple[Path, Exception]]:
    """The bundles an import of the folder would see (the product's own grouping of parts)."""
    from papi_desktop.services import sync_import

    return sync_import._bundle_files([folder]) if folder.is_dir() else []


class SyncHarness:
    """The world's data folders, the bundle and receipt of a clean run, and calibrated run times."""

    def __init__(self, root: Path, visits: int = 400, evidence_bytes: int = 8 << 20, import_every: int = 1) -> None:
        self.root = Path(root)
        self.import_every, self._exports = import_every, 0
        self.visits, self.evidence_bytes = visits, evidence_bytes
        self.duration: dict[str, float] = {}
        self.window: dict[str, float] = {}  # when the part of interest starts (after the keys are open)
        self._runs = 0
        self._receiver = None
        self.heads: dict[str, audit_checks.Anchor] = {}  # each start's last audit entry: prov0, com0, com1

    # ---- set-up ----

    def prepare(self) -> None:
        from papi_desktop.services import reception_import

        r = self.root
        prov = sync_world.Province(r / "prov0")
        com = sync_world.Commune(r / "com0", prov)
        book = big_books.reception_book(r / "visits.xlsx", self.visits, 7)
        with at(com.dir):
            reception_import.apply_import(com.db, reception_import.preview_import(com.db, book))
        com.add_evidence(random.Random(5).randbytes(self.evidence_bytes), "bien-ban-hop-dan.pdf")
        com.db.dispose()
        prov.db.dispose()
        self.prov0, self.com0 = prov.dir, com.dir
        with at(self.prov0):
            from papi_desktop.services import province

            self.root_pem = province.root_pem()
        # The clean run every kill is compared with: export, import, receipt.
        self.com1 = self._copy(self.com0, "com1")
        done = self._run(self.com1, "sync", "export", "--out", str(r / "ref-usb"), "--passphrase-env", "XA_PASS",
                         "--json")
        self.bundle = [Path(f) for f in json.loads(done.stdout)["files"]]
        self.changes = json.loads(done.stdout)["changes"]
        self.bundle_id = json.loads(done.stdout)["bundle_id"]
        for name, folder in (("prov0", self.prov0), ("com0", self.com0), ("com1", self.com1)):
            with at(folder):
                db = _open(folder)
                try:
                    self.heads[name] = audit_checks.head(db)
                finally:
                    db.dispose()
        self.prov_before = fingerprint(self.prov0)
        self.prov1 = self._copy(self.prov0, "prov1")
        stick = self._stick(r / "ref-stick")
        done = self._run(self.prov1, "sync", "import", str(stick[0]), "--passphrase-env", "TINH_PASS", "--json")
        (summary,) = json.loads(done.stdout)
        assert summary["status"] == "applied" and summary["receipt"], summary
        self.receipt = Path(summary["receipt"])
        self.prov_after = fingerprint(self.prov1)
        self.com_before = fingerprint(self.com1)
        self.com2 = self._copy(self.com1, "com2")
        self._run(self.com2, "sync", "receipt", "import", str(self.receipt))
        self.com_after = fingerprint(self.com2)
        assert self.com_after != self.com_before and self.prov_after != self.prov_before
        # A second clean import from the same start gives the same fingerprint (nothing in it is the clock).
        again = self._copy(self.prov0, "prov1-again")
        self._run(again, "sync", "import", str(self._stick(r / "ref-stick2")[0]), "--passphrase-env", "TINH_PASS")
        assert fingerprint(again) == self.prov_after, "the after state depends on more than the bundle"
        shutil.rmtree(again)

    def receiver(self):
        """The province's reader for the checks, built once (opening its keys costs seconds)."""
        if self._receiver is None:
            from papi_desktop.services import sync_import

            with at(self.prov0):
                self._receiver = sync_import.province_receiver(PASS)
        return self._receiver

    def _copy(self, src: Path, name: str) -> Path:
        dst = self.root / name
        shutil.copytree(src, dst)
        return dst

    def _stick(self, folder: Path) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        for part in self.bundle:
            shutil.copy2(part, folder / part.name)
        return [folder / p.name for p in self.bundle]

    def _run(self, data: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(_cli(data, *args), capture_output=True, text=True, encoding="utf-8",
                              env=_env(**env), timeout=600, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{args} does not run: {done.stderr}")
        return done

    # ---- the commands killed ----

    def _case(self, kind: str) -> tuple[Path, list[str], dict[str, str]]:
        self._runs += 1
        case = self.root / "runs" / f"{self._runs:04d}-{kind}"
        case.mkdir(parents=True)
        if kind.startswith("export"):
            data = case / "com"
            shutil.copytree(self.com0, data)
            env = {"PAPI_TEST_PART_BYTES": str(PART_BYTES)} if kind == "export-parts" else {}
            return case, _cli(data, "sync", "export", "--out", str(case / "usb"), "--passphrase-env", "XA_PASS"), env
        if kind == "import":
            data = case / "prov"
            shutil.copytree(self.prov0, data)
            stick = self._stick(case / "usb")
            return case, _cli(data, "sync", "import", str(stick[0]), "--passphrase-env", "TINH_PASS"), {}
        data = case / "com"
        shutil.copytree(self.com1, data)
        (case / "usb").mkdir()
        shutil.copy2(self.receipt, case / "usb" / self.receipt.name)
        return case, _cli(data, "sync", "receipt", "import", str(case / "usb" / self.receipt.name)), {}

    def calibrate(self) -> None:
        """Run each command to its end once, and once up to where its real work starts: the delays are
        spread over the whole run, half of them over the part after the keys are open."""
        for kind in KINDS:
            case, cmd, env = self._case(kind)
            started = time.monotonic()
            with (case / "stderr.txt").open("wb") as err:
                proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=_env(**env))
            first_write = None
            while proc.poll() is None:
                if first_write is None and kind.startswith("export") and (case / "usb").is_dir() \
                        and any((case / "usb").iterdir()):
                    first_write = time.monotonic() - started
                time.sleep(0.005)
            self.duration[kind] = time.monotonic() - started
            if proc.returncode != 0:
                raise RuntimeError(f"{kind} does not run: {(case / 'stderr.txt').read_text(errors='replace')}")
            if kind == "import":  # the same command on an empty folder: start-up and opening the keys
                empty = case / "empty"
                empty.mkdir()
                t = time.monotonic()
                subprocess.run(cmd[:-3] + [str(empty), "--passphrase-env", "TINH_PASS"], env=_env(),
                               capture_output=True, check=False)
                first_write = time.monotonic() - t
            self.window[kind] = 0.8 * first_write if first_write else 0.0
            shutil.rmtree(case)

    # ---- one kill ----

    def kill_once(self, kind: str, rng: random.Random) -> Outcome:
        case, cmd, env = self._case(kind)
        total, start = self.duration[kind], self.window[kind]
        # Half the kills anywhere in the run, half where the bundle is written or applied (some around its
        # commit, at the very end); a few come past the end and check a finished run.
        pick = rng.random()
        delay = rng.uniform(0.05, 1.05) * total if pick < 0.5 else rng.uniform(start, 1.05 * total) \
            if pick < 0.8 else rng.uniform(0.85, 1.08) * total
        started = time.monotonic()
        with (case / "stderr.txt").open("wb") as err:
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=_env(**env))
        try:
            proc.wait(timeout=delay)
            killed = False
            self.duration[kind] = (self.duration[kind] + time.monotonic() - started) / 2
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            killed = True
            if delay > 0.9 * self.duration[kind]:
                self.duration[kind] *= 1.1
        outcome = Outcome(kind, round(delay, 3), killed)
        stderr = (case / "stderr.txt").read_text(encoding="utf-8", errors="replace")
        if not killed and proc.returncode != 0:
            outcome.problems.append(f"exit status {proc.returncode} without a kill: {stderr[-300:]}")
        try:
            check = {"import": self._check_import, "receipt": self._check_receipt}.get(kind, self._check_export)
            check(case, outcome)
        except Exception as exc:  # noqa: BLE001 - any failure of the checks is a finding
            outcome.problems.append(f"check failed: {exc!r}")
        if not outcome.problems:
            shutil.rmtree(case)  # a failing case stays for a look
        return outcome

    # ---- checks ----

    def _read(self, parts: list[Path]) -> dict[str, object]:
        """Open a bundle with the province's keys, in full: signature, recipient, every member's hash."""
        from papi_desktop.services.sync_import import CHANGES
        from papi_desktop.sync import bundle

        r = self.receiver()
        def hashed(name: str, sha: str, chunks) -> None:
            with open(os.devnull, "wb") as null:
                bundle.check_digest(name, sha, chunks, null)

        opened = bundle.read_bundle(parts, [r.identity], r.root_pem, r.recipient, in_memory=lambda n: n == CHANGES,
                                    sink=hashed)
        if not opened.complete:
            raise AssertionError("read stopped early")
        return opened.manifest

    def _check_export(self, case: Path, outcome: Outcome) -> None:
        from papi_desktop.services import export_staging, setup

        data, usb, problems = case / "com", case / "usb", outcome.problems
        with at(data):
            db = setup.open_database(user="recovery")  # start-up: integrity check, migrations, export recovery
            export_staging.recover_unfinished(db)
            audit_checks.check(db, self.heads["com0"], problems)
            db.dispose()
        if (ok := integrity(data)) != "ok":
            problems.append(f"integrity_check: {ok}")
        with _sql(data) as conn:
            sent = {r[0]: json.loads(r[1]) for r in conn.execute("SELECT bundle_id, files_json FROM sync_bundle_out")}
        self._export_entries(data, set(sent), problems)
        found = visible_bundles(usb)
        states = []
        for parts in found:
            if isinstance(parts, tuple):
                from papi_desktop.sync import bundle

                if bundle.unfinished(parts[0]):  # killed between renames: refused as interrupted, then swept
                    states.append("interrupted")
                else:
                    problems.append(f"a bundle visible but not whole: {parts[0].name}: {parts[1]}")
                continue
            try:
                manifest = self._read(parts)
            except Exception as exc:  # noqa: BLE001
                problems.append(f"{parts[0].name} does not read or verify: {exc}")
                continue
            if manifest.get("changes") != self.changes:
                problems.append(f"{parts[0].name}: {manifest.get('changes')} changes, not {self.changes}")
            recorded = sent.get(str(manifest["bundle_id"]))
            if recorded is None:
                states.append("orphan")  # on the stick, unknown to the PC that wrote it: its receipt is refused
                problems.append(f"{parts[0].name}: a verified bundle the commune has no record of sending")
            elif sorted(recorded) != sorted(p.name for p in parts):
                problems.append(f"{parts[0].name}: recorded as {recorded}")
            else:
                states.append("bundle")
        on_stick = {p.name for g in found if isinstance(g, list) for p in g}
        if any(not set(names) <= on_stick for names in sent.values()):
            outcome.notes.append("recorded before its renames, not on the stick")
        outcome.state = "+".join(states) or "none"
        if not outcome.killed and states != ["bundle"]:
            problems.append(f"a finished export left {outcome.state}")
        temps = [p.name for p in usb.iterdir() if p not in {q for g in found if isinstance(g, list) for q in g}] \
            if usb.is_dir() else []
        if temps:
            outcome.notes.append(f"{len(temps)} temporary file(s) on the stick")
        self._export_again(case, data, usb, outcome)

    def _export_entries(self, data: Path, sent: set[str], problems: list[str], when: str = "") -> None:
        """A bundle recorded as sent has its export entry (written in the same transaction); an entry for a
        bundle not recorded is one withdrawn since, with its entry."""
        entries = audit_checks.entries_after(data, self.heads["com0"][0])
        for bundle_id in sorted(sent):
            if not audit_checks.of(entries, "export", what="bundle", bundle_id=bundle_id):
                problems.append(f"bundle {bundle_id[:8]} recorded as sent without its audit entry{when}")
        for e in audit_checks.of(entries, "export", what="bundle"):
            gone = e.detail.get("bundle_id")
            if gone not in sent and not audit_checks.of(entries, "export", what="bundle-withdrawn", bundle_id=gone):
                problems.append(f"an audit entry for bundle {str(gone)[:8]}, neither recorded nor withdrawn{when}")

    def _export_again(self, case: Path, data: Path, usb: Path, outcome: Outcome) -> None:
        """A new export into the same folder works, leaves no temporary file, and applies at the province
        (with whatever the killed one left beside it)."""
        from papi_desktop.services import sync as sync_service
        from papi_desktop.services import sync_import

        problems = outcome.problems
        with at(data):
            db = _open(data)
            try:
                result = sync_service.export_bundle(db, usb, COMMUNE_PASS)
                audit_checks.check(db, self.heads["com0"], problems, " after a new export")
            except Exception as exc:  # noqa: BLE001
                problems.append(f"a new export fails: {exc}")
                return
            finally:
                db.dispose()
        if result is None or result.changes != self.changes:
            problems.append(f"the new export carries {result and result.changes} changes, not {self.changes}")
            return
        left = sorted(p.name for p in usb.iterdir() if p.name.startswith(".") or not p.name.endswith(".papi"))
        if left:
            problems.append(f"files left beside the bundles after a new export: {left[:3]}")
        self._read(result.files)
        with _sql(data) as conn:
            recorded = {r[0]: json.loads(r[1]) for r in conn.execute("SELECT bundle_id, files_json FROM "
                                                                     "sync_bundle_out")}
        if result.bundle_id not in recorded:
            problems.append("the new export is not recorded as sent")
        self._export_entries(data, set(recorded), problems, " after a new export")
        sent = list(recorded.values())
        missing = [n for names in sent for n in names if not (usb / n).is_file()]
        if missing:
            problems.append(f"recorded as written but not on the stick after a new export: {missing[:2]}")
        self._exports += 1
        if len(visible_bundles(usb)) < 2 and self._exports % self.import_every:
            return  # the province's import of a lone new bundle is checked on every import_every-th one
        prov = case / "prov"
        shutil.copytree(self.prov0, prov)
        with at(prov):
            db = _open(prov)
            try:
                summaries = sync_import.import_with(db, self.receiver(), [usb])
            finally:
                db.dispose()
        statuses = sorted(s.status for s in summaries)
        if "applied" not in statuses or set(statuses) - {"applied", "unchanged"}:
            problems.append(f"the stick's bundles import as {statuses}: "
                            f"{[s.reasons for s in summaries if s.status not in ('applied', 'unchanged')]}")
        after = fingerprint(prov, lambda db: audit_checks.check(db, self.heads["prov0"], problems,
                                                                " after importing the new export"))
        if after["state_hash"] != self.prov_after["state_hash"]:
            problems.append("the province after importing the new export differs from a clean import")

    def _check_import(self, case: Path, outcome: Outcome) -> None:
        from papi_desktop.services import sync_import

        data, stick, problems = case / "prov", case / "usb", outcome.problems
        if (ok := integrity(data)) != "ok":
            problems.append(f"integrity_check: {ok}")
        now = fingerprint(data, lambda db: audit_checks.check(db, self.heads["prov0"], problems))
        outcome.state = "before" if now == self.prov_before else "after" if now == self.prov_after else "HALF"
        if outcome.state == "HALF":
            problems.append("the province is neither as before nor as after: " + _diff(now, self.prov_before,
                                                                                     self.prov_after))
        if not outcome.killed and outcome.state != "after":
            problems.append("a finished import was lost")
        self._import_entry(data, "prov0", "bundle", outcome.state, problems)
        receipt = stick / self.receipt.name
        if receipt.exists():
            self._valid_receipt(receipt, problems)
            if outcome.state == "before":
                problems.append("a receipt for an import that did not happen")
        else:
            outcome.notes.append("no receipt")
        leftovers = [p.name for p in (data / "attachments").glob(".*")] if (data / "attachments").is_dir() else []
        if leftovers:
            outcome.notes.append(f"{len(leftovers)} partial attachment file(s) left in the data folder")
        if outcome.state == "before":
            extra = {p.name for p in (data / "attachments").iterdir() if not p.name.startswith(".")} \
                if (data / "attachments").is_dir() else set()
            if extra:
                outcome.notes.append(f"{len(extra)} attachment(s) stored without their import")
        # Import again: the clean import's state, and a valid receipt beside the bundle.
        with at(data):
            db = _open(data)
            try:
                (summary, *_rest) = sync_import.import_with(db, self.receiver(), [stick / self.bundle[0].name])
            finally:
                db.dispose()
        want = "applied" if outcome.state == "before" else "unchanged"
        if summary.status != want:
            problems.append(f"the import again says {summary.status}, not {want}: {summary.reasons}")
        if fingerprint(data, lambda db: audit_checks.check(db, self.heads["prov0"], problems,
                                                           " after importing again")) != self.prov_after:
            problems.append("importing again does not end as a clean import")
        self._import_entry(data, "prov0", "bundle", "after", problems, " after importing again")
        if not receipt.exists():
            problems.append("no receipt after importing again")
        else:
            self._valid_receipt(receipt, problems)

    def _import_entry(self, data: Path, start: str, what: str, state: str, problems: list[str], when: str = "") -> None:
        """The import entry of this bundle (what: bundle, at the province; receipt, at the commune), written in
        the import's transaction: there when it happened (applied), absent when it did not."""
        entries = audit_checks.of(audit_checks.entries_after(data, self.heads[start][0]), "import", what=what,
                                  bundle_id=self.bundle_id)
        if state == "after" and not [e for e in entries if what == "receipt" or e.detail.get("status") == "applied"]:
            problems.append(f"the {what} was taken in without its audit entry{when}")
        if state == "before" and entries:
            problems.append(f"an audit entry for a {what} not taken in: {entries[0].detail.get('status')}")

    def _valid_receipt(self, path: Path, problems: list[str]) -> None:
        from papi_desktop.sync import bundle

        try:
            opened = bundle.read_bundle(bundle.bundle_parts(path), None, self.root_pem, None, in_memory=lambda n: True)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"the receipt does not read: {exc}")
            return
        body = opened.manifest
        if body.get("kind") != "receipt" or body.get("status") != "applied" or not body.get("acknowledged"):
            problems.append(f"the receipt says {body.get('kind')} {body.get('status')}")

    def _check_receipt(self, case: Path, outcome: Outcome) -> None:
        from papi_desktop.services import sync as sync_service

        data, problems = case / "com", outcome.problems
        if (ok := integrity(data)) != "ok":
            problems.append(f"integrity_check: {ok}")
        now = fingerprint(data, lambda db: audit_checks.check(db, self.heads["com1"], problems))
        outcome.state = "before" if now == self.com_before else "after" if now == self.com_after else "HALF"
        if outcome.state == "HALF":
            problems.append("the commune is neither as before nor as after: " + _diff(now, self.com_before,
                                                                                    self.com_after))
        if not outcome.killed and outcome.state != "after":
            problems.append("a finished receipt import was lost")
        self._import_entry(data, "com1", "receipt", outcome.state, problems)
        with at(data):
            db = _open(data)
            try:
                result = sync_service.import_receipt(db, case / "usb" / self.receipt.name)
            finally:
                db.dispose()
        if result.already != (outcome.state == "after"):
            problems.append(f"reading the receipt again says already={result.already} in state {outcome.state}")
        if fingerprint(data, lambda db: audit_checks.check(db, self.heads["com1"], problems,
                                                           " after reading the receipt again")) != self.com_after:
            problems.append("reading the receipt again does not end as a clean read")
        self._import_entry(data, "com1", "receipt", "after", problems, " after reading the receipt again")


def _open(data: Path):
    """The database of data, opened as at start-up; the caller runs inside at(data)."""
    from papi_desktop.services import setup

    assert paths.data_dir() == data
    return setup.open_database(user="kill-check")


def _diff(now: dict, before: dict, after: dict) -> str:
    keys = [k for k in now if now[k] != before[k] and now[k] != after[k]]
    if "rows" in keys:
        rows = {t: n for t, n in now["rows"].items() if n != before["rows"].get(t) and n != after["rows"].get(t)}
        return f"{keys}; rows {rows}"
    return str(keys)


def run_kills(h: SyncHarness, rounds: int, seed: int, report: Callable[[Outcome], None] | None = None,
              kinds: tuple[str, ...] = KINDS, min_kills: int = 0) -> list[Outcome]:
    """rounds over the kinds, then more until min_kills runs were really killed part-way."""
    rng = random.Random(seed)
    outcomes: list[Outcome] = []
    i = 0
    while i < rounds or (sum(o.killed for o in outcomes) < min_kills and i < 10 * max(rounds, 1)):
        for kind in kinds:
            outcome = h.kill_once(kind, rng)
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
        for key in [o.state, *(n.split(" ", 1)[-1] if n[0].isdigit() else n for n in o.notes)]:
            if key:
                row[key] = row.get(key, 0) + 1
    return table
