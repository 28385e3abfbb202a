"""Create or edit a participant's own details; the rules are core/records', shown per field."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import records
from coachdesk.errors import BadInput, FieldError
from coachdesk.store import participants
from coachdesk.ui import labels
from coachdesk.ui.date_field import first_invalid
from coachdesk.ui.fields import CprField, DateField, FieldMessage
from coachdesk.ui.messages import field_error, field_text

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


class ParticipantDialog(QDialog):
    def __init__(
        self, vault: Vault, participant_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        self.setWindowTitle(
            self.tr("New participant") if participant_id is None else self.tr("Edit participant")
        )
        self.messages: dict[str, FieldMessage] = {}
        self.fields: dict[str, QWidget] = {}
        self._forms: dict[str, QFormLayout] = {}

        self.name = QLineEdit()
        self.ref = QLineEdit()
        self.ref.setPlaceholderText(self.tr("e.g. the municipality's case number"))
        self.cpr = CprField()
        self.cpr.revealed.connect(self._cpr_revealed)
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.cw_name = QLineEdit()
        self.cw_municipality = QLineEdit()
        self.cw_email = QLineEdit()
        self.cw_case_ref = QLineEdit()
        # A single-line field stops at the stored maximum (core/records.MAX_LEN, the one
        # source of the limits); nothing longer than that can be saved anyway.
        for edit, key in (
            (self.name, "name"),
            (self.ref, "ref"),
            (self.email, "email"),
            (self.phone, "phone"),
            (self.cw_name, "caseworker.name"),
            (self.cw_municipality, "caseworker.municipality"),
            (self.cw_email, "caseworker.email"),
            (self.cw_case_ref, "caseworker.case_ref"),
        ):
            edit.setMaxLength(records.MAX_LEN[key])
        self.referral = DateField()
        self.start = DateField()
        self.status = QComboBox()
        for key, text in labels.statuses().items():
            self.status.addItem(text, key)
        self.consent_given = DateField()
        self.scope_boxes = {
            "course": QCheckBox(self.tr("The course")),
            "report_to_municipality": QCheckBox(self.tr("Reports to the municipality")),
        }
        self.consent_withdrawn = DateField()

        required = self.tr("%1 *")
        person = QGroupBox(self.tr("Person"))
        f = self._form(person, "person")
        self._row(f, required.replace("%1", self.tr("&Name")), self.name, "name")
        self._row(f, required.replace("%1", self.tr("&Ref")), self.ref, "ref")
        self._row(f, self.tr("&CPR"), self.cpr, "cpr")
        self._row(f, self.tr("&E-mail"), self.email, "email")
        self._row(f, self.tr("P&hone"), self.phone, "phone")

        cw = QGroupBox(self.tr("Caseworker at the municipality"))
        f = self._form(cw, "caseworker")
        self._row(f, self.tr("Case&worker"), self.cw_name, "caseworker.name")
        self._row(f, self.tr("&Municipality"), self.cw_municipality, "caseworker.municipality")
        self._row(f, self.tr("Caseworker e-&mail"), self.cw_email, "caseworker.email")
        self._row(f, self.tr("Case re&ference"), self.cw_case_ref, "caseworker.case_ref")

        crs = QGroupBox(self.tr("Course and consent"))
        f = self._form(crs, "course")
        self._row(f, self.tr("Re&ferral date"), self.referral, "referral_date")
        self._row(f, self.tr("Course &start"), self.start, "course_start")
        self._row(f, self.tr("S&tatus"), self.status, "status")
        self._row(f, self.tr("Consent &given on"), self.consent_given, "consent.given_on")
        scope = QWidget()
        sl = QHBoxLayout(scope)
        sl.setContentsMargins(0, 0, 0, 0)
        for box in self.scope_boxes.values():
            sl.addWidget(box)
        sl.addStretch()
        self._row(f, self.tr("Consent covers"), scope, "consent.scope")
        self._row(
            f, self.tr("Consent &withdrawn on"), self.consent_withdrawn, "consent.withdrawn_on"
        )

        self.summary = FieldMessage()
        note = QLabel(self.tr("Fields marked * are required."))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        body = QWidget()
        bl = QVBoxLayout(body)
        for g in (person, cw, crs):
            bl.addWidget(g)
        bl.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(note)
        lay.addWidget(self.summary)
        lay.addWidget(self.buttons)
        self.resize(620, 720)
        if participant_id is not None:
            self._load(participant_id)
        else:
            self.start.set_value(None)
            self.referral.set_value(dt.date.today())
        self.name.setFocus()

    def _form(self, box: QGroupBox, key: str) -> QFormLayout:
        f = QFormLayout(box)
        self._forms[key] = f
        return f

    def _row(self, form: QFormLayout, label: str, widget: QWidget, path: str) -> None:
        lab = QLabel(label)
        lab.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", "").rstrip(" *"))
        col = QWidget()
        cl = QVBoxLayout(col)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(2)
        cl.addWidget(widget)
        msg = FieldMessage()
        cl.addWidget(msg)
        self.messages[path] = msg
        self.fields[path] = widget
        # A message goes as soon as the coach changes its field: a stale one reads as if
        # the correction had not worked (issue 14).
        edit = getattr(widget, "edit", widget)
        for signal in ("textEdited", "currentIndexChanged", "toggled"):
            if hasattr(edit, signal):
                getattr(edit, signal).connect(lambda *_a, p=path: self._clear_message(p))
        if path == "consent.scope":
            for box in self.scope_boxes.values():
                box.toggled.connect(lambda *_a, p=path: self._clear_message(p))
        form.addRow(lab, col)

    def _clear_message(self, path: str) -> None:
        self.messages[path].show_message(None)
        if not any(m.isVisibleTo(self) and m.text() for m in self.messages.values()):
            self.summary.show_message(None)

    def _load(self, participant_id: int) -> None:
        rec = self.vault.write(
            participants.record_of, participant_id, audit_read=True, what="details"
        )
        self._loaded = rec
        self.name.setText(rec.get("name", ""))
        self.ref.setText(rec.get("ref", ""))
        self.cpr.set_value(rec.get("cpr"))
        self.email.setText(rec.get("email") or "")
        self.phone.setText(rec.get("phone") or "")
        cw = rec.get("caseworker") or {}
        self.cw_name.setText(cw.get("name") or "")
        self.cw_municipality.setText(cw.get("municipality") or "")
        self.cw_email.setText(cw.get("email") or "")
        self.cw_case_ref.setText(cw.get("case_ref") or "")
        self.referral.set_value(records.opt_date(rec.get("referral_date")))
        self.start.set_value(records.opt_date(rec.get("course_start")))
        self.status.setCurrentIndex(max(0, self.status.findData(rec.get("status"))))
        consent = rec.get("consent") or {}
        self.consent_given.set_value(records.opt_date(consent.get("given_on")))
        self.consent_withdrawn.set_value(records.opt_date(consent.get("withdrawn_on")))
        for key, box in self.scope_boxes.items():
            box.setChecked(key in (consent.get("scope") or []))

    def _cpr_revealed(self) -> None:
        if self.participant_id is None:
            return
        self.vault.write(participants.record_read, self.participant_id, "cpr_full")

    def record(self) -> dict[str, Any]:
        """The form as an interchange-shaped dict (the importer's shape)."""
        scope = [k for k, b in self.scope_boxes.items() if b.isChecked()]
        rec: dict[str, Any] = {
            "name": self.name.text(),
            "ref": self.ref.text(),
            "cpr": self.cpr.value(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "caseworker": {
                "name": self.cw_name.text(),
                "municipality": self.cw_municipality.text(),
                "email": self.cw_email.text(),
                "case_ref": self.cw_case_ref.text(),
            },
            "referral_date": self.referral.iso(),
            "course_start": self.start.iso(),
            "status": self.status.currentData(),
        }
        given, withdrawn = self.consent_given.iso(), self.consent_withdrawn.iso()
        rec["consent"] = (
            {"given_on": given, "scope": scope, "withdrawn_on": withdrawn}
            if (given or withdrawn or scope)
            else None
        )
        return rec

    def show_errors(self, errors: list[str]) -> None:
        for msg in self.messages.values():
            msg.show_message(None)
        other = []
        marked: set[str] = set()
        for e in errors:
            path = e.path if isinstance(e, FieldError) else e.partition(": ")[0]
            key = path.split("[")[0]
            if key in self.messages:
                if key not in marked:
                    self.messages[key].show_message(field_text(e))
                    marked.add(key)
            else:
                other.append(field_error(e))
        self.summary.show_message(
            self.tr("Please correct the marked fields.")
            + ("\n" + "\n".join(other) if other else "")
            if errors
            else None
        )
        # The focus goes to the first marked field from the top, where the eye starts.
        first = next((self.fields[k] for k in self.fields if k in marked), None)
        if first is not None:
            first.setFocus()

    def save(self) -> None:
        bad = first_invalid(self.fields.values())
        if bad is not None:  # the date field shows its own message under it
            self.summary.show_message(self.tr("Please correct the marked fields."))
            bad.setFocus()
            return
        rec = self.record()
        try:
            self.participant_id = self.vault.write(participants.save_form, self.participant_id, rec)
        except BadInput as exc:
            self.show_errors(exc.errors)
            return
        self.accept()
