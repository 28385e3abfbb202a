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


def test_the_log_names_the_questionnaire_it_was(vault) -> None:
    """A WHO-5 saved, corrected, deleted and restored reads as WHO-5 in the own copy,
    not as PSS-10 (every questionnaire event used to say "Et PSS-10-spørgeskema")."""
    from coachdesk.store import assessments, corrections

    (pid,) = add(vault, person())
    with vault.session() as s:
        a = assessments.save_assessment(
            s, pid, "screening", "2026-01-12", [3] * 5, today=dt.date(2026, 4, 1), instrument="who5"
        )
        assessments.save_assessment(
            s, pid, "screening", "2026-01-12", [4] * 5, a.id, dt.date(2026, 4, 1)
        )
        snap = corrections.delete_assessment(s, pid, a.id)
        corrections.restore(s, snap)
        s.commit()
        data = render_pdf(s, pid, ReportRequest(kind="access_copy"), today=dt.date(2026, 4, 10))
    log = " ".join(_log_part(pdf_text(data)).split())
    for plain in (
        "Et WHO-5-spørgeskema blev registreret.",
        "Et WHO-5-spørgeskema blev rettet.",
        "Et WHO-5-spørgeskema blev slettet.",
        "Et slettet WHO-5-spørgeskema blev gendannet.",
        "For at følge, hvordan du har det gennem forløbet.",
    ):
        assert plain in log, plain
    assert log.count("WHO-5") == 4


def test_older_events_without_a_name_are_not_guessed() -> None:
    at = dt.datetime(2026, 3, 2, 9, 30)
    said = [access_log.describe(at, a, {}, "da").what for a in access_log.QUESTIONNAIRE]
    assert said == [
        "Et PSS-10-spørgeskema blev registreret.",  # saved without a name: PSS-10 by rule
        "Et spørgeskema blev rettet.",
        "Et spørgeskema blev slettet.",
        "Et slettet spørgeskema blev gendannet.",
    ]
    pss = access_log.describe(at, "assessment_changed", {"instrument": "pss10"}, "da")
    assert (pss.what, pss.why) == (
        "Et PSS-10-spørgeskema blev rettet.",
        "For at følge dit stressniveau gennem forløbet.",
    )
    unknown = access_log.describe(at, "assessment_saved", {"instrument": "gone"}, "en")
    assert unknown.what == "A questionnaire was recorded."
