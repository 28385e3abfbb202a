"""Settings: the vault's own (threshold, SD, r, retention, coach) and this machine's
(idle-lock minutes, language, kept in QSettings)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import instruments, schedule
from coachdesk.core.instrument import text
from coachdesk.store import settings
from coachdesk.ui import preferences
from coachdesk.ui.fields import labelled_row
from coachdesk.ui.pss10_chart_view import ui_lang

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


class SettingsDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(self.tr("Settings"))
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 40)
        self.sd = QDoubleSpinBox()
        self.sd.setRange(0.1, 20)
        self.sd.setDecimals(2)
        self.r = QDoubleSpinBox()
        self.r.setRange(0.0, 0.99)
        self.r.setDecimals(2)
        self.r.setSingleStep(0.01)
        self.retention = QSpinBox()
        self.retention.setRange(1, 240)
        self.retention.setSuffix(self.tr(" months"))
        self.coach_name = QLineEdit()
        self.organisation = QLineEdit()
        self.coach_contact = QLineEdit()  # printed on every report as the sender's contact
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setSuffix(self.tr(" min"))
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("Dansk", "da")
        self.language.addItem("English", "en")

        pss = QGroupBox(self.tr("PSS-10"))
        f = QFormLayout(pss)
        labelled_row(f, self.tr("&Admission threshold (total ≥):"), self.threshold)
        labelled_row(f, self.tr("Standard &deviation (reliable change):"), self.sd)
        labelled_row(f, self.tr("&Reliability r:"), self.r)
        vault_box = QGroupBox(self.tr("This vault"))
        f = QFormLayout(vault_box)
        labelled_row(f, self.tr("&Coach name:"), self.coach_name)
        labelled_row(f, self.tr("&Organisation:"), self.organisation)
        labelled_row(f, self.tr("Con&tact on reports:"), self.coach_contact)
        labelled_row(f, self.tr("Offer erasure &after the course ended:"), self.retention)
        machine = QGroupBox(self.tr("This computer"))
        f = QFormLayout(machine)
        labelled_row(f, self.tr("&Lock after idle:"), self.idle)
        labelled_row(f, self.tr("Lan&guage:"), self.language)
        self.restart_note = QLabel(self.tr("A new language takes effect when CoachDesk restarts."))
        self.restart_note.setWordWrap(True)
        f.addRow(self.restart_note)
        # The course's questionnaires: which instrument at which point (core/schedule.py).
        plan_box = QGroupBox(self.tr("Questionnaires in the course"))
        grid = QGridLayout(plan_box)
        points = {
            "screening": self.tr("Screening"),
            "mid": self.tr("Week 4"),
            "final": self.tr("Week 12"),
            "followup": self.tr("Follow-up"),
        }
        for col, point in enumerate(schedule.POINTS):
            grid.addWidget(QLabel(points[point]), 0, 1 + col)
        self.plan_boxes: dict[tuple[str, str], QCheckBox] = {}
        for row, inst in enumerate(instruments.all_instruments()):
            grid.addWidget(QLabel(text(inst.name, ui_lang())), 1 + row, 0)
            for col, point in enumerate(schedule.POINTS):
                box = QCheckBox()
                box.setAccessibleName(f"{inst.short}: {points[point]}")
                grid.addWidget(box, 1 + row, 1 + col)
                self.plan_boxes[(inst.id, point)] = box
        # Optional sub-scales (the CBI's client scale): asked in this course or not.
        self.scale_boxes: dict[str, QCheckBox] = {}
        row = 1 + len(instruments.all_instruments())
        for inst in instruments.all_instruments():
            for scale in inst.optional_scales:
                spec = next(sp for sp in inst.scores if sp.key == scale)
                box = QCheckBox(
                    self.tr("Ask %1: %2")
                    .replace("%1", inst.short)
                    .replace("%2", text(spec.name, ui_lang()))
                )
                grid.addWidget(box, row, 0, 1, 1 + len(schedule.POINTS))
                self.scale_boxes[f"{inst.id}.{scale}"] = box
                row += 1
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        from coachdesk.ui.recipient_view import RecipientBox

        self.recipient_box = RecipientBox(vault)
        # Two columns: one column of every group was taller than a 1366x768 screen.
        left, right = QVBoxLayout(), QVBoxLayout()
        for b in (pss, plan_box, machine):
            left.addWidget(b)
        for b in (vault_box, self.recipient_box):
            right.addWidget(b)
        left.addStretch(1)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(columns)
        lay.addWidget(buttons)
        self.setMinimumWidth(1000)
        # Wrapped labels (the receiving key's) need the height for the dialog's width; a
        # dialog otherwise opens at its minimum and squeezes them.
        self.resize(1000, max(self.sizeHint().height(), lay.totalHeightForWidth(1000)))
        self._load()

    def _load(self) -> None:
        self._before = self.vault.read(
            settings.get_many,
            (
                "admission_threshold",
                "pss_sd",
                "pss_r",
                "retention_months",
                "coach_name",
                "organisation",
                "coach_contact",
            ),
        )
        self._plan = self.vault.read(settings.instrument_schedule)
        self._omitted = self.vault.read(settings.omitted_scales)
        for key, box in self.scale_boxes.items():
            box.setChecked(key not in self._omitted)
        for (iid, point), box in self.plan_boxes.items():
            box.setChecked(iid in self._plan.get(point, ()))
        b = self._before
        self.threshold.setValue(int(b["admission_threshold"]))
        self.sd.setValue(float(b["pss_sd"]))
        self.r.setValue(float(b["pss_r"]))
        self.retention.setValue(int(b["retention_months"]))
        self.coach_name.setText(b["coach_name"] or "")
        self.organisation.setText(b["organisation"] or "")
        self.coach_contact.setText(b["coach_contact"] or "")
        self.idle.setValue(preferences.IDLE_LOCK_MINUTES.get())
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.LANGUAGE.get())))

    def values(self) -> dict[str, Any]:
        return {
            "admission_threshold": self.threshold.value(),
            "pss_sd": self.sd.value(),
            "pss_r": self.r.value(),
            "retention_months": self.retention.value(),
            "coach_name": self.coach_name.text().strip(),
            "organisation": self.organisation.text().strip(),
            "coach_contact": self.coach_contact.text().strip(),
        }

    def plan(self) -> dict[str, tuple[str, ...]]:
        """The schedule as ticked, in registry order per point."""
        return {
            point: tuple(
                i.id
                for i in instruments.all_instruments()
                if self.plan_boxes[(i.id, point)].isChecked()
            )
            for point in schedule.POINTS
        }

    def save(self) -> None:
        new = self.values()
        changed = sorted(k for k, v in new.items() if self._before.get(k) != v)
        plan = self.plan()
        if plan != self._plan:
            changed.append("instrument_schedule")
        omitted = sorted(k for k, box in self.scale_boxes.items() if not box.isChecked())
        if set(omitted) != self._omitted:
            changed.append("omitted_scales")
            new["omitted_scales"] = omitted
        if changed:
            self.vault.write(
                settings.change,
                {k: plan if k == "instrument_schedule" else new[k] for k in changed},
            )
        preferences.IDLE_LOCK_MINUTES.set(self.idle.value())
        preferences.LANGUAGE.set(self.language.currentData())
        self.accept()
