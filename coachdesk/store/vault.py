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
import threading
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

import sqlcipher3

from coachdesk.core.passphrase import MIN_PASSPHRASE
from coachdesk.errors import (
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongSecret,
)
from coachdesk.store import keyfile
from coachdesk.store.keyfile import Anchor, KdfParams, KeyFile
from coachdesk.store.lockfile import VaultLock
from coachdesk.store.paths import DB_NAME, KEY_NAME, LOCK_NAME, vault_exists

# SQLAlchemy (0.4 s of CPU with the ORM and the schema) is imported where the engine and
# the sessions are made, at their first use (Vault.engine, Vault.session), never before
# the key derivation: a wrong passphrase is refused without the database code loaded.
# A vault that needs nothing but the checks opens without it altogether: the checks,
# the schema's revision, the chain's marker and the "unlock" event go through the
# driver's own connection (Vault._driver, store/auditchain.py), so after a pasted
# passphrase the caseload is not waiting for the import (issue 19 item 4;
# docs/performance.md, "Pasting the passphrase"). tests/test_unlock_imports.py holds it.
if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

P = ParamSpec("P")
T = TypeVar("T")

# Failed unlocks cannot be written into a vault that did not open; they wait in this
# small file (times and method only, nothing personal) until the next unlock moves
# them into the audit log (store/failed_unlocks.py).
FAILED_NAME = "failed-unlocks.log"


# A data-key rotation in progress (change-passphrase, rotate-recovery-code): the new key
# file waits here until the database is re-encrypted (see _rotate).
PENDING_KEY = "vault.key.next"

DAMAGED = "database_damaged"
EMPTY = "vault.empty_database"
NOT_DECRYPTED = "vault.not_decrypted"
NOT_DECRYPTED_BOUND = "vault.not_decrypted_bound"
ROLLED_BACK = "vault.rolled_back"
ROLLED_BACK_DIFFER = "vault.rolled_back_differ"


def encode_secret(text_: str) -> bytes:
    # NFC so that "å" typed on macOS and on Windows derive the same key.
    return unicodedata.normalize("NFC", text_).encode("utf-8")


def check_passphrase(passphrase: str) -> None:
    from coachdesk.errors import BadInput

    if len(passphrase) < MIN_PASSPHRASE:
        raise BadInput("vault.short_passphrase", min_passphrase=MIN_PASSPHRASE)


def _is_damage(exc: BaseException) -> bool:
    """A database error that means damage. A full disk, an I/O error or a busy database
    is not damage: _raise_storage_failure says what it is (restoring a backup, the advice
    for damage, would lose the day's work)."""
    if not isinstance(exc, sqlcipher3.DatabaseError | sqlcipher3.OperationalError):
        return False
    from coachdesk.errors import VaultDamaged, classify

    found = classify(exc)
    return found is None or isinstance(found, VaultDamaged)


def _raise_storage_failure(exc: BaseException, folder: Path | None = None) -> None:
    """Raise the expected failure behind a database error that is not damage."""
    import shutil

    from coachdesk.errors import DISK_FULL, DiskFull, StorageError, VaultInUse, classify

    found = classify(exc)
    if isinstance(found, StorageError) and folder is not None:
        # SQLite says "disk I/O error" when it cannot grow its -shm file on a full disk;
        # an I/O error with no space left is a full disk, which the coach can fix.
        with contextlib.suppress(OSError):
            if shutil.disk_usage(folder).free < 1024 * 1024:
                found = DiskFull(DISK_FULL)
    if isinstance(found, DiskFull | StorageError | VaultInUse):
        raise found from None


def _note_failed_unlock(data_dir: Path, method: str) -> None:
    import datetime as dt

    from coachdesk.store import failed_unlocks

    at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    failed_unlocks.note_failure(data_dir, at, method)


def _db_decrypts(db: Path, key: bytes | bytearray) -> bool:
    """Does ``key`` open ``db``? Read-only, so nothing is written when it does not."""
    try:
        conn = sqlcipher3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    except sqlcipher3.Error:
        return False
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.Error as exc:
        # Reading a WAL database creates its -shm file: on a full disk that fails, and
        # a full disk is not a key that does not fit.
        _raise_storage_failure(exc, db.parent)
        return False
    finally:
        conn.close()


