"""The vault: keys, secrets, damage and tampering (security promises 1-3)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
import sqlcipher3

from coachdesk.errors import (
    BadInput,
    KeyFileTampered,
    VaultDamaged,
    VaultExists,
    VaultInUse,
    VaultMissing,
    WrongSecret,
)
from coachdesk.store import keyfile
from coachdesk.store.keyfile import TEST_KDF, KdfParams
from coachdesk.store.models import Participant
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE


def _add(vault: Vault, ref: str = "GK-1", name: str = "Ida Jensen") -> None:
    with vault.session() as s:
        s.add(Participant(ref=ref, name=name, search_key=name.lower()))
        s.commit()


def _names(vault: Vault) -> list[str]:
    with vault.session() as s:
        return [p.name for p in s.query(Participant).order_by(Participant.ref)]


def test_create_and_reopen_with_passphrase(vault, data_dir):
    _add(vault)
    vault.close()
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v2:
        assert _names(v2) == ["Ida Jensen"]


def test_database_file_is_not_plain_sqlite(vault, data_dir):
    _add(vault, name="Canary Plaintext Æblegrød")
    vault.close()
    raw = (data_dir / "vault.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"Canary Plaintext" not in raw
    # Plain SQLite cannot read it at all.
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(data_dir / "vault.db").execute("SELECT * FROM sqlite_master").fetchall()


def test_files_are_private_to_the_owner(vault, data_dir):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    for name in ("vault.db", "vault.key"):
        mode = stat.S_IMODE((data_dir / name).stat().st_mode)
        assert mode & 0o077 == 0, f"{name} is readable by others: {oct(mode)}"


def test_pragmas_in_force(vault):
    with vault.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        assert c.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")


def test_wrong_passphrase_is_refused_and_leaves_nothing_open(vault, data_dir):
    vault.close()
    with pytest.raises(WrongSecret, match="Wrong passphrase"):
        Vault.open(data_dir, passphrase="not the passphrase")
    # The failed attempt released the folder lock: a correct open works at once.
    Vault.open(data_dir, passphrase=PASSPHRASE).close()


def test_recovery_code_unlocks_in_any_spelling(vault_and_code, data_dir):
    vault, code = vault_and_code
    _add(vault)
    vault.close()
    sloppy = code.lower().replace("-", " ")
    with Vault.open(data_dir, recovery_code=sloppy) as v2:
        assert _names(v2) == ["Ida Jensen"]
    with pytest.raises(WrongSecret, match="recovery code"):
        Vault.open(data_dir, recovery_code="AAAA-" + code[5:])


def test_change_passphrase_rewraps_without_touching_the_data(vault, data_dir):
    _add(vault)
    db_salt = (data_dir / "vault.db").read_bytes()[:16]
    vault.change_passphrase("a brand new passphrase")
    vault.close()
    with pytest.raises(WrongSecret):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    with Vault.open(data_dir, passphrase="a brand new passphrase") as v2:
        assert _names(v2) == ["Ida Jensen"]
    # Same database key, same file: nothing was re-encrypted.
    assert (data_dir / "vault.db").read_bytes()[:16] == db_salt


def test_reset_with_recovery_code(vault_and_code, data_dir):
    vault, code = vault_and_code
    vault.close()
    with Vault.open(data_dir, recovery_code=code) as v2:
        v2.change_passphrase("forgot the old one")
    Vault.open(data_dir, passphrase="forgot the old one").close()


def test_short_passphrase_refused(tmp_path):
    with pytest.raises(BadInput, match="at least 8"):
        Vault.create(tmp_path / "v", "short", kdf=TEST_KDF)
    assert not (tmp_path / "v" / "vault.key").exists()


def test_create_refuses_an_existing_vault(vault, data_dir):
    with pytest.raises((VaultExists, VaultInUse)):
        Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)


def test_second_open_is_refused_while_in_use(vault, data_dir):
    with pytest.raises(VaultInUse, match="another running CoachDesk"):
        Vault.open(data_dir, passphrase=PASSPHRASE)


def test_missing_vault_and_missing_parts(tmp_path, vault, data_dir):
    with pytest.raises(VaultMissing, match="no vault"):
        Vault.open(tmp_path / "nowhere", passphrase=PASSPHRASE)
    vault.close()
    (data_dir / "vault.key").rename(tmp_path / "key.bak")
    with pytest.raises(VaultDamaged, match="key file"):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    (tmp_path / "key.bak").rename(data_dir / "vault.key")
    (data_dir / "vault.db").rename(tmp_path / "db.bak")
    with pytest.raises(VaultDamaged, match="database"):
        Vault.open(data_dir, passphrase=PASSPHRASE)


def test_tampered_kdf_parameters_are_refused(vault, data_dir):
    vault.close()
    path = data_dir / "vault.key"
    doc = json.loads(path.read_text())
    doc["slots"]["passphrase"]["kdf"]["iterations"] += 5
    path.write_text(json.dumps(doc))
    with pytest.raises(KeyFileTampered):
        Vault.open(data_dir, passphrase=PASSPHRASE)


def test_tampered_key_file_with_recomputed_checksum_is_still_refused(vault, data_dir):
    """Even an attacker who fixes up the checksum cannot weaken the parameters."""
    import hashlib

    vault.close()
    path = data_dir / "vault.key"
    doc = json.loads(path.read_text())
    doc["slots"]["passphrase"]["kdf"]["iterations"] += 1
    body = {k: v for k, v in doc.items() if k != "checksum"}
    doc["checksum"] = hashlib.sha256(keyfile._canonical(body)).hexdigest()
    path.write_text(json.dumps(doc))
    with pytest.raises((WrongSecret, KeyFileTampered)):
        Vault.open(data_dir, passphrase=PASSPHRASE)


def test_slot_swapped_in_from_another_vault_is_refused(vault, data_dir, tmp_path):
    """The MAC under the data key binds all slots to this vault."""
    import hashlib

    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, kdf=TEST_KDF)
    other.close()
    vault.close()
    mine = json.loads((data_dir / "vault.key").read_text())
    theirs = json.loads((tmp_path / "other" / "vault.key").read_text())
    mine["slots"]["recovery"] = theirs["slots"]["recovery"]
    body = {k: v for k, v in mine.items() if k != "checksum"}
    mine["checksum"] = hashlib.sha256(keyfile._canonical(body)).hexdigest()
    (data_dir / "vault.key").write_text(json.dumps(mine))
    with pytest.raises(KeyFileTampered, match="altered"):
        Vault.open(data_dir, passphrase=PASSPHRASE)


def test_garbage_key_file(vault, data_dir):
    vault.close()
    (data_dir / "vault.key").write_bytes(b"\x00\x01not json")
    with pytest.raises(VaultDamaged, match="key file"):
        Vault.open(data_dir, passphrase=PASSPHRASE)


def _flip_middle(path: Path) -> None:
    n = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(n // 2)
        chunk = f.read(32)
        f.seek(n // 2)
        f.write(bytes(b ^ 0xFF for b in chunk))


def _fill(vault: Vault, n: int = 300) -> None:
    with vault.session() as s:
        s.add_all(
            Participant(ref=f"R{i}", name=f"Person {i} " + "x" * 200, search_key="")
            for i in range(n)
        )
        s.commit()


def test_bit_flip_mid_file_is_detected(vault, data_dir):
    _fill(vault)
    vault.close()
    _flip_middle(data_dir / "vault.db")
    try:
        v2 = Vault.open(data_dir, passphrase=PASSPHRASE)
    except VaultDamaged:
        return  # detected at unlock: fine
    with v2:
        assert v2.integrity_errors(), "a flipped page must fail the integrity check"


def test_truncated_file_is_detected(vault, data_dir):
    _fill(vault)
    vault.close()
    db = data_dir / "vault.db"
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size // 2)
    try:
        v2 = Vault.open(data_dir, passphrase=PASSPHRASE)
    except VaultDamaged:
        return
    with v2:
        assert v2.integrity_errors()


def test_header_damage_is_detected_at_unlock_without_sqlcipher_noise(vault, data_dir, capfd):
    vault.close()
    db = data_dir / "vault.db"
    with db.open("r+b") as f:
        f.seek(100)
        f.write(b"\xff" * 64)
    with pytest.raises(VaultDamaged, match="damaged"):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    out, err = capfd.readouterr()
    assert "hmac" not in (out + err).lower()
    assert "sqlcipher" not in (out + err).lower()


def test_kdf_tuning_meets_the_floor():
    params = keyfile.tune(target_seconds=0.05)
    assert params.memory_kib >= 64 * 1024
    assert params.iterations >= keyfile.MIN_ITERATIONS


@pytest.mark.slow
def test_production_parameters_round_trip(tmp_path):
    """The real Argon2id parameters (about 0.5 s) unlock, once."""
    vault, _code = Vault.create(tmp_path / "prod", PASSPHRASE)
    slot = vault.key_file.slots["passphrase"]
    assert slot.kdf.memory_kib >= 64 * 1024 and slot.kdf.iterations >= keyfile.MIN_ITERATIONS
    vault.close()
    Vault.open(tmp_path / "prod", passphrase=PASSPHRASE).close()


def test_raw_key_is_wiped_on_close(vault):
    key_ref = vault._key
    vault.close()
    assert not vault.is_open
    assert all(b == 0 for b in key_ref)


def test_kdf_params_from_dict_rejects_unknown_algorithms():
    with pytest.raises(KeyFileTampered):
        KdfParams.from_dict({"algorithm": "md5", "memory_kib": 1, "iterations": 1, "lanes": 1})


def test_sqlcipher_refuses_a_wrong_raw_key(vault, data_dir):
    """Belt and braces: the database itself rejects any key but the data key."""
    vault.close()
    conn = sqlcipher3.connect(str(data_dir / "vault.db"))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()


def test_failed_unlocks_reach_the_audit_log_at_the_next_unlock(vault, data_dir):
    from coachdesk.store import audit
    from coachdesk.store.models import AuditEvent

    vault.close()
    for _ in range(2):
        with pytest.raises(WrongSecret):
            Vault.open(data_dir, passphrase="guessing wrong")
    assert (data_dir / "failed-unlocks.log").exists()
    assert b"guessing" not in (data_dir / "failed-unlocks.log").read_bytes()
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v2, v2.session() as s:
        actions = [e.action for e in s.query(AuditEvent).order_by(AuditEvent.id)]
        assert actions[-3:] == ["unlock_failed", "unlock_failed", "unlock"]
        assert audit.verify(s) == []
    # the log starts again, empty (store/failed_unlocks.py)
    from coachdesk.store import failed_unlocks

    assert failed_unlocks.read_and_verify(data_dir, None).failures == []


def test_vault_moved_while_open_gives_a_clear_error_and_creates_nothing(vault, data_dir, tmp_path):
    _add(vault)
    moved = tmp_path / "moved-away"
    data_dir.rename(moved)
    vault.engine.dispose()  # the next unit of work needs a new connection
    with pytest.raises(VaultMissing, match="moved or deleted"):
        _names(vault)
    assert not data_dir.exists()  # no empty database was made in the old place
    moved.rename(data_dir)
    assert _names(vault) == ["Ida Jensen"]


def test_data_folder_with_uri_characters(tmp_path):
    """The vault opens through a file: URI; spaces, # and ? in the path must survive."""
    d = tmp_path / "Mine dokumenter #2 ?æøå"
    v, _ = Vault.create(d, PASSPHRASE, kdf=TEST_KDF)
    _add(v)
    v.close()
    with Vault.open(d, passphrase=PASSPHRASE) as v2:
        assert _names(v2) == ["Ida Jensen"]


def test_read_raw_reads_in_a_transaction_that_is_rolled_back(vault) -> None:
    """read_raw hands the driver's connection inside a read transaction of its own;
    anything written through it is undone, and a locked vault refuses it."""
    from coachdesk.errors import VaultLocked

    def peek(conn, extra):
        assert conn.in_transaction
        conn.execute("INSERT INTO setting (key, value) VALUES ('raw_probe', '1')")
        return (
            conn.execute("SELECT count(*) FROM setting WHERE key = 'raw_probe'").fetchone()[0]
            + extra
        )

    assert vault.read_raw(peek, 10) == 11
    assert (
        vault.read_raw(
            lambda c: c.execute("SELECT count(*) FROM setting WHERE key = 'raw_probe'").fetchone()[
                0
            ]
        )
        == 0
    )
    vault.close()
    with pytest.raises(VaultLocked):
        vault.read_raw(lambda c: 0)
