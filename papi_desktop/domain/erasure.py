"""What an erasure of a citizen's personal data names (services.personal_data): the reasons, as the audit
entry keeps them (a code, never a citizen's words), and what one record of each citizen table is."""

from __future__ import annotations

REASONS: dict[str, tuple[str, str]] = {  # why, as the audit entry keeps it (a code: never a citizen's words)
    "citizen_request": ("Công dân yêu cầu xóa", "The citizen asked for erasure"),
    "consent_withdrawn": ("Công dân rút lại sự đồng ý", "The citizen withdrew consent"),
    "retention_over": ("Hết thời hạn lưu trữ", "The retention period is over"),
    "wrongly_collected": ("Thu thập không đúng mục đích", "Collected beyond its purpose"),
}
TABLES: dict[str, tuple[str, str]] = {  # what one record of each citizen table is
    "reception_citizen": ("công dân được tiếp", "citizen received"),
    "petition": ("người gửi đơn", "petition sender"),
    "poverty_household": ("hộ trong danh sách nghèo", "household in the poverty list"),
    "poverty_objection": ("người khiếu nại danh sách nghèo", "objection sender"),
    "posting_feedback": ("người góp ý niêm yết", "posting feedback sender"),
    "dialogue_issue": ("người nêu ý kiến đối thoại", "dialogue speaker"),
}
