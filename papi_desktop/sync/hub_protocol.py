"""What the commune PC and the province hub agree on over HTTP (no HTTP code here).

A bundle travels over the network as the very part files a USB stick carries. The PC proves who it
is by signing a one-use challenge from the hub with its province-issued key (no password travels),
and gets a short-lived session token. It declares a bundle (its parts' names, SHA-256 and sizes),
uploads each part from the offset the hub already holds (a dropped link resumes, it never restarts),
and asks the hub to apply it when every part is whole; the answer carries the signed receipt.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

API = "/v1"
AUTH_CONTEXT = b"papi-hub-session/1\n"
SESSION_SECONDS = 30 * 60
CHALLENGE_SECONDS = 120
OFFSET_HEADER = "Upload-Offset"
MAX_JSON_BYTES = 256 * 1024  # a declaration of 64 parts, a session request with a certificate chain
MAX_BODY_BYTES = 16 * 1024 * 1024  # one upload request; a part arrives in several
UPLOAD_CHUNK = 8 * 1024 * 1024  # what the PC sends per request
SHA256 = re.compile(r"^[0-9a-f]{64}$")
STEM = re.compile(r"^papi-(?P<unit>\d{5})-(?P<device>[0-9a-z]{1,32})-(?P<seq>\d{6,12})(-\d{1,4})?$")


def auth_message(challenge: str, audience: str) -> bytes:
    """What the PC signs: the challenge and the hub address it is talking to (a signature made for one
    hub is no use at another)."""
    return AUTH_CONTEXT + challenge.encode("ascii") + b"\n" + audience.encode("utf-8")


def error_body(code: str, vi: str, en: str) -> dict[str, object]:
    return {"error": {"code": code, "vi": vi, "en": en}}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()
