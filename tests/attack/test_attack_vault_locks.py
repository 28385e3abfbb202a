"""Item 19: vault.lock and failed-unlocks.log refuse symlinks (their targets untouched),
and the database itself is locked: deleting vault.lock does not let a second process in."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from coachdesk.errors import BadInput, VaultInUse, WrongSecret
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE


def test_deleted_vault_lock_still_keeps_a_second_process_out(vault, data_dir, passphrase_file):
    (data_dir / "vault.lock").unlink()
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "coachdesk",
            "--data-dir",
            str(data_dir),
            "check",
            "--passphrase-file",
            str(passphrase_file),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {"PYTHONPATH": os.getcwd()},
    )
    assert r.returncode == 5, r.stderr
    assert "open in another running CoachDesk" in r.stderr
    # and in this process too (a second Vault object)
    with pytest.raises(VaultInUse):
        Vault.open(data_dir, passphrase=PASSPHRASE)


def test_after_close_the_vault_opens_again(vault, data_dir):
    vault.close()
    with Vault.open(data_dir, passphrase=PASSPHRASE):
        pass


def test_symlinked_vault_lock_is_refused_and_its_target_untouched(vault, data_dir, tmp_path):
    vault.close()
    target = tmp_path / "precious.txt"
    target.write_text("do not overwrite\n")
    (data_dir / "vault.lock").unlink()
    (data_dir / "vault.lock").symlink_to(target)
    with pytest.raises(BadInput, match="link"):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    assert target.read_text() == "do not overwrite\n"


def test_symlinked_failed_unlocks_log_is_not_followed(vault, data_dir, tmp_path):
    vault.close()
    target = tmp_path / "precious.txt"
    target.write_text("do not append\n")
    (data_dir / "failed-unlocks.log").unlink()
    (data_dir / "failed-unlocks.log").symlink_to(target)
    with pytest.raises(WrongSecret):
        Vault.open(data_dir, passphrase="not the passphrase at all")
    assert target.read_text() == "do not append\n"
