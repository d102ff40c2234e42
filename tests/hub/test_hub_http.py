"""The province hub as a real server (uvicorn in its own process, TLS on loopback): communes push and
pull over HTTP through a link that drops, the hub restarts mid-upload, hostile requests change
nothing, and what arrives equals the same bundles delivered by USB stick."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import ssl
from pathlib import Path

import httpx
import pg
import pytest
from hub_world import CuttingProxy, HubProcess
from pg import pg_server  # noqa: F401 - the PostgreSQL fixture
from sync_world import COMMUNE_PASS, PASS, Commune, Province, at, counts

from papi_desktop.exports import signing
from papi_desktop.services import downstream, hub_sync
from papi_desktop.services import sync as sync_service
from papi_desktop.storage.sync_state import BundleOut
from papi_desktop.sync import pki
from papi_desktop.sync.http_client import HubClient, HubRefused, sha256_file
from papi_desktop.sync.hub_protocol import API, OFFSET_HEADER


class Recording(HubClient):
    """A client that keeps a copy of every bundle it sends: the same bytes then go by USB."""

    def __init__(self, *args, copies: Path, **kw) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kw)
        self.copies = copies

    def push(self, stem, parts):  # noqa: ANN001, ANN201
        self.copies.mkdir(parents=True, exist_ok=True)
        for p in parts:
            shutil.copyfile(p, self.copies / p.name)
        return super().push(stem, parts)


_OPEN: list[HubClient] = []


@pytest.fixture(autouse=True)
def _close_clients():
    yield
    while _OPEN:
        _OPEN.pop().close()


def _root(pc: Commune) -> bytes:
    with at(pc.dir):
        from papi_desktop.services import enrolment

        return enrolment.require_enrolled().root_pem


def _client(pc: Commune, url: str, cls: type[HubClient] = HubClient, root: bytes | None = None,
            **kw) -> HubClient:  # noqa: ANN003
    client = cls(url, root or _root(pc), pc.material(), sleep=lambda _s: None, **kw)
    _OPEN.append(client)
    return client


def _push(pc: Commune, url: str, client: HubClient | None = None) -> hub_sync.SyncResult:
    with at(pc.dir):
        return hub_sync.push(pc.db, COMMUNE_PASS, url, client)


def _pull(pc: Commune, url: str, client: HubClient | None = None) -> hub_sync.SyncResult:
    with at(pc.dir):
        return hub_sync.pull(pc.db, COMMUNE_PASS, url, client)


DIALECTS = ["sqlite", "postgresql"]


@pytest.fixture(scope="module", params=DIALECTS)
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The hub on SQLite (a small office) and on PostgreSQL (a province server), the same tests."""
    root = tmp_path_factory.mktemp(f"hub-{request.param}")
    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    url = pg.create_database(server) if server else None
    prov = Province(root / "province", url)
    a = Commune(root / "pc-a", prov)  # the demo commune, on two PCs
    a2 = Commune(root / "pc-a2", prov, join=True)
    a.add_peer(a2.card(root / "a2.card.papi"))
    a2.add_peer(a.card(root / "a.card.papi"))
    a2.import_(*a.export(root / "a-to-a2", peer=a2.device).files)
    b = Commune(root / "pc-b", prov, demo=False, unit="03646")
    usb_copy = prov.copy_to(root / "province-usb")  # the same province, receiving by stick (same dialect)
    hub = HubProcess(prov.dir, db_url=url)
    yield {"root": root, "prov": prov, "a": a, "a2": a2, "b": b, "usb": usb_copy, "hub": hub}
    hub.stop()
    for pc in (a, a2, b, prov, usb_copy):  # psycopg warns of a connection left open (an error here)
        pc.db.dispose()
    if server:
        for db_url in (url, usb_copy.db_url):
            pg.drop_database(server, db_url)


def test_health_and_tls_trusts_only_the_province_root(world) -> None:  # noqa: ANN001
    hub = world["hub"]
    assert _client(world["a"], hub.url).health()["status"] == "ok"
    # a client that trusts the system's roots only refuses the hub's certificate
    with pytest.raises(httpx.ConnectError):
        httpx.get(hub.url + "/health", verify=ssl.create_default_context())
    # and a PC of another province (another root) cannot talk to it
    other_root = pki.create_province_ca("Tỉnh Lai Châu")
    with pytest.raises(Exception, match="chứng thư do tỉnh cấp|certificate"):
        _client(world["a"], hub.url, root=signing.pem(other_root.cert)).health()


