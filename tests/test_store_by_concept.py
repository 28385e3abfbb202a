"""The store's doors for the GUI (issue 18 item 2): ``Vault.read``/``Vault.write`` run one
store function as a unit of work, ``drafts.Slot`` saves a record and clears its draft
together, and the store (not the widget) checks that a record belongs to the person."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from coachdesk.errors import BadInput
from coachdesk.store import assessments, drafts, jobplans, participants, sessions
from coachdesk.store.models import AuditEvent, SessionLog
from coachdesk.store.vault import Vault

TODAY = dt.date.today()


def _person(vault: Vault, ref: str) -> int:
    return vault.write(participants.create_participant, {"ref": ref, "name": f"Person {ref}"}).id


def _events(vault: Vault) -> int:
    with vault.session() as s:
        return int(s.execute(select(func.count()).select_from(AuditEvent)).scalar_one())


def test_write_commits_and_read_does_not(vault: Vault) -> None:
    pid = _person(vault, "W-1")
    assert vault.read(participants.record_of, pid)["name"] == "Person W-1"
    before = _events(vault)
    # A read that audits (the page's open) is rolled back by read, kept by write.
    vault.read(participants.record_of, pid, audit_read=True)
    assert _events(vault) == before
    vault.write(participants.record_of, pid, audit_read=True)
    assert _events(vault) == before + 1


def test_write_commits_nothing_when_the_function_raises(vault: Vault) -> None:
    pid = _person(vault, "W-2")
    before = _events(vault)

    def half_done(session, participant_id: int) -> None:
        participants.update_participant(session, participant_id, {"name": "Changed"})
        raise BadInput("refused after the change")

    with pytest.raises(BadInput):
        vault.write(half_done, pid)
    assert vault.read(participants.record_of, pid)["name"] == "Person W-2"
    assert _events(vault) == before


def test_draft_slot_save_clears_the_draft_with_the_save(vault: Vault) -> None:
    pid = _person(vault, "D-1")
    slot = drafts.Slot(vault, pid, f"outcome:{pid}")
    slot.keep({"changes": {"report_summary": "Kladde"}})
    assert slot.read() == {"changes": {"report_summary": "Kladde"}}
    assert vault.read(drafts.draft_keys, pid) == {f"outcome:{pid}"}

    # A refused save keeps the draft (and changes nothing).
    with pytest.raises(BadInput):
        slot.save(participants.update_participant, pid, {"ref": ""})
    assert slot.read() is not None

    slot.save(participants.update_participant, pid, {"report_summary": "Gemt"})
    assert slot.read() is None
    assert vault.read(participants.record_of, pid)["report_summary"] == "Gemt"

    slot.keep({"changes": {}})
    slot.discard()
    assert vault.read(drafts.draft_keys, pid) == set()


def test_draft_slot_save_rekeyed_follows_a_new_session_to_its_id(vault: Vault) -> None:
    pid = _person(vault, "D-2")
    slot = drafts.Slot(vault, pid, f"session:{pid}:new")
    slot.keep({"session": {"notes": "x"}})
    saved = slot.save_rekeyed(
        lambda done: f"session:{pid}:{done.id}",
        sessions.save_and_plan,
        pid,
        {"date": TODAY.isoformat(), "status": "held"},
        None,
        confirmed=True,
        saved_next=None,
    )
    assert slot.key == f"session:{pid}:{saved.id}"
    assert vault.read(drafts.draft_keys, pid) == set()
    assert vault.read(sessions.for_editor, pid, saved.id).data is not None


def test_the_session_editor_never_opens_another_persons_session(vault: Vault) -> None:
    mine, theirs = _person(vault, "O-1"), _person(vault, "O-2")
    theirs_session = vault.write(
        sessions.save_session, theirs, {"date": TODAY.isoformat(), "status": "held"}
    ).id
    assert vault.read(sessions.for_editor, theirs, theirs_session).data is not None
    assert vault.read(sessions.for_editor, mine, theirs_session).data is None
    with pytest.raises(BadInput):
        vault.write(sessions.save_session, mine, {"date": TODAY.isoformat()}, theirs_session)
    with vault.session() as s:
        row = s.get(SessionLog, theirs_session)
        assert row is not None and row.participant_id == theirs


def test_a_questionnaire_form_opens_only_the_persons_own(vault: Vault) -> None:
    mine, theirs = _person(vault, "Q-1"), _person(vault, "Q-2")
    aid = vault.write(
        assessments.save_assessment, theirs, "screening", TODAY, [2] * 10, today=TODAY
    ).id
    own = vault.read(assessments.for_form, theirs, aid)
    assert own is not None and own.answers == [2] * 10 and own.instrument == "pss10"
    assert vault.read(assessments.for_form, mine, aid) is None


def test_save_new_version_says_whether_a_version_was_added(vault: Vault) -> None:
    pid = _person(vault, "J-1")
    plan = {"goals": [{"text": "Fast pause", "status": "open"}]}
    assert vault.write(jobplans.save_new_version, pid, plan) is True
    assert vault.write(jobplans.save_new_version, pid, plan) is False
    assert [v["version"] for v in vault.read(jobplans.version_dicts, pid)] == [1]
