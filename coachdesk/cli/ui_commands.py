"""`coachdesk screenshots --out DIR`: render the app's main screens on this vault."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.cli.context import add_unlock_options
from coachdesk.cli.secrets import prompt, read_secret_file

if TYPE_CHECKING:
    from coachdesk.cli.context import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "screenshots",
        help="render every main screen of the app to PNG",
        description="Render the unlock screen, the first-run recovery code "
        "page, the caseload, a participant's tabs and the settings to PNG "
        "files (1280x800, offscreen, readable by the owner only) on a vault "
        "made by 'demo'. Recorded in the audit log as an export.",
    )
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    p.add_argument(
        "--real-data",
        action="store_true",
        help="also render a vault with real participants (the pictures are "
        "plaintext copies of their data)",
    )
    add_unlock_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.errors import BadInput
    from coachdesk.ui.screenshots import render_all

    if getattr(args, "recovery_code_file", None):
        raise BadInput("cli.screenshots_need_passphrase")
    secret = (
        read_secret_file(args.passphrase_file, "passphrase")
        if args.passphrase_file
        else prompt("passphrase")
    )
    # Check the passphrase (exit 3) and the vault (only demo people, or --real-data:
    # exit 2) before any window opens.
    from coachdesk.store.vault import Vault
    from coachdesk.ui.screenshots import check_allowed

    with Vault.open(ctx.data_dir, passphrase=secret) as vault, vault.session() as s:
        check_allowed(s, args.real_data)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise BadInput("cli.not_a_folder", out=args.out)
    files = render_all(ctx.data_dir, out, secret, ctx.lang, real_data=args.real_data)
    ctx.say(f"Wrote {len(files)} screenshot(s) to {args.out}.")
    return 0
