"""Attack: the schema and the importer disagree (issue 12, items 22 and 17).

docs/format.md promises one contract with two readings: the JSON Schema shipped in the
package (for other programs) and the importer (core/records.py). Here every participant
file the tests use, and hostile variants of it, goes through both, and both must give
the same verdict. Only the rules the schema says it cannot express (its description
lists them) may refuse a file that the schema accepts.

The schema's reader is an independent one: Python's json with the I-JSON rules
(RFC 7493) the format names, then jsonschema's Draft 2020-12 validator with format
checks. The importer's reader is coachdesk's parse + validate + a real import into a
vault (rolled back), so that "accepted" means written.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import re
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import test_interchange
from canaries import canary_person, document

from coachdesk.core import records
from coachdesk.core.problems import FieldError
from coachdesk.errors import BadInput
from coachdesk.store import interchange

TODAY = dt.date(2026, 11, 20)
SCHEMA = json.loads(
    files("coachdesk.store").joinpath("schema/participants-v1.schema.json").read_text("utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)

# The importer-only rules (the schema's description lists them), by their messages.
# The importer's errors are codes (core/problems.FieldError): these are the rules the
# schema cannot state.
IMPORTER_ONLY_CODES = frozenset(
    {
        "field.in_future",
        "field.not_real_date",
        "field.not_real_datetime",
        "field.cpr_bad_date",
        "field.before_referral",
        "field.final_before_screening",
        "field.withdrawn_before_consent",
        "import.duplicate_ref",
        "field.duplicate_day",
        # core/plausibility (issue 14): dates that cannot be true for this course.
        "plausibility.held_in_future",
        "plausibility.mark_in_future",
        "plausibility.week_mismatch",
    }
)


def importer_only(e: str) -> bool:
    if not isinstance(e, FieldError):
        return False
    if e.code in IMPORTER_ONLY_CODES:
        return True
    # A birth year after this year: the schema's maximum cannot follow the calendar.
    return (
        e.code == "field.out_of_range"
        and e.path.endswith(".birth_year")
        and (e.params["lo"], e.params["hi"]) == ("1900", str(TODAY.year))
    )


# The limits docs/format.md documents (records.MAX_LEN / MAX_ITEMS must be these).
MAX_LEN = {
    "ref": 64,
    "name": 200,
    "email": 200,
    "phone": 50,
    "caseworker.name": 200,
    "caseworker.municipality": 200,
    "caseworker.email": 200,
    "caseworker.case_ref": 100,
    "dropped_out.reason": 2_000,
    "report_summary": 20_000,
    "sessions[].notes": 50_000,
    "sessions[].quotes": 20_000,
    "sessions[].actions[]": 1_000,
    "job_plan.values[]": 200,
    "job_plan.direction": 5_000,
    "job_plan.goals[].text": 1_000,
    "job_plan.accommodations[].description": 2_000,
    "report_fields.work_capacity": 20_000,
    "report_fields.resources": 20_000,
    "report_fields.challenges": 20_000,
    "report_fields.progression": 20_000,
    "report_fields.recommendation": 20_000,
}
MAX_ITEMS = {
    "consent.scope": 2,
    "assessments": 100,
    "sessions": 1_000,
    "sessions[].themes": 9,
    "sessions[].actions": 50,
    "group_attendance": 1_000,
    "job_plan.values": 50,
    "job_plan.goals": 100,
    "job_plan.accommodations": 100,
    "job_plan.hours_steps": 100,
    "report_fields.step_plan": 52,
}


# --- the two readers --------------------------------------------------------------------


def _ijson(text: str):
    """RFC 7493 I-JSON, independently of coachdesk's parser."""

    def pairs(items):
        keys = [k for k, _ in items]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate name")
        return dict(items)

    def constant(name):
        raise ValueError(f"{name} is not JSON")

    doc = json.loads(
        text,
        object_pairs_hook=pairs,
        parse_constant=constant,
        parse_int=lambda s: int(s) if len(s) < 40 else math.inf,
    )
    json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")  # no surrogates

    def numbers(v):
        if isinstance(v, dict):
            for x in v.values():
                numbers(x)
        elif isinstance(v, list):
            for x in v:
                numbers(x)
        elif isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2**53:
            raise ValueError("integer beyond 2^53")
        elif isinstance(v, float) and not math.isfinite(v):
            raise ValueError("number beyond a double")

    numbers(doc)
    return doc


