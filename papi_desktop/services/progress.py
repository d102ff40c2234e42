"""Progress on tasks per reporting period, with evidence documents, and indicator values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..domain.errors import KnownError
from ..domain.periods import ReportingPeriod, period_containing, periods_of_year
from ..domain.text import nfc
from ..storage.db import Database
from ..storage.models import Evidence, Indicator, IndicatorValue, Plan, ProgressUpdate, Task
from . import positions, reference, task_state
from .attachments import attachment_path, store_attachment


@dataclass(frozen=True)
class EvidenceInput:
    doc_ref: str  # "Kế hoạch số 22/KH-UBND"
    doc_date: date | None = None
    summary: str = ""
    file: Path | None = None


@dataclass(frozen=True)
class EvidenceInfo:
    id: str
    doc_ref: str
    doc_date: date | None
    summary: str
    file_name: str
    file_path: Path | None


@dataclass
class UpdateInfo:
    id: str
    period_code: str
    result: str
    reported_on: date | None
    evidence: list[EvidenceInfo] = field(default_factory=list)


@dataclass(frozen=True)
class IndicatorInfo:
    id: str
    name: str
    unit: str
    target: str
    responsible: str
    values: dict[str, str]


def periods(year: int) -> list[ReportingPeriod]:
    """The reporting periods of a plan year, with the province's cut-off windows."""
    return periods_of_year(list(reference.period_rules()), year)


def period_for_day(day: date) -> ReportingPeriod | None:
    return period_containing(list(reference.period_rules()), day)


def _valid_period(code: str) -> str:
    code = code.strip()
    try:
        year, kind = code.split("-", 1)
        int(year)
    except ValueError:
        kind = ""
    if kind not in {r.code for r in reference.period_rules()}:
        raise KnownError(
            f"Kỳ báo cáo “{code}” không hợp lệ. Dùng dạng 2026-H1 (6 tháng) hoặc 2026-Y (năm).",
            f"Reporting period “{code}” is not valid. Use 2026-H1 (six-month) or 2026-Y (annual).",
        )
    return code


def add_update(db: Database, task_id: str, period_code: str, result: str,
               reported_on: date | None = None, evidence: list[EvidenceInput] | None = None,
               attachments_dir: Path | None = None) -> str:
    """Record progress on a task for a period; a not-started task becomes in progress."""
    period_code = _valid_period(period_code)
    result = nfc(result)
    if not result and not evidence:
        raise KnownError("Hãy nhập kết quả thực hiện hoặc thêm ít nhất một văn bản minh chứng.",
                         "Enter the result or add at least one evidence document.")
    # Files are copied before the transaction: a failed copy writes nothing to the database.
    stored = [(ev, store_attachment(ev.file, attachments_dir) if ev.file else ("", "")) for ev in evidence or []]
    with db.session() as s:
        task = s.get(Task, task_id)
        if task is None or task.deleted:
            raise KnownError("Nhiệm vụ không còn tồn tại.", "The task no longer exists.")
        update = ProgressUpdate(task_id=task_id, period_code=period_code, result=result, reported_on=reported_on)
        s.add(update)
        s.flush()
        for ev, (sha, name) in stored:
            _add_evidence(s, update.id, ev, sha, name)
        state = task_state.states(s, [task_id], task_state.unit_of(s)).get(task_id)
        if state is None or state.status == task_state.NOT_STARTED:
            task_state.set_state(s, task_id, task_state.unit_of(s), status="in_progress")
        return update.id


def _add_evidence(s, update_id: str, ev: EvidenceInput, sha: str, name: str) -> Evidence:  # noqa: ANN001
    ref = nfc(ev.doc_ref)
    if not ref:
        raise KnownError("Văn bản minh chứng cần có số, ký hiệu (ví dụ: Kế hoạch số 22/KH-UBND).",
                         "Evidence needs a number/symbol (e.g. Kế hoạch số 22/KH-UBND).")
    item = Evidence(update_id=update_id, doc_ref=ref, doc_date=ev.doc_date, summary=nfc(ev.summary),
                    file_sha256=sha, file_name=name)
    s.add(item)
    return item


