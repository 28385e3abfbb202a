"""Settings: the vault's own (threshold, SD, r, retention, coach) and this machine's
(idle-lock minutes, language, kept in QSettings)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.store import audit, settings
from coachdesk.ui import preferences


class SettingsDialog(QDialog):
    def __init__(self, vault: Any, parent: QWidget | None = None) -> None:
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
        self._row(f, self.tr("&Admission threshold (total ≥):"), self.threshold)
        self._row(f, self.tr("Standard &deviation (reliable change):"), self.sd)
        self._row(f, self.tr("&Reliability r:"), self.r)
        vault_box = QGroupBox(self.tr("This vault"))
        f = QFormLayout(vault_box)
        self._row(f, self.tr("&Coach name:"), self.coach_name)
        self._row(f, self.tr("&Organisation:"), self.organisation)
        self._row(f, self.tr("Con&tact on reports:"), self.coach_contact)
        self._row(f, self.tr("Offer erasure &after the course ended:"), self.retention)
        machine = QGroupBox(self.tr("This computer"))
        f = QFormLayout(machine)
        self._row(f, self.tr("&Lock after idle:"), self.idle)
        self._row(f, self.tr("Lan&guage:"), self.language)
        self.restart_note = QLabel(self.tr("A new language takes effect when CoachDesk restarts."))
        self.restart_note.setWordWrap(True)
        f.addRow(self.restart_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        from coachdesk.ui.recipient_view import RecipientBox

        self.recipient_box = RecipientBox(vault)
        lay = QVBoxLayout(self)
        for b in (pss, vault_box, self.recipient_box, machine):
            lay.addWidget(b)
        lay.addWidget(buttons)
        self.setMinimumWidth(560)
        # Wrapped labels (the receiving key's) need the height for the dialog's width; a
        # dialog otherwise opens at its minimum and squeezes them.
        self.resize(560, max(self.sizeHint().height(), lay.totalHeightForWidth(560)))
        self._load()

    def _row(self, form: QFormLayout, text: str, w: QWidget) -> None:
        lab = QLabel(text)
        lab.setBuddy(w)
        w.setAccessibleName(text.replace("&", "").rstrip(":"))
        form.addRow(lab, w)

    def _load(self) -> None:
        with self.vault.session() as s:
            self._before = {k: settings.get(s, k) for k in (
                "admission_threshold", "pss_sd", "pss_r", "retention_months", "coach_name",
                "organisation", "coach_contact")}
        b = self._before
        self.threshold.setValue(int(b["admission_threshold"]))
        self.sd.setValue(float(b["pss_sd"]))
        self.r.setValue(float(b["pss_r"]))
        self.retention.setValue(int(b["retention_months"]))
        self.coach_name.setText(b["coach_name"] or "")
        self.organisation.setText(b["organisation"] or "")
        self.coach_contact.setText(b["coach_contact"] or "")
        self.idle.setValue(preferences.IDLE_LOCK_MINUTES.get())
        self.language.setCurrentIndex(max(0, self.language.findData(
            preferences.LANGUAGE.get())))

    def values(self) -> dict[str, Any]:
        return {"admission_threshold": self.threshold.value(), "pss_sd": self.sd.value(),
                "pss_r": self.r.value(), "retention_months": self.retention.value(),
                "coach_name": self.coach_name.text().strip(),
                "organisation": self.organisation.text().strip(),
                "coach_contact": self.coach_contact.text().strip()}

    def save(self) -> None:
        new = self.values()
        changed = sorted(k for k, v in new.items() if self._before.get(k) != v)
        if changed:
            with self.vault.session() as s:
                for k in changed:
                    settings.put(s, k, new[k])
                audit.record(s, "settings_changed", {"keys": changed})
                s.commit()
        preferences.IDLE_LOCK_MINUTES.set(self.idle.value())
        preferences.LANGUAGE.set(self.language.currentData())
        self.accept()
