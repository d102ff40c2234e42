"""A period code as people read it: "2026-H1" is "6 tháng đầu năm 2026" on screen and in documents,
"First half of 2026" in the English UI. Codes stay as stored; only what is shown changes."""

from __future__ import annotations

import re

# Year; six-month (H1 = the province's six-month report, H2); quarter; nine months (budget execution);
# the annual report ("Y", same words as a plain year); a month ("2026-03").
_CODE = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|9M|Y|0[1-9]|1[0-2]))?$")
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def _vietnamese(year: str, part: str) -> str:
    """The reports' wording (services/reports.py): "6 tháng đầu năm 2026", "quý I năm 2026", "năm 2026"."""
    if part == "H1":
        return f"6 tháng đầu năm {year}"
    if part == "H2":
        return f"6 tháng cuối năm {year}"
    if part.startswith("Q"):
        return f"quý {_ROMAN[part[1]]} năm {year}"
    if part == "9M":
        return f"9 tháng năm {year}"
    if part.isdigit():  # months 1 and 2 padded, as Nghị định 30/2020 writes them in a date
        month = int(part)
        return f"tháng {month:02d} năm {year}" if month < 3 else f"tháng {month} năm {year}"
    return f"năm {year}"


def _english(year: str, part: str) -> str:
    if part == "H1":
        return f"first half of {year}"
    if part == "H2":
        return f"second half of {year}"
    if part.startswith("Q"):
        return f"Q{part[1]} {year}"
    if part == "9M":
        return f"first nine months of {year}"
    if part.isdigit():
        return f"{_MONTHS_EN[int(part) - 1]} {year}"
    return f"year {year}"


def period_name(code: str, lang: str = "vi", *, in_sentence: bool = False) -> str:
    """'2026-Q1' -> 'Quý I năm 2026' / 'Q1 2026'; '2026-H1' -> '6 tháng đầu năm 2026' / 'First half of
    2026'; '2026' and '2026-Y' -> 'Năm 2026' / 'Year 2026'. in_sentence: lower case where a sentence goes
    on ("Công khai quý I năm 2026"). A code it does not know is returned as it is."""
    found = _CODE.match(code.strip())
    if not found:
        return code
    year, part = found[1], found[2] or ""
    text = _english(year, part) if lang == "en" else _vietnamese(year, part)
    return text if in_sentence else text[:1].upper() + text[1:]
