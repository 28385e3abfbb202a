"""Lock when the computer does: screen lock or suspend, where the platform reports it.

- every platform: Qt's application state "suspended";
- Linux: the desktop's screen saver (org.freedesktop.ScreenSaver / org.gnome.ScreenSaver
  ActiveChanged) and logind's PrepareForSleep, over D-Bus (local IPC, not the network);
- Windows: WTS session notifications (WM_WTSSESSION_CHANGE: lock, logoff, console
  disconnect) through a native event filter.
Where none of these is available, the idle lock still applies.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication

WM_WTSSESSION_CHANGE = 0x02B1
WTS_LOCK_EVENTS = frozenset({0x3, 0x6, 0x7})  # console disconnect, logoff, session lock


class _WindowsSessionFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> tuple[bool, int]:
        if event_type == b"windows_generic_MSG":
            import ctypes.wintypes

            msg = ctypes.wintypes.MSG.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam in WTS_LOCK_EVENTS:
                self._on_lock()
        return False, 0


class SystemLockWatcher(QObject):
    """Emits ``locked`` when the session locks or the machine goes to sleep."""

    locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter: QAbstractNativeEventFilter | None = None
        self._dbus_started = False
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):
            return
        app.applicationStateChanged.connect(self._state_changed)

    def start_dbus(self) -> None:
        """Linux: listen for the screensaver and for sleep on D-Bus (once).

        Called after the first paint: connecting to the session and system buses is
        start-up work the unlock screen does not need to wait for."""
        if self._dbus_started or not sys.platform.startswith("linux"):
            return
        self._dbus_started = True
        self._watch_dbus()

    def watch_window(self, win_id: int) -> None:
        """Windows: ask for session notifications for this top-level window."""
        if sys.platform != "win32" or self._filter is not None:
            return
        import ctypes

        try:
            ctypes.windll.wtsapi32.WTSRegisterSessionNotification(int(win_id), 0)
        except (AttributeError, OSError):
            return
        self._filter = _WindowsSessionFilter(self.locked.emit)
        QGuiApplication.instance().installNativeEventFilter(self._filter)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.locked.emit()

    def _watch_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in (
                ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
            ):
                # The stub types the slot as bytes; PySide6 takes (only) a str here.
                session.connect(  # type: ignore[call-overload]
                    service, path, service, "ActiveChanged", self, "_screensaver(bool)"
                )
        system = QDBusConnection.systemBus()
        if system.isConnected():
            system.connect(  # type: ignore[call-overload]  # as above: the slot is a str
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                "_sleep(bool)",
            )

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.locked.emit()

    @Slot(bool)
    def _sleep(self, going: bool) -> None:
        if going:
            self.locked.emit()
