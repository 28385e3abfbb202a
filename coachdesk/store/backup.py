"""Encrypted backups: one self-contained file that opens with the vault's own secrets.

A backup file (``.cdbackup``) is, byte for byte::

    MAGIC (8) | header length (4, big-endian) | header JSON | key file | database | SHA-256 (32)

- the header names the format version, the sizes of the two parts and the schema
  revision; it holds nothing about any person;
- the key file is the vault's ``vault.key`` as it was (the data key wrapped under the
  passphrase and the recovery code), so the backup opens with either;
- the database is a consistent copy made with ``VACUUM INTO`` on a keyed SQLCipher
  connection: SQLCipher writes it through the same page codec, so it is encrypted
  with the same raw key and never exists in plaintext, not even as a temp file;
- the trailing SHA-256 covers everything before it, so damage or a naive edit is
  found before restore writes anything. Tampering with intent is caught by the key
  file's MAC and by SQLCipher's per-page HMAC when the copy is opened.

The database part is never held in memory whole (issue 19): it is streamed in CHUNK
pieces from the checked copy into the file (the checksum computed on the way), read back
the same way to verify the file, and copied out of it the same way at restore, which
hashes the file a second time as it copies, so a file changed after its check is
refused. A backup's memory is therefore the same for 100 people as for 50,000.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import struct
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3

from coachdesk.core.texts import Term
from coachdesk.errors import BadInput, CoachDeskError, VaultDamaged, VaultExists
from coachdesk.store import audit
from coachdesk.store.atomic import (
    RunLock,
    WriteFailed,
    atomic_writer,
    create_private,
    fsync_dir,
)
from coachdesk.store.keyfile import KeyFile
from coachdesk.store.models import Setting
from coachdesk.store.paths import DB_NAME, KEY_NAME

MAGIC = b"CDBACKUP"
FORMAT = "coachdesk.backup"
VERSION = 1
SUFFIX = ".cdbackup"
NAME_RE = re.compile(r"^coachdesk-(\d{8})-(\d{6})\.cdbackup$")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
WARN_AFTER = dt.timedelta(days=7)
# The in-vault record of the last verified backup (a Setting row of its own: it is a
# fact the app keeps, not a preference the coach edits).
LAST_GOOD_KEY = "backup_last_good"
# Bounds for the header (a real one is about 200 bytes) and the key file (about 1 KiB).
_MAX_HEADER = 4 * 1024
_MAX_KEY_FILE = 64 * 1024
_MAX_INT_DIGITS = 15
_HEADER_KEYS = frozenset(
    {"format", "version", "schema", "created_at", "key_file_size", "database_size"}
)
_SQLITE_PLAIN = b"SQLite format 3\0"
# How much of the database a backup or a restore holds in memory at once (issue 19):
# the file is written, verified and restored in pieces of this size, so the memory a
# backup needs does not grow with the vault.
CHUNK = 1 << 20

DAMAGED = "backup.damaged"


class BackupFailed(CoachDeskError):
    """The backup could not be written; the previous backups are untouched."""

    exit_code = 1


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: dt.datetime
    size: int
    sha256: str


@dataclass(frozen=True)
class _Parsed:
    """A checked backup file: its small parts, and where its database lies in it."""

    header: dict[str, Any]
    key_bytes: bytes
    prefix: bytes  # everything before the database: magic, length, header, key file
    db_size: int
    sha256: str

    @property
    def db_offset(self) -> int:
        return len(self.prefix)


# --- naming and rotation (pure) ---------------------------------------------------------


def backup_name(at: dt.datetime) -> str:
    return f"coachdesk-{at:%Y%m%d-%H%M%S}{SUFFIX}"


def parse_name(name: str) -> dt.datetime | None:
    m = NAME_RE.match(name)
    if not m:
        return None
    try:
        return dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def rotation(
    names: Iterable[str], keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY
) -> tuple[list[str], list[str]]:
    """Split backup file names into (keep, delete): the newest backup of each of the
    last ``keep_daily`` days that have one, and of each of the last ``keep_weekly``
    ISO weeks that have one. Names that are not ours are in neither list (never
    deleted)."""
    dated = sorted(((t, n) for n in names if (t := parse_name(n)) is not None), reverse=True)
    keep: set[str] = set()
    days: list[dt.date] = []
    weeks: list[tuple[int, int]] = []
    for t, n in dated:  # newest first: the first of each day/week is its newest
        day = t.date()
        if day not in days and len(days) < keep_daily:
            days.append(day)
            keep.add(n)
        week = t.isocalendar()[:2]
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.append(week)
            keep.add(n)
    ordered = [n for _, n in dated]
    return [n for n in ordered if n in keep], [n for n in ordered if n not in keep]


# --- temp files of a backup run, and sweeping what a killed run left --------------------
#
# Every backup run has a token (pid and random hex) and holds an OS lock on
# ``.coachdesk-run-TOKEN.lock`` in the backup folder while it writes its temp files there:
# ``.coachdesk-copy-TOKEN.tmp`` (the VACUUM INTO copy) and ``.coachdesk-part-TOKEN.tmp``
# (the backup file before its rename). The OS drops the lock when the process dies, so
# the next run (manual or automatic) knows for sure which temp files nobody is writing
# any more and removes them, and never those of a backup that is running right now.

_TOKEN = r"(\d+-[0-9a-f]+)"
_TEMP_RE = re.compile(r"^\.coachdesk-(?:copy|part)-" + _TOKEN + r"\.tmp(?:-journal|-wal|-shm)?$")
_RUN_LOCK_RE = re.compile(r"^\.coachdesk-run-" + _TOKEN + r"\.lock$")
# The backup file's temp as versions before issue 12 named it (atomic_writer's default):
# no run lock exists for it, so it is stale as soon as it is seen.
_OLD_PART_RE = re.compile(r"^\.coachdesk-.*\.cdbackup\.(\d+)\.([0-9a-f]+)\.tmp$")


def _temp_token(name: str) -> str | None:
    for rx in (_TEMP_RE, _RUN_LOCK_RE):
        if m := rx.match(name):
            return m.group(1)
    if m := _OLD_PART_RE.match(name):
        return f"{m.group(1)}-{m.group(2)}"
    return None


def _is_our_temp(name: str) -> bool:
    """A temp file (or run lock) of a backup run; nothing else is ever swept."""
    return _temp_token(name) is not None


def _run_lock_path(folder: Path, token: str) -> Path:
    return folder / f".coachdesk-run-{token}.lock"


def sweep_stale(folder: Path, *, own_token: str | None = None) -> list[str]:
    """Remove the temp files of backup runs that are no longer running; returns them.

    Only our own names (``_is_our_temp``), only runs whose lock nobody holds (a killed
    run's lock went with its process); ``own_token`` is the caller's run, never swept.
    """
    by_token: dict[str, list[Path]] = {}
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for p in entries:
        token = _temp_token(p.name)
        if token is not None and token != own_token:
            by_token.setdefault(token, []).append(p)
    removed = []
    for token, paths in sorted(by_token.items()):
        lock_path = _run_lock_path(folder, token)
        try:
            lock = RunLock.try_take(lock_path, create=False)
        except OSError:
            continue
        if lock is None and lock_path.exists():
            continue  # a backup is running right now and owns these
        for p in paths:
            if p == lock_path or p.is_dir():
                continue
            with contextlib.suppress(OSError):
                p.unlink()
                removed.append(p.name)
        if lock is not None:
            lock.release(remove=True)
            removed.append(lock_path.name)
    return removed


def rotate(folder: Path) -> list[str]:
    """Delete the backups in ``folder`` that the rotation does not keep; returns them."""
    _keep, delete = rotation(p.name for p in folder.iterdir() if p.is_file())
    for name in delete:
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    sweep_stale(folder)
    return delete


# --- writing -------------------------------------------------------------------------------


def _pause_point(name: str) -> None:
    """A test hook: the attack tests kill -9 a backup or a restore exactly here.

    Only when ``COACHDESK_TEST_PAUSE_AT`` names this point (nobody sets it in use):
    say so on stderr and wait to be killed."""
    if os.environ.get("COACHDESK_TEST_PAUSE_AT") == name:
        sys.stderr.write(f"paused at {name}\n")
        sys.stderr.flush()
        time.sleep(300)


def _remove(*paths: Path) -> None:
    for p in paths:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(str(p) + suffix).unlink()


def _keyed(path: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def _check_copy(path: Path, key: bytes) -> list[str]:
    """Every page's HMAC and SQLite's structure check on an encrypted copy."""
    try:
        conn = _keyed(path, key)
        try:
            problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
            problems += [str(r[0]) for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            conn.execute("SELECT count(*) FROM participant").fetchone()
        finally:
            conn.close()
    except sqlcipher3.DatabaseError as exc:
        problems = [f"cannot be read ({exc.__class__.__name__})"]
    return problems


def _head(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode()


def _chunks(fh: BinaryIO, size: int) -> Iterator[bytes]:
    """Exactly ``size`` bytes of ``fh`` from where it stands, CHUNK bytes at a time.

    The one place a backup or a restore reads the database: whatever the vault's size,
    at most one chunk of it is in memory. A file that ends early raises EOFError."""
    left = size
    while left > 0:
        chunk = fh.read(min(CHUNK, left))
        if not chunk:
            raise EOFError
        left -= len(chunk)
        yield chunk


def _write_container(
    fh: BinaryIO, head: bytes, key_bytes: bytes, db: BinaryIO, db_size: int
) -> bytes:
    """Write the backup file (layout in the module docstring) to ``fh``, the database
    streamed from ``db``; returns the trailing SHA-256, computed as the bytes go out."""
    digest = hashlib.sha256()
    prefix = MAGIC + struct.pack(">I", len(head)) + head + key_bytes
    digest.update(prefix)
    fh.write(prefix)
    for i, chunk in enumerate(_chunks(db, db_size)):
        digest.update(chunk)
        fh.write(chunk)
        if i == 0:
            _pause_point("backup-writing")
    fh.write(digest.digest())
    return digest.digest()


def create_backup(vault: Any, out: Path, *, now: dt.datetime | None = None) -> BackupInfo:
    """Write a verified backup of ``vault`` to ``out`` atomically.

    On any failure (disk full, folder gone) no partial file is left and an existing
    file at ``out`` is untouched; BackupFailed says what happened. Every run first
    removes what killed runs left in the folder (``sweep_stale``); its own temp files
    are owner-only (0600) from the moment they exist.
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise BadInput("backup.folder_missing", folder=folder)
    now = now or dt.datetime.now()
    token = f"{os.getpid()}-{os.urandom(4).hex()}"
    try:
        run = RunLock.try_take(_run_lock_path(folder, token))
    except OSError as exc:
        raise _write_failed(out, exc) from None
    if run is None:  # a fresh random name that someone holds: never in practice
        raise BackupFailed("backup.not_started", name=out.name)
    try:
        sweep_stale(folder, own_token=token)
        return _create_backup(vault, out, folder, token, now)
    finally:
        run.release(remove=True)


def _create_backup(vault: Any, out: Path, folder: Path, token: str, now: dt.datetime) -> BackupInfo:
    from coachdesk.store.migrate import HEAD

    key = vault.raw_key_for_backup()
    # The key file is read before the database is copied: if the vault records its
    # audit chain's head in the key file, that record is then never ahead of the copy
    # (a key file newer than its database would look like a rolled-back vault).
    key_bytes = vault.key_path.read_bytes()
    tmp = folder / f".coachdesk-copy-{token}.tmp"
    try:
        try:
            # SQLite would create the copy by the umask (often 0644): it exists empty
            # and owner-only first, and VACUUM INTO accepts an empty file.
            create_private(tmp)
            # The copy is encrypted by SQLCipher with the same key as it is written.
            raw = vault.engine.raw_connection()
            try:
                # Outside any transaction (VACUUM refuses to run inside one).
                raw.driver_connection.execute("VACUUM INTO ?", (str(tmp),))
            finally:
                raw.close()
        except Exception as exc:
            raise _write_failed(out, exc) from None
        _pause_point("backup-copied")
        problems = _check_copy(tmp, key)
        if problems:
            raise VaultDamaged("backup.copy_not_intact", why="; ".join(problems[:3]))
        db_size = tmp.stat().st_size
        with open(tmp, "rb") as db:
            if db.read(len(_SQLITE_PLAIN)) == _SQLITE_PLAIN:
                # never: but a plaintext backup must not exist
                raise BackupFailed("backup.unencrypted")
            db.seek(0)
            header = {
                "format": FORMAT,
                "version": VERSION,
                "schema": HEAD,
                "created_at": now.replace(microsecond=0).isoformat(),
                "key_file_size": len(key_bytes),
                "database_size": db_size,
            }
            try:
                with atomic_writer(out, temp=folder / f".coachdesk-part-{token}.tmp") as fh:
                    digest = _write_container(fh, _head(header), key_bytes, db, db_size)
            except WriteFailed as exc:
                raise _write_failed(out, exc.__cause__ or exc) from None
            except EOFError:  # the copy is ours and private: never shorter than its size
                raise BackupFailed("backup.not_written", name=out.name) from None
    finally:
        _remove(tmp)
    # Verified after writing: read the file back as restore would (in chunks), and it must
    # carry the checksum of what was written.
    try:
        parsed: _Parsed | None = _parse_path(out)
    except (OSError, VaultDamaged):  # the drive failed or changed it: never a good backup
        parsed = None
    if parsed is None or parsed.sha256 != digest.hex() or parsed.key_bytes != key_bytes:
        with contextlib.suppress(OSError):
            out.unlink()
        raise BackupFailed("backup.read_back_differs", name=out.name)
    size = parsed.db_offset + parsed.db_size + 32
    with vault.session() as s:
        _put_last_good(s, now)
        audit.record(s, "backup", {"sha256": parsed.sha256, "bytes": size})
        s.commit()
    return BackupInfo(out, now, size, parsed.sha256)


def _write_failed(out: Path, exc: BaseException) -> BackupFailed:
    import errno

    err = getattr(exc, "errno", None)
    if err is None and isinstance(exc, sqlcipher3.Error) and "full" in str(exc).lower():
        err = errno.ENOSPC
    if err == errno.ENOSPC:
        return BackupFailed("backup.write_disk_full", name=out.name)
    why = getattr(exc, "strerror", None) or str(exc)
    return BackupFailed("backup.write_failed", name=out.name, why=why)


# --- reading and restoring ----------------------------------------------------------------


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _no_float(text: str) -> Any:
    raise ValueError("numbers with a fraction or exponent are not allowed")


def _small_int(text: str) -> int:
    if len(text) > _MAX_INT_DIGITS:
        raise ValueError("number too long")
    return int(text)


def _flat_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate key")
    return dict(pairs)


def _load_header(raw: bytes) -> dict[str, Any]:
    """The header as a dict of known, bounded fields; ValueError for anything else.

    The header is a small flat JSON object that this code wrote. Refused before use:
    nesting (a deep one would exhaust the recursion limit), floats and the constants
    NaN/Infinity (``1e400`` is infinity), integers longer than 15 digits, duplicate or
    unknown keys, and values of the wrong type or out of bounds."""
    text = raw.decode("utf-8")
    if "[" in text or text.count("{") != 1:  # it never nests: refuse before parsing
        raise ValueError("nested")
    header = json.loads(
        text,
        parse_float=_no_float,
        parse_int=_small_int,
        parse_constant=_no_constant,
        object_pairs_hook=_flat_object,
    )
    if not isinstance(header, dict) or set(header) != _HEADER_KEYS:
        raise ValueError("unexpected fields")
    for field in ("format", "schema", "created_at"):
        value = header[field]
        if not isinstance(value, str) or not 0 < len(value) <= 64:
            raise ValueError(field)
    dt.datetime.fromisoformat(header["created_at"])
    for field in ("version", "key_file_size", "database_size"):
        value = header[field]
        if type(value) is not int or value < 0:
            raise ValueError(field)
    return header


def _parse_file(fh: BinaryIO, name: str) -> _Parsed:
    """Check an open backup file as restore needs it, reading it in chunks.

    The same checks, in the same order, as when the whole file was read into memory:
    magic, length, the SHA-256 over everything before it, the header, the sizes, the
    key file's own checksum. What is kept is small (the header and the key file); the
    database stays in the file and is copied from there (``_copy_database``)."""

    def bad(why: Term) -> VaultDamaged:
        return VaultDamaged(DAMAGED, name=name, why=why)

    def read(n: int) -> bytes:
        data = fh.read(n)
        if len(data) != n:  # the file shrank since its size was read
            raise bad(Term("backup.cut_off"))
        return data

    size = os.fstat(fh.fileno()).st_size
    fh.seek(0)
    if fh.read(len(MAGIC)) != MAGIC:
        raise bad(Term("backup.not_ours"))
    if size < len(MAGIC) + 4 + 32:
        raise bad(Term("backup.too_short"))
    body_len = size - 32
    fh.seek(0)
    digest = hashlib.sha256()
    try:
        for chunk in _chunks(fh, body_len):
            digest.update(chunk)
    except EOFError:
        raise bad(Term("backup.cut_off")) from None
    stored = read(32)
    if digest.digest() != stored:
        raise bad(Term("backup.checksum"))
    fh.seek(len(MAGIC))
    length = read(4)
    (head_len,) = struct.unpack(">I", length)
    if not 2 <= head_len <= _MAX_HEADER or 12 + head_len > body_len:
        raise bad(Term("backup.header"))
    raw_head = read(head_len)
    try:
        header = _load_header(raw_head)
    except (ValueError, RecursionError, UnicodeDecodeError):
        raise bad(Term("backup.header")) from None
    if header["format"] != FORMAT:
        raise bad(Term("backup.not_ours"))
    if header["version"] != VERSION:
        raise VaultDamaged("backup.unknown_version", name=name, value=header["version"])
    ksize, dsize = header["key_file_size"], header["database_size"]
    start = 12 + head_len
    # The sizes must describe this file exactly: no negative, empty or oversized part.
    if not 0 < ksize <= _MAX_KEY_FILE or dsize <= 0 or start + ksize + dsize != body_len:
        raise bad(Term("backup.parts"))
    key_bytes = read(ksize)
    if read(min(dsize, len(_SQLITE_PLAIN))) == _SQLITE_PLAIN:
        raise bad(Term("backup.unencrypted"))
    KeyFile.parse(key_bytes)  # its own checksum: raises VaultDamaged/KeyFileTampered
    return _Parsed(
        header=header,
        key_bytes=key_bytes,
        prefix=MAGIC + length + raw_head + key_bytes,
        db_size=dsize,
        sha256=stored.hex(),
    )


def _parse_path(path: Path) -> _Parsed:
    """``_parse_file`` of the file at ``path`` (OSError if it cannot be read)."""
    with open(path, "rb") as fh:
        return _parse_file(fh, path.name)


def _copy_database(fh: BinaryIO, parsed: _Parsed, dest: Path, name: str) -> None:
    """Copy the checked backup's database part into the new file ``dest`` (0600, fsynced),
    a chunk at a time, hashing the file again as it goes.

    The file was checked by ``_parse_file`` but then closed to no one: if it changed on
    the drive since (another program, a failing USB stick), the second checksum differs
    and the restore is refused as damaged (its staging folder is then removed)."""
    changed = VaultDamaged(DAMAGED, name=name, why=Term("backup.changed"))
    fh.seek(0)
    if fh.read(len(parsed.prefix)) != parsed.prefix:
        raise changed
    digest = hashlib.sha256(parsed.prefix)
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as out:
        try:
            for chunk in _chunks(fh, parsed.db_size):
                digest.update(chunk)
                out.write(chunk)
        except EOFError:
            raise changed from None
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != parsed.sha256:
        raise changed


def read_backup_info(path: Path) -> dict[str, Any]:
    """Check a backup's structure and checksum (no secret needed); returns its header."""
    path = Path(path)
    try:
        return _parse_path(path).header
    except OSError as exc:
        raise BadInput("file.cannot_read", path=path, strerror=exc.strerror) from None


def _empty_or_absent(folder: Path) -> None:
    if folder.exists():
        if not folder.is_dir():
            raise BadInput("backup.not_a_folder", folder=folder)
        if any(folder.iterdir()):
            raise VaultExists("backup.folder_not_empty", folder=folder)
        if os.path.ismount(folder):
            # A mount point cannot be replaced by a rename (see _move_into_place).
            raise BadInput("backup.drive_root", folder=folder)


# --- restoring through a staging folder --------------------------------------------------
#
# A restore never writes into the target folder. It builds the whole vault in a staging
# folder beside it (same parent, so same file system), ``.NAME.restore-TOKEN``, checks it
# there, and renames it into place. A crash at any point leaves either no vault or the
# whole, checked one, never a database without its key file. While it works it holds an
# OS lock on ``.NAME.restore-TOKEN.lock``; a later restore into the same target removes
# staging folders whose lock nobody holds (their restore was killed).


def _staging_re(target: Path) -> re.Pattern[str]:
    return re.compile(r"^\." + re.escape(target.name) + r"\.restore-([0-9a-f]{16})(\.lock)?$")


def sweep_stale_restores(target: Path) -> list[str]:
    """Remove the staging folders (and their lock files) of killed restores into
    ``target``; those of a restore that is running now are left alone."""
    parent = target.parent
    rx = _staging_re(target)
    tokens: set[str] = set()
    with contextlib.suppress(OSError):
        for p in parent.iterdir():
            if m := rx.match(p.name):
                tokens.add(m.group(1))
    removed = []
    for token in sorted(tokens):
        staging = parent / f".{target.name}.restore-{token}"
        lock_path = parent / f".{target.name}.restore-{token}.lock"
        try:
            lock = RunLock.try_take(lock_path, create=False)
        except OSError:
            continue
        if lock is None and lock_path.exists():
            continue  # a restore is running right now
        try:
            if staging.is_symlink() or staging.is_file():
                staging.unlink()
            elif staging.is_dir():
                shutil.rmtree(staging)
            removed.append(staging.name)
        except OSError:
            pass
        if lock is not None:
            lock.release(remove=True)
    return removed


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _move_into_place(staging: Path, target: Path) -> None:
    """Rename the checked staging folder to ``target`` (absent, or an empty folder).

    POSIX ``rename`` replaces an empty folder in one step and refuses a non-empty one
    (so a file that appeared in the target meanwhile is never overwritten). Windows
    renames a folder only onto a name that does not exist: the empty target is removed
    first; a crash between the two steps leaves no target folder and a complete staging
    folder, which the next restore sweeps: still never half a vault.
    """
    try:
        if os.name == "nt" and target.exists():
            os.rmdir(target)
        os.rename(staging, target)
    except OSError as exc:
        import errno

        if exc.errno in (errno.ENOTEMPTY, errno.EEXIST) or (
            target.exists() and any(target.iterdir())
        ):
            raise VaultExists("backup.folder_filled", target=target) from None
        raise BackupFailed(
            "backup.restore_not_moved", target=target, strerror=exc.strerror
        ) from None
    fsync_dir(target.parent)


def restore_backup(
    path: Path, data_dir: Path, *, passphrase: str | None = None, recovery_code: str | None = None
) -> int:
    """Restore a backup into an empty (or absent) ``data_dir``; returns participants.

    Checks the checksum, the structure and the secret before writing anything; then
    builds the vault in a staging folder beside ``data_dir``, opens it and checks every
    page and the audit chain, and only then renames it into place. If anything fails
    (or the process dies), ``data_dir`` is as it was.
    """
    path, data_dir = Path(path), Path(data_dir)
    # Absolute, so that the staging folder goes beside the target even for "." or
    # "sub/.."; a symlinked target: the vault goes where the link points (the rename
    # would otherwise refuse to replace the link).
    target = data_dir.resolve() if data_dir.is_symlink() else Path(os.path.abspath(data_dir))
    if not target.name:
        raise BadInput("backup.cannot_hold_vault", data_dir=data_dir)
    _empty_or_absent(target)
    try:
        fh = open(path, "rb")  # noqa: SIM115 (closed below, after the database is copied)
    except OSError as exc:
        raise BadInput("backup.cannot_read", path=path, strerror=exc.strerror) from None
    with fh:
        return _restore_from(fh, path, target, passphrase, recovery_code)


def _restore_from(
    fh: BinaryIO, path: Path, target: Path, passphrase: str | None, recovery_code: str | None
) -> int:
    from coachdesk.store.keyfile import normalise_recovery_code
    from coachdesk.store.vault import encode_secret

    try:
        parsed = _parse_file(fh, path.name)
    except OSError as exc:
        raise BadInput("backup.cannot_read", path=path, strerror=exc.strerror) from None
    kf, raw = KeyFile.parse(parsed.key_bytes)
    if recovery_code is not None:
        key = kf.unwrap("recovery", normalise_recovery_code(recovery_code).encode("ascii"))
    elif passphrase is not None:
        key = kf.unwrap("passphrase", encode_secret(passphrase))
    else:
        raise BadInput("backup.restore_needs_secret")
    try:
        kf.verify_mac(raw, key)
        parent = target.parent if str(target.parent) else Path(".")
        try:
            parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise BadInput(
                "backup.cannot_create_folder", parent=parent, strerror=exc.strerror
            ) from None
        sweep_stale_restores(target)
        token = os.urandom(8).hex()
        try:
            lock = RunLock.try_take(parent / f".{target.name}.restore-{token}.lock")
        except OSError as exc:
            raise BadInput(
                "backup.cannot_write_folder", parent=parent, strerror=exc.strerror
            ) from None
        if lock is None:
            raise BackupFailed("backup.restore_not_started")
        try:
            return _restore_staged(
                fh,
                parsed,
                path.name,
                key,
                target,
                parent / f".{target.name}.restore-{token}",
                passphrase=passphrase,
                recovery_code=recovery_code,
            )
        finally:
            lock.release(remove=True)
    finally:
        key[:] = b"\0" * len(key)


def _restore_staged(
    fh: BinaryIO,
    parsed: _Parsed,
    name: str,
    key: bytearray,
    target: Path,
    staging: Path,
    *,
    passphrase: str | None,
    recovery_code: str | None,
) -> int:
    from coachdesk.store.models import Participant
    from coachdesk.store.vault import Vault

    vault = None
    try:
        try:
            staging.mkdir(mode=0o700)
            _copy_database(fh, parsed, staging / DB_NAME, name)
            _pause_point("restore-db-written")
            _write_new(staging / KEY_NAME, parsed.key_bytes)
            fsync_dir(staging)
        except OSError as exc:
            raise _restore_failed(target, exc) from None
        _pause_point("restore-key-written")
        problems = _check_copy(staging / DB_NAME, bytes(key))
        if problems:
            raise VaultDamaged(DAMAGED, name=name, why="; ".join(problems[:3]))
        vault = (
            Vault.open(staging, recovery_code=recovery_code)
            if recovery_code is not None
            else Vault.open(staging, passphrase=passphrase)
        )
        with vault.session() as s:
            chain = audit.verify(s)
            if chain:
                raise VaultDamaged(DAMAGED, name=name, why=Term("backup.chain"))
            count = s.query(Participant).count()
            audit.record(s, "restore", {"sha256": parsed.sha256, "participants": count})
            s.commit()
        vault.close()
        vault = None
        _pause_point("restore-verified")
        _move_into_place(staging, target)
    except BaseException:
        if vault is not None:
            vault.close()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _pause_point("restore-moved")
    return count


def _restore_failed(target: Path, exc: OSError) -> BackupFailed:
    import errno

    if exc.errno == errno.ENOSPC:
        return BackupFailed("backup.restore_disk_full", target=target)
    return BackupFailed("backup.restore_failed", target=target, strerror=exc.strerror)


# --- automatic backups and the "last good backup" --------------------------------------


def _put_last_good(session: Any, at: dt.datetime) -> None:
    row = session.get(Setting, LAST_GOOD_KEY)
    value = {"at": at.replace(microsecond=0).isoformat()}
    if row is None:
        session.add(Setting(key=LAST_GOOD_KEY, value=value))
    else:
        row.value = value


def last_good_backup(session: Any) -> dt.datetime | None:
    row = session.get(Setting, LAST_GOOD_KEY)
    if row is None:
        return None
    try:
        return dt.datetime.fromisoformat(row.value["at"])
    except (KeyError, TypeError, ValueError):
        return None


def backup_warning(session_or_vault: Any, now: dt.datetime) -> str | None:
    """A plain warning when there is no verified backup from the last seven days.

    Takes a session, or the vault itself (the GUI's status bar has no session open).
    """
    if hasattr(session_or_vault, "raw_key_for_backup"):
        with session_or_vault.session() as s:
            return backup_warning(s, now)
    last = last_good_backup(session_or_vault)
    if last is None:
        return (
            "There is no backup of this vault yet. Choose a backup folder "
            "(an external drive or a network folder) and make one now."
        )
    if now - last > WARN_AFTER:
        days = (now - last).days
        return (
            f"The last backup is {days} days old. Make a backup now, so that a lost "
            "or broken laptop does not lose your records."
        )
    return None


def maybe_auto_backup(vault: Any, now: dt.datetime | None = None) -> BackupInfo | None:
    """The daily automatic backup into the ``backup_dir`` setting, then rotation.

    At most one per calendar day; nothing when no folder is set. The GUI calls this on
    close; it raises BackupFailed (or BadInput when the folder is gone) for the caller
    to show.
    """
    from coachdesk.store import settings

    now = now or dt.datetime.now()
    with vault.session() as s:
        folder_text = settings.get(s, "backup_dir")
        last = last_good_backup(s)
    if not folder_text:
        return None
    if last is not None and last.date() >= now.date():
        return None
    folder = Path(folder_text)
    if not folder.is_dir():
        raise BadInput("backup.folder_unavailable", folder=folder)
    info = create_backup(vault, folder / backup_name(now), now=now)
    rotate(folder)
    return info


def list_backups(folder: Path) -> list[tuple[dt.datetime, Path]]:
    """Our backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [(t, p) for p in folder.iterdir() if (t := parse_name(p.name)) is not None]
    return sorted(found, reverse=True)


__all__ = [
    "BackupFailed",
    "BackupInfo",
    "backup_name",
    "backup_warning",
    "create_backup",
    "last_good_backup",
    "list_backups",
    "maybe_auto_backup",
    "parse_name",
    "read_backup_info",
    "restore_backup",
    "rotate",
    "rotation",
]
