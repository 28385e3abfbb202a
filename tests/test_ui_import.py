"""Filer -> Importér deltagerfil… in the app (all or nothing, readable errors), and the
backup reminder that goes once a backup is made."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select
from test_report_data import person
from test_ui_main_window import make_window, unlock

from coachdesk.store.models import AuditEvent, Participant

pytestmark = pytest.mark.usefixtures("isolated_settings")


def write(tmp_path, *people, name="deltagere.json"):
    f = tmp_path / name
    f.write_text(
        json.dumps(
            {"format": "coachdesk.participants", "version": 1, "participants": list(people)}
        ),
        encoding="utf-8",
    )
    return f


def count(vault) -> int:
    with vault.session() as s:
        return s.execute(select(func.count()).select_from(Participant)).scalar_one()


def test_import_all_or_nothing_with_readable_errors(qtbot, vault, tmp_path):
    from coachdesk.ui.import_dialog import ImportDialog

    good = person("GK-1")
    bad = person(
        "GK-2",
        name="Bo Berg",
        sessions=[{"date": "2026-02-10", "status": "held", "week": 14}],
        group_attendance=[{"date": "2099-12-24", "present": True}],
    )
    dlg = ImportDialog(vault)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.path, str(write(tmp_path, good, bad)))
    dlg.import_button.click()
    assert count(vault) == 0  # one bad person: nobody imported
    lines = [dlg.errors.item(i).text() for i in range(dlg.errors.count())]
    assert "Participant 2 (GK-2), session 1, week: The week does not match the date." in lines
    assert (
        "Participant 2 (GK-2), attendance mark 1, date: The date is in the future, so "
        "attendance cannot be marked yet."
    ) in lines
    assert "Nothing was imported: 2 problem(s)" in dlg.outcome.text()
    # The good file alone goes in.
    dlg.path.clear()
    qtbot.keyClicks(dlg.path, str(write(tmp_path, good, name="god.json")))
    dlg.import_button.click()
    assert count(vault) == 1 and dlg.imported
    assert "1 new" in dlg.outcome.text() and not dlg.errors.isVisible()
    # Again: already there, refused unless Replace is ticked.
    dlg.import_button.click()
    assert "already in the vault" in dlg.errors.item(0).text()
    dlg.replace.setChecked(True)
    dlg.import_button.click()
    assert "1 replaced" in dlg.outcome.text()
    with vault.session() as s:
        assert (
            s.execute(select(func.count()).where(AuditEvent.action == "import")).scalar_one() == 2
        )


def test_unreadable_files_say_so(qtbot, vault, tmp_path):
    from coachdesk.ui.import_dialog import ImportDialog

    dlg = ImportDialog(vault)
    qtbot.addWidget(dlg)
    dlg.path.setText(str(tmp_path / "findes-ikke.json"))
    assert not dlg.run_import()
    assert "could not be read" in dlg.outcome.text()
    junk = tmp_path / "junk.json"
    junk.write_text("{nej", encoding="utf-8")
    dlg.path.setText(str(junk))
    assert not dlg.run_import()
    assert "not valid JSON" in dlg.outcome.text()


def test_the_file_dialog_keeps_no_history(qtbot, vault):
    from coachdesk.ui.import_dialog import ImportDialog

    dlg = ImportDialog(vault)
    qtbot.addWidget(dlg)
    fd = dlg.file_dialog()
    # (Qt lists the folder shown as "history" too; nothing beyond it is kept.)
    assert isinstance(fd, QFileDialog)
    assert fd.history() in ([], [fd.directory().absolutePath()])
    assert fd.testOption(QFileDialog.Option.DontUseNativeDialog)


def test_the_file_menu_has_the_import(qtbot, vault, data_dir, tmp_path, monkeypatch):
    from coachdesk.ui import import_dialog

    path = write(tmp_path, person("GK-9"))
    vault.close()
    window = make_window(qtbot, data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.import_action in file_menu.actions()
    assert window.import_action.isEnabled()

    def fake_exec(dlg):
        dlg.path.setText(str(path))
        dlg.run_import()
        return 0

    monkeypatch.setattr(import_dialog.ImportDialog, "exec", fake_exec)
    window.import_action.trigger()
    assert window.workspace.caseload.model.rowCount() == 1  # the caseload shows it at once


def test_backup_reminder_goes_after_a_backup(qtbot, vault, data_dir, tmp_path, monkeypatch):
    from coachdesk.store import backup
    from coachdesk.ui import backup_dialog

    vault.close()
    window = make_window(qtbot, data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    window._maybe_warn_backup()
    assert "no backup" in window.statusBar().currentMessage()

    class MadeABackup:
        def __init__(self, v, parent):
            self.vault = v

        def exec(self):
            backup.create_backup(self.vault, tmp_path / "b", now=dt.datetime.now())
            return 1

    monkeypatch.setattr(backup_dialog, "BackupDialog", MadeABackup)
    window.open_backup()
    assert window.statusBar().currentMessage() == ""
