"""Atomic, durable file writes: temp file in the same folder, fsync, os.replace.

A crash or a full disk leaves either the old file or the new one, never half of one,
and no temp file behind (Electrum's storage.py does the same for wallets).

Three more tools for the writes that must not be seen half done:

- ``staged_file``: write a file in full beside its target but make it visible only when
  the caller says so, after it has committed what the file means (an export is
  recorded as a disclosure before the file exists: security promise 7);
- ``RunLock``: an OS lock that marks temp files as belonging to a running process, so
  that a later run can remove what a killed one left behind and nothing else;
- ``create_private``: an empty owner-only file for a writer (SQLite's ``VACUUM INTO``)
  that would otherwise create it by the umask.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
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


# --- a file made visible only after what it means is committed --------------------------


class Staged:
    """A complete, fsynced temp file beside ``target``; ``publish()`` renames it there."""

    def __init__(self, target: Path, temp: Path) -> None:
        self.target = target
        self.temp = temp
        self.published = False

    def publish(self) -> None:
        """Make the file visible under its name (raises OSError; the temp is then gone)."""
        try:
            os.replace(self.temp, self.target)
        except OSError:
            self.discard()
            raise
        self.published = True
        with contextlib.suppress(OSError):
            _fsync_dir(self.target.parent if str(self.target.parent) else Path("."))

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            os.unlink(self.temp)


@contextlib.contextmanager
def staged_file(path: str | os.PathLike[str], data: bytes, mode: int = 0o600) -> Iterator[Staged]:
    """Write ``data`` in full to an owner-only temp file in ``path``'s folder and yield it.

    Nothing is visible under ``path`` until the caller calls ``publish()``; leaving the
    block without publishing (an exception, a failed commit) removes the temp file. A
    failed write raises WriteFailed before the block runs, so nothing gets recorded for
    a file that was never written."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    tmp = folder / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except OSError as exc:
        raise WriteFailed("file.cannot_write_folder", folder=folder, strerror=exc.strerror) from exc
    staged = Staged(target, tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        staged.discard()
        raise WriteFailed("file.write_failed", name=target.name, value=exc.strerror or exc) from exc
    except BaseException:
        staged.discard()
        raise
    try:
        yield staged
    finally:
        if not staged.published:
            staged.discard()


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


# Record, commit, then reveal: a file that discloses data (handover, calendar, organisation
# aggregate) is written whole to a private temp file, the disclosure is committed, and
# only then is the file renamed into sight (issue 12, item 11).


def reveal(tmp: Path, target: Path) -> None:
    """Rename the committed file's temp file into place (after the commit)."""
    try:
        os.replace(tmp, target)
        _fsync_dir(target.parent if str(target.parent) else Path("."))
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteFailed(
            "file.write_failed_recorded", name=target.name, value=exc.strerror or exc
        ) from exc


def write_temp(target: Path, data: bytes) -> Path:
    folder = target.parent if str(target.parent) else Path(".")
    tmp = folder / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise WriteFailed("file.cannot_write_folder", folder=folder, strerror=exc.strerror) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteFailed("file.write_failed", name=target.name, value=exc.strerror or exc) from exc
    return tmp
