"""The value-based job plan: values, direction, goals, accommodation needs and hours.

Saving adds a new version (the report shows the latest and when it changed); earlier
versions can be looked at, read-only, from the Versions combo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import records, vocab
from coachdesk.errors import BadInput
from coachdesk.store import drafts, jobplans
from coachdesk.ui import labels, plain
from coachdesk.ui.date_field import first_invalid
from coachdesk.ui.fields import DateField, FieldMessage, UnsavedChanges
from coachdesk.ui.messages import field_error
from coachdesk.ui.row_table import Column, RowTable

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


def _line(placeholder: str = "") -> Callable[[Any], QLineEdit]:
    def make(v: Any) -> QLineEdit:
        e = QLineEdit(v or "")
        e.setPlaceholderText(placeholder)
        return e

    return make


def _combo(options: dict[str, str], default: str) -> Callable[[Any], QComboBox]:
    def make(v: Any) -> QComboBox:
        c = QComboBox()
        for k, text in options.items():
            c.addItem(text, k)
        c.setCurrentIndex(max(0, c.findData(v or default)))
        return c

    return make


def _date(v: Any) -> DateField:
    return DateField(records.opt_date(v) if v else None, compact=True)


def _hours(v: Any) -> QDoubleSpinBox:
    sb = QDoubleSpinBox()
    sb.setRange(0, 80)
    sb.setDecimals(1)
    sb.setValue(float(v or 0))
    return sb


class JobPlanEditor(UnsavedChanges, QWidget):
    saved = Signal()

    def __init__(self, vault: Vault, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        self._versions: list[dict[str, Any]] = []
        self._dirty = False
        self.draft = drafts.Slot(vault, participant_id, self.draft_key_for(participant_id))

        self.version_combo = QComboBox()
        self.version_combo.setAccessibleName(self.tr("Versions"))
        self.version_combo.currentIndexChanged.connect(self._show_version)
        self.read_only_label = plain.label()
        self.compare_button = QPushButton(self.tr("&Compare versions…"))
        self.compare_button.clicked.connect(self.compare)

        # Values: pick a common one or type your own.
        self.values = QListWidget()
        self.values.setAccessibleName(self.tr("Values"))
        self.values.setMaximumHeight(100)
        self.value_input = QComboBox()
        self.value_input.setEditable(True)
        self.value_input.setAccessibleName(self.tr("Add a value"))
        common = (
            vocab.COMMON_VALUES_DA
            if QLocale().language() == QLocale.Language.Danish
            else vocab.COMMON_VALUES_EN
        )
        self.value_input.addItems(list(common))
        self.value_input.setCurrentText("")
        value_line = self.value_input.lineEdit()
        assert value_line is not None  # an editable combo box has one
        value_line.setPlaceholderText(self.tr("Pick or type a value…"))
        value_line.returnPressed.connect(self.add_value)
        add_value = self.add_value_button = QPushButton(self.tr("Add &value"))
        add_value.clicked.connect(self.add_value)
        remove_value = self.remove_value_button = QPushButton(self.tr("Remove value"))
        remove_value.clicked.connect(self._remove_value)

        self.direction = QPlainTextEdit()
        self.direction.setAccessibleName(self.tr("Direction"))
        self.direction.setPlaceholderText(
            self.tr("The kind of work and working life the participant is aiming for")
        )
        self.direction.setMaximumHeight(70)
        self.direction.setTabChangesFocus(True)

        self.goals = RowTable(
            [
                Column(
                    "text",
                    self.tr("Goal"),
                    _line(self.tr("A small, concrete step")),
                    lambda w: w.text().strip(),
                    stretch=True,
                ),
                Column("due", self.tr("Due"), _date, lambda w: w.iso()),
                Column(
                    "status",
                    self.tr("Status"),
                    _combo(labels.goal_statuses(), "open"),
                    lambda w: w.currentData(),
                ),
            ],
            add_text=self.tr("Add &goal"),
            name=self.tr("Goals"),
            reorder=True,
        )
        self.accommodations = RowTable(
            [
                Column(
                    "category",
                    self.tr("Category"),
                    _combo(labels.accommodation_categories(), "hours"),
                    lambda w: w.currentData(),
                ),
                Column(
                    "description",
                    self.tr("Description"),
                    _line(self.tr("Describe the function, not the diagnosis")),
                    lambda w: w.text().strip(),
                    stretch=True,
                ),
                Column("until", self.tr("Until"), _date, lambda w: w.iso()),
            ],
            add_text=self.tr("Add &need"),
            name=self.tr("Accommodation needs"),
        )
        self.hours_now = QDoubleSpinBox()
        self.hours_target = QDoubleSpinBox()
        for sb, name in (
            (self.hours_now, self.tr("Hours per week now")),
            (self.hours_target, self.tr("Target hours per week")),
        ):
            sb.setRange(-1, 80)
            sb.setDecimals(1)
            sb.setSpecialValueText("–")
            sb.setValue(-1)
            sb.setAccessibleName(name)
        self.steps = RowTable(
            [
                Column("from", self.tr("From"), _date, lambda w: w.iso(), stretch=True),
                Column(
                    "hours", self.tr("Hours per week"), _hours, lambda w: w.value(), stretch=True
                ),
            ],
            add_text=self.tr("Add &step"),
            name=self.tr("Step plan"),
        )
        for table in (self.goals, self.accommodations, self.steps):
            table.on_change = self._changed

        self.message = FieldMessage()
        self.save_button = QPushButton(self.tr("&Save as new version"))
        self.save_button.clicked.connect(self.save)
        self.state_label = plain.label()

        top = QHBoxLayout()
        vl = QLabel(self.tr("Ve&rsions:"))
        vl.setBuddy(self.version_combo)
        top.addWidget(vl)
        top.addWidget(self.version_combo, 1)
        top.addWidget(self.read_only_label, 2)
        top.addWidget(self.compare_button)

        values_box = QGroupBox(self.tr("Values"))
        vb = QHBoxLayout(values_box)
        vcol = QVBoxLayout()
        vcol.addWidget(self.value_input)
        row = QHBoxLayout()
        row.addWidget(add_value)
        row.addWidget(remove_value)
        vcol.addLayout(row)
        vcol.addStretch()
        vb.addWidget(self.values, 1)
        vb.addLayout(vcol, 1)

        dir_box = QGroupBox(self.tr("Direction"))
        QVBoxLayout(dir_box).addWidget(self.direction)
        goals_box = QGroupBox(self.tr("Realistic goals"))
        QVBoxLayout(goals_box).addWidget(self.goals)
        acc_box = QGroupBox(self.tr("Accommodation needs"))
        QVBoxLayout(acc_box).addWidget(self.accommodations)
        hours_box = QGroupBox(self.tr("Hours"))
        hl = QVBoxLayout(hours_box)
        hf = QFormLayout()
        hf.addRow(self.tr("Hours per week &now:"), self.hours_now)
        hf.addRow(self.tr("&Target hours per week:"), self.hours_target)
        hl.addLayout(hf)
        hl.addWidget(QLabel(self.tr("Step plan (the municipality approves each step):")))
        hl.addWidget(self.steps)

        body = QWidget()
        bl = QVBoxLayout(body)
        for w in (values_box, dir_box, goals_box, acc_box, hours_box):
            bl.addWidget(w)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.message)
        lay.addLayout(bottom)

        self.direction.textChanged.connect(self._changed)
        self.hours_now.valueChanged.connect(self._changed)
        self.hours_target.valueChanged.connect(self._changed)
        self.reload()
        self._restore_draft()

    # --- data -----------------------------------------------------------------------

    def reload(self) -> None:
        self._versions = self.vault.read(jobplans.version_dicts, self.participant_id)
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        for v in reversed(self._versions):
            when = labels.date_text(records.opt_date(v.get("updated_on")))
            self.version_combo.addItem(
                self.tr("Version %1 of %2").replace("%1", str(v["version"])).replace("%2", when),
                v["version"],
            )
        if not self._versions:
            self.version_combo.addItem(self.tr("No plan saved yet"), 0)
        self.version_combo.blockSignals(False)
        self.version_combo.setCurrentIndex(0)
        self._show_version()

    def _show_version(self, *_a: Any) -> None:
        number = self.version_combo.currentData()
        plan = next((v for v in self._versions if v["version"] == number), {})
        latest = not self._versions or number == self._versions[-1]["version"]
        self._fill(plan, latest)

    def _fill(self, plan: dict[str, Any], latest: bool) -> None:
        self._loading = True
        self.values.clear()
        self.values.addItems(plan.get("values") or [])
        self.direction.setPlainText(plan.get("direction") or "")
        self.goals.set_rows(plan.get("goals") or [])
        self.accommodations.set_rows(plan.get("accommodations") or [])
        self.hours_now.setValue(-1 if plan.get("hours_now") is None else plan["hours_now"])
        self.hours_target.setValue(-1 if plan.get("hours_target") is None else plan["hours_target"])
        self.steps.set_rows(plan.get("hours_steps") or [])
        self._loading = False
        self._dirty = False
        self.direction.setReadOnly(not latest)
        # An earlier version is history: nothing in it can be pressed or typed into.
        w: QWidget
        for w in (
            self.value_input,
            self.hours_now,
            self.hours_target,
            self.save_button,
            self.add_value_button,
            self.remove_value_button,
        ):
            w.setEnabled(latest)
        self.compare_button.setEnabled(len(self._versions) > 1)
        for table in (self.goals, self.accommodations, self.steps):
            table.set_read_only(not latest)
        self.read_only_label.setText(
            "" if latest else self.tr("An earlier version, shown read-only.")
        )
        self.state_label.clear()

    def add_value(self) -> None:
        text = self.value_input.currentText().strip()
        existing = {self.values.item(i).text() for i in range(self.values.count())}
        if text and text not in existing:
            self.values.addItem(text)
            self._changed()
        self.value_input.setCurrentText("")

    def _remove_value(self) -> None:
        r = self.values.currentRow()
        if r >= 0:
            self.values.takeItem(r)
            self._changed()

    def plan(self) -> dict[str, Any]:
        """The form as an interchange-shaped job plan."""

        def opt(sb: QDoubleSpinBox) -> float | None:
            return None if sb.value() < 0 else sb.value()

        goals = [g | {"due": g["due"]} for g in self.goals.rows() if g["text"] or g["due"]]
        acc = [a for a in self.accommodations.rows() if a["description"] or a["until"]]
        d: dict[str, Any] = {
            "values": [self.values.item(i).text() for i in range(self.values.count())],
            "direction": self.direction.toPlainText().strip() or None,
            "goals": [{k: v for k, v in g.items() if v is not None} for g in goals],
            "accommodations": [{k: v for k, v in a.items() if v is not None} for a in acc],
            "hours_now": opt(self.hours_now),
            "hours_target": opt(self.hours_target),
            "hours_steps": [s for s in self.steps.rows() if s["from"]],
        }
        return {k: v for k, v in d.items() if v is not None}

    # --- drafts (kept on lock and quit, restored when the plan is opened again) ------

    @staticmethod
    def draft_key_for(participant_id: int) -> str:
        return f"jobplan:{participant_id}"

    @property
    def draft_key(self) -> str:
        return self.draft_key_for(self.participant_id)

    def keep_draft(self) -> None:
        if self._dirty:
            self.draft.keep({"plan": self.plan()})

    def _restore_draft(self) -> None:
        draft = self.draft.read()
        if draft:
            self.version_combo.setCurrentIndex(0)
            self._fill(draft.get("plan") or {}, True)
            self._dirty = True
            self.state_label.setText(self.tr("Unsaved changes restored from a draft"))

    def discard_changes(self) -> None:
        self.draft.discard()
        self._dirty = False
        self._show_version()

    def save(self) -> bool:
        if not self.save_button.isEnabled():
            return False
        bad = first_invalid(self.findChildren(DateField))
        if bad is not None:
            self.message.show_message(bad.error())
            bad.setFocus()
            return False
        try:
            added = self.draft.save(jobplans.save_new_version, self.participant_id, self.plan())
        except BadInput as exc:
            self.message.show_message("\n".join(field_error(e) for e in exc.errors))
            return False
        self.message.show_message(None)
        self.reload()
        self.state_label.setText(
            self.tr("Saved as a new version.")
            if added
            else self.tr("Nothing was changed, so no new version was made.")
        )
        if added:
            self.saved.emit()
        return True

    def compare(self) -> None:
        """Two versions side by side as a list of what changed (core/jobplan_diff)."""
        from coachdesk.ui.jobplan_diff_dialog import JobPlanDiffDialog

        if len(self._versions) < 2:
            return
        shown = self.version_combo.currentData()
        dialog = JobPlanDiffDialog(self._versions, newer=shown, parent=self)
        dialog.open()
        self.diff_dialog = dialog
