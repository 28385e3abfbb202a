"""The retention list in the app: who is due, and erasing them one by one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from coachdesk.store import interchange
from coachdesk.store.models import Participant
from coachdesk.ui.erase_dialog import EraseDialog, RetentionDialog


def test_retention_dialog_lists_and_erases(qtbot, vault, monkeypatch):
    people = [
        {"ref": "OLD-1", "name": "Gammel Een", "status": "completed", "course_start": "2024-01-08"},
        {
            "ref": "OLD-2",
            "name": "Gammel To",
            "status": "dropped_out",
            "course_start": "2025-01-06",
            "dropped_out": {"date": "2025-02-01", "reason": "x"},
        },
        {
            "ref": "NEW-1",
            "name": "Ny Deltager",
            "status": "individual_phase",
            "course_start": "2026-04-06",
        },
    ]
    with vault.session() as s:
        interchange.import_document(
            s,
            {"format": "coachdesk.participants", "version": 1, "participants": people},
            today=dt.date(2026, 6, 1),
        )
        s.commit()
    dlg = RetentionDialog(vault, today=dt.date(2026, 6, 1))
    qtbot.addWidget(dlg)
    dlg.show()
    refs = [dlg.model.item(r, 1).text() for r in range(dlg.model.rowCount())]
    assert refs == ["OLD-1", "OLD-2"]
    # "participant(s)" untranslated, "participants" with the English plural forms loaded.
    assert "2 participant" in dlg.intro.text() and "12 months" in dlg.intro.text()

    # The coach confirms in the erase dialog by typing the ref.
    def confirm(pid):
        d = EraseDialog(vault, pid, dlg)
        qtbot.keyClicks(d.confirm, d.ref)

        def run() -> int:
            d.erase_button.click()
            qtbot.waitUntil(lambda: not d.busy)  # the erasure runs off the GUI thread
            return d.result()

        monkeypatch.setattr(d, "exec", run)
        return d

    monkeypatch.setattr(dlg, "confirm_dialog", confirm)
    dlg.table.selectRow(1)
    qtbot.mouseClick(dlg.erase_button, Qt.MouseButton.LeftButton)
    assert [dlg.model.item(r, 1).text() for r in range(dlg.model.rowCount())] == ["OLD-1"]
    with vault.session() as s:
        assert sorted(r for (r,) in s.query(Participant.ref)) == ["NEW-1", "OLD-1"]
    dlg.erase_selected()
    assert dlg.model.rowCount() == 0 and not dlg.erase_button.isEnabled()


def _erase_dialog_with_a_held_compaction(qtbot, vault, monkeypatch):
    """An erase dialog, confirmed, whose compaction (the VACUUM) waits for ``release``."""
    import threading

    from coachdesk.store import erasure

    with vault.session() as s:
        interchange.import_document(
            s,
            {
                "format": "coachdesk.participants",
                "version": 1,
                "participants": [{"ref": "ER-1", "name": "Slet Mig", "status": "referred"}],
            },
            today=dt.date(2026, 6, 1),
        )
        s.commit()
        pid = s.query(Participant.id).filter(Participant.ref == "ER-1").scalar()
    started, release, threads = threading.Event(), threading.Event(), []
    real = erasure.compact

    def held(v):
        threads.append(threading.current_thread())
        started.set()
        release.wait(10)  # on the GUI thread (the old way) this froze the window
        real(v)

    monkeypatch.setattr(erasure, "compact", held)
    dlg = EraseDialog(vault, pid)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.confirm, "ER-1")
    return dlg, pid, started, release, threads


def test_the_compaction_runs_off_the_gui_thread_and_the_dialog_waits_busy(
    qtbot, vault, monkeypatch
):
    import threading

    dlg, pid, started, release, threads = _erase_dialog_with_a_held_compaction(
        qtbot, vault, monkeypatch
    )
    qtbot.mouseClick(dlg.erase_button, Qt.MouseButton.LeftButton)
    # The click returned and the event loop runs while the VACUUM is held.
    qtbot.waitUntil(started.is_set, timeout=5000)
    assert threads[0] is not threading.main_thread()
    assert dlg.busy and dlg.isVisible() and dlg.progress.isVisible()
    assert not dlg.erase_button.isEnabled() and not dlg.confirm.isEnabled()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # no cancelling half-way
    dlg.close()
    assert dlg.isVisible() and dlg.result() == 0
    release.set()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10_000)
    assert dlg.result() == dlg.DialogCode.Accepted and not dlg.isVisible()
    with vault.session() as s:
        assert s.get(Participant, pid) is None
        # The erasure guarantee: compacted, no freed page left in the file.
        assert s.connection().exec_driver_sql("PRAGMA freelist_count").scalar() == 0


def test_a_lock_during_the_erasure_waits_for_it(qtbot, vault, monkeypatch):
    """The main window's lock rejects every dialog before closing the vault: an erase
    dialog then waits for its erasure, and ends accepted (the person is erased)."""
    import threading

    dlg, pid, started, release, _ = _erase_dialog_with_a_held_compaction(qtbot, vault, monkeypatch)
    qtbot.mouseClick(dlg.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=5000)
    threading.Timer(0.2, release.set).start()  # only to unblock: reject() waits for it
    dlg.reject()
    assert not dlg.busy and dlg.result() == dlg.DialogCode.Accepted
    with vault.session() as s:
        assert s.get(Participant, pid) is None
