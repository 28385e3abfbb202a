"""One running CoachDesk per vault: an OS-level lock on ``vault.lock``.

The OS drops the lock when the process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from coachdesk.errors import VaultInUse


class VaultLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            # The first write into the data folder: a read-only folder or drive ends here
            # with a sentence, not a traceback.
            from coachdesk.errors import BadInput

            raise BadInput(
                f"CoachDesk cannot write in the data folder {self.path.parent} "
                f"({exc.strerror}). Check that it is not read-only and that it is yours."
            ) from None
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise VaultInUse(
                "This vault is open in another running CoachDesk. Close it there first."
            ) from None
        # The pid is for a person reading the folder; the lock itself is the OS lock.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
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
