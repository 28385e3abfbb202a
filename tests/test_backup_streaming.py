"""Backups in constant memory (issue 19 item 2): written, verified and restored in chunks.

What is asserted is behaviour, not a measurement of the machine: every read the backup
code makes of a file is at most one chunk and the database passes through those reads
(not through one whole-file ``read_bytes``), and the Python memory a backup or a
restore allocates (tracemalloc, deterministic) stays far below the database's size.
The file keeps the documented layout (security.md section 6), read here by a reader
written from that description alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import struct
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from coachdesk.store import backup, interchange
from coachdesk.store.demo import demo_document
from coachdesk.store.keyfile import TEST_KDF, KeyFile
from coachdesk.store.models import Participant
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE

SMALL_CHUNK = 64 * 1024
PEOPLE = 2000


class _CountingFile:
    """A file opened by store/backup.py, recording the size of every read."""

    def __init__(self, fh: Any, sizes: list[int]) -> None:
        self._fh = fh
        self._sizes = sizes

    def read(self, n: int = -1) -> bytes:
        data = self._fh.read(n)
        self._sizes.append(len(data) if n is None or n < 0 else n)
        return data

    def __enter__(self) -> _CountingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory) -> Path:
    """A vault whose database is several MiB: many chunks of SMALL_CHUNK."""
    d = tmp_path_factory.mktemp("streaming") / "vault"
    v, _ = Vault.create(d, PASSPHRASE, kdf=TEST_KDF)
    with v.session() as s:
        interchange.import_document(s, demo_document(PEOPLE, seed=19))
        s.commit()
    v.close()
    return d


def _independent_read(data: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    """MAGIC (8) | header length (4, big-endian) | header JSON | key file | database |
    SHA-256 (32): the layout the module docstring and security.md describe."""
    assert data[:8] == b"CDBACKUP"
    assert hashlib.sha256(data[:-32]).digest() == data[-32:]
    (n,) = struct.unpack(">I", data[8:12])
    header = json.loads(data[12 : 12 + n])
    k, d = header["key_file_size"], header["database_size"]
    key_file = data[12 + n : 12 + n + k]
    database = data[12 + n + k : -32]
    assert len(database) == d
    return header, key_file, database


def test_backup_reads_in_chunks_and_keeps_the_format(big_vault, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "CHUNK", SMALL_CHUNK, raising=False)
    sizes: list[int] = []
    real_open = open
    monkeypatch.setattr(
        backup,
        "open",
        lambda *a, **k: _CountingFile(real_open(*a, **k), sizes),
        raising=False,
    )
    out = tmp_path / "coachdesk-20260101-120000.cdbackup"
    with Vault.open(big_vault, passphrase=PASSPHRASE) as v:
        info = backup.create_backup(v, out)
        raw_key = v.raw_key_for_backup()
    header, key_file, database = _independent_read(out.read_bytes())
    assert len(database) > 40 * SMALL_CHUNK  # a database of many chunks
    # The copy is read once to write the file and the file once to verify it, all of it
    # through reads of at most one chunk.
    assert sizes, "the files were not read through chunked reads"
    assert max(sizes) <= SMALL_CHUNK
    assert sum(sizes) >= 2 * len(database)
    assert (
        info.size == out.stat().st_size
        and info.sha256 == hashlib.sha256(out.read_bytes()[:-32]).hexdigest()
    )
    # The parts are what they always were: the vault's key file, and a database that
    # SQLCipher opens with the vault's key and that holds everyone.
    KeyFile.parse(key_file)
    assert header["database_size"] == len(database)
    copy = tmp_path / "copy.db"
    copy.write_bytes(database)
    conn = sqlcipher3.connect(str(copy))
    try:
        conn.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
        assert conn.execute("SELECT count(*) FROM participant").fetchone()[0] == PEOPLE
    finally:
        conn.close()


def test_restore_reads_in_chunks(big_vault, tmp_path, monkeypatch):
    out = tmp_path / "coachdesk-20260101-120000.cdbackup"
    with Vault.open(big_vault, passphrase=PASSPHRASE) as v:
        backup.create_backup(v, out)
    db_size = backup.read_backup_info(out)["database_size"]
    monkeypatch.setattr(backup, "CHUNK", SMALL_CHUNK, raising=False)
    sizes: list[int] = []
    real_open = open
    monkeypatch.setattr(
        backup,
        "open",
        lambda *a, **k: _CountingFile(real_open(*a, **k), sizes),
        raising=False,
    )
    assert backup.restore_backup(out, tmp_path / "restored", passphrase=PASSPHRASE) == PEOPLE
    # Checked once (the checksum) and copied once (hashed again on the way).
    assert sizes, "the files were not read through chunked reads"
    assert max(sizes) <= SMALL_CHUNK
    assert sum(sizes) >= 2 * db_size
    with Vault.open(tmp_path / "restored", passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.query(Participant).count() == PEOPLE


def _peak(fn: Any) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_backup_and_restore_memory_does_not_hold_the_database(big_vault, tmp_path, monkeypatch):
    """Python allocations (tracemalloc: deterministic, not the machine's RSS) of a backup
    and a restore stay well below the database: before issue 19 they were about five
    times it (the copy, the container, the read-back, its body, its slices)."""
    monkeypatch.setattr(backup, "CHUNK", SMALL_CHUNK, raising=False)
    folder = tmp_path / "bk"
    folder.mkdir()
    with Vault.open(big_vault, passphrase=PASSPHRASE) as v:
        # A first run of each imports what it needs; the second is measured.
        backup.create_backup(v, folder / "coachdesk-20260101-120000.cdbackup")
        out = folder / "coachdesk-20260102-120000.cdbackup"
        backup_peak = _peak(lambda: backup.create_backup(v, out))
    db_size = backup.read_backup_info(out)["database_size"]
    backup.restore_backup(out, tmp_path / "warm", passphrase=PASSPHRASE)
    restore_peak = _peak(
        lambda: backup.restore_backup(out, tmp_path / "restored", passphrase=PASSPHRASE)
    )
    info_peak = _peak(lambda: backup.read_backup_info(out))
    assert db_size > 40 * SMALL_CHUNK
    assert backup_peak < db_size / 4, (backup_peak, db_size)
    assert restore_peak < db_size / 4, (restore_peak, db_size)
    assert info_peak < 8 * SMALL_CHUNK, (info_peak, db_size)


def test_a_file_that_does_not_read_back_as_written_is_removed(big_vault, tmp_path, monkeypatch):
    """The verification after writing: the drive stored something else than was sent
    (simulated by changing one byte of the database in the file as it is written)."""
    real = backup._write_container

    def drive_flips_a_byte(fh, head, key_bytes, db, db_size):
        digest = real(fh, head, key_bytes, db, db_size)
        middle = db_size // 2
        db.seek(middle)
        fh.seek(-32 - db_size + middle, 2)
        fh.write(bytes([db.read(1)[0] ^ 0xFF]))
        fh.seek(0, 2)
        return digest

    monkeypatch.setattr(backup, "_write_container", drive_flips_a_byte)
    out = tmp_path / "coachdesk-20260101-120000.cdbackup"
    with Vault.open(big_vault, passphrase=PASSPHRASE) as v:
        with v.session() as s:
            before = backup.last_good_backup(s)
        with pytest.raises(backup.BackupFailed, match="did not read back as written"):
            backup.create_backup(v, out, now=dt.datetime(2030, 1, 1, 12, 0))
        with v.session() as s:  # not recorded as a good backup
            assert backup.last_good_backup(s) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == []
