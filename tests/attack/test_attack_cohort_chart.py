"""Attack: read participants back from the cohort chart's vector paths (issue 13, item 1).

The old chart drew one line per person from the before total to the after total; the
PDF's paths gave every pair back. The chart now draws published figures only (people
per PSS-10 band, the rounded mean change and its CI), so two cohorts that publish the
same figures draw byte-identical pages, whoever is in them.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
from dataclasses import replace

from pypdf import PdfReader
from test_attack_cohort_relations import random_people

from coachdesk.core import pss10
from coachdesk.reports import cohort_report
from coachdesk.reports.cohort import Person

TODAY = dt.date(2026, 6, 1)


def _pages(pdf: bytes) -> list[bytes]:
    return [p.get_contents().get_data() for p in PdfReader(io.BytesIO(pdf)).pages]


def _published(prep) -> list:
    return [
        (r.key, r.n, r.mean, r.sd, r.ci_low, r.ci_high, r.percent, r.suppressed)
        for _, t in cohort_report.rows(prep, "da")
        for r in t
    ] + [sorted(prep.hidden)]


def _band(t: int) -> str:
    return next(k for k, lo, hi in pss10.BANDS if lo <= t <= hi)


def _twin(people: list[Person], rng: random.Random) -> list[Person] | None:
    """Other people: two totals moved by one point each way, within their bands."""
    idx = [i for i, p in enumerate(people) if p.before is not None and p.after is not None]
    i, j = rng.sample(idx, 2)
    a, b = people[i], people[j]
    if _band(a.before + 1) != _band(a.before) or _band(b.before - 1) != _band(b.before):
        return None
    if _band(a.after + 1) != _band(a.after) or _band(b.after - 1) != _band(b.after):
        return None
    twin = list(people)
    twin[i] = replace(a, before=a.before + 1, after=a.after + 1)
    twin[j] = replace(b, before=b.before - 1, after=b.after - 1)
    return twin


def _pairs_cohort(rng: random.Random, n: int) -> list[Person]:
    return [
        Person(
            status="completed",
            screened=True,
            before=rng.randint(18, 36),
            after=rng.randint(6, 30),
            outcome="work_full",
            month=(2026, 1),
        )
        for _ in range(n)
    ]


def test_same_published_figures_draw_identical_pages() -> None:
    rng = random.Random(11)
    found = 0
    for _ in range(400):
        people = _pairs_cohort(rng, 60)
        twin = _twin(people, rng)
        if twin is None:
            continue
        a = cohort_report.decide(None, None, people, people, pss10.Params(), [])
        b = cohort_report.decide(None, None, twin, twin, pss10.Params(), [])
        if _published(a) != _published(b):
            continue
        assert sorted((p.before, p.after) for p in people) != sorted(
            (p.before, p.after) for p in twin
        )
        pa = _pages(cohort_report.render_pdf(a, "da", "", TODAY))
        pb = _pages(cohort_report.render_pdf(b, "da", "", TODAY))
        assert pa == pb  # every mark on every page, byte for byte
        found += 1
        if found == 3:
            break
    assert found == 3


_NUM = r"-?\d+(?:\.\d+)?"


def _segments(content: bytes) -> list[tuple[float, float, float, float]]:
    text = content.decode("latin-1")
    return [
        tuple(map(float, m.groups()))
        for m in re.finditer(rf"({_NUM}) ({_NUM}) m\s+({_NUM}) ({_NUM}) l", text)
    ]


def test_no_line_per_person_in_the_paths() -> None:
    """The old read-back: line segments that join a before and an after position. With
    60 pairs the old chart drew 60 of them; the number of marks now does not grow with
    the cohort."""
    rng = random.Random(4)
    counts = []
    for n in (20, 60, 200):
        people = _pairs_cohort(rng, n)
        prep = cohort_report.decide(None, None, people, people, pss10.Params(), [])
        pages = _pages(cohort_report.render_pdf(prep, "da", "", TODAY))
        counts.append(sum(len(_segments(p)) + p.count(b" re") for p in pages))
    # (a bar of 0 is not drawn, an axis may gain a tick: a handful either way)
    assert max(counts) - min(counts) <= 6, counts


def test_hidden_bands_draw_the_same_whatever_their_value() -> None:
    rng = random.Random(9)
    people = random_people(rng, 40)
    prep = cohort_report.decide(None, None, people, people, pss10.Params(), [])
    hidden = [c for c in prep.hidden if "_band:" in c]
    if not hidden:
        prep.hidden["after_band:high"] = "secondary"
        hidden = ["after_band:high"]
    before = cohort_report.effect_chart(prep, 400, 160, "da")
    prep.values[hidden[0]] += 3  # a different value behind the same label
    after = cohort_report.effect_chart(prep, 400, 160, "da")
    from reportlab.graphics import renderPDF

    assert _pages(renderPDF.drawToString(before)) == _pages(renderPDF.drawToString(after))
