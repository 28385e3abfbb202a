"""Entry point: parse the command line, run one subcommand, map errors to exit codes.

Subcommands live in modules listed in COMMAND_MODULES; each has ``register(sub)``
that adds its parsers with ``func`` set to a callable taking (args, ctx).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coachdesk import __version__
from coachdesk.errors import CoachDeskError, VaultDamaged
from coachdesk.store.paths import resolve_data_dir

COMMAND_MODULES = (
    "coachdesk.cli.vault_commands",
    "coachdesk.cli.data_commands",
    "coachdesk.cli.safety_commands",
    "coachdesk.cli.ui_commands",
    "coachdesk.cli.report_commands",
)


class Context:
    """What every command gets besides its arguments. (A plain class: importing
    dataclasses would add 9 ms to every start of the app.)"""

    def __init__(self, data_dir: Path, lang: str | None, out: Any = None) -> None:
        self.data_dir = data_dir
        self.lang = lang
        self.out = sys.stderr if out is None else out

    def say(self, message: str) -> None:
        print(message, file=self.out)


def add_unlock_options(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--passphrase-file", metavar="F",
                   help="read the passphrase from F (- for standard input)")
    g.add_argument("--recovery-code-file", metavar="F",
                   help="unlock with the organisation recovery code in F")


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"CoachDesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="the vault's folder (default: $COACHDESK_DATA_DIR or the "
                        "per-user data folder)")
    parser.add_argument("--lang", choices=("da", "en"), help="language of the app and reports")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coachdesk",
        description="CoachDesk: the stress coach's encrypted, offline case desk. "
        "Without a subcommand, starts the desktop app.",
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The command line. Starting the app (no subcommand, the common case) reads only the
    global options: the subcommands' modules are imported when a command is named, for
    --help, or to explain an error (the full parser then parses everything again)."""
    base = argparse.ArgumentParser(prog="coachdesk", add_help=False, exit_on_error=False)
    _add_global_options(base)
    try:
        args, rest = base.parse_known_args(argv)
    except argparse.ArgumentError:
        rest = ["(the full parser reports it)"]
    if rest:
        return build_parser().parse_args(argv)
    args.command = None
    return args


def _looks_damaged(exc: BaseException) -> bool:
    import sqlcipher3
    from sqlalchemy.exc import DatabaseError

    orig = exc.orig if isinstance(exc, DatabaseError) else exc
    if not isinstance(orig, sqlcipher3.DatabaseError):
        return False
    text = str(orig).lower()
    return any(w in text for w in ("malformed", "not a database", "hmac", "corrupt",
                                    "disk i/o"))


def main(argv: Sequence[str] | None = None) -> int:
    # Library loggers stay quiet: nothing personal may reach a log, and nothing noisy
    # a terminal.
    args = parse_args(sys.argv[1:] if argv is None else argv)
    ctx = Context(data_dir=resolve_data_dir(args.data_dir), lang=args.lang)
    try:
        if args.command is None:
            from coachdesk.ui.app import run_app

            return run_app(ctx.data_dir, args.lang)
        import logging

        logging.basicConfig(level=logging.WARNING, format="%(message)s")
        return int(args.func(args, ctx) or 0)
    except CoachDeskError as exc:
        ctx.say(f"coachdesk: {exc}")
        for line in getattr(exc, "errors", [])[:200]:
            ctx.say(f"  {line}")
        return exc.exit_code
    except KeyboardInterrupt:
        ctx.say("coachdesk: interrupted; nothing was changed.")
        return 130
    except Exception as exc:
        if _looks_damaged(exc):
            err = VaultDamaged(
                "The database is damaged and cannot be read safely. Restore the latest "
                "backup (coachdesk restore BACKUP into an empty folder)."
            )
            ctx.say(f"coachdesk: {err}")
            return err.exit_code
        raise


if __name__ == "__main__":
    sys.exit(main())
