"""The hub's HTTP surface (Starlette): every request bounded in size and time, every refusal a JSON
error in Vietnamese and English, and an access log without personal data."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..domain.errors import KnownError
from ..sync import hub_protocol
from ..sync.hub_protocol import API, MAX_BODY_BYTES, MAX_JSON_BYTES, OFFSET_HEADER
from .hub import Hub, HubError

IDLE_SECONDS = 60.0  # a body that stops arriving for this long is dropped: a dead link frees its slot
access_log = logging.getLogger("papi.hub.access")
error_log = logging.getLogger("papi.hub")


def _error(exc: HubError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.status)


def _too_large(cap: int) -> HubError:
    return HubError(413, "too_large", f"Yêu cầu lớn hơn giới hạn {cap} byte.", f"The request is over the "
                    f"{cap}-byte limit.")


async def _body(request: Request, cap: int) -> AsyncIterator[bytes]:
    """The request body, refused once it passes cap, or when it stops arriving."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > cap):
        raise _too_large(cap)
    total = 0
    stream = request.stream().__aiter__()
    while True:
        try:
            chunk = await asyncio.wait_for(stream.__anext__(), IDLE_SECONDS)
        except StopAsyncIteration:
            return
        except TimeoutError:
            raise HubError(408, "timeout", "Dữ liệu gửi đến bị ngừng quá lâu.", "The request body stopped "
                           "arriving.") from None
        total += len(chunk)
        if total > cap:
            raise _too_large(cap)
        if chunk:
            yield chunk


async def _json(request: Request) -> dict[str, object]:
    data = b"".join([c async for c in _body(request, MAX_JSON_BYTES)])
    try:
        value = json.loads(data or b"{}")
    except ValueError:
        raise HubError(400, "bad_json", "Yêu cầu không phải JSON hợp lệ.", "The request is not valid JSON.") from None
    if not isinstance(value, dict):
        raise HubError(400, "bad_json", "Yêu cầu không phải JSON hợp lệ.", "The request is not valid JSON.")
    return value


