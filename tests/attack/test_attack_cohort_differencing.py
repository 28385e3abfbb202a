"""Attack: subtract one cohort report from another (issue 13, item 3).

Two reports whose periods differ by a day used to differ by exactly one person. Now
periods are whole months, every released report is logged (aggregates only), and a
new report that a reader could subtract from a released one is refused or has the
revealing cells hidden. The attacker here takes two reports over nested periods and
solves both for the hidden counts: the difference must never be pinned into 1-4.
"""

from __future__ import annotations

import datetime as dt
import random

from cohort_attacker import feasible_values, read, relations
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_attack_cohort_relations import random_people
from test_report_data import add, person

from coachdesk.cli.main import main
from coachdesk.core import pss10
from coachdesk.reports import cohort_report
from coachdesk.reports import disclosure_control as dc
from coachdesk.reports.cohort_report import month_end
from coachdesk.store.cohort_releases import Release

SESSIONS = ("cancelled", "no_show")


def _period(a: int, b: int) -> tuple[dt.date, dt.date]:
    return dt.date(2026, a, 1), month_end(2026, b)


def _release(prep: cohort_report.Prepared) -> Release:
    return Release(dt.datetime(2026, 7, 1), prep.start, prep.end, prep.published_cells())


def _feasible(prep: cohort_report.Prepared, targets) -> dict[str, set[int]]:
    known, hidden, rows = read(cohort_report.render_csv(prep, "en", "rfc4180"))
    feas = feasible_values(known, hidden, relations(rows, prep.stats.params), targets)
    return {**{c: {v} for c, v in known.items()}, **feas}


def assert_no_small_difference(
    old: cohort_report.Prepared,
    new: cohort_report.Prepared,
) -> None:
    """For nested periods (same data): the attacker's possible differences of each count
    must include 0 or a difference of 5 or more whenever the true one is 1-4."""
    small = [c for c in new.values if dc.is_small(abs(new.values[c] - old.values[c]))]
    f_old, f_new = _feasible(old, small), _feasible(new, small)
    for c, truth_new in new.values.items():
        truth = truth_new - old.values[c]
        if not dc.is_small(abs(truth)):
            continue
        if c in SESSIONS:  # no relations: published or "<5"
            shown_old, shown_new = c not in old.hidden, c not in new.hidden
            assert not (shown_old and shown_new), c
            continue
        if c not in f_new or c not in f_old:  # not printed at all (bands of n < 5)
            continue
        diffs = {a - b for a in f_new[c] for b in f_old[c]}
        assert any(d == 0 or abs(d) >= dc.SMALL for d in diffs), (c, truth, diffs)
    # A mean over a number that differs by 1-4 gives those people's mean.
    for stat, n_cell in (("before", "before_n"), ("after", "after_n"), ("change", "pairs")):
        if dc.is_small(abs(new.values[n_cell] - old.values[n_cell])):
            assert stat in new.stats_hidden or stat in old.stats_hidden, stat


@settings(
    max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(10, 90),
    a=st.integers(1, 6),
    b=st.integers(1, 6),
    c=st.integers(1, 6),
    d=st.integers(1, 6),
)
def test_random_period_pairs_cannot_be_subtracted(seed, n, a, b, c, d) -> None:
    rng = random.Random(seed)
    people = random_people(rng, n, months=6)
    params = pss10.Params()
    p1, p2 = _period(min(a, b), max(a, b)), _period(min(c, d), max(c, d))

    def cohort_of(p):
        return [x for x in people if p[0].month <= x.month[1] <= p[1].month]

    first = cohort_report.decide(*p1, cohort_of(p1), people, params, [])
    if first.refusal:
        return
    second = cohort_report.decide(*p2, cohort_of(p2), people, params, [_release(first)])
    if second.refusal:
        assert second.refusal in ("difference", "unprotectable", "small")
        return
    nested = (p1[0] <= p2[0] and p2[1] <= p1[1]) or (p2[0] <= p1[0] and p1[1] <= p2[1])
    if nested:
        assert_no_small_difference(first, second)


def test_a_changed_status_in_the_same_period_is_not_revealed() -> None:
    """Re-releasing a period after one person completed would show +1 completed."""
    rng = random.Random(5)
    people = random_people(rng, 40)
    params = pss10.Params()
    jan = _period(1, 1)
    first = cohort_report.decide(*jan, people, people, params, [])
    assert first.refusal is None
    i = next(i for i, p in enumerate(people) if p.status == "group_phase")
    changed = list(people)
    changed[i] = person_completed(people[i])
    second = cohort_report.decide(*jan, changed, changed, params, [_release(first)])
    assert second.refusal is None
    assert second.values["completed"] == first.values["completed"] + 1
    for c in ("completed",):
        assert c in second.hidden or c in first.hidden
    assert_no_small_difference(first, second)


