"""Making and exporting a participant report: the one path the CLI and the GUI share.

``render_pdf`` builds the PDF in memory (the GUI preview uses it as is);
``export_report`` also encrypts it in memory and writes it through ``write_recorded``:
the disclosure and the audit event are committed before the file becomes visible
(security promise 7). ``write_recorded`` is how a report or the JSON export leaves the
vault; its writing is store/atomic.reveal_after, as for every disclosing file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from coachdesk.errors import BadInput, CoachDeskError
from coachdesk.store import audit
from coachdesk.store.atomic import Producer, WriteFailed, reveal_after
from coachdesk.store.models import Disclosure, utcnow

# The PDF modules (reportlab, the sections, the fonts: 0.3-0.4 s of imports) are loaded
# by the functions that make a PDF, not with this module: the JSON export
# (``write_recorded`` + ``record_json_export``) needs none of them (issue 19).
if TYPE_CHECKING:
    from coachdesk.reports.content import ReportContent, ReportRequest


class ExportNotRecorded(CoachDeskError):
    """Recording the export failed, so no file was written (exit 1)."""

    exit_code = 1


class ExportNotPlaced(CoachDeskError):
    """The export was recorded, but its file could not be put in place (exit 1)."""

    exit_code = 1


def _db_reason(exc: BaseException) -> str:
    """The database's own short reason, never SQLAlchemy's text (which quotes the
    statement and may quote its parameters: personal data)."""
    orig = getattr(exc, "orig", None)
    text = str(orig) if orig is not None else ""
    if "full" in text.lower() or getattr(exc, "errno", None) == 28:
        return "the disk is full"
    return text if text and len(text) < 80 and orig is not None else type(exc).__name__


def write_recorded(
    session: Session,
    out: str | os.PathLike[str],
    data: bytes | Producer,
    record: Callable[[str], None],
) -> str:
    """Write ``data`` to ``out`` only once its disclosure is committed; returns its SHA-256.

    ``data`` is the file's bytes, or a producer that writes them piece by piece through
    the function it is given (store/atomic.Producer). store/atomic.reveal_after does the
    writing:
    1. the file is written in full to an owner-only temp file beside ``out`` (a full
       disk there raises WriteFailed: nothing is recorded, nothing is left);
    2. ``record(sha256)`` adds the disclosure and audit rows, and they are committed
       (if that fails, e.g. the vault's disk is full, the temp file is removed: no
       export without its record);
    3. the temp file is renamed to ``out``. If that fails after the commit, the vault
       records the failure too (when it can) and the error says what is recorded.
    """
    target = Path(out)
    committed = ""  # the SHA-256, once the records are committed

    def commit(digest: str) -> None:
        nonlocal committed
        try:
            record(digest)
            session.commit()
        except CoachDeskError:
            raise
        except Exception as exc:
            with contextlib.suppress(Exception):
                session.rollback()
            reason = _db_reason(exc)
            if reason == "the disk is full":
                raise ExportNotRecorded("export.not_recorded_disk_full", name=target.name) from None
            raise ExportNotRecorded("export.not_recorded", why=reason, name=target.name) from None
        committed = digest

    try:
        return reveal_after(target, data, commit)
    except WriteFailed as failed:
        if not committed:
            raise  # the file could not be written: nothing was recorded
        digest = committed
        cause = failed.__cause__
        reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else cause
        noted = False
        with contextlib.suppress(Exception):
            # An "export" event whose file never appeared (no new action name:
            # the audit log's readers know this one).
            audit.record(session, "export", {"sha256": digest, "file_written": False})
            session.commit()
            noted = True
        raise ExportNotPlaced(
            "export.not_placed_noted" if noted else "export.not_placed",
            name=target.name,
            why=reason,
        ) from None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    size: int
    encrypted: bool
    kind: str
    sections: tuple[str, ...]


def render_content(content: ReportContent, password: str | None = None) -> bytes:
    """Lay out, clean the metadata, attach (access copy) and optionally encrypt."""
    from coachdesk.reports import access_pdf, caseworker_pdf, pdf_security

    if content.kind == "access_copy":
        assert content.access is not None
        raw = access_pdf.render(content)
        attachments = {access_pdf.ATTACHMENT_NAME: content.access.participant_file}
    else:
        raw = caseworker_pdf.render(content)
        attachments = None
    return pdf_security.finish(raw, password=password, attachments=attachments)


def render_pdf(
    session: Session,
    participant_id: int,
    request: ReportRequest,
    *,
    today: dt.date | None = None,
    password: str | None = None,
) -> bytes:
    """The report as PDF bytes, nothing written, nothing recorded (the preview)."""
    from coachdesk.reports.content import build_report

    return render_content(build_report(session, participant_id, request, today), password)


def export_report(
    session: Session,
    participant_id: int,
    request: ReportRequest,
    out: str | os.PathLike[str],
    *,
    password: str | None = None,
    today: dt.date | None = None,
    channel: str | None = None,
) -> ExportResult:
    """Build, encrypt, record and commit the disclosure, then make the file visible.

    Commits the session (``write_recorded``): the records land with the file or not
    at all. Failures leave no file: WriteFailed (nothing recorded), ExportNotRecorded
    (the commit failed), ExportNotPlaced (recorded, the rename failed; says so).
    """
    target = Path(out)
    if not target.parent.exists():
        raise BadInput("folder_missing", parent=target.parent)
    if target.is_dir():
        raise BadInput("report_target_is_folder", target=target)
    from coachdesk.reports import channels, pdf_security
    from coachdesk.reports.content import build_report

    if password is not None:
        pdf_security.check_password(password)

    channel = channels.check(channel)  # how it leaves the coach (Digital Post, ...)
    content = build_report(session, participant_id, request, today)
    data = render_content(content, password)
    from coachdesk.reports.content import load_participant

    p = load_participant(session, participant_id)
    recipient = content.recipient or None

    def record(digest: str) -> None:
        session.add(
            Disclosure(
                participant_id=participant_id,
                recipient=recipient,
                kind=content.kind,
                sections=list(content.sections),
                sha256=digest,
                encrypted=bool(password),
                channel=channel,
            )
        )
        # Field names and counts only: no recipient text, no file name (it may hold a
        # name).
        audit.record(
            session,
            "report",
            {
                "kind": content.kind,
                "sections": list(content.sections),
                "encrypted": bool(password),
                "sha256": digest,
                "lang": content.lang,
                "channel": channel,
            },
            subject=p.uid,
        )

    digest = write_recorded(session, target, data, record)
    return ExportResult(target, digest, len(data), bool(password), content.kind, content.sections)


def record_json_export(
    session: Session, people: list[tuple[int, str]], digest: str, recipient: str | None
) -> None:
    """The records of a JSON export (``coachdesk export --format json``): a disclosure
    of every person in it (security promise 7) and the audit events.

    ``people``: (participant id, uid) of everyone in the file (interchange.write_export).
    The disclosure rows go in with one executemany per slice (store/bulkwrite.py) and
    are handed to the audit chain's commit hook (audit.note_disclosures), which chains each of them
    as it chains a disclosure written through the ORM; the per-person "export" events
    are one batched append (audit.record_many)."""
    from coachdesk.store import bulkwrite

    table = cast(Table, Disclosure.__table__)
    at = utcnow()
    session.flush()
    cur = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    # The rows go in through the cursor's executemany (store/bulkwrite.py: the columns'
    # own bind processors), not one INSERT ... RETURNING per row; their ids are read
    # back after. The transaction began with BEGIN IMMEDIATE (store/vault.py), so no
    # other writer can add a disclosure in between: every row above the previous
    # highest id is one of these, in the order written.
    (before,) = cur.execute("SELECT coalesce(max(id), 0) FROM disclosure").fetchone()
    bulkwrite.insert_rows(
        session,
        table,
        (
            {
                "participant_id": pid,
                "at": at,
                "recipient": recipient,
                "kind": "json",
                "sections": ["full_record"],
                "sha256": digest,
                "encrypted": False,
            }
            for pid, _uid in people
        ),
    )
    written = cur.execute(
        "SELECT id, participant_id FROM disclosure WHERE id > ? ORDER BY id", (before,)
    ).fetchall()
    if [pid for _id, pid in written] != [pid for pid, _uid in people]:
        raise RuntimeError("the disclosure rows read back are not the ones written")
    audit.note_disclosures(session, written)
    audit.record(
        session, "export", {"format": "json", "participants": len(people), "sha256": digest}
    )
    audit.record_many(
        session, (("export", {"format": "json", "sha256": digest}, uid) for _pid, uid in people)
    )
