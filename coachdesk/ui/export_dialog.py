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
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QThreadPool, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coachdesk.reports import content
from coachdesk.reports.pdf_security import MIN_PASSWORD_LEN
from coachdesk.ui.messages import error_text
from coachdesk.ui.worker import Task


class ExportDialog(QDialog):
    """Export one participant's report (status, final, or their own copy)."""

    exported = Signal(object)  # reports.export.ExportResult

    def __init__(self, vault: Any, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        self._tasks: list[Task] = []
        self._generation = 0
        self._buffer: QBuffer | None = None
        self._pdf_bytes = QByteArray()
        self.last_result: Any = None
        # Replaceable in tests; the Qt dialog avoids the platform's recent-files lists.
        self.choose_target: Callable[[str], str | None] = self._choose_target
        self.ask_passphrase: Callable[[], str | None] = self._ask_passphrase
        self.setWindowTitle(self.tr("Export report"))

        with vault.session() as s:
            p = content.load_participant(s, participant_id)
            self._default_recipient = content.default_recipient(p)
            self._default_kind = content.default_kind(p)
            self._consent_problem = content.consent_problem(p)
            from coachdesk.store import audit

            # Opening the preview reads the person's data: one audit line per dialog.
            audit.record(s, "participant_read", {"view": "report_preview"}, subject=p.uid)
            s.commit()

        # --- choices -------------------------------------------------------------
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Status report"), "status_report")
        self.kind.addItem(self.tr("Final report"), "final_report")
        self.kind.addItem(self.tr("Participant's own copy (access request)"), "access_copy")
        self.kind.setCurrentIndex(self.kind.findData(self._default_kind))
        self.lang = QComboBox()
        self.lang.addItem(self.tr("Danish"), "da")
        self.lang.addItem(self.tr("English"), "en")
        self.recipient = QLineEdit(self._default_recipient)
        self.recipient.setPlaceholderText(self.tr("Caseworker, municipality"))

        self.section_boxes: dict[str, QCheckBox] = {}
        sections_box = QGroupBox(self.tr("Sections"))
        sl = QVBoxLayout(sections_box)
        for key in content.SECTIONS:
            if key == "notes":
                warn = QLabel(self.tr("Sensitive – include only when the recipient needs it:"))
                warn.setWordWrap(True)
                font = warn.font()
                font.setBold(True)
                warn.setFont(font)
                sl.addWidget(warn)
            box = QCheckBox(self._section_label(key))
            box.setChecked(key in content.DEFAULT_SECTIONS)
            if key in content.SENSITIVE_SECTIONS:
                box.setToolTip(self.tr("Sensitive: not part of the minimal report. Include it only "
                                 "when the recipient needs it; you will be asked for your "
                                 "passphrase."))
            box.toggled.connect(self._changed)
            self.section_boxes[key] = box
            sl.addWidget(box)
        self.access_note = QLabel(self.tr("The participant's own copy holds everything recorded "
                                    "about them, the disclosure log and their audit entries, "
                                    "with the participant file (JSON) attached."))
        self.access_note.setWordWrap(True)
        sl.addWidget(self.access_note)

        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Optional, at least %n characters", "",
                                           MIN_PASSWORD_LEN))
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2.setPlaceholderText(self.tr("Repeat the password"))
        pw_hint = QLabel(self.tr("The PDF is encrypted with AES-256. Send the password by another "
                           "channel (phone or text message), never in the same e-mail."))
        pw_hint.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Report type"), self.kind)
        form.addRow(self.tr("Report language"), self.lang)
        form.addRow(self.tr("Recipient"), self.recipient)
        pw_box = QGroupBox(self.tr("Password protection"))
        pf = QFormLayout(pw_box)
        pf.addRow(self.tr("Password"), self.password)
        pf.addRow(self.tr("Repeat"), self.password2)
        pf.addRow(pw_hint)

        self.consent_label = QLabel()
        self.consent_label.setWordWrap(True)
        self.message = QLabel()
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
        ll.addStretch()

        # --- preview -------------------------------------------------------------
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview_state = QLabel(self.tr("Building the preview…"))
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.preview_state)
        rl.addWidget(self.view, 1)

        split = QSplitter()
        split.addWidget(left)
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
        self._kind_changed()
        self.refresh_preview()

    # --- state -------------------------------------------------------------------

    def _section_label(self, key: str) -> str:
        names = {
            "course": self.tr("Course"), "attendance": self.tr("Attendance"),
            "pss10": self.tr("PSS-10 before and after"), "job_plan": self.tr("Job plan"),
            "values": self.tr("Values"), "accommodations": self.tr("Accommodation needs and hours"),
            "outcome": self.tr("Outcome"), "summary": self.tr("Summary and recommendation"),
            "notes": self.tr("Session notes (sensitive)"),
            "contact": self.tr("Contact details (sensitive)"),
            "cpr_full": self.tr("Full CPR number (sensitive)"),
        }
        return names[key]

    def request(self) -> content.ReportRequest:
        kind = self.kind.currentData()
        if kind == "access_copy":
            sections: tuple[str, ...] = (content.EVERYTHING,)
        else:
            sections = tuple(k for k, b in self.section_boxes.items() if b.isChecked())
        return content.ReportRequest(kind=kind, sections=sections, lang=self.lang.currentData(),
                                     recipient=self.recipient.text().strip())

    def _kind_changed(self) -> None:
        access = self.kind.currentData() == "access_copy"
        for box in self.section_boxes.values():
            box.setEnabled(not access)
        self.access_note.setVisible(access)
        blocked = self._consent_problem is not None and not access
        self.consent_label.setText(self.tr("No report to the municipality: the participant "
                                           "has not consented, or withdrew the consent.")
                                   if blocked else "")
        self.consent_label.setVisible(blocked)
        self.export_button.setEnabled(not blocked)
        if access and self.recipient.text() == self._default_recipient:
            self.recipient.setText(self.tr("The participant"))
        elif not access and self.recipient.text() == self.tr("The participant"):
            self.recipient.setText(self._default_recipient)
        self._changed()

    def _changed(self) -> None:
        self._debounce.start()

    def _show_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.export_button.setEnabled(not busy and not (
            self._consent_problem and self.kind.currentData() != "access_copy"))

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None],
             failed: Callable[[Any], None]) -> None:
        task = Task(fn)
        self._tasks.append(task)

        def finish(cb: Callable[[Any], None]) -> Callable[[Any], None]:
            def inner(value: Any) -> None:
                if task in self._tasks:
                    self._tasks.remove(task)
                cb(value)
            return inner

        task.start(finish(done), finish(failed))

    # --- preview -----------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Rebuild the in-memory preview (unencrypted: it never leaves this window)."""
        self._generation += 1
        generation = self._generation
        request = self.request()
        if self._consent_problem and request.kind != "access_copy":
            self._set_preview(None, self._consent_problem)
            return
        self.preview_state.setText(self.tr("Building the preview…"))
        self.preview_state.setVisible(True)
        vault, pid = self.vault, self.participant_id

        def work() -> bytes:
            from coachdesk.reports.export import render_pdf

            with vault.session() as s:
                return render_pdf(s, pid, request)

        def done(data: bytes) -> None:
            if generation == self._generation:
                self._set_preview(data, None)

        def failed(exc: Any) -> None:
            if generation == self._generation:
                self._set_preview(None, error_text(exc))

        self._run(work, done, failed)

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
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), suggested, self.tr("PDF files (*.pdf)"),
            options=QFileDialog.Option.DontUseNativeDialog)
        return path or None

    def _ask_passphrase(self) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Confirm it is you"),
            self.tr("This export includes session notes, the full CPR number or everything "
                    "about the person. Enter your passphrase:"), QLineEdit.EchoMode.Password)
        return text if ok else None

    def _password(self) -> str | None:
        """The chosen PDF password, None for none; raises ValueError with the problem."""
        a, b = self.password.text(), self.password2.text()
        if not a and not b:
            return None
        if a != b:
            raise ValueError(self.tr("The two passwords differ."))
        if len(a) < MIN_PASSWORD_LEN:
            raise ValueError(self.tr("The password must have at least %n characters.", "",
                                     MIN_PASSWORD_LEN))
        return a

    def start_export(self) -> None:
        request = self.request()
        if request.kind != "access_copy" and not request.sections:
            self._show_message(self.tr("Choose at least one section."))
            return
        try:
            password = self._password()
        except ValueError as exc:
            self._show_message(error_text(exc))
            return
        if request.needs_reauth:
            secret = self.ask_passphrase()
            if secret is None:
                return
            if not self.vault.verify_passphrase(secret):
                self._show_message(self.tr("Wrong passphrase. Nothing was exported."))
                return
        suggested = f"CoachDesk-{request.kind.replace('_', '-')}-{dt.date.today():%Y-%m-%d}.pdf"
        target = self.choose_target(suggested)
        if not target:
            return
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        vault, pid = self.vault, self.participant_id

        def work() -> Any:
            from coachdesk.reports.export import export_report

            with vault.session() as s:
                result = export_report(s, pid, request, Path(target), password=password)
                s.commit()
            return result

        self._busy(True)
        self._show_message(self.tr("Exporting…"))
        self._run(work, self._export_done, self._export_failed)

    def _export_done(self, result: Any) -> None:
        self._busy(False)
        self.last_result = result
        self.password.clear()
        self.password2.clear()
        text = self.tr("Exported to %1. The disclosure is recorded.").replace(
            "%1", str(result.path))
        if result.encrypted:
            text += " " + self.tr("Remember: send the password by another channel.")
        self._show_message(text)
        self.exported.emit(result)

    def _export_failed(self, exc: Any) -> None:
        self._busy(False)
        self._show_message(error_text(exc) if not isinstance(exc, Exception) or str(exc)
                           else self.tr("The export failed."))

    def done(self, result: int) -> None:
        # Let running jobs finish before the widgets they report to go away.
        QThreadPool.globalInstance().waitForDone(10_000)
        self._debounce.stop()
        super().done(result)
