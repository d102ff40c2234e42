"""The long tamper run over sync bundles (apart from the suite):  python tests/fuzz/long_bundle_fuzz.py

Builds the world of tests/fuzz/bundle_mutations.py (a province, the demo commune and its real bundles
with attachments), then imports --cases mutants into the province, each checked as the suite checks
them (tests/unit/test_sync_tamper.py): one balanced summary, an allowed status (rejected, held, fork,
quarantined; a no-op applies, as a dry run), reasons in both languages, no exception escaping, the
province's state hash, change log, bundle records and attachments as before. Prints the figures:
mutants by kind and variant, outcomes, the commonest reasons, every unexpected result, worker crashes
and times; exits 1 on any unexpected result or crash.

Cases run in worker processes of --chunk cases each (each builds its own world, about 20 s); a worker
that dies counts as a crash and the run goes on after the case that killed it. Case i uses the seed
--seed + i: `--cases 1 --seed N` replays one.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

# The genuine bundle is a control, not a mutation: a few per thousand are enough.
WEIGHTS = {"truncate": 10, "bit_flip": 14, "parts": 10, "reencrypt": 8, "mixed": 6, "extra_member": 10,
           "members": 12, "signer": 8, "content": 20, "genuine": 2}


def variant(kind: str, detail: str) -> str:
    """The mutation's variant without its numbers, for the figures: "bit_flip: body", "members: rename"."""
    first = re.split(r"[ (#=]", detail, maxsplit=1)[0] or detail
    return f"{kind}: {first}"


def _shape(reason: str) -> str:
    """A reason without its numbers, ids and names of files, so that alike reasons count together."""
    return re.sub(r"\b[0-9a-f]{6,}\b|\d+", "#", reason)[:100]


def worker(first: int, count: int, seed: int, out: Path) -> None:
    """Run cases first..first+count-1, one JSON line per case appended to out (flushed: a crash keeps them)."""
    import bundle_mutations as bm

    kinds = [k for k, w in WEIGHTS.items() for _ in range(w)]
    with tempfile.TemporaryDirectory() as tmp, out.open("a", encoding="utf-8") as log:
        t0 = time.perf_counter()
        world = bm.TamperWorld(Path(tmp))
        log.write(json.dumps({"world_seconds": round(time.perf_counter() - t0, 1)}) + "\n")
        for case in range(first, first + count):
            rng = random.Random(seed + case)
            kind = rng.choice(kinds)
            record: dict[str, object] = {"case": case, "seed": seed + case, "kind": kind}
            log.write(json.dumps({**record, "started": True}) + "\n")
            log.flush()
            t1 = time.perf_counter()
            try:
                mutant = bm.mutate(world, kind, bm.RandomPick(rng), Path(tmp) / "mutants" / str(case))
                outcome = bm.run(world, mutant)
                record.update(detail=mutant.detail, variant=variant(kind, mutant.detail), status=outcome.status,
                              reason=outcome.reason[:160], problems=outcome.problems)
            except Exception:  # noqa: BLE001 - a mutant the harness could not build is a finding too
                record.update(detail="", variant=f"{kind}: harness", status="harness error",
                              reason="", problems=["harness: " + traceback.format_exc(limit=-6)])
            record["seconds"] = round(time.perf_counter() - t1, 3)
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
            log.flush()
        world.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20_261_201)
    parser.add_argument("--chunk", type=int, default=2_500, help="cases per worker process")
    parser.add_argument("--worker", nargs=3, type=int, metavar=("FIRST", "COUNT", "SEED"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker, args.out)
        return 0
    t0 = time.perf_counter()
    crashes: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cases.jsonl"
        out.touch()
        case = 0
        while case < args.cases:
            count = min(args.chunk, args.cases - case)
            proc = subprocess.run([sys.executable, __file__, "--worker", str(case), str(count), str(args.seed),
                                   "--out", str(out)], capture_output=True, text=True)
            lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            started = [r["case"] for r in lines if r.get("started")]
            if proc.returncode != 0:
                dead = max(started, default=case)
                crashes.append(dead)
                print(f"worker died at case {dead} (exit {proc.returncode}): {proc.stderr[-800:]}", file=sys.stderr)
                case = dead + 1
            else:
                case += count
            print(f"{case}/{args.cases} cases, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    records = sorted((r for r in lines if "status" in r), key=lambda r: r["case"])
    worlds = [r["world_seconds"] for r in lines if "world_seconds" in r]
    unexpected = [r for r in records if r["problems"]]
    seconds = sorted(r["seconds"] for r in records)
    figures = {
        "mutants": len(records) + len(crashes),
        "by_kind": dict(Counter(r["kind"] for r in records).most_common()),
        "by_variant": dict(sorted(Counter(r["variant"] for r in records).items())),
        "outcomes": dict(Counter(r["status"] for r in records).most_common()),
        "outcomes_by_kind": {k: dict(Counter(r["status"] for r in records if r["kind"] == k).most_common())
                             for k in WEIGHTS},
        "commonest_reasons": Counter(_shape(r["reason"]) for r in records if r["reason"]).most_common(15),
        "unexpected": len(unexpected),
        "unexpected_by_variant": dict(Counter(r["variant"] for r in unexpected).most_common()),
        "worker_crashes": len(crashes),
        "seconds_total": round(time.perf_counter() - t0, 1),
        "seconds_building_worlds": worlds,
        "seconds_per_mutant": {"median": seconds[len(seconds) // 2] if seconds else 0,
                               "p99": seconds[int(len(seconds) * 0.99)] if seconds else 0,
                               "max": seconds[-1] if seconds else 0},
        "slowest": [(r["seed"], r["variant"], r["detail"][:60], r["seconds"])
                    for r in sorted(records, key=lambda r: -r["seconds"])[:5]],
    }
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    for r in unexpected[:15]:
        print(f"\n--- seed {r['seed']} ({r['variant']}, {r['detail']}): {r['status']}")
        for problem in r["problems"]:
            print("   ", problem[:1500])
    return 0 if not (unexpected or crashes) else 1


if __name__ == "__main__":
    sys.exit(main())
