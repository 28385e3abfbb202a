"""The cohort effect report: gather anonymous facts from the vault, print PDF or CSV.

Only counts and statistics leave the vault; every count of 1-4 is "<5" and whatever is
derived from it is withheld (cohort.py). No names, refs, CPR numbers or exact dates:
the period prints as months.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections import Counter
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib.units import mm
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coachdesk.core import plausibility, pss10
from coachdesk.errors import BadInput
from coachdesk.reports import cohort, fonts, pdf_security, strings
from coachdesk.reports.pdf_layout import (
    FRAME_W,
    INK,
    MUTED,
    RULE,
    build_pdf,
    esc,
    grid_table,
    heading,
    para,
    spacer,
    text,
)
from coachdesk.store import audit, settings
from coachdesk.store.atomic import write_atomic
from coachdesk.store.models import Participant

fonts.register()


def gather(session: Session, start: dt.date | None, end: dt.date | None) -> list[cohort.Person]:
    """The cohort: participants whose course started within [start, end] (inclusive).

    Without a period everyone is counted, including the referred who have not started.
    """
    q = select(Participant).options(
        selectinload(Participant.assessments), selectinload(Participant.sessions),
        selectinload(Participant.attendance))
    if start is not None:
        q = q.where(Participant.course_start >= start)
    if end is not None:
        q = q.where(Participant.course_start <= end)
    people = []
    today = dt.date.today()
    for p in session.execute(q).scalars():
        before, after = pss10.before_after([(a.kind, a.date, a.answers) for a in p.assessments])
        # Only what the coach confirmed (core/plausibility), as in the caseworker report.
        facts = plausibility.Course(p.referral_date, p.course_start, today)
        marks = plausibility.countable_marks(facts, p.attendance)
        st = Counter(s.status for s in plausibility.countable_sessions(facts, p.sessions))
        people.append(cohort.Person(
            status=p.status,
            screened=any(a.kind == "screening" for a in p.assessments)
            or p.status not in ("referred",),
            before=before.total if before else None, after=after.total if after else None,
            outcome=p.outcome_status,
            group_present=sum(1 for g in marks if g.present),
            group_recorded=len(marks),
            held=st["held"], cancelled=st["cancelled"], no_show=st["no_show"],
        ))
    return people


def _period(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    if start is None and end is None:
        return strings.tr("all dates", lang)
    a = strings.fmt_month(start, lang) if start else "…"
    b = strings.fmt_month(end, lang) if end else "…"
    return f"{a} – {b}"


def _pct(count: int, denominator: int, lang: str) -> str:
    s = cohort.share(count, denominator)
    if s is None:
        return "–" if denominator == 0 or count == 0 else strings.tr("withheld (fewer than 5)",
                                                                       lang)
    return f"{strings.fmt_number(100 * s, lang, 0)} %"


def _cell(count: int, denominator: int, hidden: str | None, lang: str) -> tuple[str, str]:
    """(count, share) as printed, after primary and secondary suppression."""
    if hidden == "complement":
        return (strings.tr("withheld", lang),
                strings.tr("withheld (protects a small number)", lang))
    return cohort.show_count(count), _pct(count, denominator, lang)


def _num(x: float | None, n: int, lang: str, decimals: int = 1) -> str:
    """A statistic over n people: printed only when n >= 5."""
    if n == 0 or x is None:
        return "–"
    if not cohort.visible(n):
        return strings.tr("withheld (fewer than 5)", lang)
    return strings.fmt_number(x, lang, decimals)


def _ci(pr: cohort.Paired, lang: str) -> str:
    if pr.ci_low is None or pr.ci_high is None or not cohort.visible(pr.n):
        return _num(pr.mean_change, pr.n, lang)  # "–" or "withheld"
    return f"[{_num(pr.ci_low, pr.n, lang)}; {_num(pr.ci_high, pr.n, lang)}]"


def rows(stats: cohort.CohortStats, lang: str) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The report's tables as (section, [(metric, value, share)]): one source for PDF and CSV."""
    tr = strings.tr
    ref = stats.referred
    # Groups whose counts add up (or nearly) to a total printed beside them: hiding one
    # small cell alone would let a reader subtract it back (cohort.hidden_cells).
    hidden = (cohort.hidden_cells({"Admitted": stats.admitted,
                                   "Not eligible": stats.not_eligible})
              | cohort.hidden_cells({"Completed": stats.completed,
                                     "Dropped out": stats.dropped_out}))
    flow = [(tr(k, lang), *_cell(v, ref, hidden.get(k), lang)) for k, v in (
        ("Referred", stats.referred), ("Screened", stats.screened),
        ("Admitted", stats.admitted), ("Not eligible", stats.not_eligible),
        ("Completed", stats.completed), ("Dropped out", stats.dropped_out))]
    b, a, pr = stats.before, stats.after, stats.paired
    verdicts = cohort.hidden_cells({"improved": pr.improved, "no_change": pr.no_change,
                                    "worsened": pr.worsened})
    pss = [
        (tr("Before (screening)", lang), cohort.show_count(b.n),
         f"{_num(b.mean, b.n, lang)} ({tr('SD', lang)} {_num(b.sd, b.n, lang)})"),
        (tr("After (final)", lang), cohort.show_count(a.n),
         f"{_num(a.mean, a.n, lang)} ({tr('SD', lang)} {_num(a.sd, a.n, lang)})"),
        (tr("Paired before and after", lang), cohort.show_count(pr.n), ""),
        (tr("Mean change", lang), "", _num(pr.mean_change, pr.n, lang)),
        (tr("95% confidence interval", lang), "", _ci(pr, lang)),
        (tr("Reliable improvement", lang),
         *_cell(pr.improved, pr.n, verdicts.get("improved"), lang)),
        (tr("No reliable change", lang),
         *_cell(pr.no_change, pr.n, verdicts.get("no_change"), lang)),
        (tr("Reliable worsening", lang),
         *_cell(pr.worsened, pr.n, verdicts.get("worsened"), lang)),
        (tr("Clinically important improvement", lang), cohort.show_count(pr.clinically_important),
         _pct(pr.clinically_important, pr.n, lang)),
    ]
    ended = stats.completed + stats.dropped_out
    out_hidden = cohort.hidden_cells(dict(stats.outcomes))
    outcomes = [(strings.label("outcome", k, lang) if k != "none"
                 else tr("Outcome not recorded", lang),
                 *_cell(v, ended, out_hidden.get(k), lang)) for k, v in stats.outcomes.items()]
    n = stats.admitted
    attendance = [
        (tr("Group sessions attended, mean per admitted participant", lang), "",
         _num(stats.mean_group_attended, n, lang)),
        (tr("Share of recorded group sessions attended", lang), "",
         _pct(stats.group_present, stats.group_recorded, lang)),
        (tr("Individual sessions held, mean per admitted participant", lang), "",
         _num(stats.mean_held, n, lang)),
        (tr("Individual sessions cancelled", lang), cohort.show_count(stats.cancelled), ""),
        (tr("Individual sessions no-show", lang), cohort.show_count(stats.no_show), ""),
    ]
    return [(tr("Participants", lang), flow), (tr("PSS-10 before and after", lang), pss),
            (tr("Outcomes", lang), outcomes), (tr("Attendance", lang), attendance)]


