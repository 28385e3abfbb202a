"""The expected failures, each with its exit status (docs/cli.md) and a plain message.

Every layer raises these; the CLI and the GUI show ``str(error)`` and never a traceback.
"""

from __future__ import annotations


class CoachDeskError(Exception):
    """An expected failure; ``exit_code`` follows cli.md."""

    exit_code = 1


class BadInput(CoachDeskError):
    """Bad usage or bad input: nothing was written."""

    exit_code = 2

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


class VaultMissing(BadInput):
    """No vault in the data folder (or a key file without its database)."""


class VaultExists(BadInput):
    """``init`` or ``restore`` into a folder that already holds a vault."""


class WrongSecret(CoachDeskError):
    """Wrong passphrase or recovery code."""

    exit_code = 3


class VaultDamaged(CoachDeskError):
    """The database, the key file or a backup is damaged or was tampered with."""

    exit_code = 4


class KeyFileTampered(VaultDamaged):
    pass


class VaultInUse(CoachDeskError):
    """Another running CoachDesk has this vault open."""

    exit_code = 5


class VaultLocked(CoachDeskError):
    """An operation needs the vault unlocked."""

    exit_code = 1
