"""First run, unlock, lock (idle and Ctrl+L) and keyboard-only use of the main window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit
from sqlalchemy import select

from coachdesk.store import drafts, participants, settings
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.models import Participant
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = dt.date.today()


pytestmark = pytest.mark.usefixtures("isolated_settings")


def add_person(vault, ref="R-1", name="Ida Jensen", weeks_ago=6):
    with vault.session() as s:
        p = participants.create_participant(
            s,
            {
                "ref": ref,
                "name": name,
                "status": "individual_phase",
                "course_start": (TODAY - dt.timedelta(weeks=weeks_ago)).isoformat(),
            },
        )
        s.commit()
        return p.id


def all_text(window) -> str:
    """Everything a user could read in the window's widgets (labels, fields, tables)."""
    parts = [w.text() for w in window.findChildren(QLabel)]
    parts += [w.text() for w in window.findChildren(QLineEdit)]
    parts += [w.toPlainText() for w in window.findChildren(QPlainTextEdit)]
    from PySide6.QtWidgets import QAbstractItemView

    for v in window.findChildren(QAbstractItemView):
        m = v.model()
        if m is not None:
            parts += [
                str(m.index(r, c).data())
                for r in range(m.rowCount())
                for c in range(m.columnCount())
            ]
    return "\n".join(parts)


def make_window(qtbot, data_dir, **kw):
    from coachdesk.ui.main_window import MainWindow

    w = MainWindow(data_dir, kdf=TEST_KDF, idle_minutes=kw.pop("idle_minutes", 60), **kw)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def unlock(qtbot, window, secret=PASSPHRASE):
    from coachdesk.ui.unlock_view import UnlockView

    gate = window.gate
    assert isinstance(gate, UnlockView)
    qtbot.keyClicks(gate.secret, secret)
    qtbot.keyClick(gate.secret, Qt.Key.Key_Return)
    return gate


def test_first_run_creates_vault_and_requires_stored_code(qtbot, data_dir, tmp_path):
    from coachdesk.ui.first_run import FirstRunView

    window = make_window(qtbot, data_dir)
    gate = window.gate
    assert isinstance(gate, FirstRunView)
    assert not window.new_action.isEnabled()
    qtbot.keyClicks(gate.pass1, "short")
    assert not gate.create_button.isEnabled()
    assert "Too short" in gate.strength_label.text()
    gate.pass1.clear()
    qtbot.keyClicks(gate.pass1, PASSPHRASE)
    qtbot.keyClicks(gate.pass2, PASSPHRASE + "x")
    assert not gate.create_button.isEnabled()
    assert gate.create_message.text() == "The two passphrases differ."
    qtbot.keyClick(gate.pass2, Qt.Key.Key_Backspace)
    assert gate.create_button.isEnabled()
    gate.create_button.click()
    # Creating a vault tunes the production KDF (median of 5 timed rounds, then two slots
    # at >= 8 iterations of 64 MiB): seconds on a busy machine. A hang guard, not a timing.
    qtbot.waitUntil(lambda: gate.steps.currentIndex() == 1, timeout=30_000)
    code = gate.code_label.text()
    assert len(code.replace("-", "")) >= 20
    assert not gate.continue_button.isEnabled()
    gate.write_code(tmp_path / "code.txt")
    assert code in (tmp_path / "code.txt").read_text()
    gate.stored_check.click()
    gate.continue_button.click()
    qtbot.keyClicks(gate.coach_name, "Hanne Coach")
    qtbot.keyClicks(gate.organisation, "Stressklinikken")
    qtbot.keyClick(gate.organisation, Qt.Key.Key_Return)
    assert window.workspace is not None and window.new_action.isEnabled()
    with window.vault.session() as s:
        assert settings.get(s, "coach_name") == "Hanne Coach"
        assert settings.get(s, "organisation") == "Stressklinikken"
    window.close()
    # The code shown unlocks the vault.
    Vault.open(data_dir, recovery_code=code).close()


def test_wrong_passphrase_then_unlock(qtbot, vault, data_dir):
    add_person(vault)
    vault.close()
    window = make_window(qtbot, data_dir)
    assert "Ida Jensen" not in all_text(window)
    gate = unlock(qtbot, window, "wrong passphrase!")
    qtbot.waitUntil(lambda: "Wrong passphrase" in gate.message.text(), timeout=5000)
    assert window.vault is None
    gate.secret.clear()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert "Ida Jensen" in all_text(window)
    window.close()