def test_push_applies_like_usb_and_the_receipt_comes_back(world) -> None:  # noqa: ANN001
    """Two communes, one on two PCs, through a link cut at random points (4–48 KiB into each
    connection, TLS handshakes included)."""
    a, a2, b, hub = world["a"], world["a2"], world["b"], world["hub"]
    a.add_visit("Lò Văn Pọm", "014203000111")
    a2.add_visit("Điêu Thị Xuân")  # the second PC's own work goes up from that PC
    copies = world["root"] / "copies"
    proxy = CuttingProxy(hub.port, cut_every=48 * 1024, jitter=True, least=4 * 1024, seed=12)
    try:
        for pc in (a, a2, b):
            client = _client(pc, proxy.url, Recording, copies=copies, retries=40)
            result = _push(pc, proxy.url, client)
            assert result.sent is not None and result.sent["status"] == "applied", result.sent
            assert result.sent["records"] > 0 and result.receipts == 1
            with pc.db.reader() as s:
                rows = s.query(BundleOut).filter(BundleOut.peer == sync_service.PROVINCE).all()
            assert rows and all(r.acknowledged_at for r in rows)  # the receipt over HTTP marked it
            again = _push(pc, proxy.url, _client(pc, proxy.url, retries=40))
            assert again.nothing_to_send and again.sent is None
        assert proxy.cuts > 10  # the link really dropped, in handshakes and in bodies
    finally:
        proxy.close()
    # the same bundle bytes by USB into a copy of the province give the same state
    usb = world["usb"]
    summaries = usb.import_(*sorted(copies.glob("*.papi")))
    assert {s.status for s in summaries} == {"applied"}
    fresh = Province.reopen(world["prov"].dir, world["prov"].db_url)
    try:
        assert fresh.hash() == usb.hash()
    finally:
        fresh.db.dispose()


def test_a_link_that_keeps_dropping_resumes_and_sends_little_more(world) -> None:  # noqa: ANN001
    a, hub = world["a"], world["hub"]
    evidence = os.urandom(3 * 1024 * 1024)  # incompressible: the bundle is about this big
    a.add_evidence(evidence, "anh-hop-dan.jpg")
    proxy = CuttingProxy(hub.port, cut_every=256 * 1024)
    try:
        with at(a.dir):
            written = sync_service.export_bundle(a.db, hub_sync.outbox_dir(), COMMUNE_PASS)
        size = sum(p.stat().st_size for p in written.files)
        # few retries: a cut after which the hub kept bytes is progress, not a failure to count
        result = _push(a, proxy.url, _client(a, proxy.url, retries=3))
        assert result.sent is not None and result.sent["status"] == "applied"
        assert proxy.cuts >= size // (256 * 1024) - 1 > 3  # the link really dropped, many times
        # resumed, never restarted: per cut, only what was in flight is lost and sent again (uvicorn drops
        # a request's buffered body, 64 KiB and the read that passed it, when its link goes; a partial
        # TLS record; a new handshake), where a restart would cost the part again
        assert proxy.sent <= size + proxy.cuts * 128 * 1024, (proxy.sent, size, proxy.cuts)
    finally:
        proxy.close()
    assert hashlib.sha256(evidence).hexdigest() in {n[:64] for n in world["prov"].attachments()}


def test_hub_killed_mid_upload_resumes_from_what_it_held(world) -> None:  # noqa: ANN001
    a, hub = world["a"], world["hub"]
    a.add_evidence(os.urandom(2 * 1024 * 1024), "bien-ban-2.pdf")
    with at(a.dir):
        written = sync_service.export_bundle(a.db, hub_sync.outbox_dir(), COMMUNE_PASS)
    part = written.files[0]
    stem = part.name.removesuffix(".papi")
    client = _client(a, hub.url)
    spec = {"name": part.name, "sha256": sha256_file(part), "size": part.stat().st_size}
    state = client._json(client._call("PUT", f"{API}/bundles/{stem}", json={"parts": [spec]}))
    assert state["parts"][0]["offset"] == 0
    half = spec["size"] // 2
    response = client._call("PATCH", f"{API}/parts/{spec['sha256']}", content=part.read_bytes()[:half],
                            headers={OFFSET_HEADER: "0"})
    assert response.json()["offset"] == half
    hub.restart()  # SIGKILL, then the same port again
    client.sent_bytes = 0
    result = _push(a, hub.url, client)  # a new session (the old one died with the process), the rest sent
    assert result.sent is not None and result.sent["status"] == "applied"
    assert client.sent_bytes <= spec["size"] - half + 64 * 1024


