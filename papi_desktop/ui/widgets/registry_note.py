"""A line in a dialog that adds a list item, shown only on a PC that does not keep the commune's
registers: what it adds now may be renumbered or moved by the PC that does (services.positions), when
the two PCs both added one offline. The role is read in the database worker, never on the GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...services import registry
from ...services.handle import DataHandle
from ..workers import JobRunner, Latest


class RegistryNote(QLabel):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #8a5a00;")
        self.hide()

    def watch(self, runner: JobRunner | None, db: DataHandle | None) -> None:
        """Read the role and show the note if this PC does not keep the registers (without a database,
        nothing is shown)."""
        if runner is None or db is None:
            return
        self._read = Latest(runner, self)
        self._read.submit(lambda: registry.is_registry(db), lambda keeps: self.setVisible(not keeps),
                          lambda _exc: None)  # the note is a courtesy: a failed read shows nothing
