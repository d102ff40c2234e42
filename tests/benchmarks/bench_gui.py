"""GUI responsiveness benchmark (run apart from the suite):  python tests/benchmarks/bench_gui.py

The registers benchmark's data (bench_registers.py: 100,000 visits imported from a Mẫu 03/TCD
workbook, 20,000 open petitions) plus the seed plan (28 tasks). A child process drives the real
main window on the offscreen platform while a 5 ms timer on the GUI thread records the event
loop's longest gap ("block": the longest time between two ticks less the 5 ms) in each scenario:
start-up until the pages show their data, opening every page, returning to the home page, the full
reception list, searching the reception book and the petitions, scrolling the whole book (then the
process's memory), and the PAPI report's preview. The start-up ratio is the time until the plan's
data is shown by the real program (--quit-after-show) over a bare PySide6 window started the same
way, medians of alternated runs (as bench_startup.py). With each block the benchmark prints how much
of it the GUI thread itself computed (its thread CPU time): the rest it waited, for the interpreter's
lock held by the database worker or for a core taken by other processes (the load average is printed
too: on a shared machine it lengthens the gaps).

Targets: no block over 100 ms; plan data shown within 3x the bare window; GUI memory (RSS) under
250 MB after scrolling the whole book.

--keep DIR keeps the built database in DIR and reuses it in later runs (building it took 19 s here).

Measured on the development container (2 shared cores), 100,000 visits and 20,000 petitions:

  before (commit 2965aaf: most service calls of ui/ on the GUI thread, a due list of 20,000
  QStandardItem rows, a lazy table keeping every page it loaded):
    blocks (ms): start-up 1698, plan 35, reception 27, petitions 45, dialogues 11, postings 106,
    reports 73, sync 18, settings 84, home (return) 1825, full reception list 252, reception
    search 16, petitions search 14, scrolling the whole book 193, PAPI preview 1952;
    plan data shown 2.638 s after the bare window's 0.09 s (29.46x);
    RSS after scrolling the whole book 361.0 MB (peak 361.0 MB); the preview took 2.27 s,
    the full list 0.56 s (load average not recorded).

  after (every database call of the GUI in the one worker, the due list a model over plain rows,
  8 pages kept by the lazy table, the cyclic collector kept off the window's objects), two runs
  with other benchmarks on the machine (load average 4.4-5.4 on its 2 cores):
    blocks (ms): start-up 124 / 83, plan 56 / 57, reception 21 / 24, petitions 45 / 47, dialogues
    20 / 22, postings 78 / 80, reports 44 / 19, sync 245 / 75, settings 15 / 56, home (return)
    112 / 69, full reception list 75 / 48, reception search 25 / 15, petitions search 90 / 27,
    scrolling the whole book 131 / 95, PAPI preview 147 / 107;
    of which the GUI thread computed at most 73 ms (sync: its commune view, built when the state
    arrives) and 42 ms elsewhere (postings); the longest gaps of the preview, the scroll and the
    home list are the worker's (0-10 ms of GUI work in them);
    plan data shown 2.01 / 2.20 s after the bare window's 0.23 / 0.29 s (8.7x / 7.5x): the
    window is shown at once, then app.py's worker job imports the storage and services and opens
    the database (integrity check, migration); a separate trace of two starts on the same machine:
    imports 1.25-1.46 s, database open 1.26-2.44 s, attach to plan data shown 0.15-0.16 s. RSS after scrolling the whole book 233 MB (peak 235 MB); the preview takes 2.5-4 s
    in the worker (the PAPI narrative's petition statistics), the full list 0.7 s.

  3 December 2026, an idle machine (load 0.5-1.0), 5 runs each: on 26ee09b the start-up block was
  189 ms (72 ms of GUI work: the collector's first full walk, 75 ms, inside the plan page's
  construction), every other scenario <= 85 ms. After gc.freeze() at attach (25b7136) and FlowLayout's
  height cache (1994533), three runs: longest block 68 / 37 / 57 ms (preview / start-up / postings),
  start-up 41 / 37 / 56 ms; plan data shown 1.86x / 1.72x / 2.10x; RSS after scrolling the whole book
  239.4 / 239.7 / 239.6 MB (peak 240.7 MB); every target met.
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
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(HERE))

TICK_MS = 5
BLOCK_TARGET_MS = 100
RATIO_TARGET = 3.0
MEMORY_TARGET_MB = 250


# ---- the database: the registers benchmark's data and the seed plan ----

def step_plan(work: Path) -> dict[str, float]:
    import workbooks
    from bench_registers import _db

    from papi_desktop.services import plan_import

    db = _db(work)
    book = workbooks.plan_workbook(work / "plan.xlsx")
    plan_import.apply_import(db, plan_import.preview_import(db, book))
    db.dispose()
    return {"plan": 1}


def build(work: Path, rows: int) -> dict[str, object]:
    import bench_registers

    marker = work / "built.json"
    if marker.exists():
        return json.loads(marker.read_text())
    bench_registers.write_book(work / "book.xlsx", bench_registers.make_rows(rows))
    t0 = time.perf_counter()
    imported = bench_registers.run_step("import", work)
    bench_registers.run_step("petitions", work)
    run_child("plan", work)
    built = {"receptions": imported["written"], "petitions": 20000, "build_s": round(time.perf_counter() - t0, 1)}
    marker.write_text(json.dumps(built))
    return built


# ---- the GUI run, in a child process of its own (its memory is its own) ----

def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return (round(int(fields["VmRSS"].split()[0]) / 1024, 1), round(int(fields["VmHWM"].split()[0]) / 1024, 1))


def step_gui(work: Path) -> dict[str, object]:  # noqa: PLR0915 - one scenario after another
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from papi_desktop import app as app_module
    from papi_desktop import i18n, paths

    qapp = QApplication([])
    i18n.install(qapp, "vi")
    qapp.setProperty("papi_lang", "vi")
    paths.set_override(work / "data")
    messages: list[str] = []
    QMessageBox.exec = lambda box: messages.append(box.text()) or 0  # a question never waits for a person

    class GapMeter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.clock = QElapsedTimer()
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(TICK_MS)
            self.timer.timeout.connect(self._tick)
            self.reset()

        def reset(self) -> None:
            self.clock.restart()
            self.last = 0
            self.longest = 0
            self.cpu = time.thread_time()  # this (the GUI) thread's own CPU time
            self.longest_cpu = 0.0

        def _tick(self) -> None:
            now, cpu = self.clock.elapsed(), time.thread_time()
            if now - self.last > self.longest:
                # How much of the longest gap the GUI thread itself computed; the rest it waited (for the
                # interpreter's lock held by the worker, or for a core taken by other processes).
                self.longest, self.longest_cpu = now - self.last, cpu - self.cpu
            self.last, self.cpu = now, cpu

        def block_ms(self) -> int:
            self._tick()  # a gap still open counts too
            return max(0, self.longest - TICK_MS)

        def block_cpu_ms(self) -> int:
            return round(self.longest_cpu * 1000)

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(cond, timeout_s: float = 120.0) -> float:  # noqa: ANN001
        """Runs the event loop until cond() holds; seconds it took."""
        t0 = time.perf_counter()
        while not cond():
            if time.perf_counter() - t0 > timeout_s:
                raise TimeoutError("the GUI did not get there in time")
            wait(10)
        return time.perf_counter() - t0

    meter = GapMeter()
    meter.timer.start()
    from papi_desktop.ui.main_window import NAVIGATION, MainWindow

    window = MainWindow()
    ready: list[bool] = []
    window.sig_ready.connect(lambda: ready.append(True))
    window.resize(1280, 720)
    window.show()

    def idle() -> bool:
        return window.runner.pending == 0

    def settle() -> None:
        wait_until(idle)
        wait(300)  # what the results start (a page's second query, a debounce timer) has its turn
        wait_until(idle)

    out: dict[str, object] = {}
    blocks: dict[str, int] = {}
    blocks_cpu: dict[str, int] = {}

    def record(name: str) -> None:
        blocks[name] = meter.block_ms()
        blocks_cpu[name] = meter.block_cpu_ms()

    meter.reset()
    t0 = time.perf_counter()
    window.runner.submit(app_module._open_in_background, lambda r: window.attach(r[0]),  # noqa: SLF001
                         lambda exc: (_ for _ in ()).throw(exc))
    wait_until(lambda: bool(ready))
    out["start_to_ready_s"] = round(time.perf_counter() - t0, 2)
    settle()
    record("start-up")

    rows = {key: i for i, (key, _label) in enumerate(NAVIGATION)}
    for key, _label in NAVIGATION[1:]:
        meter.reset()
        window.nav.setCurrentRow(rows[key])
        settle()
        record(key)
    meter.reset()
    window.nav.setCurrentRow(rows["home"])
    settle()
    record("home (return)")

    reception = window.page("reception")
    window.nav.setCurrentRow(rows["reception"])
    settle()
    meter.reset()
    t0 = time.perf_counter()
    reception.period.setCurrentIndex(0)  # all time: the whole book
    wait_until(lambda: reception.model.total() > 50_000)
    settle()
    out["full_list_s"] = round(time.perf_counter() - t0, 2)
    record("full reception list")
    total = reception.model.total()

    meter.reset()
    QTest.keyClicks(reception.search, "nguyen van binh")
    wait_until(lambda: reception.model.total() < total)
    settle()
    record("reception search")
    out["reception_search_hits"] = reception.model.total()

    petitions = window.page("petitions")
    window.nav.setCurrentRow(rows["petitions"])
    settle()
    before = petitions.model.total()
    meter.reset()
    QTest.keyClicks(petitions.search, "lo tien")
    wait_until(lambda: petitions.model.total() != before)
    settle()
    record("petitions search")

    window.nav.setCurrentRow(rows["reception"])
    reception.search.clear()
    wait_until(lambda: reception.model.total() == total)
    settle()
    meter.reset()
    t0 = time.perf_counter()
    bar = reception.table.verticalScrollBar()
    view = reception.table
    while reception.model.rowCount() < total or bar.value() < bar.maximum():
        bar.setValue(bar.maximum())
        wait(1)
        wait_until(idle)
        # the rows in sight are drawn with their data before the next step
        last = view.rowAt(view.viewport().height() - 2)
        wait_until(lambda last=last: reception.model.data(reception.model.index(max(last, 0), 2)) is not None)
    settle()
    out["scroll_s"] = round(time.perf_counter() - t0, 1)
    record("scrolling the whole book")
    out["rss_after_scroll_mb"], out["peak_rss_mb"] = rss_mb()

    reports_page = window.page("reports")
    window.nav.setCurrentRow(rows["reports"])
    settle()
    reports_page.kind.setCurrentIndex(reports_page.kind.findData("papi-year"))
    settle()
    reports_page.preview.clear()
    meter.reset()
    t0 = time.perf_counter()
    reports_page.preview_button.click()
    wait_until(lambda: bool(reports_page.preview.toPlainText().strip()))
    settle()
    out["preview_s"] = round(time.perf_counter() - t0, 2)
    record("PAPI preview")
    out["blocks_ms"] = blocks
    out["gui_cpu_in_longest_gap_ms"] = blocks_cpu
    out["messages"] = messages
    window.close()
    return out


def run_child(name: str, work: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, __file__, "--step", name, str(work)], capture_output=True, text=True,
                          check=False, timeout=3600, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"step {name} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def startup_ratio(work: Path, runs: int) -> dict[str, float]:
    from bench_startup import BARE, time_to_markers

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    app_cmd = [sys.executable, "-m", "papi_desktop", "--data-dir", str(work / "data"), "--quit-after-show"]
    bare_cmd = [sys.executable, "-c", BARE]
    time_to_markers(bare_cmd, ["bare window shown"], env)  # warm the file cache for both
    time_to_markers(app_cmd, ["main window shown", "plan data shown"], env)
    bare, data_shown = [], []
    for _ in range(runs):
        bare.append(time_to_markers(bare_cmd, ["bare window shown"], env)[0])
        data_shown.append(time_to_markers(app_cmd, ["main window shown", "plan data shown"], env)[1])
    base, shown = statistics.median(bare), statistics.median(data_shown)
    return {"bare_window_median_s": round(base, 3), "plan_data_shown_median_s": round(shown, 3),
            "ratio_until_plan_data_shown": round(shown / base, 2)}


STEPS = {"plan": step_plan, "gui": step_gui}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the database here once and reuse it")
    parser.add_argument("--step", nargs=2, metavar=("NAME", "WORKDIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(STEPS[args.step[0]](Path(args.step[1])), ensure_ascii=False))
        return 0
    load = os.getloadavg()[0]  # other processes on the machine lengthen the gaps: said with the figures
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        built = build(work, args.rows)
        gui = run_child("gui", work)
        ratio = startup_ratio(work, args.runs)
    blocks = gui["blocks_ms"]
    result = {**built, **gui, **ratio, "block_target_ms": BLOCK_TARGET_MS, "ratio_target": RATIO_TARGET,
              "memory_target_mb": MEMORY_TARGET_MB, "load_average_before_after": [load, os.getloadavg()[0]]}
    result["meets_targets"] = (max(blocks.values()) <= BLOCK_TARGET_MS
                               and ratio["ratio_until_plan_data_shown"] <= RATIO_TARGET
                               and gui["rss_after_scroll_mb"] < MEMORY_TARGET_MB)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result["meets_targets"] else 1


if __name__ == "__main__":
    sys.exit(main())
