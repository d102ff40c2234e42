"""`papi-desktop serve`: the hub on uvicorn, with TLS under a certificate the province root issues."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import logging
import logging.handlers
import socket
import sys
from pathlib import Path

from .. import paths
from ..domain.errors import KnownError
from ..exports import signing
from ..storage.db import Database

TLS_CERT, TLS_KEY = "hub-tls.pem", "hub-tls.key"
RENEW_BEFORE = dt.timedelta(days=30)


def tls_files(passphrase: str, names: list[str]) -> tuple[Path, Path]:
    """The hub's certificate for these names: kept while it covers them, chains to the current root and
    has a month left; else a new one from the province root. Its key is kept encrypted."""
    from cryptography import x509  # noqa: PLC0415
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

    from ..services import province  # noqa: PLC0415
    from ..sync import pki  # noqa: PLC0415

    keys = paths.keys_dir()
    cert_path, key_path = keys / TLS_CERT, keys / TLS_KEY
    root = x509.load_pem_x509_certificate(province.root_pem())
    if _still_good(cert_path, key_path, root, names):
        return cert_path, key_path
    material = pki.issue_server(province.ca_material(passphrase), names)
    key_pem = material.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.BestAvailableEncryption(passphrase.encode("utf-8")))
    signing.atomic_write(key_path, key_pem)
    signing.atomic_write(cert_path, signing.pem(material.cert))
    return cert_path, key_path


def _still_good(cert_path: Path, key_path: Path, root: object, names: list[str]) -> bool:
    from cryptography import x509  # noqa: PLC0415
    from cryptography.exceptions import InvalidSignature  # noqa: PLC0415

    if not (cert_path.is_file() and key_path.is_file()):
        return False
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        alt = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        cert.verify_directly_issued_by(root)  # type: ignore[arg-type]
    except (ValueError, TypeError, x509.ExtensionNotFound, InvalidSignature):
        return False  # damaged, or from another root: a new one is issued
    have = {str(v) for v in alt.get_values_for_type(x509.IPAddress)} | set(alt.get_values_for_type(x509.DNSName))
    return have == set(names) and cert.not_valid_after_utc - RENEW_BEFORE > dt.datetime.now(dt.UTC)


def _logging() -> None:
    folder = paths.data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(folder / "hub-access.log", maxBytes=20 * 1024 * 1024,
                                                   backupCount=10, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    access = logging.getLogger("papi.hub.access")
    access.setLevel(logging.INFO)
    access.addHandler(handler)
    access.propagate = False
    errors = logging.handlers.RotatingFileHandler(folder / "hub-errors.log", maxBytes=5 * 1024 * 1024,
                                                  backupCount=5, encoding="utf-8")
    errors.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    logging.getLogger("papi.hub").addHandler(errors)


def _names(host: str, extra: list[str]) -> list[str]:
    names = [n for n in [host, *extra] if n]
    try:
        if ipaddress.ip_address(host).is_unspecified:
            names = [n for n in extra if n]
    except ValueError:
        pass
    if not names:
        raise KnownError("Khi nghe trên mọi địa chỉ, hãy ghi tên hoặc địa chỉ IP các xã dùng để gọi máy chủ "
                         "(--tls-name).", "Listening on every address: give the name or IP address the communes "
                         "use to reach the hub (--tls-name).")
    return list(dict.fromkeys(names))


def fewer_malloc_arenas(arenas: int = 2) -> bool:
    """glibc gives a thread that finds the other arenas busy one of its own (up to 8 a core) and seldom
    hands their free pages back: a long-running hub's memory then creeps with its request threads, not
    with its work. The same as MALLOC_ARENA_MAX=2, set from within (unless the operator set it)."""
    import ctypes  # noqa: PLC0415
    import os  # noqa: PLC0415

    if not sys.platform.startswith("linux") or "MALLOC_ARENA_MAX" in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # not glibc (musl has no arenas to cap)
        return False
    m_arena_max = -8  # malloc.h
    return bool(mallopt(m_arena_max, arenas))


def serve(db: Database, passphrase: str, host: str, port: int, tls_names: list[str], apply_slots: int = 0) -> int:
    import uvicorn  # noqa: PLC0415

    fewer_malloc_arenas()  # before uvicorn's and the apply threads exist

    from ..services import province  # noqa: PLC0415
    from .app import create_app  # noqa: PLC0415
    from .hub import Hub  # noqa: PLC0415

    hub = Hub(db, passphrase, apply_slots)
    cert, key = tls_files(passphrase, _names(host, tls_names))
    _logging()
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        raise KnownError(f"Không mở được cổng {port} trên {host}: {exc.strerror}.",
                         f"Cannot listen on {host} port {port}: {exc.strerror}.") from None
    sock.listen(256)
    bound = sock.getsockname()[1]
    config = uvicorn.Config(create_app(hub), ssl_certfile=str(cert), ssl_keyfile=str(key),
                            ssl_keyfile_password=passphrase, log_level="warning", access_log=False,
                            timeout_keep_alive=5, limit_concurrency=256, h11_max_incomplete_event_size=16 * 1024,
                            timeout_graceful_shutdown=10, server_header=False)
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    info = province.require()
    sys.stdout.write(json.dumps({"url": f"https://{shown}:{bound}", "port": bound,
                                 "root_fingerprint": info.fingerprint}) + "\n")
    sys.stdout.flush()
    uvicorn.Server(config).run(sockets=[sock])
    return 0
