"""A throw-away PostgreSQL server for the tests, and the fixtures that hand out databases on it.

Where the server comes from, in order:
  1. PAPI_TEST_PG_URL, a SQLAlchemy URL of a server whose user may CREATE DATABASE (tests/run.sh
     starts a cluster and exports it; a developer may point it at any server of theirs);
  2. else a cluster this test session starts itself, when PostgreSQL's binaries are installed
     (PATH, or the newest /usr/lib/postgresql/*/bin), stopped when the session ends;
  3. else the tests that need PostgreSQL are skipped, unless PAPI_REQUIRE_PG=1 (run.sh sets it): then
     they fail.

The cluster lives in a temporary folder and listens only on a unix socket there (no port to collide
with another run). initdb refuses to run as root, so as root it runs as the `postgres` user. Durability
is switched off (fsync, synchronous_commit): nothing here outlives the run.

Command line (tests/run.sh):  python tests/pg.py start   -> prints `export` lines for the shell
                              python tests/pg.py stop DIR
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

URL_VAR = "PAPI_TEST_PG_URL"
REQUIRE_VAR = "PAPI_REQUIRE_PG"
SUPERUSER = "postgres"


def bin_dir() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    def version(initdb: str) -> int:
        name = Path(initdb).parent.parent.name
        return int(name) if name.isdigit() else 0

    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    return Path(versions[-1]).parent if versions else None


def _as_owner(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", SUPERUSER, "--", *cmd]


def _run(cmd: list[str], what: str) -> None:
    done = subprocess.run(_as_owner(cmd), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")


def start(base: Path | None = None) -> tuple[str, Path]:
    """Start a cluster in a new temporary folder; returns (server URL, folder)."""
    binaries = bin_dir()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb on PATH nor in /usr/lib/postgresql/*/bin)")
    folder = Path(tempfile.mkdtemp(prefix="papi-pg-", dir=base))
    data, sock = folder / "data", folder
    if os.geteuid() == 0:
        shutil.chown(folder, SUPERUSER, SUPERUSER)
    try:
        # C.UTF-8: text sorts by code point, as SQLite's BINARY collation does; UTF-8 for Vietnamese.
        _run([str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
              "--locale=C.UTF-8", "--no-sync"], "initdb")
        options = (f"-c listen_addresses='' -k {sock} -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200")
        _run([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o", options,
              "-w", "-t", "60", "start"], "pg_ctl start")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return f"postgresql+psycopg://{SUPERUSER}@/postgres?host={sock}&port=5432", folder


def stop(folder: Path) -> None:
    binaries = bin_dir()
    if binaries is not None and (folder / "data" / "postmaster.pid").exists():
        _run([str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-m", "fast", "-w", "stop"],
             "pg_ctl stop")
    shutil.rmtree(folder, ignore_errors=True)


def database_url(server_url: str, name: str) -> str:
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def create_database(server_url: str, template: str | None = None) -> str:
    """A new empty database on the server (or a copy of template); returns its URL."""
    from sqlalchemy import create_engine  # noqa: PLC0415

    name = f"papi_t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            copy = f' TEMPLATE "{template}"' if template else ""
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"{copy}')
    finally:
        engine.dispose()
    return database_url(server_url, name)


def drop_database(server_url: str, url: str) -> None:
    from sqlalchemy import create_engine  # noqa: PLC0415
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    finally:
        engine.dispose()


# Fixtures: a conftest that wants them imports them (`from pg import pg_server, pg_url, pg_head_url`).


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server for this session (its maintenance database)."""
    url = os.environ.get(URL_VAR)
    if url:
        yield url
        return
    if bin_dir() is None:
        if os.environ.get(REQUIRE_VAR) == "1":
            pytest.fail(f"PostgreSQL is required ({REQUIRE_VAR}=1): set {URL_VAR} or install its binaries")
        pytest.skip(f"PostgreSQL: set {URL_VAR} or install the postgresql package")
    url, folder = start()
    try:
        yield url
    finally:
        stop(folder)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A new, empty database for one test (dropped after it)."""
    url = create_database(pg_server)
    try:
        yield url
    finally:
        drop_database(pg_server, url)


@pytest.fixture(scope="session")
def _pg_head_template(pg_server: str) -> Iterator[str]:
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    from papi_desktop.storage import migrate  # noqa: PLC0415
    from papi_desktop.storage.db import make_engine  # noqa: PLC0415

    url = create_database(pg_server)
    engine = make_engine(url)
    try:
        migrate.upgrade(engine, None, None)
    finally:
        engine.dispose()
    try:
        yield make_url(url).database
    finally:
        drop_database(pg_server, url)


@pytest.fixture
def pg_head_url(pg_server: str, _pg_head_template: str) -> Iterator[str]:
    """A new database already migrated to head (a copy of one migrated once per session)."""
    url = create_database(pg_server, template=_pg_head_template)
    try:
        yield url
    finally:
        drop_database(pg_server, url)


def _main(argv: list[str]) -> int:
    if argv[:1] == ["start"]:
        url, folder = start()
        print(f"export {URL_VAR}='{url}'\nexport PAPI_TEST_PG_DIR='{folder}'")
        return 0
    if argv[:1] == ["stop"] and len(argv) == 2:
        stop(Path(argv[1]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))


def open_database(target: Path | str, user: str = "tester"):  # noqa: ANN201 - storage.db.Database
    """What services.setup.open_database does for the desktop's file, for either kind of target: a
    SQLite path goes through it unchanged (backups and all); a PostgreSQL URL is upgraded and opened,
    with the user and the commune of its profile."""
    from papi_desktop.services import setup  # noqa: PLC0415
    from papi_desktop.storage import migrate  # noqa: PLC0415

    if isinstance(target, Path):
        return setup.open_database(target, user=user)
    db = migrate.open_upgraded(target)
    db.user = user
    profile = setup.get_profile(db)
    if profile:
        db.unit_code = profile.unit_code
    return db