def schema_verdict(text: str) -> tuple[bool, list[str]]:
    try:
        doc = _ijson(text)
    except (ValueError, RecursionError) as exc:
        return False, [f"not I-JSON: {type(exc).__name__}"]
    errs = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:80]}"
        for e in VALIDATOR.iter_errors(doc)
    ]
    return not errs, errs


def importer_verdict(text: str, vault) -> tuple[bool, list[str]]:
    try:
        doc = interchange.parse_document(text.encode("utf-8", "surrogatepass"))
    except BadInput as exc:
        return False, [str(exc)]
    errs = interchange.validate_document(doc, TODAY)
    if errs:
        return False, errs
    with vault.session() as s:  # the real write, then undone
        interchange.import_document(s, doc, today=TODAY)
        s.rollback()
    return True, []


# --- the corpus ------------------------------------------------------------------------


def _docs_example() -> str:
    md = (Path(__file__).resolve().parents[2] / "docs" / "format.md").read_text("utf-8")
    block = re.search(r"```json\n(.*?)```", md, re.S)
    assert block
    return block.group(1).replace('"email": "…"', '"email": "cw@kommune.example"').replace("…", "x")


def _mutations() -> list[tuple[str, object]]:
    """test_interchange's rule-by-rule mutations of its Ida, by their parameter ids."""
    mark = next(
        m
        for m in test_interchange.test_each_rule_is_enforced_with_its_path.pytestmark
        if m.name == "parametrize"
    )
    return [
        (f"interchange-rule-{i}-{path}", mutate)
        for i, (mutate, path, _msg) in enumerate(mark.args[1])
    ]


