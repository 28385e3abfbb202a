"""init, check, change-passphrase, rotate-recovery-code: the vault itself."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from coachdesk.cli.context import add_unlock_options
from coachdesk.cli.secrets import prompt, read_secret_file
from coachdesk.cli.unlock import open_vault
from coachdesk.errors import VaultDamaged

if TYPE_CHECKING:
    from coachdesk.cli.context import Context
    from coachdesk.store.keyfile import KdfParams


def add_test_kdf_flag(p: argparse.ArgumentParser) -> None:
    # For the test suite and benchmarks only: cheap Argon2id parameters. Hidden from
    # --help so nobody takes it for a speed option.
    p.add_argument("--insecure-test-kdf", action="store_true", help=argparse.SUPPRESS)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:

    p = sub.add_parser("init", help="create a vault; prints the recovery code once")
    p.add_argument(
        "--passphrase-file",
        metavar="F",
        help="read the new passphrase from F (- for standard input)",
    )
    add_test_kdf_flag(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("check", help="verify the database, the key file and the audit chain")
    add_unlock_options(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "change-passphrase",
        help="set a new passphrase (unlock with the old one or the recovery code)",
    )
    add_unlock_options(p)
    p.add_argument(
        "--new-passphrase-file",
        metavar="F",
        help="read the new passphrase from F (- for standard input)",
    )
    p.set_defaults(func=cmd_change_passphrase)

    p = sub.add_parser(
        "rotate-recovery-code",
        help="issue a new recovery code (printed once); the old one stops working",
    )
    p.add_argument(
        "--passphrase-file", metavar="F", help="read the passphrase from F (- for standard input)"
    )
    p.set_defaults(func=cmd_rotate_recovery_code)


def new_passphrase(path: str | None) -> str:
    if path:
        return read_secret_file(path, "new passphrase")
    return prompt("new passphrase", confirm=True)


def test_kdf_or_none(args: argparse.Namespace) -> KdfParams | None:
    """TEST_KDF when --insecure-test-kdf is given, and allowed only under the test
    environment variable (issue 12 item 15): checked before anything is asked or made."""
    from coachdesk.store import keyfile

    if not getattr(args, "insecure_test_kdf", False):
        return None
    keyfile.require_strong_or_allowed(keyfile.TEST_KDF)
    return keyfile.TEST_KDF


def show_recovery_code(ctx: Context, code: str) -> None:
    ctx.say(
        "Recovery code (shown only this once; print it or store it with your "
        "organisation, never next to the laptop):"
    )
    ctx.say("")
    ctx.say(f"    {code}")
    ctx.say("")


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store.vault import Vault, check_passphrase

    kdf = test_kdf_or_none(args)
    passphrase = new_passphrase(args.passphrase_file)
    check_passphrase(passphrase)
    if not args.insecure_test_kdf:
        ctx.say("Tuning the key derivation to this machine (a second or two)...")
    vault, code = Vault.create(ctx.data_dir, passphrase, kdf=kdf)
    try:
        from coachdesk.store import recipient

        recipient.ensure_committed(vault)  # the receiving key, made with the vault
    finally:
        vault.close()
    ctx.say(f"Created a vault in {ctx.data_dir}.")
    ctx.say("")
    show_recovery_code(ctx, code)
    return 0


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    """Line by line: key file, every page, schema, audit chain, anchor (issue 12)."""
    from sqlalchemy import text

    from coachdesk.store import audit
    from coachdesk.store.migrate import HEAD

    # Opening already refuses a key file that does not belong, an empty database, a
    # database that does not decrypt and a rolled-back one (exit 4, one sentence).
    with open_vault(args, ctx) as vault:
        ctx.say("key file: OK (checksum, MAC and the binding to this database verified)")
        pages = vault.integrity_errors()
        with vault.session() as s:
            revision = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
            count = s.execute(text("SELECT count(*) FROM audit_event")).scalar()
            disclosures = s.execute(text("SELECT count(*) FROM disclosure")).scalar()
            chain = audit.verify(s)
        anchor = vault.anchor_errors()
        length = vault.key_file.anchor.length if vault.key_file.anchor else 0
    lines = [
        ("database pages", pages, "every page's HMAC and the structure check pass"),
        (
            "schema",
            [] if revision == HEAD else [f"revision {revision}, expected {HEAD}"],
            f"present, revision {revision}",
        ),
        (
            "audit chain",
            chain,
            f"{count} events, keyed (HMAC-SHA256), starting with the "
            f"vault's creation; {disclosures} disclosure rows chained",
        ),
        (
            "anchor",
            anchor,
            f"the key file's record of {length} events is a prefix of the chain: no rollback",
        ),
    ]
    for name, problems, good in lines:
        if problems:
            ctx.say(f"{name}: DAMAGED")
            for line in problems[:50]:
                ctx.say(f"  {line}")
        else:
            ctx.say(f"{name}: OK ({good})")
    if any(problems for _name, problems, _good in lines):
        raise VaultDamaged("cli.check_found_damage")
    ctx.say("OK: the key file, every database page and the audit chain are intact.")
    return 0


def cmd_change_passphrase(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store.vault import check_passphrase

    new = new_passphrase(args.new_passphrase_file)
    check_passphrase(new)
    with open_vault(args, ctx) as vault:
        code = vault.change_passphrase(new)
    ctx.say(
        "The passphrase was changed, and the vault re-encrypted under a new key: an "
        "old copy of vault.key no longer opens it."
    )
    if code is None:
        ctx.say("The recovery code is unchanged.")
    else:
        ctx.say(
            "This vault's recovery code was made by an older CoachDesk and could not "
            "follow the new key, so it was replaced."
        )
        show_recovery_code(ctx, code)
    return 0


def cmd_rotate_recovery_code(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store.vault import Vault

    # The passphrase (not the old code) re-seals the passphrase slot under the new key.
    passphrase = (
        read_secret_file(args.passphrase_file, "passphrase")
        if args.passphrase_file
        else prompt("passphrase")
    )
    with Vault.open(ctx.data_dir, passphrase=passphrase) as vault:
        code = vault.rotate_recovery_code(passphrase)
    ctx.say(
        "A new recovery code was made, and the vault re-encrypted under a new key. "
        "The old recovery code no longer opens it (old backups still open with the "
        "code of their day)."
    )
    ctx.say("")
    show_recovery_code(ctx, code)
    return 0
