"""The strength hint under a new passphrase (first run and "Change passphrase")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coachdesk.core.passphrase import MIN_PASSPHRASE, strength


def strength_text(passphrase: str) -> str:
    """The hint for ``passphrase``, in the UI language (core/passphrase.strength's levels)."""
    level = strength(passphrase)
    if level == 0:
        return QCoreApplication.translate(
            "PassphraseHint", "Too short: at least %1 characters."
        ).replace("%1", str(MIN_PASSPHRASE))
    if level == 1:
        return QCoreApplication.translate("PassphraseHint", "Strength: weak. Add a word or two.")
    if level == 2:
        return QCoreApplication.translate("PassphraseHint", "Strength: fair.")
    return QCoreApplication.translate("PassphraseHint", "Strength: strong.")