def _set(path: str, value):
    def mutate(p):
        *head, last = path.split(".")
        node = p
        for key in head:
            if key == "report_fields":  # the canary person has none: start one
                node = node.setdefault(key, {})
                continue
            node = node[int(key)] if key.isdigit() else node[key]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _hostile_person_mutations() -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    # Every text field at its maximum length (accepted) and one character over (refused).
    lengths = {
        "ref": "ref",
        "name": "name",
        "email": "email",
        "phone": "phone",
        "caseworker.name": "caseworker.name",
        "caseworker.municipality": "caseworker.municipality",
        "caseworker.email": "caseworker.email",
        "caseworker.case_ref": "caseworker.case_ref",
        "dropped_out.reason": "dropped_out.reason",
        "report_summary": "report_summary",
        "sessions[].notes": "sessions.0.notes",
        "sessions[].quotes": "sessions.0.quotes",
        "sessions[].actions[]": "sessions.0.actions.0",
        "job_plan.values[]": "job_plan.values.0",
        "job_plan.direction": "job_plan.direction",
        "job_plan.goals[].text": "job_plan.goals.0.text",
        "job_plan.accommodations[].description": "job_plan.accommodations.0.description",
        **{
            f"report_fields.{k}": f"report_fields.{k}"
            for k in ("work_capacity", "resources", "challenges", "progression", "recommendation")
        },
    }
    assert set(lengths) == set(MAX_LEN)
    for key, path in lengths.items():
        n = MAX_LEN[key]
        if key.endswith("email"):  # an address of that length
            out.append((f"len-max-{key}", _set(path, "å" * (n - 7) + "@eks.dk")))
            out.append((f"len-over-{key}", _set(path, "å" * (n - 6) + "@eks.dk")))
            continue
        out.append((f"len-max-{key}", _set(path, "å" * n)))
        out.append((f"len-over-{key}", _set(path, "å" * (n + 1))))
    items = {
        "consent.scope": ("consent.scope", "course"),
        "assessments": None,
        "sessions": ("sessions", {"date": "2026-02-10"}),
        "sessions[].themes": ("sessions.0.themes", "community"),
        "sessions[].actions": ("sessions.0.actions", "x"),
        "group_attendance": None,
        "job_plan.values": ("job_plan.values", "Ro"),
        "job_plan.goals": ("job_plan.goals", {"text": "g"}),
        "job_plan.accommodations": (
            "job_plan.accommodations",
            {"category": "other", "description": "d"},
        ),
        "job_plan.hours_steps": ("job_plan.hours_steps", {"from": "2026-03-01", "hours": 1}),
        "report_fields.step_plan": None,  # one entry per week: see test_report_fields.py
    }
    assert set(items) == set(MAX_ITEMS)
    for key, spec in items.items():
        if spec is None:
            continue
        path, item = spec
        n = MAX_ITEMS[key]
        out.append((f"items-max-{key}", _set(path, [copy.deepcopy(item) for _ in range(n)])))
        out.append((f"items-over-{key}", _set(path, [copy.deepcopy(item) for _ in range(n + 1)])))
    values = [
        ("blank-ref", "ref", " \t"),
        ("blank-value", "job_plan.values.0", "   "),
        ("blank-goal", "job_plan.goals.0.text", ""),
        ("int-name", "name", 7),
        ("null-status", "status", None),
        ("null-mode", "sessions.0.mode", None),
        ("null-session-status", "sessions.0.status", None),
        ("null-scope", "consent.scope", None),
        ("null-themes", "sessions.0.themes", None),
        ("null-actions", "sessions.0.actions", None),
        ("null-values", "job_plan.values", None),
        ("null-goals", "job_plan.goals", None),
        ("null-sessions", "sessions", None),
        ("null-assessments", "assessments", None),
        ("null-goal-status", "job_plan.goals.0.status", None),
        ("null-job-plan", "job_plan", None),
        ("null-outcome-status", "outcome.status", None),
        ("null-dropout-date", "dropped_out.date", None),
        ("null-present", "group_attendance.0.present", None),
        ("null-hours", "job_plan.hours_steps.0.hours", None),
        ("int-action", "sessions.0.actions.0", 3),
        ("float-minutes", "sessions.0.minutes", 60.5),
        ("integral-float-minutes", "sessions.0.minutes", 60.0),
        ("integral-float-answer", "assessments.0.answers.0", 3.0),
        ("bool-week", "sessions.0.week", True),
        ("week-105", "sessions.0.week", 105),
        ("week-0", "sessions.0.week", 0),
        ("minutes-1441", "sessions.0.minutes", 1441),
        ("hours-80.5", "job_plan.hours_now", 80.5),
        ("hours-neg", "outcome.hours_per_week", -1),
        ("birth-1899", "birth_year", 1899),
        ("birth-future", "birth_year", TODAY.year + 1),
        ("birth-float", "birth_year", 1990.0),
        ("birth-str", "birth_year", "1990"),
        ("cpr-spaces", "cpr", " 290288-9713 "),
        ("cpr-nohyphen", "cpr", "2902889713"),
        ("cpr-arabic", "cpr", "٢٩٠٢٨٨-٩٧١٣"),
        ("cpr-fullwidth", "cpr", "２９０２８８-９７１３"),
        ("cpr-bad-date", "cpr", "320188-9713"),
        ("cpr-int", "cpr", 2902889713),
        ("date-arabic", "referral_date", "٢٠٢٦-01-05"),
        ("date-feb30", "referral_date", "2026-02-30"),
        ("date-time", "referral_date", "2026-01-05T10:00"),
        ("date-short", "course_start", "2026-1-12"),
        ("time-24", "sessions.0.start", "24:00"),
        ("time-arabic", "sessions.0.start", "١٠:00"),
        ("time-newline", "sessions.0.start", "10:00\n"),
        ("date-newline", "referral_date", "2026-01-05\n"),
        ("next-newline", "sessions.0.next_appointment", "2026-02-17T10:00\n"),
        ("cpr-newline", "cpr", "290288-9713\n"),
        ("ref-newline", "ref", "\n"),
        ("time-secs", "sessions.0.start", "10:00:00"),
        ("next-ok", "sessions.0.next_appointment", "2026-02-17T10:00"),
        ("next-offset", "sessions.0.next_appointment", "2026-02-17T10:00+01:00"),
        ("next-z", "sessions.0.next_appointment", "2026-02-17T10:00Z"),
        ("next-secs", "sessions.0.next_appointment", "2026-02-17T10:00:00"),
        ("next-space", "sessions.0.next_appointment", "2026-02-17 10:00"),
        ("next-feb30", "sessions.0.next_appointment", "2026-02-30T10:00"),
        ("next-2500", "sessions.0.next_appointment", "2026-02-17T25:00"),
        ("next-int", "sessions.0.next_appointment", 5),
        ("rating-extra", "sessions.0.ratings.mood", 3),
        ("rating-null", "sessions.0.ratings", None),
        ("rating-11", "sessions.0.ratings.energy", 11),
        ("rating-float", "sessions.0.ratings.sleep", 4.5),
        ("theme-int", "sessions.0.themes.0", 1),
        ("scope-list", "consent.scope.0", ["course"]),
        ("eligible-str", "eligible", "yes"),
        ("eligible-null", "eligible", None),
        ("course-week-0", "course_week", 0),
        ("course-week-3", "course_week", 3),
        ("course-week-huge", "course_week", 2**53 + 1),
        ("course-week-600", "course_week", 600),
        (
            "pss-change-41",
            "pss_change",
            {
                "before": 41,
                "after": 20,
                "difference": -21,
                "reliable_change": "improved",
                "clinically_important": True,
            },
        ),
        (
            "pss-change-null-after",
            "pss_change",
            {
                "before": 31,
                "after": None,
                "difference": -11,
                "reliable_change": "improved",
                "clinically_important": True,
            },
        ),
        ("birth-huge", "birth_year", 10**30),
        ("minutes-huge", "sessions.0.minutes", 2**63),
        ("pss-change-null", "pss_change", None),
        (
            "pss-change-ok",
            "pss_change",
            {
                "before": 31,
                "after": 20,
                "difference": -11,
                "reliable_change": "improved",
                "clinically_important": True,
            },
        ),
        ("pss-change-missing", "pss_change", {"before": 31}),
        (
            "pss-change-extra",
            "pss_change",
            {
                "before": 31,
                "after": 20,
                "difference": -11,
                "reliable_change": "improved",
                "clinically_important": True,
                "x": 1,
            },
        ),
        ("pss-change-list", "pss_change", [1]),
        ("total-41", "assessments.0.total", 41),
        ("total-null", "assessments.0.total", None),
        ("prorated-null", "assessments.0.prorated", None),
        ("band-bad", "assessments.0.band", "extreme"),
        ("band-null", "assessments.0.band", None),
        ("answers-null", "assessments.0.answers", None),
        ("answer-str", "assessments.0.answers.0", "3"),
        ("deep-in-summary", "report_summary", [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]),
        (
            "dup-attendance",
            "group_attendance",
            [{"date": "2026-01-14", "present": True}, {"date": "2026-01-14", "present": False}],
        ),
        ("withdrawn-before", "consent.withdrawn_on", "2026-01-01"),
        ("caseworker-extra", "caseworker.phone", "123"),
        ("email-bad", "email", "JC-2026-17"),
        ("email-spaces", "email", " ida@example.org "),
        ("email-blank", "email", "   "),
        ("email-two-at", "caseworker.email", "a@b@c.dk"),
        ("email-newline", "email", "ida@example.org\n"),
        ("email-nodot", "email", "ida@dk"),
        ("caseworker-list", "caseworker", []),
        # The agenda and the roster (issue 14): planned sessions, excused absences.
        (
            "planned-future",
            "sessions.0",
            {
                "date": (TODAY + dt.timedelta(days=3)).isoformat(),
                "start": "10:00",
                "minutes": 45,
                "status": "planned",
            },
        ),
        (
            "held-future",
            "sessions.0",
            {"date": (TODAY + dt.timedelta(days=3)).isoformat(), "status": "held"},
        ),
        ("excused-absent", "group_attendance.0.present", False),
        (
            "excused-true",
            "group_attendance.0",
            {"date": "2026-01-14", "present": False, "excused": True},
        ),
        (
            "excused-present",
            "group_attendance.0",
            {"date": "2026-01-14", "present": True, "excused": True},
        ),
        (
            "excused-false-present",
            "group_attendance.0",
            {"date": "2026-01-14", "present": True, "excused": False},
        ),
        (
            "excused-null",
            "group_attendance.0",
            {"date": "2026-01-14", "present": True, "excused": None},
        ),
        (
            "excused-str",
            "group_attendance.0",
            {"date": "2026-01-14", "present": False, "excused": "yes"},
        ),
        ("status-bogus", "sessions.0.status", "tentative"),
    ]
    for name, path, value in values:
        out.append((name, _set(path, value)))
    return out


