"""The province's view of its communes: who sent what and when, which period reports arrived on time,
plan progress per PAPI dimension, the registers' totals, disclosure compliance, and the bundles each
figure came from.

Read-only and dialect-neutral (SQLite or the hub's PostgreSQL): Core aggregates grouped by unit_code,
no SQL of one dialect. The communes counted are those the province enrolled (province.enrolled).

Tracing a figure to its bundles: a commune's rows reach the province only through bundles, and every
applied change is in the change log under its origin (origin_node, origin_seq); each bundle's manifest
declares, per origin node, the range of sequence numbers it carries. So the bundles behind a figure
are those whose ranges hold a logged change of a counted row: one UNION ALL of COUNTs per figure, one
branch per (bundle, node range) of the commune (tens to hundreds), computed when asked (sources()).
Changes in no bundle (made at the province itself) are counted apart, never hidden.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, event, func, literal, or_, select, union_all
from sqlalchemy.orm import Session, with_loader_criteria

from ..domain.errors import KnownError
from ..domain.periods import ReportingPeriod, period_for
from ..domain.status import TaskStatus
from ..exports.signing import VN_TZ
from ..storage.db import Database
from ..storage.models import (
    ChangeLog,
    CommuneProfile,
    Milestone,
    MilestoneState,
    Plan,
    PlanSection,
    Task,
    TaskState,
    Tracked,
)
from ..storage.registers import Commitment, Dialogue, DialogueIssue, Petition, Reception
from ..storage.sync_state import BundleIn, IncomingDocument
from ..storage.transparency import Posting, Village
from . import compliance, conflicts, positions, postings, province, reference

STATUSES = ("done", "in_progress", "not_started", "overdue")
WAITING = ("held", "fork", "quarantined")


# --- one commune's records, as that commune sees them -------------------------------------------------

class UnitScope:
    """The province's database seen as one commune sees its own: every ORM read of a synced table
    keeps only that commune's rows and the province's own (the plan it sent). Lets the commune's
    services (compliance, statistics, the task list) run unchanged for one unit. Read-only: a write,
    or Core SQL that no ORM filter reaches (Database.connection), is refused, not answered wrongly."""

    def __init__(self, db: Database, unit_code: str) -> None:
        self._db = db
        self.unit_code = unit_code
        self.clock = db.clock
        self.user = db.user
        self.url, self.path = db.url, db.path

    @property
    def dialect(self) -> str:
        return self._db.dialect

    @contextmanager
    def reader(self) -> Iterator[Session]:
        unit = self.unit_code

        def scoped(state: Any) -> None:
            if state.is_select and not state.is_column_load and not state.is_relationship_load:
                state.statement = state.statement.options(with_loader_criteria(
                    Tracked, lambda cls: or_(cls.unit_code == unit, cls.unit_code == ""), include_aliases=True))

        with self._db.reader() as s:
            s.info["unit_code"] = unit
            event.listen(s, "do_orm_execute", scoped)
            yield s

    def session(self, scope: str | None = None) -> Iterator[Session]:
        raise KnownError("Dữ liệu của xã chỉ được xem ở tỉnh, không sửa được.",
                         "A commune's records are shown read-only at the province.")

    def connection(self) -> Iterator[Any]:
        raise KnownError("Chức năng này chưa xem được theo từng xã ở tỉnh.",
                         "This function cannot be shown per commune at the province yet.")


def mask_name(name: str) -> str:
    """A citizen's name in a list the province reads: initials only, "Nguyễn Văn An" -> "N*** V*** A"."""
    words = (name or "").split()
    if not words:
        return ""
    return " ".join([w[0] + "***" for w in words[:-1]] + [words[-1][0]])


def _units(db: Database) -> dict[str, str]:
    """The enrolled communes (code -> name), in code order."""
    return {r.unit_code: r.unit_name for r in province.enrolled(db)}


def today() -> date:
    """Today in Việt Nam (+07:00), as reports.today_vn says it (without importing the report writers:
    the Tổng hợp page's module loads when the page first opens)."""
    return dt.datetime.now(VN_TZ).date()


def vn_day(iso: str | None) -> date | None:
    if not iso:
        return None
    value = dt.datetime.fromisoformat(iso)
    return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).astimezone(VN_TZ).date()


# --- (a) the communes board ---------------------------------------------------------------------------

