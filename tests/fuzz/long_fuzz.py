"""The long fuzz run over every importer (apart from the suite):  python tests/fuzz/long_fuzz.py

Mutates real valid workbooks (tests/fuzz/mutations.py) --cases times, a quarter per importer (plan,
reception, budget, poverty), previews each file and imports it when the preview is clean, and prints
the figures: outcomes, KnownErrors by kind, reader crashes contained in the child, tracebacks (any
exception but a KnownError), refusals that wrote anything, crashes of the importing process itself,
and times. Cases run in worker processes of --chunk cases each; a worker that dies counts as a crash
of the importing process and the run goes on after the case that killed it.
Case i is seed --seed + i: `--cases 1 --seed N` replays one.
"""

from __future__ import annotations

import argparse
import json
import random
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

KINDS = ("plan", "reception", "budget", "poverty")


def worker(first: int, count: int, seed: int, out: Path) -> None:
    """Run cases first..first+count-1, one JSON line per case appended to out (flushed: a crash keeps them)."""
    from fuzz import mutations

    from papi_desktop import paths
    from papi_desktop.services import setup

    with tempfile.TemporaryDirectory() as tmp, out.open("a", encoding="utf-8") as log:
        root = Path(tmp)
        paths.set_override(root / "data")
        db = setup.open_database(user="fuzz")
        setup.setup_commune(db, "03985", chairman_name="Lò Văn Minh")
        bases = mutations.make_bases(root / "bases")
        for case in range(first, first + count):
            kind = KINDS[case % len(KINDS)]
            path = root / f"case{case}.xlsx"
            record: dict[str, object] = {"case": case, "seed": seed + case, "kind": kind}
            log.write(json.dumps({**record, "started": True}) + "\n")
            log.flush()
            record["mutation"] = mutations.mutate(random.Random(seed + case), bases[kind], path)
            t0 = time.perf_counter()
            try:
                record["outcome"] = mutations.run_case(db, kind, path)
            except AssertionError as exc:
                record["outcome"], record["detail"] = "wrote on refusal", str(exc)
            except Exception as exc:  # noqa: BLE001 - what the fuzz is looking for
                record["outcome"] = f"traceback: {type(exc).__name__}"
                record["detail"] = traceback.format_exc(limit=-6)
            record["seconds"] = round(time.perf_counter() - t0, 3)
            path.unlink(missing_ok=True)
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
            log.flush()
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20_260_000)
    parser.add_argument("--chunk", type=int, default=500, help="cases per worker process")
    parser.add_argument("--worker", nargs=3, type=int, metavar=("FIRST", "COUNT", "SEED"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker, args.out)
        return 0
    t0 = time.perf_counter()
    records: list[dict] = []
    process_crashes: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cases.jsonl"
        case = 0
        while case < args.cases:
            count = min(args.chunk, args.cases - case)
            proc = subprocess.run([sys.executable, __file__, "--worker", str(case), str(count), str(args.seed),
                                   "--out", str(out)], capture_output=True, text=True)
            lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            done = {r["case"]: r for r in lines if "outcome" in r}
            started = [r["case"] for r in lines if r.get("started")]
            if proc.returncode != 0:
                dead = max(started)
                process_crashes.append(dead)
                print(f"worker died at case {dead} (exit {proc.returncode}): {proc.stderr[-500:]}", file=sys.stderr)
                case = dead + 1
            else:
                case += count
            records = sorted(done.values(), key=lambda r: r["case"])
            print(f"{case}/{args.cases} cases, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    outcomes = Counter(r["outcome"] for r in records)
    known = Counter(o.split(": ", 1)[1] for o in outcomes.elements() if o.startswith("known"))
    tracebacks = [r for r in records if r["outcome"].startswith("traceback")]
    wrote = [r for r in records if r["outcome"] == "wrote on refusal"]
    seconds = sorted(r["seconds"] for r in records)
    figures = {
        "cases": len(records) + len(process_crashes), "per_importer": dict(Counter(r["kind"] for r in records)),
        "mutations": dict(Counter(r["mutation"].split(":")[0] for r in records)),
        "imported": outcomes["imported"], "preview_with_errors_by_row": outcomes["preview with errors"],
        "known_errors": sum(known.values()), "known_errors_by_kind": dict(known.most_common()),
        "reader_crashes_contained": sum(n for k, n in known.items() if "stopped abruptly" in k),
        "reader_time_limit": sum(n for k, n in known.items() if "was stopped" in k),
        "tracebacks": len(tracebacks), "traceback_kinds": dict(Counter(r["outcome"] for r in tracebacks)),
        "refusals_that_wrote": len(wrote), "importing_process_crashes": len(process_crashes),
        "seconds_total": round(time.perf_counter() - t0, 1),
        "seconds_per_case": {"median": seconds[len(seconds) // 2] if seconds else 0,
                             "p99": seconds[int(len(seconds) * 0.99)] if seconds else 0,
                             "max": seconds[-1] if seconds else 0},
        "slowest": [(r["seed"], r["kind"], r["mutation"], r["seconds"]) for r in
                    sorted(records, key=lambda r: -r["seconds"])[:5]],
    }
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    for r in (tracebacks + wrote)[:10]:
        print(f"\n--- seed {r['seed']} ({r['kind']}, {r['mutation']}): {r['outcome']}\n{r.get('detail', '')}")
    return 0 if not (tracebacks or wrote or process_crashes) else 1


if __name__ == "__main__":
    sys.exit(main())
