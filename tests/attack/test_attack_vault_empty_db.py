"""Item 1: a vault whose key file exists is never (re)created; an empty or schema-less
database is damage (exit 4, nothing written, no WAL/SHM left); `check` refuses a chain
that does not start with the vault's creation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlcipher3

from coachdesk.cli.main import main
from coachdesk.errors import VaultDamaged
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE


def _files(d: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in d.iterdir() if p.name != "vault.lock"}


@pytest.mark.parametrize("how", ["truncate", "empty-file"])
def test_empty_database_is_damage_and_nothing_is_written(
    vault, data_dir, passphrase_file, capsys, how
):
    vault.close()
    db = data_dir / "vault.db"
    if how == "truncate":
        os.truncate(db, 0)
    else:
        db.unlink()
        db.write_bytes(b"")
    before = _files(data_dir)
    assert (
        main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(passphrase_file)]) == 4
    )
    err = capsys.readouterr().err
    assert "empty or has no tables" in err and "Traceback" not in err
    assert _files(data_dir) == before, "nothing may be written"
    assert db.stat().st_size == 0
    assert not (data_dir / "vault.db-wal").exists()
    assert not (data_dir / "vault.db-shm").exists()
    with pytest.raises(VaultDamaged):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    assert db.stat().st_size == 0


def test_schema_less_database_with_the_right_key_is_damage(vault, data_dir):
    """A real SQLCipher database under the vault's key, but without a single table."""
    key = vault.raw_key_for_backup()
    vault.close()
    db = data_dir / "vault.db"
    conn = sqlcipher3.connect(str(db))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall():
        conn.execute(f'DROP TABLE "{name}"')
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(VaultDamaged, match="no tables"):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    assert db.read_bytes() == before
    assert not (data_dir / "vault.db-wal").exists()


def test_check_refuses_a_chain_without_its_creation_event(vault, data_dir, passphrase_file, capsys):
    """Even with every hash intact: the events before the first one were dropped."""
    from sqlalchemy import text

    from coachdesk.store import audit

    with vault.session() as s:
        s.execute(text("DELETE FROM audit_event"))
        audit.record(s, "settings_changed", {"field": "coach_name"})
        s.commit()
        problems = audit.verify(s)
    assert any("does not start with the vault's creation" in p for p in problems)
    vault.close()
    # (open also refuses it: the anchored length is longer than what is left)
    assert (
        main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(passphrase_file)]) == 4
    )
