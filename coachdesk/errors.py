"""The expected failures, each with its exit status (docs/cli.md) and a plain message.

Every layer raises these with a code and parameters, never a finished sentence:
``BadInput("backup.folder_missing", folder=folder)``. The sentence is the code's text in
the catalogue (core/texts.py: section "error" of coachdesk/i18n/texts.<lang>.json), so the
CLI (``--lang``) and the GUI (its UI language) show the same error in either language
without matching sentences. ``str(error)`` is the English text, for logs and tests.

A field's error inside a record (core/records.py) is a ``FieldError``: the record path
(``job_plan.goals[0].text``) plus a code, so the GUI names the field by its label.

``classify`` turns the failures that come from below (the disk, SQLite, the parser) into
one of them, so the CLI's and the GUI's error boundaries say the same one sentence.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from typing import Any

from coachdesk.core import texts
from coachdesk.core.problems import FieldError, Problem

__all__ = ["FieldError"]  # re-exported: the UI and the CLI read field errors from here


def error_text(code: str, lang: str, params: dict[str, str] | None = None) -> str:
    """The catalogue's text of an error code in ``lang``."""
    return texts.text("error", code, lang, params)


class CoachDeskError(Exception):
    """An expected failure; ``exit_code`` follows cli.md.

    ``code`` names the text in the catalogue; ``params`` fill its placeholders (never
    personal data beyond what the sentence always said: a ref, a file name); ``field``
    is the record path the error is about, when there is one."""

    exit_code = 1

    def __init__(self, code: str, /, *, field: str | None = None, **params: Any) -> None:
        self.code = code
        self.field = field
        # A parameter that is itself an error (a file's own problem inside "{name}: ...")
        # is kept, and written in the same language as the sentence around it.
        self.nested: dict[str, CoachDeskError | Problem | texts.Term] = {
            k: v for k, v in params.items() if isinstance(v, CoachDeskError | Problem | texts.Term)
        }
        self.params = {k: str(v) for k, v in params.items() if k not in self.nested}
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """The sentence in ``lang`` ("da" or "en")."""
        params = self.params | {k: e.text(lang) for k, e in self.nested.items()}
        return error_text(self.code, lang, params)


class BadInput(CoachDeskError):
    """Bad usage or bad input: nothing was written. ``errors`` are the FieldErrors of a
    refused record or file."""

    exit_code = 2

    def __init__(
        self,
        code: str,
        /,
        errors: Sequence[str] | None = None,
        *,
        field: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(code, field=field, **params)
        self.errors = list(errors or [])


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

    def __init__(self, code: str, /, result: object, **params: Any) -> None:
        super().__init__(code, **params)
        self.result = result


# The codes of the classified failures (their texts are in the catalogue).
DISK_FULL = "disk_full"
IO_ERROR = "io_error"
DAMAGED = "database_damaged"
OUT_OF_MEMORY = "out_of_memory"

_FULL_ERRNOS = frozenset(e for e in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if e)

# SQLite's fixed English texts (sqlite3ErrStr): they are all that sqlcipher3's
# exceptions carry (no error code attribute), and they never contain data.
_SQLITE_FULL = ("database or disk is full",)
_SQLITE_IO = ("disk i/o error",)
_SQLITE_DAMAGE = ("malformed", "not a database", "hmac", "corrupt")
_SQLITE_BUSY = ("database is locked",)  # after busy_timeout: another process writes
IN_USE = "vault_in_use"


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
            return CoachDeskError(OUT_OF_MEMORY)
        cur = cur.__cause__ or cur.__context__
    return None
