"""The audit trail's chain, on SQLite and PostgreSQL: one entry per committed save covering its change-log
rows, in the same transaction; and every kind of tampering found at the right place: a change-log row
altered, removed or added, an entry altered, removed, inserted in the middle or put after the last one.

Tampering is done as someone with the database file would: raw SQL on a connection of its own, the
append-only triggers dropped for the moment and made again."""

from __future__ import annotations

import importlib.util
import threading
from datetime import date
from pathlib import Path

import pytest
from pg import _pg_head_template, pg_head_url, pg_server  # noqa: F401 - fixtures
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from papi_desktop.services import audit, reception, setup
from papi_desktop.storage import audit as chain
from papi_desktop.storage import dialect, migrate
from papi_desktop.storage.models import Plan

_SPEC = importlib.util.spec_from_file_location(
    "migration_0011", migrate.MIGRATIONS_DIR / "versions" / "0011_audit_trail.py")
M0011 = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(M0011)


@pytest.fixture(params=["sqlite", "postgresql"])
def adb(request: pytest.FixtureRequest, data_dir: Path):
    if request.param == "sqlite":
        db = setup.open_database(user="tester")
    else:
        db = migrate.open_upgraded(request.getfixturevalue("pg_head_url"))
        db.user = "tester"
    setup.setup_commune(db, "03985", chairman_name="Lò Văn Minh")
    yield db
    db.dispose()


def visit(db, name: str = "Quàng Thị Ánh", cccd: str = "014190000123") -> None:  # noqa: ANN001
    reception.add_reception(db, reception.ReceptionInput(
        received_on=date(2026, 6, 1), citizens=[reception.CitizenInput(name, "Bản Nà Sẳng", cccd),
                                                reception.CitizenInput("Lò Văn Hùng", "Bản Nà Sẳng")],
        summary="Đề nghị làm lại cầu treo", classes=["kien_nghi"]))


def _drop(conn, table: str) -> list[str]:  # noqa: ANN001
    if table == "change_log":
        return dialect.drop_append_only_triggers(conn)
    if dialect.is_postgresql(conn):
        return [f"DROP TRIGGER IF EXISTS audit_entry_no_{op} ON audit_entry" for op in ("update", "delete", "truncate")]
    return ["DROP TRIGGER IF EXISTS audit_entry_no_update", "DROP TRIGGER IF EXISTS audit_entry_no_delete"]


def _create(conn, table: str) -> list[str]:  # noqa: ANN001
    if table == "change_log":
        return dialect.create_append_only_triggers(conn)
    return M0011._triggers(dialect.is_postgresql(conn))  # noqa: SLF001


def tamper(db, table: str, *statements: str, params: dict | None = None) -> None:  # noqa: ANN001
    """Raw SQL outside the program's sessions, with the table's triggers off for the moment."""
    with db.engine.begin() as conn:
        for sql in _drop(conn, table):
            conn.exec_driver_sql(sql)
        for sql in statements:
            conn.execute(text(sql), params or {})
        for sql in _create(conn, table):
            conn.exec_driver_sql(sql)


def entries(db) -> list[audit.Entry]:  # noqa: ANN001
    return sorted(audit.list_entries(db, limit=10_000), key=lambda e: e.seq)


def covering(db, change_seq: int) -> int:  # noqa: ANN001
    (entry,) = [e for e in entries(db) if e.first_change is not None and e.first_change <= change_seq <= e.last_change]
    return entry.seq


def last_change(db) -> int:  # noqa: ANN001
    with db.reader() as s:
        return s.execute(text("SELECT MAX(seq) FROM change_log")).scalar()


def broken(db) -> audit.Break:  # noqa: ANN001
    verdict = audit.verify(db)
    assert not verdict.ok, verdict.message("en")
    return verdict.broken


