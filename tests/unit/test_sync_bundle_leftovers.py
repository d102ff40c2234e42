"""What a bundle writer killed part-way leaves on the stick, at each moment of the write: hidden
temporary parts and a lock file no reader takes for a bundle, which the next write into the folder
removes, together with the parts already renamed when not all of them were; a bundle whose parts all
reached their names stays; a writer still at work is left alone; a second bundle of the same changes is
named beside the first instead of being refused. (The real kills are in tests/crash/.)"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from papi_desktop.domain.errors import KnownError
from papi_desktop.exports.signing import KeyMaterial, pem
from papi_desktop.sync import bundle, envelope, pki

NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)
HEADER = {"kind": "changes", "bundle_id": "b-1", "commune": "03985", "device": "a1b2c3d4e5f6"}
STEM = "papi-03985-a1b2c3d4e5f6-000010"


@pytest.fixture(scope="module")
def keys() -> dict[str, object]:
    ca = pki.create_province_ca(now=NOW)
    key, csr = pki.commune_request("03985", "Xã Chiềng Sơn")
    ident, recipient = envelope.new_identity()
    return {"ca": ca, "commune": KeyMaterial(key, pki.issue_commune(ca, pki.read_request(csr), now=NOW), [ca.cert]),
            "ident": ident, "recipient": recipient}


def _members() -> list[bundle.Member]:
    return [bundle.Member("changes.jsonl", os.urandom(200_000))]


def _write(keys, out: Path, publish=None, **kw) -> list[Path]:
    parts, _m = bundle.write_bundle(out, STEM, HEADER, _members(), keys["commune"], [keys["recipient"]],
                                    part_bytes=60_000, publish=publish, **kw)
    return parts


def _killed_at_publish(keys, tmp_path: Path, renamed: int) -> tuple[Path, list[str]]:
    """The folder as a writer killed just before its renames leaves it (plus `renamed` parts moved)."""
    kept = tmp_path / "killed"
    seen: dict[str, object] = {}

    def publish(finals: list[Path], manifest: bytes) -> None:
        shutil.copytree(finals[0].parent, kept)
        seen["finals"], seen["digest"] = [p.name for p in finals], bundle.digest(manifest)

    _write(keys, tmp_path / "usb", publish)
    temps = sorted(p for p in kept.iterdir() if p.suffix == ".tmp")
    assert len(temps) == len(seen["finals"]) > 2 and len(list(kept.glob(".*.lock"))) == 1
    for tmp, final in list(zip(temps, seen["finals"], strict=True))[:renamed]:
        tmp.rename(kept / final)
    return kept, [str(seen["digest"])]


def _read(keys, parts: list[Path]) -> bundle.Opened:
    return bundle.read_bundle(parts, [keys["ident"]], pem(keys["ca"].cert), keys["recipient"], in_memory=lambda n: True)


@pytest.mark.parametrize("renamed", [0, 1, 2])
def test_a_writer_killed_before_or_during_its_renames_leaves_nothing_after_the_sweep(keys, tmp_path: Path,
                                                                                     renamed: int) -> None:
    folder, digest = _killed_at_publish(keys, tmp_path, renamed)
    assert not list(folder.glob("*.papi"))[renamed:]  # only what was renamed is visible, no temporary file
    assert bundle.sweep(folder) == digest
    assert list(folder.iterdir()) == []
    assert bundle.sweep(folder) == []  # nothing more the second time


def test_a_writer_killed_after_its_last_rename_leaves_a_whole_bundle(keys, tmp_path: Path) -> None:
    folder, _digest = _killed_at_publish(keys, tmp_path, renamed=99)
    parts = bundle.bundle_parts(min(folder.glob("*.papi")))
    assert bundle.sweep(folder) == []
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in parts)
    assert _read(keys, parts).complete


def test_a_writer_at_work_is_left_alone(keys, tmp_path: Path) -> None:
    folder, _digest = _killed_at_publish(keys, tmp_path, renamed=1)
    (lock,) = folder.glob(".*.lock")
    with lock.open("r+b") as held:
        assert bundle._try_lock(held)
        before = sorted(p.name for p in folder.iterdir())
        assert bundle.sweep(folder) == []
        assert sorted(p.name for p in folder.iterdir()) == before
        assert bundle.free_stem(folder, STEM) == STEM + "-2"  # its name is taken while it works
    assert bundle.sweep(folder) and list(folder.iterdir()) == []


def test_the_next_write_into_the_folder_cleans_up_and_a_second_bundle_is_named_beside_the_first(
        keys, tmp_path: Path) -> None:
    folder, _digest = _killed_at_publish(keys, tmp_path, renamed=1)
    first = _write(keys, folder, unique=True)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in first)
    second = _write(keys, folder, unique=True)
    assert {bundle.stem_of(p) for p in second} == {STEM + "-2"}
    assert _read(keys, bundle.bundle_parts(first[0])).complete and _read(keys, bundle.bundle_parts(second[0])).complete
    with pytest.raises(KnownError, match="Đã có tệp"):
        _write(keys, folder)  # without unique (an enrolment package's chosen name): refused as before
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in first + second)


def test_parts_of_an_unfinished_write_are_named_as_such_until_the_sweep(keys, tmp_path: Path) -> None:
    folder, _digest = _killed_at_publish(keys, tmp_path, renamed=1)
    (visible,) = folder.glob("*.papi")
    assert bundle.unfinished(visible)
    with pytest.raises(KnownError, match="bị gián đoạn"):
        bundle.bundle_parts(visible)
    bundle.sweep(folder)
    assert not visible.exists() and not bundle.unfinished(visible)


def test_an_import_of_the_folder_leaves_an_unfinished_write_alone(keys, tmp_path: Path) -> None:
    from papi_desktop.services import sync_import

    folder, _digest = _killed_at_publish(keys, tmp_path, renamed=1)  # one part of a cut-off write visible
    whole = tmp_path / "whole"
    for part in _write(keys, whole):
        shutil.copy(part, folder / f"other-{part.name}")
    found = sync_import._bundle_files([folder])  # noqa: SLF001 - which files an import of the stick reads
    assert [[p.name for p in parts] for parts in found] == [sorted(f"other-{p.name}" for p in whole.iterdir())]
    (visible,) = [p for p in folder.glob("*.papi") if not p.name.startswith("other-")]
    (named,) = sync_import._bundle_files([visible])  # noqa: SLF001 - named by hand: said what it is
    assert isinstance(named, tuple) and "bị gián đoạn" in named[1].vi
