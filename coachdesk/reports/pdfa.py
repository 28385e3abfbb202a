"""PDF/A post-processing with pikepdf: reportlab lays out, this makes the file archivable.

Municipal case systems file the PDF and archives keep it for years; PDF/A (ISO 19005)
is what they accept. reportlab cannot write the PDF/A structure itself, so every report
goes through ``make_pdfa`` after layout and before it is encrypted or written:

- XMP metadata with ``pdfaid:part`` and ``pdfaid:conformance`` B, agreeing with the
  document info (generic title, no personal data: security promise 7);
- an output intent with an embedded sRGB ICC profile (resources/sRGB-coachdesk-v2.icc,
  written by reports/icc_profile.py);
- ``/ViewerPreferences /DisplayDocTitle true``; the empty ``/Trans`` reportlab puts on
  every page removed; header version 1.7;
- for PDF/A-3 (the participant's own copy) each attachment as an associated file:
  ``/AF`` in the catalogue, ``/AFRelationship /Data``, a MIME type, ``/F`` and ``/UF``,
  ``/Params`` with size and date.

It never claims what is not true: a PDF that references a font it does not embed (such
as Helvetica) or that uses transparency raises ``NotPdfA`` when PDF/A is asked for;
those must be fixed in the layout, not hidden here (``pdf_security.finish`` then writes
the file without the PDF/A declaration rather than with a false one).

An encrypted PDF cannot be PDF/A (ISO 19005 forbids encryption); ``make_pdfa`` with
``part=None`` does everything but declare conformance, for the encrypted variant.

The cohort report calls ``make_pdfa(pdf_bytes, part=2, title=...)`` the same way.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, String

from coachdesk.resources import resource_path

ICC_FILE = "sRGB-coachdesk-v2.icc"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
PDF_VERSION = "1.7"


def _pdf_date(when: dt.datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%S+00'00'")


def _output_intent(pdf: Pdf) -> Dictionary:
    icc = pikepdf.Stream(pdf, resource_path(ICC_FILE).read_bytes())
    icc.N = 3
    return pdf.make_indirect(
        Dictionary(
            Type=Name.OutputIntent,
            S=Name.GTS_PDFA1,
            OutputConditionIdentifier=String(OUTPUT_CONDITION),
            RegistryName=String("http://www.color.org"),
            Info=String(OUTPUT_CONDITION),
            DestOutputProfile=icc,
        )
    )


def _attach(
    pdf: Pdf, name: str, data: bytes, mime: str, description: str, when: dt.datetime
) -> Dictionary:
    """One embedded file as a PDF/A-3 associated file (ISO 19005-3, 6.8)."""
    stream = pikepdf.Stream(pdf, data)
    stream.Type = Name.EmbeddedFile
    stream.Subtype = Name("/" + mime)
    stream.Params = Dictionary(Size=len(data), ModDate=String(_pdf_date(when)))
    spec = pdf.make_indirect(
        Dictionary(
            Type=Name.Filespec,
            F=String(name),
            UF=String(name),
            Desc=String(description),
            AFRelationship=Name.Data,
            EF=Dictionary(F=stream, UF=stream),
        )
    )
    return spec


class NotPdfA(ValueError):
    """The layout uses something PDF/A forbids; the message says what."""


def _walk(pdf: Pdf) -> list[pikepdf.Object]:
    """Every dictionary and stream, indirect or nested directly in another object."""
    seen: list[pikepdf.Object] = []
    todo: list[pikepdf.Object] = list(pdf.objects)
    while todo:
        obj = todo.pop()
        code = obj._type_code
        if code in (pikepdf.ObjectType.dictionary, pikepdf.ObjectType.stream):
            seen.append(obj)
            values = (
                list(obj.stream_dict.values())
                if code == pikepdf.ObjectType.stream
                else list(obj.values())
            )
        elif code == pikepdf.ObjectType.array:
            values = list(obj)
        else:
            continue
        # Indirect objects are in pdf.objects already; only direct ones are followed.
        todo += [v for v in values if isinstance(v, pikepdf.Object) and not v.is_indirect]
    return seen


def problems(pdf: Pdf) -> list[str]:
    """What stops ``pdf`` from being PDF/A-2b/3b here: unembedded fonts, transparency."""
    found: list[str] = []
    for obj in _walk(pdf):
        if obj.get("/Type") == Name.Font and obj.get("/Subtype") in (Name.TrueType, Name.Type1):
            desc = obj.get("/FontDescriptor")
            embedded = desc is not None and any(
                k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            if not embedded:
                found.append(f"font {obj.get('/BaseFont')} is not embedded")
        # Graphics states need not carry /Type /ExtGState (reportlab's do not): any
        # dictionary with a constant alpha or a soft mask counts.
        if any(float(obj.get(key, 1)) < 1 for key in ("/CA", "/ca")):
            found.append("transparency (constant alpha below 1)")
        smask = obj.get("/SMask")
        if smask is not None and smask != Name("/None"):
            found.append("a soft mask")
    return sorted(set(found))


def make_pdfa(
    data: bytes,
    *,
    part: int | None = 2,
    title: str,
    lang: str = "da",
    subject: str = "",
    creator: str = "CoachDesk",
    attachments: Mapping[str, tuple[bytes, str, str]] | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """``data`` (a reportlab PDF) as PDF/A-``part``b; ``part=None``: not declared.

    ``attachments``: file name -> (bytes, MIME type, description); only PDF/A-3
    (``part=3``) or an undeclared file may carry them.
    """
    assert part in (2, 3, None), "PDF/A-2b or -3b only"
    assert not attachments or part != 2, "PDF/A-2 cannot carry attachments; use part=3"
    when = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    pdf = Pdf.open(io.BytesIO(data))
    if part is not None:
        found = problems(pdf)
        if found:
            raise NotPdfA("Not PDF/A: " + "; ".join(found) + ".")
    root = pdf.Root
    for page in pdf.pages:
        trans = page.obj.get("/Trans")
        if trans is not None and len(trans.keys()) == 0:
            del page.obj["/Trans"]  # reportlab's empty transition dict: unknown to PDF/A
    # The document info, replaced rather than merged: nothing reportlab put there stays.
    info = {
        "/Title": title,
        "/Creator": creator,
        "/Producer": creator,
        "/CreationDate": _pdf_date(when),
        "/ModDate": _pdf_date(when),
    }
    if subject:
        info["/Subject"] = subject
    pdf.trailer.Info = pdf.make_indirect(Dictionary({k: String(v) for k, v in info.items()}))
    if "/Metadata" in root:
        del root["/Metadata"]
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = title
        if subject:
            meta["dc:description"] = subject
        meta["dc:language"] = ["da-DK" if lang == "da" else "en-GB"]
        meta["xmp:CreatorTool"] = creator
        meta["pdf:Producer"] = creator
        meta["xmp:CreateDate"] = when.isoformat()
        meta["xmp:ModifyDate"] = when.isoformat()
        meta["xmp:MetadataDate"] = when.isoformat()
        if part is not None:
            meta["pdfaid:part"] = str(part)
            meta["pdfaid:conformance"] = "B"
    root.OutputIntents = Array([_output_intent(pdf)])
    prefs = root.get("/ViewerPreferences") or Dictionary()
    prefs.DisplayDocTitle = True
    root.ViewerPreferences = prefs
    if attachments:
        specs = [
            _attach(pdf, name, blob, mime, desc, when)
            for name, (blob, mime, desc) in sorted(attachments.items())
        ]
        names = Array()
        for spec in specs:
            names.append(spec.F)
            names.append(spec)
        root.Names = root.get("/Names") or Dictionary()
        root.Names.EmbeddedFiles = Dictionary(Names=names)
        root.AF = Array(specs)
    out = io.BytesIO()
    # qpdf writes the trailer /ID PDF/A needs; no object streams keeps it plain 1.7.
    pdf.save(
        out,
        min_version=PDF_VERSION,
        force_version=PDF_VERSION,
        object_stream_mode=pikepdf.ObjectStreamMode.disable,
    )
    return out.getvalue()


def encrypt(data: bytes, password: str) -> bytes:
    """AES-256 (security handler revision 6): qpdf sets the matching header version."""
    pdf = Pdf.open(io.BytesIO(data))
    out = io.BytesIO()
    # Owner password = user password: there is no second secret to leak or lose.
    pdf.save(
        out,
        encryption=pikepdf.Encryption(user=password, owner=password, R=6, aes=True, metadata=True),
    )
    return out.getvalue()
