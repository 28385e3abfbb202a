"""The own copy's log of reads and changes is plain Danish: date, what, why; no event
codes, no JSON, no hashes (C-579/21; Datatilsynet 2024)."""

from __future__ import annotations

import datetime as dt
import re

from test_report_data import add, pdf_text, person

from coachdesk.reports import access_log
from coachdesk.reports.content import ReportRequest
from coachdesk.reports.export import export_report, render_pdf
from coachdesk.store import audit, participants
from coachdesk.store.models import Participant

CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # participant_read, report_preview, ...


def _log_part(text: str) -> str:
    return text[text.rindex("Log over læsninger og ændringer") :]


def test_own_copy_log_is_plain_danish(vault, tmp_path) -> None:
    (pid,) = add(vault, person())
    with vault.session() as s:
        participants.get_participant(s, pid, audit_read=True)  # participant_read {"view": "page"}
        p = s.get(Participant, pid)
        audit.record(s, "participant_read", {"view": "cpr_full"}, subject=p.uid)
        export_report(
            s, pid, ReportRequest(kind="final_report"), tmp_path / "r.pdf", channel="digital_post"
        )
        s.commit()
        data = render_pdf(s, pid, ReportRequest(kind="access_copy"), today=dt.date(2026, 4, 10))
    log = " ".join(_log_part(pdf_text(data)).split())
    for plain in (
        "Hvornår",
        "Hvad skete der",
        "Hvorfor",
        "Dine oplysninger blev læst.",
        "Coachen åbnede din side.",
        "Coachen viste dit fulde CPR-nummer.",
        "Der blev lavet en slutrapport (sendt med Digital Post).",
        "For at orientere din sagsbehandler i kommunen, med dit samtykke.",
    ):
        assert plain in log, plain
    assert not CODE.search(log), CODE.search(log)
    for raw in ("{", "}", '":', "sha256", "participant", "view", 'page"', "report_preview"):
        assert raw not in log, raw
    assert not re.search(r"[0-9a-f]{16,}", log)  # no hashes


def test_every_audited_action_reads_as_words() -> None:
    """Every action the audit log knows becomes a Danish sentence, never its code."""
    at = dt.datetime(2026, 3, 2, 9, 30)
    for action in audit.ACTIONS:
        line = access_log.describe(
            at,
            action,
            {"view": "page", "kind": "final_report", "fields": ["name"], "sha256": "ab" * 32},
            "da",
        )
        joined = f"{line.when} {line.what} {line.why}"
        assert line.when == "02.03.2026 09:30"
        assert action not in joined and not CODE.search(joined) and "{" not in joined
        assert line.what.endswith(".") and line.why.endswith(".")