@dataclass(frozen=True)
class CommuneStatus:
    unit_code: str
    unit_name: str
    devices: int
    in_force: int  # certificates not revoked
    bundles: int  # every bundle read from it
    applied: int
    last_bundle: str  # "" when none arrived yet
    last_received_at: str
    last_device: str
    last_status: str
    pending_receipts: int  # bundles whose receipt the commune has not shown it got (see receipts_pending)
    held: int
    forks: int
    quarantined: int
    waiting: list[conflicts.WaitingBundle] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        out = dict(self.__dict__)
        out["waiting"] = [dict(w.__dict__) for w in self.waiting]
        return out


def _ranges(manifest_json: str) -> dict[str, tuple[int, int]]:
    data = json.loads(manifest_json or "{}")
    return {str(n): (int(span[0]), int(span[1])) for n, span in (data.get("ranges") or {}).items()}


def receipts_pending(rows: list[BundleIn]) -> int:
    """A commune re-sends what the province has not acknowledged: each bundle starts after the last change
    of its own device it knows the province has (its manifest's prerequisites). So a receipt reached the
    commune once a later bundle of that device builds on it. The others, and bundles with no receipt yet,
    are pending; the latest bundle always is (nothing came after it to say)."""
    known: dict[str, int] = {}  # node -> the highest number a bundle said the province had
    for r in rows:
        for node, before in (json.loads(r.manifest_json or "{}").get("prerequisites") or {}).items():
            known[node] = max(known.get(node, 0), int(before))
    pending = 0
    for r in rows:
        ranges = _ranges(r.manifest_json)
        if r.receipt is None or any(last > known.get(node, 0) for node, (_f, last) in ranges.items()):
            pending += 1
    return pending


def communes_board(db: Database, only: str | None = None) -> list[CommuneStatus]:
    """Per enrolled commune (or the one `only` names): certificates, the last bundle (when, from which
    PC, its outcome), receipts not yet confirmed, and the bundles held, forked or quarantined with their
    reasons."""
    enrolled = province.enrolled(db)
    by_unit: dict[str, list[province.EnrolledInfo]] = {}
    for e in enrolled:
        if only is None or e.unit_code == only:
            by_unit.setdefault(e.unit_code, []).append(e)
    with db.reader() as s:
        rows = s.scalars(select(BundleIn).where(BundleIn.kind == "changes", BundleIn.unit_code.in_(list(by_unit)))
                         .order_by(BundleIn.unit_code, BundleIn.received_at, BundleIn.bundle_id)).all()
    bundles: dict[str, list[BundleIn]] = {}
    for r in rows:
        bundles.setdefault(r.unit_code, []).append(r)
    out = []
    for code, certs in by_unit.items():
        got = bundles.get(code, [])
        last = got[-1] if got else None
        waiting = [conflicts.WaitingBundle(r.bundle_id, r.unit_code, r.device, r.status, r.reason_vi, r.reason_en,
                                           r.received_at, int(json.loads(r.manifest_json or "{}").get("changes", 0)))
                   for r in got if r.status in WAITING]
        out.append(CommuneStatus(
            code, certs[0].unit_name, len({c.device for c in certs}), sum(not c.revoked_at for c in certs), len(got),
            sum(r.status == "applied" for r in got), last.bundle_id if last else "", last.received_at if last else "",
            last.device if last else "", last.status if last else "", receipts_pending(got),
            sum(r.status == "held" for r in got), sum(r.status == "fork" for r in got),
            sum(r.status == "quarantined" for r in got), waiting))
    return out


# --- (b) completeness of the period reports -----------------------------------------------------------

def rules() -> dict:
    """The consolidation rules (resources/reference/consolidation.json, or the province's copy)."""
    return json.loads(reference._reference_file("consolidation.json").read_text(encoding="utf-8"))


def period(code: str) -> ReportingPeriod:
    """"2026-H1" / "2026-Y" from the reporting periods' reference data."""
    year_text, _, kind = code.strip().partition("-")
    for rule in reference.period_rules():
        if rule.code == kind and year_text.isdigit():
            return period_for(rule, int(year_text))
    raise KnownError(f"Kỳ báo cáo “{code}” không hợp lệ: dùng dạng 2026-H1 hoặc 2026-Y.",
                     f"Reporting period “{code}” is not valid: use 2026-H1 or 2026-Y.")


