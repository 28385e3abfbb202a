"""Atomic, durable file writes: temp file in the same folder, fsync, os.replace.

A crash or a full disk leaves either the old file or the new one, never half of one,
and no temp file behind (Electrum's storage.py does the same for wallets).

Three more tools for the writes that must not be seen half done:

- ``reveal_after`` (on ``write_temp`` and ``reveal``): write a file in full beside its
  target but make it visible only after the caller has committed what the file means
  (an export is recorded as a disclosure before the file exists: security promise 7);
- ``RunLock``: an OS lock that marks temp files as belonging to a running process, so
  that a later run can remove what a killed one left behind and nothing else;
- ``create_private``: an empty owner-only file for a writer (SQLite's ``VACUUM INTO``)
  that would otherwise create it by the umask.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from coachdesk.errors import CoachDeskError


class WriteFailed(CoachDeskError):
    exit_code = 1


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new entry in ``folder`` durable (POSIX; a no-op elsewhere)."""
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(
    path: str | os.PathLike[str], mode: int = 0o600, *, temp: Path | None = None
) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces ``path`` atomically.

    ``temp`` names the temp file (in the same folder) when the caller must recognise
    it later (backup.py sweeps what a killed backup left)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    tmp = temp or folder / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except OSError as exc:
        raise WriteFailed("file.cannot_write_folder", folder=folder, strerror=exc.strerror) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteFailed("file.write_failed", name=target.name, value=exc.strerror or exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | os.PathLike[str], data: bytes, mode: int = 0o600) -> None:
    with atomic_writer(path, mode) as fh:
        fh.write(data)


def create_private(path: Path) -> None:
    """Create ``path`` empty and owner-only (0600 whatever the umask); it must not exist."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)


# --- "this temp file belongs to a running process" ---------------------------------------


class RunLock:
    """A non-blocking OS lock on a small file, held for as long as a run lasts.

    ``flock`` (POSIX) and ``msvcrt.locking`` (Windows) are dropped by the OS when the
    process dies, so "the lock can be taken" means "its owner is gone". Use
    ``try_take``; a lock file that another process is taking at the same moment is
    never mistaken for an abandoned one (see ``_take``).
    """

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def try_take(cls, path: Path, *, create: bool = True) -> RunLock | None:
        """The lock, or None when another process holds it (or, with ``create=False``,
        when the file does not exist). Raises OSError when the folder is unwritable."""
        for _ in range(5):
            flags = os.O_RDWR | (os.O_CREAT if create else 0) | getattr(os, "O_NOFOLLOW", 0)
            try:
                fd = os.open(path, flags, 0o600)
            except FileNotFoundError:
                return None
            if not _lock_fd(fd):
                os.close(fd)
                return None
            # Someone may have removed (swept) the file between our open and our lock:
            # then we locked a file nobody else can see. Try again with the new one.
            if _same_file(fd, path):
                return cls(path, fd)
            _unlock_fd(fd)
            os.close(fd)
            if not create:
                return None
        return None

    def release(self, *, remove: bool = False) -> None:
        """Drop the lock; with ``remove``, delete the lock file first (while held, so
        that nobody is handed a lock on a file that is about to disappear)."""
        if self._fd is None:
            return
        if remove and os.name == "posix":
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        _unlock_fd(self._fd)
        os.close(self._fd)
        self._fd = None
        if remove and os.name != "posix":  # Windows cannot delete an open file
            with contextlib.suppress(OSError):
                os.unlink(self.path)


def _lock_fd(fd: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock_fd(fd: int) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, 0)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


# Record, commit, then reveal: a file that discloses data (a report, the JSON export, a
# handover, the calendar, the organisation aggregate) is written whole to a private temp
# file, the disclosure is committed, and only then is the file renamed into sight (issue
# 12, item 11). The one mechanism for it: ``reveal_after``, or its two halves.


# The bytes of a file, or a producer that writes them piece by piece through the function
# it is given (the JSON export of a whole vault is never all in memory).
Producer = Callable[[Callable[[bytes], object]], object]


def reveal_after(target: Path, data: bytes | Producer, commit: Callable[[str], None]) -> str:
    """Write ``data`` beside ``target``, run ``commit(sha256)`` (record and commit what
    the file means, by its SHA-256), then rename the file into place; returns the SHA-256.

    A failed write raises WriteFailed before ``commit`` runs (nothing recorded); a failed
    ``commit`` removes the temp file and its exception propagates (no file); a failed
    rename raises ``reveal``'s WriteFailed (recorded, no file; its cause is the OSError).
    """
    tmp, digest = write_temp(target, data)
    try:
        commit(digest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    reveal(tmp, target)
    return digest


def reveal(tmp: Path, target: Path) -> None:
    """Rename the committed file's temp file into place (after the commit)."""
    try:
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteFailed(
            "file.write_failed_recorded", name=target.name, value=exc.strerror or exc
        ) from exc
    with contextlib.suppress(OSError):  # the file is in place: not a failure to report
        _fsync_dir(target.parent if str(target.parent) else Path("."))


def write_temp(target: Path, data: bytes | Producer) -> tuple[Path, str]:
    """Write ``data`` in full (fsynced) to a new owner-only temp file beside ``target``;
    returns it and the SHA-256 of what was written. A failure removes it (WriteFailed)."""
    folder = target.parent if str(target.parent) else Path(".")
    tmp = folder / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise WriteFailed("file.cannot_write_folder", folder=folder, strerror=exc.strerror) from exc
    h = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as fh:

            def write(chunk: bytes) -> None:
                h.update(chunk)
                fh.write(chunk)

            if isinstance(data, bytes | bytearray):
                write(bytes(data))
            else:
                data(write)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteFailed("file.write_failed", name=target.name, value=exc.strerror or exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp, h.hexdigest()
