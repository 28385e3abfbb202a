"""Item 20: a key file with a changed vault_id, or one from another vault, is "does not
belong to this vault" (exit 4), not "Wrong passphrase", and not a failed unlock."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from coachdesk.cli.main import main
from coachdesk.errors import KeyFileTampered
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE


def pending_failures(data_dir):
    from coachdesk.store import failed_unlocks

    return failed_unlocks.read_and_verify(data_dir, None).failures


def _recompute_checksum(raw: dict) -> dict:
    raw.pop("checksum", None)
    canon = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    raw["checksum"] = hashlib.sha256(canon.encode()).hexdigest()
    return raw


def test_changed_vault_id_is_not_a_wrong_passphrase(vault, data_dir, passphrase_file, capsys):
    vault.close()
    raw = json.loads((data_dir / "vault.key").read_bytes())
    raw["vault_id"] = "0" * 32
    (data_dir / "vault.key").write_text(json.dumps(_recompute_checksum(raw)))
    with pytest.raises(KeyFileTampered, match="does not belong"):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    assert (
        main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(passphrase_file)]) == 4
    )
    err = capsys.readouterr().err
    assert "does not belong" in err and "Wrong passphrase" not in err
    assert pending_failures(data_dir) == []


@pytest.mark.parametrize("same_passphrase", [True, False])
def test_key_file_from_another_vault(
    vault, data_dir, tmp_path, passphrase_file, capsys, same_passphrase
):
    vault.close()
    other, _ = Vault.create(
        tmp_path / "other",
        PASSPHRASE if same_passphrase else "the other coach's phrase",
        kdf=TEST_KDF,
    )
    other.close()
    shutil.copy(tmp_path / "other" / "vault.key", data_dir / "vault.key")
    with pytest.raises(KeyFileTampered, match="does not belong"):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    assert (
        main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(passphrase_file)]) == 4
    )
    err = capsys.readouterr().err
    assert "does not belong" in err and "Wrong passphrase" not in err
    assert pending_failures(data_dir) == []


def test_an_old_key_file_is_bound_to_its_database_at_the_first_unlock(tmp_path):
    from pathlib import Path

    from coachdesk.store.keyfile import KeyFile

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "vault-v1"
    d = tmp_path / "v1"
    shutil.copytree(fixture, d)
    assert KeyFile.parse((d / "vault.key").read_bytes())[0].db_salt is None
    Vault.open(d, passphrase="vault-v1 fixture passphrase").close()
    kf = KeyFile.parse((d / "vault.key").read_bytes())[0]
    assert kf.db_salt == (d / "vault.db").read_bytes()[:16].hex()
    assert kf.slots["passphrase"].check is not None  # the slot used got its check value
