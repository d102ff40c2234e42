"""A layout that wraps its widgets onto the next line when the row is too narrow (Qt's flow layout
example): button rows and filter bars stay whole on a 1280×720 screen instead of widening the window."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QLineEdit, QStyle, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new line; an item added with stretch=True takes the rest of its line.

    The minimum width is the widest item's, the height follows the width (heightForWidth), so a
    QVBoxLayout above gives the wrapped rows the height they need.
    """

    def __init__(self, parent: QWidget | None = None, margin: int = 0, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: set[int] = set()  # ids of items that take the rest of their line
        self._min_widths: dict[int, int] = {}
        self._heights: dict[int, int] = {}  # width -> height: Qt asks again and again while it lays out a page
        self.setContentsMargins(QMargins(margin, margin, margin, margin))
        self.setSpacing(spacing)

    def addWidget(self, widget: QWidget, stretch: bool = False, min_width: int = 0) -> None:  # noqa: N802
        """Add widget; with stretch it fills what its line leaves, never narrower than min_width."""
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        self._items.append(item)
        if stretch:
            self._stretch.add(id(item))
            self._min_widths[id(item)] = min_width
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.discard(id(item))
            self._heights.clear()
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._do_layout(QRect(0, 0, width, 0), test_only=True)
        return height

    def invalidate(self) -> None:
        """An item was added, or a widget's size hint changed (Qt invalidates its layouts then)."""
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._do_layout(rect, test_only=False)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Everything on one line."""
        m = self.contentsMargins()
        visible = [i for i in self._items if not i.isEmpty()]
        width = sum(self._item_width(i) for i in visible) + self._spacing() * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(QSize(self._item_width(item), item.minimumSize().height()))
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _item_width(self, item: QLayoutItem) -> int:
        if id(item) in self._stretch:
            return max(self._min_widths.get(id(item), 0), item.minimumSize().width())
        return item.sizeHint().width()

    def _spacing(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget() if self.parent() is not None else None
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)

    def _v_spacing(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget() if self.parent() is not None else None
        if parent is None:
            return 6
        spacing = parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutVerticalSpacing, None, parent)
        return spacing if spacing >= 0 else 6

    def _do_layout(self, rect: QRect, test_only: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        space_x, space_y = max(self._spacing(), 0), self._v_spacing()
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            width = self._item_width(item)
            if lines[-1] and used + space_x + width > area.width():
                lines.append([])
                used = 0
            used += (space_x if lines[-1] else 0) + width
            lines[-1].append(item)
        y = area.y()
        lines = [line for line in lines if line]
        for line in lines:
            widths = [min(self._item_width(i), area.width()) for i in line]
            spare = area.width() - sum(widths) - space_x * (len(line) - 1)
            stretchers = [k for k, i in enumerate(line) if id(i) in self._stretch]
            if stretchers and spare > 0:
                for n, k in enumerate(stretchers):
                    widths[k] += spare // len(stretchers) + (1 if n < spare % len(stretchers) else 0)
            height = max(i.sizeHint().height() for i in line)
            x = area.x()
            for item, width in zip(line, widths, strict=True):
                if not test_only:
                    h = min(item.sizeHint().height(), height)
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(width, h)))
                x += width + space_x
            y += height + space_y
        body = y - area.y() - space_y if lines else 0
        return body + m.top() + m.bottom()


def placeholder_width(edit: QLineEdit, most_chars: int = 60) -> int:
    """The width that shows edit's placeholder whole (with the clear button), at most most_chars wide:
    the minimum for a search field that stretches in a FlowLayout."""
    fm = edit.fontMetrics()
    return min(fm.horizontalAdvance(edit.placeholderText()) + 48, fm.horizontalAdvance("x" * most_chars))
