"""Handing a participant to another coach, and receiving one (issue 17).

The handover file is the participant file (docs/format.md) with one participant,
encrypted in the age format to the receiving vault's recipient (age1...) or, when the
receiver has no key yet, to a passphrase (age's scrypt mode). Nothing else travels: no
server, no sync; the receiver imports it like any participant file, all or nothing.

Sending is a disclosure (security promise 7). The order makes the record come first:
the encrypted bytes go to a temp file (0600) beside the target, the disclosure and the
audit event are committed, and only then is the temp file renamed into place. A crash
or a failed commit leaves no visible file; a failed rename leaves a record of a file
that was never delivered, the safe side of the two.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.core import records
from coachdesk.errors import BadInput
from coachdesk.store import agefile, audit, interchange, recipient, settings
from coachdesk.store.atomic import reveal_after
from coachdesk.store.models import Disclosure, Participant

if TYPE_CHECKING:
    from pyrage import x25519

PASSPHRASE = "passphrase"  # the disclosure log's "to whom" for a passphrase file
KIND = "handover"
OWN_KEY = "handover.own_key"
BOTH_OR_NEITHER = "handover.both_or_neither"


@dataclass(frozen=True)
class HandoverResult:
    path: Path
    sha256: str
    size: int
    to: str  # the recipient, or "passphrase"


def _participant(session: Session, ref: str) -> Participant:
    if records.has_surrogate(ref):
        raise BadInput("no_participant_ref", ref=ref)
    p = session.execute(select(Participant).where(Participant.ref == ref)).scalar()
    if p is None:
        raise BadInput("no_participant_ref", ref=ref)
    return p


def check_target(out: Path) -> None:
    if not out.parent.exists():
        raise BadInput("folder_missing", parent=out.parent)
    if out.is_dir():
        raise BadInput("handover.target_is_folder", out=out)


def make_handover(
    session: Session,
    ref: str,
    out: str | os.PathLike[str],
    *,
    to_recipient: str | None = None,
    passphrase: str | None = None,
    today: dt.date | None = None,
) -> HandoverResult:
    """Encrypt one participant's complete record to ``out``; record, commit, then show it.

    Exactly one of ``to_recipient`` (age1...) and ``passphrase``. Commits the session.
    """
    if (to_recipient is None) == (passphrase is None):
        raise BadInput(BOTH_OR_NEITHER)
    target = Path(out)
    check_target(target)
    rcpt = agefile.parse_recipient(to_recipient) if to_recipient is not None else None
    p = _participant(session, ref)
    doc = interchange.export_document(
        session, [p.ref], today=today or dt.date.today(), params=settings.pss_params(session)
    )
    plain = interchange.dumps(doc)
    if rcpt is not None:
        own = recipient.recipient(session)
        to = agefile.normalise_recipient(to_recipient or "")
        if own is not None and own == to:
            raise BadInput(OWN_KEY)
        data = agefile.encrypt_to(plain, [rcpt])
    else:
        to = PASSPHRASE
        data = agefile.encrypt_with_passphrase(plain, passphrase or "")
    digest = hashlib.sha256(data).hexdigest()
    mode = "passphrase" if to == PASSPHRASE else "x25519"

    def record(_sha256: str) -> None:
        session.add(
            Disclosure(
                participant_id=p.id,
                recipient=to,
                kind=KIND,
                sections=["full_record"],
                sha256=digest,
                encrypted=True,
            )
        )
        audit.record(
            session,
            "export",
            {"format": KIND, "encryption": mode, "sha256": digest, "participants": 1},
        )
        audit.record(
            session, "export", {"format": KIND, "encryption": mode, "sha256": digest}, subject=p.uid
        )
        session.commit()

    reveal_after(target, data, record)
    return HandoverResult(target, digest, len(data), to)


# --- receiving ----------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    document: bytes  # the participant file inside
    sha256: str  # of the encrypted file, as the sender's disclosure log has it
    encryption: str  # "x25519" | "passphrase"


def last_handover(session: Session, participant_id: int) -> dt.datetime | None:
    """When this participant was last handed over (None: never)."""
    return session.execute(
        select(func.max(Disclosure.at)).where(
            Disclosure.participant_id == participant_id, Disclosure.kind == KIND
        )
    ).scalar()


def open_file(
    session: Session | None,
    data: bytes,
    *,
    passphrase: str | None = None,
    identities: list[x25519.Identity] | None = None,
) -> Opened:
    """Decrypt a handover file with the vault's own key (``session``), a passphrase, or
    given identities; the errors are agefile's (2 for a wrong key, 4 for damage)."""
    if passphrase is not None:
        plain = agefile.decrypt_with_passphrase(data, passphrase)
        mode = "passphrase"
    else:
        if identities is None:
            assert session is not None
            if recipient.recipient(session) is None:  # no key: nothing was sent to it
                agefile.header(data)
                raise BadInput(agefile.WRONG_KEY)
            identities = [recipient.identity(session)]
        plain = agefile.decrypt_with(data, identities)
        mode = "x25519"
    return Opened(plain, hashlib.sha256(data).hexdigest(), mode)


def receive(
    session: Session,
    data: bytes,
    *,
    passphrase: str | None = None,
    replace: bool = False,
    today: dt.date | None = None,
) -> interchange.ImportResult:
    """Decrypt and import all or nothing, in the caller's transaction (the caller commits)."""
    opened = open_file(session, data, passphrase=passphrase)
    return import_opened(session, opened, replace=replace, today=today)


def import_opened(
    session: Session, opened: Opened, *, replace: bool = False, today: dt.date | None = None
) -> interchange.ImportResult:
    result = interchange.import_document(session, opened.document, replace=replace, today=today)
    # The receipt, with the file's SHA-256: it matches the sender's disclosure log.
    audit.record(
        session,
        "import",
        {
            "format": KIND,
            "encryption": opened.encryption,
            "sha256": opened.sha256,
            "participants": result.added + result.replaced,
        },
    )
    return result
