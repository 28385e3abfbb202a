"""The report export dialog: choose what to disclose, see it, export it (encrypted).

The preview and the export go through the same path as the CLI
(reports.content.build_report -> reports.export); the preview PDF lives only in memory
(a QBuffer fed to QPdfDocument, never a temp file). The work runs off the GUI thread,
each job with its own database session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coachdesk.reports import content, sections
from coachdesk.reports.pdf_security import MIN_PASSWORD_LEN
from coachdesk.ui import file_dialogs, plain
from coachdesk.ui.fields import report_language
from coachdesk.ui.messages import error_text
from coachdesk.ui.pss10_chart_view import ui_lang
from coachdesk.ui.worker import Jobs

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault

# Danish file names: the kind of report, the participant's ref (never the name), the date.
FILE_KINDS = {
    "status_report": "Statusnotat",
    "final_report": "Slutrapport",
    "access_copy": "Indsigt-borgerens-kopi",
}


def file_name(kind: str, ref: str, day: dt.date) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in ref)
    return f"{FILE_KINDS[kind]}-{safe}-{day:%Y-%m-%d}.pdf"


class ExportDialog(QDialog):
    """Export one participant's report (status, final, or their own copy)."""

    exported = Signal(object)  # reports.export.ExportResult

    def __init__(self, vault: Vault, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        self.jobs = Jobs()
        self._generation = 0
        self._buffer: QBuffer | None = None
        self._pdf_bytes = QByteArray()
        self.last_result: Any = None
        # Replaceable in tests; the Qt dialog avoids the platform's recent-files lists.
        self.choose_target: Callable[[str], str | None] = self._choose_target
        self.ask_passphrase: Callable[[], str | None] = self._ask_passphrase
        self.ask_sender: Callable[[dict[str, str]], dict[str, str] | None] = self._ask_sender
        self.setWindowTitle(self.tr("Export report"))

        # Opening the preview reads the person's data: one audit line per dialog.
        start = vault.write(content.start_dialog, participant_id)
        self._default_recipient = start.default_recipient
        self._default_kind = start.default_kind
        self._consent_problem = start.consent_problem
        self._ref = start.ref
        self._last_dir = start.last_dir
        self._sender = start.sender

        # --- choices -------------------------------------------------------------
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Status note (statusnotat)"), "status_report")
        self.kind.addItem(self.tr("Final report"), "final_report")
        self.kind.addItem(self.tr("Participant's own copy (access request)"), "access_copy")
        self.kind.setCurrentIndex(self.kind.findData(self._default_kind))
        self.lang = report_language()
        self.recipient = QLineEdit(self._default_recipient)
        self.recipient.setPlaceholderText(self.tr("Caseworker, municipality"))

        # How the report leaves the coach: recorded in the disclosure log.
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Digital Post"), "digital_post")
        self.channel.addItem(self.tr("Secure e-mail"), "secure_email")
        self.channel.addItem(self.tr("Handed over in person"), "handed_over")
        self.channel.addItem(self.tr("Other"), "other")

        self.section_boxes: dict[str, QCheckBox] = {}
        self.sections_box = sections_box = QGroupBox(self.tr("Sections"))
        sl = QVBoxLayout(sections_box)
        warned = False
        for section in sections.all_sections():  # the registry: a new section shows here
            if section.sensitive and not warned:
                warned = True
                warn = QLabel(self.tr("Sensitive – include only when the recipient needs it:"))
                warn.setWordWrap(True)
                font = warn.font()
                font.setBold(True)
                warn.setFont(font)
                sl.addWidget(warn)
            box = QCheckBox(self._section_label(section))
            box.setChecked(section.key in sections.defaults())
            if section.sensitive:
                box.setToolTip(
                    self.tr(
                        "Sensitive: not part of the minimal report. Include it only "
                        "when the recipient needs it; you will be asked for your "
                        "passphrase."
                    )
                )
            box.toggled.connect(self._changed)
            self.section_boxes[section.key] = box
            sl.addWidget(box)
        self.access_note = QLabel(
            self.tr(
                "The participant's own copy holds everything recorded "
                "about them, the disclosure log and their audit entries, "
                "with the participant file (JSON) attached."
            )
        )
        self.access_note.setWordWrap(True)
        sl.addWidget(self.access_note)

        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("Optional, at least %n characters", "", MIN_PASSWORD_LEN)
        )
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2.setPlaceholderText(self.tr("Repeat the password"))
        pw_hint = QLabel(
            self.tr(
                "The PDF is encrypted with AES-256. Send the password by another "
                "channel (phone or text message), never in the same e-mail."
            )
        )
        pw_hint.setWordWrap(True)
        # PDF/A forbids encryption: an encrypted report cannot be filed by the municipality.
        self.archive_warning = QLabel(
            self.tr(
                "An encrypted PDF cannot be archived: the municipality's case system files PDF/A, "
                "which may not be encrypted. Send the municipality the plain PDF through Digital "
                "Post or secure e-mail instead."
            )
        )
        self.archive_warning.setWordWrap(True)
        font = self.archive_warning.font()
        font.setBold(True)
        self.archive_warning.setFont(font)
        self.archive_warning.setVisible(False)
        self.report_warnings = plain.label()  # warnings may quote what was recorded
        self.report_warnings.setWordWrap(True)
        self.report_warnings.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("Report type"), self.kind)
        form.addRow(self.tr("Report language"), self.lang)
        form.addRow(self.tr("Recipient"), self.recipient)
        form.addRow(self.tr("Sent by"), self.channel)
        pw_box = QGroupBox(self.tr("Password protection"))
        pf = QFormLayout(pw_box)
        pf.addRow(self.tr("Password"), self.password)
        pf.addRow(self.tr("Repeat"), self.password2)
        pf.addRow(pw_hint)
        pf.addRow(self.archive_warning)

        # Paths, errors and recipients may hold a participant's name: shown as plain text.
        self.consent_label = plain.label()
        self.consent_label.setWordWrap(True)
        self.message = plain.label()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the work has no measurable steps
        self.progress.setVisible(False)
        self.progress.setTextVisible(False)

        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch()
        buttons.addWidget(close)
        buttons.addWidget(self.export_button)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addLayout(form)
        ll.addWidget(sections_box)
        ll.addWidget(pw_box)
        ll.addWidget(self.consent_label)
        ll.addWidget(self.report_warnings)
        ll.addStretch()

        # --- preview -------------------------------------------------------------
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview_state = plain.label(self.tr("Building the preview…"))
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.preview_state)
        rl.addWidget(self.view, 1)

        # The choices scroll rather than squeeze: 16 sections, the password and the
        # warnings do not fit a 768-pixel screen otherwise.
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)
        left_scroll.setMinimumWidth(left.sizeHint().width() + 24)
        split = QSplitter()
        split.addWidget(left_scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(split, 1)
        outer.addWidget(self.message)
        outer.addLayout(buttons)
        self.resize(1100, 760)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh_preview)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.lang.currentIndexChanged.connect(self._changed)
        self.recipient.textChanged.connect(self._changed)
        self.password.textChanged.connect(self._password_changed)
        self._kind_changed()
        self.refresh_preview()

    # --- state -------------------------------------------------------------------

    def _section_label(self, section: sections.Section) -> str:
        """The registry's label in the app's language, with its detail and, when
        sensitive, the mark."""
        name = section.label(ui_lang())
        if section.detail is not None:
            name = f"{name} ({section.detail()})"
        return self.tr("%1 (sensitive)").replace("%1", name) if section.sensitive else name

    def request(self) -> content.ReportRequest:
        kind = self.kind.currentData()
        if kind == "access_copy":
            sections: tuple[str, ...] = (content.EVERYTHING,)
        else:
            sections = tuple(k for k, b in self.section_boxes.items() if b.isChecked())
        return content.ReportRequest(
            kind=kind,
            sections=sections,
            lang=self.lang.currentData(),
            recipient=self.recipient.text().strip(),
        )

    def _kind_changed(self) -> None:
        access = self.kind.currentData() == "access_copy"
        # The own copy holds everything: the caseworker ticks would only mislead.
        for box in self.section_boxes.values():
            box.setEnabled(not access)
            box.setVisible(not access)
        for label in self.sections_box.findChildren(QLabel):
            if label is not self.access_note:
                label.setVisible(not access)
        self.access_note.setVisible(access)
        blocked = self._consent_problem is not None and not access
        self.consent_label.setText(
            self.tr(
                "No report to the municipality: the participant "
                "has not consented, or withdrew the consent."
            )
            if blocked
            else ""
        )
        self.consent_label.setVisible(blocked)
        self.export_button.setEnabled(not blocked)
        if access and self.recipient.text() == self._default_recipient:
            self.recipient.setText(self.tr("The participant"))
        elif not access and self.recipient.text() == self.tr("The participant"):
            self.recipient.setText(self._default_recipient)
        self._changed()

    def _changed(self) -> None:
        self._debounce.start()

    def _password_changed(self) -> None:
        self.archive_warning.setVisible(bool(self.password.text()))

    def _show_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.export_button.setEnabled(
            not busy and not (self._consent_problem and self.kind.currentData() != "access_copy")
        )

    # --- preview -----------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Rebuild the in-memory preview (unencrypted: it never leaves this window).

        One PDF job at a time: while a preview or the export is still being made, the
        rebuild waits for it (reportlab is not safe to run twice at once; two renders on
        two threads have crashed the process)."""
        if self.jobs.busy():
            self._debounce.start()
            return
        self._generation += 1
        generation = self._generation
        request = self.request()
        if self._consent_problem and request.kind != "access_copy":
            self._set_preview(None, error_text(self._consent_problem))
            return
        self.preview_state.setText(self.tr("Building the preview…"))
        self.preview_state.setVisible(True)
        vault, pid = self.vault, self.participant_id

        def work() -> tuple[bytes, tuple[str, ...]]:
            from coachdesk.reports.export import render_content

            built = vault.read(content.build_report, pid, request)
            return render_content(built), built.warnings

        def done(result: tuple[bytes, tuple[str, ...]]) -> None:
            if generation == self._generation:
                data, warnings = result
                self.report_warnings.setText("\n".join(warnings))
                self.report_warnings.setVisible(bool(warnings))
                self._set_preview(data, None)

        def failed(exc: Any) -> None:
            if generation == self._generation:
                self._set_preview(None, error_text(exc))

        self.jobs.run(work, done, failed)

    def _set_preview(self, data: bytes | None, problem: str | None) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None
        self._pdf_bytes = QByteArray(data or b"")
        if data:
            self._buffer = QBuffer(self._pdf_bytes, self)
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
            self.preview_state.setText(self.tr("%n page(s)", "", self.document.pageCount()))
        else:
            self.preview_state.setText(problem or "")
        self.preview_state.setVisible(True)

    @property
    def preview_pages(self) -> int:
        return self.document.pageCount()

    # --- export ------------------------------------------------------------------

    def _choose_target(self, suggested: str) -> str | None:
        # The export folder may carry the person's name: no history kept (file_dialogs).
        return file_dialogs.save_file(
            self, self.tr("Export report"), suggested, self.tr("PDF files (*.pdf)")
        )

    def _ask_passphrase(self) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Confirm it is you"),
            self.tr(
                "This export includes session notes, the full CPR number or everything "
                "about the person. Enter your passphrase:"
            ),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else None

    def _ask_sender(self, current: dict[str, str]) -> dict[str, str] | None:
        """The coach's name, organisation and contact, asked once when missing."""
        from PySide6.QtWidgets import QDialogButtonBox

        dlg = QDialog(self)
        dlg.setWindowTitle(self.tr("Who sends the report"))
        form = QFormLayout(dlg)
        intro = QLabel(
            self.tr(
                "Every report names its sender, so the caseworker can answer. "
                "This is asked once; you can change it in Settings."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        edits = {}
        for key, text in (
            ("coach_name", self.tr("Your name")),
            ("organisation", self.tr("Organisation")),
            ("coach_contact", self.tr("Phone or e-mail")),
        ):
            edits[key] = QLineEdit(current.get(key, ""))
            form.addRow(text, edits[key])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dlg.accept)
        buttons.rejected.connect(dlg.reject)
        form.addRow(buttons)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        return {k: e.text().strip() for k, e in edits.items()}

    def _complete_sender(self) -> None:
        """Ask for the sender's details and keep them in the vault's settings."""
        answer = self.ask_sender(dict(self._sender))
        if not answer:
            return  # the report leaves out what is not known; it asks again next time
        from coachdesk.store import settings

        changed = [k for k, v in answer.items() if v and v != self._sender.get(k)]
        if not changed:
            return
        self.vault.write(settings.change, {key: answer[key] for key in changed})
        self._sender.update({k: answer[k] for k in changed})

    def _password(self) -> str | None:
        """The chosen PDF password, None for none; raises ValueError with the problem."""
        a, b = self.password.text(), self.password2.text()
        if not a and not b:
            return None
        if a != b:
            raise ValueError(self.tr("The two passwords differ."))
        if len(a) < MIN_PASSWORD_LEN:
            raise ValueError(
                self.tr("The password must have at least %n characters.", "", MIN_PASSWORD_LEN)
            )
        return a

    def start_export(self) -> None:
        request = self.request()
        if request.kind != "access_copy" and not request.sections:
            self._show_message(self.tr("Choose at least one section."))
            return
        try:
            password = self._password()
        except ValueError as exc:  # _password's own translated sentence
            self._show_message(str(exc))
            return
        if request.needs_reauth:
            secret = self.ask_passphrase()
            if secret is None:
                return
            if not self.vault.verify_passphrase(secret):
                self._show_message(self.tr("Wrong passphrase. Nothing was exported."))
                return
        if not all(self._sender.values()):
            self._complete_sender()
        suggested = str(
            Path(self._last_dir) / file_name(request.kind, self._ref, dt.date.today())
            if self._last_dir and Path(self._last_dir).is_dir()
            else file_name(request.kind, self._ref, dt.date.today())
        )
        target = self.choose_target(suggested)
        if not target:
            return
        target = file_dialogs.with_suffix(target, ".pdf")
        vault, pid = self.vault, self.participant_id
        channel = self.channel.currentData()
        self._last_dir = str(Path(target).parent)

        def work() -> Any:
            from coachdesk.reports.export import export_report
            from coachdesk.store import settings

            # (export_report commits the disclosure itself, before the file appears.)
            result = vault.write(
                export_report, pid, request, Path(target), password=password, channel=channel
            )
            vault.write(settings.put, "export_dir", str(Path(target).parent))
            return result

        self._busy(True)
        self._show_message(self.tr("Exporting…"))
        self.jobs.run(work, self._export_done, self._export_failed)

    def _export_done(self, result: Any) -> None:
        self._busy(False)
        self.last_result = result
        self.password.clear()
        self.password2.clear()
        text = self.tr("Exported to %1. The disclosure is recorded.").replace(
            "%1", str(result.path)
        )
        if result.encrypted:
            text += " " + self.tr("Remember: send the password by another channel.")
        self._show_message(text)
        self.exported.emit(result)

    def _export_failed(self, exc: Any) -> None:
        self._busy(False)
        self._show_message(error_text(exc) or self.tr("The export failed."))

    def done(self, result: int) -> None:
        # Let this dialog's running jobs finish before the widgets they report to go away.
        self.jobs.wait()
        self._debounce.stop()
        super().done(result)
