"""Every report kind as PDF/A, read back: pikepdf's validator (veraPDF's rules) and the
keys themselves (XMP pdfaid, sRGB output intent, embedded fonts, no transparency,
document title shown, header version, the own copy's associated file)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pikepdf
import pikepdf.pdfa
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtPdf import QPdfDocument
from test_report_data import add, person

from coachdesk.reports import content, icc_profile, pdf_security, pdfa
from coachdesk.reports import sections as registry
from coachdesk.reports.content import ReportRequest
from coachdesk.reports.export import export_report, render_pdf
from coachdesk.resources import resource_path

TODAY = dt.date(2026, 4, 10)
PW = "hemmeligt-kodeord"

# Every report kind the app makes for a participant, with every section there is.
KINDS = [
    ("status_report", registry.names(), "2"),
    ("final_report", registry.names(), "2"),
    ("final_report", registry.defaults(), "2"),
    ("access_copy", (content.EVERYTHING,), "3"),
]


def _render(
    vault, pid: int, kind: str, sections, lang: str = "da", password: str | None = None
) -> bytes:
    with vault.session() as s:
        return render_pdf(
            s,
            pid,
            ReportRequest(kind=kind, sections=sections, lang=lang),
            today=TODAY,
            password=password,
        )


def _xmp(pdf: pikepdf.Pdf) -> str:
    return pdf.Root.Metadata.read_bytes().decode("utf-8")


def check_pdfa_keys(data: bytes, part: str) -> pikepdf.Pdf:
    """The PDF/A keys the issue lists, checked one by one (not only by the validator)."""
    assert re.match(rb"%PDF-1\.([4-7])", data[:8]), data[:8]  # header 1.4 .. 1.7
    pdf = pikepdf.open(io.BytesIO(data))
    assert not pdf.is_encrypted
    xmp = _xmp(pdf)
    with pdf.open_metadata() as meta:
        assert meta["pdfaid:part"] == part and meta["pdfaid:conformance"] == "B", xmp
        assert meta["dc:title"] == str(pdf.docinfo["/Title"])
    (intent,) = pdf.Root.OutputIntents
    assert intent.S == pikepdf.Name.GTS_PDFA1
    icc = intent.DestOutputProfile
    assert int(icc.N) == 3
    profile = icc.read_bytes()
    assert profile[12:20] == b"mntrRGB " and profile[36:40] == b"acsp"
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
    assert b"Helvetica" not in data
    assert pdfa.problems(pdf) == []
    fonts = 0
    for obj in pdfa._walk(pdf):
        if obj.get("/Type") == pikepdf.Name.Font:
            assert "/FontDescriptor" in obj or obj.get("/Subtype") == pikepdf.Name.Type0
            if "/FontDescriptor" in obj:
                assert "/FontFile2" in obj.FontDescriptor, obj.get("/BaseFont")
                fonts += 1
        assert obj.get("/SMask", pikepdf.Name("/None")) == pikepdf.Name("/None")
        for key in ("/CA", "/ca"):
            assert float(obj.get(key, 1)) >= 1
    assert fonts >= 2  # DejaVu regular and bold, both embedded
    return pdf


def validate(data: bytes, part: str) -> None:
    report = pikepdf.pdfa.validate_written(io.BytesIO(data), part + "b")
    assert report.passed, [str(f) for f in report.findings]


def render_pages(data: bytes) -> int:
    """Render every page with QtPdf (what the preview uses); each must show ink."""
    buf_data = QByteArray(data)
    buf = QBuffer(buf_data)
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buf)
    assert doc.status() == QPdfDocument.Status.Ready
    for i in range(doc.pageCount()):
        img = doc.render(i, QSize(300, 424))
        assert not img.isNull()
        colours = {img.pixel(x, y) for x in range(0, 300, 7) for y in range(0, 424, 7)}
        assert len(colours) > 1, f"page {i + 1} is blank"
    n = doc.pageCount()
    doc.close()
    return n


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(("kind", "sections", "part"), KINDS)
def test_every_report_is_pdfa(vault, qapp, kind, sections, part, lang) -> None:
    (pid,) = add(vault, person())
    data = _render(vault, pid, kind, sections, lang)
    check_pdfa_keys(data, part)
    validate(data, part)
    assert render_pages(data) >= 2


def test_own_copy_attachment_is_an_associated_file(vault) -> None:
    (pid,) = add(vault, person())
    pdf = check_pdfa_keys(_render(vault, pid, "access_copy", (content.EVERYTHING,)), "3")
    (spec,) = pdf.Root.AF
    assert spec.AFRelationship == pikepdf.Name.Data
    assert str(spec.F) == str(spec.UF) == "coachdesk-participant.json"
    stream = spec.EF.F
    assert stream.Subtype == pikepdf.Name("/application/json")
    assert int(stream.Params.Size) == len(stream.read_bytes())
    doc = json.loads(stream.read_bytes())
    assert doc["participants"][0]["ref"] == "GK-2026-0042"
    names = list(pdf.Root.Names.EmbeddedFiles.Names)
    assert str(names[0]) == "coachdesk-participant.json" and names[1].objgen == spec.objgen


def test_encrypted_variant_is_aes256_and_claims_no_pdfa(vault) -> None:
    (pid,) = add(vault, person())
    for kind, sections, _ in KINDS:
        data = _render(vault, pid, kind, sections, password=PW)
        r = PdfReader(io.BytesIO(data))
        enc = r.trailer["/Encrypt"].get_object()
        assert (enc["/R"], enc["/V"]) == (6, 5) and enc["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
        assert data.startswith(b"%PDF-1.7")  # not 1.3 under an AES-256 R6 handler
        with pikepdf.open(io.BytesIO(data), password=PW) as pdf:
            # ISO 19005 forbids encryption: an encrypted file must not say it is PDF/A.
            assert "pdfaid" not in _xmp(pdf)
            assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        with pytest.raises(pikepdf.PasswordError):
            pikepdf.open(io.BytesIO(data), password="forkert-kodeord")


def test_exported_file_is_pdfa(vault, tmp_path) -> None:
    (pid,) = add(vault, person())
    out = tmp_path / "r.pdf"
    with vault.session() as s:
        export_report(s, pid, ReportRequest(kind="final_report"), out, today=TODAY)
        s.commit()
    check_pdfa_keys(out.read_bytes(), "2")
    validate(out.read_bytes(), "2")


def test_transparent_layout_is_not_called_pdfa() -> None:
    """A layout with transparency is written without the PDF/A claim, never a false one."""
    from reportlab.lib.colors import Color
    from reportlab.pdfgen import canvas

    from coachdesk.reports import fonts

    fonts.register()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, initialFontName=fonts.REGULAR)
    c.setFillColor(Color(0.2, 0.3, 0.5, alpha=0.4))
    c.rect(50, 50, 200, 200, fill=1, stroke=0)
    c.showPage()
    c.save()
    raw = buf.getvalue()
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        assert pdfa.problems(pdf)
    with pytest.raises(pdfa.NotPdfA):
        pdfa.make_pdfa(raw, part=2, title="Rapport")
    out = pdf_security.finish(raw)
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert "pdfaid" not in _xmp(pdf)


def test_icc_profile_is_the_generators_output() -> None:
    committed = resource_path(icc_profile.FILE_NAME).read_bytes()
    assert committed == icc_profile.build()
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(io.BytesIO(committed))
    assert ImageCms.getProfileDescription(profile).strip() == icc_profile.DESCRIPTION
    # Through the profile and back through lcms's own sRGB, a colour is unchanged.
    from PIL import Image

    to_srgb = ImageCms.buildTransform(profile, ImageCms.createProfile("sRGB"), "RGB", "RGB")
    for rgb in ((43, 76, 126), (200, 100, 50), (255, 255, 255), (0, 0, 0)):
        px = ImageCms.applyTransform(Image.new("RGB", (1, 1), rgb), to_srgb).getpixel((0, 0))
        assert all(abs(a - b) <= 1 for a, b in zip(px, rgb, strict=True)), (rgb, px)
