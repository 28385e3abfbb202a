"""The participant file: every rule of docs/format.md, all-or-nothing import, round trips."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk.core import pss10, vocab
from coachdesk.errors import BadInput
from coachdesk.store import interchange
from coachdesk.store.models import Participant

TODAY = dt.date(2026, 11, 27)
PARAMS = pss10.Params()


def ida() -> dict:
    return {
        "ref": "GK-2026-0042",
        "name": "Ida Jensen",
        "cpr": "010190-1234",
        "birth_year": 1990,
        "email": "ida@example.org",
        "phone": "+45 12 34 56 78",
        "caseworker": {
            "name": "Karen Holm",
            "municipality": "Gentofte Kommune",
            "email": "kh@example.org",
            "case_ref": "JC-1",
        },
        "referral_date": "2026-01-05",
        "course_start": "2026-01-12",
        "status": "individual_phase",
        "consent": {
            "given_on": "2026-01-12",
            "scope": ["course", "report_to_municipality"],
            "withdrawn_on": None,
        },
        "assessments": [
            {"kind": "screening", "date": "2026-01-12", "answers": [3, 3, 4, 1, 1, 4, 2, 1, 3, 3]},
            {"kind": "final", "date": "2026-04-03", "answers": [2, 1, 2, 3, 2, 2, 3, 2, 1, 1]},
        ],
        "sessions": [
            {
                "date": "2026-02-10",
                "start": "10:00",
                "minutes": 60,
                "mode": "in_person",
                "status": "held",
                "week": 5,
                "themes": ["boundaries_time", "clarity_goals"],
                "notes": "Talte om søvn.",
                "actions": ["Gå en tur"],
                "ratings": {"energy": 4, "sleep": 5, "wellbeing": 4},
            }
        ],
        "group_attendance": [{"date": "2026-01-14", "present": True}],
        "job_plan": {
            "values": ["Ro"],
            "direction": "Eget job",
            "goals": [{"text": "Møde med leder", "due": "2026-03-01", "status": "open"}],
            "accommodations": [
                {"category": "hours", "description": "10 timer", "until": "2026-05-01"}
            ],
            "hours_now": 10,
            "hours_target": 30,
            "hours_steps": [{"from": "2026-03-01", "hours": 15}],
            "updated_on": "2026-03-10",
        },
        "outcome": {"status": "work_partial", "hours_per_week": 20, "date": "2026-04-03"},
        "report_summary": "Godt forløb.",
    }


def doc(*people: dict) -> dict:
    return {"format": "coachdesk.participants", "version": 1, "participants": list(people)}


def import_(vault, d, **kw):
    with vault.session() as s:
        r = interchange.import_document(s, d, today=TODAY, **kw)
        s.commit()
    return r


def export(vault, refs=None) -> dict:
    with vault.session() as s:
        return interchange.export_document(s, refs, today=TODAY, params=PARAMS)


def count(vault) -> int:
    with vault.session() as s:
        return s.query(Participant).count()


def errors_of(vault, d, **kw) -> list[str]:
    with pytest.raises(BadInput) as exc:
        import_(vault, d, **kw)
    assert "Nothing was changed" in str(exc.value)
    return exc.value.errors


def test_import_then_export_keeps_every_field_and_adds_computed_ones(vault):
    import_(vault, doc(ida()))
    out = export(vault)
    assert out["format"] == "coachdesk.participants" and out["version"] == 2
    assert "+" in out["exported_at"] or "-" in out["exported_at"][10:]  # has an offset
    p = out["participants"][0]
    for key, value in ida().items():
        if key != "assessments":
            assert p[key] == value, key
    # A version-1 file's assessments are PSS-10s; version 2 says so.
    assert p["assessments"][0] == ida()["assessments"][0] | {
        "instrument": "pss10",
        "total": 31,
        "prorated": False,
        "band": "high",
    }
    assert p["assessments"][1]["total"] == 15
    assert p["eligible"] is True
    assert p["pss_change"] == {
        "before": 31,
        "after": 15,
        "difference": -16,
        "reliable_change": "improved",
        "clinically_important": True,
    }
    assert p["course_week"] == (TODAY - dt.date(2026, 1, 12)).days // 7 + 1


def test_minimal_participant_needs_only_ref_and_name(vault):
    import_(vault, doc({"ref": "A", "name": "B"}))
    p = export(vault)["participants"][0]
    assert p["ref"] == "A" and p["eligible"] is None and p["pss_change"] is None
    assert p["course_week"] is None


def test_prorated_and_missing_totals_in_export(vault):
    d = ida()
    d["assessments"][0]["answers"][9] = None
    d["assessments"][1]["answers"][0] = None
    d["assessments"][1]["answers"][1] = None
    import_(vault, doc(d))
    p = export(vault)["participants"][0]
    assert p["assessments"][0] == d["assessments"][0] | {
        "instrument": "pss10",
        "total": 31,
        "prorated": True,
        "band": "high",
    }
    assert p["assessments"][1]["total"] is None and p["assessments"][1]["band"] is None
    assert p["pss_change"] is None


def test_before_is_first_screening_after_is_latest_final(vault):
    d = ida()
    d["assessments"] += [
        {"kind": "screening", "date": "2026-02-01", "answers": [0] * 10},
        {"kind": "final", "date": "2026-05-01", "answers": [2] * 10},
        {"kind": "followup", "date": "2026-06-01", "answers": [0] * 10},
    ]
    import_(vault, doc(d))
    ch = export(vault)["participants"][0]["pss_change"]
    assert (ch["before"], ch["after"]) == (31, 20)


@pytest.mark.parametrize(
    ("mutate", "path", "message"),
    [
        (lambda p: p.pop("ref"), "participants[0].ref", "is required"),
        (lambda p: p.pop("name"), "participants[0].name", "is required"),
        (lambda p: p.update(name="  "), "participants[0].name", "This field is required."),
        (lambda p: p.update(status="sleeping"), "participants[0].status", "is not one of"),
        (
            lambda p: p["assessments"][0].update(kind="midway"),
            "participants[0].assessments[0].kind",
            "is not one of",
        ),
        (
            lambda p: p["sessions"][0].update(mode="letter"),
            "participants[0].sessions[0].mode",
            "is not one of",
        ),
        (
            lambda p: p["sessions"][0].update(status="late"),
            "participants[0].sessions[0].status",
            "is not one of",
        ),
        (
            lambda p: p["sessions"][0]["themes"].append("yoga"),
            "participants[0].sessions[0].themes[2]",
            "nine course elements",
        ),
        (
            lambda p: p["job_plan"]["accommodations"][0].update(category="diagnosis"),
            "participants[0].job_plan.accommodations[0].category",
            "is not one of",
        ),
        (
            lambda p: p["job_plan"]["goals"][0].update(status="maybe"),
            "participants[0].job_plan.goals[0].status",
            "is not one of",
        ),
        (
            lambda p: p["outcome"].update(status="retired"),
            "participants[0].outcome.status",
            "is not one of",
        ),
        (
            lambda p: p["assessments"][0]["answers"].__setitem__(7, 5),
            "participants[0].assessments[0].answers[7]",
            "5 is not in 0-4",
        ),
        (
            lambda p: p["assessments"][0]["answers"].__setitem__(2, -1),
            "participants[0].assessments[0].answers[2]",
            "-1 is not in 0-4",
        ),
        (
            lambda p: p["assessments"][0]["answers"].__setitem__(2, 2.5),
            "participants[0].assessments[0].answers[2]",
            "is not a whole number",
        ),
        (
            lambda p: p["assessments"][0]["answers"].__setitem__(2, True),
            "participants[0].assessments[0].answers[2]",
            "is not a whole number",
        ),
        (
            lambda p: p["assessments"][0]["answers"].pop(),
            "participants[0].assessments[0].answers",
            "exactly 10 entries, not 9",
        ),
        (
            lambda p: p["assessments"][0]["answers"].append(1),
            "participants[0].assessments[0].answers",
            "exactly 10 entries, not 11",
        ),
        (lambda p: p.update(cpr="320190-1234"), "participants[0].cpr", "real date"),
        (lambda p: p.update(cpr="0101901234x"), "participants[0].cpr", "not a CPR number"),
        (
            lambda p: p.update(course_start="12-01-2026"),
            "participants[0].course_start",
            "YYYY-MM-DD",
        ),
        (
            lambda p: p.update(course_start="2026-02-30"),
            "participants[0].course_start",
            "not a real date",
        ),
        (
            lambda p: p["sessions"][0].update(start="25:00"),
            "participants[0].sessions[0].start",
            "HH:MM",
        ),
        (
            lambda p: p["sessions"][0]["ratings"].update(sleep=11),
            "participants[0].sessions[0].ratings.sleep",
            "not in 0-10",
        ),
        (
            lambda p: p["assessments"][1].update(date="2026-01-10"),
            "participants[0].assessments[1].date",
            "before",
        ),
        (
            lambda p: p["assessments"][0].update(date="2027-01-01"),
            "participants[0].assessments[0].date",
            "in the future",
        ),
        (
            lambda p: p.update(favourite_colour="blue"),
            "participants[0].favourite_colour",
            "not a known field",
        ),
        (
            lambda p: p["consent"].update(scope=["marketing"]),
            "participants[0].consent.scope[0]",
            "is not one of",
        ),
        (
            lambda p: p["group_attendance"][0].update(present="yes"),
            "participants[0].group_attendance[0].present",
            "true or false",
        ),
    ],
)
def test_each_rule_is_enforced_with_its_path(vault, mutate, path, message):
    p = ida()
    mutate(p)
    errs = errors_of(vault, doc(p))
    assert any(e.startswith(path + ":") and message in e for e in errs), errs
    assert count(vault) == 0


def test_cpr_without_hyphen_is_accepted_and_normalised(vault):
    p = ida()
    p["cpr"] = "0101901234"
    import_(vault, doc(p))
    assert export(vault)["participants"][0]["cpr"] == "010190-1234"


def test_all_or_nothing_one_bad_person_blocks_the_file(vault):
    good = [dict(ida(), ref=f"R{i}") for i in range(5)]
    bad = dict(ida(), ref="R-bad")
    bad["assessments"] = [{"kind": "screening", "date": "2026-01-12", "answers": [9] * 10}]
    errs = errors_of(vault, doc(*good, bad))
    assert len(errs) == 10 and errs[0].startswith("participants[5].assessments[0].answers[0]")
    assert count(vault) == 0


def test_duplicate_ref_in_file_and_in_vault(vault):
    errs = errors_of(vault, doc(ida(), ida()))
    assert any("participants[1].ref" in e and "participants[0]" in e for e in errs)
    import_(vault, doc(ida()))
    errs = errors_of(vault, doc(ida()))
    assert any("already in the vault" in e for e in errs)
    changed = ida()
    changed["name"] = "Ida Hansen"
    r = import_(vault, doc(changed), replace=True)
    assert (r.added, r.replaced) == (0, 1)
    assert export(vault)["participants"][0]["name"] == "Ida Hansen"
    assert count(vault) == 1


def test_replace_keeps_the_audit_identity(vault):
    import_(vault, doc(ida()))
    with vault.session() as s:
        uid = s.query(Participant).one().uid
    import_(vault, doc(ida()), replace=True)
    with vault.session() as s:
        assert s.query(Participant).one().uid == uid


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"format": "other", "version": 1, "participants": []}, "format"),
        ({"format": "coachdesk.participants", "version": 99, "participants": []}, "version"),
        ({"format": "coachdesk.participants", "version": 1}, "participants"),
        ([], "JSON object"),
    ],
)
def test_document_envelope(vault, document, message):
    errs = errors_of(vault, document)
    assert any(message in e for e in errs)


def test_not_json_and_not_utf8(vault):
    with pytest.raises(BadInput, match="not valid JSON"):
        import_(vault, b'{"format": ')
    with pytest.raises(BadInput, match="UTF-8"):
        import_(vault, b"\xff\xfe\x00garbage")


def test_computed_fields_in_the_file_are_ignored_on_import(vault):
    import_(vault, doc(ida()))
    out = export(vault)
    with vault.session() as s:
        s.query(Participant).delete()
        s.commit()
    import_(vault, out)  # an export is a valid import
    assert export(vault)["participants"] == out["participants"]


# --- property: import -> export -> import is stable ----------------------------------

dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 11, 1)).map(
    dt.date.isoformat
)
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
nonempty = st.text(st.characters(blacklist_categories=("Cs", "Zs", "Cc")), min_size=1, max_size=20)
answers = st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=10, max_size=10)
session = st.fixed_dictionaries(
    {"date": dates},
    optional={
        "start": st.sampled_from(["08:00", "10:30", "23:59"]),
        "minutes": st.integers(0, 1440),
        "mode": st.sampled_from(vocab.SESSION_MODES),
        "status": st.sampled_from(vocab.SESSION_STATUSES),
        # (no "week": a week the date does not fall in is refused since issue 14)
        "themes": st.lists(st.sampled_from(vocab.THEMES), max_size=3, unique=True),
        "notes": text,
        "actions": st.lists(text, max_size=2),
        "ratings": st.fixed_dictionaries(
            {}, optional={k: st.integers(0, 10) for k in vocab.RATING_KEYS}
        ),
    },
)
person = st.fixed_dictionaries(
    {"ref": nonempty, "name": nonempty},
    optional={
        "status": st.sampled_from(vocab.PARTICIPANT_STATUSES),
        "course_start": dates,
        "email": st.emails().filter(lambda e: len(e) <= 200),
        "report_summary": text,
        "assessments": st.lists(
            st.fixed_dictionaries({"kind": st.just("followup"), "date": dates, "answers": answers}),
            max_size=3,
        ),
        "sessions": st.lists(session, max_size=3),
    },
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=st.lists(person, min_size=1, max_size=4, unique_by=lambda p: p["ref"]))
def test_round_trip_import_export_import(vault, people):
    with vault.session() as s:
        s.query(Participant).delete()
        s.commit()
    import_(vault, doc(*copy.deepcopy(people)))
    first = export(vault)
    import_(vault, first, replace=True)
    second = export(vault)
    assert first["participants"] == second["participants"]
    by_ref = {p["ref"]: p for p in first["participants"]}
    for p in people:
        out = by_ref[p["ref"]]
        assert out["name"] == p["name"]
        ins = sorted(p.get("assessments", []), key=lambda a: a["date"])  # stable for ties
        for a_in, a_out in zip(ins, out.get("assessments", []), strict=True):
            assert a_out["answers"] == a_in["answers"]
            assert a_out["total"] == pss10.score(a_in["answers"]).total


def test_export_json_is_utf8_not_escaped():
    data = interchange.dumps({"name": "Søren Ærø"})
    assert "Søren Ærø".encode() in data
    assert json.loads(data)["name"] == "Søren Ærø"


def test_shipped_json_schema_accepts_exports_and_rejects_bad_files(vault):
    """The schema in the package describes what export writes and what import refuses."""
    from importlib.resources import files

    import jsonschema

    schema = json.loads(
        files("coachdesk.store").joinpath("schema/participants-v1.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    from coachdesk.store.demo import demo_document

    import_(vault, demo_document(30, seed=3, today=TODAY))
    import_(vault, doc(ida()))
    exported = export(vault)
    jsonschema.validate(exported, schema)
    bad = copy.deepcopy(exported)
    bad["participants"][0]["assessments"] = [
        {"kind": "screening", "date": "2026-01-01", "answers": [5] * 10}
    ]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
