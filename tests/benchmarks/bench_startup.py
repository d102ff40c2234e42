"""Start-up benchmark (run apart from the suite):  python tests/benchmarks/bench_startup.py

Time from process start to a shown main window, on a commune database holding a
1,000-task plan and 100,000 change-log rows, against a bare PySide6 window
started the same way in the same run. Both are real processes on the offscreen
platform, alternated, and the medians are compared. Target: ratio <= 3.

The window is shown before the database is opened (that work runs off the GUI
thread), so the benchmark also reports, from the same runs, the time until the
plan page shows the 1,000 tasks ("plan data shown": the read-only preview read
with sqlite3 before SQLAlchemy is loaded, services/plan_snapshot.py) and until
the real, interactive plan page replaces it ("plan page interactive"), with
their ratios to the bare window. Target for both the window and the plan data: <= 3.

--data-dir DIR keeps the built database in DIR and reuses it on the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1280, 800)
w.setWindowTitle("bare")
w.show()
QTimer.singleShot(0, lambda: (print("bare window shown", flush=True), app.quit()))
app.exec()
"""


def build_database(data: Path, tasks: int = 1000, log_rows: int = 100_000) -> dict[str, int]:
    """A real commune database: the plan imported through the importer, edits through the hook."""
    import workbooks
    from sqlalchemy import func, select

    from papi_desktop import paths
    from papi_desktop.services import plan_import, setup
    from papi_desktop.storage.models import ChangeLog, Task

    paths.set_override(data)
    db = setup.open_database(user="benchmark")
    setup.setup_commune(db, "03985", chairman_name="Lò Văn Minh")
    seed = workbooks.seed000_records()
    # Keep the seed's section titles; spread tasks evenly over the 8 sections, numbered 1..n in each.
    by_section: dict[str, list[dict[str, str]]] = {}
    for rec in seed:
        by_section.setdefault(rec["section"], []).append(rec)
    sections = list(by_section)
    records = []
    for i in range(tasks):
        section = sections[i * len(sections) // tasks]
        base = by_section[section][i % len(by_section[section])]
        number = sum(r["section"] == section for r in records) + 1
        records.append(dict(base, tt=str(number), task=f"{base['task']} (#{i + 1})"))
    book = workbooks.plan_workbook(data / "plan_1000.xlsx", records=records)
    plan_import.apply_import(db, plan_import.preview_import(db, book))
    with db.reader() as s:
        ids = list(s.scalars(select(Task.id)))
        count = s.scalar(select(func.count()).select_from(ChangeLog))
    # Notes typed over a year: real updates through the change-log hook, one entry each.
    round_no = 0
    while count < log_rows:
        round_no += 1
        todo = min(len(ids), log_rows - count)
        with db.session() as s:
            for k, task in enumerate(s.scalars(select(Task).where(Task.id.in_(ids[:todo])))):
                task.note = f"Ghi chú cập nhật lần {round_no}.{k}"
        count += todo
    with db.reader() as s:
        stats = {"tasks": s.scalar(select(func.count()).select_from(Task)),
                 "change_log_rows": s.scalar(select(func.count()).select_from(ChangeLog))}
    db.dispose()
    paths.set_override(None)
    return stats


def time_to_markers(cmd: list[str], markers: list[str], env: dict[str, str]) -> list[float]:
    """Seconds from spawning the process to each marker line, in order."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    found: list[float] = []
    for line in proc.stdout:
        if markers[len(found)] in line:
            found.append(time.perf_counter() - start)
            if len(found) == len(markers):
                break
    proc.wait(timeout=60)
    if len(found) != len(markers):
        raise RuntimeError(f"{cmd} ended without printing {markers[len(found)]!r}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--log-rows", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="keep the database here and reuse it when it is already there")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data_dir or Path(tmp) / "data"
        t0 = time.perf_counter()
        if args.data_dir is not None and (data / "papi.db").exists():
            stats = {"reused_database": 1}
        else:
            stats = build_database(data, args.tasks, args.log_rows)
        stats["build_seconds"] = round(time.perf_counter() - t0, 1)
        stats["db_megabytes"] = round((data / "papi.db").stat().st_size / 1e6, 1)
        app_cmd = [sys.executable, "-m", "papi_desktop", "--data-dir", str(data), "--quit-after-show"]
        bare_cmd = [sys.executable, "-c", BARE]
        # One warm-up of each so both start from a warm file cache.
        bare_markers = ["bare window shown"]
        app_markers = ["main window shown", "plan data shown", "plan page interactive"]
        time_to_markers(bare_cmd, bare_markers, env)
        time_to_markers(app_cmd, app_markers, env)
        bare: list[float] = []
        app_times: list[list[float]] = [[] for _ in app_markers]
        for _ in range(args.runs):
            bare.append(time_to_markers(bare_cmd, bare_markers, env)[0])
            for times, at in zip(app_times, time_to_markers(app_cmd, app_markers, env), strict=True):
                times.append(at)
    base = statistics.median(bare)
    shown, data_shown, interactive = (statistics.median(times) for times in app_times)
    result = {
        **stats,
        "runs": args.runs,
        "bare_window_median_s": round(base, 3),
        "main_window_shown_median_s": round(shown, 3),
        "plan_data_shown_median_s": round(data_shown, 3),
        "plan_page_interactive_median_s": round(interactive, 3),
        "ratio": round(shown / base, 2),
        "ratio_until_plan_data_shown": round(data_shown / base, 2),
        "ratio_until_plan_page_interactive": round(interactive / base, 2),
        "target_ratio": 3.0,
        "all_runs_s": {"bare": [round(t, 3) for t in bare],
                       **{m.replace(" ", "_"): [round(t, 3) for t in times] for m, times in zip(app_markers, app_times,
                                                                                             strict=True)}},
    }
    result["meets_target"] = max(result["ratio"], result["ratio_until_plan_data_shown"]) <= result["target_ratio"]
    print(json.dumps(result, indent=2))
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