def _document_texts() -> list[tuple[str, str]]:
    """Whole-file variants: the envelope, and what only the raw text can carry."""
    base = document(canary_person("A"))
    good = json.dumps(base, ensure_ascii=False)
    person = json.dumps(canary_person("A"), ensure_ascii=False)

    def env(**changes):
        d = dict(base, **changes)
        return json.dumps({k: v for k, v in d.items() if v is not ...}, ensure_ascii=False)

    return [
        ("envelope-ok", good),
        ("envelope-unknown-key", env(comment="x")),
        ("envelope-version-1.0", good.replace('"version": 1', '"version": 1.0')),
        ("envelope-version-true", env(version=True)),
        ("envelope-version-str", env(version="1")),
        ("envelope-version-2", env(version=2)),
        ("envelope-no-version", env(version=...)),
        ("envelope-format", env(format="other")),
        ("envelope-no-participants", env(participants=...)),
        ("envelope-participants-null", env(participants=None)),
        ("envelope-participant-str", env(participants=["x"])),
        ("envelope-list", "[]"),
        ("envelope-string", '"x"'),
        ("exported-at-ok", env(exported_at="2026-11-26T10:00:00+01:00")),
        ("exported-at-z", env(exported_at="2026-11-26T10:00:00Z")),
        ("exported-at-frac", env(exported_at="2026-11-26T10:00:00.123+01:00")),
        ("exported-at-naive", env(exported_at="2026-11-26T10:00:00")),
        ("exported-at-date", env(exported_at="2026-11-26")),
        ("exported-at-null", env(exported_at=None)),
        ("exported-at-newline", env(exported_at="2026-11-26T10:00:00+01:00\n")),
        ("exported-at-feb30", env(exported_at="2026-02-30T10:00:00+01:00")),
        ("dup-key-person", good.replace('"name": ', '"name": "X", "name": ', 1)),
        ("dup-key-envelope", good.replace('"version": 1', '"version": 1, "version": 1')),
        ("surrogate-name", good.replace('"name": "', '"name": "\\ud800', 1)),
        ("surrogate-pair-name", good.replace('"name": "', '"name": "\\ud83d\\ude00', 1)),
        ("surrogate-key", good.replace('"name": ', '"n\\udc00": 1, "name": ', 1)),
        ("nan", good.replace('"hours_now": 10', '"hours_now": NaN')),
        ("infinity", good.replace('"hours_now": 10', '"hours_now": Infinity')),
        ("1e400", good.replace('"hours_now": 10', '"hours_now": 1e400')),
        ("1e1", good.replace('"hours_now": 10', '"hours_now": 1e1')),
        ("big-int", good.replace('"hours_now": 10', '"hours_now": ' + "9" * 5000)),
        ("big-int-4000", good.replace('"hours_now": 10', '"hours_now": ' + "9" * 4000)),
        ("big-int-course-week", good[:-3] + ', "course_week": ' + "9" * 40 + "}]}"),
        ("int-2^53+1", good.replace('"hours_now": 10', f'"hours_now": {2**53 + 1}')),
        (
            "deep-100000",
            good.replace('"hours_now": 10', '"hours_now": ' + "[" * 100_000 + "]" * 100_000),
        ),
        ("not-json", good[:-5]),
        ("two-people-same-ref", json.dumps(document(canary_person("A"), canary_person("A")))),
        (
            "person-raw",
            '{"format": "coachdesk.participants", "version": 1, "participants": [' + person + "]}",
        ),
    ]