def periods_of(year: int) -> list[ReportingPeriod]:
    return [period_for(rule, year) for rule in reference.period_rules()]


_STEM = re.compile(r"^bao_cao_papi_(\d{4}-[A-Z0-9]+)")


def report_period(kind: str, issued_on: date, files: list[str]) -> str:
    """The period an issued report covers: named in its file (reports write bao_cao_papi_<period>), else
    the latest period of its kind that ended by its issue date (a period report is issued after its end)."""
    for name in files:
        found = _STEM.match(name)
        if found:
            return found.group(1)
    kinds = {k: p for p, ks in rules()["report_kinds"].items() for k in ks}
    rule = next((r for r in reference.period_rules() if r.code == kinds.get(kind)), None)
    if rule is None:
        return ""
    for year in (issued_on.year, issued_on.year - 1):
        found_period = period_for(rule, year)
        if found_period.end <= issued_on:
            return found_period.code
    return ""


@dataclass(frozen=True)
class Submission:
    unit_code: str
    unit_name: str
    status: str  # on_time | late | missing | not_due
    number_ref: str = ""
    issued_on: date | None = None
    received_on: date | None = None  # the day (+07:00) the province entered it from a bundle
    bundle_id: str = ""
    valid: bool = True  # every signature good and trusted (services/incoming)

    def as_json(self) -> dict[str, object]:
        out = dict(self.__dict__)
        out["issued_on"] = self.issued_on.isoformat() if self.issued_on else None
        out["received_on"] = self.received_on.isoformat() if self.received_on else None
        return out


@dataclass(frozen=True)
class Completeness:
    period: ReportingPeriod
    rows: list[Submission]
    measure: str  # what is judged against the due day: "received" | "issued"

    @property
    def totals(self) -> dict[str, int]:
        count = {s: sum(r.status == s for r in self.rows) for s in ("on_time", "late", "missing", "not_due")}
        return {"expected": len(self.rows), "received": count["on_time"] + count["late"], **count,
                "invalid": sum(not r.valid for r in self.rows if r.status in ("on_time", "late"))}

    def as_json(self) -> dict[str, object]:
        return {"period": self.period.code, "due": self.period.due.isoformat() if self.period.due else None,
                "measure": self.measure, "totals": self.totals, "communes": [r.as_json() for r in self.rows]}


def completeness(db: Database, period_code: str, today: date, only: str | None = None) -> Completeness:
    """Each enrolled commune's report for the period (or the one commune `only` names): on time, late,
    missing (due day passed, none arrived) or not due yet. The first report of the period that arrived
    is the one judged."""
    found = period(period_code)
    rule = rules()
    kinds = list(rule["report_kinds"].get(found.kind, []))
    measure, inclusive = rule["on_time"]["measure"], bool(rule["on_time"]["inclusive"])
    units = {u: n for u, n in _units(db).items() if only is None or u == only}
    with db.reader() as s:
        docs = s.execute(select(IncomingDocument).where(IncomingDocument.kind.in_(kinds),
                                                        IncomingDocument.unit_code.in_(list(units)))
                         .order_by(IncomingDocument.received_at)).scalars().all()
    first: dict[str, IncomingDocument] = {}
    for d in docs:
        names = [f["name"] for f in json.loads(d.files_json or "[]")]
        if d.unit_code not in first and report_period(d.kind, date.fromisoformat(d.issued_on), names) == found.code:
            first[d.unit_code] = d
    rows = []
    for code, name in units.items():
        doc = first.get(code)
        if doc is None:
            rows.append(Submission(code, name, "missing" if found.due is None or today >= found.due else "not_due"))
            continue
        issued, received = date.fromisoformat(doc.issued_on), vn_day(doc.received_at)
        judged = issued if measure == "issued" else received
        on_time = found.due is None or judged is None or (judged <= found.due if inclusive else judged < found.due)
        rows.append(Submission(code, name, "on_time" if on_time else "late", doc.number_ref, issued, received,
                               doc.bundle_id, bool(doc.valid)))
    return Completeness(found, rows, measure)


# --- (c) plan progress, registers, disclosures --------------------------------------------------------

@dataclass(frozen=True)
class OverdueTask:
    unit_code: str
    unit_name: str
    task_id: str
    dimension: int
    number: str
    task: str
    due: date  # the earliest milestone passed and not done


