"""The bulk importer (Core executemany) writes exactly what the ORM objects would."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from coachdesk.core import pss10
from coachdesk.store import interchange
from coachdesk.store.demo import demo_document
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.models import AuditEvent, Participant, SessionLog
from coachdesk.store.vault import Vault

TODAY = dt.date(2026, 11, 27)


def _export(vault: Vault) -> list[dict]:
    with vault.session() as s:
        doc = interchange.export_document(s, None, today=TODAY, params=pss10.Params())
    return doc["participants"]


def test_bulk_import_equals_orm_objects(vault, tmp_path):
    doc = demo_document(40, seed=11, today=TODAY)
    with vault.session() as s:
        r = interchange.import_document(s, doc, today=TODAY)
        s.commit()
    assert r.added == 40
    other, _ = Vault.create(tmp_path / "orm", "correct horse battery", kdf=TEST_KDF)
    try:
        with other.session() as s:
            s.add_all(interchange.participant_from_dict(d, TODAY) for d in doc["participants"])
            s.commit()
        assert _export(vault) == _export(other)
    finally:
        other.close()


def test_bulk_import_keeps_uids_on_replace_and_audits_each_person(vault):
    doc = demo_document(12, seed=5, today=TODAY)
    with vault.session() as s:
        interchange.import_document(s, doc, today=TODAY)
        s.commit()
        before = dict(s.execute(select(Participant.ref, Participant.uid)).all())
        n_sessions = s.execute(select(func.count(SessionLog.id))).scalar()
    with vault.session() as s:
        r = interchange.import_document(s, doc, today=TODAY, replace=True)
        s.commit()
        after = dict(s.execute(select(Participant.ref, Participant.uid)).all())
        # The replaced people's old sessions are replaced, not doubled.
        assert s.execute(select(func.count(SessionLog.id))).scalar() == n_sessions
        created = (
            s.execute(select(AuditEvent.subject).where(AuditEvent.action == "participant_created"))
            .scalars()
            .all()
        )
        changed = (
            s.execute(select(AuditEvent.subject).where(AuditEvent.action == "participant_changed"))
            .scalars()
            .all()
        )
    assert (r.added, r.replaced) == (0, 12)
    assert after == before
    # Created once; a replace is a change of the same person (same row, same uid).
    assert sorted(created) == sorted(before.values())
    assert sorted(changed) == sorted(before.values())
    assert vault.integrity_errors() == []
    with vault.session() as s:
        from coachdesk.store import audit

        assert audit.verify(s) == []
