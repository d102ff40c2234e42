"""Citizens' personal values in the change log, sealed per record (issue 13 §3).

A log image (after_json, before_json) of a record of a personal table that holds a non-empty personal
value is stored as its other columns in clear plus SEAL: {"cols": the personal columns it held,
"box": base64(nonce | AES-256-GCM of the image's original JSON text)}, under a key of that record
alone (personal_key, a local table: never logged, never synced). Erasing a citizen's data deletes
that key: every image of the record that held it can no longer be opened, while the log rows, and so
the audit chain that hashes them, stay as they were (crypto-shredding). Opened, an image is the exact
text the origin logged, so a change travels, and hashes, as before; an image whose key is gone opens
as its clear columns with the personal ones emptied.

Which columns: resources/reference/personal_data.json (sync.personal reads the rest of it)."""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.exc import DBAPIError

from .. import paths
from . import dialect

SEAL = "_pd"
KEY_BYTES = 32
_NONCE = 12
MARK = f'"{SEAL}"'  # an image that holds it is sealed: a substring test spares parsing the others
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_KEYS = "_personal_keys"  # session.info: (table, record_id) -> key, this transaction's


@lru_cache(maxsize=1)
def personal_columns() -> dict[str, frozenset[str]]:
    """By table: its columns that hold personal data."""
    data = json.loads((paths.resources_dir() / "reference" / "personal_data.json").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for c in data["columns"]:
        found.setdefault(c["table"], set()).add(c["column"])
    return {table: frozenset(cols) for table, cols in found.items()}


def needs_seal(table: str, values: dict[str, Any]) -> bool:
    cols = personal_columns().get(table)
    return bool(cols) and any(values.get(c) not in (None, "") for c in cols)  # type: ignore[union-attr]


def seal(table: str, record_id: str, values: dict[str, Any], text: str, key: bytes) -> str:
    """The stored form of text (the JSON of values): its personal columns only inside the box."""
    cols = personal_columns()[table]
    nonce = os.urandom(_NONCE)
    box = nonce + AESGCM(key).encrypt(nonce, text.encode(), _aad(table, record_id))
    clear = {k: v for k, v in values.items() if k not in cols}
    clear[SEAL] = {"cols": [k for k in values if k in cols], "box": base64.b64encode(box).decode("ascii")}
    return _ENCODE(clear)


def is_sealed(text: str | None) -> bool:
    return text is not None and MARK in text


def unseal(table: str, record_id: str, text: str, key: bytes | None, blank: dict[str, Any]) -> str:
    """The original text of a stored image; with its key gone (or not its key): the clear columns and the
    personal ones it held as blank gives them (an erased value)."""
    image = json.loads(text)
    sealed = image.pop(SEAL, None) if isinstance(image, dict) else None
    if not isinstance(sealed, dict):
        return text
    opened = _open_box(table, record_id, sealed, key) if key is not None else None
    if opened is not None:
        return opened
    for col in sealed.get("cols", ()):
        if isinstance(col, str):
            image[col] = blank.get(col, "")
    return _ENCODE(image)


def _open_box(table: str, record_id: str, sealed: dict[str, Any], key: bytes) -> str | None:
    """The box's text, or None when this key does not open it (one made after an erasure)."""
    try:
        box = base64.b64decode(sealed["box"], validate=True)
        return AESGCM(key).decrypt(box[:_NONCE], box[_NONCE:], _aad(table, record_id)).decode()
    except (InvalidTag, KeyError, TypeError, ValueError, binascii.Error):
        return None


def _aad(table: str, record_id: str) -> bytes:
    return f"{table}\x00{record_id}".encode()  # a box opens only as the image of its own record


# ---- keys (a connection in the write transaction, or any for reading) ----

def keys_of(conn: Any, table: str, ids: Iterable[str]) -> dict[str, bytes]:
    """The keys there are for these records of table. SQLite: in chunks of 500 marks (a bundle names
    thousands); PostgreSQL: one statement, the ids one array parameter."""
    ids = list(dict.fromkeys(ids))
    found: dict[str, bytes] = {}
    if not ids:
        return found
    if conn.dialect.name == "postgresql":
        rows = conn.exec_driver_sql(
            "SELECT record_id, key FROM personal_key WHERE table_name = %s AND record_id = ANY(%s)", (table, ids))
        found.update((rid, bytes(key)) for rid, key in rows)
        return found
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows = conn.exec_driver_sql(
            f"SELECT record_id, key FROM personal_key WHERE table_name = ? AND record_id IN "
            f"({', '.join(('?',) * len(chunk))})", (table, *chunk))
        found.update((rid, bytes(key)) for rid, key in rows)
    return found


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def create_keys(conn: Any, table: str, ids: list[str]) -> dict[str, bytes]:
    """New keys for records that have none (the caller knows they have none)."""
    return store_keys(conn, table, {rid: new_key() for rid in ids})


_KEY_COLUMNS = ("table_name", "record_id", "key", "created_at")
_KEY_TYPES = (str, str, bytes, str)  # personal_key's columns' Python types, the only values COPY is sent


def store_keys(conn: Any, table: str, made: dict[str, bytes]) -> dict[str, bytes]:
    """made's keys inserted for these records of table (none of them has one). PostgreSQL: one COPY
    (psycopg's executemany is a statement a row), when the values are text and bytes in columns of
    those types: COPY then reads them as the INSERT would; else, and on SQLite, the INSERT."""
    if not made:
        return made
    at = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [(table, rid, key, at) for rid, key in made.items()]
    if conn.dialect.name == "postgresql":
        if _copyable(rows):
            _copy_keys(conn, rows)
            return made
        mark = "%s"
    else:
        mark = "?"
    conn.exec_driver_sql(f"INSERT INTO personal_key (table_name, record_id, key, created_at) "
                         f"VALUES ({mark}, {mark}, {mark}, {mark})", rows)
    return made


@lru_cache(maxsize=1)
def _key_columns_copyable() -> bool:
    """personal_key's columns are text, text, bytes, text (COPY's text input reads str and bytes values
    as the INSERT's parameters are read)."""
    from .models import Base  # noqa: PLC0415 - the models import the hook that imports this

    cols = Base.metadata.tables["personal_key"].columns
    try:
        return tuple(cols[c].type.python_type for c in _KEY_COLUMNS) == _KEY_TYPES
    except NotImplementedError:
        return False


def _copyable(rows: list[tuple[Any, ...]]) -> bool:
    return _key_columns_copyable() and all(tuple(map(type, row)) == _KEY_TYPES for row in rows)


def _copy_keys(conn: Any, rows: list[tuple[Any, ...]]) -> None:
    """rows through dialect.copy_rows; a refused row (a record that has a key) raises what the INSERT
    raises: SQLAlchemy's error for psycopg's (IntegrityError for a unique violation), the transaction
    failed as it leaves it."""
    import psycopg  # noqa: PLC0415 - PostgreSQL only

    try:
        dialect.copy_rows(conn, "personal_key", _KEY_COLUMNS, rows)
    except psycopg.Error as exc:
        raise DBAPIError.instance(f"COPY personal_key ({', '.join(_KEY_COLUMNS)}) FROM STDIN", None, exc,
                                  psycopg.Error, dialect=conn.dialect) from exc


def delete_keys(conn: Any, table: str, ids: Iterable[str]) -> int:
    """The records' keys deleted: what they sealed is erased. SQLite overwrites the freed space
    (secure_delete, this connection's); the caller checkpoints the WAL once committed."""
    ids = list(ids)
    mark = "%s" if conn.dialect.name == "postgresql" else "?"
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
    gone = 0
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        gone += conn.exec_driver_sql(f"DELETE FROM personal_key WHERE table_name = {mark} AND record_id IN "
                                     f"({', '.join((mark,) * len(chunk))})", (table, *chunk)).rowcount
    return gone


class SessionKeys:
    """The keys a write transaction uses, looked up once each and made when missing."""

    def __init__(self, session: Any) -> None:
        self.session = session
        txn = session.get_transaction()
        cached = session.info.get(_KEYS)
        if cached is None or cached[0] is not txn:  # a new transaction: what was cached may be rolled back
            cached = session.info[_KEYS] = (txn, {})
        self.cache: dict[tuple[str, str], bytes] = cached[1]

    def key(self, table: str, record_id: str) -> bytes:
        found = self.cache.get((table, record_id))
        if found is None:
            conn = self.session.connection()
            found = keys_of(conn, table, [record_id]).get(record_id) or create_keys(conn, table, [record_id])[record_id]
            self.cache[(table, record_id)] = found
        return found

    def forget(self, table: str, record_id: str) -> None:
        self.cache.pop((table, record_id), None)


@lru_cache(maxsize=32)
def blank_values(table_name: str) -> dict[str, Any]:
    """What an erased personal column holds: '' in a text column, NULL in the others."""
    from .models import Base  # noqa: PLC0415 - the models import the hook that imports this

    cols = personal_columns().get(table_name, frozenset())
    return {c.name: "" if c.type.python_type is str else None  # in the table's order
            for c in Base.metadata.tables[table_name].columns if c.name in cols}


def open_image(conn: Any, table: str, record_id: str, text: str) -> str:
    """One stored image as the origin logged it (or erased)."""
    if not is_sealed(text):
        return text
    return unseal(table, record_id, text, keys_of(conn, table, [record_id]).get(record_id), blank_values(table))


def open_many(conn: Any, items: list[tuple[str, str, str | None]]) -> list[str | None]:
    """Images (table, record_id, text) opened, the keys looked up once per table for all of them."""
    wanted: dict[str, set[str]] = {}
    for table, rid, text in items:
        if is_sealed(text):
            wanted.setdefault(table, set()).add(rid)
    if not wanted:
        return [text for _t, _r, text in items]
    keys = {table: keys_of(conn, table, ids) for table, ids in wanted.items()}
    return [unseal(t, r, text, keys[t].get(r), blank_values(t)) if text is not None and is_sealed(text) else text
            for t, r, text in items]
