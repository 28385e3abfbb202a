"""The cohort effect report: gather anonymous facts from the vault, print PDF or CSV.

Only counts and statistics leave the vault. What is hidden is decided once, in
``prepare``: small cells (1-4, printed "<5"), the cells a reader could work out from
the published relations (disclosure_control.py), and the cells that differ by 1-4
from a report already released (differencing.py). ``rows`` turns that into the one
table that the PDF, the CSV and the app's preview all print, so they cannot disagree.

Periods are whole months (a period ending on the 1st would differ from the month
before by one day's participants). Every number is rounded half up.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from coachdesk import gc_policy
from coachdesk.core import instruments, plausibility, pss10
from coachdesk.errors import BadInput
from coachdesk.reports import cohort, differencing, strings
from coachdesk.reports import disclosure_control as dc
from coachdesk.store import audit, cohort_releases, settings
from coachdesk.store.atomic import WriteFailed, atomic_writer

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

# The PDF stack (reportlab, the fonts, pikepdf for PDF/A: 0.2 s of imports) is loaded
# when a PDF is drawn, not with this module: the CSV, the dialog's preview and the
# organisation's aggregate never need it, and write_cohort_report loads it on a thread
# while the cohort is counted (preload_pdf).
_PDF_MODULES = (
    "reportlab.graphics.shapes",
    "reportlab.lib.units",
    "coachdesk.reports.pdf_layout",  # registers the fonts (reports/fonts.py)
    "coachdesk.reports.pdf_security",
    "coachdesk.reports.pdfa",
)


def _preload_quietly() -> None:
    # A warm-up only: a module that fails to load fails again, in context, in render_pdf.
    with contextlib.suppress(Exception):
        preload_pdf()


def preload_pdf() -> None:
    """Import the PDF stack (thread-safe: Python's import locks, fonts.register's lock)."""
    import importlib

    for name in _PDF_MODULES:
        importlib.import_module(name)


CSV_DIALECTS = ("excel-da", "rfc4180")


def tr(key: str, lang: str, **fields: object) -> str:
    return strings.tr(key, lang, **fields)


# --- periods: whole months -------------------------------------------------------------


def month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def check_period(start: dt.date | None, end: dt.date | None) -> None:
    """Whole months only: ``start`` the 1st, ``end`` the last day of a month."""
    if start is not None and start.day != 1:
        raise BadInput(
            "cohort.from_not_first_day", value=start.isoformat(), start=format(start, "%Y-%m")
        )
    if end is not None and end != month_end(end.year, end.month):
        raise BadInput("cohort.to_not_last_day", value=end.isoformat(), end=format(end, "%Y-%m"))
    if start and end and start > end:
        raise BadInput("cli.from_after_to")


def period_label(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    if start is None and end is None:
        return strings.tr("all dates", lang)
    a = strings.fmt_month(start, lang) if start else "…"
    b = strings.fmt_month(end, lang) if end else "…"
    return a if a == b else f"{a} – {b}"


# --- gathering -------------------------------------------------------------------------


def gather(session: Session, start: dt.date | None, end: dt.date | None) -> list[cohort.Person]:
    """The cohort: participants whose course started within [start, end] (inclusive).

    Without a period everyone is counted, including the referred who have not started.
    Plain SQL on the session's connection, no ORM objects and no type processing. The
    sessions and group attendance marks (130,000 rows at 10,000 people) are counted in
    the database, per person, with core/plausibility's rule in SQL (only a plausible or
    coach-confirmed record counts, as in the caseworker report): 10,000 rows come back
    instead of 130,000, and no rule runs per record in Python. The PSS-10 totals are
    the stored scores (assessment.score, migration 0013: the one rule that writes them
    is core/pss10's), not the answers scored again.

    Each of the big reads comes back as one JSON array in one row: SQLite works out the
    whole result in its first step, during which Python's GIL is free, so the PDF
    modules that write_cohort_report loads on a thread meanwhile (preload_pdf) really
    load in parallel (a row-by-row fetch takes the GIL back for every row).
    """
    where, params = [], {"today": dt.date.today().isoformat()}
    if start is not None:
        where.append("p.course_start >= :start")
        params["start"] = start.isoformat()
    if end is not None:
        where.append("p.course_start <= :end")
        params["end"] = end.isoformat()
    cond = (" AND ".join(where)) if where else "1"
    join = " JOIN participant p ON p.id = t.participant_id WHERE " + cond

    def rows(sql: str) -> Any:
        return session.connection().exec_driver_sql(sql, params).fetchall()

    def one_array(columns: str, sql: str) -> list[list[Any]]:
        # Rows in the order of their first column (the id: the order a plain scan gave).
        found = session.connection().exec_driver_sql(
            f"SELECT json_group_array(json_array({columns}) ORDER BY a) FROM ({sql})", params
        )
        rows_found: list[list[Any]] = json.loads(found.scalar() or "[]")
        return rows_found

    # Tens of thousands of small objects and no cycles among them: no collector runs
    # (gc_policy; a full pass walks every SQLAlchemy object: 90 ms here).
    with gc_policy.paused():
        people = one_array(
            "a, b, c, d",
            "SELECT p.id AS a, p.status AS b, p.outcome_status AS c, p.course_start AS d "
            "FROM participant p WHERE " + cond,
        )
        # PSS-10 only: the first screening (earliest date, the first stored on a tie)
        # and the latest final (latest date, the last stored on a tie), core/pss10's
        # pick_before_after, as (date, id, total); whether any screening was taken.
        firsts: dict[int, tuple[str, int, int | None]] = {}
        lasts: dict[int, tuple[str, int, int | None]] = {}
        for pid, kind, date, aid, score in one_array(
            "a, b, c, d, e",
            "SELECT t.participant_id AS a, t.kind AS b, t.date AS c, t.id AS d, "
            "CAST(t.score AS INTEGER) AS e FROM assessment t"
            + join
            + " AND t.instrument = 'pss10' AND t.kind IN ('screening', 'final')",
        ):
            # ISO dates compare as strings
            if kind == "screening":
                was = firsts.get(pid)
                if was is None or (date, aid) < was[:2]:
                    firsts[pid] = (date, aid, score)
            else:
                was = lasts.get(pid)
                if was is None or (date, aid) > was[:2]:
                    lasts[pid] = (date, aid, score)
        # The other questionnaires: per person and instrument the first screening's and
        # the latest final's primary score (stored by the registry's rule; unknown ids
        # are skipped). Few rows, fetched as they are (a REAL keeps all its digits).
        others: dict[int, dict[str, list[tuple[str, str, float | None]]]] = defaultdict(dict)
        known = set(instruments.ids())
        for pid, iid, kind, date, value in rows(
            "SELECT t.participant_id, t.instrument, t.kind, t.date, t.score "
            "FROM assessment t" + join + " AND t.instrument != 'pss10'"
            " AND t.kind IN ('screening', 'final') ORDER BY t.date, t.id"
        ):
            if iid in known:
                others[pid].setdefault(iid, []).append((kind, date, value))
        sessions = {
            pid: (held, cancelled, no_show)
            for pid, held, cancelled, no_show in one_array(
                "a, b, c, d",
                "SELECT t.participant_id AS a, SUM(t.status = 'held') AS b, "
                "SUM(t.status = 'cancelled') AS c, SUM(t.status = 'no_show') AS d "
                "FROM session_log t"
                + join
                + " AND "
                + plausibility.COUNTABLE_SESSION_SQL
                + " GROUP BY t.participant_id",
            )
        }
        marks = {
            pid: (present, recorded)
            for pid, present, recorded in one_array(
                "a, b, c",
                "SELECT t.participant_id AS a, SUM(COALESCE(t.present, 0) != 0) AS b, "
                "COUNT(*) AS c FROM group_attendance t"
                + join
                + " AND "
                + plausibility.COUNTABLE_MARK_SQL
                + " GROUP BY t.participant_id",
            )
        }
        out = []
        none3, none2 = (0, 0, 0), (0, 0)
        for pid, status, outcome, cs in people:
            first = firsts.get(pid)
            final = lasts.get(pid)
            held, cancelled, no_show = sessions.get(pid, none3)
            present, recorded = marks.get(pid, none2)
            out.append(
                cohort.Person(
                    status=status,
                    screened=first is not None or status not in ("referred",),
                    before=None if first is None else first[2],
                    after=None if final is None else final[2],
                    outcome=outcome,
                    group_present=present,
                    group_recorded=recorded,
                    held=held,
                    cancelled=cancelled,
                    no_show=no_show,
                    # ISO text: the year and month are its first seven characters
                    month=(int(cs[:4]), int(cs[5:7])) if cs else None,
                    measures=tuple(_before_after(iid, got) for iid, got in others[pid].items())
                    if pid in others
                    else (),
                )
            )
        return out


def _before_after(
    iid: str, got: list[tuple[str, str, float | None]]
) -> tuple[str, float | None, float | None]:
    """(id, first screening's score, latest final's score); ``got`` is in date order."""
    firsts = [v for k, _, v in got if k == "screening"]
    lasts = [v for k, _, v in got if k == "final"]
    return iid, (firsts[0] if firsts else None), (lasts[-1] if lasts else None)


# --- what is published -----------------------------------------------------------------


@dataclass
class Prepared:
    """A cohort report decided: the numbers, what is hidden and why (nothing written)."""

    start: dt.date | None
    end: dt.date | None
    stats: cohort.CohortStats
    values: dict[str, int]
    hidden: dict[str, str] = field(default_factory=dict)  # cell -> dc.PRIMARY/...
    stats_hidden: set[str] = field(default_factory=set)  # "before", "after", "change", ...
    absent: set[str] = field(default_factory=set)  # cells not printed at all (n < 5)
    refusal: str | None = None  # "small", "unprotectable" or "difference"
    refused_by: cohort_releases.Release | None = None

    def shown(self, cell: str) -> bool:
        return cell not in self.hidden

    def published_cells(self) -> dict[str, int | None]:
        """The released counts (None: hidden), as the release log keeps them."""
        return {
            c: (None if c in self.hidden or c in self.absent else v) for c, v in self.values.items()
        }

    def refusal_error(self, lang: str) -> BadInput:
        """The refusal as an error (its period and date written in ``lang``)."""
        if self.refusal in ("small", "unprotectable"):
            return BadInput("cohort.refuse_small")
        r = self.refused_by
        assert r is not None
        return BadInput(
            "cohort.refuse_difference",
            period=period_label(r.period_from, r.period_to, lang),
            date=strings.fmt_date(r.released_at.date(), lang),
        )

    def refusal_text(self, lang: str) -> str:
        return self.refusal_error(lang).text(lang)


def _mean(x: float | None) -> Decimal | None:
    return None if x is None else dc.round_half_up(x, 1)


def prepare(session: Session, start: dt.date | None, end: dt.date | None) -> Prepared:
    """Compute the cohort and decide what may be printed (reads only)."""
    check_period(start, end)
    params = settings.pss_params(session)
    released = cohort_releases.released(session)
    linked = differencing.component((start, end), released)
    if linked:
        # Everyone in the connected periods, for the groups a reader can subtract out.
        los = [p for p in (start, *(r.period_from for r in linked))]
        his = [p for p in (end, *(r.period_to for r in linked))]
        span_lo = None if None in los else min(d for d in los if d)
        span_hi = None if None in his else max(d for d in his if d)
        if (start, end) == (None, None) or any(
            (r.period_from, r.period_to) == (None, None) for r in linked
        ):
            span_lo = span_hi = None
        everyone = gather(session, span_lo, span_hi)
        months = {p.month for p in everyone}  # (contains once a month, not a person)
        inside = {m for m in months if differencing.contains((start, end), m)}
        people = [p for p in everyone if p.month in inside]
    else:
        everyone = people = gather(session, start, end)
    return decide(start, end, people, everyone, params, released)


def decide(
    start: dt.date | None,
    end: dt.date | None,
    people: list[cohort.Person],
    everyone: list[cohort.Person],
    params: pss10.Params,
    released: list[cohort_releases.Release],
) -> Prepared:
    """What may be printed for ``people`` (the period's cohort); pure, no vault.

    ``everyone``: at least the people of every released period linked to this one.
    """
    stats = cohort.compute(people, params)
    if dc.is_small(stats.referred):
        return decide_totals(start, end, stats)
    diff = differencing.check((start, end), everyone, cohort.cells(stats), released, params)
    return decide_totals(start, end, stats, diff)


def decide_totals(
    start: dt.date | None,
    end: dt.date | None,
    stats: cohort.CohortStats,
    diff: differencing.Check | None = None,
) -> Prepared:
    """What may be printed of cohort totals (pure): the same rules for one vault's
    cohort (``decide``) and for an organisation's merged aggregates (org_report.py,
    which has no released reports to difference against, so ``diff`` is empty)."""
    params = stats.params
    values = cohort.cells(stats)
    prep = Prepared(start, end, stats, values)
    if dc.is_small(stats.referred):
        prep.refusal = "small"
        return prep
    diff = diff or differencing.Check()
    if diff.refused_by is not None:
        prep.refusal, prep.refused_by = "difference", diff.refused_by
        return prep
    forced = dict(diff.forced)
    # A time point with fewer than 5 measurements prints no distribution at all (its
    # zeros would tell what the 1-4 people scored): its bands leave the tables, and
    # with them their relation to the n.
    absent = {
        f"{when}_band:{k}"
        for when, n in (("before", stats.before.n), ("after", stats.after.n))
        if n < dc.SMALL
        for k in cohort.BANDS
    }
    # A questionnaire beyond PSS-10 is reported only with 5 or more before/after pairs
    # (the "enough pairs"); with fewer, none of its counts is printed.
    for iid, ist in stats.instruments.items():
        if ist.paired.n < dc.SMALL:
            absent |= {c for c in values if c.startswith(f"{iid}:")}
    prep.absent = absent
    # Statistics over fewer than 5 people, or over a number that differs by 1-4 from a
    # released report (the difference of two means is those people's mean), are withheld.
    n_of = {"before": "before_n", "after": "after_n", "change": "pairs", "attendance": "admitted"}
    for iid in stats.instruments:
        n_of |= {
            f"{iid}:before": f"{iid}:before_n",
            f"{iid}:after": f"{iid}:after_n",
            f"{iid}:change": f"{iid}:pairs",
        }
    prep.stats_hidden = {s for s, c in n_of.items() if values[c] < dc.SMALL or c in forced}
    means = {
        w: (values[f"{w}_n"], float(m))
        for w, summ in (("before", stats.before), ("after", stats.after))
        if w not in prep.stats_hidden and (m := _mean(summ.mean)) is not None
    }
    shown = {c: v for c, v in values.items() if c not in absent}
    rels = [
        r for r in cohort.relations(params, means, stats.instruments) if set(r.cells) <= set(shown)
    ]
    upper = cohort.upper_bounds(shown, referred_hidden=False)
    hidden = dc.protect(
        shown,
        rels,
        upper,
        {c: w for c, w in forced.items() if c not in absent},
        diff.zones,
        keep=("referred",),
    )
    if hidden is None:
        if forced and diff.linked:  # it is the released report that makes it impossible
            prep.refusal, prep.refused_by = "difference", diff.linked[0]
        else:
            prep.refusal = "unprotectable"
        return prep
    prep.hidden = hidden
    for s, c in n_of.items():  # a differencing-hidden n takes its statistics with it
        if prep.hidden.get(c) == dc.DIFFERENCING:
            prep.stats_hidden.add(s)
    return prep


# --- the one table ---------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One printed line; None = not applicable or hidden (``suppressed`` says which)."""

    key: str
    label: str
    n: int | None = None
    mean: Decimal | None = None
    sd: Decimal | None = None
    ci_low: Decimal | None = None
    ci_high: Decimal | None = None
    percent: Decimal | None = None
    suppressed: str = ""  # "" | "lt5" | "withheld" | "n_lt5" | "percent_withheld"
    is_count: bool = True


def _pct(count: int, denominator: int) -> Decimal:
    return dc.round_half_up(100 * count / denominator, 0)


def _count_row(prep: Prepared, key: str, label: str, denominator: str | None) -> Row:
    v = prep.values[key]
    if key in prep.absent:
        return Row(key, label, suppressed="n_lt5")
    why = prep.hidden.get(key)
    if why == dc.PRIMARY:
        return Row(key, label, suppressed="lt5")
    if why:
        return Row(key, label, suppressed="withheld")
    pct = None
    sup = ""
    if denominator is not None:
        parts = denominator.split("+")
        den = sum(prep.values[p] for p in parts)
        if any(p in prep.hidden for p in parts):
            sup = "percent_withheld"
        elif den > 0:
            pct = _pct(v, den)
    return Row(key, label, n=v, percent=pct, suppressed=sup)


def _stat_row(
    prep: Prepared, key: str, label: str, which: str, n_cell: str, summary: cohort.Summary
) -> Row:
    n_why = prep.hidden.get(n_cell)
    n = None if n_why else prep.values[n_cell]
    if which in prep.stats_hidden or summary.mean is None:
        sup = (
            "lt5"
            if n_why == dc.PRIMARY
            else "withheld"
            if n_why
            else "n_lt5"
            if prep.values[n_cell]
            else ""
        )
        return Row(key, label, n=n, suppressed=sup, is_count=False)
    return Row(
        key,
        label,
        n=n,
        mean=_mean(summary.mean),
        sd=None if summary.sd is None else dc.round_half_up(summary.sd, 1),
        suppressed="withheld" if n_why else "",
        is_count=False,
    )


def rows(prep: Prepared, lang: str) -> list[tuple[str, list[Row]]]:
    """The report's tables: (section, rows). One source for the PDF, the CSV, the app."""

    def t(k: str) -> str:
        return tr(k, lang)

    st, pr = prep.stats, prep.stats.paired
    flow = [
        _count_row(prep, k, t(label), None if k == "referred" else "referred")
        for k, label in (
            ("referred", "Referred"),
            ("screened", "Screened"),
            ("admitted", "Admitted"),
            ("not_eligible", "Not eligible"),
            ("completed", "Completed"),
            ("dropped_out", "Dropped out"),
        )
    ]
    pss = [
        _stat_row(prep, "before", t("Before (screening)"), "before", "before_n", st.before),
        _stat_row(prep, "after", t("After (final)"), "after", "after_n", st.after),
        _count_row(prep, "pairs", t("Paired before and after"), None),
    ]
    if "change" in prep.stats_hidden or pr.mean_change is None:
        pss.append(
            Row(
                "mean_change",
                t("Mean change"),
                is_count=False,
                suppressed="n_lt5" if prep.values["pairs"] else "",
            )
        )
    else:
        pss.append(
            Row(
                "mean_change",
                t("Mean change"),
                mean=_mean(pr.mean_change),
                ci_low=_mean(pr.ci_low),
                ci_high=_mean(pr.ci_high),
                is_count=False,
            )
        )
    pss += [
        _count_row(prep, k, t(label), "pairs")
        for k, label in (
            ("improved", "Reliable improvement"),
            ("no_change", "No reliable change"),
            ("worsened", "Reliable worsening"),
            ("clinically_important", "Clinically important improvement"),
        )
    ]
    bands = []
    for when, title in (("before", "PSS-10 band, before"), ("after", "PSS-10 band, after")):
        for k, label in zip(
            cohort.BANDS, ("Low (0-13)", "Moderate (14-26)", "High (27-40)"), strict=True
        ):
            bands.append(
                _count_row(prep, f"{when}_band:{k}", f"{t(title)}: {t(label)}", f"{when}_n")
            )
    outcomes = [
        _count_row(
            prep,
            f"outcome:{k}",
            strings.label("outcome", k, lang) if k != "none" else t("Outcome not recorded"),
            "completed+dropped_out",
        )
        for k in cohort.OUTCOME_KEYS
    ]
    att_hidden = "attendance" in prep.stats_hidden
    n_adm = prep.values["admitted"]

    def att(key: str, label: str, x: float | None, pct: bool = False) -> Row:
        if x is None:
            return Row(key, t(label), is_count=False)
        if att_hidden:
            return Row(key, t(label), is_count=False, suppressed="n_lt5")
        if pct:
            return Row(key, t(label), percent=dc.round_half_up(100 * x, 0), is_count=False)
        return Row(key, t(label), mean=_mean(x), is_count=False)

    share = (
        st.group_present / st.group_recorded
        if st.group_recorded
        and not dc.is_small(st.group_recorded)
        and not dc.is_small(st.group_present)
        else None
    )
    attendance = [
        att(
            "group_attended_mean",
            "Group sessions attended, mean per admitted participant",
            st.mean_group_attended if n_adm else None,
        ),
        att("group_attended_share", "Share of recorded group sessions attended", share, True),
        att(
            "held_mean",
            "Individual sessions held, mean per admitted participant",
            st.mean_held if n_adm else None,
        ),
        _count_row(prep, "cancelled", t("Individual sessions cancelled"), None),
        _count_row(prep, "no_show", t("Individual sessions no-show"), None),
    ]
    return [
        (t("Participants"), flow),
        (t("PSS-10 before and after"), pss),
        (t("Distribution of PSS-10 totals (participants per band)"), bands),
        *_instrument_sections(prep, lang),
        (t("Outcomes"), outcomes),
        (t("Attendance"), attendance),
    ]


def _instrument_sections(prep: Prepared, lang: str) -> list[tuple[str, list[Row]]]:
    """Before and after for each other questionnaire with 5 or more pairs (the registry's
    primary score and its meaningful-change rule)."""
    out = []
    for iid, ist in prep.stats.instruments.items():
        if f"{iid}:pairs" in prep.absent:
            continue
        inst = instruments.get(iid)
        name = inst.name.get(lang) or inst.name["en"]
        table = [
            _stat_row(
                prep,
                f"{iid}:before",
                tr("Before (screening)", lang),
                f"{iid}:before",
                f"{iid}:before_n",
                ist.before,
            ),
            _stat_row(
                prep,
                f"{iid}:after",
                tr("After (final)", lang),
                f"{iid}:after",
                f"{iid}:after_n",
                ist.after,
            ),
            _count_row(prep, f"{iid}:pairs", tr("Paired before and after", lang), None),
        ]
        pr = ist.paired
        if f"{iid}:change" in prep.stats_hidden or pr.mean_change is None:
            table.append(
                Row(
                    f"{iid}:mean_change",
                    tr("Mean change", lang),
                    is_count=False,
                    suppressed="n_lt5" if prep.values[f"{iid}:pairs"] else "",
                )
            )
        else:
            table.append(
                Row(
                    f"{iid}:mean_change",
                    tr("Mean change", lang),
                    mean=_mean(pr.mean_change),
                    ci_low=_mean(pr.ci_low),
                    ci_high=_mean(pr.ci_high),
                    is_count=False,
                )
            )
        if ist.has_rule:
            table += [
                _count_row(prep, f"{iid}:{k}", tr(label, lang), f"{iid}:pairs")
                for k, label in (
                    ("improved", "Meaningful improvement"),
                    ("no_change", "No meaningful change"),
                    ("worsened", "Meaningful worsening"),
                )
            ]
        out.append((tr("{name} before and after", lang, name=name), table))
    return out


def fmt(x: Decimal | None, lang: str) -> str:
    """A rounded number as printed: decimal comma in Danish."""
    if x is None:
        return ""
    s = str(x)
    return s.replace(".", ",") if lang == "da" else s


def printed(row: Row, lang: str) -> tuple[str, str]:
    """(count, value) as the PDF and the preview print them."""
    withheld5 = strings.tr("withheld (fewer than 5)", lang)
    if row.suppressed == "lt5":
        return dc_label_small(), withheld5
    if row.suppressed == "withheld":
        count = strings.tr("withheld", lang)
        if row.mean is None:
            return count, strings.tr("withheld (protects a small number)", lang)
    else:
        count = "" if row.n is None else str(row.n)
    if row.suppressed == "n_lt5":
        return count, withheld5
    if row.suppressed == "percent_withheld":
        return count, tr("share withheld", lang)
    if row.ci_low is not None and row.ci_high is not None:
        return count, (f"{fmt(row.mean, lang)} [{fmt(row.ci_low, lang)}; {fmt(row.ci_high, lang)}]")
    if row.mean is not None:
        sd = f" ({strings.tr('SD', lang)} {fmt(row.sd, lang)})" if row.sd is not None else ""
        return count, fmt(row.mean, lang) + sd
    if row.percent is not None:
        return count, f"{fmt(row.percent, lang)} %"
    return count, "" if row.is_count else "–"


def dc_label_small() -> str:
    return cohort.SUPPRESSED


# --- the chart -------------------------------------------------------------------------


def _band_count(prep: Prepared, when: str, band: str) -> int | None:
    c = f"{when}_band:{band}"
    return None if c in prep.hidden else prep.values[c]


def effect_chart(prep: Prepared, width: float, height: float, lang: str) -> Drawing:
    """Participants per PSS-10 band before and after (bars) and the mean change with its
    95% CI: drawn only from published, rounded figures, so no mark is one person."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String

    from coachdesk.reports import fonts
    from coachdesk.reports.pdf_layout import INK, MUTED, RULE, SHADE

    d = Drawing(width, height)
    d.initialFontName = fonts.REGULAR  # not Helvetica: PDF/A embeds every font
    hist_w = width * 0.58
    x0, y0, y1 = 28.0, 26.0, height - 14.0
    counts = {(w, b): _band_count(prep, w, b) for w in ("before", "after") for b in cohort.BANDS}
    top = max(
        [c for (w, b), c in counts.items() if c is not None and f"{w}_band:{b}" not in prep.absent]
        + [dc.SMALL]
    )
    step = next(
        s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10**9) if top / s <= 5
    )
    top = -(-top // step) * step

    def y(v: float) -> float:
        return y0 + (y1 - y0) * v / top

    d.add(
        String(
            0,
            height - 6,
            tr("Distribution of PSS-10 totals (participants per band)", lang),
            fontName=fonts.BOLD,
            fontSize=7.5,
            fillColor=INK,
        )
    )
    d.add(Line(x0, y0, x0, y1, strokeColor=RULE, strokeWidth=0.6))
    d.add(Line(x0, y0, hist_w, y0, strokeColor=RULE, strokeWidth=0.6))
    for tick in range(0, top + 1, step):
        d.add(Line(x0 - 3, y(tick), x0, y(tick), strokeColor=RULE, strokeWidth=0.6))
        d.add(
            String(
                x0 - 5,
                y(tick) - 2.5,
                str(tick),
                fontName=fonts.REGULAR,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    slot = (hist_w - x0 - 6) / len(cohort.BANDS)
    bar = slot * 0.32
    for i, band in enumerate(cohort.BANDS):
        sx = x0 + 6 + i * slot
        d.add(
            String(
                sx + slot / 2 - 3,
                y0 - 10,
                tr(band, lang),
                fontName=fonts.REGULAR,
                fontSize=7,
                fillColor=INK,
                textAnchor="middle",
            )
        )
        for j, (when, colour) in enumerate((("before", SHADE), ("after", INK))):
            bx = sx + j * (bar + 2)
            c = counts[(when, band)]
            if f"{when}_band:{band}" in prep.absent:
                continue  # fewer than 5 measurements: no distribution at all
            if c is None:
                # A hidden band: a fixed dashed outline and its label, whatever the value.
                d.add(
                    Rect(
                        bx,
                        y0,
                        bar,
                        y(dc.SMALL) - y0,
                        strokeColor=MUTED,
                        strokeWidth=0.5,
                        strokeDashArray=(2, 2),
                        fillColor=None,
                    )
                )
                small = prep.hidden.get(f"{when}_band:{band}") == dc.PRIMARY
                d.add(
                    String(
                        bx + bar / 2,
                        y(dc.SMALL) + 2,
                        cohort.SUPPRESSED if small else strings.tr("withheld", lang),
                        fontName=fonts.REGULAR,
                        fontSize=5.5,
                        fillColor=MUTED,
                        textAnchor="middle",
                    )
                )
            elif c > 0:
                d.add(
                    Rect(bx, y0, bar, y(c) - y0, strokeColor=INK, strokeWidth=0.5, fillColor=colour)
                )
    for j, (key, colour) in enumerate((("Before", SHADE), ("After", INK))):
        lx = x0 + 6 + j * 46
        d.add(Rect(lx, 2, 7, 7, strokeColor=INK, strokeWidth=0.5, fillColor=colour))
        d.add(
            String(
                lx + 10, 3, strings.tr(key, lang), fontName=fonts.REGULAR, fontSize=7, fillColor=INK
            )
        )
    # The mean change with its CI, on a fixed axis of -20..+20 points.
    cx0, cx1 = hist_w + 30, width - 8
    cy = (y0 + y1) / 2

    def x(v: float) -> float:
        return cx0 + (cx1 - cx0) * (max(-20.0, min(20.0, v)) + 20) / 40

    d.add(
        String(
            cx0 - 20,
            height - 6,
            tr("Mean change with 95% confidence interval (points)", lang),
            fontName=fonts.BOLD,
            fontSize=7.5,
            fillColor=INK,
        )
    )
    d.add(Line(cx0, cy - 14, cx1, cy - 14, strokeColor=RULE, strokeWidth=0.6))
    for tick in (-20, -10, 0, 10, 20):
        d.add(Line(x(tick), cy - 17, x(tick), cy - 14, strokeColor=RULE, strokeWidth=0.6))
        d.add(
            String(
                x(tick),
                cy - 26,
                f"{tick:+d}" if tick else "0",
                fontName=fonts.REGULAR,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    d.add(
        Line(
            x(0), cy - 14, x(0), cy + 18, strokeColor=MUTED, strokeWidth=0.5, strokeDashArray=(3, 2)
        )
    )
    pr = prep.stats.paired
    if (
        "change" not in prep.stats_hidden
        and pr.ci_low is not None
        and pr.ci_high is not None
        and pr.mean_change is not None
    ):
        m, lo, hi = (float(_mean(v) or 0) for v in (pr.mean_change, pr.ci_low, pr.ci_high))
        d.add(Line(x(lo), cy, x(hi), cy, strokeColor=INK, strokeWidth=1.2))
        for e in (lo, hi):
            d.add(Line(x(e), cy - 4, x(e), cy + 4, strokeColor=INK, strokeWidth=1.2))
        d.add(Circle(x(m), cy, 3, fillColor=INK, strokeColor=INK))
    else:
        d.add(
            String(
                (cx0 + cx1) / 2,
                cy,
                strings.tr("withheld (fewer than 5)", lang),
                fontName=fonts.REGULAR,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    return d


# --- PDF and CSV -----------------------------------------------------------------------


def render_pdf(
    prep: Prepared,
    lang: str,
    organisation: str,
    today: dt.date,
    *,
    title: str | None = None,
    scope: str | None = None,
) -> bytes:
    """``title`` and ``scope`` (a line after the intro): the organisation's merged
    report (org_report.py) prints through here too."""
    from reportlab.lib.units import mm

    from coachdesk.reports import pdf_security
    from coachdesk.reports.pdf_layout import (
        FRAME_W,
        build_pdf,
        esc,
        grid_table,
        heading,
        para,
        spacer,
    )

    period = period_label(prep.start, prep.end, lang)
    title = title or tr("Cohort effect report", lang)
    story: list[Any] = [
        para(esc(title), "title"),
        para(
            esc(tr("The course «A working life without stress»", lang) + " · " + period), "subtitle"
        ),
        para(esc(tr("cohort_intro", lang, period=period)), "small"),
        *([para(esc(scope), "small")] if scope else []),
        para(esc(tr("cohort_rules", lang)), "small"),
        para(
            esc(
                f"{tr('Generated', lang)}: {strings.fmt_month(today, lang)}"
                + (f" · {organisation}" if organisation else "")
            ),
            "small",
        ),
    ]
    widths = [FRAME_W - 80 * mm, 25 * mm, 55 * mm]
    for i, (title, table) in enumerate(rows(prep, lang)):
        story.append(heading(title))
        story.append(
            grid_table(
                [tr("Metric", lang), tr("Count", lang), tr("Value", lang)],
                [[r.label, *printed(r, lang)] for r in table],
                widths,
                align_right=(1, 2),
            )
        )
        if i == 2:  # after the bands: the chart of them
            story.append(spacer(2))
            if prep.values["before_n"] >= dc.SMALL or prep.values["after_n"] >= dc.SMALL:
                story.append(effect_chart(prep, FRAME_W, 62 * mm, lang))
                story.append(para(esc(tr("chart_note", lang)), "small"))
            else:
                story.append(
                    para(
                        esc(tr("The chart is withheld: fewer than 5 measurements.", lang)), "small"
                    )
                )
            params = prep.stats.params
            story.append(
                para(
                    esc(
                        tr(
                            "cohort_method",
                            lang,
                            sd=strings.fmt_number(params.sd, lang, 2),
                            r=strings.fmt_number(params.r, lang, 2),
                        )
                    ),
                    "small",
                )
            )
    raw = build_pdf(story, lang=lang, header_left=title, footer_left=organisation)
    return pdf_security.finish(raw)


CSV_COLUMNS = (
    "key",
    "section",
    "metric",
    "n",
    "mean",
    "sd",
    "ci_low",
    "ci_high",
    "percent",
    "suppressed",
)


def render_csv(prep: Prepared, lang: str, dialect: str = "excel-da") -> bytes:
    """Tidy: one value per column, numbers as numbers, empty where hidden.

    ``excel-da``: semicolon, decimal comma, UTF-8 with a BOM (Danish Excel opens it as
    columns); ``rfc4180``: comma, decimal point, UTF-8. Independent of ``lang``.
    """
    if dialect not in CSV_DIALECTS:
        raise BadInput("cohort.unknown_csv_dialect_option", dialect=repr(dialect))
    da = dialect == "excel-da"
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";" if da else ",", lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)

    def num(x: Decimal | int | None) -> str:
        if x is None:
            return ""
        s = str(x)
        return s.replace(".", ",") if da else s

    for title, table in rows(prep, lang):
        for r in table:
            w.writerow(
                [
                    r.key,
                    title,
                    r.label,
                    num(r.n),
                    num(r.mean),
                    num(r.sd),
                    num(r.ci_low),
                    num(r.ci_high),
                    num(r.percent),
                    r.suppressed,
                ]
            )
    text_ = buf.getvalue()
    return text_.encode("utf-8-sig") if da else text_.encode("utf-8")


# --- writing ---------------------------------------------------------------------------


def write_cohort_report(
    session: Session,
    out: str | os.PathLike[str],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    lang: str = strings.DEFAULT_LANG,
    csv_dialect: str = "excel-da",
    today: dt.date | None = None,
    prep: Prepared | None = None,
    message_lang: str = "en",
) -> Prepared:
    """Decide, render, and release: PDF (or CSV when ``out`` ends in .csv).

    The file is written to a temp file first; the release log and the audit event are
    committed before the rename, so a file never exists that the log does not know of.
    A refused report raises BadInput and writes and records nothing.
    """
    target = Path(out)
    if not target.parent.exists():
        raise BadInput("folder_missing", parent=target.parent)
    if target.is_dir():
        raise BadInput("report_target_is_folder", target=target)
    if csv_dialect not in CSV_DIALECTS:
        raise BadInput("cohort.unknown_csv_dialect", csv_dialect=repr(csv_dialect))
    today = today or dt.date.today()
    lang = strings.check_lang(lang)
    fmt_ = "csv" if target.suffix.lower() == ".csv" else "pdf"
    loading = None
    if fmt_ == "pdf" and prep is None:
        # The PDF modules load on a thread while SQLite counts the cohort (gather's
        # reads leave the GIL free): 0.1-0.15 s less wall time at 10,000 on 2 cores.
        import threading

        loading = threading.Thread(target=_preload_quietly, name="coachdesk-pdf-preload")
        loading.start()
    try:
        prep = prep or prepare(session, start, end)
    finally:
        if loading is not None:
            loading.join()
    if prep.refusal:
        raise prep.refusal_error(message_lang)
    data = (
        render_csv(prep, lang, csv_dialect)
        if fmt_ == "csv"
        else render_pdf(prep, lang, str(settings.get(session, "organisation") or ""), today)
    )
    try:
        with atomic_writer(target) as fh:
            fh.write(data)
            cohort_releases.record(session, prep.start, prep.end, fmt_, prep.published_cells())
            audit.record(
                session,
                "cohort_report",
                {
                    "format": fmt_,
                    "participants": prep.stats.referred,
                    "period": [
                        prep.start.isoformat() if prep.start else None,
                        prep.end.isoformat() if prep.end else None,
                    ],
                    "hidden": len(prep.hidden),
                },
            )
            session.commit()  # the release is on record before the file appears
    except WriteFailed:
        session.rollback()
        raise
    return prep
