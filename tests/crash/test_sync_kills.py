"""SIGKILL the sync command line at random moments (seeded): `sync export` at the commune (one part, and
many small parts), `sync import` at the province, `sync receipt import` at the commune. Afterwards the
stick holds no bundle or bundles that read and verify in full with the province's keys, and the next
export there removes every temporary file and applies at the province; the province is exactly as
before the import or exactly as after a clean one (state hash and sync bookkeeping), its receipt absent
or valid, and importing again ends as a clean import; a receipt is read all or nothing. The long run
(hundreds of kills) is long_sync_kills.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sync_kills  # noqa: E402

ROUNDS = 4  # 16 kills, four of each kind, in about six minutes (with test_kills.py: about 100 in the suite)
SEED = 20261202


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_random_kills_during_sync_leave_one_verified_bundle_or_none_and_the_database_before_or_after(
        tmp_path: Path) -> None:
    h = sync_kills.SyncHarness(tmp_path, visits=120, evidence_bytes=4 << 20, import_every=2)
    h.prepare()
    h.calibrate()
    outcomes = sync_kills.run_kills(h, ROUNDS, SEED)
    found = [o for o in outcomes if o.problems]
    assert not found, "\n".join(f"{o.kind} after {o.delay}s: {o.problems}" for o in found)
    table = sync_kills.summary(outcomes)
    assert set(table) == set(sync_kills.KINDS) and sum(r["kills"] for r in table.values()) >= len(outcomes) // 2
