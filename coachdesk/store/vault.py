"""The vault: a SQLCipher 4 database opened with a raw 256-bit key from the key file.

``Vault.create`` makes a new vault and returns its recovery code once; ``Vault.open``
unlocks with the passphrase or the recovery code. Opening either succeeds completely
(key verified, database readable, schema migrated, lock held) or raises one of the
errors in coachdesk.errors and leaves nothing open.
"""

from __future__ import annotations

import contextlib
import hmac
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from coachdesk.core.passphrase import MIN_PASSPHRASE
from coachdesk.errors import (
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongSecret,
)
from coachdesk.store import keyfile
from coachdesk.store.keyfile import KdfParams, KeyFile
from coachdesk.store.lockfile import VaultLock
from coachdesk.store.paths import DB_NAME, KEY_NAME, LOCK_NAME, vault_exists

# Failed unlocks cannot be written into a vault that did not open; they wait in this
# small file (times and method only, nothing personal) until the next unlock moves
# them into the audit log.
FAILED_NAME = "failed-unlocks.log"


DAMAGED = (
    "The database is damaged and cannot be read safely. Restore the latest backup "
    "(coachdesk restore BACKUP into an empty folder, or Restore in the app)."
)


def encode_secret(text_: str) -> bytes:
    # NFC so that "å" typed on macOS and on Windows derive the same key.
    return unicodedata.normalize("NFC", text_).encode("utf-8")


