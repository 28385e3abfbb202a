"""Making and exporting a participant report: the one path the CLI and the GUI share.

``render_pdf`` builds the PDF in memory (the GUI preview uses it as is);
``export_report`` also encrypts it in memory, writes it once, atomically, and records
the disclosure and the audit event in the caller's transaction (security promise 7).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from coachdesk.errors import BadInput
from coachdesk.reports import access_pdf, caseworker_pdf, pdf_security
from coachdesk.reports.content import ReportContent, ReportRequest, build_report
from coachdesk.store import audit
from coachdesk.store.atomic import write_atomic
from coachdesk.store.models import Disclosure


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


def render_pdf(session: Session, participant_id: int, request: ReportRequest, *,
               today: dt.date | None = None, password: str | None = None) -> bytes:
    """The report as PDF bytes, nothing written, nothing recorded (the preview)."""
    return render_content(build_report(session, participant_id, request, today), password)


def export_report(session: Session, participant_id: int, request: ReportRequest,
                  out: str | os.PathLike[str], *, password: str | None = None,
                  today: dt.date | None = None, channel: str | None = None) -> ExportResult:
    """Build, encrypt, write atomically; add the disclosure and the audit event.

    The caller commits: the records land with the file or not at all (if the write
    fails nothing is recorded; if the commit fails the file exists unrecorded, which
    the coach sees as an error).
    """
    target = Path(out)
    if not target.parent.exists():
        raise BadInput(f"The folder {target.parent} does not exist.")
    if target.is_dir():
        raise BadInput(f"{target} is a folder; give a file name for the report.")
    if password is not None:
        pdf_security.check_password(password)
    from coachdesk.reports import channels

    channel = channels.check(channel)  # how it leaves the coach (Digital Post, ...)
    content = build_report(session, participant_id, request, today)
    data = render_content(content, password)
    write_atomic(target, data)
    digest = hashlib.sha256(data).hexdigest()
    recipient = content.recipient or None
    session.add(Disclosure(participant_id=participant_id, recipient=recipient,
                           kind=content.kind, sections=list(content.sections), sha256=digest,
                           encrypted=bool(password), channel=channel))
    from coachdesk.reports.content import load_participant

    p = load_participant(session, participant_id)
    # Field names and counts only: no recipient text, no file name (it may hold a name).
    audit.record(session, "report", {"kind": content.kind, "sections": list(content.sections),
                                     "encrypted": bool(password), "sha256": digest,
                                     "lang": content.lang, "channel": channel},
                 subject=p.uid)
    return ExportResult(target, digest, len(data), bool(password), content.kind,
                        content.sections)
