"""SIGKILL the command line at random moments (seeded) during every import kind (reception book, budget
table, poverty list, plan), every export kind (PDF and Excel, signed), `backup create` (copied to the
USB folder, or to a stick) and a run of ordinary form saves (save_child.py: visits with their citizens,
petitions, progress updates), then reopen the data folder as the program starts (backup and export
recovery, integrity check) and check: the database is intact, an import is all or nothing, no poverty
review without households, no file under a final name without all its siblings and valid signatures, no
unsigned copy, .part file or staging folder, no number left reserved; a backup under its final name
decrypts and verifies whole, its copy is the same bytes, no temporary file left by start-up (on a stick,
by the next backup there); the audit chain verifies with the start's last entry as an anchor, a committed
import, a finished export or backup has its entry and no entry names what is not there; every save the
child was told was made is there whole, no save is half there (tables, change log), each is one entry.
The long run (hundreds of kills) is long_kills.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

PER_KIND = 11  # 88 runs over the eight kinds, most of them killed, in about five minutes
SEED = 20261201


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_random_kills_leave_nothing_half_written(tmp_path: Path) -> None:
    # One calibration run per start: reception and budget over an earlier file (add, replace), the plan
    # first, the poverty list both first (its review made with it) and over an earlier list.
    h = harness.Harness(tmp_path, rows=600, evidence_bytes=4 << 20,
                        bases={"reception": ("loaded",), "budget": ("loaded",), "plan": ("fresh",)})
    h.prepare()
    h.calibrate()
    outcomes = harness.run_kills(h, PER_KIND, SEED)
    found = [o for o in outcomes if o.problems]
    assert not found, "\n".join(f"{o.kind} after {o.delay}s: {o.problems}" for o in found)
    table = harness.summary(outcomes)
    # runs really are killed part-way (most of them; the others finished first and were checked as finished)
    assert set(table) == set(harness.KINDS) and sum(r["kills"] for r in table.values()) >= len(outcomes) // 4
    assert table[harness.SAVE].get("saved", 0) >= PER_KIND // 2  # most save runs had acknowledged saves to check
