"""A first look at the plan before the database is opened (issue 11 §5): the current plan's task list
read with the standard library's sqlite3 only, from the file opened read-only, while the program still
loads SQLAlchemy and opens, checks and migrates the database. The window shows these rows at once and
replaces them with the real plan page when that is ready.

No SQLAlchemy, no storage, no other service is imported here (a test checks it in a fresh process).
Nothing is read unless the database may be shown without a login and is the schema this release
expects: any doubt (accounts, a pending migration, an interrupted restore, the province, no commune, no
plan, a missing, damaged or locked file, any error at all) means no preview, and the normal opening
path decides what to show. Only the plan's own columns are read, never a citizen's record.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..domain.status import effective_status, is_overdue

# The schema this release opens without a migration: storage.migrate.SCHEMA_HEAD, repeated here because
# importing storage loads SQLAlchemy; a test keeps the two equal.
SCHEMA_HEAD = "0016"


@dataclass(frozen=True)
class PreviewRow:
    """What the plan page's task list shows of a task (services.plan.TaskRow's columns)."""

    dimension: int
    number: str
    task: str
    lead: str
    deadline_text: str
    next_due: date | None
    shown_status: str  # a stored status, or "overdue"


@dataclass(frozen=True)
class PlanSnapshot:
    year: int
    doc_number: str
    rows: list[PreviewRow]


class _NoPreview(Exception):  # noqa: N818 - a reason, not an error
    pass


_TASKS = """
SELECT t.id, s.dimension, t.number, t.task, t.lead, t.deadline_text, COALESCE(st.status, 'not_started')
FROM task t JOIN plan_section s ON s.id = t.section_id
LEFT JOIN task_state st ON st.task_id = t.id AND st.unit_code = ? AND st.deleted = 0
WHERE s.plan_id = ? AND t.deleted = 0 AND s.deleted = 0
ORDER BY s.dimension, t.position, t.created_hlc, t.id
"""
# The dated milestones of the plan's live tasks, with the unit's completion (services.plan._with_done).
_MILESTONES = """
SELECT m.task_id, m.due, ms.done_on
FROM milestone m JOIN task t ON t.id = m.task_id JOIN plan_section s ON s.id = t.section_id
LEFT JOIN milestone_state ms ON ms.milestone_id = m.id AND ms.unit_code = ? AND ms.deleted = 0
                             AND ms.done_on IS NOT NULL
WHERE s.plan_id = ? AND m.deleted = 0 AND m.due IS NOT NULL AND t.deleted = 0 AND s.deleted = 0
"""


def read(db_file: Path, today: date) -> PlanSnapshot | None:
    """The current plan's task list, or None when it must not (or cannot) be shown before the real open."""
    found = read_or_reason(db_file, today)
    return found if isinstance(found, PlanSnapshot) else None


def read_or_reason(db_file: Path, today: date) -> PlanSnapshot | str:
    """The snapshot, or why there is none (a short code, for tests and the log; nothing personal)."""
    try:
        if not db_file.is_file():
            return "missing"
        if any(db_file.parent.glob(".restore-*")):  # a restore a kill interrupted: recover() decides the file
            return "restore"
        # mode=ro: never writes, never creates the file; timeout 0: a locked file is no preview, not a wait.
        con = sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=ro", uri=True, timeout=0,
                              check_same_thread=False)
        try:
            return _read(con, today)
        finally:
            con.close()
    except _NoPreview as reason:
        return str(reason)
    except Exception as exc:  # noqa: BLE001 - damaged, locked, an old or odd schema: the normal path decides
        return f"error:{type(exc).__name__}"


def _read(con: sqlite3.Connection, today: date) -> PlanSnapshot:
    con.execute("BEGIN")  # one read transaction: the checks and the rows see the same state
    version = con.execute("SELECT version_num FROM alembic_version").fetchone()
    if version is None or version[0] != SCHEMA_HEAD:
        raise _NoPreview("schema")
    if con.execute("SELECT EXISTS (SELECT 1 FROM account)").fetchone()[0]:
        raise _NoPreview("accounts")  # a login comes before any data
    mode = con.execute("SELECT value FROM local_setting WHERE key = 'mode'").fetchone()
    if mode is not None and mode[0] == "province":
        raise _NoPreview("province")
    # The unit whose progress is shown: the one services.setup.open_database gives the Database.
    unit = con.execute("SELECT unit_code FROM commune_profile WHERE deleted = 0").fetchone()
    if unit is None:
        raise _NoPreview("no-commune")  # the first run's set-up comes first
    # services.plan.current_plan: the live plan of the latest year.
    plan = con.execute("SELECT id, year, doc_number FROM plan WHERE deleted = 0 ORDER BY year DESC").fetchone()
    if plan is None:
        raise _NoPreview("no-plan")
    plan_id, year, doc_number = plan
    milestones: dict[str, list[tuple[date, date | None]]] = {}
    for task_id, due, done_on in con.execute(_MILESTONES, (unit[0], plan_id)):
        milestones.setdefault(task_id, []).append((date.fromisoformat(due),
                                                   date.fromisoformat(done_on) if done_on else None))
    rows = []
    for task_id, dimension, number, text, lead, deadline_text, status in con.execute(_TASKS, (unit[0], plan_id)):
        ms = milestones.get(task_id, [])
        pending = [due for due, done_on in ms if done_on is None]
        rows.append(PreviewRow(dimension, number, text, lead, deadline_text, min(pending) if pending else None,
                               effective_status(status, is_overdue(status, ms, today))))
    return PlanSnapshot(int(year), doc_number or "", rows)
