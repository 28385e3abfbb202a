"""Entry point: parse the command line, run one subcommand, map errors to exit codes.

Subcommands live in modules listed in COMMAND_MODULES; each has ``register(sub)``
that adds its parsers with ``func`` set to a callable taking (args, ctx).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
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


@dataclass
class Context:
    data_dir: Path
    lang: str | None
    out: Any = field(default_factory=lambda: sys.stderr)

    def say(self, message: str) -> None:
        print(message, file=self.out)


def add_unlock_options(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--passphrase-file", metavar="F",
                   help="read the passphrase from F (- for standard input)")
    g.add_argument("--recovery-code-file", metavar="F",
                   help="unlock with the organisation recovery code in F")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coachdesk",
        description="CoachDesk: the stress coach's encrypted, offline case desk. "
        "Without a subcommand, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"CoachDesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="the vault's folder (default: $COACHDESK_DATA_DIR or the "
                        "per-user data folder)")
    parser.add_argument("--lang", choices=("da", "en"), help="language of the app and reports")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


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
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(data_dir=resolve_data_dir(args.data_dir), lang=args.lang)
    try:
        if args.command is None:
            from coachdesk.ui.app import run_app

            return run_app(ctx.data_dir, args.lang)
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
