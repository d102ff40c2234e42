"""SQLite and PostgreSQL hold the same schema and behave alike: migrations, keys, the writer lock,
the change log's guard, full-text search."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pg
import pytest
from sqlalchemy import MetaData, create_engine, inspect, select
from sqlalchemy.exc import IntegrityError, ProgrammingError

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.services import reception, setup
from papi_desktop.services.search import fts_query, word_patterns
from papi_desktop.storage import dialect, migrate
from papi_desktop.storage.changelog import bulk_insert
from papi_desktop.storage.db import Database, make_engine
from papi_desktop.storage.models import ChangeLog, Plan, PlanSection
from papi_desktop.storage.registers import Reception


def _schema(engine) -> dict[str, object]:  # noqa: ANN001
    """Tables, columns (nullability, generic type), keys and indexes, as SQLAlchemy reflects them."""
    insp = inspect(engine)
    out: dict[str, object] = {}
    for table in sorted(insp.get_table_names()):
        if "_fts" in table:  # SQLite's FTS5 tables: PostgreSQL searches through an index instead
            continue
        columns = {c["name"]: (c["nullable"], type(c["type"]._type_affinity or c["type"]).__name__)
                   for c in insp.get_columns(table)}
        out[table] = {
            "columns": columns,
            "pk": tuple(insp.get_pk_constraint(table)["constrained_columns"]),
            "fks": sorted((tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                          for f in insp.get_foreign_keys(table)),
            "unique": sorted((u["name"], tuple(u["column_names"])) for u in insp.get_unique_constraints(table)),
            "indexes": sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                              for i in insp.get_indexes(table)
                              # PostgreSQL also lists the index behind a unique constraint
                              if not i["name"].endswith("_search_trgm") and not i.get("duplicates_constraint")),
        }
    return out


def test_a_fresh_postgresql_database_is_migrated_to_head_and_matches_the_models(pg_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from papi_desktop.storage.models import Base

    # The models, with the foreign keys the PostgreSQL migrations make (DEFERRABLE INITIALLY IMMEDIATE).
    models = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(models)
    for table in models.tables.values():
        for key in table.foreign_key_constraints:
            key.deferrable, key.initially = True, "IMMEDIATE"
    db = migrate.open_upgraded(pg_url)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": migrate.include_name,
                                                             "compare_type": True})
            assert compare_metadata(context, models) == []
        again = migrate.open_upgraded(pg_url)  # at head: opens without upgrading
        assert again.dialect == "postgresql"
        again.dispose()
    finally:
        db.dispose()


def test_sqlite_and_postgresql_heads_have_the_same_schema(data_dir: Path, pg_head_url: str) -> None:
    lite = setup.open_database()
    server = make_engine(pg_head_url)
    try:
        sqlite_schema, pg_schema = _schema(lite.engine), _schema(server)
        assert "change_log" in sqlite_schema and len(sqlite_schema) > 30
        assert sqlite_schema.keys() == pg_schema.keys()
        for table in sqlite_schema:
            assert sqlite_schema[table] == pg_schema[table], table
    finally:
        lite.dispose()
        server.dispose()


def test_every_postgresql_foreign_key_is_deferrable_and_checked_per_statement(pg_head_url: str) -> None:
    engine = make_engine(pg_head_url)
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT conrelid::regclass::text, conname, condeferrable, condeferred "
                                        "FROM pg_constraint WHERE contype = 'f'").fetchall()
        assert len(rows) > 20
        assert [r for r in rows if not (r.condeferrable and not r.condeferred)] == []
    finally:
        engine.dispose()


def test_postgresql_change_log_refuses_truncate(pg_head_url: str) -> None:
    engine = make_engine(pg_head_url)
    try:
        with pytest.raises(IntegrityError, match="append-only"), engine.begin() as conn:
            conn.exec_driver_sql("TRUNCATE change_log")
    finally:
        engine.dispose()


def _section(plan_id: str) -> PlanSection:
    return PlanSection(plan_id=plan_id, dimension=1, numeral="I", title="Tham gia của người dân")


def test_foreign_keys_defer_to_commit_and_an_orphan_is_found(db: Database) -> None:
    with db.session() as s:
        plan = Plan(year=2026)
        s.add(plan)
    with db.session() as s:  # a child before its parent, in one unit of work
        conn = s.connection()
        dialect.defer_foreign_keys(conn)
        s.add(_section("plan-to-come"))
        s.flush()
        assert dialect.foreign_key_violation(conn, "plan_section")
        s.add(Plan(id="plan-to-come", year=2027))
        s.flush()
        assert not dialect.foreign_key_violation(conn, "plan_section")
    with pytest.raises(IntegrityError), db.session() as s:  # still orphaned at commit: refused
        dialect.defer_foreign_keys(s.connection())
        s.add(_section("never-there"))
    with pytest.raises(IntegrityError), db.session() as s:  # not deferred: refused at once
        s.add(_section("never-there"))
        s.flush()
    with db.reader() as s:
        assert [p.plan_id for p in s.scalars(select(PlanSection))] == ["plan-to-come"]


def test_values_of_looks_up_a_list_in_one_parameter(db: Database) -> None:
    with db.session() as s:
        plans = [Plan(year=y) for y in (2026, 2027, 2028)]
        s.add_all(plans)
    ids = [plans[0].id, plans[2].id, "not-there"]
    with db.reader() as s:
        found = s.scalars(select(Plan.year).where(Plan.id.in_(dialect.values_of(s.connection(), ids)))).all()
    assert sorted(found) == [2026, 2028]


def test_a_second_writer_waits_for_the_first_then_gives_up_with_the_busy_message(
        pg_head_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAPI_BUSY_TIMEOUT_MS", "300")
    first, second = Database(pg_head_url), Database(pg_head_url)
    try:
        with first.session() as s:
            s.add(Plan(year=2026))
            s.flush()
            with pytest.raises(KnownError) as err, second.session():
                pass
            assert "Another write" in err.value.en
            with second.reader() as r:  # readers never wait, and see only what is committed
                assert r.scalar(select(Plan.id)) is None
        holding, released = threading.Event(), threading.Event()

        def hold() -> None:
            with first.session() as s:
                s.add(Plan(year=2027))
                s.flush()
                holding.set()
                released.wait(5)

        monkeypatch.setenv("PAPI_BUSY_TIMEOUT_MS", "10000")
        patient = Database(pg_head_url)
        holder = threading.Thread(target=hold)
        holder.start()
        try:
            assert holding.wait(5)
            threading.Timer(0.3, released.set).start()
            with patient.session() as s:  # waits for the holder, then sees its row
                assert sorted(s.scalars(select(Plan.year))) == [2026, 2027]
        finally:
            holder.join()
            patient.dispose()
    finally:
        first.dispose()
        second.dispose()


# Folded text as the registers store it: names, addresses, document numbers, punctuation.
_VISITS = [
    ("Nguyễn Văn An", "bản Nà Sảng, xã Chiềng Sơn", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất"),
    ("Lò Thị Bình", "bản Púng", "Khiếu nại Quyết định số 12/QĐ-UBND về bồi thường"),
    ("Nguyễn Văn Anh", "tiểu khu 4", "Hỏi về chế độ hộ nghèo năm 2026"),
    ("Quàng Văn Đức", "bản Nà Sảng", "Kiến nghị sửa đường nội bản; a-b test"),
    ("Cầm Thị Xuân", "bản Mòn", "Tố cáo hành vi lấn chiếm đất công, ban A, B"),
    ("Nguyen Van", "ban An", "khong dau"),
]
_QUERIES = ["", "nguyen van", "Nguyễn Văn An", "an", "na sang", "12/qđ", "qđ-ubnd", "ubnd 12", "2026", "a-b",
            "ban a,", "b", "-", "\"", "dat cong", "x", "văn đ", "đuc", "chieng son ban", "a, b", "ho ngheo nam"]


def _visits(db: Database) -> list[str]:
    from papi_desktop.domain.text import fold

    rows = [{"id": f"visit-{i}", "received_on": date(2026, 3, 1 + i % 3), "receiver": "Cán bộ",
             "summary": summary, "search_text": fold(f"{name} {address} {summary}")}
            for i, (name, address, summary) in enumerate(_VISITS)]
    with db.session() as s:
        bulk_insert(s, Reception, rows)
    with db.session() as s:  # an edit moves a visit in the index (SQLite: the FTS5 update trigger)
        visit = s.get(Reception, "visit-5")
        visit.search_text = fold("Nguyen Van ban An khong dau, da sua")
    return [r["id"] for r in rows]


def test_search_finds_the_same_rows_in_the_same_order_on_both(data_dir: Path, pg_head_url: str) -> None:
    lite = setup.open_database(user="tester")
    server = migrate.open_upgraded(pg_head_url)
    server.user = "tester"
    try:
        _visits(lite)
        _visits(server)
        for query in _QUERIES:
            on_sqlite = reception.reception_ids(lite, search=query)
            assert reception.reception_ids(server, search=query) == on_sqlite, query
        # words are ANDed prefixes, ties of a day newest first
        assert reception.reception_ids(lite, search="nguyen van an") == ["visit-5", "visit-2", "visit-0"]
        assert reception.reception_ids(lite, search="a-b") == ["visit-4", "visit-3"]  # a then b, adjacent
        assert reception.reception_ids(lite, search="-") == []  # a word with no token matches nothing
        assert reception.reception_ids(lite, search="da sua") == ["visit-5"]  # the edit is searched
        for start in (date(2026, 3, 2), None):  # filters bound as ISO text on both
            assert (reception.reception_ids(server, search="ban", start=start)
                    == reception.reception_ids(lite, search="ban", start=start))
    finally:
        lite.dispose()
        server.dispose()


def test_word_patterns_follow_fts5_phrases() -> None:
    assert fts_query("Nguyễn  Văn") == '"nguyen"* "van"*'
    assert word_patterns("Nguyễn  Văn") == ["(^|[^[:alnum:]])nguyen", "(^|[^[:alnum:]])van"]
    assert word_patterns("12/QĐ-UBND") == ["(^|[^[:alnum:]])12[^[:alnum:]]+qd[^[:alnum:]]+ubnd"]
    assert word_patterns("") == [] and word_patterns("- ,") is None
    assert word_patterns("a - b") == ["(^|[^[:alnum:]])a", "(^|[^[:alnum:]])b"]


def test_a_database_url_is_opened_and_a_sqlite_url_means_the_file(data_dir: Path, pg_head_url: str) -> None:
    server = Database(pg_head_url.replace("postgresql+psycopg://", "postgresql://"))
    try:
        assert (server.dialect, server.path, server.url.drivername) == ("postgresql", None, "postgresql+psycopg")
        with server.session() as s:
            s.add(Plan(year=2026))
        with server.reader() as s:
            assert s.scalar(select(ChangeLog.table_name)) == "plan"
    finally:
        server.dispose()
    setup.open_database().dispose()
    lite = Database(f"sqlite:///{paths.db_path()}")
    try:
        assert (lite.dialect, lite.path) == ("sqlite", paths.db_path())
        with lite.connection() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        lite.dispose()
    with pytest.raises(KnownError) as err:
        Database("mysql://someone@localhost/papi")
    assert "not supported" in err.value.en


def test_a_postgresql_database_not_in_utf8_is_refused(pg_server: str) -> None:
    name = "papi_t_latin1"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE DATABASE {name} ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
    admin.dispose()
    url = pg.database_url(pg_server, name)
    try:
        with pytest.raises(KnownError) as err:
            migrate.open_upgraded(url)
        assert "needs UTF8" in err.value.en
    finally:
        pg.drop_database(pg_server, url)


def test_a_postgresql_database_of_another_program_is_refused(pg_url: str) -> None:
    engine = make_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE something_else (x integer)")
    engine.dispose()
    with pytest.raises(KnownError) as err:
        migrate.open_upgraded(pg_url)
    assert "another program's tables" in err.value.en


def test_postgresql_upgrade_is_all_or_nothing(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A revision that fails leaves the database as it was: PostgreSQL's DDL is transactional."""
    engine = make_engine(pg_url)

    def broken(*_args, **_kwargs) -> list[str]:  # noqa: ANN002, ANN003
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(dialect, "create_search_index", broken)  # 0003 fails half way through
    try:
        with pytest.raises(RuntimeError, match="disk pulled out"):
            migrate.upgrade(engine, None, None)
        assert migrate.current_revision(engine) is None
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


