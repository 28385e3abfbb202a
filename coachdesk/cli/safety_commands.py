"""backup, restore, erase, retention: nothing lost, nothing kept too long."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.cli.context import add_unlock_options
from coachdesk.cli.secrets import prompt, read_secret_file
from coachdesk.cli.unlock import open_vault
from coachdesk.errors import BadInput

if TYPE_CHECKING:
    from coachdesk.cli.context import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:

    p = sub.add_parser("backup", help="write an encrypted, verified backup of the vault")
    p.add_argument(
        "--out",
        metavar="FILE",
        required=True,
        help="the backup file (e.g. coachdesk-20260101-120000.cdbackup)",
    )
    add_unlock_options(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup into an empty data folder")
    p.add_argument("file", metavar="FILE")
    add_unlock_options(p)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("erase", help="erase a participant completely (GDPR art. 17)")
    p.add_argument("--participant", metavar="REF", required=True)
    p.add_argument(
        "--yes",
        action="store_true",
        help="do not ask for confirmation (needed when not on a terminal)",
    )
    add_unlock_options(p)
    p.set_defaults(func=cmd_erase)

    p = sub.add_parser(
        "compact",
        help="rewrite the vault file so that no freed page remains (erase "
        "does this itself; run it when erase could not finish it)",
    )
    add_unlock_options(p)
    p.set_defaults(func=cmd_compact)

    p = sub.add_parser(
        "retention",
        help="list participants whose course ended longer ago than the "
        "retention period (refs only)",
    )
    p.add_argument("--months", type=int, metavar="N", help="override the retention_months setting")
    add_unlock_options(p)
    p.set_defaults(func=cmd_retention)


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store.backup import create_backup

    out = Path(args.out)
    if out.is_dir():
        raise BadInput("cli.backup_out_is_folder", out=out)
    with open_vault(args, ctx) as vault:
        info = create_backup(vault, out)
    ctx.say(
        f"Backup written and verified: {info.path} ({info.size // 1024} KiB, "
        f"SHA-256 {info.sha256[:16]}...)."
    )
    return 0


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store.backup import read_backup_info, restore_backup

    # Structure and checksum first: a damaged file is refused before any prompt.
    read_backup_info(Path(args.file))
    if args.recovery_code_file:
        kw = {"recovery_code": read_secret_file(args.recovery_code_file, "recovery code")}
    elif args.passphrase_file:
        kw = {"passphrase": read_secret_file(args.passphrase_file, "passphrase")}
    else:
        kw = {"passphrase": prompt("passphrase of the backup")}
    count = restore_backup(Path(args.file), ctx.data_dir, **kw)
    ctx.say(
        f"Restored {count} participant(s) into {ctx.data_dir}. The vault opens with "
        "the backup's passphrase or recovery code."
    )
    return 0


def cmd_erase(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store.erasure import erase_participant

    ref = args.participant.strip()
    if not args.yes and not sys.stdin.isatty():
        raise BadInput("cli.erase_needs_yes")
    with open_vault(args, ctx) as vault:
        if not args.yes:
            ctx.say(f"This erases every record of participant {ref} for good.")
            typed = input("Type the participant's ref to confirm: ").strip()
            if typed != ref:
                raise BadInput("cli.erase_ref_mismatch")
        result = erase_participant(vault, ref)
    total = sum(result.rows.values())
    ctx.say(
        f"Erased participant {ref}: {total} record(s) removed; "
        f"{result.audit_events_redacted} audit entries reduced to their hashes."
    )
    return 0


def cmd_compact(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store.erasure import compact

    with open_vault(args, ctx) as vault:
        compact(vault)
    ctx.say("The vault file was compacted: no freed page of erased records remains in it.")
    return 0


def cmd_retention(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store.retention import due_for_erasure, ended_on

    with open_vault(args, ctx) as vault, vault.session() as s:
        due = due_for_erasure(s, dt.date.today(), args.months)
        lines = [(p.ref, str(ended_on(p))) for p in due]
    for ref, ended in lines:
        ctx.result(ref, ended)
    ctx.say(f"{len(lines)} participant(s) due for erasure.")
    return 0
