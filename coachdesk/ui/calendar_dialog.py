"""Export the agenda as a calendar file (.ics) without health data.

The period (from / to), what a conversation is called in the calendar (the
participant's ref or initials: a vault setting, never the name) and the file. The
export itself is store/calendar_export (the CLI's `coachdesk agenda --ics` alike):
audited, written 0600 and renamed into place after the audit commit.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError
from coachdesk.store import calendar_export, settings
from coachdesk.ui import file_dialogs
from coachdesk.ui.date_field import DateField, first_invalid
from coachdesk.ui.messages import error_text

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


class CalendarExportDialog(QDialog):
    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        lang: str = "da",
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.lang = lang
        self.result_path: Path | None = None
        self.setWindowTitle(self.tr("Export calendar"))
        today = today or dt.date.today()
        first, last = calendar_export.period(None, None, today)
        self.first = DateField(first, allow_empty=False)
        self.first.setAccessibleName(self.tr("From"))
        self.last = DateField(last, allow_empty=False)
        self.last.setAccessibleName(self.tr("To"))
        self.label = QComboBox()
        self.label.setAccessibleName(self.tr("Participants are shown as"))
        self.label.addItem(self.tr("Their ref"), "ref")
        self.label.addItem(self.tr("Their initials"), "initials")
        stored = vault.read(settings.get_many, ("calendar_label", "export_dir"))
        how, folder = stored["calendar_label"], str(stored["export_dir"] or "")
        self.label.setCurrentIndex(max(0, self.label.findData(how)))
        self.path = QLineEdit(str(Path(folder or Path.home()) / "coachdesk-agenda.ics"))
        self.path.setAccessibleName(self.tr("File"))
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self.choose)
        prow = QHBoxLayout()
        prow.addWidget(self.path, 1)
        prow.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("F&rom:"), self.first)
        form.addRow(self.tr("&To:"), self.last)
        form.addRow(self.tr("&Show participants as:"), self.label)
        file_label = QLabel(self.tr("Fi&le:"))
        file_label.setBuddy(self.path)  # (a row of a layout gets no buddy by itself)
        form.addRow(file_label, prow)
        note = QLabel(
            self.tr(
                "The calendar holds the planned conversations and group "
                "sessions: the ref or initials, the time, the duration and the "
                "mode. Never a name, a CPR number, themes or notes. The export "
                "is recorded in the audit log."
            )
        )
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Export"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.resize(max(640, self.sizeHint().width()), self.sizeHint().height())

    def choose(self) -> None:
        # No folder history outside the vault (ui/file_dialogs.py).
        path = file_dialogs.save_file(
            self, self.tr("Export calendar"), self.path.text(), self.tr("Calendar files (*.ics)")
        )
        if path:
            self.path.setText(file_dialogs.with_suffix(path, ".ics"))

    def export(self) -> None:
        bad = first_invalid((self.first, self.last))
        if bad is not None:
            self.message.setText(bad.error() or "")
            bad.setFocus()
            return
        text = self.path.text().strip()
        if not text:
            self.message.setText(self.tr("Type a file name for the calendar."))
            self.path.setFocus()
            return
        out = Path(text).expanduser()
        try:
            res = self.vault.write(
                calendar_export.export_ics,
                out,
                first=self.first.value(),
                last=self.last.value(),
                lang=self.lang,
                label=self.label.currentData(),
            )
        except CoachDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.result_path = res.path
        self.events = res.events
        self.accept()