def test_each_save_is_one_entry_covering_its_rows(adb) -> None:  # noqa: ANN001
    before = entries(adb)
    assert before[0].kind == "genesis" and before[0].seq == 1
    visit(adb)
    visit(adb, "Lường Văn Tám", "")
    new = entries(adb)[len(before):]
    assert [e.kind for e in new] == ["change", "change"]
    for e in new:
        assert e.actor == "tester" and e.actor_id == "" and e.node == adb.clock.node
        assert e.detail["tables"] == {"reception": {"insert": 1}, "reception_citizen": {"insert": 2}}
        assert e.change_count == 3 and e.last_change - e.first_change == 2
    assert new[1].first_change == new[0].last_change + 1
    assert "Quàng" not in str([e.detail for e in new]) and "014190000123" not in str([e.detail for e in new])
    verdict = audit.verify(adb)
    assert verdict.ok, verdict.message("en")
    assert verdict.head_seq == new[-1].seq and verdict.changes == last_change(adb)


def test_a_rolled_back_save_leaves_no_entry(adb) -> None:  # noqa: ANN001
    count = len(entries(adb))
    with pytest.raises(RuntimeError), adb.session() as s:
        s.add(Plan(year=2027, title="bỏ"))
        s.flush()
        raise RuntimeError("rolled back")
    assert len(entries(adb)) == count and audit.verify(adb).ok


def test_entries_are_append_only(adb) -> None:  # noqa: ANN001
    visit(adb)
    for sql in ("UPDATE audit_entry SET actor = 'x' WHERE seq = 1", "DELETE FROM audit_entry WHERE seq = 1"):
        with pytest.raises(IntegrityError), adb.engine.begin() as conn:
            conn.execute(text(sql))


def test_a_change_log_row_altered_is_found_at_its_entry(adb) -> None:  # noqa: ANN001
    visit(adb)
    target = last_change(adb) - 1  # a citizen's row of the visit
    visit(adb, "Cầm Thị Hoa", "")
    # the citizen's personal values are sealed in the row: the rest of its image is altered
    tamper(adb, "change_log", "UPDATE change_log SET after_json = replace(after_json, '\"position\": 0', "
                              "'\"position\": 7') WHERE seq = :seq", params={"seq": target})
    with adb.reader() as s:
        assert '"position": 7' in s.scalar(text("SELECT after_json FROM change_log WHERE seq = :seq"), {"seq": target})
    b = broken(adb)
    assert (b.what, b.seq) == ("change_altered", covering(adb, target))
    assert b.change_seq <= target <= b.last_change
    assert "change-log row" in b.message("en") and str(b.seq) in b.message("vi")


def test_a_change_log_row_removed_is_found_at_its_entry(adb) -> None:  # noqa: ANN001
    visit(adb)
    target = last_change(adb)
    owner = covering(adb, target)
    visit(adb, "Cầm Thị Hoa", "")
    tamper(adb, "change_log", "DELETE FROM change_log WHERE seq = :seq", params={"seq": target})
    b = broken(adb)
    assert (b.what, b.seq, b.count) == ("change_missing", owner, 1)


def test_a_change_log_row_added_outside_the_program_is_found(adb) -> None:  # noqa: ANN001
    visit(adb)
    forged = last_change(adb) + 1
    tamper(adb, "change_log",
           "INSERT INTO change_log (seq, hlc, unit_code, table_name, record_id, op, row_version, actor, at_utc, "
           "before_json, after_json, origin_node, origin_seq, txn_id, received) VALUES (:seq, 'h', '03985', 'plan', "
           "'p', 'insert', 1, 'ke-gian', '2026-01-01T00:00:00+00:00', NULL, '{}', 'n', 1, 't', false)",
           params={"seq": forged})
    b = broken(adb)
    assert (b.what, b.seq, b.change_seq) == ("change_uncovered", None, forged)


def test_an_entry_altered_is_found(adb) -> None:  # noqa: ANN001
    visit(adb)
    visit(adb, "Cầm Thị Hoa", "")
    target = entries(adb)[-2].seq
    tamper(adb, "audit_entry", "UPDATE audit_entry SET actor = 'nguoi-khac' WHERE seq = :seq",
           params={"seq": target})
    b = broken(adb)
    assert (b.what, b.seq) == ("altered", target)
    assert "altered" in b.message("en") and "bị sửa" in b.message("vi")


