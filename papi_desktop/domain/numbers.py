"""Numbers as Vietnamese documents write them: dots between thousands, counts below 10 padded."""

from __future__ import annotations

import re

from .errors import KnownError

_WHOLE = re.compile(r"^(\d+|\d{1,3}(\.\d{3})+)$")


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
        value = int(digits.replace(".", ""))
        return -value if negative else value
    raise KnownError(f"{field.capitalize()} “{raw}” không đúng: ghi số đồng nguyên, phân cách hàng nghìn bằng "
                     "dấu chấm (ví dụ 1.234.567).",
                     f"Amount “{raw}” is not valid: write whole đồng, thousands separated by dots (1.234.567).")
