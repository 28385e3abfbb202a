"""The vault's receiving key: an age X25519 identity kept inside the vault (issue 17).

Another coach encrypts a handover file to this vault's public recipient (age1...); only
this vault can open it. The secret identity lives in the ``setting`` table, so it is
encrypted with everything else, travels in backups, and is gone with the vault.

It is made at ``init`` and, for a vault made before this feature, lazily by ``ensure``
at the next unlock (the app) or the first command that needs it (the CLI): vault.py is
not involved, a missing row is simply created.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from coachdesk.errors import BadInput
from coachdesk.store import audit
from coachdesk.store.models import Setting

if TYPE_CHECKING:
    from pyrage import x25519

    from coachdesk.store.vault import Vault

SETTING_KEY = "receiving_identity"


def ensure(session: Session) -> str:
    """The vault's recipient, creating the identity if the vault has none (the caller
    commits; the creation is audited in the same transaction)."""
    row = session.get(Setting, SETTING_KEY)
    if row is not None:
        return str(row.value["recipient"])
    from pyrage import x25519

    ident = x25519.Identity.generate()
    recipient = str(ident.to_public())
    session.add(
        Setting(
            key=SETTING_KEY,
            value={
                "identity": str(ident),
                "recipient": recipient,
                "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            },
        )
    )
    audit.record(session, "settings_changed", {"keys": [SETTING_KEY]})
    return recipient


def ensure_committed(vault: Vault) -> str:
    """``ensure`` in its own transaction (for the unlock hook and the commands)."""
    with vault.session() as s:
        had = s.get(Setting, SETTING_KEY) is not None
        recipient = ensure(s)
        if not had:
            s.commit()
    return recipient


def recipient(session: Session) -> str | None:
    row = session.get(Setting, SETTING_KEY)
    return None if row is None else str(row.value["recipient"])


def identity(session: Session) -> x25519.Identity:
    from pyrage import x25519

    row = session.get(Setting, SETTING_KEY)
    if row is None:
        raise BadInput("recipient.no_key")
    return x25519.Identity.from_str(row.value["identity"])


def grouped(recipient_text: str, size: int = 4, per_line: int = 8) -> str:
    """The recipient in groups of four, eight groups a line: easy to read aloud and to
    compare ("age1 qy7s ..."). Spaces and line breaks are ignored when it is typed in."""
    groups = [recipient_text[i : i + size] for i in range(0, len(recipient_text), size)]
    lines = [" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]
    return "\n".join(lines)


def export_identity(session: Session, out: Path) -> None:
    """Write the secret identity to ``out`` (0600, age-keygen's layout) and audit it.

    For tests and for checking a file with the reference age tool. The file opens every
    handover ever sent to this vault: it is refused if ``out`` exists."""
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        ensure(session)
        row = session.get(Setting, SETTING_KEY)
        assert row is not None
    if not out.parent.exists():
        raise BadInput("folder_missing", parent=out.parent)
    text = (
        f"# created: {row.value.get('created', '')}\n"
        f"# public key: {row.value['recipient']}\n"
        f"{row.value['identity']}\n"
    ).encode("ascii")
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        raise BadInput("identity_file_exists", out=out) from None
    except OSError as exc:
        raise BadInput("file.cannot_write", out=out, strerror=exc.strerror) from None
    # Audited before the secret is in the file: the record lands first or not at all.
    audit.record(session, "export", {"what": SETTING_KEY})
    try:
        session.commit()
        with os.fdopen(fd, "wb") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):  # fdopen closed it already, or never ran
            os.close(fd)
        out.unlink(missing_ok=True)
        raise
