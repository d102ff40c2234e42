"""Reports benchmark (run apart from the suite):  python tests/benchmarks/bench_reports.py

A commune with a 60-task plan (a progress result and an evidence document per task) and 10,000
receptions in the reporting year. Ours: the annual PAPI report and the year's reception book, each
as PDF (Decree 30 layout, signed PAdES) and Excel (signed .p7s) — the whole export the user runs,
reading the records included. Baseline, in the same run: plain reportlab and openpyxl writing the
same two tables (the appendix and the book) the way their documentation shows — a Table with a
Paragraph per cell so the text wraps, and a font set on every Excel cell. A second, faster baseline
(cells broken into lines beforehand, the technique the exporter itself uses) is printed too.

Each measurement runs in its own process, alternated, median of --runs. Target: ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PASS = "mat-khau-benchmark"
ISSUED = date(2026, 12, 5)


def _open(work: Path):  # noqa: ANN202
    from papi_desktop import paths
    from papi_desktop.services import setup

    paths.set_override(work / "data")
    return setup.open_database(user="benchmark")


def build(work: Path, visits: int, tasks: int) -> None:
    """The commune's records (not timed)."""
    import bench_registers as br
    import workbooks

    from papi_desktop.services import keys, plan, plan_import, progress, reception, setup

    db = _open(work)
    setup.setup_commune(db, "03985", chairman_name="Lò Văn Minh")
    records = workbooks.seed000_records()
    rnd = random.Random(5)
    many = []
    for i in range(tasks):
        rec = dict(records[i % len(records)])
        rec["tt"] = str(i // len(records) * 100 + int(rec["tt"]))
        many.append(rec)
    book = workbooks.plan_workbook(work / "plan.xlsx", records=many)
    plan_import.apply_import(db, plan_import.preview_import(db, book, year=2026))
    info = plan.current_plan(db, 2026)
    for row in plan.list_tasks(db, plan.TaskFilter(plan_id=info.id), ISSUED):
        progress.add_update(db, row.id, "2026-Y", f"Đã triển khai nhiệm vụ {row.number}, kết quả đạt yêu cầu.",
                            date(2026, 10, 1), [progress.EvidenceInput(f"Kế hoạch số {rnd.randint(1, 200)}/KH-UBND",
                                                                       date(2026, 3, rnd.randint(1, 28)))])
    inputs = [reception.ReceptionInput(
        received_on=date(2025, 12, 1) + timedelta(days=i * 360 // visits),
        citizens=[reception.CitizenInput(f"{rnd.choice(br.FAMILY)} {rnd.choice(br.MIDDLE)} {rnd.choice(br.GIVEN)}",
                                         f"bản {rnd.randint(1, 60)}, xã Chiềng Sơn", is_representative=True)],
        summary=rnd.choice(br.MATTERS), classes=["kien_nghi"], reception_type=rnd.choice(["regular", "periodic"]),
        receiver="Quàng Văn Dũng", people_count=rnd.choice([1, 1, 2, 6])) for i in range(visits)]
    with db.session() as s:
        reception.bulk_add(s, inputs)
    keys.create_self_signed(db, PASS)
    db.dispose()


def ours(work: Path, out: Path) -> dict[str, float]:
    from papi_desktop.services import reports

    db = _open(work)
    t0 = time.perf_counter()
    sign = reports.SignOptions(PASS)
    for kind in ("papi-year", "reception-book"):
        request = reports.ExportRequest(kind, reports.resolve_period(kind, "2026-Y", today=ISSUED), ISSUED)
        reports.export(db, request, out, sign, ISSUED)
    seconds = time.perf_counter() - t0
    db.dispose()
    return {"seconds": seconds}


def _tables(work: Path):  # noqa: ANN202
    """The two tables as the exporter prints them (computed before the clock starts)."""
    from papi_desktop.services import reports

    db = _open(work)
    found = []
    for kind in ("papi-year", "reception-book"):
        request = reports.ExportRequest(kind, reports.resolve_period(kind, "2026-Y", today=ISSUED), ISSUED)
        doc = reports.build(db, request, ISSUED, "01/BC-UBND")
        found.extend(doc.tables())
    db.dispose()
    return found


def baseline(work: Path, out: Path, fast: bool = False) -> dict[str, float]:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.utils import simpleSplit
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate

    from papi_desktop.exports import fonts
    from papi_desktop.exports.pdf_doc import cell_text

    tables = _tables(work)
    t0 = time.perf_counter()
    family = fonts.register()
    out.mkdir(parents=True, exist_ok=True)
    for i, table in enumerate(tables):
        width = landscape(A4)[0] - 130
        widths = [w * width / sum(table.widths) for w in table.widths]
        style = ParagraphStyle("c", fontName=family, fontSize=table.font_size, leading=table.font_size * 1.18)
        if fast:
            rows = [["\n".join(simpleSplit(cell_text(v), family, table.font_size, w - 6)) for v, w in zip(r, widths, strict=False)]
                    for r in [table.headers, *table.rows]]
        else:
            rows = [[Paragraph(cell_text(v), style) for v in r] for r in [table.headers, *table.rows]]
        pdf = LongTable(rows, colWidths=widths, repeatRows=1,
                        style=[("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONT", (0, 0), (-1, -1), family,
                                                                          table.font_size)])
        SimpleDocTemplate(str(out / f"t{i}.pdf"), pagesize=landscape(A4), initialFontName=family).build([pdf])
        wb = Workbook()
        ws = wb.active
        font = Font(name="Times New Roman", size=12)
        ws.append(table.headers)
        for row in table.rows:
            ws.append(row)
        for row in ws.iter_rows():
            for cell in row:
                cell.font = font
        wb.save(out / f"t{i}.xlsx")
    return {"seconds": time.perf_counter() - t0}


def _step(name: str, work: Path, run: int) -> dict[str, float]:
    proc = subprocess.run([sys.executable, __file__, "--step", name, str(work), str(run)], capture_output=True,
                          text=True, check=True, timeout=3600)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--visits", type=int, default=10_000)
    parser.add_argument("--tasks", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--step", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        name, work, run = args.step[0], Path(args.step[1]), args.step[2]
        out = work / f"out-{name}-{run}"
        result = {"ours": lambda: ours(work, out), "baseline": lambda: baseline(work, out),
                  "fast": lambda: baseline(work, out, fast=True)}[name]()
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build(work, args.visits, args.tasks)
        _step("ours", work, 0)  # warm-up: the stamp font is made once per machine
        times: dict[str, list[float]] = {"ours": [], "baseline": [], "fast": []}
        for run in range(1, args.runs + 1):
            for name in times:
                times[name].append(_step(name, work, run)["seconds"])
    med = {k: statistics.median(v) for k, v in times.items()}
    result = {
        "tasks": args.tasks, "visits": args.visits, "runs": args.runs,
        "ours_s": round(med["ours"], 2), "baseline_s": round(med["baseline"], 2),
        "ratio": round(med["ours"] / med["baseline"], 2), "target": 1.5,
        "fast_baseline_s": round(med["fast"], 2), "ratio_vs_fast_baseline": round(med["ours"] / med["fast"], 2),
        "all": {k: [round(x, 2) for x in v] for k, v in times.items()},
    }
    result["meets_target"] = result["ratio"] <= 1.5
    print(json.dumps(result, indent=2))
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