def paired_chart(pairs: tuple[tuple[int, int], ...], width: float, height: float,
                 lang: str, threshold: int) -> Drawing:
    """One thin line per person from before to after; no labels, no identities."""
    d = Drawing(width, height)
    x0, x1 = 30.0, width - 10.0
    bx, ax = x0 + 40, x1 - 100  # room right of "after" for the threshold's label
    y0, y1 = 18.0, height - 8.0

    def y(v: float) -> float:
        return y0 + (y1 - y0) * v / pss10.MAX_TOTAL

    d.add(Line(x0, y0, x0, y1, strokeColor=RULE, strokeWidth=0.6))
    for tick in (0, 10, 20, 30, 40):
        d.add(Line(x0 - 3, y(tick), x0, y(tick), strokeColor=RULE, strokeWidth=0.6))
        d.add(String(x0 - 6, y(tick) - 3, str(tick), fontName=fonts.REGULAR, fontSize=7,
                     fillColor=MUTED, textAnchor="end"))
    d.add(Line(x0, y(threshold), ax + 20, y(threshold), strokeColor=MUTED, strokeWidth=0.6,
               strokeDashArray=(4, 3)))
    d.add(String(ax + 24, y(threshold) - 2.5, strings.tr("Admission threshold {t}", lang,
                                                         t=threshold),
                 fontName=fonts.REGULAR, fontSize=7, fillColor=MUTED, textAnchor="start"))
    for before, after in pairs:
        d.add(Line(bx, y(before), ax, y(after), strokeColor=INK, strokeWidth=0.5,
                   strokeOpacity=0.45))
    if pairs:
        mb = sum(b for b, _ in pairs) / len(pairs)
        ma = sum(a for _, a in pairs) / len(pairs)
        d.add(Line(bx, y(mb), ax, y(ma), strokeColor=INK, strokeWidth=2.2))
    for x, key in ((bx, "Before"), (ax, "After")):
        d.add(String(x, 4, strings.tr(key, lang), fontName=fonts.BOLD, fontSize=8,
                     fillColor=INK, textAnchor="middle"))
    return d