def updates_of(db: Database, task_id: str, attachments_dir: Path | None = None) -> list[UpdateInfo]:
    with db.reader() as s:
        rows = s.scalars(select(ProgressUpdate).where(ProgressUpdate.task_id == task_id,
                                                      ProgressUpdate.deleted.is_(False))
                         .order_by(ProgressUpdate.period_code, ProgressUpdate.created_hlc))
        return [
            UpdateInfo(u.id, u.period_code, u.result, u.reported_on, [
                EvidenceInfo(e.id, e.doc_ref, e.doc_date, e.summary, e.file_name,
                             attachment_path(e.file_sha256, e.file_name, attachments_dir))
                for e in u.evidence if not e.deleted
            ])
            for u in rows
        ]


def add_indicator(db: Database, plan_id: str, name: str, unit: str = "", target: str = "",
                  responsible: str = "") -> str:
    name = nfc(name)
    if not name:
        raise KnownError("Hãy nhập tên chỉ tiêu.", "Enter the indicator name.")
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.deleted:
            raise KnownError("Chưa có kế hoạch.", "There is no plan.")
        pos = positions.next_position(s, Indicator, "plan_id", plan_id)
        item = Indicator(plan_id=plan_id, position=pos, name=name, unit=nfc(unit), target=nfc(target),
                         responsible=nfc(responsible))
        s.add(item)
        s.flush()
        return item.id


def set_indicator_value(db: Database, indicator_id: str, period_code: str, actual: str) -> None:
    period_code = _valid_period(period_code)
    with db.session() as s:
        ind = s.get(Indicator, indicator_id)
        if ind is None or ind.deleted:
            raise KnownError("Chỉ tiêu không còn tồn tại.", "The indicator no longer exists.")
        current = next((v for v in ind.values if v.period_code == period_code and not v.deleted), None)
        if current is None:
            s.add(IndicatorValue(indicator_id=indicator_id, period_code=period_code, actual=nfc(actual)))
        elif current.actual != nfc(actual):
            current.actual = nfc(actual)


def indicators_of(db: Database, plan_id: str) -> list[IndicatorInfo]:
    with db.reader() as s:
        rows = s.scalars(select(Indicator).where(Indicator.plan_id == plan_id, Indicator.deleted.is_(False))
                         .order_by(*positions.order(Indicator)))
        return [
            IndicatorInfo(i.id, i.name, i.unit, i.target, i.responsible,
                          {v.period_code: v.actual for v in i.values if not v.deleted})
            for i in rows
        ]


def results_by_task(db: Database, plan_id: str, period_codes: list[str]) -> dict[str, list[UpdateInfo]]:
    """Every task's progress in the given periods with its evidence, in two queries (reports list 60+ tasks)."""
    from ..storage.models import PlanSection  # noqa: PLC0415

    with db.reader() as s:
        rows = list(s.scalars(
            select(ProgressUpdate).join(Task, ProgressUpdate.task_id == Task.id)
            .join(PlanSection, Task.section_id == PlanSection.id)
            .where(PlanSection.plan_id == plan_id, ProgressUpdate.deleted.is_(False),
                   ProgressUpdate.period_code.in_(period_codes))
            .order_by(ProgressUpdate.period_code, ProgressUpdate.created_hlc)))
        evidence: dict[str, list[Evidence]] = {}
        for e in s.scalars(select(Evidence).where(Evidence.update_id.in_([u.id for u in rows]),
                                                  Evidence.deleted.is_(False)).order_by(Evidence.doc_date)):
            evidence.setdefault(e.update_id, []).append(e)
        out: dict[str, list[UpdateInfo]] = {}
        for u in rows:
            out.setdefault(u.task_id, []).append(UpdateInfo(u.id, u.period_code, u.result, u.reported_on, [
                EvidenceInfo(e.id, e.doc_ref, e.doc_date, e.summary, e.file_name, None)
                for e in evidence.get(u.id, [])]))
        return out