def test_postgresql_conditions_a_person_can_act_on_are_told_as_such(
        pg_head_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from papi_desktop.storage import db_errors

    monkeypatch.setenv("PAPI_BUSY_TIMEOUT_MS", "200")
    holder, waiter = make_engine(pg_head_url), make_engine(pg_head_url)
    try:
        with holder.begin() as held, pytest.raises(Exception) as waited, waiter.begin() as conn:  # noqa: PT011
            dialect.take_writer_lock(held)
            dialect.take_writer_lock(conn)
        assert "held by another write" in db_errors.known_error(waited.value).en
    finally:
        holder.dispose()
        waiter.dispose()
    nowhere = pg.database_url(f"postgresql+psycopg://postgres@/x?host={tmp_path}&port=5432", "papi")
    with pytest.raises(Exception) as refused:  # noqa: PT011 - whatever psycopg raises, told as unreachable
        Database(nowhere)
    assert "cannot be reached" in db_errors.known_error(refused.value).en
    engine = make_engine(pg_head_url)
    try:
        with pytest.raises(ProgrammingError) as bug, engine.begin() as conn:
            conn.exec_driver_sql("SELECT no_such_column FROM change_log")
    finally:
        engine.dispose()
    assert db_errors.known_error(bug.value) is None  # our own mistake: a bug, not the user's to act on


def test_listed_values_join_and_update_triggers_read_alike(db: Database) -> None:
    with db.session() as s:
        plans = [Plan(year=y) for y in (2026, 2027)]
        s.add_all(plans)
    with db.reader() as s:
        conn = s.connection()
        table = Plan.__table__
        names = dialect.listed(conn, [plans[1].id, "none"])
        joined = select(table.c.year).select_from(names.join(table, table.c.id == names.c.value))
        assert s.scalars(joined).all() == [2027]
        numbers = dialect.values_of(conn, [2027, 2030])  # integers compare as integers
        assert s.scalars(select(Plan.year).where(Plan.year.in_(numbers))).all() == [2027]
        raw = f"SELECT t.year FROM {dialect.listed_sql(conn)} AS listed JOIN plan t ON t.id = listed.value"
        assert conn.exec_driver_sql(raw, (f'["{plans[0].id}"]',)).scalars().all() == [2026]
        fts = ["reception_fts_au"] if db.dialect == "sqlite" else []  # PostgreSQL's index needs no trigger
        assert dialect.update_triggers(conn, "reception") == fts
        assert dialect.update_triggers(conn, "change_log") == ["change_log_no_update"]


def test_postgresql_writers_of_two_scopes_run_together_and_share_one_gap_free_sequence(
        pg_head_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAPI_BUSY_TIMEOUT_MS", "300")
    one, two = Database(pg_head_url), Database(pg_head_url)
    try:
        with one.session(scope="03985") as s:
            s.connection()
            with two.session(scope="03986") as other:  # another commune: no wait
                other.connection()
            for scope in ("03985", None):  # the same commune, or a writer of everything: waits, gives up
                with pytest.raises(KnownError), two.session(scope=scope):
                    pass
        with one.session() as s, pytest.raises(KnownError), two.session(scope="03986"):
            s.connection()  # a writer of everything keeps scoped writers out too
        monkeypatch.setenv("PAPI_BUSY_TIMEOUT_MS", "10000")
        writers = [Database(pg_head_url) for _ in range(2)]  # two hub processes: one node, one sequence
        first_flushed, go = threading.Event(), threading.Event()

        def first() -> None:
            with writers[0].session(scope="03985") as s:
                s.add(Plan(year=2026))
                s.flush()
                first_flushed.set()
                go.wait(5)

        thread = threading.Thread(target=first)
        thread.start()
        try:
            assert first_flushed.wait(5)
            threading.Timer(0.3, go.set).start()
            with writers[1].session(scope="03986") as s:  # runs now, waits for the number at its flush
                s.add(Plan(year=2027))
        finally:
            thread.join()
            for w in writers:
                w.dispose()
        with one.reader() as s:
            numbers = s.execute(select(ChangeLog.origin_node, ChangeLog.origin_seq).order_by(ChangeLog.seq)).all()
        assert numbers == [(one.clock.node, 1), (one.clock.node, 2)]
    finally:
        one.dispose()
        two.dispose()
