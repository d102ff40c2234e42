"""Map a section title of a plan appendix to one of the 8 PAPI dimensions by its name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import fold


@dataclass(frozen=True)
class Dimension:
    number: int
    name_vi: str
    name_en: str
    keys: tuple[str, ...]  # folded key phrases that identify the dimension in a title
    sub: tuple[tuple[str, str], ...] = field(default=())

    def name(self, lang: str = "vi") -> str:
        return self.name_en if lang == "en" else self.name_vi


_ROMAN_PREFIX = re.compile(r"^\s*(?:[ivx]+|\d+)\s*[.:)\-–]?\s+", re.IGNORECASE)
_NOISE = re.compile(r"^(?:noi dung|chi so noi dung|chi so|linh vuc)\s+")


def match_dimension(title: str, dimensions: list[Dimension]) -> Dimension | None:
    """The dimension whose name or a key phrase best matches the title, or None.

    Tolerant of numbering ("I."), the "Nội dung “…”" wrapper, quotes, case and
    accents, and of wording variants ("… trong hoạch định chính sách" vs
    "… trong việc ra quyết định ở địa phương"): the longest matching key wins.
    """
    folded = fold(title)
    folded = _ROMAN_PREFIX.sub("", folded)
    folded = re.sub(r"[\"“”'‘’«»]", "", folded)
    folded = _NOISE.sub("", folded).strip(" .:")
    if not folded:
        return None
    best: tuple[int, Dimension] | None = None
    for dim in dimensions:
        candidates = (fold(dim.name_vi), *dim.keys)
        for key in candidates:
            if key and key in folded:
                score = len(key) + (1000 if folded == key else 0)
                if best is None or score > best[0]:
                    best = (score, dim)
    return best[1] if best else None
