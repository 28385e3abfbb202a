"""The streaming JSON export (issue 19 item 1): the same bytes as the ORM document,
no ORM objects built, its disclosures and audit events chained exactly."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import random

import pytest
from canaries import canary_person, document
from sqlalchemy import event, func, select, text

from coachdesk.cli.main import main
from coachdesk.core import pss10
from coachdesk.store import audit, interchange, jsonindent
from coachdesk.store.demo import demo_document
from coachdesk.store.models import AuditEvent, Disclosure, Participant

TODAY = dt.date(2026, 11, 27)
PARAMS = pss10.Params()
STAMP = "2026-11-27T10:00:00+01:00"

FIELDS = {
    "work_capacity": "Kan arbejde 12 timer",
    "normal_hours": 37,
    "hours_now": 12,
    "step_plan": [{"week": 1, "hours": 12}, {"week": 3, "hours": 18.5}],
    "return_date": "2026-07-01",
    "return_kind": "partial",
    "updated_on": "2026-04-01",
}


def _fill(vault, n: int = 45) -> None:
    doc = demo_document(n, seed=4, today=TODAY)
    a, b = canary_person("A", ref="ZZ-1"), canary_person("B", ref="ZZ-2")
    a["report_fields"] = FIELDS
    # Every kind of stored value: a local date-time, floats, an excused absence, a
    # second instrument, a final assessment (a computed PSS change), empty lists.
    b["sessions"].append(
        {
            "date": "2026-02-17",
            "start": "09:15",
            "minutes": 45,
            "mode": "video",
            "status": "planned",
            "themes": [],
            "next_appointment": "2026-02-24T09:15",
            "ratings": {"energy": 3, "sleep": 7},
        }
    )
    b["group_attendance"].append({"date": "2026-01-16", "present": False, "excused": True})
    b["outcome"] = {"status": "work_partial", "hours_per_week": 20.5, "date": "2026-04-03"}
    b["assessments"] += [
        {
            "kind": "screening",
            "date": "2026-01-12",
            "instrument": "who5",
            "answers": [3, 2, 4, 1, 5],
        },
        {"kind": "final", "date": "2026-04-01", "answers": [1, 1, 2, 3, 3, 1, 2, 0, 1, 1]},
    ]
    with vault.session() as s:
        interchange.import_document(s, doc, today=TODAY)
        interchange.import_document(s, document(a, b), today=TODAY)
        s.commit()
    # A second job plan version: the export writes the latest.
    a2 = copy.deepcopy(a)
    a2["job_plan"]["direction"] = "Ny retning"
    with vault.session() as s:
        interchange.import_document(s, document(a2), replace=True, today=TODAY)
        s.commit()


def _orm_bytes(vault, refs=None) -> bytes:
    """The document as the ORM path built it before issue 19, through the stdlib encoder."""
    with vault.session() as s:
        people = interchange.load_participants(s, refs)
        doc = {
            "format": interchange.FORMAT,
            "version": interchange.VERSION,
            "exported_at": STAMP,
            "participants": [
                interchange.participant_to_dict(p, today=TODAY, params=PARAMS) for p in people
            ],
        }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _streamed(vault, refs=None, monkeypatch=None) -> bytes:
    buf = io.BytesIO()
    with vault.session() as s:
        interchange.write_export(buf.write, s, refs, today=TODAY, params=PARAMS)
    return buf.getvalue()


@pytest.mark.parametrize("refs", [None, ["ZZ-1"], ["ZZ-2", "ZZ-1"]])
def test_streamed_export_is_byte_for_byte_the_orm_document(vault, monkeypatch, refs):
    _fill(vault)
    monkeypatch.setattr(interchange, "EXPORT_SLICE", 7)  # many slices, a short last one
    monkeypatch.setattr(interchange, "exported_at", lambda: STAMP)
    want = _orm_bytes(vault, refs)
    got = _streamed(vault, refs)
    assert got == want
    assert b"Ny retning" in got or refs == ["ZZ-2"] or refs is None
    if refs is None:
        assert len(json.loads(got)["participants"]) == 47
        for piece in (b'"next_appointment": "2026-02-24T09:15"', b'"excused": true', b"20.5"):
            assert piece in got
    # The in-memory document and dumps() are the same bytes too.
    with vault.session() as s:
        doc = interchange.export_document(s, refs, today=TODAY, params=PARAMS)
    assert interchange.dumps(doc) == want


def test_streamed_export_of_an_empty_vault(vault, monkeypatch):
    monkeypatch.setattr(interchange, "exported_at", lambda: STAMP)
    assert _streamed(vault) == _orm_bytes(vault)


def test_unknown_ref_is_refused_before_anything_is_written(vault):
    _fill(vault, 3)
    buf = io.BytesIO()
    with vault.session() as s, pytest.raises(interchange.BadInput, match="NOPE"):
        interchange.write_export(buf.write, s, ["ZZ-1", "NOPE"], today=TODAY, params=PARAMS)
    assert buf.getvalue() == b""


def _random_value(r: random.Random, depth: int = 0):
    k = r.random()
    if depth > 4 or k < 0.5:
        return r.choice(
            [None, True, False, 0, -3, 1.5, 1e300, 2**70, "", 'æ\n"{[,\\', "x" * r.randint(0, 5)]
        )
    if k < 0.75:
        return [_random_value(r, depth + 1) for _ in range(r.randint(0, 4))]
    if k < 0.85:
        return tuple(_random_value(r, depth + 1) for _ in range(r.randint(0, 3)))
    return {
        r.choice(["a", "ø", '"k', "[", ""]) + str(i): _random_value(r, depth + 1)
        for i in range(r.randint(0, 4))
    }


def test_jsonindent_writes_what_json_dumps_indent_2_writes():
    r = random.Random(19)
    for _ in range(3000):
        v = _random_value(r)
        want = json.dumps(v, ensure_ascii=False, indent=2)
        assert jsonindent.dumps(v) == want
        # Inside a document, at the indentation of a list item two levels down.
        whole = json.dumps({"x": [v]}, ensure_ascii=False, indent=2)
        assert whole == '{\n  "x": [\n    ' + jsonindent.dumps(v, "    ") + "\n  ]\n}"
    # Keys that are not strings, and subclasses: json.dumps itself decides.
    odd = {1: [True], "k": {2.5: None}}
    assert jsonindent.dumps(odd) == json.dumps(odd, ensure_ascii=False, indent=2)

    class L(list):
        pass

    assert jsonindent.dumps([L([1, [2]])]) == json.dumps([L([1, [2]])], indent=2)


def _cli_export(data_dir, passphrase_file, out, *extra: str) -> int:
    return main(
        [
            "--data-dir",
            str(data_dir),
            "export",
            *extra,
            "--format",
            "json",
            "--out",
            str(out),
            "--passphrase-file",
            str(passphrase_file),
        ]
    )


def test_cli_export_builds_no_orm_participants_and_chains_every_disclosure(
    vault, data_dir, tmp_path, passphrase_file
):
    """The export of N people constructs no Participant, Disclosure or AuditEvent
    objects (rows only), and its N disclosures and 2N+1 events verify; tampering with
    one of them is still found."""
    _fill(vault, 60)
    vault.close()
    built: list[str] = []

    def loaded(target, *_a):
        built.append(type(target).__name__)

    for cls in (Participant, Disclosure, AuditEvent):
        event.listen(cls, "load", loaded)
        event.listen(cls, "init", loaded)
    try:
        out = tmp_path / "all.json"
        assert _cli_export(data_dir, passphrase_file, out, "--all", "--recipient", "Kommune") == 0
    finally:
        for cls in (Participant, Disclosure, AuditEvent):
            event.remove(cls, "load", loaded)
            event.remove(cls, "init", loaded)
    # The vault's own unlock/lock events are ORM objects; nothing per person is.
    assert "Participant" not in built and "Disclosure" not in built
    assert built.count("AuditEvent") <= 4
    doc = json.loads(out.read_bytes())
    assert len(doc["participants"]) == 62
    assert (
        main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(passphrase_file)]) == 0
    )

    from coachdesk.store.vault import Vault

    with Vault.open(data_dir, passphrase="correct horse battery") as v, v.session() as s:
        assert s.execute(select(func.count()).select_from(Disclosure)).scalar() == 62
        per_person = s.execute(
            select(func.count()).where(
                AuditEvent.action == "export", AuditEvent.subject.is_not(None)
            )
        ).scalar()
        chained = s.execute(select(func.count()).where(AuditEvent.action == "disclosure")).scalar()
        assert (per_person, chained) == (62, 62)
        assert audit.verify(s) == []
        # A disclosure changed behind the app's back, and an event's detail: both found.
        s.execute(text("UPDATE disclosure SET recipient = 'Someone else' WHERE id = 30"))
        s.execute(
            text(
                'UPDATE audit_event SET detail = \'{"format": "pdf"}\' WHERE id = '
                "(SELECT max(id) FROM audit_event WHERE action = 'export')"
            )
        )
        problems = audit.verify(s)
        assert any("disclosure 30: changed" in p for p in problems)
        assert any("content was changed" in p for p in problems)
        s.rollback()


def test_cli_export_of_one_unknown_ref_writes_and_records_nothing(
    vault, data_dir, tmp_path, passphrase_file
):
    _fill(vault, 2)
    vault.close()
    out = tmp_path / "one.json"
    assert _cli_export(data_dir, passphrase_file, out, "--participant", "NOPE") == 2
    assert list(tmp_path.glob("*.json")) == [] and not list(tmp_path.glob(".one.json*"))
    from coachdesk.store.vault import Vault

    with Vault.open(data_dir, passphrase="correct horse battery") as v, v.session() as s:
        assert s.execute(select(func.count()).select_from(Disclosure)).scalar() == 0
