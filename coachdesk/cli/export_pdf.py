"""`coachdesk export --participant REF --format pdf`: the caseworker report or, with
``--sections everything``, the participant's own copy (docs/reports.md).

The PDF half of data_commands.cmd_export, in its own module so that reportlab loads
only for a PDF. (It lived in reports/ and imported cli/ from there: upwards.)"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.cli.secrets import read_secret_file
from coachdesk.cli.unlock import open_vault
from coachdesk.errors import BadInput

if TYPE_CHECKING:
    from coachdesk.cli.context import Context


def export_pdf(args: argparse.Namespace, ctx: Context) -> int:
    from sqlalchemy import select

    from coachdesk.reports import content, pdf_security, strings
    from coachdesk.reports.export import export_report
    from coachdesk.store.models import Participant

    if args.all:
        raise BadInput("cli.pdf_one_participant")
    # Everything that can be refused without the vault is refused before unlocking.
    sections = content.parse_sections(args.sections)
    password = None
    if args.pdf_password_file:
        password = read_secret_file(args.pdf_password_file, "PDF password")
        pdf_security.check_password(password)
    out = Path(args.out)
    if not out.parent.exists():
        raise BadInput("folder_missing", parent=out.parent)
    lang = strings.check_lang(ctx.lang)
    with open_vault(args, ctx) as vault, vault.session() as s:
        p = s.execute(select(Participant).where(Participant.ref == args.participant)).scalar()
        if p is None:
            raise BadInput("no_participant_ref", ref=args.participant)
        if sections == (content.EVERYTHING,):
            request = content.ReportRequest(
                kind="access_copy", sections=sections, lang=lang, recipient=args.recipient
            )
        else:
            request = content.ReportRequest(
                kind=content.default_kind(p), sections=sections, lang=lang, recipient=args.recipient
            )
        result = export_report(
            s, p.id, request, out, password=password, channel=getattr(args, "channel", None)
        )
        s.commit()
    what = (
        "the participant's own copy"
        if result.kind == "access_copy"
        else (result.kind.replace("_", " "))
    )
    ctx.say(
        f"Wrote {what} to {result.path} (SHA-256 {result.sha256[:16]}…); the disclosure "
        "is recorded."
    )
    if result.encrypted:
        ctx.say(
            "The PDF is protected with AES-256. Send the password to the recipient by "
            "another channel (phone or text message), never in the same e-mail."
        )
    return 0
