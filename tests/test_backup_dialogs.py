"""The safety dialogs, driven like a coach would: backup, audit log, erasure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from coachdesk.store import audit, backup, interchange
from coachdesk.store.models import Participant
from coachdesk.ui.audit_view import AuditView
from coachdesk.ui.backup_dialog import BackupDialog
from coachdesk.ui.erase_dialog import EraseDialog
from tests.canaries import canary_person, document

SHOTS = os.environ.get("COACHDESK_SHOTS")  # set to a folder to keep screenshots


def _shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def people(vault):
    with vault.session() as s:
        interchange.import_document(
            s, document(canary_person("A", "GK-0001"), canary_person("B", "GK-0002"))
        )
        a = s.query(Participant).filter_by(ref="GK-0001").one()
        audit.record(s, "participant_read", {"fields": ["notes"]}, subject=a.uid)
        s.commit()
        return {p.ref: (p.id, p.uid) for p in s.query(Participant)}


def test_backup_dialog_backs_up_into_the_chosen_folder(qtbot, vault, people, tmp_path):
    dlg = BackupDialog(vault)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.backup_button.isEnabled()  # no folder yet
    assert dlg.warning_label.isVisible() and "no backup" in dlg.warning_label.text()
    assert dlg.last_label.text() == "never"
    _shot(dlg, "backup-dialog-empty")
    folder = tmp_path / "usb"
    folder.mkdir()
    dlg.set_folder(folder)
    assert dlg.folder_edit.text() == str(folder) and dlg.backup_button.isEnabled()
    qtbot.mouseClick(dlg.backup_button, Qt.MouseButton.LeftButton)
    assert dlg.busy and dlg.progress.isVisible()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20000)
    assert "verified" in dlg.status.text()
    files = list(folder.glob("coachdesk-*.cdbackup"))
    assert len(files) == 1 and dlg.model.rowCount() == 1
    assert not dlg.warning_label.isVisible() and dlg.last_label.text() != "never"
    backup.read_backup_info(files[0])
    _shot(dlg, "backup-dialog-done")


def test_backup_dialog_reports_failure(qtbot, vault, people, tmp_path, monkeypatch):
    import errno

    folder = tmp_path / "full"
    folder.mkdir()
    dlg = BackupDialog(vault)
    qtbot.addWidget(dlg)
    dlg.set_folder(folder)
    shown = []
    monkeypatch.setattr(
        "coachdesk.ui.backup_dialog.QMessageBox.warning", lambda _p, _t, text: shown.append(text)
    )

    def full(*_a):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    dlg.back_up_now()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20000)
    monkeypatch.undo()
    assert shown and "disk is full" in shown[0]
    assert list(folder.iterdir()) == [] and dlg.backup_button.isEnabled()


def test_audit_view_filters_by_action_and_participant(qtbot, vault, people):
    view = AuditView(vault)
    qtbot.addWidget(view)
    view.show()
    total = view.model.rowCount()
    assert total == view.proxy.rowCount() > 3
    assert "intact" in view.chain_label.text()
    # By action.
    i = view.action_combo.findData("participant_read")
    view.action_combo.setCurrentIndex(i)
    assert view.proxy.rowCount() == 1
    assert view.proxy.index(0, 1).data() == "Participant opened"
    assert "GK-0001" in view.proxy.index(0, 2).data()
    view.action_combo.setCurrentIndex(0)
    # By participant: A has the import event and the read.
    uid_a = people["GK-0001"][1]
    view.participant_combo.setCurrentIndex(view.participant_combo.findData(uid_a))
    rows = [view.proxy.index(r, 1).data() for r in range(view.proxy.rowCount())]
    assert "Participant opened" in rows and len(rows) < total
    assert all("GK-0001" in view.proxy.index(r, 2).data() for r in range(len(rows)))
    # Newest first; sorting by time is by position in the chain.
    view.participant_combo.setCurrentIndex(0)
    ids = [
        view.model.rows[view.proxy.mapToSource(view.proxy.index(r, 0)).row()].id
        for r in range(view.proxy.rowCount())
    ]
    assert ids == sorted(ids, reverse=True)
    view.resize(1000, 520)
    _shot(view, "audit-view")


def test_erase_dialog_needs_the_typed_ref(qtbot, vault, people):
    pid, uid = people["GK-0001"]
    dlg = EraseDialog(vault, pid)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.erase_button.isEnabled()
    assert dlg.buttons.buttonRole(dlg.erase_button) == QDialogButtonBox.ButtonRole.DestructiveRole
    qtbot.keyClicks(dlg.confirm, "GK-0002")  # the other person's ref: not enough
    assert not dlg.erase_button.isEnabled()
    qtbot.keyPress(dlg.confirm, Qt.Key.Key_Return)
    with vault.session() as s:
        assert s.get(Participant, pid) is not None
    dlg.confirm.clear()
    qtbot.keyClicks(dlg.confirm, "GK-0001")
    assert dlg.erase_button.isEnabled()
    _shot(dlg, "erase-dialog")
    qtbot.mouseClick(dlg.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.busy)  # the erasure runs off the GUI thread
    assert dlg.result() == dlg.DialogCode.Accepted
    with vault.session() as s:
        assert s.get(Participant, pid) is None
        assert s.query(Participant).count() == 1
        assert audit.verify(s) == []
    # The audit view now shows the erasure, with no name.
    view = AuditView(vault)
    qtbot.addWidget(view)
    view.action_combo.setCurrentIndex(view.action_combo.findData("participant_erased"))
    assert view.proxy.rowCount() == 1
    assert view.proxy.index(0, 2).data() == "erased participant"
    assert view.participant_combo.findData(uid) == -1


def test_erase_dialog_cancel_erases_nothing(qtbot, vault, people):
    pid, _ = people["GK-0002"]
    dlg = EraseDialog(vault, pid)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.confirm, "GK-0002")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dlg.result() == dlg.DialogCode.Rejected
    with vault.session() as s:
        assert s.get(Participant, pid) is not None


def _a_backup(vault, tmp_path) -> Path:
    out = tmp_path / "coachdesk-20260101-120000.cdbackup"
    backup.create_backup(vault, out)
    return out


def test_restore_dialog_restores_into_an_empty_folder(qtbot, vault_and_code, tmp_path):
    from coachdesk.store.vault import Vault
    from coachdesk.ui.backup_dialog import RestoreDialog
    from tests.conftest import PASSPHRASE

    vault, code = vault_and_code
    with vault.session() as s:
        interchange.import_document(s, document(canary_person("A", "GK-0001")))
        s.commit()
    src = _a_backup(vault, tmp_path)
    target = tmp_path / "new-laptop"
    dlg = RestoreDialog(target)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.folder_edit.text() == str(target) and not dlg.restore_button.isEnabled()
    dlg.set_file(src)
    assert "checksum correct" in dlg.info_label.text()
    qtbot.keyClicks(dlg.secret_edit, "wrong passphrase!")
    qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20000)
    assert "Wrong passphrase" in dlg.message.text() and dlg.result() == 0
    assert not (target / "vault.db").exists()
    dlg.use_code.setChecked(True)
    dlg.secret_edit.clear()
    qtbot.keyClicks(dlg.secret_edit, code)
    _shot(dlg, "restore-dialog")
    qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20000)
    assert dlg.result() == dlg.DialogCode.Accepted, dlg.message.text()
    assert dlg.restored_dir == target and dlg.restored_count == 1
    with Vault.open(target, passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.query(Participant.ref).scalar() == "GK-0001"


def test_restore_dialog_refuses_a_damaged_backup(qtbot, vault, tmp_path):
    from coachdesk.ui.backup_dialog import RestoreDialog

    src = _a_backup(vault, tmp_path)
    data = bytearray(src.read_bytes())
    data[len(data) // 2] ^= 1
    src.write_bytes(bytes(data))
    dlg = RestoreDialog(tmp_path / "t")
    qtbot.addWidget(dlg)
    dlg.set_file(src)
    assert "damaged or was altered" in dlg.info_label.text()
    qtbot.keyClicks(dlg.secret_edit, "whatever passphrase")
    dlg.restore()
    assert not dlg.busy and "damaged" in dlg.message.text()
    assert not (tmp_path / "t").exists()