@dataclass
class PlanProgress:
    plan_id: str | None
    year: int
    by_dimension: dict[int, dict[str, int]]  # dimension -> status -> (task, commune) pairs
    by_commune: dict[str, dict[str, int]]  # unit -> status -> tasks
    overdue: list[OverdueTask]

    def as_json(self) -> dict[str, object]:
        return {"plan_id": self.plan_id, "year": self.year,
                "by_dimension": {str(k): v for k, v in self.by_dimension.items()}, "by_commune": self.by_commune,
                "overdue": [{**o.__dict__, "due": o.due.isoformat()} for o in self.overdue]}


def province_plan(db: Database, year: int) -> str | None:
    """The plan the province sent for the year (its records carry no commune code)."""
    with db.reader() as s:
        return s.scalar(select(Plan.id).where(Plan.unit_code == "", Plan.year == year, Plan.deleted.is_(False))
                        .order_by(Plan.created_hlc).limit(1))


def plan_progress(db: Database, year: int, today: date) -> PlanProgress:
    """Every enrolled commune's state of every task of the province's plan (and of the tasks it added to
    it): done, in progress, not started, or overdue (not done, a milestone passed and not done by it)."""
    units = _units(db)
    plan_id = province_plan(db, year)
    empty = {d.number: dict.fromkeys(STATUSES, 0) for d in reference.dimensions()}
    result = PlanProgress(plan_id, year, empty, {u: dict.fromkeys(STATUSES, 0) for u in units}, [])
    if plan_id is None or not units:
        return result
    in_plan = and_(PlanSection.plan_id == plan_id, Task.deleted.is_(False), PlanSection.deleted.is_(False))
    with db.reader() as s:
        tasks = s.execute(select(Task.id, Task.unit_code, Task.number, Task.task, PlanSection.dimension)
                          .join(PlanSection, Task.section_id == PlanSection.id).where(in_plan)
                          .order_by(PlanSection.dimension, *positions.order(Task))).all()
        states = {(u, t): st for u, t, st in s.execute(
            select(TaskState.unit_code, TaskState.task_id, TaskState.status)
            .join(Task, TaskState.task_id == Task.id).join(PlanSection, Task.section_id == PlanSection.id)
            .where(in_plan, TaskState.deleted.is_(False), TaskState.unit_code.in_(list(units))))}
        # Milestones passed by today, per task; and per (commune, task) how many of them it marked done.
        passed = {t: (n, first) for t, n, first in s.execute(
            select(Milestone.task_id, func.count(), func.min(Milestone.due))
            .join(Task, Milestone.task_id == Task.id).join(PlanSection, Task.section_id == PlanSection.id)
            .where(in_plan, Milestone.deleted.is_(False), Milestone.due.is_not(None), Milestone.due < today)
            .group_by(Milestone.task_id)) if first is not None}  # as selected
        done = {(u, t): n for u, t, n in s.execute(
            select(MilestoneState.unit_code, Milestone.task_id, func.count())
            .join(Milestone, MilestoneState.milestone_id == Milestone.id)
            .where(Milestone.task_id.in_(list(passed)), Milestone.deleted.is_(False), Milestone.due < today,
                   MilestoneState.deleted.is_(False), MilestoneState.done_on.is_not(None),
                   MilestoneState.unit_code.in_(list(units)))
            .group_by(MilestoneState.unit_code, Milestone.task_id))}
        undone_first = _first_undone(s, units, passed, done, today) if passed else {}
    for task_id, owner, number, text, dim in tasks:
        for unit, name in units.items():
            if owner not in ("", unit):  # a task another commune added to its copy of the plan
                continue
            status = states.get((unit, task_id), TaskStatus.NOT_STARTED.value)
            n_passed = passed.get(task_id, (0, None))[0]
            if status != TaskStatus.DONE.value and done.get((unit, task_id), 0) < n_passed:
                status = "overdue"
                result.overdue.append(OverdueTask(unit, name, task_id, dim, number, text,
                                                  undone_first.get((unit, task_id), passed[task_id][1])))
            result.by_dimension.setdefault(dim, dict.fromkeys(STATUSES, 0))[status] += 1
            result.by_commune[unit][status] += 1
    result.overdue.sort(key=lambda o: (o.due, o.unit_code, o.dimension))
    return result


