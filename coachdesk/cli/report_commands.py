"""cohort-report: the anonymous cohort effect report (PDF, or CSV for .csv)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from coachdesk.cli.unlock import open_vault
from coachdesk.errors import BadInput

if TYPE_CHECKING:
    from coachdesk.cli.main import Context


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from coachdesk.cli.main import add_unlock_options

    p = sub.add_parser(
        "cohort-report",
        help="anonymous effect report over the courses started in a period (PDF or CSV)",
        description="Counts, PSS-10 before/after with a 95%% confidence interval, "
        "reliable change, outcomes and attendance for participants whose course started "
        "within --from/--to. Counts of 1-4 print as <5. CSV when --out ends in .csv.",
    )
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="first course start date to include (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help="last course start date to include (YYYY-MM-DD)")
    add_unlock_options(p)
    p.set_defaults(func=cmd_cohort_report)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"{option} {value!r} is not a date (YYYY-MM-DD).") from None


def cmd_cohort_report(args: argparse.Namespace, ctx: Context) -> int:
    from pathlib import Path

    from coachdesk.reports.cohort_report import write_cohort_report

    start, end = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if start and end and start > end:
        raise BadInput("--from must not be after --to.")
    out = Path(args.out)
    if not out.parent.exists():
        raise BadInput(f"The folder {out.parent} does not exist.")
    with open_vault(args, ctx) as vault, vault.session() as s:
        stats = write_cohort_report(s, out, start=start, end=end, lang=ctx.lang or "da")
        s.commit()
    ctx.say(f"Wrote the cohort report ({stats.referred} participant(s)) to {out}.")
    return 0
