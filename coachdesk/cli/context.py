"""What every subcommand shares with the entry point: the ``Context`` a command runs in
(the vault's folder, the language, where messages go) and the unlock options.

It lives here, not in main.py: main.py imports the command modules (by name, from
COMMAND_MODULES), and the command modules import this one, so no module imports
main.py back and the imports only point one way.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from coachdesk.cli.terminal import safe


class Context:
    """What every command gets besides its arguments. (A plain class: importing
    dataclasses would add 9 ms to every start of the app.)"""

    def __init__(
        self, data_dir: Path, lang: str | None, out: Any = None, debug: bool = False
    ) -> None:
        self.data_dir = data_dir
        self.lang = lang
        self.out = sys.stderr if out is None else out
        self.debug = debug

    def say(self, message: str) -> None:
        """One line for the person at the terminal (standard error)."""
        write_line(self.out, message)

    def result(self, *fields: str) -> None:
        """One line of a command's result (standard output), its fields tab-separated."""
        print("\t".join(_encodable(safe(f), sys.stdout) for f in fields))


def _encodable(text: str, stream: Any) -> str:
    enc = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(enc)
    except UnicodeEncodeError:
        return text.encode(enc, "backslashreplace").decode(enc)
    return text


def write_line(stream: Any, text: str) -> None:
    # Escaped (cli/terminal.py): a ref or a name is shown, never obeyed by the terminal.
    print(_encodable(safe(text), stream), file=stream)


def add_unlock_options(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument(
        "--passphrase-file", metavar="F", help="read the passphrase from F (- for standard input)"
    )
    g.add_argument(
        "--recovery-code-file", metavar="F", help="unlock with the organisation recovery code in F"
    )
