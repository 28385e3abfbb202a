"""The key file: the database's data key, wrapped under the passphrase and the recovery code.

Layout (JSON, next to the database):

- ``kdf`` per slot: Argon2id parameters and a 16-byte salt; the passphrase (or the
  recovery code) derives a 256-bit key-encryption key;
- ``wrapped_key``: the 256-bit data key sealed with AES-256-GCM under that KEK, with
  the slot's parameters as associated data, so changing any of them breaks the seal;
- ``checksum``: SHA-256 of the canonical file, to tell damage and tampering apart from
  a wrong passphrase before any KDF runs;
- ``check`` per slot: HMAC(KEK, constant), 16 bytes. It tells a wrong secret (the KEK
  does not match) from a key file whose sealed fields were altered (the KEK matches but
  the seal does not open), so an edited ``vault_id`` is reported as damage, not as a
  wrong passphrase (issue 12 item 20). It reveals nothing the GCM tag does not;
- ``db_salt``: the first 16 bytes of ``vault.db`` (SQLCipher's per-file salt, plaintext,
  stable across VACUUM and rekey): a key file from another vault is recognised before
  any KDF runs, and is neither called a wrong passphrase nor counted as a failed unlock;
- ``anchor``: the audit chain's length and head at the last lock, backup, disclosure or
  unlock, so a database replaced by an older copy is refused (store/audit.py);
- ``chain_key``: only after a data-key rotation: the audit chain's key sealed under the
  current data key (before the first rotation it is derived from the data key);
- ``failed_log``: the first key of the failed-unlocks log's chain, sealed under the
  data key (store/failed_unlocks.py);
- ``mac``: HMAC-SHA256 over the canonical file under a key derived from the data key,
  so a slot swapped in from elsewhere, or an edited anchor, is refused after unlock.

KDF parameters are bounded (``check_bounds``) before any derivation runs: a key file
cannot make CoachDesk allocate gigabytes or loop for hours.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import statistics
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from coachdesk.core.texts import Term
from coachdesk.errors import KeyFileTampered, VaultDamaged, WrongSecret
from coachdesk.store.atomic import write_atomic

FORMAT = "coachdesk.vault-key"
VERSION = 1
KEY_BYTES = 32
MIN_MEMORY_KIB = 64 * 1024  # security.md: memory >= 64 MiB
# The floor of the tuning (issue 19 item 5; docs/security.md section 10.5): whatever the
# machine's load when a vault is created, the passphrase is never derived with fewer
# iterations than this. Half of what a quiet reference machine picks for TARGET_SECONDS
# (16 here), so a vault made on a busy machine is at most half as costly to attack as one
# made on a quiet machine (before: 5 against 16), and above RFC 9106's recommendation for
# 64 MiB (3 iterations).
MIN_ITERATIONS = 8
TARGET_SECONDS = 0.5
# How many times the tuner times each probe; it uses the median (a burst of load in one
# round neither weakens nor slows the result).
TUNE_ROUNDS = 5
# What a key file may ask for (issue 12 item 15). The ceilings keep one unlock under a
# few seconds and 1 GiB on any laptop; tune() stays well inside them.
MAX_MEMORY_KIB = 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 16
# Production parameters never go below these; weaker ones (the test KDF, or a vault tuned
# under load by a version before the floor) are accepted only to be upgraded at the next
# unlock, or, for creating a vault, only when the environment variable below is set (the
# test suite, bench/, the screenshots and the package smoke test set it).
STRONG_MIN_ITERATIONS = MIN_ITERATIONS
INSECURE_ENV = "COACHDESK_ALLOW_INSECURE_KDF"


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = MIN_ITERATIONS
    lanes: int = 4

    def as_dict(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> KdfParams:
        if d.get("algorithm") != "argon2id":
            raise KeyFileTampered("keyfile.unknown_kdf")
        memory, iterations, lanes = d.get("memory_kib"), d.get("iterations"), d.get("lanes")
        # Plain JSON integers only (no 1e9 floats, no "3", no true).
        if not (type(memory) is int and type(iterations) is int and type(lanes) is int):
            raise KeyFileTampered("keyfile.kdf_malformed")
        params = cls(memory, iterations, lanes)
        params.check_bounds()
        return params

    def check_bounds(self) -> None:
        """Refuse parameters no CoachDesk writes, before any derivation runs."""
        if not (
            1 <= self.lanes <= MAX_LANES
            and 1 <= self.iterations <= MAX_ITERATIONS
            and 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB
        ):
            raise KeyFileTampered("keyfile.kdf_out_of_bounds")

    @property
    def strong(self) -> bool:
        return self.memory_kib >= MIN_MEMORY_KIB and self.iterations >= STRONG_MIN_ITERATIONS


def insecure_kdf_allowed() -> bool:
    return os.environ.get(INSECURE_ENV) == "1"


def require_strong_or_allowed(params: KdfParams) -> None:
    """Weak parameters seal a new slot only under the test environment variable."""
    params.check_bounds()
    if not params.strong and not insecure_kdf_allowed():
        from coachdesk.errors import BadInput

        raise BadInput("keyfile.insecure_kdf", insecure_env=INSECURE_ENV)


# Cheap parameters for tests and demos only; never chosen by the app itself.
TEST_KDF = KdfParams(memory_kib=8, iterations=1, lanes=1)


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)


def _time_derivation(params: KdfParams, salt: bytes) -> float:
    """Seconds for one derivation with ``params`` on this machine, now."""
    t0 = time.perf_counter()
    derive(b"tuning", salt, params)
    return time.perf_counter() - t0


def tune(
    target_seconds: float = TARGET_SECONDS,
    memory_kib: int = MIN_MEMORY_KIB,
    *,
    rounds: int = TUNE_ROUNDS,
    measure: Callable[[KdfParams], float] | None = None,
) -> KdfParams:
    """The iteration count that makes one derivation take about ``target_seconds``,
    never below the floor (MIN_MEMORY_KIB, MIN_ITERATIONS) nor above MAX_ITERATIONS.

    ``measure`` times one derivation (the tests simulate a slow or busy machine with it);
    by default a real one with a random salt.
    """
    memory_kib = max(memory_kib, MIN_MEMORY_KIB)
    if measure is None:
        salt = os.urandom(16)

        def measure(params: KdfParams) -> float:
            return _time_derivation(params, salt)

    # One iteration alone is dominated by allocating and filling the memory, so dividing
    # the target by it picked about half the iterations (0.2-0.3 s, bench/run.py
    # kdf_derive_s): time 1 and 3 iterations and use the difference per iteration.
    # Alternating the two, several rounds, and the median of each: load that comes and
    # goes (other programs, a busy machine) moves the result much less than the
    # fastest-of-two it replaced, which picked 5 iterations under load and 16 when quiet.
    one = KdfParams(memory_kib=memory_kib, iterations=1)
    three = KdfParams(memory_kib=memory_kib, iterations=3)
    t1s: list[float] = []
    t3s: list[float] = []
    for _ in range(max(1, rounds)):
        t1s.append(measure(one))
        t3s.append(measure(three))
    t1, t3 = statistics.median(t1s), statistics.median(t3s)
    # Never below 3/4 of the amortised cost, so timer noise cannot inflate the count wildly.
    per_iteration = max((t3 - t1) / 2, t3 / 4, 1e-4)
    iterations = 1 + round((target_seconds - t1) / per_iteration)
    # The floor is what protects a vault created under load: a slow measurement can cost
    # a slower unlock there, never a weaker key derivation.
    iterations = min(max(iterations, MIN_ITERATIONS), MAX_ITERATIONS)
    return KdfParams(memory_kib=memory_kib, iterations=iterations)


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: Any) -> bytes:
    if not isinstance(s, str):
        raise ValueError("not base64 text")
    return base64.b64decode(s.encode("ascii"), validate=True)


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _mac_key(data_key: bytes | bytearray) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"coachdesk key file mac").derive(
        bytes(data_key)
    )


# --- recovery codes -----------------------------------------------------------------

_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_CONFUSABLE = str.maketrans({"0": "O", "1": "I", "8": "B"})


def new_recovery_code() -> str:
    """160 random bits as 32 base32 letters in groups of four (easy to print and type)."""
    raw = base64.b32encode(secrets.token_bytes(20)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, 32, 4))


_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def normalise_recovery_code(text: str) -> str:
    """Upper case, separators dropped, 0/1/8 read as O/I/B.

    str.isalnum accepts "Ø", "²" and Arabic digits, which then broke the ASCII encoding
    with a traceback (issue 12 item 6): any letter or digit outside A-Z and 0-9 is a
    wrong code, said plainly.
    """
    kept = [ch for ch in text.upper() if ch.isalnum()]
    if any(ch not in _ASCII_ALNUM for ch in kept):
        raise WrongSecret("keyfile.recovery_code_alphabet")
    cleaned = "".join(kept).translate(_CONFUSABLE)
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


# --- the file -------------------------------------------------------------------------

_CHECK_INFO = b"coachdesk kek check"
DB_SALT_BYTES = 16


def _kek_check(kek: bytes) -> bytes:
    return hmac.new(kek, _CHECK_INFO, hashlib.sha256).digest()[:16]


def _hkdf(data_key: bytes | bytearray, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=info).derive(bytes(data_key))


@dataclass
class Slot:
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    check: bytes | None = None
    # The recovery slot is asymmetric (issue 12 item 14): the secret opens an X25519
    # private key, and the data key is sealed to its public key. So a data-key rotation
    # (change-passphrase) re-seals the recovery slot without knowing the recovery code,
    # and the code stays valid for the new key only through the current key file.
    public: bytes | None = None
    private_nonce: bytes | None = None
    private_sealed: bytes | None = None
    ephemeral: bytes | None = None

    def as_dict(self) -> dict[str, Any]:
        d = {
            "kdf": self.kdf.as_dict(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }
        if self.check is not None:
            d["check"] = _b64(self.check)
        if self.public is not None:
            assert self.private_nonce and self.private_sealed and self.ephemeral
            d |= {
                "public": _b64(self.public),
                "private_nonce": _b64(self.private_nonce),
                "private_sealed": _b64(self.private_sealed),
                "ephemeral": _b64(self.ephemeral),
            }
        return d

    @classmethod
    def from_dict(cls, s: dict[str, Any]) -> Slot:
        def opt(k: str) -> bytes | None:
            return _unb64(s[k]) if k in s else None

        slot = cls(
            KdfParams.from_dict(s["kdf"]),
            _unb64(s["salt"]),
            _unb64(s["nonce"]),
            _unb64(s["wrapped_key"]),
            opt("check"),
            opt("public"),
            opt("private_nonce"),
            opt("private_sealed"),
            opt("ephemeral"),
        )
        parts = (slot.public, slot.private_nonce, slot.private_sealed, slot.ephemeral)
        if any(p is not None for p in parts) and not all(p is not None for p in parts):
            raise ValueError("half an asymmetric slot")
        return slot


@dataclass(frozen=True)
class Anchor:
    """The audit chain's length and the hash of its last event, when it was anchored."""

    length: int
    head: str


