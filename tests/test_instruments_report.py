"""The caseworker report and the own copy show each chosen questionnaire with its change
verdict (issue 16, item 6): real PDFs read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from coachdesk.reports import sections as registry
from coachdesk.reports.caseworker_pdf import render
from coachdesk.reports.content import ReportRequest, build_report
from coachdesk.store import interchange

TODAY = dt.date(2026, 5, 1)


def person() -> dict:
    return {
        "ref": "Q-1",
        "name": "Mette Berg",
        "referral_date": "2026-01-05",
        "course_start": "2026-01-12",
        "consent": {"given_on": "2026-01-12", "scope": ["course", "report_to_municipality"]},
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
                "kind": "final",
                "date": "2026-04-03",
                "instrument": "who5",
                "answers": [3, 3, 3, 3, 3],
            },
            {
                "kind": "screening",
                "date": "2026-01-12",
                "instrument": "cbi",
                "answers": [4, 3, 2, 1, 0, 2, 4, 4, 4, 4, 4, 4, 0] + [None] * 6,
            },
            {
                "kind": "final",
                "date": "2026-04-03",
                "instrument": "cbi",
                "answers": [1] * 13 + [None] * 6,
            },
        ],
    }


def pid_of(vault) -> int:
    with vault.session() as s:
        interchange.import_document(
            s, {"format": interchange.FORMAT, "version": 2, "participants": [person()]}, today=TODAY
        )
        s.commit()
        return interchange.load_participants(s, ["Q-1"])[0].id


def pdf_text(data: bytes) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)


def test_report_shows_each_questionnaire_with_its_verdict(vault):
    pid = pid_of(vault)
    with vault.session() as s:
        c = build_report(s, pid, ReportRequest(kind="final_report", lang="da"), TODAY)
    assert [q.instrument for q in c.questionnaires] == ["who5", "cbi"]
    who5, cbi = c.questionnaires
    assert (who5.before, who5.after, who5.verdict) == (28, 60, "improved")
    assert (cbi.before, cbi.after, cbi.verdict) == (50.0, 25.0, None)
    flat = " ".join(pdf_text(render(c)).split())
    assert "Andre spørgeskemaer" in flat and "WHO-5 Trivselsindeks" in flat
    assert "Fra 28 til 60 (+32)." in flat
    assert "Det er en betydende forbedring (en ændring på 10 point eller mere)." in flat
    assert "ingen publiceret regel" in flat  # the CBI has no change rule


def test_the_coach_chooses_the_instruments(vault):
    pid = pid_of(vault)
    with vault.session() as s:
        c = build_report(s, pid, ReportRequest(kind="final_report", instruments=("cbi",)), TODAY)
        none = build_report(
            s,
            pid,
            ReportRequest(sections=tuple(x for x in registry.defaults() if x != "questionnaires")),
            TODAY,
        )
    assert [q.instrument for q in c.questionnaires] == ["cbi"]
    assert none.questionnaires is None
    assert "WHO-5" not in pdf_text(render(none))


def test_own_copy_holds_every_questionnaire(vault):
    from coachdesk.reports import access_pdf

    pid = pid_of(vault)
    with vault.session() as s:
        c = build_report(s, pid, ReportRequest(kind="access_copy", lang="en"), TODAY)
        s.commit()
    flat = " ".join(pdf_text(access_pdf.render(c)).split())
    assert "Other questionnaires" in flat and "Copenhagen Burnout Inventory" in flat
    assert "This is a meaningful improvement (a change of 10 points or more)." in flat
    # Item by item, with the registry's wording and the answer's label.
    assert "Every answer: Copenhagen Burnout Inventory" in flat
    assert (
        "Do you have enough energy for family and friends during leisure time? (reversed)" in flat
    )
    assert "I have felt cheerful and in good spirits" in flat and "3 More than half of the" in flat
