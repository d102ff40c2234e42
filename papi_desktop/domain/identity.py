"""Citizen identity numbers: the 12-digit CCCD / personal identification number.

Digits 1–3: province (or country) of birth registration; digit 4: century and sex
(1900s male 0 / female 1, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9); digits 5–6:
the last two digits of the birth year; then 6 random digits. There is no check digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = re.compile(r"^\d{12}$")


@dataclass(frozen=True)
class IdCheck:
    ok: bool
    vi: str = ""
    en: str = ""
    birth_year: int | None = None
    sex: str | None = None  # "nam" | "nu"


def check_cccd(number: str, province_codes: set[str], birth_year: int | None = None) -> IdCheck:
    number = (number or "").replace(" ", "").replace(".", "")
    if not _DIGITS.match(number):
        return IdCheck(False, "Số CCCD phải gồm đúng 12 chữ số.", "A CCCD number has exactly 12 digits.")
    if number[:3] not in province_codes:
        return IdCheck(False, f"Mã tỉnh “{number[:3]}” ở 3 số đầu của CCCD không tồn tại.",
                       f"Province code “{number[:3]}” in the first 3 digits does not exist.")
    century_sex = int(number[3])
    century = 1900 + 100 * (century_sex // 2)
    year = century + int(number[4:6])
    sex = "nam" if century_sex % 2 == 0 else "nu"
    if birth_year is not None and birth_year != year:
        return IdCheck(False, f"Số CCCD ghi năm sinh {year}, không khớp với năm sinh đã nhập {birth_year}.",
                       f"The CCCD encodes birth year {year}, not the {birth_year} entered.", year, sex)
    return IdCheck(True, birth_year=year, sex=sex)


def mask(number: str) -> str:
    """Lists and exports that do not need the number show only its last 3 digits."""
    number = (number or "").strip()
    if len(number) <= 3:
        return "*" * len(number)
    return "*" * (len(number) - 3) + number[-3:]
