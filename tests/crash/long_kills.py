"""The long crash run (not collected by pytest): hundreds of SIGKILLs at random moments, the same checks
as test_kills.py, a summary per kind at the end.

    python tests/crash/long_kills.py --kills 300 [--rows 1000] [--seed 1] [--json report.json]
        [--kinds save,backup]  (default: every kind)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import harness  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=300,
                        help="at least this many runs killed part-way, spread evenly over the kinds (runs that "
                             "finished before their kill are checked too and counted apart)")
    parser.add_argument("--rows", type=int, default=1000, help="rows per imported file")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kinds", type=lambda s: s.split(","), default=harness.KINDS,
                        help=f"comma-separated, of {','.join(harness.KINDS)} (default: all)")
    parser.add_argument("--json", type=Path, help="write the summary and every finding here")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    if unknown := set(args.kinds) - set(harness.KINDS):
        parser.error(f"unknown kinds: {sorted(unknown)}")
    work = Path(tempfile.mkdtemp(prefix="papi-kills-"))
    started = time.monotonic()
    h = harness.Harness(work, rows=args.rows, kinds=args.kinds)
    h.prepare()
    h.calibrate()
    print("calibrated (s):", {k: round(v, 2) for k, v in h.duration.items()}, flush=True)
    per_kind = -(-args.kills // len(args.kinds))

    def show(o: harness.Outcome) -> None:
        mark = "PROBLEM " + "; ".join(o.problems) if o.problems else o.state
        print(f"{o.kind:14} {'kill' if o.killed else 'done'} at {o.delay:6.2f}s  {mark}  {' '.join(o.recovered)}",
              flush=True)

    outcomes = harness.run_kills(h, per_kind, args.seed, show, min_kills=args.kills)
    table = harness.summary(outcomes)
    found = [{"kind": o.kind, "delay": o.delay, "problems": o.problems} for o in outcomes if o.problems]
    result = {"runs": len(outcomes), "kills": sum(r["kills"] for r in table.values()), "rows": args.rows,
              "seed": args.seed, "kinds": args.kinds, "minutes": round((time.monotonic() - started) / 60, 1), "per_kind": table,
              "problems": found, "work": str(work)}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.keep and not found:
        import shutil  # noqa: PLC0415

        shutil.rmtree(work, ignore_errors=True)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
