"""Trust anchors the province hands down with its update, never trusted silently: the province adds a
licensed CA's root (only a CA), its next update carries it, a commune PC applying the update offers
it and trusts it only once a person accepts it by its fingerprint (command line as a user runs it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cli_runner import run_cli
from sync_world import PASS, Commune, Province, at

from papi_desktop.domain.errors import KnownError
from papi_desktop.exports import signing
from papi_desktop.services import downstream, keys, trust_bundle
from papi_desktop.sync import pki


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune, object]]:
    root = tmp_path_factory.mktemp("trust")
    prov = Province(root / "province")
    pc = Commune(root / "pc", prov, demo=False, unit="03646")
    licensed = pki.create_province_ca("VNPT", "Tổng công ty Dịch vụ Viễn thông")  # stands for a licensed CA's root
    yield prov, pc, licensed
    for db in (prov.db, pc.db):
        db.dispose()


def test_only_a_ca_can_be_handed_down(world) -> None:  # noqa: ANN001
    prov, pc, _licensed = world
    leaf = pc.material().cert  # a commune's own certificate: not a CA
    with at(prov.dir), pytest.raises(KnownError, match="không phải của một tổ chức cấp chứng thư"):
        trust_bundle.province_add(prov.db, signing.pem(leaf))


def test_an_update_offers_the_anchor_and_a_person_accepts_it(world, tmp_path) -> None:  # noqa: ANN001
    prov, pc, licensed = world
    anchor = tmp_path / "vnpt-root.pem"
    anchor.write_bytes(signing.pem(licensed.cert))
    added = run_cli(prov.dir, "province", "trust", "add", str(anchor), "--yes")
    assert added.returncode == 0, added.stderr
    assert len(run_cli(prov.dir, "province", "trust", "list").stdout.strip().splitlines()) >= 2
    with at(prov.dir):
        update = downstream.publish(prov.db, PASS, tmp_path / "down")
    with at(pc.dir):
        fingerprint = keys.inspect_certificate(signing.pem(licensed.cert)).fingerprint
        summary = downstream.apply_downstream(pc.db, update)
        assert summary.offered_trust == [fingerprint]
        assert any(fingerprint in vi for vi, _en in summary.messages)
        trusted = {keys.inspect_certificate(p).sha256 for p in keys.trusted()}
        assert keys.inspect_certificate(signing.pem(licensed.cert)).sha256 not in trusted  # not silently
    # without a terminal and without --yes: refused, nothing trusted
    refused = run_cli(pc.dir, "keys", "trust", "--accept", fingerprint)
    assert refused.returncode != 0 and "Chưa tin cậy" in refused.stderr
    listed = run_cli(pc.dir, "keys", "trust", "--offered")
    assert fingerprint in listed.stdout
    accepted = run_cli(pc.dir, "keys", "trust", "--accept", fingerprint, "--yes")
    assert accepted.returncode == 0, accepted.stderr
    with at(pc.dir):
        trusted = {keys.inspect_certificate(p).sha256 for p in keys.trusted()}
        assert keys.inspect_certificate(signing.pem(licensed.cert)).sha256 in trusted
        assert trust_bundle.offered() == []
    with at(prov.dir):
        again = downstream.publish(prov.db, PASS, tmp_path / "down2")
    with at(pc.dir):  # the next update with the same anchor offers nothing again
        assert downstream.apply_downstream(pc.db, again).offered_trust == []
