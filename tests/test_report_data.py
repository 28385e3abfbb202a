"""Shared test data for the report tests: one rich participant, imported for real."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

CPR = "010190-1234"
NOTE_CANARY = "NOTECANARY fortrolig samtale"
QUOTE_CANARY = "QUOTECANARY egne ord"


# The report's structured fields, all filled (docs/reports.md); the step plan keeps at
# least 4 hours of absence a week below the normal 37 (a valid partial return).
REPORT_FIELDS: dict[str, Any] = {
    "work_capacity": "Kan arbejde 4 timer dagligt med stillesiddende opgaver.",
    "normal_hours": 37,
    "hours_now": 12,
    "step_plan": [
        {"week": 1, "hours": 12},
        {"week": 3, "hours": 18},
        {"week": 6, "hours": 24},
        {"week": 9, "hours": 30},
    ],
    "return_date": "2026-07-01",
    "return_kind": "partial",
    "resources": "Stærk faglighed og god kontakt til lederen.",
    "challenges": "Søvnen forstyrres i travle perioder.",
    "progression": "Har genfundet overskud og sætter grænser i hverdagen.",
    "recommendation": "Fortsat gradvis optrapning; opfølgning i kommunen om 6 uger.",
}


def person(ref: str = "GK-2026-0042", **over: Any) -> dict[str, Any]:
    p: dict[str, Any] = {
        "ref": ref,
        "name": "Ida Æbelø Østergård",
        "cpr": CPR,
        "birth_year": 1990,
        "email": "ida@example.org",
        "phone": "+45 12 34 56 78",
        "caseworker": {
            "name": "Karen Holm",
            "municipality": "Gentofte Kommune",
            "email": "jc@example.org",
            "case_ref": "JC-4711",
        },
        "referral_date": "2026-01-05",
        "course_start": "2026-01-12",
        "status": "completed",
        "consent": {
            "given_on": "2026-01-12",
            "scope": ["course", "report_to_municipality"],
            "withdrawn_on": None,
        },
        "assessments": [
            {
                "kind": "screening",
                "date": "2026-01-12",
                "answers": [3, 3, 4, 1, 1, 4, 2, 1, 3, 3],
            },  # 31
            {
                "kind": "final",
                "date": "2026-04-03",
                "answers": [1, 1, 2, 3, 3, 1, 3, 3, 1, 1],
            },  # 11
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
                "notes": NOTE_CANARY,
                "quotes": QUOTE_CANARY,
                "actions": ["Gå en tur"],
                "ratings": {"energy": 4, "sleep": 5, "wellbeing": 4},
            },
            {
                "date": "2026-02-17",
                "start": "10:00",
                "minutes": 60,
                "mode": "phone",
                "status": "cancelled",
                "week": 6,
            },
        ],
        "group_attendance": [
            {"date": "2026-01-14", "present": True},
            {"date": "2026-01-16", "present": False},
        ],
        "job_plan": {
            "values": ["Faglig stolthed", "Ro og overskud"],
            "direction": "Tilbage som sygeplejerske med færre vagter",
            "goals": [
                {"text": "Tale med lederen om vagtplan", "due": "2026-03-01", "status": "done"}
            ],
            "accommodations": [
                {
                    "category": "environment",
                    "description": "Et stille rum til dokumentation",
                    "until": "2026-06-01",
                }
            ],
            "hours_now": 10,
            "hours_target": 30,
            "hours_steps": [{"from": "2026-03-01", "hours": 15}],
        },
        "outcome": {"status": "work_partial", "hours_per_week": 20, "date": "2026-04-03"},
        "report_summary": "Ida har gennemført forløbet med god energi; anbefaler gradvis øgning.",
        "report_fields": REPORT_FIELDS,
    }
    p.update(over)
    return p


def add(vault: Any, *people: dict[str, Any]) -> list[int]:
    """Import participants through the real importer; return their ids."""
    from coachdesk.store import interchange
    from coachdesk.store.models import Participant

    doc = {"format": "coachdesk.participants", "version": 1, "participants": list(people)}
    with vault.session() as s:
        interchange.import_document(s, doc)
        s.commit()
        return [s.query(Participant).filter_by(ref=p["ref"]).one().id for p in people]


def pdf_text(data: bytes, password: str | None = None) -> str:
    r = PdfReader(io.BytesIO(data))
    if password is not None:
        r.decrypt(password)
    return "\n".join(page.extract_text() for page in r.pages)


def squash(text: str) -> str:
    """Extracted text without line breaks and repeated spaces (wrapping moves them)."""
    return " ".join(text.split())


def test_person_is_valid_and_imports(vault) -> None:
    (pid,) = add(vault, person())
    assert pid > 0
