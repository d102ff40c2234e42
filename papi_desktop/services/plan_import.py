"""Import the plan appendix from .xlsx: read, preview (dry run), then apply all-or-nothing."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from ..domain.jobs import CancelToken, NullProgress, ProgressReporter
from ..domain.plan_table import (
    ParsedIndicator,
    ParsedPlan,
    ParsedTask,
    Problem,
    is_indicator_header,
    is_task_header,
    parse_indicator_rows,
    parse_rows,
)
from ..domain.text import fold
from ..storage.db import Database
from ..storage.models import Indicator, Plan, PlanSection, Task
from . import backup, positions, reference
from .plan import replace_milestones
from .workbooks import bad_file as _bad
from .workbooks import read_sheets

COMPARED = ("task", "output", "lead", "coordinators", "deadline_text")


@dataclass
class ImportPreview:
    source: Path
    sha256: str
    parsed: ParsedPlan
    plan_exists: bool = False
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    indicators_added: int = 0
    tasks_per_dimension: dict[int, int] = field(default_factory=dict)
    milestones_dated: int = 0
    milestones_undated: int = 0

    @property
    def problems(self) -> list[Problem]:
        return self.parsed.problems

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.updated or self.indicators_added or not self.plan_exists)

    def summary(self, lang: str = "vi") -> dict[str, object]:
        return {
            "file": str(self.source), "year": self.parsed.year, "doc_number": self.parsed.doc_number,
            "tasks": len(self.parsed.tasks), "tasks_per_dimension": {str(k): v for k, v in
                                                                     sorted(self.tasks_per_dimension.items())},
            "milestones_with_date": self.milestones_dated, "milestones_without_date": self.milestones_undated,
            "indicators": len(self.parsed.indicators), "added": self.added, "updated": self.updated,
            "unchanged": self.unchanged, "plan_exists": self.plan_exists,
            "changes_anything": self.changes_anything,
            "rows_not_understood": [{"row": p.row, "reason": p.en if lang == "en" else p.vi, "text": p.text}
                                    for p in self.problems],
        }


def parse_file(path: Path, year: int | None = None, cancel: CancelToken | None = None) -> ParsedPlan:
    sheets = read_sheets(path, cancel, kind="plan")
    dims = list(reference.dimensions())
    plan: ParsedPlan | None = None
    indicators: list[ParsedIndicator] = []
    indicator_problems: list[Problem] = []
    for _name, rows in sheets:
        if plan is None and any(is_task_header(cells) for _r, cells in rows):
            plan = parse_rows(rows, dims, default_year=year)
        elif any(is_indicator_header(cells) for _r, cells in rows):
            found, probs = parse_indicator_rows(rows)
            indicators.extend(found)
            indicator_problems.extend(probs)
    if plan is None:
        raise _bad(
            "Không tìm thấy bảng nhiệm vụ của kế hoạch: cần dòng tiêu đề có các cột TT, Nhiệm vụ, Sản phẩm đầu ra, "
            "Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành.",
            "No plan task table found: a header row with TT, Nhiệm vụ, Sản phẩm đầu ra, Cơ quan chủ trì, "
            "Cơ quan phối hợp, Thời gian hoàn thành is needed.",
        )
    if year is not None:
        plan.year = year
        plan.finalize_milestones()
    if not plan.tasks:
        raise _bad("Bảng kế hoạch không có nhiệm vụ nào thuộc 8 chỉ số nội dung PAPI.",
                   "The plan table has no task under the 8 PAPI dimensions.")
    _year_of(plan)
    plan.indicators = indicators
    plan.problems.extend(indicator_problems)
    return plan


def _task_keys(dims_and_numbers: list[tuple[int, str]]) -> list[tuple[int, str, int]]:
    """(dimension, number, occurrence): a plan may repeat a number inside a section."""
    seen: Counter[tuple[int, str]] = Counter()
    keys = []
    for dim, number in dims_and_numbers:
        base = (dim, number.strip())
        keys.append((*base, seen[base]))
        seen[base] += 1
    return keys


def _year_of(plan: ParsedPlan) -> int:
    if plan.year is None:
        raise _bad("Không xác định được năm của kế hoạch từ tiêu đề. Hãy chỉ rõ năm (--year).",
                   "Cannot tell the plan's year from its title. Give the year (--year).")
    return plan.year


def _existing(s, year: int) -> tuple[Plan | None, dict[tuple[int, str, int], Task]]:  # noqa: ANN001
    # Only this installation's plan or the province's ("" unit, preferred): the province's database
    # also holds every commune's plan of the year, which its own import must never touch.
    owner = s.info.get("unit_code", "")
    plan = s.scalar(select(Plan).where(Plan.year == year, Plan.deleted.is_(False),
                                       Plan.unit_code.in_({owner, ""})).order_by(Plan.unit_code))
    if plan is None:
        return None, {}
    tasks = list(s.execute(
        select(Task, PlanSection.dimension).join(PlanSection, Task.section_id == PlanSection.id)
        .where(PlanSection.plan_id == plan.id, Task.deleted.is_(False))
        .order_by(PlanSection.dimension, *positions.order(Task))
    ))
    keys = _task_keys([(dim, t.number) for t, dim in tasks])
    return plan, {k: t for k, (t, _) in zip(keys, tasks, strict=True)}


def _diff(preview: ImportPreview, existing: dict[tuple[int, str, int], Task]) -> list[tuple[ParsedTask, Task | None]]:
    pairs = []
    for key, pt in zip(_task_keys([(t.dimension, t.number) for t in preview.parsed.tasks]), preview.parsed.tasks, strict=True):
        old = existing.get(key)
        pairs.append((pt, old))
        if old is None:
            preview.added += 1
        elif any(getattr(old, f) != getattr(pt, f) for f in COMPARED):
            preview.updated += 1
        else:
            preview.unchanged += 1
    return pairs


def preview_import(db: Database, path: Path, year: int | None = None,
                   progress: ProgressReporter | None = None, cancel: CancelToken | None = None) -> ImportPreview:
    """The dry run: what the import would do. Reads the database, writes nothing."""
    progress = progress or NullProgress()
    progress.start(2, "read")
    path = Path(path)
    parsed = parse_file(path, year, cancel)
    progress.advance()
    preview = preview_parsed(db, parsed, path, hashlib.sha256(path.read_bytes()).hexdigest())
    progress.finish()
    return preview


def preview_parsed(db: Database, parsed: ParsedPlan, source: Path, sha256: str) -> ImportPreview:
    preview = ImportPreview(source=source, sha256=sha256, parsed=parsed)
    preview.tasks_per_dimension = dict(Counter(t.dimension for t in parsed.tasks))
    all_ms = [m for t in parsed.tasks for m in t.milestones]
    preview.milestones_dated = sum(m.due is not None for m in all_ms)
    preview.milestones_undated = len(all_ms) - preview.milestones_dated
    with db.reader() as s:
        plan, existing = _existing(s, _year_of(parsed))
        preview.plan_exists = plan is not None
        _diff(preview, existing)
        known = {fold(i.name) for i in plan.indicators if not i.deleted} if plan else set()
        preview.indicators_added = sum(fold(i.name) not in known for i in parsed.indicators)
    return preview


def apply_import(db: Database, preview: ImportPreview, progress: ProgressReporter | None = None,
                 cancel: CancelToken | None = None) -> ImportPreview:
    """Write the previewed plan in one transaction; a cancel or an error leaves nothing behind."""
    backup.before_import(db)
    progress = progress or NullProgress()
    cancel = cancel or CancelToken()
    parsed = preview.parsed
    result = ImportPreview(source=preview.source, sha256=preview.sha256, parsed=parsed,
                           tasks_per_dimension=preview.tasks_per_dimension,
                           milestones_dated=preview.milestones_dated, milestones_undated=preview.milestones_undated)
    with db.session() as s:
        # Read inside the write transaction (BEGIN IMMEDIATE): two imports at once make one plan.
        plan, existing = _existing(s, _year_of(parsed))
        result.plan_exists = plan is not None
        pairs = _diff(result, existing)
        known = {fold(i.name) for i in plan.indicators if not i.deleted} if plan else set()
        new_indicators = [i for i in parsed.indicators if fold(i.name) not in known]
        result.indicators_added = len(new_indicators)
        if not result.changes_anything:
            return result
        if plan is None:
            plan = Plan(year=parsed.year, title=parsed.title, doc_number=parsed.doc_number,
                        doc_date=parsed.doc_date, issuer=parsed.issuer)
            s.add(plan)
        if plan.source_sha256 != preview.sha256:
            plan.source_sha256 = preview.sha256
            plan.source_name = preview.source.name
        s.flush()
        sections = {sec.dimension: sec for sec in plan.sections}
        for dim, (numeral, title) in parsed.sections.items():
            if dim not in sections:
                sections[dim] = PlanSection(plan_id=plan.id, dimension=dim, numeral=numeral, title=title)
                s.add(sections[dim])
        s.flush()
        progress.start(len(pairs), "write")
        for pos, (pt, old) in enumerate(pairs):
            cancel.raise_if_cancelled()
            if old is None:
                task = Task(section_id=sections[pt.dimension].id, position=pos, number=pt.number, task=pt.task,
                            output=pt.output, lead=pt.lead, coordinators=pt.coordinators,
                            deadline_text=pt.deadline_text)
                s.add(task)
                s.flush()
                replace_milestones(s, task, task.deadline_text, parsed.year)
            elif any(getattr(old, f) != getattr(pt, f) for f in COMPARED):
                deadline_changed = old.deadline_text != pt.deadline_text
                for f in COMPARED:
                    if getattr(old, f) != getattr(pt, f):
                        setattr(old, f, getattr(pt, f))
                if deadline_changed:
                    replace_milestones(s, old, old.deadline_text, parsed.year)
            progress.advance()
        for offset, ind in enumerate(new_indicators):
            s.add(Indicator(plan_id=plan.id, position=len(known) + offset, name=ind.name, unit=ind.unit,
                            target=ind.target, responsible=ind.responsible))
        cancel.raise_if_cancelled()
    progress.finish()
    return result
