"""A lazy table model: holds only ids, exposes rows in pages as the view scrolls, loads a page of
data at a time through a service call, and keeps only the pages near the one last loaded (Anki's
browser model, Spyder's fetchMore).

With a JobRunner the pages load on the database thread: a row not loaded yet shows empty, and is
repainted when its page arrives. Without one (a model tested alone) a page loads when first read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ..workers import JobRunner

PAGE = 200
KEEP_PAGES = 8  # 1,600 rows: a screen of rows and the scrolling around it; farther pages are dropped
RowIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


class Indexed(NamedTuple):
    """Ids with the row of each: made in the database worker for a long list (indexed(ids))."""

    ids: list[str]
    rows: dict[str, int]


def indexed(ids: list[str]) -> Indexed:
    listed = list(ids)
    return Indexed(listed, {rid: i for i, rid in enumerate(listed)})


class LazyTableModel(QAbstractTableModel):
    """Subclasses set HEADERS (QT_TRANSLATE_NOOP'd, in CONTEXT) and the record attribute of each
    column in COLUMNS; they override display() where a column needs formatting.

    Signals:
        sig_page_loaded(int): a page (its number) arrived and its rows were repainted.
    """

    HEADERS: Sequence[str] = ()
    COLUMNS: Sequence[str] = ()
    CONTEXT = "LazyTableModel"
    sig_page_loaded = Signal(int)

    def __init__(self, load_rows: Callable[[list[str]], list[Any]], lang: str = "vi", parent=None,  # noqa: ANN001
                 runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self._load_rows = load_rows
        self._runner = runner
        self._ids: list[str] = []
        self._index: dict[str, int] = {}
        self._loaded = 0
        self._pages: dict[int, dict[str, Any]] = {}  # page number -> {id: record}
        self._asked: set[int] = set()  # pages on their way from the database thread
        self._generation = 0  # set_ids() makes the pages still on their way useless
        self.lang = lang
        self.pages_loaded = 0
        self.load_error = ""

    def set_ids(self, ids: list[str] | Indexed) -> None:
        """A new list (an Indexed one was made in the worker: 100,000 ids cost the GUI thread nothing)."""
        listed = ids if isinstance(ids, Indexed) else indexed(ids)
        self.beginResetModel()
        self._ids, self._index = listed.ids, listed.rows
        self._pages.clear()
        self._asked.clear()
        self._generation += 1
        self._loaded = min(PAGE, len(self._ids))
        self.endResetModel()

    def invalidate(self, row_id: str) -> None:
        """One record changed: its page is read again (what it shows stays until then) and only its
        row is repainted."""
        row = self.row_of(row_id)
        if row < 0:
            return
        page = row // PAGE
        if self._runner is None:
            self._pages.pop(page, None)
            if row < self._loaded:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        elif page in self._pages:
            self._asked.discard(page)
            self._ask(page)

    def row_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row_id: str) -> int:
        return self._index.get(row_id, -1)

    def total(self) -> int:
        return len(self._ids)

    def pages_held(self) -> list[int]:
        """The page numbers held in memory (tests: far pages are dropped)."""
        return sorted(self._pages)

    def loading(self) -> bool:
        return bool(self._asked)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        more = min(PAGE, len(self._ids) - self._loaded)
        if parent.isValid() or more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def item(self, row: int) -> Any:
        """The loaded record of a row, or None while its page is on its way (it is asked for now)."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE
        records = self._pages.get(page)
        if records is None:
            self._ask(page)
            records = self._pages.get(page)  # loaded at once without a runner
            if records is None:
                return None
        return records.get(self._ids[row])

    def _ask(self, page: int) -> None:
        if page in self._asked:
            return
        ids = self._ids[page * PAGE:(page + 1) * PAGE]
        generation = self._generation
        if self._runner is None:
            self._store(generation, page, self._load_rows(ids), repaint=False)  # inside data(): no signals
            return
        self._asked.add(page)
        self._runner.submit(lambda: self._load_rows(ids), lambda records: self._store(generation, page, records),
                            lambda exc: self._failed(generation, page, exc), owner=self)

    def _store(self, generation: int, page: int, records: list[Any], repaint: bool = True) -> None:
        if generation != self._generation:
            return  # read for an older list (a search typed on)
        self._asked.discard(page)
        self._pages[page] = {r.id: r for r in records}
        self.pages_loaded += 1
        # Drop the pages farthest from this one: memory stays bounded however far the view scrolls.
        while len(self._pages) > KEEP_PAGES:
            del self._pages[max(self._pages, key=lambda p: abs(p - page))]
        first, last = page * PAGE, min((page + 1) * PAGE, self._loaded) - 1
        if repaint and first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        if repaint:
            self.sig_page_loaded.emit(page)

    def _failed(self, generation: int, page: int, exc: BaseException) -> None:
        # The page stays asked (not retried at every repaint); the next set_ids() or invalidate() tries again.
        if generation == self._generation:
            from ..widgets.messages import error_text  # noqa: PLC0415 - logs a bug with its traceback

            self.load_error = error_text(exc)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or index.row() >= self._loaded:
            return None
        if role == RowIdRole:
            return self._ids[index.row()]
        record = self.item(index.row())
        if record is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return self.display(record, index.column(), role == SortRole)
        return self.extra(record, index.column(), role)

    def display(self, record: Any, col: int, for_sort: bool) -> object:
        value = getattr(record, self.COLUMNS[col])
        return value.replace("\n", " ") if isinstance(value, str) else value

    def extra(self, record: Any, col: int, role: int) -> object:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None
