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
        monkeypatch.setattr(d, "exec", lambda: (d.erase_button.click(), d.result())[1])
        return d

    monkeypatch.setattr(dlg, "confirm_dialog", confirm)
    dlg.table.selectRow(1)
    qtbot.mouseClick(dlg.erase_button, Qt.MouseButton.LeftButton)
    assert [dlg.model.item(r, 1).text() for r in range(dlg.model.rowCount())] == ["OLD-1"]
    with vault.session() as s:
        assert sorted(r for (r,) in s.query(Participant.ref)) == ["NEW-1", "OLD-1"]
    dlg.erase_selected()
    assert dlg.model.rowCount() == 0 and not dlg.erase_button.isEnabled()
