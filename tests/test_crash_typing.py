"""kill -9 while a session note is being typed: the draft comes back (promise 6)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from coachdesk.store import drafts, participants
from coachdesk.store.vault import Vault
from coachdesk.ui.session_editor import SessionEditor, draft_key
from tests.conftest import PASSPHRASE
from tests.typist import FIRST


def test_kill_9_while_typing_offers_the_draft_back(qtbot, vault, data_dir):
    with vault.session() as s:
        pid = participants.create_participant(s, {"ref": "K-1", "name": "Ida Jensen"}).id
        s.commit()
    vault.close()
    child = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("typist.py")),
            str(data_dir),
            PASSPHRASE,
            str(pid),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    # The next start: the lock is free again, and the editor offers the draft.
    reopened = Vault.open(data_dir, passphrase=PASSPHRASE)
    try:
        with reopened.session() as s:
            draft = drafts.get_draft(s, draft_key(pid, None))
        assert draft is not None and draft["session"]["notes"].startswith(FIRST)
        editor = SessionEditor(reopened, pid)
        qtbot.addWidget(editor)
        editor.show()
        assert editor.draft_bar.isVisible()
        editor.restore_button.click()
        assert editor.notes.toPlainText().startswith(FIRST)
        editor.stop()
    finally:
        reopened.close()
