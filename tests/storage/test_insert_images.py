"""The log holds what is stored: an insert's after-image equals the row read back, for every tracked
model and both insert paths (the ORM hook and the bulk helper), column defaults included."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Boolean, Date, Integer, String, Text, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from papi_desktop.storage import personal_seal
from papi_desktop.storage.changelog import bulk_insert, derived_columns, tracked_models
from papi_desktop.storage.models import ChangeLog, Plan, Tracked

MODELS = sorted(tracked_models().items())


def _sample(column: sa.Column) -> Any:
    kind = type(column.type)
    if issubclass(kind, Boolean):
        return True
    if issubclass(kind, Integer):
        return 3
    if issubclass(kind, Date):
        return date(2026, 3, 2)
    if issubclass(kind, Text):
        return "Nội dung"
    return "x"


def _required(db, model: type[Tracked]) -> dict[str, Any]:  # noqa: ANN001
    """The columns an insert must give (no default, not nullable), parents made first for foreign keys."""
    values: dict[str, Any] = {}
    for column in model.__table__.columns:
        if column.primary_key or column.nullable or column.default is not None or column.server_default is not None:
            continue
        if column.foreign_keys:
            parent = tracked_models()[next(iter(column.foreign_keys)).column.table.name]
            parent_values = _required(db, parent)
            with db.session() as s:
                obj = parent(**parent_values)
                s.add(obj)
            values[column.key] = obj.id
        else:
            values[column.key] = _sample(column)
    return values


def _stored(db, model: type[Tracked], record_id: str) -> dict[str, Any]:  # noqa: ANN001
    with db.connection() as conn:
        row = conn.execute(select(model.__table__).where(model.__table__.c.id == record_id)).one()._asdict()
    skip = derived_columns(model)
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items() if k not in skip}


def _logged(db, record_id: str) -> dict[str, Any]:  # noqa: ANN001
    """The insert's image as the origin logged it (personal values are stored sealed: opened here)."""
    with db.reader() as s:
        entries = list(s.scalars(select(ChangeLog).where(ChangeLog.record_id == record_id)))
        assert [e.op for e in entries] == ["insert"]
        return json.loads(personal_seal.open_image(s.connection(), entries[0].table_name, record_id,
                                                   entries[0].after_json))


def test_orm_insert_logs_the_stored_row(db) -> None:  # noqa: ANN001
    assert len(MODELS) >= 30  # every storage module's models are found
    for table, model in MODELS:
        values = _required(db, model)
        with db.session() as s:
            obj = model(**values)
            s.add(obj)
        logged, stored = _logged(db, obj.id), _stored(db, model, obj.id)
        assert logged == stored, table
        assert None not in {logged[k] for k in logged if model.__table__.c[k].default is not None}, table


def test_bulk_insert_logs_the_stored_row_like_the_orm(db) -> None:  # noqa: ANN001
    for table, model in MODELS:
        _check_bulk(db, table, model)


def _check_bulk(db, table: str, model: type[Tracked]) -> None:  # noqa: ANN001
    values = _required(db, model)
    with db.session() as s:
        orm = model(**values)
        s.add(orm)
    # Another number where one is needed: a unique constraint (the outgoing register) refuses the same twice.
    second = {k: v + 1 if type(v) is int else v for k, v in values.items()}
    # And other parents: one state per (task, commune) is a unique pair too.
    second |= {k: v for k, v in _required(db, model).items() if model.__table__.c[k].foreign_keys}
    with db.session() as s:
        [record_id] = bulk_insert(s, model, [dict(second)])
    logged = _logged(db, record_id)
    assert logged == _stored(db, model, record_id), table
    # The two paths store and log the same thing for the same input (apart from identity and stamps).
    other = _logged(db, orm.id)
    volatile = {"id", "created_hlc", "updated_hlc"} | {k for k in values if values[k] != second[k]}
    assert {k: v for k, v in logged.items() if k not in volatile} == \
        {k: v for k, v in other.items() if k not in volatile}, table


def test_new_plan_logs_the_default_title_not_null(db) -> None:  # noqa: ANN001
    with db.session() as s:
        plan = Plan(year=2026)
        s.add(plan)
    after = _logged(db, plan.id)
    assert after["title"] == "" and after["doc_date"] is None  # a default, and a nullable column without one


def test_explicit_none_is_logged_and_stored_as_null(db) -> None:  # noqa: ANN001
    from papi_desktop.storage.registers import ReceptionCitizen

    citizen = _required(db, ReceptionCitizen)
    with db.session() as s:
        obj = ReceptionCitizen(**citizen, birth_year=None)
        s.add(obj)
    assert _logged(db, obj.id)["birth_year"] is None is _stored(db, ReceptionCitizen, obj.id)["birth_year"]


class _Scratch(DeclarativeBase):
    pass


class Gadget(Tracked, _Scratch):
    """Defaults of every kind the hook must resolve before the snapshot."""

    __tablename__ = "test_gadget"
    label: Mapped[str] = mapped_column(String(20), server_default="chưa đặt")
    count: Mapped[int] = mapped_column(Integer, server_default=sa.text("7"))
    flag: Mapped[bool] = mapped_column(Boolean, server_default=sa.true())
    day: Mapped[date] = mapped_column(Date, server_default="2026-01-01")
    token: Mapped[str] = mapped_column(String(36), default=lambda: "from-a-callable")


def test_server_and_callable_defaults_are_logged_as_stored(db) -> None:  # noqa: ANN001
    _Scratch.metadata.create_all(db.engine)
    with db.session() as s:
        obj = Gadget()
        s.add(obj)
    with db.session() as s:
        [bulk_id] = bulk_insert(s, Gadget, [{}])
    for record_id in (obj.id, bulk_id):
        logged = _logged(db, record_id)
        assert logged == _stored(db, Gadget, record_id)
        assert (logged["label"], logged["count"], logged["flag"], logged["day"], logged["token"]) == \
            ("chưa đặt", 7, True, "2026-01-01", "from-a-callable")


def test_no_tracked_column_changes_itself_on_update() -> None:
    """An onupdate default would change a stored row without the update's image showing it."""
    for _table, model in MODELS:
        for column in model.__table__.columns:
            assert column.onupdate is None and column.server_onupdate is None, (model, column)
