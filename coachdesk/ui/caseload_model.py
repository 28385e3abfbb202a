"""The caseload table: a model over precomputed rows and a proxy that filters cheaply.

Rows come from store.caseload.load_caseload (a fixed number of queries). A row's display
text is made the first time the row is painted and kept; a column's sort keys the first
time the table is sorted by that column. Loading 10,000 rows therefore formats only the
thirty or so on screen, and scrolling and re-sorting do no repeated work.
"""

from __future__ import annotations

import datetime as dt
from itertools import islice
from operator import attrgetter, le
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from coachdesk.store.caseload import CaseloadRow, search_text
from coachdesk.ui import labels

COLUMNS = ("name", "ref", "status", "week", "due", "last_session", "pss")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROW = int(ROW_ROLE)
_SORT = int(SORT_ROLE)
_SERVED = frozenset({_DISPLAY, _FONT, _TOOLTIP, _ROW, _SORT})
_DUE_COLUMN = COLUMNS.index("due")
_TYPED_COLUMNS = 2  # name and ref: typed by the coach, in any script

Index = QModelIndex | QPersistentModelIndex


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("Caseload", "Name"),
        QCoreApplication.translate("Caseload", "Ref"),
        QCoreApplication.translate("Caseload", "Status"),
        QCoreApplication.translate("Caseload", "Course week"),
        QCoreApplication.translate("Caseload", "Next due"),
        QCoreApplication.translate("Caseload", "Last session"),
        QCoreApplication.translate("Caseload", "PSS-10 before → after"),
    ]


def without_shaping(font: QFont) -> QFont:
    """``font`` set to skip OpenType shaping (kerning, ligatures, mark placement, joining).

    The caseload table uses it: shaping was a third of each repaint, and each keystroke
    in the search repaints the table. Skipping it is only right for simple text (Qt
    then draws Arabic letters unjoined and stacks no accents: seen, and tested), so the
    model gives every name or ref that needs shaping a font that does it
    (``needs_shaping``).
    """
    font = QFont(font)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


# Beyond Latin Extended-B, only these draw right without shaping (the app's own labels
# use them). Latin Extended Additional (U+1E00-1EFF: precomposed Vietnamese, Welsh)
# is one glyph per letter as well.
_SIMPLE = frozenset("–—‘’“”…·→−•")


def needs_shaping(text: str) -> bool:
    """True when ``text`` is drawn right only with OpenType shaping: any letter or mark
    outside Latin, a combining accent, a joining script, an emoji."""
    return any(
        ord(ch) > 0x24F and not 0x1E00 <= ord(ch) <= 0x1EFF and ch not in _SIMPLE for ch in text
    )


