"""Making and exporting a participant report: the one path the CLI and the GUI share.

``render_pdf`` builds the PDF in memory (the GUI preview uses it as is);
``export_report`` also encrypts it in memory and writes it through ``write_recorded``:
the disclosure and the audit event are committed before the file becomes visible
(security promise 7). ``write_recorded`` is the one way an export leaves the vault
(the JSON export uses it too).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from coachdesk.errors import BadInput, CoachDeskError
from coachdesk.reports import access_pdf, caseworker_pdf, pdf_security
from coachdesk.reports.content import ReportContent, ReportRequest, build_report
from coachdesk.store import audit
from coachdesk.store.atomic import Staged, WriteFailed, staged_file
from coachdesk.store.models import Disclosure, utcnow


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


Producer = Callable[[Callable[[bytes], Any]], Any]


def write_recorded(
    session: Session,
    out: str | os.PathLike[str],
    data: bytes | Producer,
    record: Callable[[str], None],
) -> str:
    """Write ``data`` to ``out`` only once its disclosure is committed; returns its SHA-256.

    ``data`` is the file's bytes, or a producer that writes them piece by piece through
    the function it is given (the JSON export of a whole vault: never all in memory).

    1. the file is written in full to an owner-only temp file beside ``out`` (a full
       disk there raises WriteFailed: nothing is recorded, nothing is left);
    2. ``record(sha256)`` adds the disclosure and audit rows, and they are committed
       (if that fails, e.g. the vault's disk is full, the temp file is removed: no
       export without its record);
    3. the temp file is renamed to ``out``. If that fails after the commit, the vault
       records the failure too (when it can) and the error says what is recorded.
    """
    target = Path(out)
    if isinstance(data, bytes | bytearray):
        digest = hashlib.sha256(data).hexdigest()
        staging = staged_file(target, bytes(data))
    else:
        staging = _staged_stream(target, data)
    with staging as staged:
        if isinstance(staged, _Hashed):
            digest = staged.sha256
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
        try:
            staged.publish()
        except OSError as exc:
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
                why=exc.strerror or exc,
            ) from None
    return digest


class _Hashed(Staged):
    """A staged file written piece by piece, with the SHA-256 of what was written."""

    sha256 = ""


@contextlib.contextmanager
def _staged_stream(target: Path, produce: Producer) -> Iterator[Staged]:
    """staged_file for a file written piece by piece: the same owner-only temp file
    beside ``target``, hashed as it is written, fsynced, removed unless published."""
    folder = target.parent if str(target.parent) else Path(".")
    tmp = folder / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise WriteFailed("file.cannot_write_folder", folder=folder, strerror=exc.strerror) from exc
    staged = _Hashed(target, tmp)
    h = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as fh:

            def write(chunk: bytes) -> None:
                h.update(chunk)
                fh.write(chunk)

            produce(write)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        staged.discard()
        raise WriteFailed("file.write_failed", name=target.name, value=exc.strerror or exc) from exc
    except BaseException:
        staged.discard()
        raise
    staged.sha256 = h.hexdigest()
    try:
        yield staged
    finally:
        if not staged.published:
            staged.discard()


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
    if password is not None:
        pdf_security.check_password(password)
    from coachdesk.reports import channels

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
    The disclosure rows go in with one executemany INSERT per slice and are handed to
    the audit chain's commit hook (audit.note_disclosures), which chains each of them
    as it chains a disclosure written through the ORM; the per-person "export" events
    are one batched append (audit.record_many)."""
    table = cast(Table, Disclosure.__table__)
    at = utcnow()
    for i in range(0, len(people), 2000):
        part = people[i : i + 2000]
        ids = (
            session.execute(
                insert(table).returning(table.c.id, sort_by_parameter_order=True),
                [
                    {
                        "participant_id": pid,
                        "at": at,
                        "recipient": recipient,
                        "kind": "json",
                        "sections": ["full_record"],
                        "sha256": digest,
                        "encrypted": False,
                    }
                    for pid, _uid in part
                ],
            )
            .scalars()
            .all()
        )
        audit.note_disclosures(session, zip(ids, (pid for pid, _uid in part), strict=True))
    audit.record(
        session, "export", {"format": "json", "participants": len(people), "sha256": digest}
    )
    audit.record_many(
        session, (("export", {"format": "json", "sha256": digest}, uid) for _pid, uid in people)
    )
