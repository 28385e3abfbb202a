"""The cohort report's before/after for each questionnaire with enough pairs (issue 16,
item 6), under the same disclosure rules as PSS-10."""

from __future__ import annotations

import datetime as dt
import statistics

from test_report_data import pdf_text, squash

from coachdesk.core import pss10
from coachdesk.reports import cohort_report
from coachdesk.reports import disclosure_control as dc
from coachdesk.store import interchange

TODAY = dt.date(2026, 11, 27)


def people_doc() -> dict:
    people = []
    for i in range(12):
        before, after = [1, 1, 2, 1, 1 + i % 3], [3, 3, 3, 2 + i % 2, 3]
        a = [
            {"kind": "screening", "date": "2026-03-02", "instrument": "pss10", "answers": [3] * 10},
            {"kind": "final", "date": "2026-05-25", "instrument": "pss10", "answers": [1] * 10},
            {"kind": "screening", "date": "2026-03-02", "instrument": "who5", "answers": before},
            {"kind": "final", "date": "2026-05-25", "instrument": "who5", "answers": after},
        ]
        if i < 3:  # only 3 CBI pairs: not enough to report
            a += [
                {
                    "kind": "screening",
                    "date": "2026-03-02",
                    "instrument": "cbi",
                    "answers": [2] * 13 + [None] * 6,
                },
                {
                    "kind": "final",
                    "date": "2026-05-25",
                    "instrument": "cbi",
                    "answers": [1] * 13 + [None] * 6,
                },
            ]
        people.append(
            {
                "ref": f"C-{i}",
                "name": f"P {i}",
                "referral_date": "2026-02-20",
                "course_start": "2026-03-02",
                "status": "completed",
                "outcome": {"status": "work_full", "date": "2026-05-25"},
                "assessments": a,
            }
        )
    return {"format": interchange.FORMAT, "version": 2, "participants": people}


def test_cohort_reports_who5_before_and_after_and_leaves_out_cbi(vault) -> None:
    with vault.session() as s:
        interchange.import_document(s, people_doc(), today=TODAY)
        s.commit()
        prep = cohort_report.prepare(s, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert prep.refusal is None
    sections = dict(cohort_report.rows(prep, "en"))
    table = {r.key: r for r in sections["WHO-5 Well-Being Index before and after"]}
    befores = [4 * (6 + i % 3) for i in range(12)]  # 1+1+2+1+(1+i%3)
    afters = [4 * (14 + i % 2) for i in range(12)]
    assert table["who5:before"].n == 12
    assert float(table["who5:before"].mean) == round(statistics.mean(befores), 1)
    assert float(table["who5:after"].mean) == round(statistics.mean(afters), 1)
    assert table["who5:pairs"].n == 12
    changes = [a - b for b, a in zip(befores, afters, strict=True)]
    assert table["who5:improved"].n == sum(c >= 10 for c in changes) == 12
    # 0 of 12 worsened: a zero is no small cell.
    assert table["who5:worsened"].n == 0
    assert not any("Copenhagen" in title for title in sections)  # 3 pairs: left out
    assert all(not c.startswith("cbi:") for c, v in prep.published_cells().items() if v is not None)
    flat = squash(pdf_text(cohort_report.render_pdf(prep, "da", "Org", TODAY)))
    assert "WHO-5 Trivselsindeks før og efter" in flat and "Betydende forbedring" in flat
    assert "Copenhagen" not in flat


def test_small_verdict_counts_are_suppressed_with_their_complement() -> None:
    from coachdesk.reports.cohort import Person

    # 10 pairs: 8 improved, 2 worsened -> 2 is small, and hiding it alone would let
    # pairs - improved give it away: one more cell must go.
    people = [
        Person(
            status="completed",
            screened=True,
            before=20,
            after=10,
            outcome="work_full",
            month=(2026, 3),
            measures=(("who5", 20, 60 if i < 8 else 0),),
        )
        for i in range(10)
    ]
    prep = cohort_report.decide(None, None, people, people, pss10.Params(), [])
    assert prep.refusal is None
    assert prep.hidden.get("who5:worsened") == dc.PRIMARY
    assert {"who5:improved", "who5:no_change", "who5:pairs"} & set(prep.hidden) - {"who5:worsened"}
