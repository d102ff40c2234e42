"""The commune PC's side of the hub protocol (httpx): it trusts the province root only, signs in with
its own key, and resumes an upload from what the hub holds after every dropped link."""

from __future__ import annotations

import base64
import contextlib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, overload

import httpx

from ..domain.errors import KnownError
from ..exports.signing import KeyMaterial, pem
from . import hub_protocol
from .hub_protocol import API, OFFSET_HEADER, UPLOAD_CHUNK, sha256_file

RETRIES = 12  # per step; with the back-off below, about four minutes of a link that keeps dropping
BACKOFF_MAX = 30.0


def _offline(exc: Exception) -> KnownError:
    return KnownError(f"Không kết nối được với máy chủ tỉnh ({type(exc).__name__}). Dữ liệu vẫn ở máy này; "
                      "có thể gửi lại khi có mạng hoặc bằng USB.",
                      f"Cannot reach the province hub ({type(exc).__name__}). The data stays on this PC; send it "
                      "again when the network is back, or by USB stick.")


class HubRefused(KnownError):
    def __init__(self, status: int, code: str, vi: str, en: str, body: dict[str, Any]) -> None:
        super().__init__(vi, en)
        self.status, self.code, self.body = status, code, body


@dataclass
class Upload:
    stem: str
    parts: list[Path]
    result: dict[str, Any]
    sent_bytes: int


