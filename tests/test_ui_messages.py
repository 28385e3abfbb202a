"""Messages from core/ and store/ reach the coach in her language (ui/messages.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from coachdesk.core import records
from coachdesk.errors import VaultInUse, WrongSecret
from coachdesk.ui.messages import error_text, field_error


def test_every_record_error_of_a_bad_form_is_danish(danish):
    bad = {
        "ref": "",
        "name": "Ida",
        "cpr": "320190-1234",
        "course_start": "2026-02-30",
        "assessments": [{"kind": "screening", "date": "2999-01-01", "answers": [5] + [0] * 9}],
        "sessions": [{"date": "2026-01-01", "start": "25:61"}],
    }
    errors = records.validate_participant(bad, "p", dt.date(2026, 11, 27))
    shown = [field_error(e) for e in errors]
    assert len(shown) == 6
    joined = "\n".join(shown)
    for danish_text in (
        "skal udfyldes",
        "ikke en gyldig dato",
        "ligger i fremtiden",
        "ligger ikke inden for 0-4",
        "ikke et klokkeslæt",
    ):
        assert danish_text in joined.lower() or danish_text in joined, (danish_text, joined)


def test_vault_errors_are_danish(danish):
    assert error_text(WrongSecret("wrong_passphrase")) == "Forkert adgangssætning. Prøv igen."
    assert "andet CoachDesk" in error_text(VaultInUse("vault_in_use"))


def test_a_field_error_names_the_field_by_its_label(danish):
    (e,) = records.validate_participant({"ref": "R-1", "name": " "}, "$", dt.date(2026, 11, 27))
    assert field_error(e) == "Navn: Dette felt skal udfyldes."


def test_a_plain_sentence_is_shown_as_it_is(qapp):
    assert field_error("Something new went wrong.") == "Something new went wrong."


def _record_errors(**over) -> list[str]:
    p = {"ref": "R-1", "name": "Ida", **over}
    return [field_error(e) for e in records.validate_participant(p, "p", dt.date(2026, 11, 27))]


def test_record_and_import_refusals_are_danish(danish):
    """Issue 12: the new refusals (list lengths, lone surrogates, time zones)."""
    from coachdesk.errors import BadInput
    from coachdesk.store import interchange

    n = records.MAX_ITEMS["sessions[].actions"]
    (shown,) = _record_errors(sessions=[{"date": "2026-01-01", "actions": ["x"] * (n + 1)}])
    assert f"Listen har mere end {n} punkter." in shown
    (shown,) = _record_errors(name="Ida\ud800")
    assert "enligt surrogattegn" in shown
    (shown,) = _record_errors(
        sessions=[{"date": "2026-01-01", "next_appointment": "2026-12-01T10:00+01:00"}]
    )
    assert "har en tidszone" in shown
    with pytest.raises(BadInput) as info:
        interchange.parse_document(b'{"participants": [{"name": "Ida\\ud800"}]}')
    assert error_text(info.value).startswith("Filen blev ikke importeret: teksten")
    assert "surrogattegn" in error_text(info.value)


def test_disk_and_memory_failures_are_danish(danish):
    import sqlcipher3

    from coachdesk.errors import classify
    from coachdesk.ui.messages import error_text

    full = classify(sqlcipher3.OperationalError("database or disk is full"))
    io = classify(sqlcipher3.OperationalError("disk I/O error"))
    memory = classify(MemoryError())
    assert full is not None and io is not None and memory is not None
    assert error_text(full).startswith("Disken er fuld")
    assert "ind-/uddatafejl" in error_text(io)
    assert "hukommelse" in error_text(memory)


def test_erased_not_compacted_is_danish(danish, vault, monkeypatch):
    import sqlcipher3

    from coachdesk.errors import ErasedNotCompacted
    from coachdesk.store import erasure, participants
    from coachdesk.ui.messages import error_text

    with vault.session() as s:
        participants.create_participant(
            s, {"ref": "R-9", "name": "Ida Jensen", "status": "individual_phase"}
        )
        s.commit()

    def full(_vault):
        raise sqlcipher3.OperationalError("database or disk is full")

    monkeypatch.setattr(erasure, "compact", full)
    with pytest.raises(ErasedNotCompacted) as info:
        erasure.erase_participant(vault, "R-9")
    text = error_text(info.value)
    assert text.startswith("Deltageren R-9 er slettet") and "disken er fuld" in text
    monkeypatch.setattr(
        erasure,
        "compact",
        lambda _v: (_ for _ in ()).throw(sqlcipher3.OperationalError("disk I/O error")),
    )
    with vault.session() as s:
        participants.create_participant(
            s, {"ref": "R-8", "name": "Mette", "status": "individual_phase"}
        )
        s.commit()
    with pytest.raises(ErasedNotCompacted) as info:
        erasure.erase_participant(vault, "R-8")
    assert error_text(info.value).startswith("Deltageren R-8 er slettet")
    assert "coachdesk compact" in error_text(info.value)