def create_app(hub: Hub) -> Starlette:
    def guarded(handler):  # noqa: ANN001, ANN202
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(request)
            except HubError as exc:
                return _error(exc)
            except KnownError as exc:
                return _error(HubError(422, "refused", exc.vi, exc.en))
            except ClientDisconnect:
                return Response(status_code=499)  # nobody reads it: the link is gone
            except Exception:  # noqa: BLE001 - logged; the client gets a 500 saying nothing was written
                error_log.exception("hub request failed: %s %s", request.method, request.url.path)
                return _error(HubError(500, "internal", "Lỗi máy chủ; không có dữ liệu nào được ghi. Hãy thử lại sau.",
                                       "Hub error; nothing was written. Try again later."))
        return endpoint

    def who(request: Request):  # noqa: ANN202
        client = hub.client(request.headers.get("authorization"))
        request.scope.setdefault("state", {})["client"] = f"{client.unit_code}/{client.device}"
        return client

    async def health(_request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(hub.health))

    async def challenge(request: Request) -> Response:
        await _json(request)
        return JSONResponse(hub.challenge())

    async def session(request: Request) -> Response:
        body = await _json(request)
        audience = request.headers.get("host", "")
        return JSONResponse(await run_in_threadpool(hub.open_session, body, audience))

    async def end_session(request: Request) -> Response:
        who(request)
        return JSONResponse(hub.end_session(request.headers.get("authorization")))

    async def declare(request: Request) -> Response:
        client = who(request)
        body = await _json(request)
        return JSONResponse(await run_in_threadpool(hub.declare, client, request.path_params["stem"], body))

    async def state(request: Request) -> Response:
        client = who(request)
        return JSONResponse(await run_in_threadpool(hub.state, client, request.path_params["stem"]))

    async def part(request: Request) -> Response:
        client = who(request)
        declared = request.headers.get("content-length", "")
        if declared and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
            raise _too_large(MAX_BODY_BYTES)  # before anything else: nothing of it is read
        raw = request.headers.get(OFFSET_HEADER, "")
        if not raw.isdigit():
            raise HubError(400, "offset", f"Thiếu tiêu đề {OFFSET_HEADER}.", f"The {OFFSET_HEADER} header is missing.")
        return JSONResponse(await hub.receive_part(client, request.path_params["sha"], int(raw),
                                                   _body(request, MAX_BODY_BYTES)))

    async def apply(request: Request) -> Response:
        client = who(request)
        await _json(request)
        timing: dict[str, float] = {}
        try:
            return JSONResponse(await run_in_threadpool(hub.apply, client, request.path_params["stem"], timing))
        finally:
            request.scope.setdefault("state", {})["timing"] = timing  # into this request's access-log entry

    async def receipts(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(hub.receipts, who(request)))

    async def downstream(request: Request) -> Response:
        who(request)
        raw = request.query_params.get("after", "0")
        if not raw.isdigit() or len(raw) > 9:
            raise HubError(400, "bad_request", "Số phiên bản không hợp lệ.", "Not a version number.")
        return JSONResponse(await run_in_threadpool(hub.downstream, int(raw)))

    async def downstream_file(request: Request) -> Response:
        who(request)
        path = await run_in_threadpool(hub.downstream_file, request.path_params["name"])
        return FileResponse(path, media_type="application/octet-stream")

    routes = [
        Route("/health", guarded(health), methods=["GET"]),
        Route(f"{API}/session/challenge", guarded(challenge), methods=["POST"]),
        Route(f"{API}/session", guarded(session), methods=["POST"]),
        Route(f"{API}/session", guarded(end_session), methods=["DELETE"]),
        Route(f"{API}/bundles/{{stem}}", guarded(declare), methods=["PUT"]),
        Route(f"{API}/bundles/{{stem}}", guarded(state), methods=["GET"]),
        Route(f"{API}/bundles/{{stem}}/apply", guarded(apply), methods=["POST"]),
        Route(f"{API}/parts/{{sha}}", guarded(part), methods=["PATCH"]),
        Route(f"{API}/receipts", guarded(receipts), methods=["GET"]),
        Route(f"{API}/downstream", guarded(downstream), methods=["GET"]),
        Route(f"{API}/downstream/files/{{name}}", guarded(downstream_file), methods=["GET"]),
    ]
    app = Starlette(routes=routes)

    async def not_found(_request: Request, _exc: Exception) -> Response:
        return _error(HubError(404, "not_found", "Không có địa chỉ này trên máy chủ tỉnh.", "No such address on "
                               "the hub."))

    async def not_allowed(_request: Request, _exc: Exception) -> Response:
        return _error(HubError(405, "method", "Phương thức không được hỗ trợ.", "Method not allowed."))

    app.add_exception_handler(404, not_found)
    app.add_exception_handler(405, not_allowed)
    return AccessLog(app)  # type: ignore[return-value]


class AccessLog:
    """One JSON line per request: method, path, status, bytes each way, time, the commune PC (unit and
    device ids, never a citizen's data: paths carry only bundle names and hashes; queries are not
    logged)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        seen = {"status": 0, "in": 0, "out": 0}

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                seen["in"] += len(message.get("body", b""))
            return message

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
            elif message["type"] == "http.response.body":
                seen["out"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counting_receive, counting_send)
        finally:
            state = scope.get("state") or {}
            access_log.info(json.dumps({
                "ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "method": scope.get("method"),
                "path": scope.get("path"), "status": seen["status"], "bytes_in": seen["in"],
                "bytes_out": seen["out"], "ms": round((time.monotonic() - started) * 1000, 1),
                "client": state.get("client", ""), "peer": (scope.get("client") or ("",))[0],
                **state.get("timing", {})}))


__all__ = ["create_app", "hub_protocol"]
