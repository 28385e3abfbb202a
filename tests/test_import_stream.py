"""The batched import (issue 19 item 1): the rows SQLAlchemy would write, a slice at a
time, in one transaction; a failure anywhere leaves the vault as it was; the audit
chain appended in batches verifies, and tampering with it is found."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from canaries import canary_person, document
from smalldisk import fill, mounted
from sqlalchemy import func, select, text

from coachdesk.cli.main import main
from coachdesk.errors import BadInput
from coachdesk.store import audit, bulkwrite, interchange
from coachdesk.store.demo import demo_document
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.models import AuditEvent, Participant, SessionLog
from coachdesk.store.vault import Vault

TODAY = dt.date(2026, 11, 27)
PASSPHRASE = "correct horse battery"
TABLES = {
    "participant": "ref",
    "assessment": "participant_id, date, id",
    "session_log": "participant_id, date, id",
    "group_attendance": "participant_id, date, id",
    "job_plan_version": "participant_id, version",
    "report_fields": "participant_id",
}
VOLATILE = {"id", "uid", "created_at", "updated_at"}


def _rows(vault: Vault) -> dict[str, list[tuple]]:
    """Every stored value of the participant tables, as SQLite holds it (the raw text
    of dates and JSON), with row ids replaced by the person's ref."""
    out = {}
    with vault.session() as s:
        raw = s.connection().connection.dbapi_connection
        refs = dict(raw.execute("SELECT id, ref FROM participant").fetchall())
        for table, order in TABLES.items():
            cur = raw.execute(f"SELECT * FROM {table} ORDER BY {order}")
            names = [d[0] for d in cur.description]
            rows = []
            for r in cur.fetchall():
                rows.append(
                    tuple(
                        refs[v] if n == "participant_id" else v
                        for n, v in zip(names, r, strict=True)
                        if n not in VOLATILE
                    )
                )
            out[table] = rows
    return out


def _people() -> dict:
    doc = demo_document(30, seed=8, today=TODAY)
    a = canary_person("A", ref="ZZ-1")
    a["report_fields"] = {
        "normal_hours": 37,
        "hours_now": 12.5,
        "step_plan": [{"week": 1, "hours": 12}],
        "return_date": "2026-07-01",
    }
    a["sessions"][0]["next_appointment"] = "2026-02-17T10:00"
    a["group_attendance"].append({"date": "2026-01-16", "present": False, "excused": True})
    doc["participants"].append(a)
    return doc


def test_bulk_rows_are_the_rows_sqlalchemy_writes(vault, tmp_path, monkeypatch):
    doc = _people()
    monkeypatch.setattr(interchange, "IMPORT_SLICE", 7)
    monkeypatch.setattr(bulkwrite, "SLICE", 11)
    with vault.session() as s:
        interchange.import_document(s, doc, today=TODAY)
        s.commit()
    other, _ = Vault.create(tmp_path / "orm", PASSPHRASE, kdf=TEST_KDF)
    try:
        with other.session() as s:
            s.add_all(interchange.participant_from_dict(d, TODAY) for d in doc["participants"])
            s.commit()
        mine, orm = _rows(vault), _rows(other)
        assert len(mine["session_log"]) > 100 and mine["report_fields"]
        assert mine == orm
    finally:
        other.close()


def _counts(vault: Vault) -> tuple[int, int, int]:
    with vault.session() as s:
        return (
            s.execute(select(func.count()).select_from(Participant)).scalar() or 0,
            s.execute(select(func.count()).select_from(SessionLog)).scalar() or 0,
            s.execute(select(func.count()).select_from(AuditEvent)).scalar() or 0,
        )


def test_a_bad_participant_late_in_a_big_file_changes_nothing(vault):
    with vault.session() as s:
        interchange.import_document(s, demo_document(5, seed=1, today=TODAY), today=TODAY)
        s.commit()
    before = _counts(vault)
    doc = demo_document(1500, seed=2, today=TODAY, first_number=100)
    bad = canary_person("B", ref="LATE-1")
    bad["sessions"][0]["date"] = "2026-02-30"
    doc["participants"].append(bad)
    with vault.session() as s, pytest.raises(BadInput) as err:
        interchange.import_document(s, interchange.dumps(doc), today=TODAY)
    assert any("participants[1500]" in e for e in err.value.errors)
    assert _counts(vault) == before


def test_a_failure_after_several_slices_rolls_everything_back(vault, monkeypatch):
    """The write fails in its fourth slice, after three were written: the one
    transaction takes them all back."""
    with vault.session() as s:
        interchange.import_document(s, demo_document(5, seed=1, today=TODAY), today=TODAY)
        s.commit()
    before = _counts(vault)
    monkeypatch.setattr(interchange, "IMPORT_SLICE", 50)
    calls = {"participant": 0}
    real = bulkwrite.insert_rows

    def failing(session, table, rows):
        if table.name == "participant":
            calls["participant"] += 1
            if calls["participant"] == 4:
                raise OSError(28, "No space left on device")
        return real(session, table, rows)

    monkeypatch.setattr(bulkwrite, "insert_rows", failing)
    doc = demo_document(400, seed=3, today=TODAY, first_number=100)
    with vault.session() as s:
        with pytest.raises(OSError):
            interchange.import_document(s, doc, today=TODAY)
        # The three slices before were in the database (this transaction)...
        assert s.execute(select(func.count()).select_from(Participant)).scalar() == 155
        s.rollback()
    # ...and are gone with it.
    assert _counts(vault) == before
    assert vault.integrity_errors() == []
    with vault.session() as s:
        assert audit.verify(s) == []


