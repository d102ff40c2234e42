"""Controls the logged-in role may not use (issue 13 §1): disabled, with a tooltip and a note that name
the right and the roles that have it. The services refuse anyway; this keeps the window from offering
what it would refuse. The role is what the login set on the handle: no database read, and a log-out
starts the window again, so it holds for the window's life."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from ...domain import roles
from ...services import accounts
from ...services.handle import DataHandle
from .messages import current_lang


class RoleGate:
    def __init__(self, db: DataHandle, *permissions: str) -> None:
        missing = [p for p in permissions if not accounts.may(db, p)]
        self.allowed = not missing
        self.reason = _reason(db, missing[0]) if missing else ""
        self.short = _short(db, missing[0]) if missing else ""

    def hold(self, *widgets: QWidget) -> RoleGate:
        """Disable the widgets for good when the role lacks the right (their tooltip says why)."""
        if not self.allowed:
            for widget in widgets:
                widget.setEnabled(False)
                widget.setToolTip(self.reason)
        return self

    def enable(self, widget: QWidget, wanted: bool) -> None:
        """For code that enables a control as the state changes (a row selected): never past the role."""
        widget.setEnabled(wanted and self.allowed)

    def note(self) -> QLabel:
        """A line for the top of a box (the tooltips say the rest): hidden when the role has the right."""
        label = QLabel(self.short)
        label.setWordWrap(True)
        label.setStyleSheet("color: #8a5a00;")
        label.setVisible(not self.allowed)
        return label


def _who(db: DataHandle, permission: str, lang: str) -> str:
    """The roles of this kind of installation (a commune's or the province's) that have the right."""
    kind = roles.PROVINCE_ROLES if db.role in roles.PROVINCE_ROLES else roles.COMMUNE_ROLES
    who = [r for r in roles.who_may(permission) if r in kind] or roles.who_may(permission)
    return ", ".join(roles.label(r, lang) for r in who)


def _short(db: DataHandle, permission: str) -> str:
    text = QCoreApplication.translate("RoleGate", "Chỉ xem: phần này chỉ %1 thay đổi được.")
    return text.replace("%1", _who(db, permission, current_lang()))


def _reason(db: DataHandle, permission: str) -> str:
    en = current_lang() == "en"
    what = roles.WHAT.get(permission, (permission, permission))[1 if en else 0]
    who = _who(db, permission, "en" if en else "vi")
    text = QCoreApplication.translate("RoleGate", "Tài khoản %1 (%2) không có quyền %3. Quyền này thuộc: %4.")
    return (text.replace("%1", db.user).replace("%2", roles.label(db.role, "en" if en else "vi"))
            .replace("%3", what).replace("%4", who))
