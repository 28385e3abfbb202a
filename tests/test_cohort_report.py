"""The cohort effect report from a real vault: cohort selection, suppression in print."""

from __future__ import annotations

import csv
import datetime as dt
import io

from test_report_data import add, pdf_text, person, squash

from coachdesk.reports import cohort_report
from coachdesk.store.models import AuditEvent

SCREEN = [3, 3, 4, 1, 1, 4, 2, 1, 3, 3]  # 31
FINAL = [1, 1, 2, 3, 3, 1, 3, 3, 1, 1]  # 11


def _cohort(vault, n_in: int, n_out: int) -> None:
    people = []
    for i in range(n_in):
        people.append(person(f"IN-{i}", name=f"Inge Nielsen {i}", cpr=f"0101{90 - i:02d}-1234",
                             course_start="2026-01-12"))
    for i in range(n_out):
        people.append(person(f"OUT-{i}", name=f"Ole Olsen {i}", course_start="2025-06-02",
                             referral_date="2025-05-01",
                             status="dropped_out",
                             dropped_out={"date": "2025-07-01", "reason": "flyttet"},
                             outcome=None,
                             assessments=[{"kind": "screening", "date": "2025-06-02",
                                           "answers": SCREEN}],
                             # their own course's weeks (a week the date does not fall
                             # in is refused since issue 14)
                             sessions=[{"date": "2025-06-30", "status": "held", "week": 5},
                                       {"date": "2025-07-07", "status": "cancelled",
                                        "week": 6}],
                             group_attendance=[{"date": "2025-06-04", "present": True},
                                               {"date": "2025-06-06", "present": False}]))
    add(vault, *people)


def test_gather_selects_by_course_start(vault) -> None:
    _cohort(vault, 6, 3)
    with vault.session() as s:
        assert len(cohort_report.gather(s, dt.date(2026, 1, 1), dt.date(2026, 1, 31))) == 6
        assert len(cohort_report.gather(s, None, dt.date(2025, 12, 31))) == 3
        assert len(cohort_report.gather(s, None, None)) == 9


def test_pdf_is_anonymous_and_suppresses_small_cells(vault, tmp_path) -> None:
    _cohort(vault, 6, 3)
    out = tmp_path / "c.pdf"
    with vault.session() as s:
        stats = cohort_report.write_cohort_report(s, out, start=dt.date(2025, 1, 1),
                                                  end=dt.date(2026, 12, 31),
                                                  today=dt.date(2026, 5, 1))
        s.commit()
        ev = s.query(AuditEvent).filter_by(action="cohort_report").one()
        assert ev.subject is None and ev.detail == {"format": "pdf", "participants": 9}
    assert (stats.referred, stats.completed, stats.dropped_out) == (9, 6, 3)
    flat = squash(pdf_text(out.read_bytes()))
    assert "Henvist 9 100 %" in flat
    assert "Afbrudt <5 udeladt (færre end 5)" in flat
    # 6 completed + 3 dropped out = 9 admitted: showing the 6 would give the 3 away.
    assert "Gennemført udeladt udeladt (beskytter et lille tal)" in flat
    assert "Gennemført 6" not in flat
    # 6 pairs, all -20: improved 6 (100 %), the chart is shown; 3 drop-outs without outcome.
    assert "Pålidelig forbedring 6 100 %" in flat and "Hver linje er én deltagers" in flat
    assert "Resultat ikke registreret <5" in flat
    assert "januar 2025 – december 2026" in flat
    for secret in ("Inge Nielsen", "Ole Olsen", "IN-0", "OUT-", "0101", "12.01.2026",
                   "flyttet", "Karen", "JC-4711"):
        assert secret not in flat, secret


def test_small_cohort_withholds_means_and_chart(vault, tmp_path) -> None:
    _cohort(vault, 4, 0)
    out = tmp_path / "c.pdf"
    with vault.session() as s:
        cohort_report.write_cohort_report(s, out, lang="en")
    flat = squash(pdf_text(out.read_bytes()))
    assert "Referred <5 withheld (fewer than 5)" in flat
    assert "Mean change withheld (fewer than 5)" in flat
    assert "The chart is withheld" in flat
    assert "-20" not in flat and "31" not in flat.replace("Page", "")


def test_csv_matches_and_suppresses(vault, tmp_path) -> None:
    _cohort(vault, 7, 2)
    out = tmp_path / "c.csv"
    with vault.session() as s:
        cohort_report.write_cohort_report(s, out, lang="en")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["Sections", "Metric", "Count", "Value"]
    table = {r[1]: r[2:] for r in rows[1:]}
    assert table["Referred"] == ["9", "100 %"]
    assert table["Dropped out"] == ["<5", "withheld (fewer than 5)"]
    # Secondary suppression: 7 completed would reveal the 2 drop-outs (9 admitted).
    assert table["Completed"] == ["withheld", "withheld (protects a small number)"]
    assert table["Mean change"][1] == "-20.0"
    assert table["95% confidence interval"][1] == "[-20.0; -20.0]"
    assert "Ole" not in out.read_text(encoding="utf-8-sig")
