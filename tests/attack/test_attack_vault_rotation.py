"""Item 14: change-passphrase rotates the data key (PRAGMA rekey), crash-safely; an old
key file or the old passphrase opens nothing newer; the recovery code follows the new
key; rotate-recovery-code issues a new code (CLI and audited)."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select

from coachdesk.cli.main import main
from coachdesk.errors import CoachDeskError, VaultDamaged, WrongSecret
from coachdesk.store import audit
from coachdesk.store import vault as vault_mod
from coachdesk.store.models import AuditEvent, Participant
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE


def pending_failures(data_dir):
    from coachdesk.store import failed_unlocks

    return failed_unlocks.read_and_verify(data_dir, None).failures


NEW = "a brand new passphrase"


def _add(vault, ref: str) -> None:
    with vault.session() as s:
        s.add(Participant(ref=ref, name="Cy Test"))
        s.commit()


def test_the_old_key_file_with_the_old_passphrase_opens_nothing_newer(
    vault_and_code, data_dir, tmp_path
):
    vault, code = vault_and_code
    old_key = (data_dir / "vault.key").read_bytes()
    vault.change_passphrase(NEW)
    _add(vault, "AFTER-1")
    vault.close()
    # the attacker's replay: the old key file back in place
    (data_dir / "vault.key").write_bytes(old_key)
    with pytest.raises(VaultDamaged):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    with pytest.raises(VaultDamaged):
        Vault.open(data_dir, recovery_code=code)
    assert pending_failures(data_dir) == []


def test_new_passphrase_and_the_same_recovery_code_open_the_rotated_vault(vault_and_code, data_dir):
    vault, code = vault_and_code
    assert vault.change_passphrase(NEW) is None  # the code stays
    _add(vault, "AFTER-1")
    vault.close()
    with pytest.raises(WrongSecret):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    with Vault.open(data_dir, passphrase=NEW) as v, v.session() as s:
        assert s.execute(select(Participant.ref)).scalars().all() == ["AFTER-1"]
        assert audit.verify(s) == []
    with Vault.open(data_dir, recovery_code=code) as v, v.session() as s:
        assert audit.verify(s) == []


@pytest.mark.parametrize("kill_at", ["before_rekey", "after_rekey"])
def test_killed_during_rotation_the_vault_still_opens(
    vault_and_code, data_dir, monkeypatch, kill_at
):
    vault, code = vault_and_code
    _add(vault, "BEFORE-1")

    class Killed(BaseException):
        pass

    def die(*_a, **_k):
        raise Killed

    # before_rekey: killed once vault.key.next is written, before PRAGMA rekey ran
    monkeypatch.setattr(
        vault_mod, "_commit_pending_key" if kill_at == "after_rekey" else "_rekey", die
    )
    with pytest.raises(Killed):
        vault.change_passphrase(NEW)
    monkeypatch.undo()
    # the process is gone: its locks and connections with it
    vault.engine.dispose()
    vault._lock.release()
    assert (data_dir / "vault.key.next").exists()
    if kill_at == "after_rekey":
        # the old passphrase: the database is under the new key already
        with pytest.raises(WrongSecret, match="interrupted"):
            Vault.open(data_dir, passphrase=PASSPHRASE)
        opener = {"passphrase": NEW}
    else:
        opener = {"passphrase": PASSPHRASE}
    with Vault.open(data_dir, **opener) as v, v.session() as s:
        assert s.execute(select(Participant.ref)).scalars().all() == ["BEFORE-1"]
        assert audit.verify(s) == []
    assert not (data_dir / "vault.key.next").exists()
    with Vault.open(data_dir, recovery_code=code):
        pass


def test_killed_after_rekey_the_recovery_code_finishes_it(vault_and_code, data_dir, monkeypatch):
    vault, code = vault_and_code

    def die(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(vault_mod, "_commit_pending_key", die)
    with pytest.raises(KeyboardInterrupt):
        vault.change_passphrase(NEW)
    monkeypatch.undo()
    vault.engine.dispose()
    vault._lock.release()
    with Vault.open(data_dir, recovery_code=code) as v, v.session() as s:
        assert audit.verify(s) == []
    with Vault.open(data_dir, passphrase=NEW):
        pass


def test_rotate_recovery_code_cli(vault_and_code, data_dir, passphrase_file, tmp_path, capsys):
    vault, old_code = vault_and_code
    vault.close()
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "rotate-recovery-code",
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    codes = [ln.strip() for ln in err.splitlines() if ln.strip().count("-") == 7]
    assert len(codes) == 1 and codes[0] != old_code
    with pytest.raises(WrongSecret):
        Vault.open(data_dir, recovery_code=old_code)
    with Vault.open(data_dir, recovery_code=codes[0]) as v, v.session() as s:
        actions = s.execute(select(AuditEvent.action)).scalars().all()
        assert "recovery_code_rotated" in actions
        assert audit.verify(s) == []
    with Vault.open(data_dir, passphrase=PASSPHRASE):
        pass


def test_rotate_recovery_code_wants_the_passphrase(vault):
    with pytest.raises(WrongSecret):
        vault.rotate_recovery_code("not the passphrase at all")


def test_an_old_style_recovery_slot_is_replaced_on_rotation(tmp_path):
    """vault-v1's recovery slot is sealed under the code itself: it cannot follow a new
    data key without the code, so change-passphrase issues a new code."""
    from pathlib import Path

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "vault-v1"
    d = tmp_path / "v1"
    shutil.copytree(fixture, d)
    with Vault.open(d, passphrase="vault-v1 fixture passphrase") as v:
        new_code = v.change_passphrase(NEW)
    assert new_code
    with pytest.raises(CoachDeskError):
        Vault.open(d, recovery_code="KCNL-D7Q6-O6PZ-J4HP-DSP5-V2K3-BG77-UTOK")
    with Vault.open(d, recovery_code=new_code) as v, v.session() as s:
        assert audit.verify(s) == []
