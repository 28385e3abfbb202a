"""The report's structured fields: the coach's words under the headings a municipal
caseworker acts on (store/report_fields.py, docs/reports.md).

Arbejdsevne, timetal og optrapning (normal and current hours, a week-by-week step
plan, the expected return), ressourcer og udfordringer, progression, anbefaling. Each
is optional; the export dialog chooses which reach a report. A partial return whose step
leaves less than 4 hours of absence a week is flagged as the coach types
(core/return_plan), not refused: the municipality decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import records, return_plan
from coachdesk.errors import BadInput
from coachdesk.store import drafts, report_fields
from coachdesk.ui.date_field import first_invalid
from coachdesk.ui.fields import DateField, FieldMessage, UnsavedChanges, labelled_row
from coachdesk.ui.messages import error_text

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


class ReportFieldsEditor(UnsavedChanges, QWidget):
    saved = Signal()

    def __init__(self, vault: Vault, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        self._dirty = False
        self.draft = drafts.Slot(vault, participant_id, self.draft_key_for(participant_id))
        self._loading = False

        def text_box(placeholder: str) -> QPlainTextEdit:
            box = QPlainTextEdit()
            box.setTabChangesFocus(True)
            box.setPlaceholderText(placeholder)
            box.setMinimumHeight(60)
            box.setMaximumHeight(96)  # a few lines each: every heading fits on one screen
            box.textChanged.connect(self._changed)
            return box

        def hours_box() -> QDoubleSpinBox:
            box = QDoubleSpinBox()
            box.setRange(-1, return_plan.MAX_HOURS)
            box.setDecimals(1)
            box.setSpecialValueText("–")  # -1: not stated
            box.valueChanged.connect(self._changed)
            return box

        self.work_capacity = text_box(
            self.tr(
                "What the participant can do at work today, described by function (hours, "
                "tasks, pace), never by diagnosis."
            )
        )
        self.resources = text_box(self.tr("Strengths and support the participant has."))
        self.challenges = text_box(self.tr("What still makes work hard."))
        self.progression = text_box(
            self.tr("The change since the start, in your words. The report adds the PSS-10 change.")
        )
        self.recommendation = text_box(self.tr("Your recommendation and the next steps."))
        self.normal_hours = hours_box()
        self.hours_now = hours_box()
        self.return_date = DateField()
        self.return_date.dateChanged.connect(self._changed)
        self.return_kind = QComboBox()
        self.return_kind.addItem(self.tr("Not stated"), None)
        self.return_kind.addItem(self.tr("Full return"), "full")
        self.return_kind.addItem(self.tr("Partial return (delvis raskmelding)"), "partial")
        self.return_kind.currentIndexChanged.connect(self._changed)

        self.steps = QTableWidget(0, 2)
        self.steps.setHorizontalHeaderLabels([self.tr("Week"), self.tr("Hours per week")])
        self.steps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.steps.verticalHeader().setVisible(False)
        self.steps.setMinimumHeight(120)
        self.steps.setMaximumHeight(170)
        self.steps.setAccessibleName(self.tr("Step plan, week by week"))
        self.steps.itemChanged.connect(self._changed)
        add = QPushButton(self.tr("&Add week"))
        add.clicked.connect(self.add_step)
        remove = QPushButton(self.tr("Remo&ve week"))
        remove.clicked.connect(self.remove_step)
        self.rule_warning = QLabel()
        self.rule_warning.setWordWrap(True)
        bold = self.rule_warning.font()
        bold.setBold(True)
        self.rule_warning.setFont(bold)
        self.rule_warning.setVisible(False)

        capacity_box = QGroupBox(self.tr("Work capacity today"))
        QVBoxLayout(capacity_box).addWidget(self.work_capacity)
        hours_group = QGroupBox(self.tr("Hours and gradual return"))
        hf = QFormLayout(hours_group)
        labelled_row(hf, self.tr("&Normal hours per week"), self.normal_hours)
        labelled_row(hf, self.tr("Hours per week &now"), self.hours_now)
        labelled_row(hf, self.tr("Expected &return"), self.return_kind)
        labelled_row(hf, self.tr("Return &date"), self.return_date)
        step_buttons = QHBoxLayout()
        step_buttons.addWidget(add)
        step_buttons.addWidget(remove)
        step_buttons.addStretch()
        hf.addRow(
            QLabel(self.tr("Step plan, week by week (week 1 is the first week of the plan):"))
        )
        hf.addRow(self.steps)
        hf.addRow(step_buttons)
        hf.addRow(self.rule_warning)
        res_box = QGroupBox(self.tr("Resources and challenges"))
        rf = QFormLayout(res_box)
        labelled_row(rf, self.tr("Re&sources"), self.resources)
        labelled_row(rf, self.tr("C&hallenges"), self.challenges)
        prog_box = QGroupBox(self.tr("Progress since the start"))
        QVBoxLayout(prog_box).addWidget(self.progression)
        rec_box = QGroupBox(self.tr("Recommendation / next steps"))
        QVBoxLayout(rec_box).addWidget(self.recommendation)
        for box, text in (
            (self.work_capacity, capacity_box),
            (self.progression, prog_box),
            (self.recommendation, rec_box),
        ):
            box.setAccessibleName(text.title())

        self.message = FieldMessage()
        self.state_label = QLabel()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.state_label, 1)
        row.addWidget(self.save_button)

        left = QVBoxLayout()
        left.addWidget(capacity_box)
        left.addWidget(hours_group)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(res_box)
        right.addWidget(prog_box)
        right.addWidget(rec_box)
        right.addStretch()
        grid = QHBoxLayout()
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.message)
        lay.addLayout(row)
        self.reload()
        self._restore_draft()

    # --- state -----------------------------------------------------------------------

    def _changed(self, *_a: Any) -> None:
        super()._changed()
        self._check_rule()

    def add_step(self) -> None:
        weeks = [self._cell_number(r, 0) for r in range(self.steps.rowCount())]
        last = max((int(w) for w in weeks if w is not None), default=0)
        self._append_step(last + 1, None)
        self._changed()

    def remove_step(self) -> None:
        row = self.steps.currentRow()
        if row < 0:
            row = self.steps.rowCount() - 1
        if row >= 0:
            self.steps.removeRow(row)
            self._changed()

    def _append_step(self, week: int, hours: float | None) -> None:
        r = self.steps.rowCount()
        self.steps.insertRow(r)
        self.steps.setItem(r, 0, QTableWidgetItem(str(week)))
        self.steps.setItem(r, 1, QTableWidgetItem("" if hours is None else f"{hours:g}"))

    def _cell_number(self, row: int, col: int) -> float | None:
        item = self.steps.item(row, col)
        text = (item.text() if item else "").strip().replace(",", ".")
        try:
            return float(text) if text else None
        except ValueError:
            return None

    def _step_values(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for r in range(self.steps.rowCount()):
            week, hours = (self.steps.item(r, c) for c in (0, 1))
            wt = (week.text() if week else "").strip()
            ht = (hours.text() if hours else "").strip().replace(",", ".")
            if wt or ht:
                out.append({"week": wt, "hours": ht})
        return out

    def _check_rule(self) -> None:
        """The 4-hour rule of a partial return, shown as the coach types."""
        normal = self.normal_hours.value()
        steps, _ = return_plan.parse_steps(self._step_values())
        breaks = (
            return_plan.partial_return_breaks(normal if normal >= 0 else None, steps)
            if self.return_kind.currentData() == "partial"
            else []
        )
        self.rule_warning.setText(
            self.tr(
                "Week %1 leaves less than 4 hours of absence a week: a partial return (delvis "
                "raskmelding) needs at least 4."
            ).replace("%1", ", ".join(str(s.week) for s in breaks))
            if breaks
            else ""
        )
        self.rule_warning.setVisible(bool(breaks))

    def values(self) -> dict[str, Any]:
        def hours(box: QDoubleSpinBox) -> float | None:
            return None if box.value() < 0 else box.value()

        return {
            "work_capacity": self.work_capacity.toPlainText(),
            "normal_hours": hours(self.normal_hours),
            "hours_now": hours(self.hours_now),
            "step_plan": self._step_values(),
            "return_date": self.return_date.iso(),
            "return_kind": self.return_kind.currentData(),
            "resources": self.resources.toPlainText(),
            "challenges": self.challenges.toPlainText(),
            "progression": self.progression.toPlainText(),
            "recommendation": self.recommendation.toPlainText(),
        }

    def reload(self) -> None:
        self._fill(self.vault.read(report_fields.record_of, self.participant_id))

    def _fill(self, rec: dict[str, Any]) -> None:
        self._loading = True
        for name in report_fields.TEXT_FIELDS:
            getattr(self, name).setPlainText(rec.get(name) or "")
        for name in ("normal_hours", "hours_now"):
            value = rec.get(name)
            getattr(self, name).setValue(-1 if value in (None, "") else float(value))
        date = rec.get("return_date")
        self.return_date.set_value(records.opt_date(date) if isinstance(date, str) else date)
        self.return_kind.setCurrentIndex(max(0, self.return_kind.findData(rec.get("return_kind"))))
        self.steps.setRowCount(0)
        for step in rec.get("step_plan") or []:
            try:
                self._append_step(int(step["week"]), float(step["hours"]))
            except (KeyError, TypeError, ValueError):
                continue
        self._loading = False
        self._dirty = False
        self.state_label.clear()
        self._check_rule()

    # --- drafts (kept on lock and quit, restored when the view is opened again) ------

    @staticmethod
    def draft_key_for(participant_id: int) -> str:
        return f"report_fields:{participant_id}"

    @property
    def draft_key(self) -> str:
        return self.draft_key_for(self.participant_id)

    def keep_draft(self) -> None:
        if self._dirty:
            self.draft.keep({"changes": self.values()})

    def _restore_draft(self) -> None:
        draft = self.draft.read()
        if draft:
            self._fill(draft.get("changes") or {})
            self._dirty = True
            self.state_label.setText(self.tr("Unsaved changes restored from a draft"))

    def discard_changes(self) -> None:
        self.draft.discard()
        self.reload()

    def save(self) -> bool:
        bad = first_invalid((self.return_date,))
        if bad is not None:
            self.message.show_message(bad.error())
            bad.setFocus()
            return False
        _, problems = return_plan.parse_steps(self._step_values())
        if problems:  # the store would refuse it too; say it in the coach's language
            self.message.show_message(
                self.tr(
                    "Check the step plan: each row needs a week from 1 to 52 and hours from 0 to "
                    "80, and a week can have only one row."
                )
            )
            self.steps.setFocus()
            return False
        try:
            self.draft.save(report_fields.save, self.participant_id, self.values())
        except BadInput as exc:
            self.message.show_message(error_text(exc))
            return False
        self.message.show_message(None)
        self.reload()
        self.state_label.setText(self.tr("Saved."))
        self.saved.emit()
        return True
