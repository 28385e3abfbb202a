"""A small editable table of records (goals, accommodation needs, hours steps).

These lists hold a handful of rows, edited in place with real input widgets so that
each cell gets its own accessible name, placeholder and keyboard handling.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

W = TypeVar("W", bound=QWidget)


@dataclass
class Column(Generic[W]):
    """One column: ``make`` builds a cell's widget from a stored value, ``read`` reads
    the value back from that same kind of widget."""

    key: str
    title: str
    make: Callable[[Any], W]
    read: Callable[[W], Any]
    stretch: bool = False


class RowTable(QWidget):
    def __init__(
        self,
        columns: list[Column[Any]],
        *,
        add_text: str,
        name: str,
        reorder: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.table = QTableWidget(0, len(columns))
        self.table.setAccessibleName(name)
        self.table.setHorizontalHeaderLabels([c.title for c in columns])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(120)
        header = self.table.horizontalHeader()
        for i, c in enumerate(columns):
            # A fixed column is sized by _fit_columns from its widgets: ResizeToContents
            # measures item text only, and cut the combo boxes and dates off (issue 14).
            header.setSectionResizeMode(
                i, QHeaderView.ResizeMode.Stretch if c.stretch else QHeaderView.ResizeMode.Fixed
            )
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(lambda: self.add_row({}, focus=True))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        if reorder:
            up = QPushButton(self.tr("Move up"))
            up.clicked.connect(lambda: self.move_row(-1))
            down = QPushButton(self.tr("Move down"))
            down.clicked.connect(lambda: self.move_row(1))
            buttons.addWidget(up)
            buttons.addWidget(down)
        buttons.addStretch()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.on_change: Callable[[], None] = lambda: None

    def add_row(self, values: dict[str, Any], *, focus: bool = False) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self._fill(r, values)
        self.table.resizeRowToContents(r)
        self._fit_columns()
        if focus:
            self.table.selectRow(r)
            w = self.table.cellWidget(r, 0)
            if w is not None:
                w.setFocus()
        self.on_change()

    def _fill(self, r: int, values: dict[str, Any]) -> None:
        for c, col in enumerate(self.columns):
            w = col.make(values.get(col.key))
            w.setAccessibleName(col.title)
            self.table.setCellWidget(r, c, w)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        for c, col in enumerate(self.columns):
            if col.stretch:
                continue
            want = header.sectionSizeHint(c)
            for r in range(self.table.rowCount()):
                w = self.table.cellWidget(r, c)
                if w is not None:
                    want = max(want, w.sizeHint().width())
            header.resizeSection(c, want)

    def row_values(self, r: int) -> dict[str, Any]:
        return {
            col.key: col.read(self.table.cellWidget(r, c)) for c, col in enumerate(self.columns)
        }

    def rows(self) -> list[dict[str, Any]]:
        return [self.row_values(r) for r in range(self.table.rowCount())]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.table.setRowCount(0)
        for v in rows:
            self.add_row(v)

    def _current(self) -> int:
        r = self.table.currentRow()
        if r < 0:
            focus = self.table.focusWidget()
            for i in range(self.table.rowCount()):
                for c in range(len(self.columns)):
                    w = self.table.cellWidget(i, c)
                    if w is not None and (w is focus or w.isAncestorOf(focus)):
                        return i
        return r

    def remove_current(self) -> None:
        r = self._current()
        if r >= 0:
            self.table.removeRow(r)
            self.on_change()

    def move_row(self, step: int) -> None:
        """Swap the current row with the one ``step`` rows away (not QWidget.move)."""
        r = self._current()
        other = r + step
        if r < 0 or not 0 <= other < self.table.rowCount():
            return
        a, b = self.row_values(r), self.row_values(other)
        self._fill(r, b)
        self._fill(other, a)
        self.table.selectRow(other)
        self.on_change()

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
        for b in self.findChildren(QPushButton):
            b.setVisible(not read_only)
        for r in range(self.table.rowCount()):
            for c in range(len(self.columns)):
                w = self.table.cellWidget(r, c)
                if w is not None:
                    w.setEnabled(not read_only)