# --- hostile requests: refused, nothing written ------------------------------------------------------

def _counts(prov: Province) -> dict[str, int]:
    """Read afresh: the hub process writes the same database."""
    fresh = Province.reopen(prov.dir, prov.db_url)
    try:
        return counts(fresh.db)
    finally:
        fresh.db.dispose()


def _unchanged(prov: Province):  # noqa: ANN202
    before = _counts(prov)
    return lambda: _counts(prov) == before


def test_oversized_and_malformed_requests_are_refused(world) -> None:  # noqa: ANN001
    hub, a = world["hub"], world["a"]
    same = _unchanged(world["prov"])
    client = _client(a, hub.url)
    client._sign_in()
    auth = {"authorization": f"Bearer {client.token}"}
    ctx = client.http
    big = ctx.patch(f"{API}/parts/{'0' * 64}", content=b"x" * (17 * 1024 * 1024), headers={**auth, OFFSET_HEADER: "0"})
    assert big.status_code == 413 and big.json()["error"]["vi"]
    bad_json = ctx.put(f"{API}/bundles/papi-03985-{a.device}-000001", content=b"{not json", headers=auth)
    assert bad_json.status_code == 400
    huge_json = ctx.put(f"{API}/bundles/papi-03985-{a.device}-000001", content=b"[" * (300 * 1024), headers=auth)
    assert huge_json.status_code == 413
    lying = ctx.put(f"{API}/bundles/papi-03985-{a.device}-000001", headers=auth,
                    json={"parts": [{"name": "papi-03985-x-000001.papi", "sha256": "a" * 64, "size": 10}]})
    assert lying.status_code == 400  # parts named for another bundle
    too_big = ctx.put(f"{API}/bundles/papi-03985-{a.device}-000001", headers=auth,
                      json={"parts": [{"name": f"papi-03985-{a.device}-000001.papi", "sha256": "a" * 64,
                                       "size": 5 * 1024 ** 3}]})
    assert too_big.status_code == 400
    assert ctx.get("/nowhere").status_code == 404
    unauth = ctx.get(f"{API}/receipts")
    assert unauth.status_code == 401 and "xác thực" in unauth.json()["error"]["vi"]
    assert same()
    assert client.health()["status"] == "ok"  # and it keeps working


def test_truncated_part_is_never_applied(world) -> None:  # noqa: ANN001
    hub, a = world["hub"], world["a"]
    a.add_visit("Cầm Thị Hoa")
    with at(a.dir):
        written = sync_service.export_bundle(a.db, world["root"] / "trunc", COMMUNE_PASS)
    part = written.files[0]
    stem = part.name.removesuffix(".papi")
    client = _client(a, hub.url)
    data = part.read_bytes()
    spec = {"name": part.name, "sha256": sha256_file(part), "size": len(data)}
    client._json(client._call("PUT", f"{API}/bundles/{stem}", json={"parts": [spec]}))
    client._call("PATCH", f"{API}/parts/{spec['sha256']}", content=data[:-100], headers={OFFSET_HEADER: "0"})
    same = _unchanged(world["prov"])
    early = client._call("POST", f"{API}/bundles/{stem}/apply", json={})
    assert early.status_code == 409 and early.json()["error"]["code"] == "incomplete"
    # the rest, altered: the whole does not match its SHA-256 and is dropped
    bad = client._call("PATCH", f"{API}/parts/{spec['sha256']}", content=b"\0" * 100,
                       headers={OFFSET_HEADER: str(len(data) - 100)})
    assert bad.status_code == 422 and bad.json()["offset"] == 0
    assert client._call("POST", f"{API}/bundles/{stem}/apply", json={}).status_code == 409
    assert same()


