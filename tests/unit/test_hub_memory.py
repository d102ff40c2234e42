"""The hub's memory over thousands of PCs (issue 12 §5: memory flat): its per-PC, per-part and
per-bundle locks, exclusive per key and forgotten once nobody holds them; its malloc arenas capped."""

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


def test_the_hub_caps_malloc_arenas_unless_the_operator_did(monkeypatch) -> None:  # noqa: ANN001
    import platform

    from papi_desktop.server.run import fewer_malloc_arenas

    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert fewer_malloc_arenas() is False  # the operator's word stands
    monkeypatch.delenv("MALLOC_ARENA_MAX")
    assert fewer_malloc_arenas() is (platform.libc_ver()[0] == "glibc")
