"""Archivable, clean, optionally encrypted PDFs (security promise 7).

``finish`` is the one step between the layout and the file: it makes the PDF PDF/A
(reports/pdfa.py: PDF/A-2b, or PDF/A-3b when a file is attached, as in the
participant's own copy) with generic metadata only, and optionally encrypts it.

Encryption is AES-256 (security handler revision 6), done in memory by qpdf through
pikepdf. Never RC4, never reportlab's own (RC4/AES-128) encryption: Datatilsynet
expects sensitive data sent by e-mail to be properly encrypted. An encrypted PDF cannot
be PDF/A (ISO 19005 forbids encryption), so it carries no PDF/A declaration; the export
dialog tells the coach a municipality cannot archive it.
"""

from __future__ import annotations

import io

import pikepdf

from coachdesk.errors import BadInput
from coachdesk.reports import pdfa
from coachdesk.reports.pdf_layout import DOC_CREATOR, DOC_SUBJECT, DOC_TITLE

MIN_PASSWORD_LEN = 8
JSON_MIME = "application/json"


def check_password(password: str) -> None:
    """A PDF password the coach will phone or text to the recipient: long enough."""
    if len(password) < MIN_PASSWORD_LEN:
        raise BadInput("pdf.short_password", min_password_len=MIN_PASSWORD_LEN)


def _title_and_lang(pdf: bytes) -> tuple[str, str]:
    """The generic title and language the layout set (pdf_layout.build_pdf)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        title = str(doc.docinfo.get("/Title", DOC_TITLE)) or DOC_TITLE
        lang = str(doc.Root.get("/Lang", "da-DK"))
    return title, "en" if lang.startswith("en") else "da"


def finish(
    pdf: bytes, *, password: str | None = None, attachments: dict[str, bytes] | None = None
) -> bytes:
    """PDF/A with generic metadata, optional attachments (JSON), optional AES-256.

    The document info is replaced, not merged, so nothing reportlab (or a later change)
    put there survives; the XMP holds the same generic fields and the PDF/A mark.
    A layout that PDF/A forbids (transparency, an unembedded font) is written without
    the PDF/A declaration rather than with a false one (pdfa.NotPdfA).
    """
    if password:
        check_password(password)
    title, lang = _title_and_lang(pdf)
    files = {
        name: (data, JSON_MIME, "Participant file (JSON)")
        for name, data in (attachments or {}).items()
    }
    part = None if password else (3 if files else 2)
    try:
        out = pdfa.make_pdfa(
            pdf,
            part=part,
            title=title,
            lang=lang,
            subject=DOC_SUBJECT,
            creator=DOC_CREATOR,
            attachments=files,
        )
    except pdfa.NotPdfA:
        out = pdfa.make_pdfa(
            pdf,
            part=None,
            title=title,
            lang=lang,
            subject=DOC_SUBJECT,
            creator=DOC_CREATOR,
            attachments=files,
        )
    return pdfa.encrypt(out, password) if password else out
