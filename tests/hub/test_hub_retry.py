"""A PC whose link drops while the hub's answer to "apply" comes back asks again: the hub has applied
the bundle and forgotten its declaration by then, and must still give the same outcome (it answered
404 "not declared" before), and nothing is applied twice."""

from __future__ import annotations

import pytest
from hub_world import HubProcess
from sync_world import COMMUNE_PASS, Commune, Province, at

from papi_desktop.services import enrolment
from papi_desktop.services import sync as sync_service
from papi_desktop.sync.http_client import HubClient, sha256_file
from papi_desktop.sync.hub_protocol import API


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hub-retry")
    prov = Province(root / "province")
    pc = Commune(root / "pc", prov, demo=False, unit="03646")
    hub = HubProcess(prov.dir)
    yield {"root": root, "prov": prov, "pc": pc, "hub": hub}
    hub.stop()


def _client(pc: Commune, url: str) -> HubClient:
    with at(pc.dir):
        root_pem = enrolment.require_enrolled().root_pem
    return HubClient(url, root_pem, pc.material(), sleep=lambda _s: None)


def test_apply_asked_again_after_the_answer_was_lost_gives_the_same_outcome(world) -> None:  # noqa: ANN001
    prov, pc, hub = world["prov"], world["pc"], world["hub"]
    pc.add_visit("Lò Văn Xanh")
    with at(pc.dir):
        written = sync_service.export_bundle(pc.db, world["root"] / "out", COMMUNE_PASS)
    part = written.files[0]
    stem = part.name.removesuffix(".papi")
    with _client(pc, hub.url) as client:
        first = client.push(stem, [part]).result
        assert first["summary"]["status"] == "applied"
        log_after_first = prov.counts()["change_log"]

        again = client._call("POST", f"{API}/bundles/{stem}/apply", json={})
        assert again is not None and again.status_code == 200, again.text if again is not None else None
        assert again.json() == first  # the same summary and the same signed receipt

        state = client._json(client._call("GET", f"{API}/bundles/{stem}"))
        assert state["applied"] is True and state["result"] == first

        # declaring it again (a PC that restarted) is answered with the outcome too, nothing re-sent
        spec = {"name": part.name, "sha256": sha256_file(part), "size": part.stat().st_size}
        declared = client._json(client._call("PUT", f"{API}/bundles/{stem}", json={"parts": [spec]}))
        assert declared["applied"] is True and declared["result"] == first
    assert prov.counts()["change_log"] == log_after_first


def test_a_bundle_never_declared_is_still_not_found(world) -> None:  # noqa: ANN001
    pc, hub = world["pc"], world["hub"]
    stem = f"papi-03646-{pc.device}-999999"
    with _client(pc, hub.url) as client:
        answer = client._call("POST", f"{API}/bundles/{stem}/apply", json={})
    assert answer is not None and answer.status_code in (400, 403, 404)
    assert answer.json()["error"]["code"] in ("not_declared", "not_yours", "bad_request")
