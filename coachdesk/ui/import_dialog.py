"""Filer -> Importér deltagerfil…: the CLI's import (store/interchange), from the app.

A handover file from another coach (age-encrypted, issue 17) is opened here too: with
this vault's receiving key, or with the passphrase the sender told by phone (the field
appears when the file needs one). Inside it is a participant file, imported by the
same rules.

The same all-or-nothing rule as ``coachdesk import``: the whole file is checked first;
one error and nothing is imported, and the errors are listed, one readable line each
("Deltager 4 (GK-2026-0042), samtale 1, dato: …"). The file is chosen in a QFileDialog
*instance* with an empty history, so no recently used folder is remembered.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import BadInput, CoachDeskError, FieldError
from coachdesk.store import agefile, handover, interchange
from coachdesk.ui import file_dialogs, plain
from coachdesk.ui.messages import error_text, field_error, field_label, field_text

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault

_PATH = re.compile(r"^participants\[(\d+)\](.*)$")


def readable(error: str, refs: list[str | None]) -> str:
    """'participants[3].sessions[0].date: ...' -> 'Participant 4 (ref), session 1, date:
    ...': the field named by its label and the problem in the UI language (a FieldError);
    a document-level sentence is shown as it is."""
    if not isinstance(error, FieldError):
        return error
    m = _PATH.match(error.path)
    if m is None:
        return field_error(error)
    i = int(m.group(1))
    who = QCoreApplication.translate("ImportDialog", "Participant %1").replace("%1", str(i + 1))
    if i < len(refs) and refs[i]:
        who += f" ({refs[i]})"
    rest = field_label(m.group(2), capital=False) if m.group(2) else ""
    return ", ".join(p for p in (who, rest) if p) + ": " + field_text(error)


class ImportDialog(QDialog):
    """Choose a participant file, import it all or nothing, list what was wrong."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.imported = False
        self.setWindowTitle(self.tr("Import participant file"))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Participant file"))
        self.path.setPlaceholderText(
            self.tr("A participant file (.json) or a handover file (.age)")
        )
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self.choose)
        self.replace = QCheckBox(
            self.tr("&Replace participants who are already in the vault (same ref)")
        )
        self.phrase = QLineEdit()
        self.phrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.phrase.setAccessibleName(self.tr("Handover passphrase"))
        self.phrase_label = QLabel(self.tr("Handover &passphrase:"))
        self.phrase_label.setBuddy(self.phrase)
        self.phrase_row = QWidget()
        pr = QHBoxLayout(self.phrase_row)
        pr.setContentsMargins(0, 0, 0, 0)
        pr.addWidget(self.phrase_label)
        pr.addWidget(self.phrase, 1)
        self.phrase_row.hide()
        intro = QLabel(
            self.tr(
                "The whole file is checked first. If anything in it is wrong, "
                "nothing is imported and the problems are listed here."
            )
        )
        intro.setWordWrap(True)
        self.outcome = plain.label()  # errors may quote the file's content or its path
        self.outcome.setWordWrap(True)
        self.errors = QListWidget()
        self.errors.setAccessibleName(self.tr("Problems in the file"))
        self.errors.setWordWrap(True)
        self.errors.hide()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.clicked.connect(self.run_import)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        lab = QLabel(self.tr("&File:"))
        lab.setBuddy(self.path)
        row.addWidget(lab)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(row)
        lay.addWidget(self.phrase_row)
        lay.addWidget(self.replace)
        lay.addWidget(self.outcome)
        lay.addWidget(self.errors, 1)
        lay.addWidget(self.buttons)
        self.resize(720, 460)

    def file_dialog(self) -> QFileDialog:
        # No list of recent folders, not even on closing (they can name people).
        return file_dialogs.make(
            self,
            self.tr("Choose a participant file"),
            name_filter=";;".join(
                [self.tr("Participant and handover files (*.json *.age)"), self.tr("All files (*)")]
            ),
        )

    def choose(self) -> None:
        chosen = file_dialogs.run(self.file_dialog())
        if chosen:
            self.path.setText(chosen)
            self.phrase.clear()
            self.run_import()

    def run_import(self) -> bool:
        text = self.path.text().strip()
        self.errors.clear()
        self.errors.hide()
        if not text:
            self.outcome.setText(self.tr("Choose a participant file first."))
            return False
        try:
            data = Path(text).read_bytes()
        except OSError:
            self.outcome.setText(
                self.tr("The file could not be read. Check the name and that you may open it.")
            )
            return False
        if agefile.looks_like_age(data) or text.lower().endswith(".age"):
            return self._import_age(data)
        self.phrase_row.hide()
        try:
            res = self.vault.write(
                interchange.import_document, data, replace=self.replace.isChecked()
            )
        except BadInput as exc:
            self._show_errors(exc, data)
            return False
        self._done(res)
        return True

    def _import_age(self, data: bytes) -> bool:
        """A handover file: check its header, decrypt, import all or nothing."""
        try:
            head = agefile.header(data)
        except CoachDeskError as exc:
            self.outcome.setText(error_text(exc))
            return False
        self.phrase_row.setVisible(head.passphrase)
        phrase = self.phrase.text() if head.passphrase else None
        if head.passphrase and not phrase:
            self.outcome.setText(
                self.tr(
                    "This handover file is protected with a passphrase. "
                    "Type the passphrase the sender told you, then "
                    "press Import."
                )
            )
            self.phrase.setFocus()
            return False
        plain = b""
        try:
            opened = self.vault.read(handover.open_file, data, passphrase=phrase)
            plain = opened.document
            res = self.vault.write(handover.import_opened, opened, replace=self.replace.isChecked())
        except BadInput as exc:
            self._show_errors(exc, plain)
            return False
        except CoachDeskError as exc:
            self.outcome.setText(error_text(exc))
            return False
        self.phrase.clear()
        self._done(res)
        return True

    def _done(self, res: interchange.ImportResult) -> None:
        self.outcome.setText(
            self.tr("Imported: %1 new, %2 replaced.")
            .replace("%1", str(res.added))
            .replace("%2", str(res.replaced))
        )
        self.imported = True

    def _show_errors(self, exc: BadInput, data: bytes) -> None:
        refs: list[str | None] = []
        try:
            doc = interchange.parse_document(data)
            people = doc.get("participants") if isinstance(doc, dict) else None
            refs = [
                p.get("ref") if isinstance(p, dict) and isinstance(p.get("ref"), str) else None
                for p in people or []
            ]
        except BadInput:
            pass
        if not exc.errors:
            self.outcome.setText(error_text(exc))
            return
        self.outcome.setText(
            self.tr("Nothing was imported: %n problem(s) in the file.", "", len(exc.errors))
        )
        for e in exc.errors:
            self.errors.addItem(readable(e, refs))
        self.errors.show()
