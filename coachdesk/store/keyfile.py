"""The key file: the database's data key, wrapped under the passphrase and the recovery code.

Layout (JSON, next to the database):

- ``kdf`` per slot: Argon2id parameters and a 16-byte salt; the passphrase (or the
  recovery code) derives a 256-bit key-encryption key;
- ``wrapped_key``: the 256-bit data key sealed with AES-256-GCM under that KEK, with
  the slot's parameters as associated data, so changing any of them breaks the seal;
- ``checksum``: SHA-256 of the canonical file, to tell damage and tampering apart from
  a wrong passphrase before any KDF runs;
- ``mac``: HMAC-SHA256 over the canonical file under a key derived from the data key,
  so a slot swapped in from elsewhere is refused after unlock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from coachdesk.errors import KeyFileTampered, VaultDamaged, WrongSecret
from coachdesk.store.atomic import write_atomic

FORMAT = "coachdesk.vault-key"
VERSION = 1
KEY_BYTES = 32
MIN_MEMORY_KIB = 64 * 1024  # security.md: memory >= 64 MiB
TARGET_SECONDS = 0.5


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = 3
    lanes: int = 4

    def as_dict(self) -> dict[str, Any]:
        return {"algorithm": "argon2id", "memory_kib": self.memory_kib,
                "iterations": self.iterations, "lanes": self.lanes}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> KdfParams:
        if d.get("algorithm") != "argon2id":
            raise KeyFileTampered("The key file names an unknown key derivation; it was refused.")
        return cls(int(d["memory_kib"]), int(d["iterations"]), int(d["lanes"]))


# Cheap parameters for tests and demos only; never chosen by the app itself.
TEST_KDF = KdfParams(memory_kib=8, iterations=1, lanes=1)


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt, length=KEY_BYTES, iterations=params.iterations,
        lanes=params.lanes, memory_cost=params.memory_kib,
    ).derive(secret)


def tune(target_seconds: float = TARGET_SECONDS, memory_kib: int = MIN_MEMORY_KIB) -> KdfParams:
    """Pick the iteration count that makes one derivation take about ``target_seconds``."""
    # One iteration alone is dominated by allocating and filling the memory, so dividing
    # the target by it picked about half the iterations (0.2-0.3 s, bench/run.py
    # kdf_derive_s): time 1 and 3 iterations and use the difference per iteration.
    salt = os.urandom(16)

    def fastest(iterations: int) -> float:
        # The faster of two runs: a busy machine should not weaken the KDF.
        probe = KdfParams(memory_kib=memory_kib, iterations=iterations)
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            derive(b"tuning", salt, probe)
            best = min(best, time.perf_counter() - t0)
        return best

    t1, t3 = fastest(1), fastest(3)
    # Never below 3/4 of the amortised cost, so timer noise cannot inflate the count wildly.
    per_iteration = max((t3 - t1) / 2, t3 / 4, 1e-4)
    iterations = max(2, 1 + round((target_seconds - t1) / per_iteration))
    return KdfParams(memory_kib=memory_kib, iterations=min(iterations, 64))


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


def normalise_recovery_code(text: str) -> str:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_CONFUSABLE)
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


# --- the file -------------------------------------------------------------------------


@dataclass
class Slot:
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    def as_dict(self) -> dict[str, Any]:
        return {"kdf": self.kdf.as_dict(), "salt": _b64(self.salt),
                "nonce": _b64(self.nonce), "wrapped_key": _b64(self.wrapped_key)}


class KeyFile:
    """The parsed key file; ``unwrap`` returns the data key or raises WrongSecret."""

    def __init__(self, vault_id: str, created_at: str, slots: dict[str, Slot]) -> None:
        self.vault_id = vault_id
        self.created_at = created_at
        self.slots = slots

    # -- sealing -------------------------------------------------------------------

    def _aad(self, name: str, slot: Slot) -> bytes:
        return _canonical({"format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
                           "slot": name, "kdf": slot.kdf.as_dict(), "salt": _b64(slot.salt)})

    def seal(self, name: str, secret: bytes, data_key: bytes | bytearray,
             kdf: KdfParams) -> None:
        slot = Slot(kdf, os.urandom(16), os.urandom(12), b"")
        kek = derive(secret, slot.salt, kdf)
        slot.wrapped_key = AESGCM(kek).encrypt(slot.nonce, bytes(data_key), self._aad(name, slot))
        self.slots[name] = slot

    def unwrap(self, name: str, secret: bytes) -> bytearray:
        slot = self.slots.get(name)
        if slot is None:
            raise KeyFileTampered(f"The key file has no {name} slot; it was refused.")
        kek = derive(secret, slot.salt, slot.kdf)
        try:
            key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped_key, self._aad(name, slot))
        except InvalidTag:
            if name == "recovery":
                raise WrongSecret("Wrong recovery code. Check it and try again.") from None
            raise WrongSecret("Wrong passphrase. Try again.") from None
        return bytearray(key)

    # -- serialising ---------------------------------------------------------------

    def _body(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
                "created_at": self.created_at,
                "slots": {k: v.as_dict() for k, v in sorted(self.slots.items())}}

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
            raise KeyFileTampered(
                "The key file does not belong to this vault or was altered; it was refused."
            )

    @classmethod
    def new(cls) -> KeyFile:
        import datetime as dt

        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        return cls(uuid.uuid4().hex, now, {})

    @classmethod
    def parse(cls, data: bytes) -> tuple[KeyFile, dict[str, Any]]:
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise VaultDamaged(
                "The key file (vault.key) is damaged. Restore it from a backup."
            ) from None
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise VaultDamaged("vault.key is not a CoachDesk key file.")
        if raw.get("version") != VERSION:
            raise VaultDamaged(
                f"The key file has version {raw.get('version')!r}, which this CoachDesk "
                "does not know. Update CoachDesk."
            )
        body = {k: v for k, v in raw.items() if k != "checksum"}
        if not hmac.compare_digest(hashlib.sha256(_canonical(body)).hexdigest(),
                                   str(raw.get("checksum", ""))):
            raise KeyFileTampered(
                "The key file (vault.key) was altered or damaged; it was refused. "
                "Restore it from a backup."
            )
        try:
            slots = {
                name: Slot(KdfParams.from_dict(s["kdf"]), _unb64(s["salt"]),
                           _unb64(s["nonce"]), _unb64(s["wrapped_key"]))
                for name, s in raw["slots"].items()
            }
            kf = cls(str(raw["vault_id"]), str(raw["created_at"]), slots)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise KeyFileTampered("The key file is malformed; it was refused.") from None
        return kf, raw
