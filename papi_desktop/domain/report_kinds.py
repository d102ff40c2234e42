"""The official documents the program writes: kind -> (symbol of its number, or None for a register that
takes no number; Vietnamese name; English name). Kept here, light, for the command line's parser."""

from __future__ import annotations

KINDS: dict[str, tuple[str | None, str, str]] = {
    "papi-6m": ("BC-UBND", "Báo cáo kết quả thực hiện Kế hoạch PAPI 6 tháng", "PAPI six-month report"),
    "papi-year": ("BC-UBND", "Báo cáo kết quả thực hiện Kế hoạch PAPI năm", "PAPI annual report"),
    "reception-book": (None, "Sổ tiếp công dân (Mẫu 03/TCD)", "Citizen reception book"),
    "petitions": ("BC-UBND", "Báo cáo tiếp công dân, xử lý đơn thư", "Petition statistics"),
    "disclosures": ("TB-UBND", "Danh mục thông tin đã công khai", "List of disclosures"),
    "dialogue-minutes": ("BB-UBND", "Biên bản hội nghị đối thoại", "Dialogue minutes"),
}
