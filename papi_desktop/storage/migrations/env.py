"""Alembic environment: runs on the connection that storage.migrate hands over."""

from alembic import context

from papi_desktop.storage.migrate import include_name
from papi_desktop.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the developer's autogenerate uses a URL
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("alembic.ini gives no sqlalchemy.url")
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite can barely ALTER: batch mode rebuilds tables there; on PostgreSQL the same batch
    # operations are plain ALTER TABLE statements (recreate="auto").
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
