"""Small charts a director reads at a glance, drawn with QPainter (Qt Charts is not in
PySide6-Essentials): a figure tile, and one horizontal bar split into shares with a legend."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

COLOURS = {"done": "#2e7d32", "on_time": "#2e7d32", "in_progress": "#1565c0", "late": "#ef6c00",
           "overdue": "#c62828", "missing": "#c62828", "not_started": "#9e9e9e", "not_due": "#9e9e9e"}


class Tile(QFrame):
    """A big number with its caption under it ("12/75" over "báo cáo đã nhận")."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, text: str, colour: str = "") -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")


class ShareBar(QWidget):
    """One bar split into coloured shares (counts written inside), the legend below it."""

    HEIGHT = 30

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts: list[tuple[str, int, str]] = []  # (label, count, colour)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.HEIGHT + 30)

    def set_parts(self, parts: list[tuple[str, int, str]]) -> None:
        self.parts = parts
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, self.HEIGHT + 30)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = sum(n for _l, n, _c in self.parts)
        width = max(10.0, self.width() - 8.0)
        x = 4.0
        text = QPen(self.palette().windowText().color())
        if not total:
            p.setPen(text)
            p.drawRect(QRectF(4, 2, width, self.HEIGHT - 4))
        for _label, n, colour in self.parts:
            if not n:
                continue
            w = width * n / total
            p.fillRect(QRectF(x, 2, w, self.HEIGHT - 4), QColor(colour))
            p.setPen(QPen(QColor("white")))
            p.drawText(QRectF(x, 2, w, self.HEIGHT - 4), Qt.AlignmentFlag.AlignCenter, str(n))
            x += w
        x = 4.0
        for label, n, colour in self.parts:  # the legend
            p.fillRect(QRectF(x, self.HEIGHT + 8, 12, 12), QColor(colour))
            p.setPen(text)
            name = f"{label} ({n})"
            advance = p.fontMetrics().horizontalAdvance(name) + 28
            p.drawText(QRectF(x + 16, self.HEIGHT + 2, advance, 24), Qt.AlignmentFlag.AlignVCenter, name)
            x += advance
        p.end()