def test_an_entry_removed_is_found(adb) -> None:  # noqa: ANN001
    visit(adb)
    visit(adb, "Cầm Thị Hoa", "")
    visit(adb, "Lò Văn Sáu", "")
    target = entries(adb)[-2].seq
    tamper(adb, "audit_entry", "DELETE FROM audit_entry WHERE seq = :seq", params={"seq": target})
    b = broken(adb)
    assert (b.what, b.seq, b.count) == ("removed", target, 1)


def _forged(db, prev_hash: str, actor: str = "ke-gian") -> dict:  # noqa: ANN001
    """A self-consistent entry, as someone who knows the format would write it."""
    values = {"at_utc": chain.now(), "actor": actor, "actor_id": "", "node": db.clock.node, "kind": "backup",
              "detail_json": '{"file":"gia.age"}', "first_change": None, "last_change": None, "change_count": 0,
              "change_spans": None, "changes_sha256": ""}
    return {**values, "prev_hash": prev_hash, "hash": chain.entry_hash(prev_hash, values)}


_INSERT = ("INSERT INTO audit_entry (seq, at_utc, actor, actor_id, node, kind, detail_json, first_change, last_change, "
           "change_count, change_spans, changes_sha256, prev_hash, hash) VALUES (:seq, :at_utc, :actor, :actor_id, "
           ":node, :kind, :detail_json, :first_change, :last_change, :change_count, :change_spans, :changes_sha256, "
           ":prev_hash, :hash)")


def test_a_forged_entry_inserted_in_the_middle_is_found(adb) -> None:  # noqa: ANN001
    for name in ("Cầm Thị Hoa", "Lò Văn Sáu", "Vì Văn Bảy"):
        visit(adb, name, "")
    chained = entries(adb)
    at = chained[-2].seq  # the forged one takes this place, the rest move up by one
    forged = _forged(adb, chained[-3].hash)
    tamper(adb, "audit_entry", "UPDATE audit_entry SET seq = seq + 100000 WHERE seq >= :at",
           "UPDATE audit_entry SET seq = seq - 99999 WHERE seq >= 100000", _INSERT,
           params={"at": at, "seq": at, **forged})
    assert [e.seq for e in entries(adb)][-3:] == [at, at + 1, at + 2]
    b = broken(adb)
    assert (b.what, b.seq) == ("inserted", at)


def test_a_forged_entry_put_after_the_last_is_found(adb) -> None:  # noqa: ANN001
    visit(adb)
    last = entries(adb)[-1]
    forged = _forged(adb, chain.ZERO)  # it cannot know how to follow the last without the chain
    tamper(adb, "audit_entry", _INSERT, params={"seq": last.seq + 1, **forged})
    b = broken(adb)
    assert (b.what, b.seq) == ("inserted", last.seq + 1)


def test_the_last_entry_removed_is_found_by_its_rows_or_an_anchor(adb) -> None:  # noqa: ANN001
    visit(adb)
    audit.record(adb, "login", {"result": "ok"})
    verdict = audit.verify(adb)
    anchor = (verdict.head_seq, verdict.head_hash)
    tamper(adb, "audit_entry", "DELETE FROM audit_entry WHERE seq = :seq", params={"seq": anchor[0]})
    assert audit.verify(adb).ok  # a cut-off tail is a shorter chain: only what was noted before shows it
    cut = audit.verify(adb, [anchor])
    assert (cut.broken.what, cut.broken.seq) == ("removed", anchor[0])
    last = entries(adb)[-1]  # the visit's entry: its rows are then covered by none
    tamper(adb, "audit_entry", "DELETE FROM audit_entry WHERE seq = :seq", params={"seq": last.seq})
    b = broken(adb)
    assert (b.what, b.change_seq, b.count) == ("change_uncovered", last.first_change, last.change_count)


