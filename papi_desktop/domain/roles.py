"""Accounts' roles and what each may do (issue 13 §1). Pure: the services check, storage keeps the name.

A database with no account yet (before its first admin is made, or an installation from before
accounts) has no roles: everything is allowed as it was. Once an account exists, every use needs a
login and each permission below is checked in the services that need it."""

from __future__ import annotations

COMMUNE_ROLES = ("staff", "leader", "admin")
PROVINCE_ROLES = ("province_officer", "province_admin")
ROLES = COMMUNE_ROLES + PROVINCE_ROLES

LABELS: dict[str, tuple[str, str]] = {
    "staff": ("Cán bộ, công chức (nhập liệu)", "Commune staff (data entry)"),
    "leader": ("Lãnh đạo UBND xã (ký số, xem đủ số định danh)", "Commune leader (signs, sees full ID numbers)"),
    "admin": ("Quản trị (tài khoản, cài đặt, khôi phục)", "Commune administrator"),
    "province_officer": ("Cán bộ tỉnh (xem, tổng hợp)", "Province officer (read, consolidate)"),
    "province_admin": ("Quản trị của tỉnh", "Province administrator"),
}

PERMISSIONS: dict[str, frozenset[str]] = {
    "staff": frozenset({"enter"}),
    "leader": frozenset({"enter", "sign", "see_ids", "erase"}),  # the program has no approval step: signing is it
    "admin": frozenset({"enter", "users", "settings", "restore", "erase"}),
    "province_officer": frozenset({"enter", "consolidate", "sign"}),
    "province_admin": frozenset({"enter", "consolidate", "users", "settings", "restore", "enrol", "erase"}),
}

WHAT: dict[str, tuple[str, str]] = {  # a permission as a refusal names it
    "enter": ("nhập, sửa dữ liệu", "enter or change data"),
    "sign": ("ký số văn bản", "sign documents"),
    "see_ids": ("xem đủ số định danh của công dân", "see citizens' full identity numbers"),
    "erase": ("xóa dữ liệu cá nhân của công dân", "erase a citizen's personal data"),
    "users": ("quản lý tài khoản", "manage accounts"),
    "settings": ("đổi cài đặt, khóa ký số, danh sách tin cậy", "change settings, signing keys and trust"),
    "restore": ("khôi phục từ bản sao lưu", "restore from a backup"),
    "consolidate": ("tổng hợp số liệu các xã", "consolidate the communes' figures"),
    "enrol": ("cấp, thu hồi chứng thư cho máy của xã", "issue and revoke the communes' PC certificates"),
}


def allowed(role: str, permission: str) -> bool:
    """role "" is a database without accounts: allowed, as before accounts existed."""
    return role == "" or permission in PERMISSIONS.get(role, frozenset())


def roles_for(province_mode: bool) -> tuple[str, ...]:
    return PROVINCE_ROLES if province_mode else COMMUNE_ROLES


def admin_role(province_mode: bool) -> str:
    return "province_admin" if province_mode else "admin"


def label(role: str, lang: str = "vi") -> str:
    vi, en = LABELS.get(role, (role, role))
    return en if lang == "en" else vi


def who_may(permission: str) -> list[str]:
    return [r for r in ROLES if permission in PERMISSIONS[r]]
