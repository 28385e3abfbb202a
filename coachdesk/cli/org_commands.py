"""org-keygen, org-report: the organisation's side of the monthly effect report (issue 17).

Each coach sends ``coachdesk cohort-report --aggregate`` (exact aggregates, encrypted
to the organisation's key); the organisation merges them with ``org-report``, which
applies the cohort report's disclosure control to the merged totals only. Neither
command opens a vault: the organisation holds no participant data.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coachdesk.cli.context import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "org-keygen",
        help="make the organisation's key for cohort "
        "aggregates (an age identity); prints its recipient",
    )
    p.add_argument(
        "--out",
        metavar="KEYFILE",
        required=True,
        help="the new key file (0600; never written over an existing file)",
    )
    p.set_defaults(func=cmd_org_keygen)

    p = sub.add_parser(
        "org-report",
        help="merge the coaches' cohort aggregates into one "
        "effect report (PDF, or CSV for .csv), protected as a cohort report",
    )
    p.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="aggregate files (coachdesk cohort-report --aggregate)",
    )
    p.add_argument(
        "--identity",
        metavar="KEYFILE",
        required=True,
        help="the organisation's key file (coachdesk org-keygen)",
    )
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument(
        "--organisation",
        metavar="TEXT",
        default="",
        help="the organisation's name, printed on the report",
    )
    p.add_argument("--csv-dialect", choices=("excel-da", "rfc4180"), default="excel-da")
    p.set_defaults(func=cmd_org_report)


def cmd_org_keygen(args: argparse.Namespace, ctx: Context) -> int:
    from pathlib import Path

    from coachdesk.errors import BadInput
    from coachdesk.store import agefile

    out = Path(args.out)
    if not out.parent.exists():
        raise BadInput("folder_missing", parent=out.parent)
    recipient = agefile.write_new_identity(
        str(out), comment="CoachDesk organisation key for cohort aggregates"
    )
    ctx.result(recipient)
    ctx.say(
        f"Wrote the organisation's key to {out}. Give the coaches the recipient above "
        "(it is public); keep the key file secret and backed up: without it no "
        "aggregate sent to it can be read."
    )
    return 0


def cmd_org_report(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.reports.org_report import write_org_report

    prep, vaults = write_org_report(
        args.files,
        args.identity,
        args.out,
        lang=ctx.lang or "da",
        csv_dialect=args.csv_dialect,
        organisation=args.organisation,
    )
    ctx.say(
        f"Wrote the organisation's report ({prep.stats.referred} participant(s) from "
        f"{vaults} vault(s), {len(prep.hidden)} cell(s) withheld) to {args.out}."
    )
    return 0
