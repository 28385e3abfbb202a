"""The failed-unlocks log: failures wait here until the next unlock writes them into the
audit log (the vault is locked when they happen, so they cannot go there directly).

Nothing personal: a time and the method (passphrase or recovery code) per line.

Trimming (issue 12 item 19). The log is written without the key, so it cannot carry a
MAC under the vault's key. It carries a forward-secure hash chain instead:

- at an unlock that found failures (or no chained log) a fresh random key k0 is sealed
  into the key file (under the data key, inside its MAC'd body) and the log starts
  again with ``state k0``; an empty, verified log is left as it is;
- the i-th failure is written with HMAC(k_{i-1}, line) and the state moves on to
  k_i = SHA-256("next" + k_{i-1}); the old state is overwritten (the file is replaced
  atomically), so k_{i-1} is gone from the disk;
- the next unlock recomputes k0, k1, ... from the sealed k0: every line must carry its
  MAC and the final state must be k_n. Deleting the file, removing or editing lines,
  or cutting the tail is found (the state left behind no longer matches, and the
  earlier states cannot be recomputed from the later one) and recorded in the audit
  log as "failed_unlocks_log_altered".

What it cannot find: someone who can write the data folder copies the log before
guessing and puts the copy back afterwards. And guessing offline, on a copy of
vault.key, never touches the log at all. docs/security.md says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path

from coachdesk.store.lockfile import open_nofollow

NAME = "failed-unlocks.log"
HEADER = "coachdesk-failed-unlocks 1"
MAX_BYTES = 1 << 20
MAX_LINES = 1000
METHODS = ("passphrase", "recovery_code")


def _next(state: bytes) -> bytes:
    return hashlib.sha256(b"next" + state).digest()


def _mac(state: bytes, seq: int, at: str, method: str) -> str:
    return hmac.new(state, f"{seq} {at} {method}".encode("ascii"), hashlib.sha256).hexdigest()


def _read(path: Path) -> str | None:
    try:
        fd = open_nofollow(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError:
        return ""
    with os.fdopen(fd, "rb") as f:
        return f.read(MAX_BYTES + 1).decode("ascii", errors="replace")


def _write(path: Path, text: str) -> None:
    from coachdesk.store.atomic import write_atomic

    # A new file renamed over the old one: a symlink at the path is replaced, never
    # followed, and the old state leaves the disk with the old file.
    write_atomic(path, text.encode("ascii"))


def note_failure(data_dir: Path, at: str, method: str) -> None:
    """Append one failure (best effort: a read-only folder must not hide the real error)."""
    path = data_dir / NAME
    with contextlib.suppress(Exception):
        text = _read(path)
        lines = (text or "").splitlines()
        if lines and lines[0] == HEADER and len(lines) >= 2 and lines[1].startswith("state "):
            state = bytes.fromhex(lines[1].split(" ", 1)[1])
            entries = lines[2:]
            seq = len(entries) + 1
            entries.append(f"{at} {method} {_mac(state, seq, at, method)}")
            if len(entries) > MAX_LINES:
                return  # a flood: the first thousand are kept, and the state with them
            _write(path, "\n".join([HEADER, f"state {_next(state).hex()}", *entries]) + "\n")
        else:
            # No chain started (a vault not unlocked since issue 12): plain lines.
            fd = open_nofollow(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            try:
                os.write(fd, f"{at} {method}\n".encode("ascii"))
            finally:
                os.close(fd)


@dataclass
class Reading:
    failures: list[tuple[str, str]]
    altered: str | None  # why the log does not verify, or None


MISSING = "the log is missing"


def db_identity(data_dir: Path) -> str:
    """The database file's identity: a restore or a move gives a new one."""
    st = (data_dir / "vault.db").stat()
    return f"{st.st_dev}:{st.st_ino}"


def read_and_verify(data_dir: Path, k0: bytes | None) -> Reading:
    """The failures since the last unlock, and whether the log verifies against ``k0``."""
    text = _read(data_dir / NAME)
    if text is None:
        return Reading([], MISSING if k0 is not None else None)
    if len(text) > MAX_BYTES:
        return Reading([], "the log is larger than any CoachDesk writes")
    lines = text.splitlines()
    if not lines or lines[0] != HEADER:
        # Plain lines: written before the chain started (or by hand).
        plain = [
            (at, how)
            for at, _, how in (ln.partition(" ") for ln in lines[-MAX_LINES:])
            if how in METHODS
        ]
        return Reading(plain, "the log is not chained" if k0 is not None else None)
    failures: list[tuple[str, str]] = []
    altered = None
    state = k0
    for seq, line in enumerate(lines[2:], start=1):
        parts = line.split(" ")
        if len(parts) != 3 or parts[1] not in METHODS:
            altered = altered or f"line {seq + 2} is malformed"
            continue
        at, how, mac = parts
        failures.append((at, how))
        if state is not None:
            if not hmac.compare_digest(_mac(state, seq, at, how), mac):
                altered = altered or f"line {seq + 2} does not verify"
            state = _next(state)
    if k0 is not None and altered is None:
        stored = lines[1].split(" ", 1)[1] if lines[1].startswith("state ") else ""
        if not hmac.compare_digest(stored, state.hex() if state else ""):
            altered = "lines were removed (the state does not match)"
    return Reading(failures, altered)


def restart(data_dir: Path, k0: bytes) -> None:
    """A fresh, empty log chained from ``k0`` (whose sealed copy is in the key file)."""
    _write(data_dir / NAME, f"{HEADER}\nstate {k0.hex()}\n")