def person_completed(p):
    from dataclasses import replace

    return replace(p, status="completed", outcome="work_full")


def test_chains_of_reports_are_caught() -> None:
    """Jan-Feb and Feb-Mar released, then January: March = FebMar - JanFeb + Jan.
    With 2 people starting in March the second report is refused already."""
    rng = random.Random(3)
    people = []
    for month, count in ((1, 12), (2, 12), (3, 2)):
        people += [
            p.__class__(**{**p.__dict__, "month": (2026, month)}) for p in random_people(rng, count)
        ]
    params = pss10.Params()

    def run(p, released):
        members = [x for x in people if p[0].month <= x.month[1] <= p[1].month]
        return cohort_report.decide(*p, members, people, params, released)

    janfeb = run(_period(1, 2), [])
    assert janfeb.refusal is None
    febmar = run(_period(2, 3), [_release(janfeb)])
    assert febmar.refusal == "difference"
    assert "januar 2026 – februar 2026" in febmar.refusal_text("da")


def _jan_feb_mar(vault, march: int) -> None:
    people = []
    for i in range(8):
        people.append(person(f"J-{i}", cpr=f"0101{90 - i:02d}-1234", course_start="2026-01-12"))
        people.append(
            person(
                f"F-{i}",
                cpr=f"0202{90 - i:02d}-1234",
                course_start="2026-02-09",
                sessions=[],
                group_attendance=[],
            )
        )
    for i in range(march):
        people.append(
            person(
                f"M-{i}",
                cpr=f"0303{90 - i:02d}-1234",
                course_start="2026-03-01",
                status="dropped_out",
                sessions=[],
                group_attendance=[],
                dropped_out={"date": "2026-03-20", "reason": "flyttet"},
                outcome=None,
            )
        )
    add(vault, *people)
    vault.close()


def test_the_issues_two_period_attack(vault, data_dir, passphrase_file, tmp_path, capsys) -> None:
    """--to 2026-02-28 and --to 2026-03-01 differed by the one person starting 1 March."""
    _jan_feb_mar(vault, march=1)
    base = [
        "--data-dir",
        str(data_dir),
        "cohort-report",
        "--passphrase-file",
        str(passphrase_file),
        "--from",
        "2026-01-01",
    ]
    assert main([*base, "--to", "2026-02-28", "--out", str(tmp_path / "a.csv")]) == 0
    # a day more is not a period any more
    assert main([*base, "--to", "2026-03-01", "--out", str(tmp_path / "b.csv")]) == 2
    assert "whole months" in capsys.readouterr().err
    # and the whole of March adds one person: refused, nothing written or logged
    assert main([*base, "--to", "2026-03", "--out", str(tmp_path / "b.csv")]) == 2
    err = capsys.readouterr().err
    assert "fewer than 5 participants" in err and "January 2026" in err
    assert not (tmp_path / "b.csv").exists()
    from coachdesk.store import cohort_releases
    from coachdesk.store.vault import Vault

    with (
        Vault.open(data_dir, passphrase=passphrase_file.read_text().strip()) as v,
        v.session() as s,
    ):
        assert len(cohort_releases.released(s)) == 1


def test_six_more_people_in_march_hide_what_differs_by_1_to_4(
    vault, data_dir, passphrase_file, tmp_path
) -> None:
    _jan_feb_mar(vault, march=6)
    base = [
        "--data-dir",
        str(data_dir),
        "cohort-report",
        "--passphrase-file",
        str(passphrase_file),
        "--from",
        "2026-01",
        "--csv-dialect",
        "rfc4180",
    ]
    assert main([*base, "--to", "2026-02", "--out", str(tmp_path / "a.csv")]) == 0
    assert main([*base, "--to", "2026-03", "--out", str(tmp_path / "b.csv")]) == 0
    import csv
    import io

    a, b = (
        {r["key"]: r for r in csv.DictReader(io.StringIO(p.read_text()))}
        for p in (tmp_path / "a.csv", tmp_path / "b.csv")
    )
    assert (a["referred"]["n"], b["referred"]["n"]) == ("16", "22")
    for key in a:
        if a[key]["n"] and b[key]["n"]:
            assert not dc.is_small(abs(int(b[key]["n"]) - int(a[key]["n"]))), key