def _first_undone(s: Session, units: dict[str, str], passed: dict, done: dict, today: date) -> dict:
    """For overdue pairs only: the earliest passed milestone the commune has not marked done."""
    wanted = {(u, t) for u in units for t, (n, _first) in passed.items() if done.get((u, t), 0) < n}
    marked = set(s.execute(select(MilestoneState.unit_code, MilestoneState.milestone_id).where(
        MilestoneState.deleted.is_(False), MilestoneState.done_on.is_not(None),
        MilestoneState.unit_code.in_(list(units)))).all())
    out: dict[tuple[str, str], date] = {}
    for mid, task_id, due in s.execute(select(Milestone.id, Milestone.task_id, Milestone.due).where(
            Milestone.task_id.in_(list(passed)), Milestone.deleted.is_(False), Milestone.due < today)
            .order_by(Milestone.due)):
        for unit in units:
            if (unit, task_id) in wanted and (unit, task_id) not in out and (unit, mid) not in marked \
                    and due is not None:  # as selected
                out[(unit, task_id)] = due
    return out


@dataclass(frozen=True)
class RegisterTotals:
    receptions: int = 0
    citizens: int = 0
    petitions: int = 0
    petitions_resolved: int = 0
    petitions_pending: int = 0
    dialogues: int = 0
    dialogue_issues: int = 0
    commitments_open: int = 0

    def __add__(self, other: RegisterTotals) -> RegisterTotals:
        return RegisterTotals(*(a + b for a, b in zip(self.__dict__.values(), other.__dict__.values(), strict=True)))


def register_totals(db: Database, start: date, end: date, only: str | None = None) -> dict[str, RegisterTotals]:
    """Per enrolled commune (or the one `only` names), in the window: visits and citizens received,
    petitions received (resolved, still pending), dialogues held with the issues raised and the
    commitments not yet done."""
    units = [u for u in _units(db) if only is None or u == only]
    found: dict[str, dict[str, int]] = {u: {} for u in units}

    def put(rows: Any, *names: str) -> None:
        for unit, *values in rows:
            found[unit].update({n: int(v or 0) for n, v in zip(names, values, strict=True)})

    with db.reader() as s:
        put(s.execute(select(Reception.unit_code, func.count(), func.sum(Reception.people_count))
                      .where(Reception.deleted.is_(False), Reception.received_on.between(start, end),
                             Reception.unit_code.in_(units)).group_by(Reception.unit_code)), "receptions", "citizens")
        put(s.execute(select(Petition.unit_code, func.count(), func.count(Petition.closed_on))
                      .where(Petition.deleted.is_(False), Petition.received_on.between(start, end),
                             Petition.unit_code.in_(units)).group_by(Petition.unit_code)),
            "petitions", "petitions_resolved")
        held = and_(Dialogue.deleted.is_(False), Dialogue.held_on.between(start, end), Dialogue.unit_code.in_(units))
        put(s.execute(select(Dialogue.unit_code, func.count()).where(held).group_by(Dialogue.unit_code)), "dialogues")
        put(s.execute(select(Dialogue.unit_code, func.count(DialogueIssue.id)).join(DialogueIssue,
                      DialogueIssue.dialogue_id == Dialogue.id).where(held, DialogueIssue.deleted.is_(False))
                      .group_by(Dialogue.unit_code)), "dialogue_issues")
        put(s.execute(select(Dialogue.unit_code, func.count(Commitment.id))
                      .join(DialogueIssue, DialogueIssue.dialogue_id == Dialogue.id)
                      .join(Commitment, Commitment.issue_id == DialogueIssue.id)
                      .where(held, DialogueIssue.deleted.is_(False), Commitment.deleted.is_(False),
                             Commitment.done_on.is_(None)).group_by(Dialogue.unit_code)), "commitments_open")
    out = {}
    for unit, v in found.items():
        v["petitions_pending"] = v.get("petitions", 0) - v.get("petitions_resolved", 0)
        out[unit] = RegisterTotals(**v)
    return out


@dataclass(frozen=True)
class Disclosures:
    required: int  # disclosures the rules in force require of the year (those with a rule)
    ok: int  # done as required (or being posted as required)
    by_status: dict[str, int]

    @property
    def percent(self) -> int | None:
        return round(100 * self.ok / self.required) if self.required else None


