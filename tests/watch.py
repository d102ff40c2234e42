"""Which threads call a function: the GUI's reads must run in the database worker."""

from __future__ import annotations

import threading

import pytest


def watch_threads(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[str]:
    """owner.name still does its work, and the name of each thread that called it is listed."""
    threads: list[str] = []
    real = getattr(owner, name)

    def watched(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, watched)
    return threads
