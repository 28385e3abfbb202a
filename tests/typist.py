"""A child process for test_crash_typing.py: the coach typing a session note, forever.

Usage: python tests/typist.py DATA_DIR PASSPHRASE PARTICIPANT_ID
Opens the real session editor (3 s autosave), types a first sentence, waits for one
autosave, prints READY, then keeps typing until it is killed.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from coachdesk.store.vault import Vault
from coachdesk.ui.session_editor import SessionEditor

FIRST = "Deltageren sov bedre i denne uge."


def main() -> None:
    app = QApplication(sys.argv[:1])
    vault = Vault.open(sys.argv[1], passphrase=sys.argv[2])
    editor = SessionEditor(vault, int(sys.argv[3]))
    editor.show()
    QTest.keyClicks(editor.notes, FIRST)
    deadline = time.monotonic() + 4.5  # one 3-second autosave, with room to spare
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    print("READY", flush=True)
    while True:  # the rest of the note, typed until the power goes
        QTest.keyClicks(editor.notes, " mere tekst")
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main()