def test_lock_hides_data_keeps_draft_and_restores(qtbot, vault, data_dir):
    pid = add_person(vault)
    window = make_window(qtbot, data_dir)
    vault.close()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    page = window.workspace.open_participant(pid)
    page.tabs.setCurrentWidget(page.sessions)
    page.sessions.open_editor(None)
    qtbot.keyClicks(page.sessions.editor.notes, "Fortrolig note om søvn")
    page.jobplan.direction.setPlainText("Tilbage som pædagog")
    page.outcome.summary.setPlainText("Udkast til resumé")
    window.lock_action.trigger()
    assert window.is_locked()
    text = all_text(window)
    assert "Ida Jensen" not in text and "Fortrolig" not in text
    from coachdesk.ui.participant_page import ParticipantPage

    assert window.findChildren(ParticipantPage) == []
    assert not window.new_action.isEnabled()
    # The key is gone: the folder lock is free for a second opener (the CLI, say).
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v2, v2.session() as s:
        names = s.execute(select(Participant.name)).scalars().all()
        assert names == ["Ida Jensen"]
        assert (
            drafts.get_draft(s, f"session:{pid}:new")["session"]["notes"]
            == "Fortrolig note om søvn"
        )
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    page = window.workspace.current_page()
    assert page is not None and page.participant_id == pid
    ed = page.sessions.editor
    assert ed.notes.toPlainText() == "Fortrolig note om søvn"
    assert page.jobplan.direction.toPlainText() == "Tilbage som pædagog"
    assert page.outcome.summary.toPlainText() == "Udkast til resumé"
    assert page.jobplan.is_dirty() and page.outcome.is_dirty()
    assert page.outcome.save() and page.jobplan.save()  # saving clears their drafts
    with window.vault.session() as s:
        assert drafts.get_draft(s, f"jobplan:{pid}") is None
        assert s.get(Participant, pid).report_summary == "Udkast til resumé"
    # Quitting with the restored, unsaved text asks first; "keep as draft" keeps it.
    ed.ask_close = lambda: ed.KEEP_DRAFT
    window.close()
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v3, v3.session() as s:
        assert drafts.get_draft(s, f"session:{pid}:new") is not None


def test_idle_lock(qtbot, vault, data_dir):
    add_person(vault)
    vault.close()
    window = make_window(qtbot, data_dir, idle_minutes=0.005)  # 0.3 s
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    qtbot.waitUntil(window.is_locked, timeout=5000)
    assert "Ida Jensen" not in all_text(window)


def test_typing_postpones_the_idle_lock_and_the_filter_lives_only_while_unlocked(
    qtbot, vault, data_dir
):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog, QLineEdit

    add_person(vault)
    vault.close()
    # A fake clock, and the timer's deadline called by hand (idle.check): the lock is 1
    # minute, nothing waits in real time, and the real timer (1 min) never fires here.
    now = [1000.0]
    window = make_window(qtbot, data_dir, idle_minutes=1, idle_clock=lambda: now[0])
    assert not window.idle.armed and window.idle.watched_windows() == []  # locked
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert window.idle.armed and window.windowHandle() in window.idle.watched_windows()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.workspace.caseload.search.setFocus()
    for _ in range(8):  # 8 x 40 s = 320 s of typing, as real keys (through the window)
        now[0] += 40
        window.idle.check()  # 40 s since the last key: not yet
        assert not window.is_locked()
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert window.workspace.caseload.search.text() == "a" * 8
    assert window.idle.timer.interval() == 20_000  # the deadline: the rest of the minute
    # A dialog that gets the focus is watched too: typing there keeps the app open.
    dialog = QDialog(window)
    QLineEdit(dialog).setFocus()
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.windowHandle() in window.idle.watched_windows())
    for _ in range(5):
        now[0] += 40
        window.idle.check()
        assert not window.is_locked()
        QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_B)
    dialog.close()
    now[0] += 59
    window.idle.check()
    assert not window.is_locked()
    now[0] += 1  # then a full minute without input: it locks
    window.idle.check()
    assert window.is_locked()
    assert not window.idle.armed and window.idle.watched_windows() == []


