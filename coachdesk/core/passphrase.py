"""The passphrase rule and the strength hint shown while a coach chooses one."""

from __future__ import annotations

MIN_PASSPHRASE = 8


def strength(passphrase: str) -> int:
    """0 (too short) .. 3 (strong): a hint, not a rule; length matters most."""
    if len(passphrase) < MIN_PASSPHRASE:
        return 0
    classes = sum(
        any(f(c) for c in passphrase)
        for f in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(passphrase.split())
    if len(passphrase) >= 20 or (len(passphrase) >= 14 and (classes >= 3 or words >= 3)):
        return 3
    if len(passphrase) >= 12 or classes >= 3:
        return 2
    return 1
