"""Reading secrets for the CLI: from a terminal prompt or a file, never from argv."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from coachdesk.errors import BadInput


def read_secret_file(path: str, what: str) -> str:
    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"Cannot read the {what} file {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise BadInput(f"The {what} file {path} is not UTF-8 text.") from None
    # One secret per file; only the line ending is not part of it.
    secret = raw.splitlines()[0] if raw.splitlines() else ""
    if not secret:
        raise BadInput(f"The {what} file {path} is empty.")
    return secret


def prompt(what: str, *, confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        raise BadInput(
            f"No {what} given. Use --passphrase-file FILE (or - for standard input) "
            "when not running in a terminal."
        )
    first = getpass.getpass(f"{what.capitalize()}: ")
    if confirm and getpass.getpass(f"Repeat the {what}: ") != first:
        raise BadInput(f"The two {what}s differ. Nothing was changed.")
    return first
