"""A horizontal stacked-bar chart: one bar per row, one colour per status, counts inside the segments.
Drawn with QPainter (Qt Charts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class StatusChart(QWidget):
    ROW = 26
    LABEL_WIDTH = 230

    def __init__(self, parent: QWidget | None = None, row: int = ROW) -> None:
        super().__init__(parent)
        self.row = row  # narrower where a page holds more (the province's overview)
        self.rows: list[tuple[str, dict[str, int]]] = []
        self.order: list[tuple[str, str, str]] = []  # (status, label, colour)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, rows: list[tuple[str, dict[str, int]]], order: list[tuple[str, str, str]]) -> None:
        self.rows, self.order = rows, order
        # Labels longer than their column are elided on the bars: here in full, with the counts.
        self.setToolTip("\n".join(label + ": " + ", ".join(f"{name} {counts.get(status, 0)}" for status, name, _c in order)
                                   for label, counts in rows))
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(700, (len(self.rows) + 1) * self.row + 16)

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(10, self.width() - self.LABEL_WIDTH - 20)
        most = max((sum(c.values()) for _l, c in self.rows), default=1) or 1
        for i, (label, counts) in enumerate(self.rows):
            y = 6 + i * self.row
            p.setPen(QPen(self.palette().windowText().color()))
            p.drawText(QRectF(4, y, self.LABEL_WIDTH - 10, self.row - 4),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       p.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, self.LABEL_WIDTH - 10))
            x = float(self.LABEL_WIDTH)
            for status, _name, colour in self.order:
                n = counts.get(status, 0)
                if not n:
                    continue
                w = width * n / most
                p.fillRect(QRectF(x, y + 2, w, self.row - 8), QColor(colour))
                p.setPen(QPen(QColor("white")))
                p.drawText(QRectF(x, y + 2, w, self.row - 8), Qt.AlignmentFlag.AlignCenter, str(n))
                x += w
        y = 6 + len(self.rows) * self.row
        x = float(self.LABEL_WIDTH)
        for _status, name, colour in self.order:  # the legend
            p.fillRect(QRectF(x, y + 6, 12, 12), QColor(colour))
            p.setPen(QPen(self.palette().windowText().color()))
            text_width = p.fontMetrics().horizontalAdvance(name) + 24
            p.drawText(QRectF(x + 16, y, text_width, self.row), Qt.AlignmentFlag.AlignVCenter, name)
            x += text_width
        p.end()
