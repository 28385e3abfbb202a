"""init, check, change-passphrase: the vault itself."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from coachdesk.cli.secrets import prompt, read_secret_file
from coachdesk.cli.unlock import open_vault
from coachdesk.errors import VaultDamaged

if TYPE_CHECKING:
    from coachdesk.cli.main import Context


def add_test_kdf_flag(p: argparse.ArgumentParser) -> None:
    # For the test suite and benchmarks only: cheap Argon2id parameters. Hidden from
    # --help so nobody takes it for a speed option.
    p.add_argument("--insecure-test-kdf", action="store_true", help=argparse.SUPPRESS)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from coachdesk.cli.main import add_unlock_options

    p = sub.add_parser("init", help="create a vault; prints the recovery code once")
    p.add_argument("--passphrase-file", metavar="F",
                   help="read the new passphrase from F (- for standard input)")
    add_test_kdf_flag(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("check", help="verify the database, the key file and the audit chain")
    add_unlock_options(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("change-passphrase",
                       help="set a new passphrase (unlock with the old one or the recovery code)")
    add_unlock_options(p)
    p.add_argument("--new-passphrase-file", metavar="F",
                   help="read the new passphrase from F (- for standard input)")
    p.set_defaults(func=cmd_change_passphrase)


def new_passphrase(path: str | None) -> str:
    if path:
        return read_secret_file(path, "new passphrase")
    return prompt("new passphrase", confirm=True)


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault, check_passphrase

    passphrase = new_passphrase(args.passphrase_file)
    check_passphrase(passphrase)
    if not args.insecure_test_kdf:
        ctx.say("Tuning the key derivation to this machine (a second or two)...")
    vault, code = Vault.create(ctx.data_dir, passphrase,
                               kdf=TEST_KDF if args.insecure_test_kdf else None)
    try:
        from coachdesk.store import recipient

        recipient.ensure_committed(vault)  # the receiving key, made with the vault
    finally:
        vault.close()
    ctx.say(f"Created a vault in {ctx.data_dir}.")
    ctx.say("")
    ctx.say("Recovery code (shown only this once; print it or store it with your "
            "organisation, never next to the laptop):")
    ctx.say("")
    ctx.say(f"    {code}")
    ctx.say("")
    return 0


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store import audit

    with open_vault(args, ctx) as vault:
        problems = vault.integrity_errors()
        with vault.session() as s:
            chain = audit.verify(s)
    if problems or chain:
        for line in problems + chain:
            ctx.say(f"  {line}")
        raise VaultDamaged(
            "The check found damage (listed above). Restore the latest backup, or ask "
            "your IT department for help."
        )
    ctx.say("OK: the key file, every database page and the audit chain are intact.")
    return 0


def cmd_change_passphrase(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store.vault import check_passphrase

    new = new_passphrase(args.new_passphrase_file)
    check_passphrase(new)
    with open_vault(args, ctx) as vault:
        vault.change_passphrase(new)
    ctx.say("The passphrase was changed. The recovery code is unchanged.")
    return 0