def test_wrong_certificate_replay_and_revoked_are_refused(world) -> None:  # noqa: ANN001
    hub, a, prov = world["hub"], world["a"], world["prov"]
    client = _client(a, hub.url)
    http = client.http
    # a replayed session request: the challenge was used once
    challenge = http.post(f"{API}/session/challenge", json={}).json()["challenge"]
    audience = f"127.0.0.1:{hub.port}"
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    from papi_desktop.sync.hub_protocol import auth_message

    material = a.material()
    sig = material.key.sign(auth_message(challenge, audience), ec.ECDSA(hashes.SHA256()))
    body = {"challenge": challenge, "certificate": signing.pem(material.cert).decode(),
            "signature": base64.b64encode(sig).decode()}
    assert http.post(f"{API}/session", json=body).status_code == 200
    replay = http.post(f"{API}/session", json=body)
    assert replay.status_code == 401 and replay.json()["error"]["code"] == "challenge"
    # a signature made for another hub address
    challenge = http.post(f"{API}/session/challenge", json={}).json()["challenge"]
    sig = material.key.sign(auth_message(challenge, "evil.example:443"), ec.ECDSA(hashes.SHA256()))
    wrong = http.post(f"{API}/session", json={**body, "challenge": challenge,
                                              "signature": base64.b64encode(sig).decode()})
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "signature"
    # a certificate from another root
    stranger = pki.create_province_ca("Tỉnh Điện Biên")
    key, csr = pki.commune_request("03985", "Xã giả")
    fake = pki.issue_commune(stranger, pki.read_request(csr))
    challenge = http.post(f"{API}/session/challenge", json={}).json()["challenge"]
    sig = key.sign(auth_message(challenge, audience), ec.ECDSA(hashes.SHA256()))
    forged = http.post(f"{API}/session", json={"challenge": challenge, "certificate": signing.pem(fake).decode(),
                                               "signature": base64.b64encode(sig).decode()})
    assert forged.status_code == 403 and forged.json()["error"]["code"] == "certificate"
    # a revoked PC
    lost = prov.mint("03646", "maybimat", revoked=True)
    challenge = http.post(f"{API}/session/challenge", json={}).json()["challenge"]
    sig = lost.key.sign(auth_message(challenge, audience), ec.ECDSA(hashes.SHA256()))
    revoked = http.post(f"{API}/session", json={"challenge": challenge,
                                                "certificate": signing.pem(lost.cert).decode(),
                                                "signature": base64.b64encode(sig).decode()})
    assert revoked.status_code == 403 and revoked.json()["error"]["code"] == "revoked"


def test_another_communes_bundle_is_refused(world) -> None:  # noqa: ANN001
    hub, a, b = world["hub"], world["a"], world["b"]
    a.add_visit("Quàng Văn Sơn")
    with at(a.dir):
        written = sync_service.export_bundle(a.db, world["root"] / "stolen", COMMUNE_PASS)
    part = written.files[0]
    same = _unchanged(world["prov"])
    thief = _client(b, hub.url)
    # under A's name: not B's to declare
    with pytest.raises(HubRefused) as refused:
        thief.push(part.name.removesuffix(".papi"), [part])
    assert refused.value.status == 403
    # renamed as B's own: uploaded, but the import finds A's signature on it and writes nothing
    renamed = part.with_name(f"papi-03646-{b.device}-999999.papi")
    shutil.copyfile(part, renamed)
    result = thief.push(renamed.name.removesuffix(".papi"), [renamed]).result
    assert result["summary"]["status"] == "rejected"
    assert any("không do máy đang gửi ký" in vi for vi, _en in result["summary"]["reasons"])
    assert same()


def test_pull_brings_receipts_and_each_update_in_order(world) -> None:  # noqa: ANN001
    hub, prov, b = world["hub"], world["prov"], world["b"]
    with at(prov.dir):
        first = downstream.newest_published_version() + 1
        downstream.publish(prov.db, PASS, world["root"] / "pub1")
    assert [u["version"] for u in _pull(b, hub.url).updates] == [first]  # a PC holding none: the newest
    with at(prov.dir):
        downstream.publish(prov.db, PASS, world["root"] / "pub2")
        downstream.publish(prov.db, PASS, world["root"] / "pub3")
    result = _pull(b, hub.url)
    assert [u["version"] for u in result.updates] == [first + 1, first + 2]  # one after another, none skipped
    assert downstream.accepted_version(b.db) == first + 2
    again = _pull(b, hub.url)
    assert again.updates == []  # nothing new: nothing applied twice
    with at(b.dir):
        assert hub_sync.last_sync(b.db)["last_pull_at"]


