"""Storage and the participant file for every instrument (issue 16, item 5).

A version-2 file with WHO-5, CBI and WAS assessments imports, exports the computed
fields (WHO-5 total/index/band, CBI personal/work/client, WAS total/band) and
round-trips byte for byte apart from exported_at; the database holds the answer count
per instrument; a version-1 file still imports as PSS-10.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from coachdesk.core import pss10
from coachdesk.errors import BadInput
from coachdesk.store import assessments, interchange

TODAY = dt.date(2026, 11, 27)
PARAMS = pss10.Params()

CBI_ANSWERS = [4, 3, 2, 1, 0, 2, 4, 4, 4, 4, 4, 4, 0] + [None] * 6


def person() -> dict:
    return {
        "ref": "GK-2026-0100",
        "name": "Mette Berg",
        "referral_date": "2026-01-05",
        "course_start": "2026-01-12",
        "assessments": [
            {
                "kind": "screening",
                "date": "2026-01-12",
                "instrument": "pss10",
                "answers": [3, 3, 4, 1, 1, 4, 2, 1, 3, 3],
            },
            {
                "kind": "screening",
                "date": "2026-01-12",
                "instrument": "who5",
                "answers": [1, 2, 1, 2, 1],
            },
            {
                "kind": "screening",
                "date": "2026-01-12",
                "instrument": "cbi",
                "answers": CBI_ANSWERS,
            },
            {"kind": "screening", "date": "2026-01-12", "instrument": "was", "answers": [4]},
            {
                "kind": "final",
                "date": "2026-04-03",
                "instrument": "who5",
                "answers": [3, 3, 3, 3, None],
            },
            {"kind": "final", "date": "2026-04-03", "instrument": "was", "answers": [8]},
        ],
    }


def doc(*people: dict, version: int = 2) -> dict:
    return {"format": "coachdesk.participants", "version": version, "participants": list(people)}


def import_(vault, d) -> None:
    with vault.session() as s:
        interchange.import_document(s, d, today=TODAY)
        s.commit()


def export(vault) -> dict:
    with vault.session() as s:
        return interchange.export_document(s, None, today=TODAY, params=PARAMS)


def test_export_computes_each_instruments_fields(vault):
    import_(vault, doc(person()))
    a = export(vault)["participants"][0]["assessments"]
    assert [x["instrument"] for x in a] == ["pss10", "who5", "cbi", "was", "who5", "was"]
    assert a[0] | {} == person()["assessments"][0] | {
        "total": 31,
        "prorated": False,
        "band": "high",
    }
    assert {k: a[1][k] for k in ("total", "index", "band")} == {
        "total": 7,
        "index": 28,
        "band": "very_low",
    }
    assert {k: a[2][k] for k in ("total", "personal", "work", "client")} == {
        "total": None,
        "personal": 50.0,
        "work": 100.0,
        "client": None,
    }
    assert {k: a[3][k] for k in ("total", "band")} == {"total": 4, "band": "poor"}
    # WHO-5 with a missing item: no total, no index.
    assert (a[4]["total"], a[4]["index"], a[4]["band"]) == (None, None, None)
    assert (a[5]["total"], a[5]["band"]) == (8, "good")
    # The PSS-10 change is computed from PSS-10 assessments only.
    assert export(vault)["participants"][0]["pss_change"] is None


def test_round_trip_is_byte_for_byte_apart_from_exported_at(vault):
    import_(vault, doc(person()))
    first = export(vault)
    data = interchange.dumps(first)
    with vault.session() as s:
        interchange.import_document(s, data, replace=True, today=TODAY)
        s.commit()
    second = export(vault)
    second["exported_at"] = first["exported_at"]
    assert interchange.dumps(second) == data


def test_version_1_file_imports_as_pss10(vault):
    p = person()
    p["assessments"] = [
        {k: v for k, v in a.items() if k != "instrument"} for a in p["assessments"][:1]
    ]
    import_(vault, doc(p, version=1))
    a = export(vault)["participants"][0]["assessments"][0]
    assert a["instrument"] == "pss10" and a["total"] == 31


@pytest.mark.parametrize(
    ("instrument", "answers", "message"),
    [
        ("who5", [1, 2, 3, 4, 5, 0, 1, 2, 3, 4], "must have exactly 5 entries, not 10"),
        ("who5", [6, 0, 0, 0, 0], "6 is not in 0-5"),
        ("cbi", [0] * 10, "must have exactly 19 entries, not 10"),
        ("was", [11], "11 is not in 0-10"),
        ("phq9", [0] * 9, "'phq9' is not one of pss10, who5, cbi, was"),
    ],
)
def test_import_refuses_answers_that_break_the_instrument(vault, instrument, answers, message):
    p = person()
    p["assessments"] = [
        {"kind": "screening", "date": "2026-01-12", "instrument": instrument, "answers": answers}
    ]
    with pytest.raises(BadInput) as exc:
        import_(vault, doc(p))
    assert any(message in e for e in exc.value.errors), exc.value.errors
    assert export(vault)["participants"] == []


def test_database_checks_the_answer_count_per_instrument(vault):
    import_(vault, doc(person()))
    with vault.session() as s:
        pid = s.execute(sa.text("SELECT id FROM participant")).scalar_one()
        for instrument, n in (("who5", 10), ("pss10", 5), ("cbi", 18), ("was", 2)):
            with pytest.raises(IntegrityError):
                s.execute(
                    sa.text(
                        "INSERT INTO assessment (participant_id, kind, date, instrument, answers, "
                        "created_at, updated_at) VALUES (:p, 'screening', '2026-01-12', :i, :a, "
                        "'2026-01-12', '2026-01-12')"
                    ),
                    {"p": pid, "i": instrument, "a": json.dumps([0] * n)},
                )
            s.rollback()


def test_save_assessment_by_instrument(vault):
    import_(vault, doc({"ref": "A", "name": "B", "referral_date": "2026-01-05"}))
    with vault.session() as s:
        pid = s.execute(sa.text("SELECT id FROM participant")).scalar_one()
        assessments.save_assessment(
            s, pid, "screening", "2026-01-12", [5, 5, 4, 4, 3], today=TODAY, instrument="who5"
        )
        with pytest.raises(assessments.AssessmentRejected, match="0-5 or left empty, 5"):
            assessments.save_assessment(
                s, pid, "final", "2026-02-12", [5, 5, 4, 4, 6], today=TODAY, instrument="who5"
            )
        s.commit()
        rows = assessments.list_instrument_assessments(s, pid)
        assert [(r.instrument, r.result.fields["index"]) for r in rows] == [("who5", 84)]
        # The PSS-10 list (its tab, its chart) does not see the WHO-5.
        assert assessments.list_assessments(s, pid) == []


def test_migration_0011_on_the_first_schemas_vault(tmp_path):
    """tests/fixtures/vault-v1 (schema 0001): its questionnaires become PSS-10s, and the
    per-instrument answer count holds there too."""
    import shutil
    from pathlib import Path

    from coachdesk.store.vault import Vault

    fixture = Path(__file__).parent / "fixtures" / "vault-v1"
    target = tmp_path / "v1"
    shutil.copytree(fixture, target, ignore=shutil.ignore_patterns("README.md"))
    with Vault.open(target, passphrase="vault-v1 fixture passphrase") as v, v.session() as s:
        rows = s.execute(
            sa.text("SELECT instrument, json_array_length(answers) FROM assessment")
        ).all()
        assert rows and set(rows) == {("pss10", 10)}
        pid = s.execute(sa.text("SELECT participant_id FROM assessment")).scalars().first()
        with pytest.raises(IntegrityError):
            s.execute(
                sa.text(
                    "INSERT INTO assessment (participant_id, kind, date, instrument, answers, "
                    "created_at, updated_at) VALUES (:p, 'final', '2026-01-12', 'who5', :a, "
                    "'2026-01-12', '2026-01-12')"
                ),
                {"p": pid, "a": json.dumps([1] * 10)},
            )