def _corpus() -> list[tuple[str, str]]:
    from coachdesk.store.demo import demo_document

    texts = [("docs-format-example", _docs_example())]
    for tag in "ABC":
        texts.append(
            (f"canary-{tag}", json.dumps(document(canary_person(tag)), ensure_ascii=False))
        )
    texts.append(
        (
            "demo-60",
            json.dumps(demo_document(60, seed=3, first_number=1, today=TODAY), ensure_ascii=False),
        )
    )
    texts.append(("interchange-ida", json.dumps(test_interchange.doc(test_interchange.ida()))))
    for name, mutate in _mutations():
        p = test_interchange.ida()
        mutate(p)
        texts.append((name, json.dumps(test_interchange.doc(p), ensure_ascii=False)))
    for name, mutate in _hostile_person_mutations():
        p = canary_person("A")
        mutate(p)
        texts.append((name, json.dumps(document(p), ensure_ascii=False)))
    texts += _document_texts()
    return texts


CORPUS = _corpus()


@pytest.fixture(scope="module")
def shared_vault(tmp_path_factory):
    """One vault for the whole corpus: every import is rolled back."""
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault

    vault, _code = Vault.create(
        tmp_path_factory.mktemp("agree") / "vault", "correct horse battery", kdf=TEST_KDF
    )
    yield vault
    vault.close()


