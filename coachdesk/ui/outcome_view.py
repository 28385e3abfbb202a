"""Outcome & report: where the course ended, a drop-out, the status, the report summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import records
from coachdesk.errors import BadInput
from coachdesk.store import drafts, participants
from coachdesk.ui import labels, plain
from coachdesk.ui.date_field import first_invalid
from coachdesk.ui.fields import DateField, FieldMessage, UnsavedChanges, labelled_row
from coachdesk.ui.messages import field_error

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


class OutcomeView(UnsavedChanges, QWidget):
    saved = Signal()

    def __init__(self, vault: Vault, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        self._dirty = False
        self.draft = drafts.Slot(vault, participant_id, self.draft_key_for(participant_id))

        self.status = QComboBox()
        for k, v in labels.statuses().items():
            self.status.addItem(v, k)
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Not recorded yet"), None)
        for k, v in labels.outcome_statuses().items():
            self.outcome.addItem(v, k)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(-1, 80)
        self.hours.setDecimals(1)
        self.hours.setSpecialValueText("–")
        self.outcome_date = DateField()
        self.dropout_date = DateField()
        self.dropout_reason = QLineEdit()
        self.dropout_reason.setMaxLength(records.MAX_LEN["dropped_out.reason"])
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(
            self.tr(
                "Your summary and recommendation for the "
                "caseworker. It appears in the report as written."
            )
        )

        course_box = QGroupBox(self.tr("Course"))
        cf = QFormLayout(course_box)
        labelled_row(cf, self.tr("&Status"), self.status)
        out_box = QGroupBox(self.tr("Outcome at the end"))
        of = QFormLayout(out_box)
        labelled_row(of, self.tr("&Outcome"), self.outcome)
        labelled_row(of, self.tr("&Hours per week"), self.hours)
        labelled_row(of, self.tr("Outcome &date"), self.outcome_date)
        drop_box = QGroupBox(self.tr("Drop-out"))
        df = QFormLayout(drop_box)
        labelled_row(df, self.tr("Dropped out &on"), self.dropout_date)
        labelled_row(df, self.tr("&Reason"), self.dropout_reason)
        sum_box = QGroupBox(self.tr("Report summary"))
        QVBoxLayout(sum_box).addWidget(self.summary)
        self.summary.setAccessibleName(self.tr("Report summary"))

        self.message = FieldMessage()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        self.export_button = QPushButton(self.tr("&Export report…"))
        self.export_button.clicked.connect(self.export_report)
        self.state_label = plain.label()
        row = QHBoxLayout()
        row.addWidget(self.state_label, 1)
        row.addWidget(self.export_button)
        row.addWidget(self.save_button)

        grid = QHBoxLayout()
        col1 = QVBoxLayout()
        col1.addWidget(course_box)
        col1.addWidget(out_box)
        col1.addWidget(drop_box)
        col1.addStretch()
        grid.addLayout(col1, 1)
        grid.addWidget(sum_box, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(grid, 1)
        lay.addWidget(self.message)
        lay.addLayout(row)

        for w in (self.status, self.outcome):
            w.currentIndexChanged.connect(self._changed)
        self.hours.valueChanged.connect(self._changed)
        for d in (self.outcome_date, self.dropout_date):
            d.dateChanged.connect(self._changed)
        self.dropout_reason.textChanged.connect(self._changed)
        self.summary.textChanged.connect(self._changed)
        self.reload()
        self._restore_draft()

    def reload(self) -> None:
        self._fill(self.vault.read(participants.record_of, self.participant_id))

    def _fill(self, rec: dict[str, Any]) -> None:
        self._loading = True
        self.status.setCurrentIndex(max(0, self.status.findData(rec.get("status"))))
        out = rec.get("outcome") or {}
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(out.get("status"))))
        hrs = out.get("hours_per_week")
        self.hours.setValue(-1 if hrs is None else float(hrs))
        self.outcome_date.set_value(records.opt_date(out.get("date")))
        do = rec.get("dropped_out") or {}
        self.dropout_date.set_value(records.opt_date(do.get("date")))
        self.dropout_reason.setText(do.get("reason") or "")
        self.summary.setPlainText(rec.get("report_summary") or "")
        self._loading = False
        self._dirty = False
        self.state_label.clear()

    def changes(self) -> dict[str, Any]:
        outcome = self.outcome.currentData()
        status = self.status.currentData()
        drop_date = self.dropout_date.iso()
        if drop_date and status != "dropped_out":
            status = "dropped_out"  # a drop-out date moves the participant out of the course
        return {
            "status": status,
            "outcome": {
                "status": outcome,
                "hours_per_week": None if self.hours.value() < 0 else self.hours.value(),
                "date": self.outcome_date.iso(),
            }
            if outcome
            else None,
            "dropped_out": {"date": drop_date, "reason": self.dropout_reason.text().strip() or None}
            if drop_date
            else None,
            "report_summary": self.summary.toPlainText().strip() or None,
        }

    # --- drafts (kept on lock and quit, restored when the view is opened again) ------

    @staticmethod
    def draft_key_for(participant_id: int) -> str:
        return f"outcome:{participant_id}"

    @property
    def draft_key(self) -> str:
        return self.draft_key_for(self.participant_id)

    def keep_draft(self) -> None:
        if self._dirty:
            self.draft.keep({"changes": self.changes()})

    def _restore_draft(self) -> None:
        draft = self.draft.read()
        rec = self.vault.read(participants.record_of, self.participant_id)
        if draft:
            self._fill(rec | (draft.get("changes") or {}))
            self._dirty = True
            self.state_label.setText(self.tr("Unsaved changes restored from a draft"))

    def discard_changes(self) -> None:
        self.draft.discard()
        self.reload()

    def save(self) -> bool:
        bad = first_invalid((self.outcome_date, self.dropout_date))
        if bad is not None:
            self.message.show_message(bad.error())
            bad.setFocus()
            return False
        try:
            self.draft.save(participants.update_participant, self.participant_id, self.changes())
        except BadInput as exc:
            self.message.show_message("\n".join(field_error(e) for e in exc.errors))
            return False
        self.message.show_message(None)
        self.reload()
        self.state_label.setText(self.tr("Saved."))
        self.saved.emit()
        return True

    def export_report(self) -> None:
        if self._dirty and not self.save():
            return
        from coachdesk.ui.export_dialog import ExportDialog

        ExportDialog(self.vault, self.participant_id, self).exec()
