"""Entry point: parse the command line, run one subcommand, map errors to exit codes.

Subcommands live in modules listed in COMMAND_MODULES; each has ``register(sub)``
that adds its parsers with ``func`` set to a callable taking (args, ctx). They get
``Context`` and the unlock options from cli/context.py and never import this module.

``main`` is the one error boundary of every command: whatever fails becomes one plain
sentence and a documented exit status (docs/cli.md), never a traceback, and never the
text of a database error (SQLAlchemy and SQLite messages can quote the statement's
parameters: names, notes, CPR numbers). ``--debug`` adds where it happened, still
without those texts.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coachdesk import __version__
from coachdesk.cli.context import Context, write_line
from coachdesk.errors import (
    CoachDeskError,
    FieldError,
    classify,
    error_text,
    is_database_error,
)
from coachdesk.store.paths import resolve_data_dir

COMMAND_MODULES = (
    "coachdesk.cli.vault_commands",
    "coachdesk.cli.data_commands",
    "coachdesk.cli.safety_commands",
    "coachdesk.cli.ui_commands",
    "coachdesk.cli.report_commands",
    "coachdesk.cli.handover_commands",
    "coachdesk.cli.org_commands",
    "coachdesk.cli.agenda_commands",
)

# The module that registers each subcommand: a named command builds the parser of its
# own module only (importing and registering all of them costs ~15 ms of every command's
# start). A command missing here still works, through the full parser;
# tests/test_cli.py holds each entry true.
COMMAND_MODULE_OF = {
    **dict.fromkeys(
        ("init", "check", "change-passphrase", "rotate-recovery-code"),
        "coachdesk.cli.vault_commands",
    ),
    **dict.fromkeys(("import", "export", "demo"), "coachdesk.cli.data_commands"),
    **dict.fromkeys(
        ("backup", "restore", "erase", "compact", "retention"), "coachdesk.cli.safety_commands"
    ),
    "screenshots": "coachdesk.cli.ui_commands",
    "cohort-report": "coachdesk.cli.report_commands",
    **dict.fromkeys(("recipient", "handover"), "coachdesk.cli.handover_commands"),
    **dict.fromkeys(("org-keygen", "org-report"), "coachdesk.cli.org_commands"),
    "agenda": "coachdesk.cli.agenda_commands",
}


class _Parser(argparse.ArgumentParser):
    """argparse quotes the command line in its errors: escaped like every other line."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            stream = file or sys.stderr
            for line in message.rstrip("\n").split("\n"):
                write_line(stream, line)


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"CoachDesk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the vault's folder (default: $COACHDESK_DATA_DIR or the per-user data folder)",
    )
    parser.add_argument("--lang", choices=("da", "en"), help="language of the app and reports")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="on an error, also show where it happened (a traceback "
        "without the texts of database errors)",
    )


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="coachdesk",
        description="CoachDesk: the stress coach's encrypted, offline case desk. "
        "Without a subcommand, starts the desktop app.",
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The command line. Starting the app (no subcommand, the common case) reads only the
    global options. A named command (the first word the global options leave) is parsed
    by a parser of its own module only; --help and errors before the command get the
    full parser, which imports every subcommand's module."""
    base = _Parser(prog="coachdesk", add_help=False, exit_on_error=False)
    _add_global_options(base)
    try:
        args, rest = base.parse_known_args(argv)
    except argparse.ArgumentError:
        rest = ["(the full parser reports it)"]
    if rest:
        only = COMMAND_MODULE_OF.get(rest[0])
        return build_parser(COMMAND_MODULES if only is None else (only,)).parse_args(argv)
    args.command = None
    return args


UNEXPECTED = "unexpected"  # its text is in the catalogue (core/texts.py)

# SQLite's fixed error texts (sqlite3ErrStr): safe to show in a --debug traceback.
# Any other text of a database error may quote SQL or its parameters and is withheld.
_SQLITE_TEXTS = (
    "database or disk is full",
    "disk I/O error",
    "database disk image is malformed",
    "file is not a database",
    "database is locked",
    "unable to open database file",
    "attempt to write a readonly database",
    "out of memory",
    "interrupted",
)


def _exception_text(exc: BaseException) -> str:
    kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
    if is_database_error(exc):
        inner = getattr(exc, "orig", None) or exc
        text = str(inner.args[0]) if inner.args else ""
        if text not in _SQLITE_TEXTS:
            text = "(message withheld: it can quote SQL parameters)"
        return f"{kind}: {text}"
    try:
        text = str(exc)
    except Exception:
        text = "(message cannot be shown)"
    return f"{kind}: {text}" if text else kind


def debug_traceback(exc: BaseException) -> list[str]:
    """A traceback (oldest cause first) with frames and exception types; the messages of
    database errors are withheld, the others escaped."""
    import traceback

    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in chain and len(chain) < 20:
        chain.append(cur)
        cur = cur.__cause__ or (None if cur.__suppress_context__ else cur.__context__)
    lines: list[str] = []
    for i, e in enumerate(reversed(chain)):
        if i:
            lines.append("During handling of the above, another exception occurred:")
        lines.append("Traceback (most recent call last):")
        for frame in traceback.format_list(traceback.extract_tb(e.__traceback__)):
            lines += frame.rstrip("\n").split("\n")
        lines.append(_exception_text(e))
    return lines


def report(exc: BaseException, ctx: Context) -> int:
    """Say what failed in one sentence (plus the errors of a refused file); the exit code."""
    err = classify(exc)
    # The sentence in --lang's language (English without it: the CLI's default).
    lang = "da" if ctx.lang == "da" else "en"
    if err is None:
        ctx.say("coachdesk: " + error_text(UNEXPECTED, lang, {"kind": type(exc).__name__}))
        code = 1
    else:
        ctx.say(f"coachdesk: {err.text(lang)}")
        for line in getattr(err, "errors", [])[:200]:
            ctx.say(
                f"  {line.path}: {line.text(lang)}" if isinstance(line, FieldError) else f"  {line}"
            )
        code = err.exit_code
    if ctx.debug and not (isinstance(exc, CoachDeskError) and exc.__cause__ is None):
        for line in debug_traceback(exc):
            ctx.say(line)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    # Library loggers stay quiet: nothing personal may reach a log, and nothing noisy
    # a terminal.
    args = parse_args(sys.argv[1:] if argv is None else argv)
    ctx = Context(data_dir=Path(), lang=args.lang, debug=bool(getattr(args, "debug", False)))
    try:
        ctx.data_dir = resolve_data_dir(args.data_dir)
        if args.command is None:
            from coachdesk.ui.app import run_app

            return run_app(ctx.data_dir, args.lang)
        import logging

        logging.basicConfig(level=logging.WARNING, format="%(message)s")
        from coachdesk.log_policy import quiet_logging

        quiet_logging()
        return int(args.func(args, ctx) or 0)
    except KeyboardInterrupt:
        ctx.say("coachdesk: interrupted; nothing was changed.")
        return 130
    except Exception as exc:
        return report(exc, ctx)


if __name__ == "__main__":
    sys.exit(main())
