"""agenda: the planned conversations and group sessions, listed or exported as .ics."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from coachdesk.cli.context import add_unlock_options
from coachdesk.cli.unlock import open_vault
from coachdesk.errors import BadInput

if TYPE_CHECKING:
    from coachdesk.cli.context import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:

    p = sub.add_parser(
        "agenda",
        help="list the agenda, or export it as a calendar file (.ics) without health data",
        description="The planned conversations and the holds' group sessions from --from "
        "to --to (default: today and the next eight weeks). Without --ics, one line per "
        "appointment: date, time, minutes, kind, mode, ref. With --ics FILE, an iCalendar "
        "file (RFC 5545) whose events carry only the participant's ref or initials (the "
        "calendar label setting), the time, the duration and the mode; audited as an "
        "export.",
    )
    p.add_argument("--ics", metavar="FILE", help="write the agenda to FILE as iCalendar")
    p.add_argument(
        "--from", dest="date_from", metavar="DATE", help="first day (YYYY-MM-DD; default today)"
    )
    p.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help="last day (YYYY-MM-DD; default eight weeks from --from)",
    )
    add_unlock_options(p)
    p.set_defaults(func=cmd_agenda)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadInput("cli.not_a_date", option=option, value=repr(value)) from None


def cmd_agenda(args: argparse.Namespace, ctx: Context) -> int:
    from pathlib import Path

    from coachdesk.store import agenda, calendar_export

    first, last = calendar_export.period(
        _date(args.date_from, "--from"), _date(args.date_to, "--to"), dt.date.today()
    )
    if args.ics is not None:
        out = Path(args.ics)
        if not out.parent.exists():
            raise BadInput("folder_missing", parent=out.parent)
        if out.is_dir():
            raise BadInput("cli.calendar_out_is_folder", out=out)
    with open_vault(args, ctx) as vault, vault.session() as s:
        if args.ics is None:
            for item in agenda.items(s, first, last):
                ctx.result(
                    item.date.isoformat(),
                    item.start or "",
                    str(item.minutes or ""),
                    item.kind,
                    item.mode or "",
                    item.ref
                    if item.kind == "session"
                    else f"hold {item.course_start.isoformat() if item.course_start else ''}",
                )
            return 0
        res = calendar_export.export_ics(s, args.ics, first=first, last=last, lang=ctx.lang or "da")
    ctx.say(
        f"Wrote {res.events} appointment(s) from {first.isoformat()} to "
        f"{last.isoformat()} to {res.path}."
    )
    return 0
