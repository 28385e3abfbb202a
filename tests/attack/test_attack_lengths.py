"""Attack: a participant file with enormous texts (issue 12, item 17).

A 200 MB action item imported, and a PDF export of it then ran for minutes at 1.9 GB.
Every text field now has a documented maximum length (docs/format.md, the JSON Schema,
core/records.MAX_LEN), checked by the importer and by the store functions that every
GUI editor saves through: a file or a form over the limit is refused, nothing written.
"""

from __future__ import annotations

import datetime as dt

import pytest
from canaries import canary_person, document

from coachdesk.cli.main import main
from coachdesk.errors import BadInput
from coachdesk.store import interchange, jobplans, participants, sessions
from coachdesk.store.models import Participant

TODAY = dt.date(2026, 11, 20)
HUGE = 2_000_000  # characters: big enough to matter, small enough for a test


def test_a_huge_action_item_is_refused_by_import(vault, passphrase_file, tmp_path, capsys):
    p = canary_person("A")
    p["sessions"][0]["actions"] = ["x" * HUGE]
    src = tmp_path / "big.json"
    src.write_bytes(interchange.dumps(document(p)))
    vault.close()
    capsys.readouterr()
    rc = main(
        [
            "--data-dir",
            str(vault.data_dir),
            "import",
            str(src),
            "--passphrase-file",
            str(passphrase_file),
        ]
    )
    err = capsys.readouterr().err
    assert rc == 2
    assert "participants[0].sessions[0].actions[0]: This is longer than 1000 characters." in err
    assert len(err) < 2000  # the message does not quote the text


@pytest.mark.parametrize(
    ("where", "limit"),
    [
        (("sessions", 0, "notes"), 50_000),
        (("sessions", 0, "quotes"), 20_000),
        (("job_plan", "direction"), 5_000),
        (("job_plan", "accommodations", 0, "description"), 2_000),
        (("job_plan", "goals", 0, "text"), 1_000),
        (("job_plan", "values", 0), 200),
        (("report_summary",), 20_000),
        (("dropped_out", "reason"), 2_000),
        (("caseworker", "case_ref"), 100),
    ],
)
def test_each_long_text_is_refused_one_over_its_limit(vault, where, limit):
    def with_text(n):
        p = canary_person("A")
        node = p
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = "æ" * n
        return document(p)

    with vault.session() as s:
        with pytest.raises(BadInput) as info:
            interchange.import_document(s, with_text(limit + 1), today=TODAY)
        assert any(f"is longer than {limit} characters" in e for e in info.value.errors)
        s.rollback()
        interchange.import_document(s, with_text(limit), today=TODAY)
        s.commit()
        assert s.query(Participant).count() == 1


def test_the_gui_store_functions_refuse_too(vault):
    """The editors save through store/participants.py, sessions.py and jobplans.py: the same limits hold there."""
    with vault.session() as s:
        pid = participants.create_participant(s, {"ref": "L-1", "name": "Ida"}, TODAY).id
        with pytest.raises(BadInput):
            sessions.save_session(s, pid, {"date": "2026-02-10", "notes": "n" * 50_001})
        with pytest.raises(BadInput):
            jobplans.save_job_plan(
                s,
                pid,
                {"accommodations": [{"category": "hours", "description": "d" * 2_001}]},
                TODAY,
            )
        with pytest.raises(BadInput):
            participants.update_participant(s, pid, {"report_summary": "s" * 20_001}, TODAY)
        with pytest.raises(BadInput):
            sessions.save_session(
                s, pid, {"date": "2026-02-10", "actions": [f"a{i}" for i in range(51)]}
            )
