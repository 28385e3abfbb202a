"""Reading secrets for the CLI: from a terminal prompt or a file, never from argv."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from coachdesk.core.texts import Term
from coachdesk.errors import BadInput


def read_secret_file(path: str, what: str) -> str:
    try:
        # Bytes, decoded here: text mode would also turn a lone CR into a line end.
        # (A byte order mark, as Notepad writes, is not part of the secret.)
        raw = _read_bytes(path).decode("utf-8-sig")
    except OSError as exc:
        raise BadInput(
            "cli.secret_file_unreadable", what=Term(what), path=path, strerror=exc.strerror
        ) from None
    except UnicodeDecodeError:
        raise BadInput("cli.secret_file_not_utf8", what=Term(what), path=path) from None
    secret = first_line(raw)
    if not secret:
        raise BadInput("cli.secret_file_empty", what=Term(what), path=path)
    return secret


def _read_bytes(path: str) -> bytes:
    if path != "-":
        return Path(path).read_bytes()
    if hasattr(sys.stdin, "buffer"):
        return bytes(sys.stdin.buffer.read())
    return sys.stdin.read().encode("utf-8")  # a replaced stdin (tests): text already


def first_line(text: str) -> str:
    """The secret in a file: everything before the first line feed (and a carriage
    return just before it). Not str.splitlines(): that also ends a line at U+2028,
    U+0085, form feed and other separators, which are valid characters of a passphrase
    and would silently cut it short."""
    line = text.split("\n", 1)[0]
    return line[:-1] if line.endswith("\r") else line


def prompt(what: str, *, confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        raise BadInput("cli.no_secret", what=Term(what))
    first = getpass.getpass(f"{what.capitalize()}: ")
    if confirm and getpass.getpass(f"Repeat the {what}: ") != first:
        raise BadInput("cli.secrets_differ", what=Term(what))
    return first
