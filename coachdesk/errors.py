"""The expected failures, each with its exit status (docs/cli.md) and a plain message.

Every layer raises these; the CLI and the GUI show ``str(error)`` and never a traceback.
``classify`` turns the failures that come from below (the disk, SQLite, the parser) into
one of them, so the CLI's and the GUI's error boundaries say the same one sentence.
"""

from __future__ import annotations

import errno


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


class DiskFull(CoachDeskError):
    """The disk (or the user's quota) is full: nothing is damaged, the write was undone.

    Not VaultDamaged: "restore the latest backup" would throw away the day's work."""

    exit_code = 1


class StorageError(CoachDeskError):
    """The operating system could not read or write the disk (an I/O error)."""

    exit_code = 1


class ErasedNotCompacted(CoachDeskError):
    """The erasure was committed, but the file could not be compacted afterwards.

    Raised (not returned) so that no caller can report plain success or plain failure:
    the message says both halves. ``result`` is the erasure's ErasureResult."""

    exit_code = 1

    def __init__(self, message: str, result: object) -> None:
        super().__init__(message)
        self.result = result


DISK_FULL = (
    "The disk is full, so the change could not be saved. Nothing was changed: "
    "free some space on the disk and try again."
)
IO_ERROR = (
    "The disk could not be read or written (an input/output error). Nothing was "
    "changed: check the disk or the network drive, then try again."
)
DAMAGED = (
    "The database is damaged and cannot be read safely. Restore the latest backup "
    "(coachdesk restore BACKUP into an empty folder, or Restore in the app)."
)

_FULL_ERRNOS = frozenset(e for e in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if e)

# SQLite's fixed English texts (sqlite3ErrStr): they are all that sqlcipher3's
# exceptions carry (no error code attribute), and they never contain data.
_SQLITE_FULL = ("database or disk is full",)
_SQLITE_IO = ("disk i/o error",)
_SQLITE_DAMAGE = ("malformed", "not a database", "hmac", "corrupt")
_SQLITE_BUSY = ("database is locked",)  # after busy_timeout: another process writes
IN_USE = "This vault is open in another running CoachDesk. Close it there first."


def _driver_error(exc: BaseException) -> BaseException:
    """The DB-API exception inside SQLAlchemy's wrapper (or the exception itself)."""
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, BaseException) else exc


def is_database_error(exc: BaseException) -> bool:
    """An exception from SQLAlchemy or the SQLite driver: its text may quote SQL
    parameters (personal data), so it is never shown."""
    mod = type(exc).__module__ or ""
    return mod.split(".")[0] in ("sqlalchemy", "sqlcipher3", "sqlite3", "pysqlite3")


def classify(exc: BaseException) -> CoachDeskError | None:
    """The expected failure behind ``exc``, or None for a bug.

    Walks the chain of causes, so an OSError wrapped by a library is still a full disk.
    """
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, CoachDeskError):
            return cur
        inner = _driver_error(cur)
        if isinstance(inner, OSError):
            if inner.errno in _FULL_ERRNOS:
                return DiskFull(DISK_FULL)
            if inner.errno == errno.EIO:
                return StorageError(IO_ERROR)
        elif is_database_error(inner):
            text = str(inner.args[0] if inner.args else "").lower()
            if any(w in text for w in _SQLITE_FULL):
                return DiskFull(DISK_FULL)
            if any(w in text for w in _SQLITE_IO):
                return StorageError(IO_ERROR)
            if any(w in text for w in _SQLITE_DAMAGE):
                return VaultDamaged(DAMAGED)
            if any(w in text for w in _SQLITE_BUSY):
                return VaultInUse(IN_USE)
        if isinstance(cur, MemoryError):
            return CoachDeskError(
                "The computer ran out of memory. Nothing was changed: "
                "close other programs and try again."
            )
        cur = cur.__cause__ or cur.__context__
    return None
