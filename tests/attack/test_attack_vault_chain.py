"""Item 12: the audit chain is keyed, covers every field that survives redaction, chains
the disclosure log, and old vaults are re-chained once after their old chain verified."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from coachdesk.cli.main import main
from coachdesk.errors import VaultDamaged
from coachdesk.store import audit
from coachdesk.store.models import AuditEvent, Disclosure, Participant
from coachdesk.store.vault import Vault

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "vault-v1"
FIXTURE_PASSPHRASE = "vault-v1 fixture passphrase"


def _person(vault, ref="A-1") -> int:
    with vault.session() as s:
        p = Participant(ref=ref, name="Ada Test")
        s.add(p)
        s.flush()
        audit.record(s, "participant_created", subject=p.uid)
        s.commit()
        return p.id


def _rechain_unkeyed(s) -> None:
    """What a key holder with an SQL shell did to the old chain: recompute SHA-256."""
    prev = audit.GENESIS
    for ev in s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
        ev.prev_hash = prev
        ev.hash = hashlib.sha256((prev + ev.content_hash).encode()).hexdigest()
        prev = ev.hash
    s.flush()


def test_deleting_the_tail_and_recomputing_is_found(vault):
    _person(vault)
    with vault.session() as s:
        last = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc())).scalars().first()
        s.delete(last)
        s.flush()
        _rechain_unkeyed(s)
        s.commit()
        assert audit.verify(s), "an unkeyed recomputation must not verify"


def test_editing_and_recomputing_without_the_key_is_found(vault):
    _person(vault)
    with vault.session() as s:
        ev = s.execute(
            select(AuditEvent).where(AuditEvent.action == "participant_created")
        ).scalar_one()
        ev.action = "participant_read"  # make a creation look like a mere read
        s.flush()
        _rechain_unkeyed(s)
        s.commit()
        assert any("keyed hash" in p for p in audit.verify(s))


def test_redacted_events_keep_time_and_action_under_the_hash(vault):
    from coachdesk.store.erasure import erase_participant

    _person(vault, "A-1")
    erase_participant(vault, "A-1")
    with vault.session() as s:
        assert audit.verify(s) == []
        ev = s.execute(select(AuditEvent).where(AuditEvent.redacted)).scalars().first()
        assert ev is not None
        ev.action = "search"  # a redacted row re-labelled
        s.commit()
        assert any("keyed hash" in p for p in audit.verify(s))


def test_redacting_an_event_that_was_not_about_a_person_is_found(vault):
    with vault.session() as s:
        audit.record(s, "backup", {"sha256": "0" * 64})
        s.commit()
        s.execute(
            text(
                "UPDATE audit_event SET detail = NULL, nonce = NULL, redacted = 1 "
                "WHERE action = 'backup'"
            )
        )
        s.commit()
        problems = audit.verify(s)
    assert problems


def test_disclosure_rows_are_chained(vault):
    pid = _person(vault)
    with vault.session() as s:
        s.add(
            Disclosure(
                participant_id=pid,
                recipient="Jobcenter",
                kind="json",
                sections=["full_record"],
                sha256="a" * 64,
            )
        )
        s.commit()
        assert audit.verify(s) == []
        # changed afterwards
        s.execute(text("UPDATE disclosure SET recipient = 'nobody'"))
        s.commit()
        assert any("changed after it was recorded" in p for p in audit.verify(s))
        # deleted
        s.execute(text("DELETE FROM disclosure"))
        s.commit()
        assert any("missing" in p for p in audit.verify(s))
        # added behind the chain's back
        s.execute(
            text(
                "INSERT INTO disclosure (id, participant_id, at, kind, sections, "
                "sha256, encrypted) VALUES (99, :p, '2026-01-01 00:00:00', 'json', "
                "'[]', :h, 0)"
            ),
            {"p": pid, "h": "b" * 64},
        )
        s.commit()
        assert any("not in the audit chain" in p for p in audit.verify(s))


def test_the_channel_of_a_disclosure_is_under_its_mac(vault):
    """How a report left (Digital Post, handed over, ...) cannot be changed afterwards."""
    pid = _person(vault)
    with vault.session() as s:
        s.add(
            Disclosure(
                participant_id=pid,
                recipient="Kommunen",
                kind="pdf",
                sections=["course"],
                sha256="c" * 64,
                channel="digital_post",
            )
        )
        s.commit()
        assert audit.verify(s) == []
        s.execute(text("UPDATE disclosure SET channel = 'handed_over'"))
        s.commit()
        assert any("changed after it was recorded" in p for p in audit.verify(s))


def test_disclosures_of_an_erased_person_go_with_them(vault):
    from coachdesk.store.erasure import erase_participant

    pid = _person(vault, "A-1")
    with vault.session() as s:
        s.add(Disclosure(participant_id=pid, kind="json", sections=[], sha256="a" * 64))
        s.commit()
    erase_participant(vault, "A-1")
    with vault.session() as s:
        assert audit.verify(s) == []


def test_the_fixture_vault_is_rechained_once_after_its_old_chain_verified(tmp_path):
    d = tmp_path / "v1"
    shutil.copytree(FIXTURE, d)
    with Vault.open(d, passphrase=FIXTURE_PASSPHRASE) as v, v.session() as s:
        assert audit.verify(s) == []
        upgrades = (
            s.execute(select(AuditEvent).where(AuditEvent.action == "audit_upgraded"))
            .scalars()
            .all()
        )
        assert len(upgrades) == 1
    with Vault.open(d, passphrase=FIXTURE_PASSPHRASE) as v, v.session() as s:
        assert audit.verify(s) == []
        assert (
            len(
                s.execute(select(AuditEvent).where(AuditEvent.action == "audit_upgraded"))
                .scalars()
                .all()
            )
            == 1
        )
    assert main(["--data-dir", str(d), "check", "--passphrase-file", str(_pf(tmp_path))]) == 0


def _pf(tmp_path: Path) -> Path:
    f = tmp_path / "fixture-pass.txt"
    f.write_text(FIXTURE_PASSPHRASE + "\n", encoding="utf-8")
    return f


def test_a_tampered_old_chain_is_not_laundered_by_the_upgrade(tmp_path):
    """The old unkeyed chain is verified first; a broken one is refused, not re-chained."""
    import sqlcipher3

    from coachdesk.store.keyfile import KeyFile

    d = tmp_path / "v1"
    shutil.copytree(FIXTURE, d)
    kf, _raw = KeyFile.parse((d / "vault.key").read_bytes())
    key = kf.unwrap("passphrase", FIXTURE_PASSPHRASE.encode())
    conn = sqlcipher3.connect(str(d / "vault.db"))
    conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
    conn.execute(
        "UPDATE audit_event SET action = 'search' WHERE id = (SELECT max(id) FROM audit_event)"
    )
    conn.commit()
    conn.close()
    with pytest.raises(VaultDamaged, match="broken before"):
        Vault.open(d, passphrase=FIXTURE_PASSPHRASE)


def test_app_code_paths_that_change_disclosures_are_chained(vault):
    """Bulk UPDATE/DELETE through the session and a participant deleted (its
    disclosures go by ON DELETE CASCADE) are recorded, so `check` stays true for every
    path of the app; only a write around the session (above) is found as tampering."""
    from sqlalchemy import delete, update

    a, b, c = _person(vault, "A-1"), _person(vault, "B-1"), _person(vault, "C-1")
    with vault.session() as s:
        for pid in (a, b, c):
            s.add(Disclosure(participant_id=pid, kind="json", sections=[], sha256="a" * 64))
        s.commit()
        s.execute(
            update(Disclosure).where(Disclosure.participant_id == a).values(recipient="corrected")
        )
        s.commit()
        assert audit.verify(s) == []
        s.execute(delete(Participant).where(Participant.ref == "B-1"))  # import --replace
        s.commit()
        assert audit.verify(s) == []
        s.delete(s.get(Participant, c))
        s.commit()
        assert audit.verify(s) == []
        assert s.execute(select(Disclosure.participant_id)).scalars().all() == [a]


def test_an_old_vaults_disclosure_log_enters_the_chain_at_the_upgrade(tmp_path):
    """A vault made before the chain covered disclosures (its rows written around the
    hooks, as the old code did) verifies after its first unlock."""
    import sqlcipher3

    from coachdesk.store.keyfile import KeyFile

    d = tmp_path / "v1"
    shutil.copytree(FIXTURE, d)
    kf, _raw = KeyFile.parse((d / "vault.key").read_bytes())
    key = kf.unwrap("passphrase", FIXTURE_PASSPHRASE.encode())
    conn = sqlcipher3.connect(str(d / "vault.db"))
    conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
    conn.execute(
        "INSERT INTO disclosure (participant_id, at, recipient, kind, sections, "
        "sha256, encrypted) SELECT id, '2026-11-27 10:00:00', 'Jobcenter', "
        "'json', '[\"full_record\"]', :h, 0 FROM participant",
        {"h": "f" * 64},
    )
    conn.commit()
    conn.close()
    with Vault.open(d, passphrase=FIXTURE_PASSPHRASE) as v, v.session() as s:
        assert s.execute(select(Disclosure)).scalars().all()
        assert audit.verify(s) == []
        s.execute(text("UPDATE disclosure SET recipient = 'nobody'"))
        s.commit()
        assert any("changed after it was recorded" in p for p in audit.verify(s))
