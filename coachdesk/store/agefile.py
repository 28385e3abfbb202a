"""Files in the age format (age-encryption.org/v1), through pyrage (a binding of rage).

What travels between vaults (a handover) and to the organisation (aggregates) is an
ordinary age file, so anyone can check it with the reference ``age`` tool; this module
is the one place that talks to the library and turns its errors into the project's
plain sentences and exit codes (docs/cli.md): a file for another key or a wrong
passphrase is bad input (2), a damaged or cut-off file is damaged (4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coachdesk.errors import BadInput, CoachDeskError

if TYPE_CHECKING:
    from pyrage import x25519

MAGIC = b"age-encryption.org/v1"
ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"
# A Bech32 X25519 recipient is "age1" and 58 more characters; parsing checks the rest.
_RECIPIENT = re.compile(r"^age1[02-9ac-hj-np-z]{58}$")

# The codes of the refusals below: their texts (both languages) are in the catalogue,
# coachdesk/i18n/texts.<lang>.json, section "error".
NOT_AGE = "handover.not_age"
ARMOURED = "handover.armoured"
HEADER_CUT = "handover.header_cut"
DAMAGED = "handover.damaged"
WRONG_KEY = "handover.wrong_key"
NEEDS_PASSPHRASE = "handover.needs_passphrase"
WRONG_PASSPHRASE = "handover.wrong_passphrase"
KEY_NOT_PASSPHRASE = "handover.key_not_passphrase"
BAD_RECIPIENT = "handover.bad_recipient"
RECIPIENT_TYPO = "handover.recipient_typo"
SHORT_PASSPHRASE = "handover.short_passphrase"
NO_IDENTITY = "handover.no_identity"


class FileDamaged(CoachDeskError):
    """An age file whose header or contents do not check out: cut off or changed."""

    exit_code = 4


@dataclass(frozen=True)
class Header:
    """What an age file's header says without any key: which kinds of stanza it has."""

    stanzas: tuple[str, ...]  # "X25519", "scrypt", ...

    @property
    def passphrase(self) -> bool:
        return "scrypt" in self.stanzas


def looks_like_age(data: bytes) -> bool:
    """The header line, or the ASCII armour around one."""
    return data.startswith(MAGIC + b"\n") or data.lstrip().startswith(ARMOR)


def header(data: bytes) -> Header:
    """The stanza types of a binary age file; FileDamaged when the header is broken."""
    if data.lstrip().startswith(ARMOR):
        raise BadInput(ARMOURED)
    if not data.startswith(MAGIC + b"\n"):
        raise BadInput(NOT_AGE)
    end = data.find(b"\n---", len(MAGIC))
    if end < 0:
        raise FileDamaged(HEADER_CUT)
    kinds = []
    for line in data[len(MAGIC) + 1 : end + 1].split(b"\n"):
        if line.startswith(b"-> "):
            kinds.append(line[3:].split(b" ", 1)[0].decode("ascii", "replace"))
    if not kinds:
        raise FileDamaged(HEADER_CUT)
    return Header(tuple(kinds))


def parse_recipient(text: str) -> x25519.Recipient:
    """An X25519 recipient (age1...) from the user; BadInput with an example if not."""
    import pyrage

    cleaned = "".join(text.split())  # read aloud and typed in groups: spaces are not part of it
    if not _RECIPIENT.match(cleaned.lower()):
        raise BadInput(BAD_RECIPIENT)
    try:
        return pyrage.x25519.Recipient.from_str(cleaned.lower())
    except pyrage.RecipientError:
        raise BadInput(RECIPIENT_TYPO) from None


def normalise_recipient(text: str) -> str:
    parse_recipient(text)
    return "".join(text.split()).lower()


def parse_identity(text: str) -> x25519.Identity:
    import pyrage

    try:
        return pyrage.x25519.Identity.from_str(text.strip())
    except pyrage.IdentityError:
        raise BadInput(NO_IDENTITY) from None


def identity_from_file_text(text: str) -> x25519.Identity:
    """The first AGE-SECRET-KEY line of a key file as age-keygen writes it (comments
    start with #)."""
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            return parse_identity(line)
    raise BadInput(NO_IDENTITY)


def encrypt_to(data: bytes, recipients: list[x25519.Recipient]) -> bytes:
    import pyrage

    return pyrage.encrypt(data, recipients)


def encrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    from pyrage import passphrase as pp

    if len(passphrase) < 8:
        raise BadInput(SHORT_PASSPHRASE)
    return pp.encrypt(data, passphrase)


def decrypt_with(
    data: bytes, identities: list[x25519.Identity], *, wrong_key: str = WRONG_KEY
) -> bytes:
    import pyrage

    head = header(data)
    if head.passphrase:
        raise BadInput(NEEDS_PASSPHRASE)
    try:
        return pyrage.decrypt(data, identities)
    except pyrage.DecryptError as exc:
        raise _decrypt_error(exc, wrong_key) from None


def decrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    import pyrage
    from pyrage import passphrase as pp

    head = header(data)
    if not head.passphrase:
        raise BadInput(KEY_NOT_PASSPHRASE)
    try:
        return pp.decrypt(data, passphrase)
    except pyrage.DecryptError as exc:
        raise _decrypt_error(exc, WRONG_PASSPHRASE) from None


def _decrypt_error(exc: Exception, wrong_key: str) -> CoachDeskError:
    # rage's messages, not shown as they are (they are English and technical): the
    # header's key did not open ("No matching keys", "Decryption failed" for scrypt), or
    # the payload did not authenticate or ended early (damaged, cut off).
    text = str(exc).lower()
    if "no matching keys" in text or text.startswith("decryption failed"):
        return BadInput(wrong_key)
    return FileDamaged(DAMAGED)


def write_new_identity(out: str, *, comment: str) -> str:
    """Generate an X25519 identity into a new file (0600, age-keygen's layout); returns
    the recipient. Never over an existing file."""
    import datetime as dt
    import os

    from pyrage import x25519

    ident = x25519.Identity.generate()
    recipient = str(ident.to_public())
    text = (
        f"# created: {dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}\n"
        f"# {comment}\n"
        f"# public key: {recipient}\n"
        f"{ident}\n"
    ).encode("ascii")
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        raise BadInput("handover.key_file_exists", out=out) from None
    except OSError as exc:
        raise BadInput("file.cannot_write", out=out, strerror=exc.strerror) from None
    with os.fdopen(fd, "wb") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    return recipient


def read_identity_file(path: str) -> x25519.Identity:
    from pathlib import Path

    try:
        raw = Path(path).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        raise BadInput("handover.cannot_read_key_file", path=path) from None
    return identity_from_file_text(raw)