def _sidecars(db: Path) -> list[Path]:
    return [Path(str(db) + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _rekey(db: Path, old_key: bytes | bytearray, new_key: bytes | bytearray) -> None:
    """Re-encrypt every page under ``new_key``: one SQLite transaction, all or nothing."""
    raw = sqlcipher3.connect(f"{db.resolve().as_uri()}?mode=rw", uri=True)
    try:
        raw.isolation_level = None
        raw.execute("PRAGMA cipher_log_level = NONE")
        raw.execute(f"PRAGMA key = \"x'{bytes(old_key).hex()}'\"")
        raw.execute("PRAGMA busy_timeout = 5000")
        raw.execute(f"PRAGMA rekey = \"x'{bytes(new_key).hex()}'\"")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def _commit_pending_key(pending: Path, key_path: Path) -> None:
    """The last step of a rotation: the new key file takes the old one's place."""
    os.replace(pending, key_path)
    from coachdesk.store.atomic import _fsync_dir

    with contextlib.suppress(OSError):
        _fsync_dir(key_path.parent)


# Every connection's settings (after the key): temporary tables in memory, deleted
# content overwritten, foreign keys enforced, WAL with a full sync at each commit, and
# a writer waits for another's lock instead of failing at once. bench/workload.py gives
# its plain-SQLite engine the same, so the two differ only in the cipher.
PRAGMAS = (
    "temp_store = MEMORY",
    "secure_delete = ON",
    "foreign_keys = ON",
    "journal_mode = WAL",
    "synchronous = FULL",
    "busy_timeout = 5000",
)


class Vault:
    """An unlocked vault. Use ``session()`` for a unit of work; ``close()`` locks it."""

    def __init__(
        self, data_dir: Path, data_key: bytearray, key_file: KeyFile, lock: VaultLock
    ) -> None:
        self.data_dir = data_dir
        self._key = data_key
        self.key_file = key_file
        self._lock = lock
        self._anchor_lock = threading.RLock()
        self._backup_started: float | None = None
        self._failed_k0 = b""
        # SQLAlchemy's engine and sessionmaker, made at their first use (_orm). Until
        # then the vault reads and writes on driver connections of its own (_driver):
        # one kept idle between uses (_raw), another opened for a use that finds it
        # taken (two threads reading at once, as with the engine's pool). Once the
        # engine exists they close as they come back, and the pool serves every read.
        # _raw_gen: connections taken before _drop_connections are not kept (a
        # rotation's old key).
        self._engine: Engine | None = None
        self._session_factory: Any = None
        self._orm_lock = threading.Lock()
        self._raw: sqlcipher3.Connection | None = None
        self._raw_lock = threading.Lock()  # guards _raw and _raw_gen, never held in use
        self._raw_gen = 0

    # --- SQLAlchemy, on first use ---------------------------------------------------------

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (made now if this is its first use)."""
        self._orm(sessions=False)
        assert self._engine is not None
        return self._engine

    @property
    def _sessions(self) -> Any:
        """The vault's sessionmaker, hooked by store/audit (made at first use)."""
        self._orm(sessions=True)
        return self._session_factory

    def _orm(self, *, sessions: bool) -> None:
        if self._session_factory is not None or (not sessions and self._engine is not None):
            return
        from coachdesk.store import preload

        with self._orm_lock:
            if self._engine is None:
                with preload.importing():  # not beside the GUI's preload thread (see there)
                    self._engine = self._make_engine()
                # From now on the pool serves _read and read_raw: the vault's own
                # connections go (one in use when it comes back).
                self._close_raw()
            if sessions and self._session_factory is None:
                if not self._key:
                    raise VaultLocked("vault.locked")
                with preload.importing():
                    from sqlalchemy import event
                    from sqlalchemy.orm import sessionmaker

                    from coachdesk.store import audit

                    factory = sessionmaker(
                        self._engine,
                        expire_on_commit=False,
                        info={"audit_key": self.key_file.chain_key(self._key)},
                    )
                audit.install(factory)
                event.listen(factory, "after_commit", self._after_commit)
                self._session_factory = factory

    @contextlib.contextmanager
    def _driver(self) -> Iterator[sqlcipher3.Connection]:
        """A driver connection (autocommit; BEGIN is the caller's): one of the vault's
        own until the engine exists, then one from the engine's pool. SQLAlchemy is not
        loaded for it."""
        if self._engine is None:
            with self._raw_lock:
                conn, self._raw = self._raw, None  # the idle one, if there is one
                gen = self._raw_gen
            if conn is None:
                conn = self._connect()
                conn.isolation_level = None  # as the engine's connections
            try:
                yield conn
            finally:
                self._give_back(conn, gen)
            return
        raw = self.engine.raw_connection()
        try:
            conn = raw.driver_connection
            assert conn is not None
            yield conn
        finally:
            raw.close()

    def _give_back(self, conn: sqlcipher3.Connection, gen: int) -> None:
        """Keep ``conn`` as the idle one while no engine exists (and none is kept yet,
        and nothing dropped the connections since it was taken); else close it."""
        with self._raw_lock:
            keep = (
                self._raw is None
                and self._engine is None
                and gen == self._raw_gen
                and bool(self._key)
                and not conn.in_transaction
            )
            if keep:
                self._raw = conn
        if not keep:
            with contextlib.suppress(sqlcipher3.Error):
                conn.close()

    def _close_raw(self) -> None:
        """Close the idle connection; one in use closes when it comes back."""
        with self._raw_lock:
            conn, self._raw = self._raw, None
            self._raw_gen += 1
        if conn is not None:
            with contextlib.suppress(sqlcipher3.Error):
                conn.close()

    def _drop_connections(self) -> None:
        """Every connection closed: the engine's pool (if made) and the vault's own."""
        if self._engine is not None:
            self._engine.dispose()
        self._close_raw()

    # --- opening ------------------------------------------------------------------

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return vault_exists(data_dir)

    @classmethod
    def create(
        cls, data_dir: Path, passphrase: str, kdf: KdfParams | None = None
    ) -> tuple[Vault, str]:
        """Create a vault; returns it unlocked and the recovery code (shown once)."""
        check_passphrase(passphrase)
        if kdf is not None:
            keyfile.require_strong_or_allowed(kdf)
        data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            from coachdesk.errors import BadInput

            raise BadInput(
                "vault.cannot_create_folder", data_dir=data_dir, strerror=exc.strerror
            ) from exc
        if cls.exists(data_dir):
            raise VaultExists("vault.exists", data_dir=data_dir)
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
            lock.lock_database()
            vault = cls(data_dir, data_key, kf, lock)
            try:
                vault._initialise()
                # SQLite creates files by the umask; the vault is for its owner only.
                (data_dir / DB_NAME).chmod(0o600)
                with (data_dir / DB_NAME).open("rb") as f:
                    kf.db_salt = f.read(keyfile.DB_SALT_BYTES).hex()
                from coachdesk.store import audit

                with vault.session() as s:
                    audit.mark_keyed(s)
                    audit.record(s, "vault_created")
                    s.commit()
                from coachdesk.store import failed_unlocks

                k0 = os.urandom(32)
                kf.put_sealed("failed_log", k0, data_key)
                kf.failed_log_db = failed_unlocks.db_identity(data_dir)
                vault._write_anchor()
                failed_unlocks.restart(data_dir, k0)
            except BaseException:
                vault._drop_connections()
                for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", KEY_NAME, FAILED_NAME):
                    with contextlib.suppress(OSError):
                        (data_dir / name).unlink()
                raise
        except BaseException:
            lock.release()
            raise
        return vault, code

    @classmethod
    def open(
        cls, data_dir: Path, *, passphrase: str | None = None, recovery_code: str | None = None
    ) -> Vault:
        data_dir = Path(data_dir)
        key_path, db_path = data_dir / KEY_NAME, data_dir / DB_NAME
        if not key_path.exists() and not db_path.exists():
            raise VaultMissing("vault.missing", data_dir=data_dir)
        if not key_path.exists():
            raise VaultDamaged("vault.key_file_missing", key_name=KEY_NAME, data_dir=data_dir)
        if not db_path.exists():
            raise VaultDamaged("vault.database_missing", db_name=DB_NAME, data_dir=data_dir)
        lock = VaultLock(data_dir / LOCK_NAME)
        lock.acquire()
        try:
            vault, method = cls._unlock(data_dir, lock, passphrase, recovery_code)
        except BaseException:
            lock.release()
            raise
        try:
            vault._record_unlock(method)
            vault._finish_unlock(method, passphrase, recovery_code)
        except BaseException:
            vault.close()
            raise
        return vault

    def _record_unlock(self, method: str) -> None:
        """Failed attempts since the last unlock into the audit log, then this unlock."""
        from coachdesk.store import failed_unlocks

        k0 = (
            self.key_file.open_sealed("failed_log", self._key)
            if "failed_log" in self.key_file.sealed
            else None
        )
        reading = failed_unlocks.read_and_verify(self.data_dir, k0)
        if reading.altered == failed_unlocks.MISSING and (
            self.key_file.failed_log_db != failed_unlocks.db_identity(self.data_dir)
        ):
            # Restored from a backup or moved: the log stayed where it was written.
            reading.altered = None
        clean = k0 is not None and not reading.failures and not reading.altered
        if clean and self._engine is None:
            # The common unlock (nothing before it needed SQLAlchemy): the one event
            # through the driver, chained as audit.record chains it, in one BEGIN
            # IMMEDIATE transaction (store/auditchain.append); the anchor's rule as
            # after an ORM commit.
            from coachdesk.store import auditchain

            with self._driver() as conn:
                auditchain.append(
                    conn, self.key_file.chain_key(self._key), "unlock", {"with": method}
                )
            self._anchor_after({"unlock"})
            return  # an empty, verified log: it stays as it is (no write at unlock)
        audit = _audit_module()
        with self.session() as s:
            for at, how in reading.failures:
                audit.record(s, "unlock_failed", {"at": at, "with": how})
            if reading.altered:
                audit.record(s, "failed_unlocks_log_altered", {"why": reading.altered})
            audit.record(s, "unlock", {"with": method})
            s.commit()
        if k0 is not None and not reading.failures and not reading.altered:
            return  # an empty, verified log: it stays as it is (no write at unlock)
        # A fresh chain for the failures to come; its first key is sealed into the key
        # file (saved by _finish_unlock) before the new log replaces the old one.
        self._failed_k0 = os.urandom(32)
        self.key_file.put_sealed("failed_log", self._failed_k0, self._key)
        self.key_file.failed_log_db = failed_unlocks.db_identity(self.data_dir)
        self.key_file.changed = True

    @classmethod
    def _unlock(
        cls, data_dir: Path, lock: VaultLock, passphrase: str | None, recovery_code: str | None
    ) -> tuple[Vault, str]:
        """Key file -> data key -> database checked; the lock is the caller's."""
        key_path, db_path = data_dir / KEY_NAME, data_dir / DB_NAME
        try:
            kf, raw = KeyFile.parse(key_path.read_bytes())
        except OSError as exc:
            raise VaultDamaged("vault.key_file_unreadable", strerror=exc.strerror) from None
        # Item 1: an empty or truncated database is damage, found before SQLite could
        # write anything into it (or a WAL beside it).
        size = db_path.stat().st_size
        if size < 1024 or size % 512:
            raise VaultDamaged(EMPTY if size == 0 else DAMAGED)
        # Item 20: a key file from another vault, before any KDF runs.
        kf.check_database(db_path)
        method = "recovery_code" if recovery_code is not None else "passphrase"
        if recovery_code is not None:
            slot, secret = "recovery", b""
            try:
                secret = keyfile.normalise_recovery_code(recovery_code).encode("ascii")
            except WrongSecret:
                _note_failed_unlock(data_dir, method)
                raise
        elif passphrase is not None:
            slot, secret = "passphrase", encode_secret(passphrase)
        else:
            raise ValueError("open() needs a passphrase or a recovery code")
        pending = data_dir / PENDING_KEY
        try:
            data_key = kf.unwrap(slot, secret)
        except WrongSecret:
            finished = cls._finish_rotation(pending, key_path, db_path, slot, secret)
            if finished is None:
                _note_failed_unlock(data_dir, method)
                raise
            kf, raw, data_key = finished
        else:
            if pending.exists():
                if _db_decrypts(db_path, data_key):
                    # The rotation never reached the database: the old key file holds.
                    with contextlib.suppress(OSError):
                        pending.unlink()
                else:
                    finished = cls._finish_rotation(pending, key_path, db_path, slot, secret)
                    if finished is None:
                        raise WrongSecret("vault.rotation_interrupted")
                    kf, raw, data_key = finished
        kf.verify_mac(raw, data_key)
        existed = {p for p in _sidecars(db_path) if p.exists()}
        vault = cls(data_dir, data_key, kf, lock)
        try:
            vault._verify_readable(bound=kf.db_salt is not None)
            vault._check_anchor()
            vault._migrate()
            vault._upgrade_chain()
        except BaseException:
            vault._drop_connections()
            vault._wipe_key()
            for p in _sidecars(db_path):
                if p not in existed:
                    with contextlib.suppress(OSError):
                        p.unlink()
            raise
        return vault, method

    @staticmethod
    def _finish_rotation(
        pending: Path, key_path: Path, db_path: Path, slot: str, secret: bytes
    ) -> tuple[KeyFile, dict[str, Any], bytearray] | None:
        """A rotation killed after the rekey, before the key file moved: finish it."""
        if not pending.exists():
            return None
        try:
            kf, raw = KeyFile.parse(pending.read_bytes())
            key = kf.unwrap(slot, secret)
        except (WrongSecret, VaultDamaged, OSError):
            return None
        if not _db_decrypts(db_path, key):
            return None
        kf.verify_mac(raw, key)
        _commit_pending_key(pending, key_path)
        return kf, raw, key

    def _finish_unlock(
        self, method: str, passphrase: str | None, recovery_code: str | None
    ) -> None:
        """After a good unlock: upgrade a weak KDF slot, bind and anchor the key file."""
        slot = "recovery" if method == "recovery_code" else "passphrase"
        params = self.key_file.slots[slot].kdf
        if not params.strong and not keyfile.insecure_kdf_allowed():
            secret = (
                keyfile.normalise_recovery_code(recovery_code).encode("ascii")
                if recovery_code is not None
                else encode_secret(passphrase or "")
            )
            self.key_file.seal(slot, secret, self._key, keyfile.tune())
            self.key_file.changed = True
            audit = _audit_module()
            with self.session() as s:
                audit.record(s, "kdf_upgraded", {"slot": slot})
                s.commit()
        if self.key_file.db_salt is None:
            with self.db_path.open("rb") as f:
                self.key_file.db_salt = f.read(keyfile.DB_SALT_BYTES).hex()
            self.key_file.changed = True
        # The key file is written at unlock only when something in it changed (an
        # upgrade, a new failed-log key); the anchor moves at lock, backup, disclosure
        # and erasure. So a plain unlock costs no fsynced write (bench: unlock_s).
        if self.key_file.changed:
            self._write_anchor(force=True)
        if self._failed_k0:
            from coachdesk.store import failed_unlocks

            with contextlib.suppress(Exception):  # best effort, like writing the failures
                failed_unlocks.restart(self.data_dir, self._failed_k0)
            self._failed_k0 = b""

    # --- the database -------------------------------------------------------------

    def _connect(self) -> sqlcipher3.Connection:
        if not self._key:
            raise VaultLocked("vault.locked")
        db = self.data_dir / DB_NAME
        if not db.exists():
            # Moved or deleted while open: never let SQLite create an empty one instead.
            raise VaultMissing("vault.moved", data_dir=self.data_dir)
        # mode=rw: open an existing database only (closes the race after the check).
        conn = sqlcipher3.connect(
            f"{db.resolve().as_uri()}?mode=rw", uri=True, check_same_thread=False
        )
        try:
            # Keep SQLCipher's own error log off the user's terminal; errors still raise.
            conn.execute("PRAGMA cipher_log_level = NONE")
            # A raw key: SQLCipher's PBKDF2 is skipped, Argon2id already did that work.
            conn.execute(f"PRAGMA key = \"x'{self._key.hex()}'\"")
            for pragma in PRAGMAS:
                conn.execute(f"PRAGMA {pragma}")
        except BaseException:
            conn.close()  # not left open beside the files _unlock may remove
            raise
        return conn

    def _make_engine(self) -> Engine:
        from sqlalchemy import create_engine, event
        from sqlalchemy.pool import QueuePool

        # "sqlite://" would mean an in-memory pool; the creator opens the real file.
        # hide_parameters: an error message never carries the values of a statement
        # (names, job plans), not even in a traceback (issue 12 item 5).
        engine = create_engine(
            "sqlite://",
            creator=self._connect,
            module=sqlcipher3,
            poolclass=QueuePool,
            pool_size=4,
            max_overflow=4,
            hide_parameters=True,
        )

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # pysqlite's lazy BEGIN would let two writers interleave; take the lock early.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn: Any, _rec: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves

        return engine

    def _read(self, sql: str) -> list[Any]:
        """A read outside any transaction (no BEGIN IMMEDIATE, so no write lock)."""
        with self._driver() as conn:
            return list(conn.execute(sql).fetchall())

    def _verify_readable(self, bound: bool = True) -> None:
        # Read-only first: a database that does not decrypt is refused before the
        # engine's connections (journal_mode=WAL) could write anything beside it.
        if not _db_decrypts(self.db_path, self._key):
            raise VaultDamaged(NOT_DECRYPTED_BOUND if bound else NOT_DECRYPTED)
        try:
            tables = {
                r[0] for r in self._read("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        except Exception as exc:
            if _is_damage(getattr(exc, "orig", exc)) or _is_damage(exc):
                raise VaultDamaged(DAMAGED) from None
            _raise_storage_failure(exc, self.data_dir)
            raise
        # Item 1: a vault that has a key file is never (re)created: no schema is damage.
        if not {"alembic_version", "audit_event", "participant"} <= tables:
            raise VaultDamaged(EMPTY)

    def _check_anchor(self) -> None:
        """Item 13: the key file's (length, head) must be a prefix of the chain."""
        anchor = self.key_file.anchor
        if anchor is None:
            return
        have, first, last = self._read(
            "SELECT (SELECT count(*) FROM audit_event), (SELECT min(id) FROM audit_event), "
            "(SELECT max(id) FROM audit_event)"
        )[0]
        have = int(have)
        if have < anchor.length:
            raise VaultDamaged(ROLLED_BACK, want=anchor.length, have=have)
        if anchor.length:
            n = int(anchor.length)
            # The n-th event in id order. With no gap in the ids (count = max - min + 1)
            # that is the event with id min + n - 1: a lookup, not a scan of the whole
            # log as OFFSET is (0.05 s at 50,000 events). Equally strict either way.
            rows = self._read(
                f"SELECT hash FROM audit_event WHERE id = {int(first) + n - 1}"
                if have == int(last) - int(first) + 1
                else f"SELECT hash FROM audit_event ORDER BY id LIMIT 1 OFFSET {n - 1}"
            )
            if not rows or not hmac.compare_digest(str(rows[0][0]), anchor.head):
                raise VaultDamaged(ROLLED_BACK_DIFFER, want=anchor.length, have=have)

    def _initialise(self) -> None:
        self._migrate()

    def _migrate(self) -> None:
        from coachdesk.store import migrate

        try:
            with self._driver() as conn:
                if migrate.revision_on(conn) == migrate.HEAD:
                    return  # up to date: neither Alembic nor SQLAlchemy needed
            migrate.upgrade(self.engine)
        except Exception as exc:
            if _is_damage(getattr(exc, "orig", exc)):
                raise VaultDamaged(DAMAGED) from None
            _raise_storage_failure(exc, self.data_dir)
            raise

    def _upgrade_chain(self) -> None:
        """Item 12: a pre-issue-12 chain is verified, then re-chained under the key."""
        from coachdesk.store import auditchain

        with self._driver() as conn:
            if auditchain.is_keyed(conn):
                return  # the same marker audit.is_keyed reads, read without the ORM
        audit = _audit_module()
        with self.session() as s:
            if audit.is_keyed(s):
                return
            if self.key_file.anchor is not None:
                # An anchored vault was keyed already: someone reset the marker.
                raise VaultDamaged("vault.chain_marker_altered")
            problems = audit.verify_legacy(s)
            if problems:
                raise VaultDamaged("vault.legacy_chain_broken", why="; ".join(problems[:3]))
            audit.upgrade_chain(s)
            s.commit()

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work; the caller commits. Rolls back on error."""
        if not self._key:
            raise VaultLocked("vault.locked")
        s = self._sessions()
        try:
            yield s
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    # The GUI's two doors into the store (docs/architecture.md, "The store"): a widget
    # names a store function and its arguments; the unit of work and its commit stay
    # in the store. A store function takes the session first.

    def read(
        self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """``fn(session, *args, **kwargs)`` in a session of its own, not committed."""
        with self.session() as s:
            return fn(s, *args, **kwargs)

    def read_raw(
        self,
        fn: Callable[Concatenate[sqlcipher3.Connection, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """``fn(connection, *args, **kwargs)`` on the driver's own connection, in a read
        transaction of its own (rolled back): for the reads that must not wait for, or
        pay for, SQLAlchemy (the caseload's first screenful at unlock, issue 19)."""
        if not self._key:
            raise VaultLocked("vault.locked")
        with self._driver() as conn:  # no engine made for it (see _driver)
            conn.execute("BEGIN")
            try:
                return fn(conn, *args, **kwargs)
            finally:
                conn.execute("ROLLBACK")

    def has_setting(self, key: str) -> bool:
        """Whether the ``setting`` table has a row for ``key``: asked on the driver
        (no SQLAlchemy), for what the unlock checks before the caseload's paint."""
        return self.read_raw(_setting_exists, key)

    def write(
        self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """``fn(session, *args, **kwargs)`` committed as one unit of work; nothing is
        committed if it raises."""
        with self.session() as s:
            result = fn(s, *args, **kwargs)
            s.commit()
            return result

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

    # --- the anchor (items 12, 13) ------------------------------------------------------

    def _after_commit(self, session: Session) -> None:
        from coachdesk.store import audit

        self._anchor_after(audit.committed_actions(session))

    def _anchor_after(self, actions: set[str]) -> None:
        """After a commit whose events had these actions (an ORM session's, or an event
        appended through the driver): move the anchor now if one of them asks for it."""
        from coachdesk.store.auditchain import ANCHOR_ACTIONS

        if not actions & ANCHOR_ACTIONS:
            return
        if "backup" in actions:
            self._backup_started = None
        elif self._backup_in_progress():
            return  # the backup's own commit anchors; its copied key file must not lead
        with contextlib.suppress(Exception):  # the commit happened; anchor at next chance
            self._write_anchor()

    def _backup_in_progress(self) -> bool:
        import time

        started = self._backup_started
        return started is not None and time.monotonic() - started < 600

    def _write_anchor(self, *, force: bool = False) -> None:
        """Record the chain's length and head in the key file (atomic, fsynced)."""
        with self._anchor_lock:
            if not self._key:
                return
            row = self._read(
                "SELECT count(*), (SELECT hash FROM audit_event "
                "ORDER BY id DESC LIMIT 1) FROM audit_event"
            )[0]
            anchor = Anchor(int(row[0]), str(row[1] or "0" * 64))
            old = self.key_file.anchor
            if anchor == old and not self.key_file.changed:
                return
            if old is not None and anchor.length < old.length and not force:
                return  # another thread anchored a later state already
            self.key_file.anchor = anchor
            self.key_file.save(self.key_path, self._key)
            self.key_file.changed = False

    def anchor_errors(self) -> list[str]:
        """For ``check``: the anchor against the verified chain (no rollback)."""
        anchor = self.key_file.anchor
        if anchor is None:
            return ["the key file holds no anchor of the audit chain"]
        try:
            self._check_anchor()
        except VaultDamaged as exc:
            return [str(exc)]
        return []

    # --- secrets ------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str) -> str | None:
        """A new passphrase, and a new data key (SQLCipher rekey): an old key file or
        the old passphrase opens nothing written from now on (issue 12 item 14).

        Returns a new recovery code when the old one could not follow the new data key
        (a recovery slot made before issue 12, sealed under the code itself), else None.
        """
        check_passphrase(new_passphrase)
        secret = encode_secret(new_passphrase)
        return self._rotate(passphrase=secret, new_code=None, action="passphrase_changed")

    def rotate_recovery_code(self, passphrase: str) -> str:
        """A new recovery code (returned once) and a new data key; the passphrase stays."""
        if not self.verify_passphrase(passphrase):
            raise WrongSecret("wrong_passphrase")
        code = keyfile.new_recovery_code()
        self._rotate(
            passphrase=encode_secret(passphrase), new_code=code, action="recovery_code_rotated"
        )
        return code

    def _rotate(self, *, passphrase: bytes, new_code: str | None, action: str) -> str | None:
        """Re-encrypt the database under a new data key, crash-safely.

        1. the new key file (both slots sealed to the new key, the chain key carried
           over) is written as vault.key.next, fsynced;
        2. PRAGMA rekey re-encrypts every page in one SQLite transaction;
        3. vault.key.next replaces vault.key.
        Killed before 2: vault.key still opens the database; the stale .next is removed
        at the next unlock. Killed between 2 and 3: vault.key no longer opens it, and
        the next unlock (new passphrase, or the recovery code) finishes step 3.
        """
        audit = _audit_module()
        old_kf = self.key_file
        self._write_anchor(force=True)
        new_key = bytearray(os.urandom(keyfile.KEY_BYTES))
        kf = KeyFile(old_kf.vault_id, old_kf.created_at, dict(old_kf.slots))
        kf.db_salt, kf.anchor = old_kf.db_salt, old_kf.anchor
        kf.seal_chain_key(old_kf.chain_key(self._key), new_key)
        if "failed_log" in old_kf.sealed:
            kf.put_sealed("failed_log", old_kf.open_sealed("failed_log", self._key), new_key)
        kf.failed_log_db = old_kf.failed_log_db
        weak_ok = keyfile.insecure_kdf_allowed()
        params = old_kf.slots["passphrase"].kdf
        if not params.strong and not weak_ok:
            params = keyfile.tune()
        kf.seal("passphrase", passphrase, new_key, params)
        issued = new_code
        if new_code is None and not old_kf.can_reseal("recovery"):
            issued = keyfile.new_recovery_code()
        if issued is not None:
            rparams = old_kf.slots["recovery"].kdf if "recovery" in old_kf.slots else params
            kf.seal(
                "recovery",
                issued.encode("ascii"),
                new_key,
                rparams if rparams.strong or weak_ok else params,
            )
        else:
            kf.slots["recovery"] = _copy_slot(old_kf.slots["recovery"])
            kf.reseal_to_public("recovery", new_key)
        pending = self.data_dir / PENDING_KEY
        kf.save(pending, new_key)
        with self._anchor_lock:
            self._drop_connections()  # none may stay open under the old key
            try:
                _rekey(self.db_path, self._key, new_key)
            except Exception:
                # Not re-encrypted (SQLite rolled the transaction back): the old key
                # file stays; the new one goes.
                with contextlib.suppress(OSError):
                    pending.unlink()
                raise
            self._wipe_key()
            self._key = new_key
            self.key_file = kf
            _commit_pending_key(pending, self.key_path)
        with self.session() as s:
            detail = {"data_key": "rotated", "recovery_code": "new" if issued else "kept"}
            audit.record(s, action, detail)
            if action == "passphrase_changed" and issued:
                audit.record(s, "recovery_code_rotated", {"reason": "old slot format"})
            s.commit()
        return issued if new_code is None else None

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
        """Lock: anchor the chain, drop every connection and the key, release the lock."""
        if self._key:
            with contextlib.suppress(Exception):  # a full disk must not block locking
                self._write_anchor()
            self._drop_connections()
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
        """The data key, for writing a backup that opens with the same secrets.

        The backup copies the database first and reads the key file after: until the
        backup's own event commits, other commits do not move the anchor, so the
        copied key file never records more than the copied database holds.
        """
        import time

        self._backup_started = time.monotonic()
        return bytes(self._key)


def _setting_exists(conn: sqlcipher3.Connection, key: str) -> bool:
    return conn.execute("SELECT 1 FROM setting WHERE key = ?", (key,)).fetchone() is not None


def _audit_module() -> Any:
    """store/audit (SQLAlchemy, the ORM, the schema), imported under the preload's lock:
    never beside the GUI's preload thread importing the same (store/preload.py)."""
    from coachdesk.store import preload

    with preload.importing():
        from coachdesk.store import audit
    return audit


def _copy_slot(slot: keyfile.Slot) -> keyfile.Slot:
    import dataclasses

    return dataclasses.replace(slot)
