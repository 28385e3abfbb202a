"""`coachdesk screenshots --out DIR`: render the app's main screens on this vault."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coachdesk.cli.secrets import prompt, read_secret_file

if TYPE_CHECKING:
    from coachdesk.cli.main import Context


def register(sub: Any) -> None:
    from coachdesk.cli.main import add_unlock_options

    p = sub.add_parser("screenshots", help="render every main screen of the app to PNG",
                       description="Render the unlock screen, the first-run recovery code "
                       "page, the caseload, a participant's tabs and the settings to PNG "
                       "files (1280x800, offscreen) on this vault.")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    add_unlock_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.errors import BadInput
    from coachdesk.ui.screenshots import render_all

    if getattr(args, "recovery_code_file", None):
        raise BadInput("screenshots needs --passphrase-file (the unlock screen is shown "
                       "with the passphrase).")
    secret = (read_secret_file(args.passphrase_file, "passphrase")
              if args.passphrase_file else prompt("passphrase"))
    # Check the passphrase before any window opens: a wrong one exits 3 like every command.
    from coachdesk.store.vault import Vault

    Vault.open(ctx.data_dir, passphrase=secret).close()
    files = render_all(ctx.data_dir, Path(args.out), secret, ctx.lang)
    ctx.say(f"Wrote {len(files)} screenshot(s) to {args.out}.")
    return 0