def _pss_text(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return ""
    b = "–" if before is None else str(before)
    a = "…" if after is None else str(after)
    return f"{b} → {a}"


class CaseloadModel(QAbstractTableModel):
    """The whole caseload, with the search and filters applied here.

    Filtering lives in the model, not in QSortFilterProxyModel.filterAcceptsRow: that
    would call into Python once per row per filter change (about 19 ms at 10,000 rows,
    three times per keystroke). Here one list comprehension over precomputed lower-case
    keys does it (about 1 ms), and typing more letters only narrows the rows already
    shown. With sorting done here too, the view needs no proxy at all, which also spares
    every paint the proxy's index mapping.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseloadRow] = []
        self._complete = True  # False: _rows is the first page (complete_rows brings the rest)
        self._text: list[tuple[Any, ...] | None] = []  # made when a row is first painted
        self._keys: dict[int, list[Any]] = {}  # column -> sort keys, made at its first sort
        self._statuses: dict[str, str] | None = None
        self._flt: tuple[list[str], list[str], list[bool]] | None = None
        self._vis: list[int] = []  # indexes into the lists above, in their order
        self._filter: tuple[str, str | None, bool] = ("", None, False)
        self._headers = _headers()
        self._bold = without_shaping(QFont())  # as the table's own font (caseload_view)
        self._bold.setBold(True)
        # For names that need shaping. The strategy is set explicitly: the delegate
        # resolves a cell's font against the table's, and an unset one would inherit
        # the table's PreferNoShaping.
        self._shaped = QFont()
        self._shaped.setStyleStrategy(QFont.StyleStrategy.PreferDefault)

    def set_rows(self, rows: list[CaseloadRow], *, complete: bool = True) -> None:
        """``rows`` to show; ``complete`` False: they are the first page of the
        caseload's order (store/caseload.read_caseload), and complete_rows brings the
        rest."""
        self.beginResetModel()
        self._rows = rows
        self._complete = complete
        self._text = [None] * len(rows)
        self._keys = {}
        self._statuses = None  # labels in the current language, fetched when first needed
        self._flt = None
        self._vis = self._matching(range(len(rows)), *self._filter)
        self.endResetModel()

    @property
    def complete(self) -> bool:
        """Whether every row is here (False: the unlock's first page only)."""
        return self._complete

    def complete_rows(self, rows: list[CaseloadRow]) -> bool:
        """The whole list, after the first page. True: the rows shown stay where they
        are (the page is the list's prefix, still in the order read, and the rows the
        filters let through are the prefix of those they let through now), the rest
        are inserted after them, so the view keeps its selection, current row and scroll
        position. False: the model was reset (the coach sorted by another column first,
        or the rows changed between the two reads)."""
        n = len(self._rows)
        if rows[:n] == self._rows:
            old_vis = self._vis
            # Sort keys and filter lists of the page: made again for the whole list.
            self._keys = {}
            self._flt = None
            texts = self._text
            self._rows = rows
            self._complete = True
            vis = self._matching(range(len(rows)), *self._filter)
            if vis[: len(old_vis)] == old_vis:
                self._text = texts + [None] * (len(rows) - n)
                if len(vis) > len(old_vis):
                    self.beginInsertRows(QModelIndex(), len(old_vis), len(vis) - 1)
                    self._vis = vis
                    self.endInsertRows()
                return True
        self.set_rows(rows)
        return False

    def _row_text(self, r: int) -> tuple[Any, ...]:
        """The row's seven cell texts, then whether its name or ref needs shaping."""
        row = self._rows[r]
        text = (
            row.name,
            row.ref,
            self._status_text(row.status),
            labels.week_text(row.week, row.status),
            labels.due_text(row.due[0]) if row.due else "",
            labels.date_text(row.last_session),
            _pss_text(row.pss_before, row.pss_after),
            needs_shaping(row.name) or needs_shaping(row.ref),
        )
        self._text[r] = text
        return text

    def _status_text(self, status: str) -> str:
        if self._statuses is None:
            self._statuses = labels.statuses()
        return self._statuses.get(status, status)

    def _sort_keys(self, column: int) -> list[Any]:
        """The sort key of every row for ``column``, in the rows' current order."""
        keys = self._keys.get(column)
        if keys is not None:
            return keys
        rows = self._rows
        if column == 0:
            # The caseload's own order (store/caseload.py): the search key, the
            # casefolded name then ref, so the rows as read are already in this order
            # (the check in sort) and name ties go by ref. (map: the loop runs in C.)
            keys = list(map(attrgetter("search_key"), rows))
        elif column == 1:
            keys = list(map(str.casefold, map(attrgetter("ref"), rows)))
        elif column == 2:
            keys = [self._status_text(r.status).casefold() for r in rows]
        elif column == 3:
            keys = [-1 if r.week is None or r.status == "not_eligible" else r.week for r in rows]
        elif column == _DUE_COLUMN:
            keys = [
                (
                    0 if r.needs_attention else 1 if r.due else 2,
                    labels.due_text(r.due[0]) if r.due else "",
                )
                for r in rows
            ]
        elif column == 5:
            far = dt.date.min
            keys = [r.last_session or far for r in rows]
        else:
            keys = [-1 if r.pss_before is None else r.pss_before for r in rows]
        self._keys[column] = keys
        return keys

    def _filter_columns(self) -> tuple[list[str], list[str], list[bool]]:
        """Search keys, statuses and attention flags as plain lists (made at the first
        filter, kept in the rows' order): the filter scans them without attribute look-ups
        on 10,000 row objects (5 ms -> under 1 ms per keystroke here)."""
        if self._flt is None:
            rows = self._rows
            self._flt = (
                list(map(attrgetter("search_key"), rows)),
                list(map(attrgetter("status"), rows)),
                list(map(attrgetter("needs_attention"), rows)),
            )
        return self._flt

    def prepare_filter(self) -> None:
        """Make the filter's lists now (otherwise the first filter change makes them)."""
        self._filter_columns()

    def _matching(
        self, candidates: Any, needle: str, status: str | None, attention: bool
    ) -> list[int]:
        if not (needle or status or attention):
            return list(candidates)
        keys, statuses, attention_flags = self._filter_columns()
        if not needle:
            found = list(candidates)
        elif isinstance(candidates, range):
            found = [i for i, k in enumerate(keys) if needle in k]
        else:
            found = [i for i in candidates if needle in keys[i]]
        if status is not None:
            found = [i for i in found if statuses[i] == status]
        if attention:
            found = [i for i in found if attention_flags[i]]
        return found

    def set_filter(self, text: str, status: str | None, attention: bool) -> None:
        new = (search_text(text.strip()), status or None, attention)
        if new == self._filter:
            return
        old_needle, old_status, old_attention = self._filter
        narrowing = (
            new[0].startswith(old_needle) and new[1] == old_status and new[2] == old_attention
        )
        candidates = self._vis if narrowing else range(len(self._rows))
        vis = self._matching(candidates, *new)
        self._filter = new
        if vis == self._vis:
            return  # the same rows (typing "demo" over refs that all hold it): no repaint
        self.beginResetModel()
        self._vis = vis
        self.endResetModel()

    # The view's filter entry point (the model is also its own "proxy").
    def set_filters(self, text: str, status: str | None, attention: bool) -> None:
        self.set_filter(text, status, attention)

    def total(self) -> int:
        """Rows before the search and filters (of the first page while incomplete)."""
        return len(self._rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """One Python list sort on precomputed keys (milliseconds for 10,000 rows);
        the proxy keeps this order instead of comparing pairs through Python."""
        if not 0 <= column < len(COLUMNS) or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old_rows = [self._vis[i.row()] for i in self.persistentIndexList()]
        keys = self._sort_keys(column)
        descending = order == Qt.SortOrder.DescendingOrder
        if not descending and all(map(le, keys, islice(keys, 1, None))):
            # Already in this order (the name column over rows that come sorted by name,
            # at every unlock): nothing moves, nothing to sort.
            self.layoutChanged.emit()
            return
        order_idx = sorted(range(len(self._rows)), key=keys.__getitem__, reverse=descending)
        new_pos = {old: new for new, old in enumerate(order_idx)}
        self._rows = [self._rows[i] for i in order_idx]
        self._text = [self._text[i] for i in order_idx]
        self._keys = {c: [k[i] for i in order_idx] for c, k in self._keys.items()}
        if self._flt is not None:
            keys, statuses, flags = self._flt
            self._flt = (
                [keys[i] for i in order_idx],
                [statuses[i] for i in order_idx],
                [flags[i] for i in order_idx],
            )
        self._vis = sorted(new_pos[i] for i in self._vis)
        vis_pos = {full: row for row, full in enumerate(self._vis)}
        old_list = self.persistentIndexList()
        self.changePersistentIndexList(
            old_list,
            [
                self.index(vis_pos[new_pos[full]], i.column())
                for full, i in zip(old_rows, old_list, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def row_at(self, row: int) -> CaseloadRow:
        return self._rows[self._vis[row]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._vis)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each paint (~2,400 calls):
        # plain int comparisons, and roles we do not serve leave first.
        role = int(role)
        if role not in _SERVED or not index.isValid():
            return None
        r, c = self._vis[index.row()], index.column()
        if role == _DISPLAY:
            return (self._text[r] or self._row_text(r))[c]
        if role == _SORT:
            return self._sort_keys(c)[r]
        if role == _ROW:
            return self._rows[r]
        if role == _FONT:
            if c < _TYPED_COLUMNS:  # a name or ref that needs shaping gets a font that does it
                return self._shaped if (self._text[r] or self._row_text(r))[-1] else None
            if c == _DUE_COLUMN and self._rows[r].needs_attention:
                return self._bold
            return None
        if c != _DUE_COLUMN:
            return None
        return "\n".join(labels.due_text(d) for d in self._rows[r].due) or None  # tooltip

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
