"""Opening the vault for a subcommand: the secret from a file or the terminal."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from coachdesk.cli.secrets import prompt, read_secret_file
from coachdesk.errors import WrongSecret

if TYPE_CHECKING:
    from coachdesk.cli.context import Context
    from coachdesk.store.vault import Vault

PROMPT_TRIES = 3


def open_vault(args: argparse.Namespace, ctx: Context) -> Vault:
    from coachdesk.store.vault import Vault

    if getattr(args, "recovery_code_file", None):
        code = read_secret_file(args.recovery_code_file, "recovery code")
        return Vault.open(ctx.data_dir, recovery_code=code)
    if getattr(args, "passphrase_file", None):
        secret = read_secret_file(args.passphrase_file, "passphrase")
        return Vault.open(ctx.data_dir, passphrase=secret)
    for attempt in range(PROMPT_TRIES):
        try:
            return Vault.open(ctx.data_dir, passphrase=prompt("passphrase"))
        except WrongSecret:
            if attempt == PROMPT_TRIES - 1:
                raise
            ctx.say("Wrong passphrase. Try again.")
    raise AssertionError("unreachable")