class HubClient:
    def __init__(self, url: str, root_pem: bytes, material: KeyMaterial | None, timeout: float = 60.0,
                 sleep: Callable[[float], None] = time.sleep, retries: int = RETRIES) -> None:
        context = ssl.create_default_context(cadata=root_pem.decode("ascii"))  # the province root, nothing else
        self.url = url.rstrip("/")
        self.http = httpx.Client(base_url=self.url, verify=context, timeout=httpx.Timeout(timeout, connect=15.0),
                                 headers={"user-agent": "papi-desktop"})
        self.material = material
        self.token: str | None = None
        self.sleep, self.retries = sleep, retries
        self.sent_bytes = 0

    def close(self) -> None:
        """Sign out (best effort: a hub out of reach lets the session expire), then close the link."""
        if self.token is not None:
            with contextlib.suppress(httpx.HTTPError):
                self.http.request("DELETE", f"{API}/session", headers={"authorization": f"Bearer {self.token}"},
                                  timeout=5.0)
            self.token = None
        self.http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- plumbing ---------------------------------------------------------------------------------

    @overload
    def _call(self, method: str, path: str, *, json: object = None, content: bytes | None = None,
              headers: dict[str, str] | None = None, auth: bool = True,
              resend: Literal[True] = True) -> httpx.Response: ...

    @overload
    def _call(self, method: str, path: str, *, json: object = None, content: bytes | None = None,
              headers: dict[str, str] | None = None, auth: bool = True,
              resend: bool) -> httpx.Response | None: ...

    def _call(self, method: str, path: str, *, json: object = None, content: bytes | None = None,
              headers: dict[str, str] | None = None, auth: bool = True, resend: bool = True) -> httpx.Response | None:
        """One request, retried with back-off while the link drops or the hub is busy; a new session
        when the old one expired (or the hub restarted). With resend=False a dropped link returns None
        instead: an upload asks what arrived rather than sending the same bytes again."""
        attempt = 0
        while True:
            if auth and self.token is None:
                self._sign_in()
            head = dict(headers or {})
            if auth:
                head["authorization"] = f"Bearer {self.token}"
            try:
                response = self.http.request(method, path, json=json, content=content, headers=head)
            except httpx.TransportError as exc:
                if isinstance(exc, httpx.ConnectError) and "CERTIFICATE_VERIFY_FAILED" in str(exc):
                    raise KnownError("Máy chủ không có chứng thư do tỉnh cấp: không gửi gì đến nó.",
                                     "The server has no certificate from the province: nothing is sent to "
                                     "it.") from None
                attempt += 1
                if content:
                    self.sent_bytes += len(content)  # at most: the link dropped somewhere in it
                if attempt > self.retries:
                    raise _offline(exc) from None
                self._backoff(attempt)
                if not resend:
                    return None
                continue
            if content:
                self.sent_bytes += len(content)
            if response.status_code == 401 and auth and attempt <= self.retries:
                self.token = None
                attempt += 1
                continue
            if response.status_code in (502, 503, 504) and attempt < self.retries:
                attempt += 1
                self._backoff(attempt)
                continue
            return response

    def _backoff(self, attempt: int) -> None:
        self.sleep(min(BACKOFF_MAX, 0.25 * 2 ** min(attempt, 8)))

    @staticmethod
    def _json(response: httpx.Response | None, ok: tuple[int, ...] = (200,)) -> dict[str, Any]:
        assert response is not None  # only resend=False calls get None, and they check
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code not in ok:
            err = body.get("error") if isinstance(body, dict) else None
            if isinstance(err, dict):
                raise HubRefused(response.status_code, str(err.get("code", "")), str(err.get("vi", "")),
                                 str(err.get("en", "")), body)
            raise HubRefused(response.status_code, "http", f"Máy chủ tỉnh trả lời lỗi {response.status_code}.",
                             f"The hub answered with error {response.status_code}.", {})
        if not isinstance(body, dict):
            raise HubRefused(response.status_code, "http", "Máy chủ tỉnh trả lời không đúng dạng.",
                             "The hub's answer is malformed.", {})
        return body

    def _sign_in(self) -> None:
        from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
        from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415

        if self.material is None:
            raise KnownError("Cần khóa của máy để đăng nhập máy chủ tỉnh.", "The PC's key is needed to sign in.")
        key = self.material.key
        if not isinstance(key, ec.EllipticCurvePrivateKey):  # the province issues EC keys only
            raise KnownError("Khóa của máy không phải khóa EC do tỉnh cấp.", "The PC's key is not the province's EC key.")
        response = self._call("POST", f"{API}/session/challenge", json={}, auth=False)
        challenge = str(self._json(response)["challenge"])
        audience = response.request.headers["host"]  # the name:port the hub is reached by
        signature = key.sign(hub_protocol.auth_message(challenge, audience), ec.ECDSA(hashes.SHA256()))
        body = {"challenge": challenge, "certificate": pem(self.material.cert).decode("ascii"),
                "signature": base64.b64encode(signature).decode("ascii")}
        self.token = str(self._json(self._call("POST", f"{API}/session", json=body, auth=False))["token"])

    # --- operations -------------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return self._json(self._call("GET", "/health", auth=False))

    def push(self, stem: str, parts: list[Path]) -> Upload:
        """Declare, upload what the hub lacks (resuming), apply; the hub's outcome with its receipt."""
        specs: list[dict[str, str | int]] = [{"name": p.name, "sha256": sha256_file(p), "size": p.stat().st_size}
                                             for p in parts]
        start = self.sent_bytes
        state = self._json(self._call("PUT", f"{API}/bundles/{stem}", json={"parts": specs}))
        if not state.get("applied"):
            offsets = {str(p["sha256"]): int(p["offset"]) for p in state["parts"]}
            for path, spec in zip(parts, specs, strict=True):
                self._upload_part(stem, path, str(spec["sha256"]), int(spec["size"]), offsets[str(spec["sha256"])])
            result = self._apply(stem)
        else:
            result = state["result"]
        return Upload(stem, parts, result, self.sent_bytes - start)

    def _upload_part(self, stem: str, path: Path, sha: str, size: int, offset: int) -> None:
        restarts = 0
        stalls = 0
        with path.open("rb") as fh:
            while offset < size:
                fh.seek(offset)
                chunk = fh.read(UPLOAD_CHUNK)
                before = offset
                response = self._call("PATCH", f"{API}/parts/{sha}", content=chunk, resend=False,
                                      headers={OFFSET_HEADER: str(offset),
                                               "content-type": "application/octet-stream"})
                if response is None:  # the link dropped: below, the hub says what it holds
                    offset = before
                elif response.status_code == 200:
                    offset = int(self._json(response)["offset"])
                elif response.status_code == 409:
                    body = self._json(response, ok=(409,))
                    offset = int(body.get("offset", offset))
                    if body.get("error", {}).get("code") == "busy_part":
                        stalls += 1
                        self._backoff(stalls)
                elif response.status_code == 422 and restarts < 1:  # arrived damaged: once more from the start
                    restarts += 1
                    offset = 0
                else:
                    self._json(response)
                if offset == before:
                    # a dropped link: ask what the hub holds now; bytes it kept are progress too
                    offset = self._offset(stem, sha, offset)
                if offset > before:
                    stalls = 0
                else:
                    stalls += 1
                    if stalls > self.retries:
                        raise _offline(TimeoutError("upload does not advance"))

    def _offset(self, stem: str, sha: str, fallback: int) -> int:
        state = self._json(self._call("GET", f"{API}/bundles/{stem}"))
        for part in state.get("parts", []):
            if part.get("sha256") == sha:
                return int(part.get("offset", fallback))
        return fallback

    def _apply(self, stem: str) -> dict[str, Any]:
        response = self._call("POST", f"{API}/bundles/{stem}/apply", json={})
        return self._json(response)

    def receipts(self) -> list[dict[str, Any]]:
        return list(self._json(self._call("GET", f"{API}/receipts"))["receipts"])

    def downstream(self, after: int) -> dict[str, Any]:
        return self._json(self._call("GET", f"{API}/downstream?after={after}"))

    def fetch(self, name: str, target: Path, max_bytes: int) -> Path:
        """A published update's part, whole or not at all (it is signed: apply checks it)."""
        for attempt in range(1, self.retries + 2):
            if self.token is None:
                self._sign_in()
            tmp = target.with_name(f".{target.name}.part")
            try:
                with self.http.stream("GET", f"{API}/downstream/files/{name}",
                                      headers={"authorization": f"Bearer {self.token}"}) as response:
                    if response.status_code == 401:
                        self.token = None
                        self._sign_in()
                        continue
                    if response.status_code != 200:
                        response.read()
                        self._json(response)
                    got = 0
                    with tmp.open("wb") as out:
                        for block in response.iter_bytes():
                            got += len(block)
                            if got > max_bytes:
                                raise KnownError("Bản cập nhật lớn hơn giới hạn.", "The update is over the size "
                                                 "limit.")
                            out.write(block)
                tmp.replace(target)
                return target
            except httpx.TransportError as exc:
                tmp.unlink(missing_ok=True)
                if attempt > self.retries:
                    raise _offline(exc) from None
                self._backoff(attempt)
            finally:
                tmp.unlink(missing_ok=True)
        raise _offline(TimeoutError("download does not finish"))
