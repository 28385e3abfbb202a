"""Erasure that erases (promise 9) and the retention list."""

from __future__ import annotations

import datetime as dt

import pytest

from coachdesk.cli.main import main
from coachdesk.errors import BadInput
from coachdesk.store import audit, interchange, retention, settings
from coachdesk.store.erasure import erase_participant, erasure_preview
from coachdesk.store.models import AuditEvent, Draft, Participant
from coachdesk.store.vault import Vault
from tests.canaries import canary_person, decrypted_pages, document, dump, needles
from tests.conftest import PASSPHRASE


def _dump(vault: Vault) -> str:
    """Every table of the decrypted database, through a second keyed connection."""
    return dump(vault.db_path, vault.raw_key_for_backup())


def _setup(vault: Vault) -> tuple[str, str]:
    with vault.session() as s:
        interchange.import_document(s, document(canary_person("A"), canary_person("B")))
        s.commit()
        a = s.query(Participant).filter_by(ref=canary_person("A")["ref"]).one()
        # A draft left by an editor, and some reads/changes in the audit log.
        s.add(
            Draft(
                key=f"session:{a.uid}", participant_id=a.id, content={"notes": "KanarieAxdraftQ7"}
            )
        )
        audit.record(s, "participant_read", {"fields": ["notes"]}, subject=a.uid)
        s.commit()
        return a.ref, a.uid


def test_erasure_leaves_no_trace_in_the_decrypted_database(vault):
    ref, uid = _setup(vault)
    dump = _dump(vault)
    for n in needles("A")[:2]:
        assert n in dump, n  # the test can see the person before erasure
    with vault.session() as s:
        pid = s.query(Participant.id).filter_by(ref=ref).scalar()
        preview = erasure_preview(s, pid)
    assert preview["sessions"] == 1 and preview["drafts"] == 1

    result = erase_participant(vault, ref)
    assert result.rows == preview and result.audit_events_redacted >= 2

    dump = _dump(vault)
    for n in [*needles("A"), uid, ref]:
        assert n not in dump, n
    for n in needles("B")[:2]:  # the other person is untouched
        assert n in dump, n
    with vault.session() as s:
        assert audit.verify(s) == []
        assert s.query(Draft).count() == 0
        erased = s.query(AuditEvent).filter_by(action="participant_erased").one()
        assert erased.subject == audit.pseudonym(s, ref) and erased.subject != ref
        assert "rows" in erased.detail
        assert s.query(AuditEvent).filter_by(subject=uid).count() == 0
    assert vault.integrity_errors() == []


def test_erasure_unknown_ref(vault):
    with pytest.raises(BadInput):
        erase_participant(vault, "NOPE-1")


def test_erased_bytes_not_in_any_page_even_with_the_key(vault):
    """With secure_delete, VACUUM and a truncated WAL there is no old page to find even
    for someone who has the key: decrypt every page of the file and the WAL."""
    ref, _uid = _setup(vault)
    key = vault.raw_key_for_backup()
    before = decrypted_pages(vault.db_path, key)
    assert b"KanarieAxnotes" in before and b"KanarieBxnotes" in before
    assert b"KanarieAx" not in vault.db_path.read_bytes()  # encrypted at rest
    erase_participant(vault, ref)
    after = decrypted_pages(vault.db_path, key)
    assert b"KanarieBxnotes" in after  # decryption works: the other person is there
    for n in needles("A"):
        assert n.encode() not in after, n


def test_cli_erase_needs_confirmation(vault, passphrase_file, capsys, monkeypatch):
    ref, _ = _setup(vault)
    vault.close()
    base = [
        "--data-dir",
        str(vault.data_dir),
        "erase",
        "--participant",
        ref,
        "--passphrase-file",
        str(passphrase_file),
    ]
    assert main(base) == 2  # pytest's stdin is not a terminal: --yes needed
    assert "--yes" in capsys.readouterr().err
    # On a terminal, a mistyped ref erases nothing; the right one erases.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt="": "WRONG")
    assert main(base) == 2
    with Vault.open(vault.data_dir, passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.query(Participant).filter_by(ref=ref).count() == 1
    monkeypatch.setattr("builtins.input", lambda _prompt="": ref)
    assert main(base) == 0
    assert main([*base, "--yes"]) == 2  # already gone: a plain message, exit 2
    with Vault.open(vault.data_dir, passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.query(Participant).count() == 1


def _person(ref: str, status: str, **kw) -> dict:
    return {"ref": ref, "name": f"Person {ref}", "status": status, **kw}


def test_retention_lists_ended_courses_older_than_the_setting(vault):
    people = [
        _person("R1", "completed", course_start="2024-01-08"),  # ends 2024-03-31
        _person(
            "R2",
            "dropped_out",
            course_start="2025-01-06",
            dropped_out={"date": "2025-02-01", "reason": "x"},
        ),
        _person(
            "R3",
            "completed",
            course_start="2025-06-02",
            outcome={"status": "work_full", "date": "2025-08-20"},
        ),
        _person("R4", "not_eligible", referral_date="2025-01-10"),
        _person("R5", "individual_phase", course_start="2020-01-06"),  # still running
        _person("R6", "completed", course_start="2026-01-05"),
    ]
    with vault.session() as s:
        interchange.import_document(s, document(*people), today=dt.date(2026, 6, 1))
        s.commit()
        today = dt.date(2026, 6, 1)
        assert [p.ref for p in retention.due_for_erasure(s, today)] == ["R1", "R4", "R2"]
        settings.put(s, "retention_months", 6)
        s.commit()
        assert [p.ref for p in retention.due_for_erasure(s, today)] == ["R1", "R4", "R2", "R3"]
        assert [p.ref for p in retention.due_for_erasure(s, today, 36)] == []
        # The boundary (R2 ended 2025-02-01): exactly 12 months ago is not yet due,
        # one day more is.
        assert [p.ref for p in retention.due_for_erasure(s, dt.date(2026, 2, 1), 12)] == [
            "R1",
            "R4",
        ]
        assert [p.ref for p in retention.due_for_erasure(s, dt.date(2026, 2, 2), 12)] == [
            "R1",
            "R4",
            "R2",
        ]


@pytest.mark.parametrize(
    "day,months,want",
    [
        (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2026, 1, 15), 12, dt.date(2025, 1, 15)),
        (dt.date(2026, 1, 15), 13, dt.date(2024, 12, 15)),
    ],
)
def test_months_before(day, months, want):
    assert retention.months_before(day, months) == want
