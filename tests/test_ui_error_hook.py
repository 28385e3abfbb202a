"""Uncaught errors: a message for the coach, frames without messages on stderr."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from coachdesk.errors import VaultMissing
from coachdesk.ui import error_hook


def _raise_and_capture(exc: BaseException):
    try:
        raise exc
    except BaseException as e:
        return type(e), e, e.__traceback__


def test_bug_message_hides_the_exception_text(qtbot, qapp, capsys):
    shown = []

    def close_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close_box)

    QTimer.singleShot(20, close_box)
    error_hook.hook(*_raise_and_capture(ValueError("CPR 010190-1234 Ida Jensen")))
    err = capsys.readouterr().err
    assert "ValueError" in err and "test_ui_error_hook.py" in err
    assert "010190" not in err and "Ida" not in err
    assert shown and "ValueError" in shown[0] and "010190" not in shown[0]


def test_expected_errors_are_worded_for_the_coach(qapp):
    text = error_hook.describe(
        VaultMissing("The vault in /x was moved or deleted while CoachDesk was running.")
    )
    assert "moved or deleted" in text


def test_install_sets_the_hook():
    old = sys.excepthook
    try:
        error_hook.install()
        assert sys.excepthook is error_hook.hook
    finally:
        sys.excepthook = old