def test_an_account_id_goes_with_the_name(adb) -> None:  # noqa: ANN001
    """Until there are accounts (issue 13 §1) actor_id is empty; once a login sets db.user_id, every
    entry carries it, and the filter finds the person by it as by the name."""
    adb.user, adb.user_id = "Cầm Thị Hoa", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
    try:
        visit(adb)
        audit.record(adb, "login", {"result": "ok"})
    finally:
        adb.user, adb.user_id = "tester", ""
    found = audit.list_entries(adb, audit.Filter(who="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"))
    assert [(e.kind, e.actor) for e in found] == [("login", "Cầm Thị Hoa"), ("change", "Cầm Thị Hoa")]
    assert audit.verify(adb).ok


def test_a_recorded_event_and_the_filters(adb) -> None:  # noqa: ANN001
    visit(adb)
    audit.record(adb, "login", {"result": "ok"})
    other = adb.user
    adb.user = "chu-tich"
    try:
        audit.record(adb, "login", {"result": "failed"})
    finally:
        adb.user = other
    assert [e.detail["result"] for e in audit.list_entries(adb, audit.Filter(kind="login"))] == ["failed", "ok"]
    assert [e.kind for e in audit.list_entries(adb, audit.Filter(who="chu-tich"))] == ["login"]
    today = date.today()
    assert len(audit.ids(adb, audit.Filter(since=today, until=today))) == len(entries(adb))
    assert audit.ids(adb, audit.Filter(until=date(2020, 1, 1))) == []
    page = audit.rows(adb, audit.ids(adb)[:2])
    assert [e.seq for e in page] == [entries(adb)[-1].seq, entries(adb)[-2].seq]
    assert "chu-tich" in audit.actors(adb) and "tester" in audit.actors(adb)
    with pytest.raises(ValueError):
        audit.record(adb, "no-such-kind")


def test_the_viewer_shows_a_change_without_a_citizen_s_data(adb) -> None:  # noqa: ANN001
    visit(adb)
    entry = entries(adb)[-1]
    rows = audit.changes_of(adb, entry.seq)
    assert [r.table for r in rows] == ["reception", "reception_citizen", "reception_citizen"]
    citizen = rows[1].fields
    assert citizen["name"] == (None, audit.MASK) and citizen["id_number"][1] == audit.MASK
    assert rows[0].fields["summary"] == (None, "Đề nghị làm lại cầu treo")
    assert "3 thay đổi" in entry.summary("vi") and "3 changes" in entry.summary("en")


def _received(s, node: str, seq: int) -> None:  # noqa: ANN001
    """A change-log row as an import writes one (driver SQL on the session's connection, another PC's
    numbers, so no sequence lock of this PC is taken)."""
    s.connection().exec_driver_sql(
        "INSERT INTO change_log (hlc, unit_code, table_name, record_id, op, row_version, actor, at_utc, "
        "before_json, after_json, origin_node, origin_seq, txn_id, received) VALUES ('h', %s, 'plan', 'p', "
        "'insert', 1, 'xa', '2026-01-01T00:00:00+00:00', NULL, '{}', %s, %s, 't', true)", (node[:5], node, seq))


def test_two_writers_at_once_make_one_chain(adb) -> None:  # noqa: ANN001
    """PostgreSQL runs imports of two communes side by side: each commit's entry covers its own rows,
    not the other's, whatever order their rows took in the change log."""
    if adb.dialect != "postgresql":
        pytest.skip("SQLite has one writer")
    wrote, done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with adb.session(scope="A") as s:
                _received(s, "pc-of-a", 1)
                wrote.set()
                assert done.wait(30)
                _received(s, "pc-of-a", 2)  # after the other's row: its rows are in two runs
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
            wrote.set()

    thread = threading.Thread(target=first)
    thread.start()
    assert wrote.wait(30)
    with adb.session(scope="B") as s:
        _received(s, "pc-of-b", 1)
    done.set()
    thread.join(30)
    assert not errors
    b, a = entries(adb)[-2:]
    assert (b.change_count, a.change_count) == (1, 2)  # B committed first
    assert [r.received for r in audit.changes_of(adb, a.seq)] == [True, True]
    assert a.first_change < b.first_change < a.last_change and a.detail["received"] == 2
    assert audit.verify(adb).ok
