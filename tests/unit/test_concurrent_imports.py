"""The same file imported by two processes at the same moment (two `papi-desktop … import` runs on one data
folder): written once. The second import either waits for the first and then finds nothing new, or is
told that another write is running; both exit cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from crash import big_books
from sqlalchemy import func, select

from papi_desktop.storage.models import Plan, PlanSection, Task
from papi_desktop.storage.registers import Reception
from papi_desktop.storage.transparency import BudgetLine, BudgetTable, PovertyHousehold, PovertyReview

BUSY = "đang chạy trên cùng cơ sở dữ liệu"


def _live(s, model, *where) -> int:  # noqa: ANN001
    return s.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False), *where))


def _reception(s) -> tuple[int, ...]:  # noqa: ANN001
    return (_live(s, Reception),)


def _budget(s) -> tuple[int, ...]:  # noqa: ANN001
    return _live(s, BudgetTable), _live(s, BudgetLine)


def _poverty(s) -> tuple[int, ...]:  # noqa: ANN001
    return _live(s, PovertyReview, PovertyReview.year == 2026), _live(s, PovertyHousehold)


def _plan(s) -> tuple[int, ...]:  # noqa: ANN001
    tasks = s.scalar(select(func.count()).select_from(Task).join(PlanSection, Task.section_id == PlanSection.id)
                     .join(Plan, PlanSection.plan_id == Plan.id)
                     .where(Task.deleted.is_(False), Plan.deleted.is_(False), Plan.year == 2026))
    return _live(s, Plan, Plan.year == 2026), tasks


CASES = {
    # kind: (build the file, command, counts after one import, what the second one says when it waited)
    "reception": (lambda p: big_books.reception_book(p, 3000), ["reception", "import"], _reception, (3000,),
                  "Không có gì mới: cả 3000 dòng đã có trong sổ."),
    "budget": (lambda p: big_books.budget_book(p, 3000), ["postings", "import-budget"], _budget, (1, 3001),
               "Không có gì mới: tệp này đã được ghi trước đây."),
    "poverty": (lambda p: big_books.poverty_book(p, 3000), ["postings", "import-poverty"], _poverty, (1, 3000),
                "Không có gì mới: tệp này đã được ghi trước đây."),
    "plan": (lambda p: big_books.plan_book(p, 40), ["plan", "import"], _plan, (1, 40 * 28),
             "Kế hoạch trong tệp giống hệt kế hoạch đã có: không có gì thay đổi."),
}


def _start(data: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "papi_desktop", "--data-dir", str(data), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            env=dict(os.environ, PYTHONIOENCODING="utf-8"))


@pytest.mark.parametrize("kind", list(CASES))
def test_the_same_file_imported_twice_at_once_is_written_once(db, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    build, command, counts, expected, nothing_new = CASES[kind]
    book = build(tmp_path / f"{kind}.xlsx")
    data = db.path.parent
    procs = [_start(data, *command, str(book)) for _ in range(2)]  # started together: both previews say "new"
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    with db.reader() as s:
        assert counts(s) == expected, results
    said_nothing_new = [r for r in results if r[0] == 0 and nothing_new in r[1]]
    told_busy = [r for r in results if r[0] == 2 and BUSY in r[2]]
    wrote = [r for r in results if r[0] == 0 and nothing_new not in r[1]]
    assert len(wrote) == 1 and len(said_nothing_new) + len(told_busy) == 1, results
    assert all("Traceback" not in r[2] for r in results), results


def test_a_writer_that_waits_too_long_is_told_plainly(db) -> None:  # noqa: ANN001
    """Another process holds the write lock past the busy timeout: a clear message, nothing written."""
    import sqlite3

    from sqlalchemy import event

    from papi_desktop.domain.errors import KnownError
    from papi_desktop.services import poverty
    from papi_desktop.storage.db import Database, make_engine

    engine = make_engine(db.path)
    event.listen(engine, "connect", lambda conn, _rec: conn.execute("PRAGMA busy_timeout=300"))
    impatient = Database(db.path, engine)
    other = sqlite3.connect(str(db.path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(KnownError, match="Một thao tác ghi khác") as caught:
            poverty.ensure_review(impatient, 2026)
        assert "Another write" in caught.value.en
    finally:
        other.execute("ROLLBACK")
        other.close()
        impatient.dispose()
    with db.reader() as s:
        assert _live(s, PovertyReview) == 0


def test_opening_the_database_does_not_wait_for_another_writer(db) -> None:  # noqa: ANN001
    """The GUI starting while a command-line import writes: reading needs no write lock."""
    import sqlite3

    from sqlalchemy import event

    from papi_desktop.services import export_staging, setup
    from papi_desktop.storage.db import Database, make_engine

    other = sqlite3.connect(str(db.path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        engine = make_engine(db.path)
        event.listen(engine, "connect", lambda conn, _rec: conn.execute("PRAGMA busy_timeout=300"))
        opened = Database(db.path, engine)
        assert setup.get_profile(opened) is not None and export_staging.recover_unfinished(opened) == []
        opened.dispose()
    finally:
        other.execute("ROLLBACK")
        other.close()
