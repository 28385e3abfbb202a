"""A new recovery code from the app (issue 12 item 14): the passphrase first, the code
shown once, the old code stops working."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from coachdesk.errors import WrongSecret
from coachdesk.store.vault import Vault
from coachdesk.ui.recovery_code_dialog import RotateRecoveryCodeDialog, ShowRecoveryCodeDialog
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.usefixtures("isolated_settings")


def test_rotate_recovery_code_dialog(qtbot, vault_and_code, data_dir):
    vault, old_code = vault_and_code
    dlg = RotateRecoveryCodeDialog(vault)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.current, "not my passphrase")
    dlg.apply()
    assert dlg.result() == 0 and dlg.message.text()
    dlg.current.clear()
    qtbot.keyClicks(dlg.current, PASSPHRASE)
    shown: list[str] = []

    def read_and_close():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ShowRecoveryCodeDialog) and w.isVisible():
                shown.append(w.code_label.text())
                assert not w.close_button.isEnabled()  # not before "I have stored it"
                w.stored_check.setChecked(True)
                w.close_button.click()
                return
        QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(0, read_and_close)
    dlg.apply()
    assert dlg.result() == RotateRecoveryCodeDialog.DialogCode.Accepted
    assert len(shown) == 1 and shown[0] != old_code and shown[0].count("-") == 7
    vault.close()
    with pytest.raises(WrongSecret):
        Vault.open(data_dir, recovery_code=old_code)
    Vault.open(data_dir, recovery_code=shown[0]).close()


def test_the_shown_code_is_cleared_when_the_dialog_goes(qtbot):
    dlg = ShowRecoveryCodeDialog("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    qtbot.addWidget(dlg)
    dlg.reject()  # Escape before "stored" does not close it
    assert dlg.code_label.text()
    dlg.done(0)  # locking closes every dialog
    assert dlg.code_label.text() == ""
    assert dlg.buttons.button(QDialogButtonBox.StandardButton.Close) is dlg.close_button


def test_render(qtbot, vault, tmp_path):
    """For looking at: both steps rendered offscreen at the app's size."""
    dlg = RotateRecoveryCodeDialog(vault)
    qtbot.addWidget(dlg)
    dlg.resize(600, 220)
    dlg.show()
    dlg.grab().save(str(tmp_path / "rotate.png"))
    show = ShowRecoveryCodeDialog("QZCI-4XMM-NC73-DPNZ-KOWI-4L3T-32PW-WAR7")
    qtbot.addWidget(show)
    show.show()
    show.grab().save(str(tmp_path / "show.png"))
    assert (tmp_path / "rotate.png").stat().st_size > 0