def disclosure_compliance(db: Database, year: int, today: date) -> dict[str, Disclosures]:
    """compliance.check_year, the commune's own assessment, for each enrolled commune's records: what it
    reads is read for every commune at once (five queries, not five per commune: the ORM's cost per
    query was most of the time), then judged per commune as UnitScope would have shown it to
    check_year (the commune's rows and the province's own, in the same order)."""
    units = list(_units(db))
    shown = [*units, ""]
    with db.reader() as s:
        villages = s.execute(select(Village.unit_code, Village.id, Village.name).where(
            Village.deleted.is_(False), Village.active.is_(True), Village.unit_code.in_(shown))
            .order_by(*positions.order(Village))).all()
        profiles = {p.unit_code: p for p in s.scalars(select(CommuneProfile).where(
            CommuneProfile.deleted.is_(False), CommuneProfile.unit_code.in_(shown)))}
        loaded = postings.load_postings(s, [Posting.unit_code.in_(shown)])
    # Each commune's and the province's own, in the order read: a commune sees both, interleaved as read.
    posts: dict[str, list[tuple[int, Posting]]] = {}
    for i, p in enumerate(loaded):
        posts.setdefault(p.unit_code, []).append((i, p))
    places: dict[str, list[tuple[int, tuple[str, str]]]] = {}
    for i, (u, v, name) in enumerate(villages):
        places.setdefault(u, []).append((i, (v, name)))
    out = {}
    for unit in units:
        profile = profiles.get(unit) or profiles.get("")
        judged = compliance.judge_year([p for _i, p in sorted(posts.get(unit, []) + posts.get("", []))],
                                       [v for _i, v in sorted(places.get(unit, []) + places.get("", []))],
                                       bool(profile.has_loudspeaker if profile else True),
                                       bool(profile.has_portal if profile else False), year, today)
        found = [r for r in judged if r.status != "unknown"]
        by_status: dict[str, int] = {}
        for r in found:
            by_status[r.status] = by_status.get(r.status, 0) + 1
        out[unit] = Disclosures(len(found), sum(r.status in ("ok", "in_progress") for r in found), by_status)
    return out


# --- (d) where a figure came from ---------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    bundle_id: str  # "" for changes made at the province itself, in no bundle
    device: str
    received_at: str
    changes: int  # logged changes of the counted rows that this bundle brought


FIGURES = ("reception", "petitions", "dialogues", "tasks", "disclosures", "report")


def _counted(figure: str, unit: str, start: date, end: date, plan_id: str | None) -> list[tuple[str, Select]]:
    """The rows a figure counts, as (table, select of ids): the same filters as the figure itself."""
    if figure == "reception":
        return [("reception", select(Reception.id).where(Reception.unit_code == unit, Reception.deleted.is_(False),
                                                          Reception.received_on.between(start, end)))]
    if figure == "petitions":
        return [("petition", select(Petition.id).where(Petition.unit_code == unit, Petition.deleted.is_(False),
                                                        Petition.received_on.between(start, end)))]
    if figure == "dialogues":
        return [("dialogue", select(Dialogue.id).where(Dialogue.unit_code == unit, Dialogue.deleted.is_(False),
                                                        Dialogue.held_on.between(start, end)))]
    if figure == "disclosures":
        return [("posting", select(Posting.id).where(Posting.unit_code == unit, Posting.deleted.is_(False),
                                                      or_(Posting.subject_period.like(f"{end.year}%"),
                                                          Posting.start_on.between(start, end))))]
    if figure == "tasks":
        tasks = select(Task.id).join(PlanSection, Task.section_id == PlanSection.id).where(
            PlanSection.plan_id == (plan_id or ""))
        return [("task_state", select(TaskState.id).where(TaskState.unit_code == unit, TaskState.task_id.in_(tasks))),
                ("milestone_state", select(MilestoneState.id).join(Milestone, MilestoneState.milestone_id == Milestone.id)
                 .where(MilestoneState.unit_code == unit, Milestone.task_id.in_(tasks)))]
    raise KnownError(f"Không có số liệu “{figure}”.", f"No figure “{figure}”.")


