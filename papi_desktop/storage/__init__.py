"""Persistence: SQLAlchemy models, engine and session setup, Alembic migrations, backups. No Qt."""
