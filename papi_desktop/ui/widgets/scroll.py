"""Panels taller than a 1280×720 screen scroll inside their page instead of stretching the window."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(widget: QWidget) -> QScrollArea:
    """widget in a frameless scroll area that gives it the area's width and at least its minimum size:
    scroll bars appear only when the area is smaller than that."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area
