"""Participant page -> Overdrag til anden coach…: the CLI's ``handover`` (store/handover.py).

The receiving coach's key (age1…, from her Settings -> My receiving key) or, when she
has none yet, a passphrase told by phone. The file is written only after the disclosure
is committed. Afterwards the dialog offers to archive the participant; erasing waits
for the receiver's confirmation and is the page's own Erase… (a later, explicit step).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError
from coachdesk.store import handover, participants
from coachdesk.ui import file_dialogs, plain
from coachdesk.ui.labels import date_text
from coachdesk.ui.messages import error_text

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault

MIN_PASSPHRASE = 8


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class HandoverDialog(QDialog):
    def __init__(self, vault: Vault, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        self.written: handover.HandoverResult | None = None
        self.archived = False
        who = vault.read(participants.summary, participant_id)
        self.ref, name, self._was_archived = who.ref, who.name, who.archived
        self.setWindowTitle(self.tr("Hand over to another coach"))
        intro = QLabel(
            self.tr(
                "Writes the complete record of <b>{name}</b> ({ref}) to one encrypted file that "
                "only the receiving coach can open. Send it by a channel your organisation "
                "trusts. The handover is recorded in the disclosure log before the file "
                "appears."
            ).format(name=_html(name), ref=_html(self.ref))
        )
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setWordWrap(True)

        self.by_key = QRadioButton(self.tr("To the receiving coach's &key"))
        self.by_phrase = QRadioButton(self.tr("With a pass&phrase (the receiver has no key yet)"))
        self.by_key.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_key)
        group.addButton(self.by_phrase)
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(self.tr("age1…"))
        self.recipient.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recipient.setAccessibleName(self.tr("The receiving coach's key"))
        key_hint = QLabel(
            self.tr(
                "The receiving coach finds the key under Settings -> My "
                "receiving key. Paste it, or type it as it is read aloud "
                "(spaces do not matter)."
            )
        )
        key_hint.setWordWrap(True)
        self.phrase = QLineEdit()
        self.phrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.phrase.setAccessibleName(self.tr("Handover passphrase"))
        self.phrase2 = QLineEdit()
        self.phrase2.setEchoMode(QLineEdit.EchoMode.Password)
        self.phrase2.setAccessibleName(self.tr("Repeat the handover passphrase"))
        phrase_hint = QLabel(
            self.tr(
                "Tell the receiver the passphrase by phone, never in the same e-mail as the file."
            )
        )
        phrase_hint.setWordWrap(True)
        self.key_box = QWidget()
        kl = QVBoxLayout(self.key_box)
        kl.setContentsMargins(24, 0, 0, 0)
        kl.addWidget(self.recipient)
        kl.addWidget(key_hint)
        self.phrase_box = QWidget()
        pl = QFormLayout(self.phrase_box)
        pl.setContentsMargins(24, 0, 0, 0)
        pl.addRow(self.tr("Passphrase:"), self.phrase)
        pl.addRow(self.tr("Repeat:"), self.phrase2)
        pl.addRow(phrase_hint)
        self.by_key.toggled.connect(self._mode_changed)

        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Handover file"))
        self.path.setPlaceholderText(self.tr("Where to save the file (.age)"))
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        lab = QLabel(self.tr("&File:"))
        lab.setBuddy(self.path)
        row.addWidget(lab)
        row.addWidget(self.path, 1)
        row.addWidget(browse)

        self.outcome = plain.label()  # errors may quote a path or a name
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.after = QLabel(
            self.tr(
                "Archive the participant now, so the record leaves your caseload. When the "
                "receiving coach confirms that the import worked, erase the participant with "
                "Erase… on the participant page."
            )
        )
        self.after.setWordWrap(True)
        self.archive_button = QPushButton(self.tr("&Archive the participant"))
        self.archive_button.clicked.connect(self.archive)
        self.after.hide()
        self.archive_button.hide()

        self.buttons = QDialogButtonBox()
        self.write_button = self.buttons.addButton(
            self.tr("&Write handover file"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.write_button.clicked.connect(self.write)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.by_key)
        lay.addWidget(self.key_box)
        lay.addWidget(self.by_phrase)
        lay.addWidget(self.phrase_box)
        lay.addLayout(row)
        lay.addWidget(self.outcome)
        lay.addWidget(self.after)
        lay.addWidget(self.archive_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self._mode_changed()
        # Wrapped labels get their height from the width: room for the Danish texts.
        self.setMinimumWidth(640)
        self.resize(700, 500)

    def _mode_changed(self) -> None:
        self.key_box.setEnabled(self.by_key.isChecked())
        self.phrase_box.setEnabled(self.by_phrase.isChecked())

    def file_dialog(self) -> QFileDialog:
        # No list of recent folders, not even on closing (they can name people).
        dlg = file_dialogs.make(
            self,
            self.tr("Save the handover file"),
            name_filter=self.tr("Encrypted handover files (*.age)"),
            mode=QFileDialog.FileMode.AnyFile,
            save=True,
        )
        dlg.setDefaultSuffix("age")
        # A neutral name: the file name travels unencrypted (docs/security.md).
        dlg.selectFile(self.tr("handover") + ".age")
        return dlg

    def choose(self) -> None:
        chosen = file_dialogs.run(self.file_dialog())
        if chosen:
            self.path.setText(chosen)

    def write(self) -> bool:
        """Write the file; False (with the reason shown) when anything is missing or
        refused."""
        text = self.path.text().strip()
        if not text:
            self.outcome.setText(self.tr("Choose where to save the handover file first."))
            return False
        out = Path(text)
        if out.suffix.lower() != ".age":
            out = out.with_name(out.name + ".age")
        if out.exists():
            self.outcome.setText(
                self.tr("A file with that name exists already. Choose another name.")
            )
            return False
        to = phrase = None
        if self.by_key.isChecked():
            to = self.recipient.text().strip()
            if not to:
                self.outcome.setText(self.tr("Paste or type the receiving coach's key first."))
                return False
        else:
            phrase = self.phrase.text()
            if len(phrase) < MIN_PASSPHRASE:
                self.outcome.setText(
                    self.tr(
                        "The handover passphrase must have at least %n "
                        "characters; a few random words are best.",
                        "",
                        MIN_PASSPHRASE,
                    )
                )
                return False
            if phrase != self.phrase2.text():
                self.outcome.setText(self.tr("The two passphrases differ."))
                return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a passphrase takes seconds
        try:
            res = self.vault.write(
                handover.make_handover, self.ref, out, to_recipient=to, passphrase=phrase
            )
        except CoachDeskError as exc:
            self.outcome.setText(error_text(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.written = res
        self.phrase.clear()
        self.phrase2.clear()
        self.outcome.setText(
            self.tr(
                "The handover file is written and the disclosure is recorded (SHA-256 %1…)."
            ).replace("%1", res.sha256[:16])
        )
        self.write_button.setEnabled(False)
        if not self._was_archived:
            self.after.show()
            self.archive_button.show()
        return True

    def archive(self) -> None:
        self.vault.write(participants.set_archived, self.participant_id, True)
        self.archived = True
        self.archive_button.setEnabled(False)
        self.archive_button.setText(self.tr("Archived"))


class HandedOverNote(QFrame):
    """On the participant page of someone handed over: when, and the next step (erase
    once the receiver confirms). Hidden for everyone else."""

    def __init__(self, vault: Vault, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.erase_button = QPushButton(self.tr("Receiver confirmed: erase…"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.erase_button)
        self.reload()

    def reload(self) -> None:
        last = self.vault.read(handover.last_handover, self.participant_id)
        self.setVisible(last is not None)
        if last is not None:
            self.label.setText(
                self.tr(
                    "Handed over to another coach on %1. When the receiving coach confirms "
                    "that the import worked, erase the participant here."
                ).replace("%1", date_text(_local_date(last)))
            )


def _local_date(at: dt.datetime) -> dt.date:
    # Disclosure times are stored in UTC without a zone (models.utcnow).
    return at.replace(tzinfo=dt.UTC).astimezone().date()
