"""Small builders the pages share: a read-only table view over a model, a year chooser, column sizing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFontMetrics, QStandardItem
from PySide6.QtWidgets import QComboBox, QHeaderView, QStyle, QTableView


def readonly_table(model: QAbstractItemModel, stretch: int | None = None) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    if stretch is not None:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def year_combo(this_year: int, label: Callable[[int], str] = str, ahead: int = 0, back: int = 3,
               any_label: str | None = None) -> QComboBox:
    """Years from this_year + ahead down to this_year - back, this year selected; optionally "any year" first."""
    combo = QComboBox()
    if any_label:
        combo.addItem(any_label, None)
    for y in range(this_year + ahead, this_year - back - 1, -1):
        combo.addItem(label(y), y)
    combo.setCurrentIndex(combo.findData(this_year))
    return combo


def fit_columns(view: QTableView, contents: Iterable[int] = (), stretch: int | None = None) -> None:
    """Columns in contents take the width of their widest cell and header (numbers, dates, codes: never
    cut); stretch takes what is left. Call again after the model's columns are rebuilt (clear())."""
    header = view.horizontalHeader()
    for col in contents:
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def text_columns(view: QTableView, samples: dict[int, str | int]) -> None:
    """Widths from sample texts ("00/00/0000", a status name) in the view's font, or in pixels, never
    narrower than the header's text; for lazy models, where ResizeToContents would fetch every row."""
    header = view.horizontalHeader()
    fm = view.fontMetrics()
    pad = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 14
    for col, sample in samples.items():
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        wanted = sample if isinstance(sample, int) else fm.horizontalAdvance(sample) + pad
        view.setColumnWidth(col, max(wanted, header.sectionSizeHint(col)))


class NarrowColumns(QObject):
    """Hides the optional columns, first listed first, while the stretch column would get less than
    min_width; shows them again when the view is wide enough. What they hold stays in the tooltips
    and the detail panel; the columns that remain are never cut to make room."""

    def __init__(self, view: QTableView, stretch: int, optional: Sequence[int], min_width: int) -> None:
        super().__init__(view)
        self.view, self.stretch, self.optional, self.min_width = view, stretch, list(optional), min_width
        self.widths = {col: view.columnWidth(col) for col in self.optional}
        view.horizontalHeader().sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        self.update()

    def _resized(self, col: int, _old: int, new: int) -> None:
        if col in self.widths and new > 0:
            self.widths[col] = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.update()
        return False

    def update(self) -> None:
        view = self.view
        columns = view.model().columnCount()
        always = sum(view.columnWidth(c) for c in range(columns)
                     if c != self.stretch and c not in self.optional and not view.isColumnHidden(c))
        room = view.viewport().width() - always - self.min_width
        keep: set[int] = set()
        for col in reversed(self.optional):  # the last listed is hidden last
            if self.widths[col] > room:
                break
            room -= self.widths[col]
            keep.add(col)
        for col in self.optional:
            hidden = col not in keep
            if view.isColumnHidden(col) != hidden:
                view.setColumnHidden(col, hidden)
                if not hidden:
                    view.setColumnWidth(col, self.widths[col])


def widest_cell(view: QTableView, col: int) -> int:
    """The width the widest text of column col needs in the view's font (tests: nothing is cut)."""
    model = view.model()
    widest = 0
    for row in range(model.rowCount()):
        index = model.index(row, col)
        text = str(model.data(index) or "")
        font = model.data(index, Qt.ItemDataRole.FontRole)
        fm = QFontMetrics(font) if font is not None else view.fontMetrics()
        widest = max(widest, fm.horizontalAdvance(text))
    return widest


def align_right(item: QStandardItem) -> QStandardItem:
    """A number's cell: right-aligned, so digits line up."""
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item

def show_row(table: QTableView, row: int) -> None:
    """Scroll a lazy list to one of its rows and make it current, as a click would: the rows before it
    are exposed first (their data is read only for what comes into sight)."""
    model = table.model()
    if row < 0:
        return
    while model.rowCount() <= row and model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    if row >= model.rowCount():
        return
    index = model.index(row, 0)
    flags = QItemSelectionModel.SelectionFlag
    table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
    table.scrollTo(index, QTableView.ScrollHint.PositionAtCenter)
