"""The report PDFs read back with pypdf: sections, masking, metadata, encryption, log."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json

import pytest
from pypdf import PdfReader
from test_report_data import CPR, NOTE_CANARY, QUOTE_CANARY, add, pdf_text, person, squash

from coachdesk.errors import BadInput
from coachdesk.reports import sections as registry
from coachdesk.reports.content import ReportRequest
from coachdesk.reports.export import export_report, render_pdf
from coachdesk.store import audit
from coachdesk.store.models import AuditEvent, Disclosure, Participant

TODAY = dt.date(2026, 4, 10)
NAME = "Ida Æbelø Østergård"


def _render(vault, pid: int, req: ReportRequest, password: str | None = None) -> bytes:
    with vault.session() as s:
        return render_pdf(s, pid, req, today=TODAY, password=password)


def test_default_report_text(vault) -> None:
    (pid,) = add(vault, person())
    data = _render(vault, pid, ReportRequest(kind="final_report"))
    text = pdf_text(data)
    flat = squash(text)
    for heading in (
        "Slutrapport",
        "Forløb",
        "Fremmøde",
        "PSS-10 før og efter",
        "Jobplan",
        "Skånehensyn",
        "Timetal og optrapning",
        "Resultat",
        "Opsummering",
        "Muligheder for arbejde (arbejdsevne) i dag",
        "Ressourcer og udfordringer",
        "Progression siden start",
        "Anbefaling / næste skridt",
        "Formål og hjemmel",
        "Karen Holm",
        "JC-4711",
    ):
        assert heading in text, heading
    assert NAME in text  # Danish letters survive
    assert "010190-****" in text and CPR not in text
    assert NOTE_CANARY not in flat and QUOTE_CANARY not in flat
    assert "ida@example.org" not in text and "Samtalenoter" not in text
    assert "Faglig stolthed" not in text  # values only when chosen
    # The verdict in words, with the numbers from core/pss10.
    assert "Ændring fra 31 til 11 point (-20)." in flat
    assert "pålidelig forbedring" in flat and "klinisk betydningsfuldt" in flat
    assert "SD = 6,33, r = 0,78" in flat and "9 point eller mere" in flat
    assert "Et stille rum til dokumentation" in text and "I arbejde på deltid" in text


def test_every_page_is_marked_and_numbered(vault) -> None:
    (pid,) = add(vault, person())
    data = _render(vault, pid, ReportRequest(sections=registry.names()))
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 2
    for i, page in enumerate(pages, 1):
        t = page.extract_text()
        assert "Fortroligt – indeholder helbredsoplysninger" in t
        assert f"Side {i} af {len(pages)}" in t


def test_sensitive_sections_when_chosen(vault) -> None:
    (pid,) = add(vault, person())
    flat = squash(pdf_text(_render(vault, pid, ReportRequest(sections=registry.names()))))
    assert CPR in flat and NOTE_CANARY in flat and QUOTE_CANARY in flat
    assert "ida@example.org" in flat and "Faglig stolthed" in flat
    only_cpr = squash(pdf_text(_render(vault, pid, ReportRequest(sections=("course", "cpr_full")))))
    assert CPR in only_cpr and NOTE_CANARY not in only_cpr and "PSS-10" not in only_cpr


def test_english_report(vault) -> None:
    (pid,) = add(vault, person())
    flat = squash(pdf_text(_render(vault, pid, ReportRequest(kind="status_report", lang="en"))))
    assert "Status note" in flat and "Confidential – contains health information" in flat
    assert "This is a reliable improvement" in flat and "Page 1 of" in flat
    assert "Back at work part time" in flat


def test_metadata_holds_no_personal_data(vault) -> None:
    (pid,) = add(vault, person())
    for req, title in (
        (ReportRequest(sections=registry.names()), "Statusnotat"),
        (ReportRequest(kind="access_copy"), "Borgerens kopi af egne oplysninger"),
    ):
        r = PdfReader(io.BytesIO(_render(vault, pid, req)))
        meta = dict(r.metadata or {})
        assert meta.get("/Title") == title  # the kind of report, never the person
        assert "/Author" not in meta
        # The XMP packet (PDF/A needs one) holds the same generic fields and nothing else.
        xmp = r.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
        assert title in xmp and "pdfaid:part" in xmp
        joined = " ".join(str(v) for v in meta.values()) + xmp
        for secret in ("Ida", "Østergård", "010190", "GK-2026", "Karen", "Gentofte"):
            assert secret not in joined


def test_password_is_aes256_r6_and_needed(vault) -> None:
    (pid,) = add(vault, person())
    data = _render(vault, pid, ReportRequest(), password="hemmeligt-kodeord")
    r = PdfReader(io.BytesIO(data))
    assert r.is_encrypted
    enc = r.trailer["/Encrypt"].get_object()
    assert (enc["/R"], enc["/V"]) == (6, 5)
    assert enc["/CF"]["/StdCF"]["/CFM"] == "/AESV3"  # AES-256, never RC4
    assert r.decrypt("wrong password").name == "NOT_DECRYPTED"
    r2 = PdfReader(io.BytesIO(data))
    assert r2.decrypt("hemmeligt-kodeord").name != "NOT_DECRYPTED"
    assert NAME in pdf_text(data, "hemmeligt-kodeord")
    # Whole strings, not "Ida": three random bytes of ciphertext match that now and then.
    for plain in (NAME.encode("utf-8"), NAME.encode("utf-16-be"), b"stergaard"):
        assert plain not in data


def test_short_password_refused(vault, tmp_path) -> None:
    (pid,) = add(vault, person())
    with vault.session() as s, pytest.raises(BadInput):
        export_report(s, pid, ReportRequest(), tmp_path / "r.pdf", password="short")
    assert not (tmp_path / "r.pdf").exists()


def test_export_writes_once_and_records_disclosure(vault, tmp_path) -> None:
    (pid,) = add(vault, person())
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "rapport.pdf"
    with vault.session() as s:
        res = export_report(
            s,
            pid,
            ReportRequest(kind="final_report"),
            out,
            password="hemmeligt-kodeord",
            today=TODAY,
        )
        s.commit()
    data = out.read_bytes()
    assert res.sha256 == hashlib.sha256(data).hexdigest()
    assert sorted(p.name for p in out.parent.iterdir()) == ["rapport.pdf"]  # no temp left
    with vault.session() as s:
        p = s.get(Participant, pid)
        (d,) = s.query(Disclosure).filter_by(participant_id=pid).all()
        assert (d.sha256, d.kind, d.encrypted) == (res.sha256, "final_report", True)
        assert d.recipient == "Karen Holm, Gentofte Kommune"
        assert d.sections == list(registry.defaults())
        ev = s.query(AuditEvent).filter_by(action="report").one()
        assert ev.subject == p.uid and ev.detail["sha256"] == res.sha256
        assert "Ida" not in json.dumps(ev.detail) and "Karen" not in json.dumps(ev.detail)
        assert audit.verify(s) == []


def test_no_consent_nothing_written_nothing_recorded(vault, tmp_path) -> None:
    p = person()
    p["consent"]["withdrawn_on"] = "2026-03-01"
    (pid,) = add(vault, p)
    out = tmp_path / "r.pdf"
    with vault.session() as s, pytest.raises(BadInput):
        export_report(s, pid, ReportRequest(), out)
    assert not out.exists()
    with vault.session() as s:
        assert s.query(Disclosure).count() == 0


def test_long_notes_paginate(vault) -> None:
    words = "Deltageren fortæller om søvn, grænser og en gradvis tilbagevenden. "
    sessions = [
        {
            "date": f"2026-02-{10 + i:02d}",
            "status": "held",
            "mode": "video",
            "notes": f"SESSION{i} " + words * 93 + "\n\nNyt afsnit. " + words * 5,
        }
        for i in range(8)
    ]
    total = sum(len(s["notes"]) for s in sessions)
    assert 49_000 < total < 56_000
    (pid,) = add(vault, person(sessions=sessions))
    data = _render(vault, pid, ReportRequest(sections=(*registry.defaults(), "notes")))
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 8
    flat = squash(pdf_text(data))
    assert all(f"SESSION{i}" in flat for i in range(8))
    assert f"Side {len(pages)} af {len(pages)}" in flat


def test_access_copy_holds_everything(vault, tmp_path) -> None:
    (pid,) = add(vault, person())
    with vault.session() as s:
        export_report(s, pid, ReportRequest(kind="final_report"), tmp_path / "a.pdf")
        s.commit()
        data = render_pdf(s, pid, ReportRequest(kind="access_copy"), today=TODAY)
    flat = squash(pdf_text(data))
    for needle in (
        CPR,
        NOTE_CANARY,
        QUOTE_CANARY,
        "ida@example.org",
        "GK-2026-0042",
        "Energi 4",
        "Version 1",
        "Hvem har modtaget dine oplysninger",
        "Slutrapport",
        "Dine oplysninger blev registreret.",
        "Der blev lavet en slutrapport.",
        "Ret ofte",
        "Meget ofte",
    ):
        assert needle in flat, needle
    r = PdfReader(io.BytesIO(data))
    (blob,) = r.attachments["coachdesk-participant.json"]
    doc = json.loads(blob)
    assert doc["format"] == "coachdesk.participants"
    assert doc["participants"][0]["ref"] == "GK-2026-0042"
    assert doc["participants"][0]["sessions"][0]["notes"] == NOTE_CANARY


def test_emoji_in_a_note_is_dropped_visibly(vault) -> None:
    """A character the font lacks prints as the replacement mark, not as an empty box."""
    sessions = person()["sessions"]
    sessions[0] = dict(sessions[0], notes="Gik en tur i skoven \U0001f332 og sov bedre")
    (pid,) = add(vault, person(sessions=sessions))
    data = _render(vault, pid, ReportRequest(sections=("notes",)))
    text = pdf_text(data)
    assert "Gik en tur i skoven \ufffd og sov bedre" in text
    assert "\U0001f332" not in text


def test_chart_item_texts_are_whole_and_the_chart_has_a_heading(vault) -> None:
    (pid,) = add(vault, person())
    flat = squash(pdf_text(_render(vault, pid, ReportRequest(kind="final_report"))))
    assert "…" not in flat
    assert (
        "10. har du følt, at vanskelighederne hobede sig så meget op, at du ikke kunne klare dem?"
    ) in flat
    assert "Samlet score over tid" in flat and "Spørgsmål for spørgsmål, før og efter" in flat
    # The same name for the 18+ line as the app's chart.
    assert "Højt stressniveau (Sundhedsprofilen) 18+" in flat
