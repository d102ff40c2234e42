"""Vietnamese text helpers: NFC storage form and accent-insensitive folding."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str | None) -> str:
    """The stored form: NFC, stripped, inner whitespace kept (newlines matter in cells)."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", str(text)).strip()


def fold(text: str | None) -> str:
    """Lower-case, accents removed, đ -> d, whitespace collapsed: 'Tiếp  Công dân' -> 'tiep cong dan'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.lower()).strip()


def one_line(text: str | None) -> str:
    return _SPACES.sub(" ", nfc(text))
