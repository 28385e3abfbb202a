"""The participant page's PSS-10 tab: the questionnaires, the form and the chart."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import BadInput
from coachdesk.store import assessments, corrections
from coachdesk.store.assessments import AssessmentRow
from coachdesk.store.vault import Vault
from coachdesk.ui import labels
from coachdesk.ui.corrections import UndoBar, run_undo
from coachdesk.ui.messages import error_text
from coachdesk.ui.pss10_chart_view import Pss10ChartView, band_labels, kind_labels, ui_lang
from coachdesk.ui.pss10_form import Pss10Form

Index = QModelIndex | QPersistentModelIndex


class AssessmentModel(QAbstractTableModel):
    """Date, kind, total (with * when prorated), band: one row per questionnaire."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AssessmentRow] = []

    def set_rows(self, rows: list[AssessmentRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> AssessmentRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Date"), self.tr("Kind"), self.tr("Total"), self.tr("Band"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return QLocale().toString(
                    QDate(r.date.year, r.date.month, r.date.day), QLocale.FormatType.ShortFormat
                )
            if col == 1:
                return kind_labels()[r.kind]
            if col == 2:
                if r.score.total is None:
                    return self.tr("none (%1 missing)").replace("%1", str(r.score.missing))
                return f"{r.score.total}*" if r.score.prorated else str(r.score.total)
            return band_labels()[r.score.band] if r.score.band else "–"
        if role == Qt.ItemDataRole.ToolTipRole and col == 2 and r.score.prorated:
            return self.tr("1 answer missing: total prorated")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


class Pss10Tab(QWidget):
    """List, form and chart of one participant's PSS-10 questionnaires."""

    changed = Signal()

    def __init__(
        self,
        vault: Vault,
        participant_id: int,
        parent: QWidget | None = None,
        *,
        lang: str | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._participant_id = participant_id
        self._lang = lang or ui_lang()
        self._today = today
        self.form: Pss10Form | None = None

        self.model = AssessmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("PSS-10 questionnaires"))
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.activated.connect(lambda _i: self.edit_selected())

        self.new_button = QPushButton(self.tr("&New questionnaire…"))
        self.new_button.clicked.connect(self.new_assessment)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.setToolTip(
            self.tr("Delete the selected questionnaire (Delete key); Ctrl+Z puts it back")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self.undo_bar = UndoBar(self)
        run_undo(self.undo_bar, self._restore)
        self.items_toggle = QCheckBox(self.tr("&Item by item"))
        self.items_toggle.toggled.connect(self._toggle_items)

        self.chart = Pss10ChartView(lang=self._lang)

        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.items_toggle)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.undo_bar)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def reload(self) -> None:
        """Read the questionnaires and the chart again from the vault."""
        rows = self._vault.read(assessments.list_assessments, self._participant_id)
        data = self._vault.read(assessments.chart_data, self._participant_id)
        self.model.set_rows(rows)
        self.chart.set_data(data)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _toggle_items(self, on: bool) -> None:
        self.chart.set_show_items(on)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def new_assessment(self) -> Pss10Form:
        return self._open_form(None)

    def edit_selected(self) -> Pss10Form | None:
        aid = self.selected_id()
        return None if aid is None else self._open_form(aid)

    def _open_form(self, assessment_id: int | None) -> Pss10Form:
        form = Pss10Form(
            self._vault,
            self._participant_id,
            assessment_id,
            lang=self._lang,
            today=self._today,
            parent=self,
        )
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self._saved)
        self.form = form
        form.open()  # window-modal, not a nested event loop
        return form

    def _saved(self, _assessment_id: int) -> None:
        self.reload()
        self.changed.emit()

    def delete_selected(self) -> None:
        """Delete at once; the undo bar (Ctrl+Z) puts it back, so no question first."""
        aid = self.selected_id()
        if aid is None:
            return
        self.delete(aid)

    def delete(self, assessment_id: int) -> None:
        snap = self._vault.write(corrections.delete_assessment, self._participant_id, assessment_id)
        self.reload()
        self.undo_bar.offer(
            snap,
            self.tr("The PSS-10 of %1 was deleted.").replace("%1", labels.date_text(snap.date)),
        )
        self.table.setFocus()
        self.changed.emit()

    def _restore(self, snap: corrections.Snapshot) -> str | None:
        try:
            aid = self._vault.write(corrections.restore, snap)
        except BadInput as exc:
            return error_text(exc)
        self.reload()
        for r in range(self.model.rowCount()):
            if self.model.row_at(r).id == aid:
                self.table.selectRow(r)
        self.table.setFocus()
        self.changed.emit()
        return None
