"""Item 19 (second half): failed-unlocks.log cannot be silently trimmed. Removing lines,
cutting the tail, editing or deleting the log is found at the next unlock and recorded
in the audit log (store/failed_unlocks.py; the residual risk is in docs/security.md)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from coachdesk.errors import WrongSecret
from coachdesk.store import audit
from coachdesk.store.models import AuditEvent
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE

LOG = "failed-unlocks.log"


def _guess(data_dir, n: int) -> None:
    for _ in range(n):
        with pytest.raises(WrongSecret):
            Vault.open(data_dir, passphrase="a wrong guess, again")


def _unlock_actions(data_dir) -> tuple[list[str], list[dict]]:
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v, v.session() as s:
        assert audit.verify(s) == []
        evs = s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars().all()
        last_unlock = (
            max(i for i, e in enumerate(evs[:-1]) if e.action == "unlock")
            if sum(e.action == "unlock" for e in evs) > 1
            else 0
        )
        new = evs[last_unlock + 1 :]
        return [e.action for e in new], [
            e.detail or {} for e in new if e.action == "failed_unlocks_log_altered"
        ]


def test_untouched_log_reaches_the_audit_log_verified(vault, data_dir):
    vault.close()
    _guess(data_dir, 3)
    actions, altered = _unlock_actions(data_dir)
    assert actions.count("unlock_failed") == 3 and altered == []


@pytest.mark.parametrize(
    "attack", ["cut-tail", "remove-middle", "delete-file", "edit-time", "replace-with-plain"]
)
def test_trimmed_log_is_found(vault, data_dir, attack):
    vault.close()
    _guess(data_dir, 3)
    path = data_dir / LOG
    lines = path.read_text().splitlines()
    if attack == "cut-tail":
        path.write_text("\n".join(lines[:-2]) + "\n")
    elif attack == "remove-middle":
        path.write_text("\n".join(lines[:3] + lines[4:]) + "\n")
    elif attack == "delete-file":
        path.unlink()
    elif attack == "edit-time":
        _at, how, mac = lines[2].split(" ")
        edited = [*lines[:2], f"2020-01-01T00:00:00+00:00 {how} {mac}", *lines[3:]]
        path.write_text("\n".join(edited) + "\n")
    else:
        path.write_text("")
    actions, altered = _unlock_actions(data_dir)
    assert altered, f"{attack} went unnoticed"
    assert "failed_unlocks_log_altered" in actions


def test_a_restored_vault_is_not_taken_for_a_deleted_log(vault, data_dir, tmp_path):
    """A backup carries no failed-unlocks log: its absence beside the restored database
    (a new file) is a restore, not an attack."""
    from coachdesk.store.backup import create_backup, restore_backup

    create_backup(vault, tmp_path / "b.cdbackup")
    vault.close()
    restore_backup(tmp_path / "b.cdbackup", tmp_path / "restored", passphrase=PASSPHRASE)
    with Vault.open(tmp_path / "restored", passphrase=PASSPHRASE) as v, v.session() as s:
        actions = s.execute(select(AuditEvent.action)).scalars().all()
    assert "restore" in actions and "failed_unlocks_log_altered" not in actions