@pytest.mark.parametrize(("name", "text"), CORPUS, ids=[n for n, _ in CORPUS])
def test_schema_and_importer_give_the_same_verdict(shared_vault, name, text):
    schema_ok, schema_errs = schema_verdict(text)
    importer_ok, importer_errs = importer_verdict(text, shared_vault)
    if schema_ok and not importer_ok:
        # Only a rule the schema says it cannot express may refuse such a file.
        unexplained = [e for e in importer_errs if not importer_only(e)]
        assert not unexplained, (name, unexplained)
    else:
        assert schema_ok == importer_ok, (name, schema_errs, importer_errs)


def test_the_corpus_has_both_verdicts():
    names = {n for n, _ in CORPUS}
    assert len(names) == len(CORPUS) > 200


def test_export_is_valid_for_both(vault):
    from coachdesk.core import pss10

    with vault.session() as s:
        interchange.import_document(
            s, document(canary_person("A"), canary_person("B")), today=TODAY
        )
        s.commit()
        doc = interchange.export_document(s, None, today=TODAY, params=pss10.Params())
    text = interchange.dumps(doc).decode("utf-8")
    assert schema_verdict(text)[0]
    ok, errs = importer_verdict(text.replace('"ref": "Kanarie', '"ref": "X-Kanarie'), vault)
    assert ok, errs


def _schema_node(path: list[str]) -> dict:
    node = SCHEMA["$defs"]["participant"]
    for key in path:
        node = node["items"] if key == "[]" else node["properties"][key]
        for alt in node.get("oneOf", []):
            if "$ref" in alt:
                node = SCHEMA["$defs"][alt["$ref"].rsplit("/", 1)[1]]
        if "$ref" in node.get("items", {}):
            node = dict(node, items=SCHEMA["$defs"][node["items"]["$ref"].rsplit("/", 1)[1]])
    return node


def _split(key: str) -> list[str]:
    out: list[str] = []
    for part in key.split("."):
        if part.endswith("[]"):
            out += [part[:-2], "[]"]
        else:
            out.append(part)
    return out


def test_the_importers_limits_are_the_documented_ones():
    assert records.MAX_LEN == MAX_LEN
    assert records.MAX_ITEMS == MAX_ITEMS


@pytest.mark.parametrize("key", sorted(MAX_LEN))
def test_schema_max_length_is_the_documented_one(key):
    assert _schema_node(_split(key))["maxLength"] == MAX_LEN[key]


@pytest.mark.parametrize("key", sorted(MAX_ITEMS))
def test_schema_max_items_is_the_documented_one(key):
    assert _schema_node(_split(key))["maxItems"] == MAX_ITEMS[key]


def test_database_columns_are_as_long_as_the_limits():
    from coachdesk.store.models import Participant

    cols = Participant.__table__.c
    pairs = {
        "ref": cols.ref,
        "name": cols.name,
        "email": cols.email,
        "phone": cols.phone,
        "caseworker.name": cols.caseworker_name,
        "caseworker.municipality": cols.caseworker_municipality,
        "caseworker.email": cols.caseworker_email,
        "caseworker.case_ref": cols.case_ref,
    }
    for key, col in pairs.items():
        assert col.type.length == MAX_LEN[key], key


@pytest.mark.parametrize(
    ("name", "schema_ok", "importer_ok"),
    [
        ("planned-future", True, True),
        ("held-future", True, False),
        ("excused-true", True, True),
        ("excused-present", False, False),
        ("excused-false-present", True, True),
        ("excused-null", True, True),
        ("excused-str", False, False),
        ("status-bogus", False, False),
    ],
)
def test_agenda_and_roster_cases_have_their_verdict(shared_vault, name, schema_ok, importer_ok):
    """A planned session may be in the future, a held one may not; afbud is an absence."""
    text = dict(CORPUS)[name]
    assert schema_verdict(text)[0] is schema_ok
    assert importer_verdict(text, shared_vault)[0] is importer_ok