def test_batched_audit_chain_verifies_and_tampering_is_found(vault, monkeypatch):
    monkeypatch.setattr(bulkwrite, "SLICE", 40)  # many INSERT statements in the chain
    with vault.session() as s:
        interchange.import_document(s, demo_document(300, seed=4, today=TODAY), today=TODAY)
        s.commit()
    with vault.session() as s:
        created = s.execute(
            select(func.count()).where(AuditEvent.action == "participant_created")
        ).scalar()
        assert created == 300
        assert audit.verify(s) == []
        # A row taken out of the middle of a batch: the next one no longer follows.
        victim = s.execute(
            select(AuditEvent.id)
            .where(AuditEvent.action == "participant_created")
            .order_by(AuditEvent.id)
            .offset(150)
            .limit(1)
        ).scalar()
        s.execute(text("DELETE FROM audit_event WHERE id = :i"), {"i": victim})
        assert any(f"audit event {victim + 1}: does not follow" in p for p in audit.verify(s))
        s.rollback()
        # An event's detail changed: its content no longer matches its hash.
        s.execute(
            text('UPDATE audit_event SET detail = \'{"via": "form"}\' WHERE id = :i'),
            {"i": victim},
        )
        assert any(f"audit event {victim}: its content was changed" in p for p in audit.verify(s))
        s.rollback()


def test_disk_full_after_several_slices_changes_nothing(
    tmp_path, passphrase_file, capsys, monkeypatch
):
    """A real full disk (tests/smalldisk.py) in the middle of a big import: exit 1,
    "the disk is full", and with the space back the vault is intact and as before."""
    doc = demo_document(1500, seed=5, today=TODAY)
    for p in doc["participants"]:
        for s_ in p.get("sessions") or []:
            s_["notes"] = ("Søvn og grænser. " * 60)[:1000]
    src = tmp_path / "big.json"
    src.write_bytes(interchange.dumps(doc))
    with mounted(tmp_path / "disk", 48 * 1024) as disk:
        data_dir = disk / "vault"
        Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)[0].close()
        fill(disk, leave=3 * 1024 * 1024)  # room for some slices, not for all
        slices = []
        real = bulkwrite.insert_rows

        def counted(session, table, rows):
            n = real(session, table, rows)
            if table.name == "participant":
                slices.append(n)
            return n

        monkeypatch.setattr(bulkwrite, "insert_rows", counted)
        capsys.readouterr()
        rc = main(
            [
                "--data-dir",
                str(data_dir),
                "import",
                str(src),
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
        err = capsys.readouterr().err
        assert rc == 1, err
        assert "disk is full" in err and "Søvn" not in err
        assert len(slices) >= 2  # it failed after slices had been written
        (disk / "filler.bin").unlink()
        with Vault.open(data_dir, passphrase=PASSPHRASE) as v:
            assert _counts(v)[:2] == (0, 0)
        assert (
            main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(passphrase_file)])
            == 0
        )


def test_handover_style_document_still_imports_in_one_go(vault):
    """A small document (under one slice) takes the same path."""
    with vault.session() as s:
        r = interchange.import_document(s, document(canary_person("C", ref="ONE")), today=TODAY)
        s.commit()
    assert (r.added, r.replaced) == (1, 0)


def test_a_file_is_never_parsed_whole_and_written_a_slice_at_a_time(vault, monkeypatch):
    """The streaming read (issue 19): no whole-file parse, and never more than one
    slice of participants decoded for the write at a time."""
    doc = demo_document(230, seed=6, today=TODAY)
    data = interchange.dumps(doc)

    def whole(_text):
        raise AssertionError("the whole file was parsed at once")

    monkeypatch.setattr(interchange, "parse_text", whole)
    monkeypatch.setattr(json, "loads", whole)
    monkeypatch.setattr(interchange, "IMPORT_SLICE", 40)
    sizes = []
    real = interchange._bulk_insert

    def bulk(session, people, today):
        sizes.append(len(people))
        return real(session, people, today)

    monkeypatch.setattr(interchange, "_bulk_insert", bulk)
    with vault.session() as s:
        r = interchange.import_document(s, data, today=TODAY)
        s.commit()
    assert r.added == 230
    assert max(sizes) == 40 and sum(sizes) == 230
    # An irregular top level (a name twice) still gets the whole-file parse's refusal.
    monkeypatch.undo()
    twice = data.replace(b'"version": 2,', b'"version": 2, "version": 2,', 1)
    with vault.session() as s, pytest.raises(BadInput, match="appears twice"):
        interchange.import_document(s, twice, today=TODAY)
