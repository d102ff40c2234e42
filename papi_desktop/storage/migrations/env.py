"""Alembic environment: runs on the connection that storage.migrate hands over."""

from alembic import context

from papi_desktop.storage.migrate import include_name
from papi_desktop.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the developer's autogenerate uses a URL
    from sqlalchemy import create_engine

    connection = create_engine(context.config.get_main_option("sqlalchemy.url")).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can barely ALTER: batch mode rebuilds tables
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