def render_pdf(stats: cohort.CohortStats, start: dt.date | None, end: dt.date | None,
               lang: str, organisation: str, today: dt.date) -> bytes:
    tr = strings.tr
    story: list[Any] = [
        para(esc(tr("Cohort effect report", lang)), "title"),
        para(esc(tr("The course «A working life without stress»", lang) + " · "
                 + _period(start, end, lang)), "subtitle"),
        para(esc(tr("cohort_intro", lang, period=_period(start, end, lang))), "small"),
        para(esc(f"{tr('Generated', lang)}: {strings.fmt_month(today, lang)}"
                 + (f" · {organisation}" if organisation else "")), "small"),
    ]
    widths = [FRAME_W - 80 * mm, 25 * mm, 55 * mm]
    for title, table in rows(stats, lang):
        story.append(heading(title))
        if not table:
            story.append(text("–"))
            continue
        story.append(grid_table([tr("Metric", lang), tr("Count", lang), tr("Value", lang)],
                                [list(r) for r in table], widths, align_right=(1, 2)))
        if title == tr("PSS-10 before and after", lang):
            story.append(spacer(2))
            if cohort.visible(stats.paired.n):
                story.append(paired_chart(stats.pairs, FRAME_W * 0.6, 70 * mm, lang,
                                          stats.params.threshold))
                story.append(para(esc(tr("Each line is one participant's screening and final "
                                         "total; no labels.", lang)), "small"))
            else:
                story.append(para(esc(tr("The chart is withheld: fewer than 5 paired "
                                         "measurements.", lang)), "small"))
            story.append(para(esc(tr("cohort_method", lang,
                                     sd=strings.fmt_number(stats.params.sd, lang, 2),
                                     r=strings.fmt_number(stats.params.r, lang, 2))), "small"))
    raw = build_pdf(story, lang=lang, header_left=tr("Cohort effect report", lang),
                    footer_left=organisation)
    return pdf_security.finish(raw)


def render_csv(stats: cohort.CohortStats, lang: str) -> bytes:
    """The same tables as the PDF, suppression included: section, metric, count, value."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";" if lang == "da" else ",", lineterminator="\r\n")
    tr = strings.tr
    w.writerow([tr("Sections", lang), tr("Metric", lang), tr("Count", lang), tr("Value", lang)])
    for title, table in rows(stats, lang):
        for metric, count, value in table:
            w.writerow([title, metric, count, value])
    # UTF-8 with BOM so that Excel (the caseworkers' tool) shows æøå correctly.
    return buf.getvalue().encode("utf-8-sig")


def write_cohort_report(session: Session, out: str | os.PathLike[str], *,
                        start: dt.date | None = None, end: dt.date | None = None,
                        lang: str = strings.DEFAULT_LANG,
                        today: dt.date | None = None) -> cohort.CohortStats:
    """Compute, write (PDF, or CSV when ``out`` ends in .csv) atomically, audit."""
    target = Path(out)
    if not target.parent.exists():
        raise BadInput(f"The folder {target.parent} does not exist.")
    if start and end and start > end:
        raise BadInput("--from must not be after --to.")
    today = today or dt.date.today()
    lang = strings.check_lang(lang)
    stats = cohort.compute(gather(session, start, end), settings.pss_params(session))
    fmt = "csv" if target.suffix.lower() == ".csv" else "pdf"
    data = (render_csv(stats, lang) if fmt == "csv" else
            render_pdf(stats, start, end, lang, str(settings.get(session, "organisation") or ""),
                       today))
    write_atomic(target, data)
    audit.record(session, "cohort_report", {"format": fmt, "participants": stats.referred})
    return stats