def test_access_log_has_no_personal_data(world) -> None:  # noqa: ANN001
    b = world["b"]
    b.add_visit("Quàng Văn Sơn", "014203000111")
    assert _push(b, world["hub"].url).sent["status"] == "applied"  # one apply of this test's own at least
    log = world["prov"].dir / "logs" / "hub-access.log"
    text = log.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines()]
    assert lines and {"method", "path", "status", "bytes_in", "ms", "client"} <= set(lines[0])
    # An apply says how long it waited for a slot and how long the import took, within its own time.
    applies = [e for e in lines if e["path"].endswith("/apply") and e["status"] == 200]
    assert applies and all(0 <= e["slot_wait_ms"] and 0 < e["import_ms"] <= e["ms"] for e in applies)
    for name in ("Lò Văn Pọm", "014203000111", "Cầm Thị Hoa", "Quàng Văn Sơn"):
        assert name not in text


def test_the_province_gives_its_hub_address_in_packages_and_updates(world) -> None:  # noqa: ANN001
    hub, prov, b, root = world["hub"], world["prov"], world["b"], world["root"]
    with at(prov.dir):
        from papi_desktop.services import province

        with pytest.raises(Exception, match="https://"):
            province.set_hub_url(prov.db, "http://plain.example:80")
        province.set_hub_url(prov.db, hub.url + "/")
        downstream.publish(prov.db, PASS, root / "pub-url")
    with at(b.dir):
        from papi_desktop.services import local_settings

        local_settings.write(b.db, hub_sync.URL_KEY, "")
    proxy = CuttingProxy(hub.port)  # another address to the same hub: the one this pull used
    try:
        assert _pull(b, proxy.url).updates  # the update carries the province's address…
    finally:
        proxy.close()
    with at(b.dir):
        assert hub_sync.last_sync(b.db)["url"] == hub.url
    b.add_visit("Lường Thị Mai")
    assert _push(b, None).sent["status"] == "applied"  # …so the next sync needs none given
    c = Commune(root / "pc-c", prov, demo=False, unit="03664")  # enrolled now: the package carries it
    with at(c.dir):
        assert hub_sync.hub_url(c.db) == hub.url
    assert _push(c, None).sent["status"] == "applied"


def test_one_bundle_declared_twice_at_once(world) -> None:  # noqa: ANN001
    """A retry beside a first attempt still running: both declarations answer, the bundle applies once."""
    from concurrent.futures import ThreadPoolExecutor

    hub, b = world["hub"], world["b"]
    b.add_visit("Hà Văn Tùng")
    with at(b.dir):
        written = sync_service.export_bundle(b.db, world["root"] / "twice", COMMUNE_PASS)
    part = written.files[0]
    stem = part.name.removesuffix(".papi")
    spec = {"name": part.name, "sha256": sha256_file(part), "size": part.stat().st_size}
    clients = [_client(b, hub.url) for _ in range(6)]
    for c in clients:
        c._sign_in()
    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(lambda c: c._call("PUT", f"{API}/bundles/{stem}", json={"parts": [spec]}), clients))
    assert [r.status_code for r in answers] == [200] * 6
    outcomes = [c.push(stem, [part]).result["summary"]["status"] for c in clients[:2]]
    assert outcomes == ["applied", "applied"]  # the second is the first's answer again


def test_a_pc_signs_out_when_done(world) -> None:  # noqa: ANN001
    """Closing the client ends its session on the hub: the token no longer opens anything, and the hub
    holds sessions only for PCs at work (issue 12 §5: memory flat over thousands of PCs)."""
    hub, a = world["hub"], world["a"]
    client = _client(a, hub.url)
    client.receipts()
    token = client.token
    assert token
    client.close()
    assert client.token is None
    trusted = ssl.create_default_context(cadata=_root(a).decode("ascii"))
    late = httpx.get(hub.url + f"{API}/receipts", headers={"authorization": f"Bearer {token}"}, verify=trusted)
    assert late.status_code == 401 and late.json()["error"]["code"] == "unauthorised"
    ended = httpx.delete(hub.url + f"{API}/session", headers={"authorization": f"Bearer {token}"}, verify=trusted)
    assert ended.status_code == 401  # ending it again: it is gone
    lines = [json.loads(line) for line in (world["prov"].dir / "logs" / "hub-access.log").read_text().splitlines()]
    assert [e["status"] for e in lines if e["method"] == "DELETE" and e["path"] == f"{API}/session"][-2:] == [200, 401]
