"""The PSS-10 questionnaire form: the registry's form (ui/instrument_form.py) plus the
course's admission threshold.

Everything else - the keyboard grid (0-4 answer and move on, Up/Down and Backspace move,
Delete clears, Ctrl+S saves), the live total with prorating and band, saving through
store/assessments - is the one form every questionnaire uses. The threshold is the
PSS-10's alone: a screening's total against the threshold in the settings
(store/settings.pss_params), said as the coach types.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coachdesk.core import pss10
from coachdesk.store import settings
from coachdesk.store.vault import Vault
from coachdesk.ui import plain
from coachdesk.ui.instrument_form import InstrumentForm
from coachdesk.ui.pss10_chart_view import band_labels


class Pss10Form(InstrumentForm):
    """Enter or edit one PSS-10 questionnaire of one participant."""

    def __init__(
        self,
        vault: Vault,
        participant_id: int,
        assessment_id: int | None = None,
        *,
        lang: str | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            vault, participant_id, "pss10", assessment_id, lang=lang, today=today, parent=parent
        )

    # The score line is the PSS-10's total; the tests and the tab know it by that name.
    @property
    def total_label(self) -> QLabel:
        return self.score_label

    def add_status_lines(self, status: QVBoxLayout) -> None:
        self._params = self._vault.read(settings.pss_params)
        self.threshold_label = plain.label()
        self.threshold_label.setWordWrap(True)
        status.addWidget(self.threshold_label)

    def band_text(self, band: str | None) -> str:
        # The words of the PSS-10 chart and table beside it (low, moderate, high).
        return band_labels()[band or "low"]

    def _changed(self) -> None:
        super()._changed()
        total = self.current_result().value
        if self.kind_key() != "screening":
            self.threshold_label.hide()
            return
        threshold = str(self._params.threshold)
        if total is None:
            line = self.tr("Admission threshold (%1): no total yet").replace("%1", threshold)
        else:
            met = pss10.is_eligible(int(total), self._params)
            line = (
                self.tr("✔ Admission threshold (%1) met: %2 ≥ %1")
                if met
                else self.tr("✘ Admission threshold (%1) not met: %2 < %1")
            )
            line = line.replace("%1", threshold).replace("%2", str(int(total)))
        self.threshold_label.setText(line)
        self.threshold_label.show()
