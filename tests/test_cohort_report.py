"""The cohort effect report from a real vault: cohort selection, suppression in print,
whole-month periods, the tidy CSV and its dialects, half-up rounding, the release log."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from test_report_data import add, pdf_text, person, squash

from coachdesk.errors import BadInput
from coachdesk.reports import cohort_report
from coachdesk.reports import disclosure_control as dc
from coachdesk.store import cohort_releases
from coachdesk.store.models import AuditEvent

SCREEN = [3, 3, 4, 1, 1, 4, 2, 1, 3, 3]  # 31
FINAL = [1, 1, 2, 3, 3, 1, 3, 3, 1, 1]  # 11

JAN = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))


def _cohort(vault, n_in: int, n_out: int) -> None:
    people = []
    for i in range(n_in):
        people.append(
            person(
                f"IN-{i}",
                name=f"Inge Nielsen {i}",
                cpr=f"0101{90 - i:02d}-1234",
                course_start="2026-01-12",
            )
        )
    for i in range(n_out):
        people.append(
            person(
                f"OUT-{i}",
                name=f"Ole Olsen {i}",
                course_start="2025-06-02",
                referral_date="2025-05-01",
                status="dropped_out",
                dropped_out={"date": "2025-07-01", "reason": "flyttet"},
                outcome=None,
                assessments=[{"kind": "screening", "date": "2025-06-02", "answers": SCREEN}],
                # their own course's weeks (a week the date does not fall
                # in is refused since issue 14)
                sessions=[
                    {"date": "2025-06-30", "status": "held", "week": 5},
                    {"date": "2025-07-07", "status": "cancelled", "week": 6},
                ],
                group_attendance=[
                    {"date": "2025-06-04", "present": True},
                    {"date": "2025-06-06", "present": False},
                ],
            )
        )
    add(vault, *people)


def test_gather_selects_by_course_start(vault) -> None:
    _cohort(vault, 6, 3)
    with vault.session() as s:
        assert len(cohort_report.gather(s, *JAN)) == 6
        assert len(cohort_report.gather(s, None, dt.date(2025, 12, 31))) == 3
        assert len(cohort_report.gather(s, None, None)) == 9


def test_pdf_is_anonymous_and_suppresses_small_cells(vault, tmp_path) -> None:
    _cohort(vault, 6, 3)
    out = tmp_path / "c.pdf"
    with vault.session() as s:
        prep = cohort_report.write_cohort_report(
            s, out, start=dt.date(2025, 1, 1), end=dt.date(2026, 12, 31), today=dt.date(2026, 5, 1)
        )
        ev = s.query(AuditEvent).filter_by(action="cohort_report").one()
        assert ev.subject is None
        assert ev.detail["format"] == "pdf" and ev.detail["participants"] == 9
        assert ev.detail["period"] == ["2025-01-01", "2026-12-31"]
    assert (prep.stats.referred, prep.stats.completed, prep.stats.dropped_out) == (9, 6, 3)
    flat = squash(pdf_text(out.read_bytes()))
    assert "Henvist 9" in flat
    assert "Afbrudt <5 udeladt (færre end 5)" in flat
    # completed 6 + dropped out (<5) <= admitted 9 leaves 1-3: not one value, so 6 may
    # print; but a share of the outcomes would give completed + dropped out, so none does.
    assert "Gennemført 6 67 %" in flat
    assert "I arbejde på deltid 6 andel udeladt" in flat
    assert "Pålidelig forbedring 6 100 %" in flat
    assert "januar 2025 – december 2026" in flat
    for secret in (
        "Inge Nielsen",
        "Ole Olsen",
        "IN-0",
        "OUT-",
        "0101",
        "12.01.2026",
        "flyttet",
        "Karen",
        "JC-4711",
    ):
        assert secret not in flat, secret


def test_a_cohort_of_fewer_than_5_is_refused(vault, tmp_path) -> None:
    _cohort(vault, 4, 0)
    out = tmp_path / "c.pdf"
    with vault.session() as s, pytest.raises(BadInput, match="too few participants"):
        cohort_report.write_cohort_report(s, out, lang="en")
    assert [p.name for p in tmp_path.iterdir()] == ["vault"]
    with vault.session() as s:
        assert cohort_releases.released(s) == []
        assert s.query(AuditEvent).filter_by(action="cohort_report").count() == 0


def _csv(path, dialect="excel-da"):
    raw = path.read_bytes()
    if dialect == "excel-da":
        assert raw.startswith(b"\xef\xbb\xbf")
        text = raw.decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert not raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8")), delimiter=","))


def test_csv_is_tidy_in_both_dialects_whatever_the_language(vault, tmp_path) -> None:
    _cohort(vault, 7, 2)
    with vault.session() as s:
        prep = cohort_report.prepare(s, None, None)
    for lang in ("da", "en"):
        for dialect in ("excel-da", "rfc4180"):
            data = cohort_report.render_csv(prep, lang, dialect)
            (tmp_path / "x.csv").write_bytes(data)
            rows = _csv(tmp_path / "x.csv", dialect)
            assert list(rows[0]) == list(cohort_report.CSV_COLUMNS)
            by = {r["key"]: r for r in rows}
            assert by["referred"]["n"] == "9"
            assert by["dropped_out"]["n"] == "" and by["dropped_out"]["suppressed"] == "lt5"
            change = by["mean_change"]
            assert change["mean"] == "-20" + (",0" if dialect == "excel-da" else ".0")
            assert change["ci_low"] == change["ci_high"] == change["mean"]
            # numbers as numbers: every numeric column parses (after the dialect's comma)
            for r in rows:
                for col in ("n", "mean", "sd", "ci_low", "ci_high", "percent"):
                    if r[col]:
                        Decimal(r[col].replace(",", ".") if dialect == "excel-da" else r[col])
                        assert "%" not in r[col] and "<" not in r[col]


def test_csv_and_pdf_show_the_same_numbers(vault, tmp_path) -> None:
    _cohort(vault, 11, 6)
    with vault.session() as s:
        prep = cohort_report.prepare(s, None, None)
    flat = squash(pdf_text(cohort_report.render_pdf(prep, "da", "", dt.date(2026, 5, 1))))
    (tmp_path / "x.csv").write_bytes(cohort_report.render_csv(prep, "da"))
    rows = _csv(tmp_path / "x.csv")
    assert rows
    for r in rows:
        if r["suppressed"] in ("lt5", "withheld") or r["key"].startswith(
            ("before_band", "after_band")
        ):
            continue
        if r["n"]:
            assert f"{r['metric']} {r['n']}" in flat, r
        for col in ("mean", "sd", "ci_low", "ci_high"):
            if r[col]:
                assert r[col] in flat, (r, col)
        if r["percent"]:
            assert f"{r['percent']} %" in flat, r


def test_month_periods_only(vault, tmp_path) -> None:
    _cohort(vault, 6, 0)
    with vault.session() as s:
        for start, end in (
            (dt.date(2026, 1, 2), None),
            (None, dt.date(2026, 3, 1)),
            (dt.date(2026, 1, 1), dt.date(2026, 2, 27)),
        ):
            with pytest.raises(BadInput, match="whole months"):
                cohort_report.write_cohort_report(s, tmp_path / "c.pdf", start=start, end=end)
    assert [p.name for p in tmp_path.iterdir()] == ["vault"]
    assert cohort_report.period_label(*JAN, "da") == "januar 2026"
    assert (
        cohort_report.period_label(dt.date(2026, 1, 1), dt.date(2026, 2, 28), "da")
        == "januar 2026 – februar 2026"
    )


def test_rounding_is_half_up() -> None:
    assert dc.round_half_up(17.25, 1) == Decimal("17.3")
    assert dc.round_half_up(82.5, 0) == Decimal("83")
    assert dc.round_half_up(-17.25, 1) == Decimal("-17.3")  # half away from zero
    assert dc.round_half_up(2.675, 2) == Decimal("2.68")  # the decimal, not the binary
    assert cohort_report.fmt(dc.round_half_up(17.25, 1), "da") == "17,3"


def test_rounding_in_print() -> None:
    """A mean change of -17.25 prints -17,3 and 33 of 40 (82.5 %) prints 83 %, in the PDF
    table and the CSV alike."""
    from coachdesk.core import pss10
    from coachdesk.reports.cohort import Person

    people = [
        Person(
            status="completed",
            screened=True,
            before=35,
            after=35 + d,
            outcome="work_full",
            month=(2026, 1),
        )
        for d in (-17, -17, -17, -17, -17, -17, -18, -18)
    ]  # mean -138/8 = -17.25
    people += [
        Person(
            status="screened", screened=True, before=None, after=None, outcome=None, month=(2026, 1)
        )
    ] * 25
    people += [
        Person(
            status="referred",
            screened=False,
            before=None,
            after=None,
            outcome=None,
            month=(2026, 1),
        )
    ] * 7
    prep = cohort_report.decide(*JAN, people, people, pss10.Params(), [])
    rows = {r.key: r for _, t in cohort_report.rows(prep, "da") for r in t}
    assert prep.stats.paired.mean_change == pytest.approx(-17.25)
    assert rows["mean_change"].mean == Decimal("-17.3")
    assert cohort_report.printed(rows["mean_change"], "da")[1].startswith("-17,3 [")
    assert rows["screened"].n == 33 and rows["screened"].percent == Decimal("83")
    assert cohort_report.printed(rows["screened"], "da") == ("33", "83 %")
    csv_rows = {
        r["key"]: r
        for r in csv.DictReader(
            io.StringIO(cohort_report.render_csv(prep, "da", "rfc4180").decode())
        )
    }
    assert csv_rows["mean_change"]["mean"] == "-17.3"
    assert csv_rows["screened"]["percent"] == "83"


def test_release_is_logged_with_aggregates_only(vault, tmp_path) -> None:
    _cohort(vault, 7, 2)
    with vault.session() as s:
        prep = cohort_report.write_cohort_report(s, tmp_path / "c.csv", start=JAN[0], end=JAN[1])
    with vault.session() as s:
        (rel,) = cohort_releases.released(s)
    assert (rel.period_from, rel.period_to) == JAN
    assert rel.cells == prep.published_cells()
    assert all(v is None or isinstance(v, int) for v in rel.cells.values())
    assert set(rel.cells) == set(prep.values)


def test_the_cohort_pdf_is_pdf_a(vault) -> None:
    """The chart draws opaque, in the embedded font: finish() makes the report PDF/A-2b."""
    import pikepdf

    _cohort(vault, 11, 6)
    with vault.session() as s:
        prep = cohort_report.prepare(s, None, None)
    data = cohort_report.render_pdf(prep, "da", "", dt.date(2026, 5, 1))
    report = pikepdf.pdfa.validate_written(io.BytesIO(data), "2b")
    assert report.passed, [str(f) for f in report.findings]