def sources(db: Database, unit: str, figure: str, start: date, end: date, plan_id: str | None = None) -> list[Source]:
    """The bundles that brought the rows a figure of a commune counts, oldest first, and (bundle_id "")
    the changes of those rows made at the province itself."""
    with db.reader() as s:
        bundles = s.scalars(select(BundleIn).where(BundleIn.unit_code == unit, BundleIn.kind == "changes",
                                                   BundleIn.status == "applied").order_by(BundleIn.received_at)).all()
        if figure == "report":
            ids = {d for d in s.scalars(select(IncomingDocument.bundle_id).where(IncomingDocument.unit_code == unit))}
            return [Source(b.bundle_id, b.device, b.received_at, 1) for b in bundles if b.bundle_id in ids]
        by_id = {b.bundle_id: b for b in bundles}
        counts: dict[str, int] = {}
        total = 0
        for table, ids_select in _counted(figure, unit, start, end, plan_id):
            rows_of = and_(ChangeLog.table_name == table, ChangeLog.record_id.in_(ids_select))
            total += s.scalar(select(func.count()).select_from(ChangeLog).where(rows_of)) or 0
            branches = [select(literal(b.bundle_id).label("bundle"), func.count().label("n")).select_from(ChangeLog)
                        .where(rows_of, ChangeLog.origin_node == node, ChangeLog.origin_seq.between(first, last))
                        for b in bundles for node, (first, last) in _ranges(b.manifest_json).items()]
            for i in range(0, len(branches), 200):  # a bounded statement, whatever the number of bundles
                for bundle_id, n in s.execute(union_all(*branches[i:i + 200])):
                    counts[bundle_id] = counts.get(bundle_id, 0) + int(n)
    out = [Source(b, by_id[b].device, by_id[b].received_at, n) for b, n in counts.items() if n]
    out.sort(key=lambda x: (x.received_at, x.bundle_id))
    local = total - sum(x.changes for x in out)
    if local > 0:
        out.append(Source("", "", "", local))
    return out


# --- everything the overview page shows, in one read ---------------------------------------------------

@dataclass
class Overview:
    today: date
    period: ReportingPeriod
    communes: list[CommuneStatus]
    completeness: Completeness
    progress: PlanProgress
    registers: dict[str, RegisterTotals]
    disclosures: dict[str, Disclosures]

    @property
    def names(self) -> dict[str, str]:
        return {c.unit_code: c.unit_name for c in self.communes}

    @property
    def register_total(self) -> RegisterTotals:
        total = RegisterTotals()
        for r in self.registers.values():
            total = total + r
        return total

    def as_json(self) -> dict[str, object]:
        return {"today": self.today.isoformat(), "period": self.period.code,
                "window": [self.period.start.isoformat(), self.period.end.isoformat()],
                "communes": [c.as_json() for c in self.communes], "completeness": self.completeness.as_json(),
                "progress": self.progress.as_json(),
                "registers": {u: dict(r.__dict__) for u, r in self.registers.items()},
                "register_total": dict(self.register_total.__dict__),
                "disclosures": {u: {"required": d.required, "ok": d.ok, "percent": d.percent,
                                    "by_status": d.by_status} for u, d in self.disclosures.items()}}


def default_period(today: date) -> str:
    """The latest period whose window has begun: the one a director asks about now."""
    started = [p for year in (today.year, today.year + 1) for p in periods_of(year) if p.start <= today]
    return max(started, key=lambda p: (p.start, p.end)).code


def dashboard_period(db: Database, period_code: str | None, today: date) -> ReportingPeriod:
    """The period the dashboard shows (the latest begun when none is asked); province mode only."""
    if not province.is_province(db):
        raise KnownError("Trang tổng hợp chỉ có ở chế độ tỉnh.", "The overview exists in province mode only.")
    return period(period_code or default_period(today))


def overview(db: Database, period_code: str | None, today: date) -> Overview:
    """The province's dashboard for a reporting period: figures judged at the period's end, or today
    while it runs."""
    found = dashboard_period(db, period_code, today)
    as_of = min(today, found.end)
    return Overview(today, found, communes_board(db), completeness(db, found.code, today),
                    plan_progress(db, found.year, as_of), register_totals(db, found.start, found.end),
                    disclosure_compliance(db, found.end.year, as_of))


# --- one commune, read-only, personal data masked -----------------------------------------------------

