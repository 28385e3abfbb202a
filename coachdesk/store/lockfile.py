"""One running CoachDesk per vault: OS-level locks on ``vault.lock`` and on ``vault.db``.

The OS drops a lock when the process dies, so a crash never leaves a stale lock.

``vault.lock`` alone was not enough (issue 12 item 19): deleting it while a vault was
open let a second process create a new one and lock that. So the database file itself
is locked too, in a way SQLite never touches:

- on Linux an open-file-description lock (F_OFD_SETLK) on one byte at 2**62 of
  ``vault.db``: it is independent of SQLite's own POSIX locks (they never reach that
  offset) and, unlike a classic POSIX lock, is not dropped when SQLite closes one of its
  own descriptors of the file;
- on other POSIX systems (macOS) flock() on the data folder, because there flock and
  SQLite's fcntl locks on the same file conflict;
- on Windows an open file cannot be deleted, so ``vault.lock`` cannot disappear while
  it is held.

Both files are opened with O_NOFOLLOW: a symlink planted as ``vault.lock`` is refused
and its target is untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path

from coachdesk.errors import VaultInUse

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
IN_USE = "vault_in_use"
_OFD_OFFSET = 1 << 62


def open_nofollow(path: Path, flags: int, mode: int = 0o600) -> int:
    """os.open that refuses a symlink (and anything but a regular file)."""
    fd = os.open(path, flags | NOFOLLOW | getattr(os, "O_CLOEXEC", 0), mode)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
    except BaseException:
        os.close(fd)
        raise
    return fd


def _refused(path: Path, exc: OSError) -> Exception:
    from coachdesk.errors import BadInput

    if exc.errno in (errno.ELOOP, errno.EINVAL, errno.EMLINK):
        return BadInput("lockfile.not_plain_file", name=path.name)
    # The first write into the data folder: a read-only folder or drive ends here
    # with a sentence, not a traceback.
    return BadInput("lockfile.cannot_write", parent=path.parent, strerror=exc.strerror)


class VaultLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._db_fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = open_nofollow(self.path, os.O_RDWR | os.O_CREAT)
        except OSError as exc:
            raise _refused(self.path, exc) from None
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise VaultInUse(IN_USE) from None
        self._fd = fd
        try:
            self.lock_database()
        except BaseException:
            self.release()
            raise
        # The pid is for a person reading the folder; the lock itself is the OS lock.
        # Best effort: on a full disk the write fails, and a failure here must neither
        # keep the lock held nor stop the unlock (the disk-full message comes from the
        # first real write, with the lock released).
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())

    def lock_database(self) -> None:
        """Lock the database (or its folder) itself; a no-op while it does not exist yet
        (``create`` calls this again once it does)."""
        if self._db_fd is not None or sys.platform == "win32":
            return
        import fcntl

        db = self.path.parent / "vault.db"
        ofd = getattr(fcntl, "F_OFD_SETLK", None)
        try:
            if ofd is not None:
                fd = open_nofollow(db, os.O_RDWR)
            else:
                fd = os.open(self.path.parent, os.O_RDONLY)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise _refused(db, exc) from None
        try:
            if ofd is not None:
                import struct

                # struct flock: l_type, l_whence, l_start, l_len, l_pid (Linux x86-64/arm64)
                arg = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, _OFD_OFFSET, 1, 0)
                fcntl.fcntl(fd, ofd, arg)
            else:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise VaultInUse(IN_USE) from None
            return  # a file system without such locks: vault.lock still holds
        self._db_fd = fd

    def release(self) -> None:
        if self._db_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._db_fd)  # closing drops the OFD lock / flock
            self._db_fd = None
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            if sys.platform == "win32":
                import msvcrt

                os.lseek(self._fd, 0, 0)
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
