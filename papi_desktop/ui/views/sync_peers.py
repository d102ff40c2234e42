"""The commune's other PCs on the Đồng bộ page: write this PC's signed card, add another PC's card,
and ask for a bundle written for one of them (the commune view writes it, as for the province)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services import sync
from ...services.handle import DataHandle
from ..models.sync_models import RowsModel
from ..widgets import sync_widgets as sw
from ..widgets.messages import show_error
from ..widgets.role_gate import RoleGate
from ..widgets.tables import readonly_table

HEADERS = (QT_TRANSLATE_NOOP("PeersTab", "Máy"), QT_TRANSLATE_NOOP("PeersTab", "Thay đổi chờ gửi cho máy đó"))


class PeersTab(QWidget):
    """Signals:
        sig_send(str): write a bundle for this device (another PC of the commune).
    """

    sig_send = Signal(str)

    def __init__(self, db: DataHandle, owner: sw.SyncView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.owner = db, owner  # the commune view: its one job at a time, its result line
        self.device = ""  # this PC's, for the card's file name
        self.model = RowsModel("PeersTab", HEADERS, (1,), parent=self)
        self.view = readonly_table(self.model)
        self.view.setColumnWidth(0, 200)
        self.view.setColumnWidth(1, 260)
        self.card_button = QPushButton(self.tr("Ghi thẻ của máy này…"))
        self.add_button = QPushButton(self.tr("Thêm máy từ thẻ…"))
        self.send_button = QPushButton(self.tr("Gửi cho máy khác…"))
        hint = QLabel(self.tr("Xã dùng hai máy trở lên: mỗi máy ghi thẻ của mình, máy kia thêm thẻ đó; sau đó hai máy "
                              "trao đổi gói dữ liệu qua USB như với tỉnh."))
        hint.setWordWrap(True)
        row = QHBoxLayout()
        for b in (self.card_button, self.add_button, self.send_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        adding = RoleGate(db, "settings").hold(self.add_button)  # which PCs share the commune's data
        self.buttons = [self.card_button, *([self.add_button] if adding.allowed else []), self.send_button]
        self.card_button.clicked.connect(lambda: self.write_card())
        self.add_button.clicked.connect(lambda: self.add_peer())
        self.send_button.clicked.connect(lambda: self.send())

    def set_peers(self, device: str, peers: list[tuple[str, int]]) -> None:
        self.device = device
        self.model.set_rows([(d, [d, n], "") for d, n in peers])

    def write_card(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu thẻ của máy này (chép sang máy kia của xã)"),
                                              f"the-may-{self.device}.card.papi", self.tr("Thẻ máy (*.papi)"))
        if not name:
            return
        passphrase = sw.ask_passphrase(self, self.tr("Mật khẩu khóa của máy này (để ký thẻ máy)."))
        if passphrase is None:
            return
        self.owner.write_file("card", Path(name), lambda: sync.peer_card(self.db, passphrase), self.tr(
            "Đã ghi thẻ của máy này: %1. Chép thẻ sang máy kia của xã và bấm “Thêm máy từ thẻ” ở đó."))

    def add_peer(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn thẻ của máy kia"), "", self.tr("Thẻ máy (*.papi)"))
        if name:
            self.owner.jobs.run(lambda _p, _t: sync.add_peer(self.db, Path(name)), lambda info: self.owner.say(
                "peer", self.tr("Đã thêm máy %1 (%2). Từ nay có thể gửi gói dữ liệu cho máy đó bằng “Gửi cho máy "
                                "khác”.").replace("%1", info.device).replace("%2", info.subject.get("CN", "")), info),
                failed=self.owner.failed("peer"))

    def send(self) -> None:
        index = self.view.currentIndex()
        device = self.model.row_id(index.row()) if index.isValid() else None
        if device is None and self.model.rowCount() == 1:
            device = self.model.row_id(0)
        if device is None:
            show_error(self, self.tr("Hãy chọn máy nhận trong danh sách máy khác của xã (thêm thẻ của máy đó trước "
                                     "nếu danh sách trống)."))
            return
        self.sig_send.emit(device)
