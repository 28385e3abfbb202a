"""recipient, handover: moving a participant to another coach's vault (issue 17).

Receiving is ``coachdesk import FILE.age`` (data_commands.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.cli.context import add_unlock_options
from coachdesk.cli.unlock import open_vault
from coachdesk.errors import BadInput

if TYPE_CHECKING:
    from coachdesk.cli.context import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:

    p = sub.add_parser(
        "recipient",
        help="print this vault's receiving key (age1...), "
        "which other coaches encrypt handover files to",
    )
    p.add_argument(
        "--identity-out",
        metavar="FILE",
        help="also write the secret identity to FILE (0600; audited), e.g. to "
        "check a handover file with the age tool",
    )
    add_unlock_options(p)
    p.set_defaults(func=cmd_recipient)

    p = sub.add_parser(
        "handover",
        help="write one participant's complete record, "
        "encrypted, for another coach (a disclosure: it is logged)",
    )
    p.add_argument("--participant", metavar="REF", required=True)
    p.add_argument("--out", metavar="FILE", required=True)
    to = p.add_mutually_exclusive_group(required=True)
    to.add_argument(
        "--recipient",
        metavar="AGE1...",
        help="the receiving coach's key (coachdesk recipient in her vault)",
    )
    to.add_argument(
        "--handover-passphrase-file",
        metavar="F",
        help="encrypt with the passphrase in F instead (age's scrypt mode), "
        "for a receiver without a key; tell it by another channel",
    )
    add_unlock_options(p)
    p.set_defaults(func=cmd_handover)


def cmd_recipient(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store import recipient

    out = Path(args.identity_out) if args.identity_out else None
    if out is not None and out.exists():
        raise BadInput("identity_file_exists", out=out)
    with open_vault(args, ctx) as vault:
        rcpt = recipient.ensure_committed(vault)
        if out is not None:
            with vault.session() as s:
                recipient.export_identity(s, out)
    ctx.result(rcpt)
    ctx.say("To read aloud, in groups of four: " + recipient.grouped(rcpt).replace("\n", "  "))
    if out is not None:
        ctx.say(
            f"Wrote this vault's secret identity to {out}. It opens every handover file "
            "sent to this vault: delete it when you are done."
        )
    return 0


def cmd_handover(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.cli.secrets import read_secret_file
    from coachdesk.core.records import has_surrogate
    from coachdesk.store import agefile, handover

    # Everything that can be refused without the vault is refused before unlocking.
    out = Path(args.out)
    handover.check_target(out)
    phrase = None
    if args.recipient is not None:
        if has_surrogate(args.recipient):
            raise BadInput("cli.recipient_not_text")
        agefile.parse_recipient(args.recipient)
    else:
        phrase = read_secret_file(args.handover_passphrase_file, "handover passphrase")
        if len(phrase) < 8:
            raise BadInput(agefile.SHORT_PASSPHRASE)
    with open_vault(args, ctx) as vault, vault.session() as s:
        result = handover.make_handover(
            s, args.participant, out, to_recipient=args.recipient, passphrase=phrase
        )
    ctx.say(
        f"Wrote the handover file {result.path} (SHA-256 {result.sha256[:16]}…); the "
        "disclosure is recorded."
    )
    if phrase is not None:
        ctx.say("Tell the receiver the passphrase by another channel (phone), never with the file.")
    ctx.say("When the receiver confirms the import, archive or erase the participant here.")
    return 0
