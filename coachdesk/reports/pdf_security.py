"""Password protection and clean metadata for exported PDFs (security promise 7).

Encryption is pypdf's AES-256 (PDF 2.0 security handler, revision 6, V 5), done in
memory. Never RC4, never reportlab's own (RC4/AES-128) encryption: Datatilsynet
expects sensitive data sent by e-mail to be properly encrypted.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

from coachdesk.errors import BadInput
from coachdesk.reports.pdf_layout import DOC_CREATOR, DOC_SUBJECT, DOC_TITLE

MIN_PASSWORD_LEN = 8


def check_password(password: str) -> None:
    """A PDF password the coach will phone or text to the recipient: long enough."""
    if len(password) < MIN_PASSWORD_LEN:
        raise BadInput(f"The PDF password must have at least {MIN_PASSWORD_LEN} characters.")


def finish(pdf: bytes, *, password: str | None = None,
           attachments: dict[str, bytes] | None = None) -> bytes:
    """Rewrite the PDF with generic metadata, optional attachments, optional AES-256.

    The document info is replaced, not merged, so nothing reportlab (or a later
    change) put there survives; no XMP stream is written.
    """
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    if "/Metadata" in writer.root_object:
        del writer.root_object["/Metadata"]  # XMP: never any
    writer.metadata = {"/Title": DOC_TITLE, "/Subject": DOC_SUBJECT, "/Creator": DOC_CREATOR,
                       "/Producer": DOC_CREATOR}
    for name, data in (attachments or {}).items():
        writer.add_attachment(name, data)
    if password:
        check_password(password)
        # Owner password = user password: there is no second secret to leak or lose.
        writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
