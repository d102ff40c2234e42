"""Numbers as Vietnamese documents write them: dots between thousands, counts below 10 padded."""

from __future__ import annotations

import re

from .errors import KnownError

_WHOLE = re.compile(r"^([0-9]+|[0-9]{1,3}(\.[0-9]{3})+)$")
# Beyond this no amount is real, and SQLite's integers (64-bit) could not hold sums of them.
_MAX_AMOUNT = 10**18


def group_vn(value: int) -> str:
    """1234567 -> '1.234.567'; -1500 -> '-1.500'."""
    return f"{value:,}".replace(",", ".")


def count_vn(value: int) -> str:
    """A count in a report's sentence: '04 đoàn', '75 lượt', '1.234 công dân'."""
    return f"{value:02d}" if 0 <= value < 10 else group_vn(value)


def parse_amount(text: object, field: str = "số tiền") -> int | None:
    """An amount in đồng as typed or stored in Excel: 1234567, 1.234.567, '1 234 567', 1234567.0.

    Returns None for an empty cell; a fraction of a đồng or words are a clear error.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise KnownError(f"{field.capitalize()} “{text}” không phải số.", f"Amount “{text}” is not a number.")
    if isinstance(text, int | float) and not -_MAX_AMOUNT < text < _MAX_AMOUNT:  # inf and nan fail too
        raise _too_large(field, text)
    if isinstance(text, int):
        return text
    if isinstance(text, float):
        if not text.is_integer():
            raise KnownError(f"{field.capitalize()} “{text}” có phần lẻ dưới 1 đồng.",
                             f"Amount “{text}” has a fraction of a đồng.")
        return int(text)
    raw = str(text).strip()
    if not raw or raw in {"-", "–"}:
        return None
    negative = raw.startswith("-") or (raw.startswith("(") and raw.endswith(")"))
    digits = raw.strip("()-– ").replace(" ", "").replace("\u00a0", "")
    if _WHOLE.match(digits):
        value = _bounded(digits, field, raw)
        return -value if negative else value
    raise KnownError(f"{field.capitalize()} “{raw}” không đúng: ghi số đồng nguyên, phân cách hàng nghìn bằng "
                     "dấu chấm (ví dụ 1.234.567).",
                     f"Amount “{raw}” is not valid: write whole đồng, thousands separated by dots (1.234.567).")


def _too_large(field: str, raw: object) -> KnownError:
    return KnownError(f"{field.capitalize()} “{str(raw)[:40]}” lớn quá mức có thể có.",
                      f"Amount “{str(raw)[:40]}” is larger than any real amount.")


def _bounded(digits: str, field: str, raw: str) -> int:
    """Digits (thousands dots allowed) as an int, refused past _MAX_AMOUNT before int() sees 4,300 digits."""
    plain = digits.replace(".", "")
    if len(plain) > 19 or int(plain) >= _MAX_AMOUNT:
        raise _too_large(field, raw)
    return int(plain)


def parse_count(text: object, field_vi: str, field_en: str, low: int, high: int) -> int | None:
    """A count typed in a cell (people, household members): a whole number from low to high, thousands
    separated by dots ("1.200"). None for an empty cell; "-3", "7.5", "1e309", "abc", "10^30" are errors."""
    if text is None:
        return None
    raw = str(text).strip()
    if not raw:
        return None
    value: int | None = None
    if isinstance(text, int) and not isinstance(text, bool):
        value = text
    elif isinstance(text, float) and text.is_integer():
        value = int(text)
    else:
        digits = raw.replace(" ", "").replace("\u00a0", "")
        if _WHOLE.match(digits) and len(digits) <= 24:
            value = int(digits.replace(".", ""))
    if value is None or not low <= value <= high:
        raise KnownError(f"{field_vi.capitalize()} “{raw[:40]}” không đúng: ghi số nguyên từ {group_vn(low)} đến "
                         f"{group_vn(high)}.",
                         f"{field_en.capitalize()} “{raw[:40]}” is not valid: write a whole number from {low} to "
                         f"{high}.")
    return value
