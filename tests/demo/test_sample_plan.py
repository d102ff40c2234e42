"""The sample plan appendix the demo ships (resources/demo/ke_hoach_mau_2027.xlsx, the demo's plan
moved to the next year): what its script writes, values only, imported through the services the
import dialog calls, and placed in the demo's data folder where the dialog's file chooser opens."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import make_sample_plan
from openpyxl import load_workbook

from papi_desktop import paths
from papi_desktop.services import demo, plan_import, setup
from papi_desktop.services import plan as plan_service

SHIPPED = paths.resources_dir() / "demo" / demo.SAMPLE_PLAN
PER_DIM = {1: 2, 2: 3, 3: 5, 4: 5, 5: 6, 6: 3, 7: 2, 8: 2}  # the demo plan: seed 000's 28 tasks


def _cells(path: Path) -> tuple[list[tuple], list[str]]:
    ws = load_workbook(path).active
    return [tuple(c.value for c in row) for row in ws.iter_rows()], sorted(str(r) for r in ws.merged_cells.ranges)


def test_the_shipped_sample_is_what_its_script_writes(tmp_path: Path) -> None:
    """Edit resources/demo/plan_2026.csv or the script, and the sample is written again
    (python tests/demo/make_sample_plan.py)."""
    assert make_sample_plan.TARGET == SHIPPED
    assert _cells(SHIPPED) == _cells(make_sample_plan.build(tmp_path / "again.xlsx"))


def test_the_sample_holds_values_only() -> None:
    ws = load_workbook(SHIPPED).active
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert cells
    assert not [c.coordinate for c in cells if c.data_type == "f" or str(c.value).startswith("=")]


def test_the_sample_imports_into_a_new_commune(db, tmp_path: Path) -> None:
    preview = plan_import.preview_import(db, SHIPPED)
    assert preview.problems == []
    assert (preview.parsed.year, preview.parsed.doc_number) == (2027, "12/KH-UBND")
    assert preview.tasks_per_dimension == PER_DIM
    result = plan_import.apply_import(db, preview)
    assert (result.added, result.updated, result.unchanged) == (28, 0, 0)
    info = plan_service.current_plan(db, 2027)
    assert info is not None and info.doc_number == "12/KH-UBND"
    tasks = plan_service.list_tasks(db, plan_service.TaskFilter(plan_id=info.id), date(2027, 6, 5))
    assert len(tasks) == 28
    assert tasks[0].task == "Kế hoạch Văn phòng về triển khai, thực hiện công tác dân vận, dân chủ năm 2027."
    # The deadlines moved with the year: "Ban hành kế hoạch quý I/2027" is a milestone of 2027.
    assert "quý I/2027" in tasks[0].deadline_text and "2026" not in tasks[0].deadline_text


def test_the_demo_places_the_sample_where_the_import_finds_it(bare_db) -> None:
    placed = paths.data_dir() / "Mẫu" / "ke_hoach_mau_2027.xlsx"
    assert not placed.exists()
    setup.create_demo(bare_db, today=date(2026, 6, 5))
    assert placed.read_bytes() == SHIPPED.read_bytes()
    assert demo.place_samples() == [placed] and demo.samples_dir() == placed.parent
    # The demo holds the 2026 plan; the sample is the next year's, so a newcomer's first import adds it.
    preview = plan_import.preview_import(bare_db, placed)
    assert preview.problems == []
    assert (preview.added, preview.updated, preview.unchanged, preview.changes_anything) == (28, 0, 0, True)
    result = plan_import.apply_import(bare_db, preview)
    assert result.added == 28
    assert plan_service.current_plan(bare_db, 2026) is not None  # the demo's own plan is left as it was
    again = plan_import.preview_import(bare_db, placed)
    assert (again.added, again.unchanged, again.changes_anything) == (0, 28, False)


def test_a_copy_the_user_changed_is_kept(data_dir: Path) -> None:
    target = demo.samples_dir() / demo.SAMPLE_PLAN
    target.parent.mkdir(parents=True)
    target.write_bytes(b"my own plan")
    demo.place_samples()
    assert target.read_bytes() == b"my own plan"
