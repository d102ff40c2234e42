"""Vietnamese text helpers: NFC storage form and accent-insensitive folding."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NEEDS_COLLAPSE = re.compile(r"\s{2,}|[^\S ]")


def nfc(text: str | None) -> str:
    """The stored form: NFC, stripped, inner whitespace kept (newlines matter in cells)."""
    if text is None:
        return ""
    text = str(text)
    if not unicodedata.is_normalized("NFC", text):  # the common case costs a check, not a copy
        text = unicodedata.normalize("NFC", text)
    return text.strip()


def _fold_table() -> dict[int, str]:
    """Every precomposed Latin letter (Vietnamese included) -> its base letter, built once."""
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if unicodedata.category(c) != "Mn")
        if base and base != chr(code) and base.isascii():
            table[code] = base
    return table


_FOLD = _fold_table()


def fold(text: str | None) -> str:
    """Lower-case, accents removed, đ -> d, whitespace collapsed: 'Tiếp  Công dân' -> 'tiep cong dan'."""
    if not text:
        return ""
    text = str(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # A table lookup instead of decomposing every string: imports fold hundreds of thousands of cells.
    folded = text.translate(_FOLD)
    if not folded.isascii():  # combining marks left over (rare scripts): drop them the slow way
        folded = "".join(c for c in unicodedata.normalize("NFD", folded) if unicodedata.category(c) != "Mn")
    return _SPACES.sub(" ", folded.lower()).strip()


def one_line(text: str | None) -> str:
    return collapse(nfc(text))


def collapse(text: str) -> str:
    """one_line for a text already in the stored form (nfc's result): each run of whitespace, newlines
    included, as one space. Importers that normalised a cell once use it instead of normalising again."""
    if _NEEDS_COLLAPSE.search(text) is None:
        return text  # the usual cell: nothing to collapse (a search allocates nothing)
    return _SPACES.sub(" ", text)
