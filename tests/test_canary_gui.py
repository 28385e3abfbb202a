"""Promises 1 and 5 through the app: the canaries typed and shown in the GUI, a lock (draft
autosaved), the automatic backup on close, with every socket forbidden; then no canary in
any file on disk."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from coachdesk.store import backup, interchange, settings
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.models import Participant
from coachdesk.store.vault import Vault
from tests.canaries import canary_person, document
from tests.conftest import PASSPHRASE
from tests.test_canary import _scan, sandbox  # noqa: F401  (the fixture)


def test_no_canary_at_rest_after_using_the_app(
    qtbot,
    qapp,
    no_network,
    sandbox,  # noqa: F811
    monkeypatch,
):
    d = sandbox
    from coachdesk.ui.session_editor import SessionEditor

    # Closing with the note unsaved: the coach picks "Keep as draft".
    monkeypatch.setattr(SessionEditor, "ask_close", lambda self: self.KEEP_DRAFT)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(d["config"]))
    vault, _code = Vault.create(d["data"], PASSPHRASE, kdf=TEST_KDF)
    with vault.session() as s:
        interchange.import_document(s, document(canary_person("A"), canary_person("B")))
        settings.put(s, "backup_dir", str(d["backups"]))
        s.commit()
        pid = s.query(Participant.id).filter_by(ref=canary_person("A")["ref"]).scalar()
    vault.close()

    from coachdesk.ui.main_window import MainWindow
    from coachdesk.ui.unlock_view import UnlockView

    window = MainWindow(d["data"], kdf=TEST_KDF, idle_minutes=60)
    qtbot.addWidget(window)
    window.show()
    gate = window.gate
    assert isinstance(gate, UnlockView)
    qtbot.keyClicks(gate.secret, PASSPHRASE)
    qtbot.keyClick(gate.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    page = window.workspace.open_participant(pid)
    page.tabs.setCurrentWidget(page.sessions)
    page.sessions.open_editor(None)
    qtbot.keyClicks(page.sessions.editor.notes, "KanarieAxtypednoteQ7")
    window.grab()  # paint everything once, as a screen would
    window.lock_action.trigger()  # the typed note goes into an encrypted draft
    assert window.is_locked()
    qtbot.keyClicks(window.gate.secret, PASSPHRASE)
    qtbot.keyClick(window.gate.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    window.workspace.keep_drafts()
    window.close()  # runs the daily automatic backup
    QSettings().sync()

    backups = list(d["backups"].glob("coachdesk-*.cdbackup"))
    assert len(backups) == 1 and backup.read_backup_info(backups[0])
    with Vault.open(d["data"], passphrase=PASSPHRASE) as v, v.session() as s:
        from coachdesk.store.models import Draft

        drafts = [str(x.content) for x in s.query(Draft)]
        assert any("KanarieAxtypednoteQ7" in t for t in drafts)  # it was kept, encrypted
    assert any(p.is_file() for p in d["config"].rglob("*"))  # QSettings wrote here
    found = _scan([d["data"], d["backups"], d["home"], d["config"], d["tmp"]])
    assert found == []
