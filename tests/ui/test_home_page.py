"""The home page's due list, read in the database worker from plain rows of what is open: the same
petitions, steps and due dates as the register computes them, and a long list shown whole."""

from __future__ import annotations

from datetime import date, timedelta

from watch import watch_threads

from papi_desktop.services import overview, reference
from papi_desktop.services import petitions as ps
from papi_desktop.services import reception as rs
from papi_desktop.ui.views.home_page import HomePage, KindRole, RefRole
from papi_desktop.ui.workers import DB_THREAD

TODAY = date(2026, 11, 23)


def _petitions(db) -> None:  # noqa: ANN001
    """Open petitions of every case the legal steps depend on, some processed, one closed."""
    def add(day: date, klass: str, **kw) -> str:  # noqa: ANN003
        return ps.add_petition(db, ps.PetitionInput(received_on=day, content="Nội dung", content_class=klass,
                                                    sender=kw.pop("sender", "Lò Văn Tiến"), **kw))

    for i in range(12):
        add(date(2026, 9, 1) + timedelta(days=7 * i), ("kien_nghi", "khieu_nai", "to_cao", "nhieu_noi_dung")[i % 4],
            remote_area=i % 3 == 0, complex_case=i % 5 == 0)
    accepted = add(date(2026, 10, 1), "khieu_nai", sender="Cầm Thị Hoa")
    ps.add_step(db, accepted, "accept", date(2026, 10, 5))  # owes the resolution from the 5th
    add(date(2026, 10, 2), "to_cao", within_authority=False, sender="Quàng Văn A")  # to be forwarded
    filed = add(date(2026, 11, 3), "kien_nghi", sender="Hà Thị B")
    ps.add_step(db, filed, "file", date(2026, 11, 4))  # processed: nothing owed
    closed = add(date(2026, 8, 1), "kien_nghi")
    ps.close(db, closed, date(2026, 8, 20), "Đã trả lời")
    rid = rs.add_reception(db, rs.ReceptionInput(received_on=date(2026, 11, 9), citizens=[rs.CitizenInput("Lò C")],
                                                 summary="Đề nghị", classes=["kien_nghi"]))  # enters the register
    assert rid


def test_the_due_list_has_the_registers_petitions_and_dates(db) -> None:  # noqa: ANN001
    _petitions(db)
    soon = TODAY + timedelta(days=int(reference.threshold("due_soon_days")))
    expected = [(i.petition_id, i.due, i.overdue, i.step_name_vi) for i in ps.due_items(db, TODAY) if i.due <= soon]
    found = [(e.ref_id, e.due, e.overdue, e.detail) for e in overview.due_entries(db, TODAY) if e.kind == "petition"]
    assert expected and sorted(found) == sorted(expected)
    assert any(not overdue for _id, _due, overdue, _step in found) and any(o for _i, _d, o, _s in found)
    english = {e.ref_id: e.detail for e in overview.due_entries(db, TODAY, lang="en") if e.kind == "petition"}
    assert english == {i.petition_id: i.step_name_en for i in ps.due_items(db, TODAY) if i.due <= soon}


def test_the_home_page_reads_in_the_worker(qtbot, db, runner, monkeypatch) -> None:  # noqa: ANN001
    _petitions(db)
    real = overview.due_entries
    threads = watch_threads(monkeypatch, overview, "due_entries")
    page = HomePage(db, runner)
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0 and "Đang đọc" in page.heading.text()  # shown before the list
    with qtbot.waitSignal(page.sig_loaded, timeout=10000) as loaded:
        page.reload()
    assert threads and all(t.startswith(DB_THREAD) for t in threads)
    entries = real(db, TODAY)
    assert loaded.args == [len(entries)] and page.model.rowCount() == len(entries)
    late = sum(e.overdue for e in entries)
    assert page.heading.text() == f"{late} việc quá hạn, {len(entries) - late} việc sắp đến hạn"
    first = page.model.index(0, 0)
    assert (first.data(KindRole), first.data(RefRole)) == (entries[0].kind, entries[0].ref_id)
    assert page.model.index(0, 3).data().startswith("Quá hạn")


def test_a_long_due_list_is_shown_whole(qtbot, db, runner) -> None:  # noqa: ANN001
    """20,000 entries (the open petitions of a busy commune) are all in the list, each with its state."""
    page = HomePage(db, runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)
    entries = [overview.DueEntry("petition", str(i), f"Đơn {i}/2026", "Xử lý đơn", TODAY - timedelta(days=i % 400),
                                 True) for i in range(20_000)]
    page._show(TODAY, entries)  # noqa: SLF001 - what the worker's result does
    assert page.model.rowCount() == 20_000
    assert page.model.index(19_999, 3).data() == f"Quá hạn {19_999 % 400} ngày"
    assert page.heading.text() == "20000 việc quá hạn, 0 việc sắp đến hạn"
