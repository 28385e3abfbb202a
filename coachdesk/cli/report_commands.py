"""cohort-report: the anonymous cohort effect report (PDF, or CSV for .csv)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import TYPE_CHECKING

from coachdesk import gc_policy  # here, not in the command: importing it may collect
from coachdesk.cli.context import add_unlock_options
from coachdesk.cli.unlock import open_vault
from coachdesk.errors import BadInput

if TYPE_CHECKING:
    from coachdesk.cli.context import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:

    p = sub.add_parser(
        "cohort-report",
        help="anonymous effect report over the courses started in a period (PDF or CSV)",
        description="Counts, PSS-10 before/after with a 95%% confidence interval, "
        "reliable change, outcomes and attendance for participants whose course started "
        "within the months --from to --to. Counts of 1-4 print as <5, and further cells "
        "are withheld so that they cannot be worked out from the rest or from a report "
        "released earlier. CSV when --out ends in .csv.",
    )
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument(
        "--from",
        dest="date_from",
        metavar="YYYY-MM",
        help="first month of course starts to include",
    )
    p.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM", help="last month of course starts to include"
    )
    p.add_argument(
        "--csv-dialect",
        choices=("excel-da", "rfc4180"),
        default="excel-da",
        help="excel-da: semicolon, decimal comma, UTF-8 BOM (default); "
        "rfc4180: comma, decimal point",
    )
    p.add_argument(
        "--aggregate",
        action="store_true",
        help="instead of a report: the cohort's exact aggregates, encrypted to "
        "the organisation's key (--recipient), for coachdesk org-report",
    )
    p.add_argument(
        "--recipient",
        metavar="AGE1...",
        help="with --aggregate: the organisation's key (coachdesk org-keygen)",
    )
    add_unlock_options(p)
    p.set_defaults(func=cmd_cohort_report)


def month(value: str | None, option: str, last: bool) -> dt.date | None:
    """YYYY-MM (the month's first or last day), or a date that is that day already."""
    from coachdesk.reports.cohort_report import month_end

    if value is None:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
    if m and 1 <= int(m[2]) <= 12:
        y, mo = int(m[1]), int(m[2])
        return month_end(y, mo) if last else dt.date(y, mo, 1)
    try:
        d = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadInput("cli.not_a_month", option=option, value=repr(value)) from None
    if (last and d != month_end(d.year, d.month)) or (not last and d.day != 1):
        code = "cli.month_last_day" if last else "cli.month_first_day"
        raise BadInput(code, option=option, value=value, month=f"{d:%Y-%m}")
    return d


def cmd_cohort_report(args: argparse.Namespace, ctx: Context) -> int:
    # The whole short-lived command runs without the cyclic garbage collector: loading
    # SQLAlchemy, the schema and the PDF stack and building the report triggered about
    # 210 collections that find next to nothing (0.19-0.25 s CPU of 0.73-1.1 s at 100
    # and 10,000 participants, docs/performance.md); what the command builds is bounded
    # by one report and freed by reference counting or at exit
    # (gc_policy.paused_then_frozen).
    with gc_policy.paused_then_frozen():
        return _cohort_report(args, ctx)


def _cohort_report(args: argparse.Namespace, ctx: Context) -> int:
    from pathlib import Path

    from coachdesk.reports.cohort_report import write_cohort_report

    start = month(args.date_from, "--from", last=False)
    end = month(args.date_to, "--to", last=True)
    if start and end and start > end:
        raise BadInput("cli.from_after_to")
    out = Path(args.out)
    if not out.parent.exists():
        raise BadInput("folder_missing", parent=out.parent)
    if args.aggregate or args.recipient:
        return _aggregate(args, ctx, start, end, out)
    with open_vault(args, ctx) as vault, vault.session() as s:
        prep = write_cohort_report(
            s, out, start=start, end=end, lang=ctx.lang or "da", csv_dialect=args.csv_dialect
        )
        s.commit()
    hidden = len(prep.hidden)
    ctx.say(
        f"Wrote the cohort report ({prep.stats.referred} participant(s), {hidden} "
        f"cell(s) withheld) to {out}."
    )
    return 0


def _aggregate(
    args: argparse.Namespace, ctx: Context, start: dt.date | None, end: dt.date | None, out: object
) -> int:
    """cohort-report --aggregate (issue 17): exact aggregates for the organisation."""
    from coachdesk.reports.aggregate import write_aggregate
    from coachdesk.store import agefile

    if not (args.aggregate and args.recipient):
        raise BadInput("cli.aggregate_needs_recipient")
    if start is None or end is None:
        raise BadInput("cli.aggregate_needs_period")
    agefile.parse_recipient(args.recipient)  # refused before unlocking
    with open_vault(args, ctx) as vault, vault.session() as s:
        written = write_aggregate(s, out, org_recipient=args.recipient, start=start, end=end)
    ctx.say(
        f"Wrote the cohort's aggregate ({written.participants} participant(s)) for the "
        f"organisation to {written.path}; it is recorded in the audit log."
    )
    return 0