def test_keyboard_only_flow(qtbot, vault, data_dir):
    add_person(vault, "R-1", "Ida Jensen")
    add_person(vault, "R-2", "Mette Hansen")
    vault.close()
    window = make_window(qtbot, data_dir)
    window.activateWindow()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    ws = window.workspace
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is ws.caseload.search
    qtbot.keyClicks(ws.caseload.search, "mette")
    qtbot.keyClick(ws.caseload.search, Qt.Key.Key_Return)  # to the first match
    assert QApplication.focusWidget() is ws.caseload.table
    qtbot.keyClick(ws.caseload.table, Qt.Key.Key_Return)  # open it
    page = ws.current_page()
    assert page is not None and page.name_label.text() == "Mette Hansen"
    # Alt+S: the Sessions tab; a new session; type notes; Ctrl+S saves.
    qtbot.keyClick(page.tabs, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentWidget() is page.sessions
    qtbot.keyClick(page.sessions.new_button, Qt.Key.Key_Space)
    ed = page.sessions.editor
    assert ed is not None
    ed.notes.setFocus()
    qtbot.keyClicks(ed.notes, "Kun tastatur")
    qtbot.keyClick(ed.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ed.state_label.text() == "Saved"
    with window.vault.session() as s:
        p = s.execute(select(Participant).where(Participant.ref == "R-2")).scalar_one()
        assert [x.notes for x in p.sessions] == ["Kun tastatur"]
    window.close()


def test_erase_from_the_participant_page_closes_it(qtbot, vault, data_dir):
    from PySide6.QtCore import QTimer

    pid = add_person(vault, "R-1", "Ida Jensen")
    add_person(vault, "R-2", "Mette Hansen")
    vault.close()
    window = make_window(qtbot, data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    page = window.workspace.open_participant(pid)

    def confirm() -> None:
        dlg = QApplication.activeModalWidget()
        qtbot.keyClicks(dlg.confirm, "R-1")
        qtbot.keyClick(dlg.confirm, Qt.Key.Key_Return)

    QTimer.singleShot(0, confirm)
    page.erase_button.click()
    qtbot.waitUntil(lambda: not window.workspace.pages(), timeout=3000)
    assert "Ida Jensen" not in all_text(window)
    assert window.workspace.caseload.model.rowCount() == 1
    with window.vault.session() as s:
        assert s.execute(select(Participant.ref)).scalars().all() == ["R-2"]
    window.close()


def test_idle_lock_closes_an_open_dialog(qtbot, vault, data_dir):
    from coachdesk.ui.participant_dialog import ParticipantDialog

    pid = add_person(vault)
    vault.close()
    window = make_window(qtbot, data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    page = window.workspace.open_participant(pid)
    window.idle.set_minutes(0.005)
    window.idle.start()
    page.edit_button.click()  # a modal dialog showing the person; the coach walks away
    assert window.is_locked()
    assert [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ParticipantDialog) and w.isVisible()
    ] == []
    assert "Ida Jensen" not in all_text(window)


def test_restore_and_retention_dialogs_open_from_the_app(qtbot, vault, data_dir, tmp_path):
    from PySide6.QtCore import QTimer

    from coachdesk.ui.first_run import FirstRunView

    seen: list[str] = []

    def close_modal() -> None:
        dlg = QApplication.activeModalWidget()
        seen.append(type(dlg).__name__)
        dlg.reject()

    empty = make_window(qtbot, tmp_path / "new")
    assert isinstance(empty.gate, FirstRunView)
    QTimer.singleShot(0, close_modal)
    empty.gate.restore_link.click()
    assert isinstance(empty.gate, FirstRunView)  # cancelled: still the first run
    empty.close()

    add_person(vault)
    vault.close()
    window = make_window(qtbot, data_dir)
    QTimer.singleShot(0, close_modal)
    window.gate.restore_link.click()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    QTimer.singleShot(0, close_modal)
    window.open_retention()
    assert seen == ["RestoreDialog", "RestoreDialog", "RetentionDialog"]
    window.close()


def test_the_caseload_is_read_off_the_gui_thread_at_unlock(qtbot, vault, data_dir, monkeypatch):
    """The unlock worker reads the caseload with the key; the GUI thread only paints it."""
    import threading

    from coachdesk.store import caseload as caseload_module
    from coachdesk.ui.main_window import MainWindow

    add_person(vault)
    vault.close()
    threads = []
    real = caseload_module.read_caseload

    def spy(*a, **k):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*a, **k)

    monkeypatch.setattr(caseload_module, "read_caseload", spy)
    window = MainWindow(data_dir, kdf=TEST_KDF, idle_minutes=60)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.gate.secret, PASSPHRASE)
    qtbot.keyClick(window.gate.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    assert window.workspace.caseload.model.rowCount() == 1
    assert threads == [False]  # read once, in the worker
    window.close()


def test_a_settled_search_is_audited_without_its_text(qtbot, vault):
    from coachdesk.store.models import AuditEvent
    from coachdesk.ui.caseload_view import CaseloadView

    add_person(vault, ref="R-1", name="Ida Jensen")
    add_person(vault, ref="R-2", name="Bo Bæk")
    view = CaseloadView(vault)
    qtbot.addWidget(view)
    view.search_audit.setInterval(50)
    qtbot.keyClicks(view.search, "ida")

    def searches():
        with vault.session() as s:
            return [e.detail for e in s.query(AuditEvent).filter_by(action="search")]

    qtbot.waitUntil(lambda: len(searches()) == 1, timeout=3000)
    assert searches() == [{"view": "caseload", "results": 1}]
    assert "ida" not in str(searches()).lower()


def test_a_search_settling_after_the_lock_raises_nothing(qtbot, vault):
    """The search's audit timer may fire after a lock, before the view is deleted."""
    from coachdesk.ui.caseload_view import CaseloadView

    add_person(vault, ref="R-1", name="Ida Jensen")
    view = CaseloadView(vault)
    qtbot.addWidget(view)
    view.search_audit.setInterval(50)
    qtbot.keyClicks(view.search, "ida")
    vault.close()  # Ctrl+L: the key is gone, the view not yet
    qtbot.wait(200)  # the timer fires; an exception in the slot would fail the test
    assert not view.search_audit.isActive()


def test_background_work_waits_for_the_first_paint(qtbot):
    """The preload (GIL-bound imports) starts only once the unlock screen is on screen."""
    from PySide6.QtWidgets import QWidget

    from coachdesk.ui.main_window import _AfterFirstPaint

    calls: list[str] = []
    w = QWidget()
    qtbot.addWidget(w)
    _AfterFirstPaint(w, lambda: calls.append("ran"))
    QApplication.processEvents()
    assert calls == []  # not shown, not painted: nothing started
    w.resize(200, 100)
    w.show()
    qtbot.waitUntil(lambda: calls == ["ran"])
    w.update()
    w.repaint()
    QApplication.processEvents()
    assert calls == ["ran"]  # once, not at every paint


def test_the_caseload_rehearsal_is_dropped_once_an_unlock_has_begun(
    qtbot, isolated_settings, monkeypatch, data_dir, vault
):
    """A passphrase pasted and Enter pressed at once: the preload's off-screen rehearsal
    of the caseload view would only compete with the unlock worker (issue 19 item 4)."""
    from coachdesk.ui import caseload_view, main_window

    built: list[int] = []

    class Counting(caseload_view.CaseloadView):
        def __init__(self, *a, **k):
            built.append(1)
            super().__init__(*a, **k)

    monkeypatch.setattr(caseload_view, "CaseloadView", Counting)
    idle = main_window._Preloader(None)
    idle._rehearse_caseload()
    assert built == [1]  # before any unlock: rehearsed

    vault.close()
    window = make_window(qtbot, data_dir)
    unlock(qtbot, window)  # the gate tells the app's preloader that an unlock began
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert main_window._preloader is not None and main_window._preloader.unlock_started
    built.clear()
    main_window._preloader._rehearse_caseload()
    assert built == []


def test_no_collection_runs_in_the_unlock_worker(qtbot, monkeypatch, data_dir, vault):
    """The collector is paused while the unlock worker runs (a collection there could
    free Qt objects off the GUI thread) and back on afterwards, after a wrong
    passphrase too."""
    import gc

    from coachdesk.ui import unlock_view

    seen: list[bool] = []
    real = unlock_view.open_and_read

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(unlock_view, "open_and_read", watched)
    vault.close()
    window = make_window(qtbot, data_dir)
    gate = unlock(qtbot, window, secret="not the passphrase at all")
    qtbot.waitUntil(lambda: "Wrong passphrase" in gate.message.text(), timeout=5000)
    assert seen == [False] and gc.isenabled()
    gate.secret.clear()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    # The Today strip's read after the paint pauses the collector on its own worker
    # (caseload_view.load_reminders); the unlock's pause is over once that read is in.
    qtbot.waitUntil(lambda: window.workspace.caseload._strip_task is None, timeout=5000)
    assert seen == [False, False] and gc.isenabled()


def test_the_backup_reminder_follows_the_caseload(qtbot, vault, data_dir):
    """No backup yet: the status bar says so, once the caseload is painted."""
    add_person(vault)
    vault.close()
    window = make_window(qtbot, data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    qtbot.waitUntil(lambda: "no backup" in window.statusBar().currentMessage(), timeout=5000)


def test_dbus_listeners_start_after_the_first_paint(qtbot, data_dir, vault):
    import sys

    vault.close()
    window = make_window(qtbot, data_dir)
    if sys.platform.startswith("linux"):
        qtbot.waitUntil(lambda: window.system_lock._dbus_started, timeout=3000)
        window.system_lock.start_dbus()  # idempotent: a second lock screen starts nothing
