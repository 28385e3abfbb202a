"""Every QSettings value the app keeps, with its type and default, in one place.

Nothing personal goes here (security.md promise 1): window geometry, column layout,
language and the idle-lock minutes only. Participant data lives in the vault.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANISATION = "CoachDesk"
APPLICATION = "CoachDesk"


@dataclass(frozen=True)
class Pref(Generic[T]):
    key: str
    type: type
    default: T

    def get(self, settings: QSettings | None = None) -> T:
        s = settings or QSettings()
        value: Any = s.value(self.key, self.default)
        if value is None:
            return self.default
        try:
            if self.type is bool and isinstance(value, str):
                # T is bool here (and QByteArray below): the generic cannot say so.
                return cast(T, value.lower() == "true")
            if self.type is QByteArray:
                return cast(T, value) if isinstance(value, QByteArray) else self.default
            converted: T = self.type(value)
            return converted
        except (TypeError, ValueError):
            return self.default

    def set(self, value: T, settings: QSettings | None = None) -> None:
        (settings or QSettings()).setValue(self.key, value)


# "" means: follow the system locale (Danish when the locale is Danish, else English).
LANGUAGE: Pref[str] = Pref("ui/language", str, "")
IDLE_LOCK_MINUTES: Pref[int] = Pref("security/idle_lock_minutes", int, 5)
WINDOW_GEOMETRY: Pref[QByteArray] = Pref("window/geometry", QByteArray, QByteArray())
WINDOW_STATE: Pref[QByteArray] = Pref("window/state", QByteArray, QByteArray())
CASELOAD_HEADER: Pref[QByteArray] = Pref("caseload/header", QByteArray, QByteArray())
SHOW_ARCHIVED: Pref[bool] = Pref("caseload/show_archived", bool, False)

ALL: tuple[Pref[Any], ...] = (
    LANGUAGE,
    IDLE_LOCK_MINUTES,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    CASELOAD_HEADER,
    SHOW_ARCHIVED,
)