class KeyFile:
    """The parsed key file; ``unwrap`` returns the data key or raises WrongSecret."""

    def __init__(self, vault_id: str, created_at: str, slots: dict[str, Slot]) -> None:
        self.vault_id = vault_id
        self.created_at = created_at
        self.slots = slots
        self.db_salt: str | None = None
        self.anchor: Anchor | None = None
        # Small secrets sealed under the data key: "chain_key" (after a rotation) and
        # "failed_log" (the failed-unlocks log's first chain key, store/failed_unlocks.py).
        self.sealed: dict[str, dict[str, str]] = {}
        self.changed = False  # an unwrap upgraded a slot: save the file
        # Which vault.db file (device:inode) the failed-unlocks log was started beside:
        # a log missing beside another file is a restore or a move, not a deletion.
        self.failed_log_db: str | None = None

    # -- sealing -------------------------------------------------------------------

    def _aad(self, name: str, slot: Slot) -> bytes:
        return _canonical(
            {
                "format": FORMAT,
                "version": VERSION,
                "vault_id": self.vault_id,
                "slot": name,
                "kdf": slot.kdf.as_dict(),
                "salt": _b64(slot.salt),
            }
        )

    def seal(self, name: str, secret: bytes, data_key: bytes | bytearray, kdf: KdfParams) -> None:
        kdf.check_bounds()
        slot = Slot(kdf, os.urandom(16), os.urandom(12), b"")
        kek = derive(secret, slot.salt, kdf)
        slot.check = _kek_check(kek)
        if name == "recovery":
            private = X25519PrivateKey.generate()
            slot.public = private.public_key().public_bytes_raw()
            slot.private_nonce = os.urandom(12)
            slot.private_sealed = AESGCM(kek).encrypt(
                slot.private_nonce, private.private_bytes_raw(), self._aad(name, slot)
            )
            self.slots[name] = slot
            self.reseal_to_public(name, data_key)
            return
        slot.wrapped_key = AESGCM(kek).encrypt(slot.nonce, bytes(data_key), self._aad(name, slot))
        self.slots[name] = slot

    def can_reseal(self, name: str) -> bool:
        """Can this slot follow a new data key without its secret?"""
        slot = self.slots.get(name)
        return slot is not None and slot.public is not None

    def reseal_to_public(self, name: str, data_key: bytes | bytearray) -> None:
        """Seal ``data_key`` to an asymmetric slot's public key (no secret needed)."""
        slot = self.slots[name]
        assert slot.public is not None
        ephemeral = X25519PrivateKey.generate()
        slot.ephemeral = ephemeral.public_key().public_bytes_raw()
        slot.nonce = os.urandom(12)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(slot.public))
        slot.wrapped_key = AESGCM(self._ecdh_key(shared, slot)).encrypt(
            slot.nonce, bytes(data_key), self._aad(name, slot) + slot.public
        )

    @staticmethod
    def _ecdh_key(shared: bytes, slot: Slot) -> bytes:
        assert slot.ephemeral is not None and slot.public is not None
        return HKDF(
            hashes.SHA256(),
            32,
            salt=None,
            info=b"coachdesk recovery seal" + slot.ephemeral + slot.public,
        ).derive(shared)

    def unwrap(self, name: str, secret: bytes) -> bytearray:
        slot = self.slots.get(name)
        if slot is None:
            raise KeyFileTampered("keyfile.no_slot", name=Term(name))
        kek = derive(secret, slot.salt, slot.kdf)
        if slot.check is not None and not hmac.compare_digest(_kek_check(kek), slot.check):
            raise _wrong(name)
        try:
            if slot.public is not None:
                assert slot.private_nonce and slot.private_sealed and slot.ephemeral
                private = X25519PrivateKey.from_private_bytes(
                    AESGCM(kek).decrypt(
                        slot.private_nonce, slot.private_sealed, self._aad(name, slot)
                    )
                )
                if private.public_key().public_bytes_raw() != slot.public:
                    raise KeyFileTampered(NOT_OURS)
                shared = private.exchange(X25519PublicKey.from_public_bytes(slot.ephemeral))
                key = AESGCM(self._ecdh_key(shared, slot)).decrypt(
                    slot.nonce, slot.wrapped_key, self._aad(name, slot) + slot.public
                )
                return bytearray(key)
            key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped_key, self._aad(name, slot))
            # A slot made before issue 12: add its check, and make the recovery slot
            # asymmetric, with the KEK at hand (no extra KDF). Saved with the next save.
            if slot.check is None:
                slot.check = _kek_check(kek)
                self.changed = True
            if name == "recovery":
                private = X25519PrivateKey.generate()
                slot.public = private.public_key().public_bytes_raw()
                slot.private_nonce = os.urandom(12)
                slot.private_sealed = AESGCM(kek).encrypt(
                    slot.private_nonce, private.private_bytes_raw(), self._aad(name, slot)
                )
                self.reseal_to_public(name, key)
                self.changed = True
        except (InvalidTag, ValueError):
            if slot.check is not None:
                # The secret is right (the check matched) but the seal does not open: a
                # sealed field (vault_id, the parameters) was changed, or the slot comes
                # from another vault's key file.
                raise KeyFileTampered(NOT_OURS) from None
            raise _wrong(name) from None
        return bytearray(key)

    # -- the audit chain's key and anchor -------------------------------------------

    def chain_key(self, data_key: bytes | bytearray) -> bytes:
        """The audit chain's HMAC key: derived from the data key until the first
        rotation, then kept (sealed under each new data key) so the chain stays valid."""
        if "chain_key" not in self.sealed:
            return _hkdf(data_key, b"coachdesk audit chain")
        return self.open_sealed("chain_key", data_key)

    def seal_chain_key(self, chain_key: bytes, data_key: bytes | bytearray) -> None:
        self.put_sealed("chain_key", chain_key, data_key)

    def put_sealed(self, name: str, secret: bytes, data_key: bytes | bytearray) -> None:
        """A small secret kept in the key file, sealed under the data key."""
        nonce = os.urandom(12)
        sealed = AESGCM(_hkdf(data_key, b"coachdesk key file seal " + name.encode())).encrypt(
            nonce, secret, self.vault_id.encode("ascii", "replace")
        )
        self.sealed[name] = {"nonce": _b64(nonce), "sealed": _b64(sealed)}

    def open_sealed(self, name: str, data_key: bytes | bytearray) -> bytes:
        try:
            item = self.sealed[name]
            wrap = AESGCM(_hkdf(data_key, b"coachdesk key file seal " + name.encode()))
            return wrap.decrypt(
                _unb64(item["nonce"]),
                _unb64(item["sealed"]),
                self.vault_id.encode("ascii", "replace"),
            )
        except (InvalidTag, KeyError, TypeError, ValueError):
            raise KeyFileTampered("keyfile.slot_altered", name=name) from None

    # -- serialising ---------------------------------------------------------------

    def _body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "created_at": self.created_at,
            "slots": {k: v.as_dict() for k, v in sorted(self.slots.items())},
        }
        if self.db_salt is not None:
            body["db_salt"] = self.db_salt
        if self.anchor is not None:
            body["anchor"] = {"length": self.anchor.length, "head": self.anchor.head}
        for name, item in sorted(self.sealed.items()):
            body[name] = dict(item)
        if self.failed_log_db is not None:
            body["failed_log_db"] = self.failed_log_db
        return body

    def to_bytes(self, data_key: bytes | bytearray) -> bytes:
        body = self._body()
        body["mac"] = hmac.new(_mac_key(data_key), _canonical(body), hashlib.sha256).hexdigest()
        body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        return json.dumps(body, indent=2, sort_keys=True).encode() + b"\n"

    def save(self, path: Path, data_key: bytes | bytearray) -> None:
        write_atomic(path, self.to_bytes(data_key))

    def verify_mac(self, raw: dict[str, Any], data_key: bytes | bytearray) -> None:
        body = {k: v for k, v in raw.items() if k not in ("mac", "checksum")}
        want = hmac.new(_mac_key(data_key), _canonical(body), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(want, str(raw.get("mac", ""))):
            raise KeyFileTampered("keyfile.not_this_vault")

    def check_database(self, db_path: Path) -> None:
        """Before any KDF: is this key file the one made for this database file?"""
        if self.db_salt is None:
            return  # made before the binding: added at the next unlock
        try:
            with db_path.open("rb") as f:
                head = f.read(DB_SALT_BYTES)
        except OSError:
            return  # the open itself reports an unreadable database
        if len(head) == DB_SALT_BYTES and head.hex() != self.db_salt:
            raise KeyFileTampered(NOT_OURS)

    @classmethod
    def new(cls) -> KeyFile:
        import datetime as dt

        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        return cls(uuid.uuid4().hex, now, {})

    @classmethod
    def parse(cls, data: bytes) -> tuple[KeyFile, dict[str, Any]]:
        if len(data) > 1 << 20:  # a key file is about 1 KiB
            raise VaultDamaged("keyfile.damaged")
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise VaultDamaged("keyfile.damaged") from None
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise VaultDamaged("keyfile.not_a_key_file")
        if raw.get("version") != VERSION:
            raise VaultDamaged("keyfile.unknown_version", value=repr(raw.get("version")))
        body = {k: v for k, v in raw.items() if k != "checksum"}
        if not hmac.compare_digest(
            hashlib.sha256(_canonical(body)).hexdigest(), str(raw.get("checksum", ""))
        ):
            raise KeyFileTampered("keyfile.altered")
        try:
            slots = {name: Slot.from_dict(s) for name, s in raw["slots"].items()}
            kf = cls(str(raw["vault_id"]), str(raw["created_at"]), slots)
            if "db_salt" in raw:
                salt = raw["db_salt"]
                if not isinstance(salt, str) or len(bytes.fromhex(salt)) != DB_SALT_BYTES:
                    raise ValueError("db_salt")
                kf.db_salt = salt
            if "anchor" in raw:
                a = raw["anchor"]
                if (
                    type(a["length"]) is not int
                    or a["length"] < 0
                    or not isinstance(a["head"], str)
                ):
                    raise ValueError("anchor")
                kf.anchor = Anchor(a["length"], a["head"])
            if "failed_log_db" in raw:
                kf.failed_log_db = str(raw["failed_log_db"])
            for name in SEALED_NAMES:
                if name in raw:
                    kf.sealed[name] = {
                        "nonce": str(raw[name]["nonce"]),
                        "sealed": str(raw[name]["sealed"]),
                    }
        except (KeyError, TypeError, ValueError, AttributeError):
            raise KeyFileTampered("keyfile.malformed") from None
        return kf, raw


SEALED_NAMES = ("chain_key", "failed_log")

NOT_OURS = "keyfile.not_ours"


def _wrong(name: str) -> WrongSecret:
    if name == "recovery":
        return WrongSecret("wrong_recovery_code")
    return WrongSecret("wrong_passphrase")
