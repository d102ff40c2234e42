"""What the window holds of the open database: a handle it passes to services, in the database worker,
and never reads itself. ui/ imports nothing of storage/ (tests/unit/test_layering.py): the pages see
the data only through services."""

from ..storage.db import Database as DataHandle

__all__ = ["DataHandle"]
