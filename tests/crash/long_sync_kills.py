"""The long sync crash run (not collected by pytest): hundreds of SIGKILLs at random moments of
`sync export` (one part, and many small parts), `sync import` and `sync receipt import`, the same checks
as test_sync_kills.py, a summary per kind at the end.

    python tests/crash/long_sync_kills.py --kills 300 [--visits 300] [--seed 1] [--json report.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parents[1])]

import sync_kills


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=300,
                        help="at least this many runs killed part-way, spread evenly over the kinds (runs that "
                             "finished before their kill are checked too and counted apart)")
    parser.add_argument("--visits", type=int, default=300, help="visits the commune's bundle carries (and citizens)")
    parser.add_argument("--evidence-mb", type=int, default=8, help="size of the evidence file the bundle carries")
    parser.add_argument("--import-every", type=int, default=4,
                        help="after a killed export, import the stick at the province every n-th time (always "
                             "when the killed export left a bundle beside the new one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the summary and every finding here")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="papi-sync-kills-"))
    started = time.monotonic()
    h = sync_kills.SyncHarness(work, visits=args.visits, evidence_bytes=args.evidence_mb << 20,
                               import_every=args.import_every)
    h.prepare()
    h.calibrate()
    print(f"bundle: {h.changes} changes; calibrated (s):", {k: round(v, 2) for k, v in h.duration.items()},
          "work starts at (s):", {k: round(v, 2) for k, v in h.window.items()}, flush=True)
    rounds = -(-args.kills // len(sync_kills.KINDS))

    def show(o: sync_kills.Outcome) -> None:
        mark = "PROBLEM " + "; ".join(o.problems) if o.problems else o.state
        print(f"{o.kind:13} {'kill' if o.killed else 'done'} at {o.delay:6.2f}s  {mark}  {'; '.join(o.notes)}",
              flush=True)

    outcomes = sync_kills.run_kills(h, rounds, args.seed, show, min_kills=args.kills)
    table = sync_kills.summary(outcomes)
    found = [{"kind": o.kind, "delay": o.delay, "problems": o.problems} for o in outcomes if o.problems]
    result = {"runs": len(outcomes), "kills": sum(r["kills"] for r in table.values()), "changes": h.changes,
              "seed": args.seed, "minutes": round((time.monotonic() - started) / 60, 1), "per_kind": table,
              "problems": found, "work": str(work)}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.keep and not found:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
