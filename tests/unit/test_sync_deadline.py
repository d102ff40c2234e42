"""The home screen's reporting-deadline reminder (issue 10 §7) on a real enrolled commune PC: around a
period's due date, while the province lacks the commune's changes, and not once a bundle written after
the period ended carries them (or a push over the network sent them, or the province acknowledged
them); never on the province or before enrolment. It counts what the status bar counts (every change the
province has not acknowledged), and knows whether a hub address is there to sync over the network.

The period is the province's copy of reporting_periods.json around today (tests/periods_copy.py), and
`now` is fixed relative to its due date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from periods_copy import VN, noon, one_period, today_vn
from sqlalchemy import select
from sync_world import Commune, Province, at

from papi_desktop.domain.periods import ReportingPeriod
from papi_desktop.services import hub_sync, local_settings, plan, reference, sync, sync_board
from papi_desktop.storage.models import Task

EARLY, LATE = sync_board.REMIND_DEADLINE_DAYS, sync_board.REMIND_DEADLINE_LATE_DAYS


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune, Path]]:
    root = tmp_path_factory.mktemp("deadline")
    prov = Province(root / "province")
    pc = Commune(root / "pc", prov)
    yield prov, pc, root
    reference.clear_caches()
    for db in (prov.db, pc.db):
        db.dispose()


def _deadlines(pc: Commune, day: dt.date) -> list[sync_board.Reminder]:
    with at(pc.dir):
        return [r for r in sync_board.reminders(pc.db, noon(day)) if r.kind == "deadline"]


def _edit(pc: Commune, note: str) -> None:
    with pc.db.reader() as s:
        task_id = s.scalar(select(Task.id).order_by(Task.position).limit(1))
    with at(pc.dir):
        plan.update_task(pc.db, task_id, note=note)


def test_around_the_due_date_until_a_bundle_written_after_the_period_carries_everything(world) -> None:  # noqa: ANN001
    _prov, pc, root = world
    today = today_vn()
    due = today + dt.timedelta(days=5)
    one_period(pc.dir, today - dt.timedelta(days=1), due)  # the period ended yesterday
    with at(pc.dir):
        lacking = len(sync.pending(pc.db))
    assert lacking > 0  # the demo commune never sent anything

    assert _deadlines(pc, due - dt.timedelta(days=EARLY + 1)) == []  # before the window
    (inside,) = _deadlines(pc, due - dt.timedelta(days=3))
    period = inside.period
    assert isinstance(period, ReportingPeriod)
    assert (period.code, period.due, period.end, inside.days, inside.changes) == (
        f"{due.year}-T", due, today - dt.timedelta(days=1), 3, lacking)
    assert inside.since == dt.datetime.combine(today, dt.time(), VN)  # the period's end, as UTC
    assert [r.days for r in _deadlines(pc, due)] == [0]
    assert [r.days for r in _deadlines(pc, due + dt.timedelta(days=LATE))] == [-LATE]  # passed by a few days
    assert _deadlines(pc, due + dt.timedelta(days=LATE + 1)) == []  # long past: no more

    assert pc.export(root / "usb") is not None  # written today, after the period's end: sent
    assert _deadlines(pc, due - dt.timedelta(days=3)) == []
    _edit(pc, "Sửa sau khi ghi USB")  # made before the due date and not written anywhere
    (again,) = _deadlines(pc, due - dt.timedelta(days=3))
    with at(pc.dir):
        bar = sync_board.status_line(pc.db).pending
    # One change made the reminder come, but the province lacks the bundle's too: the status bar's number.
    assert again.changes == bar == lacking + 1 > 1
    assert not again.online  # no hub address: a USB stick only
    assert _deadlines(pc, due + dt.timedelta(days=LATE + 1)) == []
    assert pc.export(root / "usb-2") is not None
    assert _deadlines(pc, due - dt.timedelta(days=3)) == []


def test_a_bundle_written_before_the_period_ended_until_acknowledged_or_pushed(world) -> None:  # noqa: ANN001
    prov, pc, root = world
    today = today_vn()
    due = today + dt.timedelta(days=8)
    one_period(pc.dir, today + dt.timedelta(days=1), due)  # the period ends tomorrow
    _edit(pc, "Sửa trước khi kỳ kết thúc")
    written = pc.export(root / "usb-3")  # written before the period's end, never carried to the province
    assert written is not None
    with at(pc.dir):
        unacked = len(sync.pending(pc.db))
    (held,) = _deadlines(pc, due - dt.timedelta(days=2))
    assert (held.days, held.changes) == (2, unacked)  # nothing sent since the end, nothing acknowledged

    # A push over the network after the period's end, as hub_sync.push records it, counts as sent.
    after_end = noon(today + dt.timedelta(days=3)).astimezone(dt.UTC).isoformat(timespec="seconds")
    with at(pc.dir):
        local_settings.write(pc.db, hub_sync.LAST_PUSH_KEY, after_end)
    assert _deadlines(pc, due - dt.timedelta(days=2)) == []
    with at(pc.dir):
        local_settings.write(pc.db, hub_sync.LAST_PUSH_KEY, "")
    assert len(_deadlines(pc, due - dt.timedelta(days=2))) == 1

    # With a hub address the reminder may say "or sync over the network"; the count stays the status bar's.
    with at(pc.dir):
        local_settings.write(pc.db, hub_sync.URL_KEY, "https://hub.tinh.example.vn")
        bar = sync_board.status_line(pc.db).pending
    (online,) = _deadlines(pc, due - dt.timedelta(days=2))
    assert online.online and online.changes == bar == unacked
    with at(pc.dir):
        local_settings.write(pc.db, hub_sync.URL_KEY, "")
    assert not _deadlines(pc, due - dt.timedelta(days=2))[0].online

    # The province receives the bundles and the PC reads the receipts: the province lacks nothing.
    for summary in prov.import_(*sorted((root / "usb").glob("*.papi")), *sorted((root / "usb-2").glob("*.papi")),
                                *written.files):
        assert summary.status in ("applied", "unchanged"), summary.reasons
        if summary.receipt:
            pc.receipt(summary.receipt)
    with at(pc.dir):
        assert sync.pending(pc.db) == []
    assert _deadlines(pc, due - dt.timedelta(days=2)) == []
    assert _deadlines(pc, due + dt.timedelta(days=1)) == []


def test_nothing_on_the_province_or_before_enrolment(world, db) -> None:  # noqa: ANN001
    prov, _pc, _root = world
    due = today_vn() + dt.timedelta(days=3)
    with at(prov.dir):
        assert sync_board.reminders(prov.db, noon(due)) == []
    assert sync_board.reminders(db, noon(due)) == []  # the demo commune, not enrolled