def check_passphrase(passphrase: str) -> None:
    from coachdesk.errors import BadInput

    if len(passphrase) < MIN_PASSPHRASE:
        raise BadInput(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")


def _is_damage(exc: BaseException) -> bool:
    return isinstance(exc, sqlcipher3.DatabaseError | sqlcipher3.OperationalError)


def _note_failed_unlock(data_dir: Path, method: str) -> None:
    import datetime as dt

    at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    with contextlib.suppress(OSError), (data_dir / FAILED_NAME).open("a", encoding="ascii") as f:
        f.write(f"{at} {method}\n")


def _read_failed_unlocks(path: Path) -> list[tuple[str, str]]:
    try:
        lines = path.read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return []
    out = []
    for line in lines[-1000:]:  # bounded: a flood of attempts must not stall unlock
        at, _, how = line.partition(" ")
        if how in ("passphrase", "recovery_code"):
            out.append((at, how))
    return out


class Vault:
    """An unlocked vault. Use ``session()`` for a unit of work; ``close()`` locks it."""

    def __init__(self, data_dir: Path, data_key: bytearray, key_file: KeyFile,
                 lock: VaultLock) -> None:
        self.data_dir = data_dir
        self._key = data_key
        self.key_file = key_file
        self._lock = lock
        self.engine: Engine = self._make_engine()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # --- opening ------------------------------------------------------------------

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return vault_exists(data_dir)

    @classmethod
    def create(cls, data_dir: Path, passphrase: str,
               kdf: KdfParams | None = None) -> tuple[Vault, str]:
        """Create a vault; returns it unlocked and the recovery code (shown once)."""
        check_passphrase(passphrase)
        data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            from coachdesk.errors import BadInput

            raise BadInput(f"Cannot create the data folder {data_dir}: {exc.strerror}.") from exc
        if cls.exists(data_dir):
            raise VaultExists(f"There is already a vault in {data_dir}.")
        lock = VaultLock(data_dir / LOCK_NAME)
        lock.acquire()
        try:
            params = kdf or keyfile.tune()
            data_key = bytearray(os.urandom(keyfile.KEY_BYTES))
            code = keyfile.new_recovery_code()
            kf = KeyFile.new()
            kf.seal("passphrase", encode_secret(passphrase), data_key, params)
            kf.seal("recovery", code.encode("ascii"), data_key, params)
            # An empty file, owner-only from the start: SQLCipher makes it a database,
            # and _connect (which never creates files) can open it.
            (data_dir / DB_NAME).touch(mode=0o600, exist_ok=False)
            vault = cls(data_dir, data_key, kf, lock)
            try:
                vault._initialise()
                # SQLite creates files by the umask; the vault is for its owner only.
                (data_dir / DB_NAME).chmod(0o600)
                kf.save(data_dir / KEY_NAME, data_key)
            except BaseException:
                vault.engine.dispose()
                for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
                    with contextlib.suppress(OSError):
                        (data_dir / name).unlink()
                raise
        except BaseException:
            lock.release()
            raise
        from coachdesk.store import audit

        with vault.session() as s:
            audit.record(s, "vault_created")
            s.commit()
        return vault, code

    @classmethod
    def open(cls, data_dir: Path, *, passphrase: str | None = None,
             recovery_code: str | None = None) -> Vault:
        data_dir = Path(data_dir)
        key_path, db_path = data_dir / KEY_NAME, data_dir / DB_NAME
        if not key_path.exists() and not db_path.exists():
            raise VaultMissing(
                f"There is no vault in {data_dir}. Create one with 'coachdesk init' "
                "or restore a backup."
            )
        if not key_path.exists():
            raise VaultDamaged(
                f"The key file {KEY_NAME} is missing from {data_dir}. Restore it from a backup."
            )
        if not db_path.exists():
            raise VaultDamaged(
                f"The database {DB_NAME} is missing from {data_dir}. Restore the latest backup."
            )
        lock = VaultLock(data_dir / LOCK_NAME)
        lock.acquire()
        try:
            kf, raw = KeyFile.parse(key_path.read_bytes())
            method = "recovery_code" if recovery_code is not None else "passphrase"
            try:
                if recovery_code is not None:
                    secret = keyfile.normalise_recovery_code(recovery_code).encode("ascii")
                    data_key = kf.unwrap("recovery", secret)
                elif passphrase is not None:
                    data_key = kf.unwrap("passphrase", encode_secret(passphrase))
                else:
                    raise ValueError("open() needs a passphrase or a recovery code")
            except WrongSecret:
                _note_failed_unlock(data_dir, method)
                raise
            kf.verify_mac(raw, data_key)
            vault = cls(data_dir, data_key, kf, lock)
            try:
                vault._verify_readable()
                vault._migrate()
            except BaseException:
                vault.engine.dispose()
                vault._wipe_key()
                raise
        except BaseException:
            lock.release()
            raise
        from coachdesk.store import audit

        failed_path = data_dir / FAILED_NAME
        failures = _read_failed_unlocks(failed_path)
        with vault.session() as s:
            for at, how in failures:
                audit.record(s, "unlock_failed", {"at": at, "with": how})
            audit.record(s, "unlock", {"with": method})
            s.commit()
        if failures:
            with contextlib.suppress(OSError):
                failed_path.unlink()
        return vault

    # --- the database -------------------------------------------------------------

    def _connect(self) -> sqlcipher3.Connection:
        if not self._key:
            raise VaultLocked("The vault is locked.")
        db = self.data_dir / DB_NAME
        if not db.exists():
            # Moved or deleted while open: never let SQLite create an empty one instead.
            raise VaultMissing(
                f"The vault in {self.data_dir} was moved or deleted while CoachDesk was "
                "running. Put it back, or restart CoachDesk and open it where it is now."
            )
        # mode=rw: open an existing database only (closes the race after the check).
        conn = sqlcipher3.connect(f"{db.resolve().as_uri()}?mode=rw", uri=True,
                                  check_same_thread=False)
        # Keep SQLCipher's own error log off the user's terminal; errors still raise.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # A raw key: SQLCipher's PBKDF2 is skipped, Argon2id already did that work.
        conn.execute(f"PRAGMA key = \"x'{self._key.hex()}'\"")
        for pragma in ("temp_store = MEMORY", "secure_delete = ON", "foreign_keys = ON",
                       "journal_mode = WAL", "synchronous = FULL", "busy_timeout = 5000"):
            conn.execute(f"PRAGMA {pragma}")
        return conn

    def _make_engine(self) -> Engine:
        # "sqlite://" would mean an in-memory pool; the creator opens the real file.
        engine = create_engine("sqlite://", creator=self._connect, module=sqlcipher3,
                               poolclass=QueuePool, pool_size=4, max_overflow=4)

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # pysqlite's lazy BEGIN would let two writers interleave; take the lock early.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn: Any, _rec: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves

        return engine

    def _verify_readable(self) -> None:
        try:
            with self.engine.connect() as c:
                c.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        except Exception as exc:
            if _is_damage(getattr(exc, "orig", exc)) or _is_damage(exc):
                raise VaultDamaged(DAMAGED) from None
            raise

    def _initialise(self) -> None:
        self._migrate()

    def _migrate(self) -> None:
        from coachdesk.store.migrate import upgrade

        try:
            upgrade(self.engine)
        except Exception as exc:
            if _is_damage(getattr(exc, "orig", exc)):
                raise VaultDamaged(DAMAGED) from None
            raise

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work; the caller commits. Rolls back on error."""
        if not self._key:
            raise VaultLocked("The vault is locked.")
        s = self._sessions()
        try:
            yield s
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def integrity_errors(self) -> list[str]:
        """Every page's HMAC and SQLite's own structure check; [] when all is well."""
        problems: list[str] = []
        try:
            with self.engine.connect() as c:
                rows = c.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
                problems += [str(r[0]) for r in rows]
                rows = c.exec_driver_sql("PRAGMA integrity_check").fetchall()
                problems += [str(r[0]) for r in rows if r[0] != "ok"]
                rows = c.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                problems += [f"foreign key broken in {r[0]}" for r in rows]
        except Exception as exc:
            if _is_damage(getattr(exc, "orig", exc)):
                problems.append("the database cannot be read")
            else:
                raise
        return problems

    # --- secrets ------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-wrap the data key under a new passphrase: instant, the data is untouched."""
        check_passphrase(new_passphrase)
        slot = self.key_file.slots["passphrase"]
        self.key_file.seal("passphrase", encode_secret(new_passphrase), self._key, slot.kdf)
        self.key_file.save(self.data_dir / KEY_NAME, self._key)
        from coachdesk.store import audit

        with self.session() as s:
            audit.record(s, "passphrase_changed")
            s.commit()

    def verify_passphrase(self, passphrase: str) -> bool:
        """Re-authentication before sensitive exports (MASVS AUTH-2/3)."""
        from coachdesk.errors import WrongSecret

        try:
            key = self.key_file.unwrap("passphrase", encode_secret(passphrase))
        except WrongSecret:
            return False
        ok = hmac.compare_digest(bytes(key), bytes(self._key))
        key[:] = b"\0" * len(key)
        return ok

    def _wipe_key(self) -> None:
        # Best effort: Python may hold copies (the hex string given to SQLCipher).
        for i in range(len(self._key)):
            self._key[i] = 0
        self._key = bytearray()

    @property
    def is_open(self) -> bool:
        return bool(self._key)

    def close(self) -> None:
        """Lock: drop every connection and the key, release the folder lock."""
        if self._key:
            self.engine.dispose()
            self._wipe_key()
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def key_path(self) -> Path:
        return self.data_dir / KEY_NAME

    def raw_key_for_backup(self) -> bytes:
        """The data key, for writing a backup that opens with the same secrets."""
        return bytes(self._key)