@dataclass(frozen=True)
class VisitRow:
    id: str
    received_on: date
    reception_type: str
    people_count: int
    citizens: str  # masked names, "N*** V*** A, L*** T"
    summary: str


@dataclass(frozen=True)
class PetitionRow:
    id: str
    register_no: str
    received_on: date
    sender: str  # masked
    sender_id: str  # last 3 digits only
    content_class: str
    closed_on: date | None


def _ids(db: Database, model: Any, unit: str, start: date, end: date) -> list[str]:
    """A commune's records received in the window, newest first: the projection a lazy list holds."""
    with db.reader() as s:
        return list(s.scalars(select(model.id).where(
            model.unit_code == unit, model.deleted.is_(False), model.received_on.between(start, end))
            .order_by(model.received_on.desc(), model.id)))


def reception_ids(db: Database, unit: str, start: date, end: date) -> list[str]:
    return _ids(db, Reception, unit, start, end)


def reception_rows(db: Database, ids: list[str]) -> list[VisitRow]:
    """A page of a commune's reception book as the province sees it: citizens' names masked."""
    from ..storage.registers import ReceptionCitizen

    with db.reader() as s:
        found = {r.id: r for r in s.scalars(select(Reception).where(Reception.id.in_(ids)))}
        names: dict[str, list[str]] = {}
        for rid, name in s.execute(select(ReceptionCitizen.reception_id, ReceptionCitizen.name).where(
                ReceptionCitizen.reception_id.in_(ids), ReceptionCitizen.deleted.is_(False))
                .order_by(ReceptionCitizen.position)):
            names.setdefault(rid, []).append(mask_name(name))
    return [VisitRow(r.id, r.received_on, r.reception_type, r.people_count, ", ".join(names.get(r.id, [])),
                     r.summary) for i in ids if (r := found.get(i)) is not None]


def petition_ids(db: Database, unit: str, start: date, end: date) -> list[str]:
    return _ids(db, Petition, unit, start, end)


def petition_rows(db: Database, ids: list[str]) -> list[PetitionRow]:
    from ..domain.identity import mask

    with db.reader() as s:
        found = {p.id: p for p in s.scalars(select(Petition).where(Petition.id.in_(ids)))}
    return [PetitionRow(p.id, p.register_no, p.received_on, mask_name(p.sender),
                        mask(p.sender_id_number) if p.sender_id_number else "", p.content_class, p.closed_on)
            for i in ids if (p := found.get(i)) is not None]


@dataclass
class CommuneDetail:
    unit_code: str
    unit_name: str
    period: ReportingPeriod
    status: CommuneStatus | None
    submission: Submission | None
    tasks: list[Any]  # plan.TaskRow, as the commune's own plan page lists them
    totals: RegisterTotals
    dialogues: list[Any]  # dialogues.DialogueRow
    disclosures: list[Any]  # compliance.RequiredDisclosure


def commune_detail(db: Database, unit: str, period_code: str, today: date, registers: bool = True) -> CommuneDetail:
    """What one commune's own pages would show of the period, from the province's copy of its records.
    Without registers its totals are left empty (the commune view shows its books instead)."""
    from . import dialogues, plan

    units = _units(db)
    if unit not in units:
        raise KnownError(f"Đơn vị {unit} chưa đăng ký với tỉnh.", f"Unit {unit} is not enrolled with the province.")
    found = period(period_code)
    as_of = min(today, found.end)
    scope = UnitScope(db, unit)
    plan_id = province_plan(db, found.year)
    tasks = plan.list_tasks(scope, plan.TaskFilter(plan_id=plan_id), as_of) if plan_id else []  # type: ignore[arg-type]
    held = [d for d in dialogues.dialogue_rows(scope, dialogues.dialogue_ids(scope))  # type: ignore[arg-type]
            if found.start <= d.held_on <= found.end]
    status = next(iter(communes_board(db, unit)), None)
    submission = next(iter(completeness(db, found.code, today, unit).rows), None)
    totals = register_totals(db, found.start, found.end, unit).get(unit, RegisterTotals()) if registers \
        else RegisterTotals()
    return CommuneDetail(unit, units[unit], found, status, submission, tasks, totals, held,
                         [r for r in compliance.check_year(scope, found.end.year, as_of)  # type: ignore[arg-type]
                          if r.status != "unknown"])
