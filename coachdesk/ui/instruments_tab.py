"""The participant's questionnaires of every registered instrument: chart, item view, form.

One tab for all of them: pick the instrument, see its before/after chart with bands and
reference lines, the item-by-item answers, and enter a new one in the keyboard form.
All of it is driven by the registry (core/instruments.py).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import instruments
from coachdesk.core.instrument import text
from coachdesk.store import assessments
from coachdesk.store.vault import Vault
from coachdesk.ui.instrument_chart_view import InstrumentChart, ItemTableModel, verdict_text
from coachdesk.ui.instrument_form import InstrumentForm
from coachdesk.ui.pss10_chart_view import ui_lang


class InstrumentsTab(QWidget):
    changed = Signal()

    def __init__(
        self,
        vault: Vault,
        participant_id: int,
        *,
        lang: str | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        self.lang = lang or ui_lang()
        self.today = today
        self.instrument = QComboBox()
        self.instrument.setAccessibleName(self.tr("Questionnaire"))
        for inst in instruments.all_instruments():
            self.instrument.addItem(text(inst.name, self.lang), inst.id)
        self.new_button = QPushButton(self.tr("&New questionnaire…"))
        self.new_button.clicked.connect(self.new_questionnaire)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Questionnaire:")))
        top.addWidget(self.instrument, 1)
        top.addWidget(self.new_button)
        self.chart = InstrumentChart()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.items = ItemTableModel()
        self.table = QTableView()
        self.table.setModel(self.items)
        self.table.setAccessibleName(self.tr("Answers item by item"))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        # A double-click on a questionnaire's column opens it in the form to correct it.
        self.table.doubleClicked.connect(lambda ix: self.edit_column(ix.column()))
        self.table.horizontalHeader().sectionDoubleClicked.connect(self.edit_column)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        lay.addWidget(self.verdict)
        self.instrument.currentIndexChanged.connect(self.reload)
        self.reload()

    def current_id(self) -> str:
        return str(self.instrument.currentData())

    def select(self, instrument_id: str) -> None:
        self.instrument.setCurrentIndex(self.instrument.findData(instrument_id))

    def _saved(self, _assessment_id: int) -> None:
        self.reload()
        self.changed.emit()

    def reload(self) -> None:
        inst = instruments.get(self.current_id())
        rows = self.vault.read(
            assessments.list_instrument_assessments, self.participant_id, inst.id
        )
        self.chart.set_data(inst, rows, self.lang)
        self.items.set_data(inst, rows, self.lang)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.verdict.setText(verdict_text(inst, rows, self.lang))

    def edit_column(self, column: int) -> InstrumentForm | None:
        """Open the questionnaire shown in ``column`` (1-based; 0 is the item text)."""
        if not 1 <= column <= len(self.items.rows):
            return None
        return self.new_questionnaire(self.items.rows[column - 1].id)

    def new_questionnaire(self, assessment_id: int | None = None) -> InstrumentForm:
        form = InstrumentForm(
            self.vault,
            self.participant_id,
            self.current_id(),
            assessment_id,
            lang=self.lang,
            today=self.today,
            parent=self,
        )
        form.saved.connect(self._saved)
        form.open()
        return form
