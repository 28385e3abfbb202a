"""Changing the passphrase in the app, and the recovery-code path that leads there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from coachdesk.errors import WrongSecret
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.vault import Vault
from coachdesk.ui.passphrase_dialog import ChangePassphraseDialog
from tests.conftest import PASSPHRASE

NEW = "a new and longer passphrase"


pytestmark = pytest.mark.usefixtures("isolated_settings")


def ok_button(dlg):
    return dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_change_needs_the_current_passphrase(qtbot, vault, data_dir):
    dlg = ChangePassphraseDialog(vault)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.new1, NEW)
    assert not ok_button(dlg).isEnabled()  # not repeated yet
    qtbot.keyClicks(dlg.new2, NEW + "x")
    assert "differ" in dlg.message.text()
    dlg.new2.clear()
    qtbot.keyClicks(dlg.new2, NEW)
    assert ok_button(dlg).isEnabled()
    qtbot.keyClicks(dlg.current, "not my passphrase")
    dlg.apply()
    assert "wrong" in dlg.message.text() and dlg.result() == 0
    dlg.current.clear()
    qtbot.keyClicks(dlg.current, PASSPHRASE)
    dlg.apply()
    assert dlg.result() == ChangePassphraseDialog.DialogCode.Accepted
    vault.close()
    with pytest.raises(WrongSecret):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    Vault.open(data_dir, passphrase=NEW).close()


def test_unlock_with_recovery_code_asks_for_a_new_passphrase(qtbot, vault_and_code, data_dir):
    from coachdesk.ui.main_window import MainWindow

    vault, code = vault_and_code
    vault.close()
    window = MainWindow(data_dir, kdf=TEST_KDF, idle_minutes=60)
    qtbot.addWidget(window)
    window.show()
    gate = window.gate
    gate.toggle_mode()
    qtbot.keyClicks(gate.secret, code)
    seen = []

    def answer_dialog():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, ChangePassphraseDialog):
            QTimer.singleShot(50, answer_dialog)
            return
        seen.append(dlg.current.isVisible())
        dlg.new1.setText(NEW)
        dlg.new2.setText(NEW)
        ok_button(dlg).click()

    QTimer.singleShot(50, answer_dialog)
    qtbot.keyClick(gate.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen), timeout=15000)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    assert seen == [False]  # the forgotten passphrase is not asked for
    window.close()
    Vault.open(data_dir, passphrase=NEW).close()
