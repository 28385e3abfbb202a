"""A real, small disk for the full-disk tests: a tmpfs mounted for one test.

Needs root (or CAP_SYS_ADMIN); where mounting is not permitted the test is skipped,
never faked. ``fill`` leaves a chosen number of bytes free, so a command can open the
vault and then run out of space in the middle of its own write.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def mounted(where: Path, size_kib: int) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    if not shutil.which("mount") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(where)],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def free_bytes(where: Path) -> int:
    st = os.statvfs(where)
    return st.f_bavail * st.f_frsize


def fill(where: Path, leave: int = 0) -> Path:
    """Take all free space on the disk but ``leave`` bytes; returns the filler file."""
    filler = where / "filler.bin"
    chunk = b"\0" * 65536
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        want = free_bytes(where) - leave
        while want > 0:
            try:
                os.write(fd, chunk[: min(want, len(chunk))])
            except OSError:
                break
            want = free_bytes(where) - leave
    finally:
        os.close(fd)
    return filler
