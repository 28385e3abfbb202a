"""Atomic, durable file writes: temp file in the same folder, fsync, os.replace.

A crash or a full disk leaves either the old file or the new one, never half of one,
and no temp file behind (Electrum's storage.py does the same for wallets).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from coachdesk.errors import CoachDeskError


class WriteFailed(CoachDeskError):
    exit_code = 1


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], mode: int = 0o600) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces ``path`` atomically."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    tmp = folder / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except OSError as exc:
        raise WriteFailed(f"Cannot write to {folder}: {exc.strerror}.") from exc
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
        raise WriteFailed(
            f"Could not write {target.name}: {exc.strerror or exc}. Nothing was changed."
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | os.PathLike[str], data: bytes, mode: int = 0o600) -> None:
    with atomic_writer(path, mode) as fh:
        fh.write(data)
