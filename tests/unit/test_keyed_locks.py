"""The hub's per-PC, per-part and per-bundle locks: exclusive per key, and forgotten once nobody holds
them, so a hub that has met thousands of PCs keeps no lock for each (issue 12 §5: memory flat)."""

from __future__ import annotations

import threading
import time

from papi_desktop.server.hub import KeyedLocks


def test_one_holder_per_key_and_nothing_kept_afterwards() -> None:
    locks = KeyedLocks()
    inside: list[str] = []
    overlap: list[str] = []

    def work(key: str) -> None:
        for _ in range(50):
            with locks.hold(key) as taken:
                assert taken
                if key in inside:
                    overlap.append(key)
                inside.append(key)
                time.sleep(0.0005)
                inside.remove(key)

    threads = [threading.Thread(target=work, args=(key,)) for key in ("a", "a", "a", "b", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert overlap == []
    assert len(locks) == 0


def test_a_busy_key_refuses_without_waiting_and_other_keys_are_free() -> None:
    locks = KeyedLocks()
    with locks.hold("part") as first:
        assert first
        with locks.hold("part", blocking=False) as second:
            assert not second
        with locks.hold("other", blocking=False) as third:
            assert third
        assert len(locks) == 1
    with locks.hold("part", blocking=False) as again:
        assert again
    assert len(locks) == 0


def test_an_error_inside_still_frees_the_key() -> None:
    locks = KeyedLocks()
    for _ in range(3):
        try:
            with locks.hold("pc"):
                raise ValueError("boom")
        except ValueError:
            pass
    assert len(locks) == 0
    with locks.hold("pc", blocking=False) as taken:
        assert taken
