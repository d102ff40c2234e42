"""What a peer has not seen yet: the outbox is a query over the change log, not a second copy of it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, and_, bindparam, func, not_, select, text
from sqlalchemy.orm import Session

from ..storage.models import ChangeLog
from . import personal
from .changes import FIELDS, Change

_LOG = ChangeLog.__table__


def local_node(session: Session) -> str:
    """This installation's device id (storage.db keeps it in LocalSetting "node_id")."""
    return session.info["clock"].node


# Device by device along the (origin_node, origin_seq) index: two probes per device, where GROUP BY
# reads every entry (the province holds millions of changes, from a few hundred devices).
_VECTOR = text(
    "WITH RECURSIVE node(id) AS (SELECT min(origin_node) FROM change_log UNION ALL "
    "SELECT (SELECT min(origin_node) FROM change_log WHERE origin_node > node.id) FROM node "
    "WHERE node.id IS NOT NULL) "
    "SELECT id, (SELECT max(origin_seq) FROM change_log WHERE origin_node = node.id) FROM node "
    "WHERE id IS NOT NULL")


def version_vector(session: Session) -> dict[str, int]:
    """The highest change number this database holds from each device (apply keeps them gap-free, so
    holding n means holding 1..n). A peer's vector, from its receipt, tells the outbox what it has."""
    return {node: seq for node, seq in session.execute(_VECTOR)}


_HELD = select(func.max(_LOG.c.origin_seq)).where(_LOG.c.origin_node == bindparam("node"))


def held_up_to(conn: Connection | Session, nodes: Iterable[str]) -> dict[str, int]:
    """version_vector for these devices only, one probe of the index each: a receipt names the sender's
    devices, and a province holds thousands of others (the whole vector grew each receipt with them)."""
    return {node: conn.execute(_HELD, {"node": node}).scalar() or 0 for node in nodes}


def outbox(session: Session, peer: str, seen: Mapping[str, int] | None = None,
           limit: int | None = None) -> list[Change]:
    """Changes for peer in this database's order: all it has not seen (seen: its version vector), never
    one that came from the peer itself (no echo). limit cuts only between units of work, never inside one.

    Taken in local order, the changes of each origin come in that origin's order, so a cut at any
    point leaves the peer holding a gap-free prefix from every device."""
    stmt = select(*(_LOG.c[name] for name in FIELDS)).where(_LOG.c.origin_node != peer)
    for node, upto in (seen or {}).items():
        stmt = stmt.where(not_(and_(_LOG.c.origin_node == node, _LOG.c.origin_seq <= upto)))
    result = session.execute(stmt.order_by(_LOG.c.seq))
    out: list[Change] = []
    try:
        for row in result:  # columns in FIELDS order
            change = Change(*row)
            if limit is not None and len(out) >= limit and change.txn_id != out[-1].txn_id:
                break
            out.append(change)
    finally:
        result.close()
    return personal.open_changes(session.connection(), out)  # as the origins logged them
