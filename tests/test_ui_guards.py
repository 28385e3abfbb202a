"""The clipboard guard and the system-lock watcher (security promise 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from coachdesk.ui.clipboard_guard import ClipboardGuard
from coachdesk.ui.system_lock import SystemLockWatcher


def _focused_field(qtbot):
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit("010190-1234")
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=3000)
    return field


def test_text_copied_in_the_app_is_cleared(qtbot, qapp):
    guard = ClipboardGuard(clear_after_ms=50)
    cb = QGuiApplication.clipboard()
    field = _focused_field(qtbot)
    field.selectAll()
    field.copy()
    assert cb.text() == "010190-1234"
    assert guard.timer.isActive()
    qtbot.waitUntil(lambda: cb.text() == "", timeout=3000)


def test_clear_leaves_what_was_copied_elsewhere_alone(qtbot, qapp, monkeypatch):
    from coachdesk.ui import clipboard_guard

    guard = ClipboardGuard(clear_after_ms=10_000)
    cb = QGuiApplication.clipboard()
    field = _focused_field(qtbot)
    field.selectAll()
    field.copy()
    assert guard.timer.isActive()

    class _Elsewhere:  # CoachDesk in the background: none of our windows has the focus
        focusWindow = staticmethod(lambda: None)

    monkeypatch.setattr(clipboard_guard, "QGuiApplication", _Elsewhere)
    cb.setText("copied in another program")  # not ours: the countdown stops
    assert not guard.timer.isActive()
    guard.clear()
    assert cb.text() == "copied in another program"
    cb.clear()


def test_suspend_emits_locked(qtbot, qapp):
    watcher = SystemLockWatcher()
    with qtbot.waitSignal(watcher.locked, timeout=1000):
        watcher._state_changed(Qt.ApplicationState.ApplicationSuspended)
    with qtbot.assertNotEmitted(watcher.locked):
        watcher._state_changed(Qt.ApplicationState.ApplicationInactive)
        watcher._screensaver(False)
    with qtbot.waitSignal(watcher.locked, timeout=1000):
        watcher._screensaver(True)
