"""What the caseworker report discloses (content.py), on a real vault."""

from __future__ import annotations

import datetime as dt

import pytest
from test_report_data import CPR, NOTE_CANARY, add, person

from coachdesk.core import pss10
from coachdesk.errors import BadInput
from coachdesk.reports import content
from coachdesk.reports import sections as registry
from coachdesk.reports.content import ReportRequest, build_report

TODAY = dt.date(2026, 4, 10)


def test_parse_sections_default_valid_unknown_and_everything() -> None:
    assert content.parse_sections(None) == registry.defaults()
    assert content.parse_sections("") == registry.defaults()
    assert content.parse_sections("summary, pss10") == ("pss10", "summary")  # print order
    assert content.parse_sections("everything") == ("everything",)
    with pytest.raises(BadInput) as e:
        content.parse_sections("pss10,diagnosis")
    assert "diagnosis" in str(e.value) and "cpr_full" in str(e.value)  # lists valid ones
    with pytest.raises(BadInput):
        content.parse_sections("everything,notes")


def test_default_sections_leave_out_the_sensitive_ones() -> None:
    assert not set(registry.defaults()) & registry.sensitive()
    assert "values" not in registry.defaults()


def test_default_content(vault) -> None:
    (pid,) = add(vault, person())
    with vault.session() as s:
        c = build_report(s, pid, ReportRequest(kind="final_report"), TODAY)
    assert c.notes is None and c.contact is None and c.values is None
    assert c.cpr_display == "010190-****" and not c.cpr_is_full
    assert c.recipient == "Karen Holm, Gentofte Kommune"
    assert c.course is not None and c.course.end == dt.date(2026, 4, 5)
    assert c.course.themes == (("boundaries_time", 1), ("clarity_goals", 1))
    assert c.attendance is not None
    assert (c.attendance.group_present, c.attendance.group_recorded) == (1, 2)
    assert (c.attendance.held, c.attendance.cancelled, c.attendance.no_show) == (1, 1, 0)
    ps = c.pss10
    assert ps is not None and ps.change is not None
    # The numbers are core/pss10's, with the vault's parameters.
    assert ps.change == pss10.change(31, 11, pss10.Params())
    assert ps.change.reliable_change == "improved" and ps.change.clinically_important
    assert ps.chart_data.verdict is not None
    assert c.accommodations is not None and c.accommodations.hours_target == 30
    assert c.outcome is not None and c.outcome.status == "work_partial"
    assert c.summary and "gradvis" in c.summary


def test_sensitive_sections_only_when_chosen(vault) -> None:
    (pid,) = add(vault, person())
    req = ReportRequest(kind="status_report", sections=registry.names())
    assert req.needs_reauth
    with vault.session() as s:
        c = build_report(s, pid, req, TODAY)
    assert c.cpr_display == CPR and c.cpr_is_full
    assert c.notes is not None and c.notes[0].notes == NOTE_CANARY
    assert c.contact is not None and c.contact.email == "ida@example.org"
    assert c.values == ("Faglig stolthed", "Ro og overskud")


def test_vault_pss_settings_are_used(vault) -> None:
    from coachdesk.store import settings

    (pid,) = add(vault, person())
    with vault.session() as s:
        settings.put(s, "pss_sd", 20.0)  # a wide SD: a 20-point fall is no longer reliable
        s.commit()
        c = build_report(s, pid, ReportRequest(), TODAY)
    assert c.pss10 is not None and c.pss10.params.sd == 20.0
    assert c.pss10.change is not None and c.pss10.change.reliable_change == "no_reliable_change"


@pytest.mark.parametrize(
    "consent",
    [
        None,
        {"given_on": "2026-01-12", "scope": ["course"], "withdrawn_on": None},
        {
            "given_on": "2026-01-12",
            "scope": ["course", "report_to_municipality"],
            "withdrawn_on": "2026-03-01",
        },
    ],
)
def test_no_consent_no_report(vault, consent) -> None:
    p = person()
    if consent is None:
        del p["consent"]
    else:
        p["consent"] = consent
    (pid,) = add(vault, p)
    with vault.session() as s, pytest.raises(BadInput) as e:
        build_report(s, pid, ReportRequest(), TODAY)
    assert "consent" in str(e.value)
    if consent and consent["withdrawn_on"]:
        assert "withdrew" in str(e.value)
    # The participant's own copy needs no consent to the municipality.
    with vault.session() as s:
        c = build_report(s, pid, ReportRequest(kind="access_copy"), TODAY)
    assert c.access is not None


def test_default_kind(vault) -> None:
    ids = add(vault, person(), person("GK-2", status="individual_phase", outcome=None))
    from coachdesk.store.models import Participant

    with vault.session() as s:
        kinds = [content.default_kind(s.get(Participant, i)) for i in ids]
    assert kinds == ["final_report", "status_report"]


def test_minimal_participant_builds(vault) -> None:
    (pid,) = add(
        vault,
        {
            "ref": "MIN-1",
            "name": "Bo",
            "consent": {
                "given_on": "2026-01-01",
                "scope": ["report_to_municipality"],
                "withdrawn_on": None,
            },
        },
    )
    with vault.session() as s:
        c = build_report(s, pid, ReportRequest(sections=registry.names()), TODAY)
    assert c.pss10 is not None and c.pss10.rows == () and c.pss10.change is None
    assert c.cpr_display == "" and c.recipient == ""
