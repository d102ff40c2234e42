"""Taking the commune's registers on this PC (services.registry.take_over): the dialog that says what it
means and asks the reason, and the line that warns of numbers another PC gave meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...services import registry
from ..widgets import sync_widgets as sw
from ..widgets.forms import ok_cancel_row
from ..widgets.messages import show_error


class TakeRegistryDialog(QDialog):
    """Opened window-modal (open(), not exec()): accepted only with a reason."""

    def __init__(self, parent: QWidget | None, device: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nhận vai trò giữ sổ cho máy này"))
        self.setMinimumWidth(520)
        text = QLabel(self.tr(
            "Chỉ làm việc này khi máy giữ sổ cũ đã hỏng hoặc thôi dùng.\n\n"
            "Từ nay số văn bản đi và số đơn chính thức của xã chỉ lấy trên máy %1, tiếp sau số lớn nhất máy này đã "
            "nhận được; các đơn số tạm nhận ở máy này được vào sổ ngay.\n\n"
            "Số máy giữ sổ cũ đã cấp mà chưa gửi sang thì máy này không thể biết: máy cũ phải thôi cấp số ngay. Nếu "
            "máy cũ còn chạy, hãy gửi hết dữ liệu của nó sang máy này trước, rồi cho nó thôi giữ sổ. Hai máy cùng giữ "
            "sổ thì số có thể trùng.\n\nViệc này vào nhật ký thao tác. Lý do:").replace("%1", device))
        text.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Ví dụ: máy giữ sổ cũ hỏng ổ cứng ngày 10/6"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addLayout(ok_cancel_row(self, self.tr("Nhận vai trò giữ sổ")))

    def accept(self) -> None:
        if not self.reason.text().strip():
            show_error(self, self.tr("Hãy ghi lý do nhận vai trò giữ sổ."))
            return
        super().accept()


def warning_text(role: registry.Role) -> str:
    """Numbers another PC gave while this one kept the registers: two PCs keep them (empty: none)."""
    if not role.keeps or not role.foreign_count:
        return ""
    what = {"document": QCoreApplication.translate("RegistryWarning", "văn bản đi"),
            "petition": QCoreApplication.translate("RegistryWarning", "đơn")}
    one = QCoreApplication.translate("RegistryWarning", "%1 %2 (máy %3, %4)")
    shown = "; ".join(one.replace("%1", what.get(f.what, f.what)).replace("%2", f.number).replace("%3", f.device)
                      .replace("%4", sw.when(f.at_utc)) for f in role.foreign[:10])
    more = role.foreign_count > min(len(role.foreign), 10)
    text = QCoreApplication.translate(
        "RegistryWarning", "Cảnh báo: máy khác cũng cấp số của xã trong khi máy này giữ sổ (%1 số): %2%3. Hai máy cùng "
        "giữ sổ thì số có thể trùng: chỉ một máy được giữ sổ; máy kia phải thôi vai trò và gửi hết dữ liệu sang đây. "
        "Hãy kiểm tra các số trùng trong sổ.")
    return text.replace("%1", str(role.foreign_count)).replace("%2", shown).replace("%3", "…" if more else "")
