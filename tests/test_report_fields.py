"""The report's structured fields: stored (migration 0008), validated, audited without
their text, carried by the participant file, printed under Danish headings, and the
delvis-raskmelding rule (at least 4 hours of absence a week) flagged."""

from __future__ import annotations

import datetime as dt
import io

import pikepdf
import pytest
from test_report_data import REPORT_FIELDS, add, pdf_text, person, squash

from coachdesk.cli.main import main
from coachdesk.core import return_plan
from coachdesk.errors import BadInput
from coachdesk.reports import sections as registry
from coachdesk.reports.content import ReportRequest, build_report
from coachdesk.reports.export import render_pdf
from coachdesk.store import interchange, report_fields, settings
from coachdesk.store.models import AuditEvent, Participant

HEADINGS_DA = (
    "Muligheder for arbejde (arbejdsevne) i dag",
    "Skånehensyn",
    "Timetal og optrapning",
    "Ressourcer og udfordringer",
    "Progression siden start",
    "Fremmøde",
    "Anbefaling / næste skridt",
)


def test_save_validates_and_audits_field_names_only(vault) -> None:
    (pid,) = add(vault, person(report_fields=None))
    with vault.session() as s:
        assert report_fields.get(s, pid) is None
        with pytest.raises(BadInput) as exc:
            report_fields.save(
                s, pid, {"step_plan": [{"week": 0, "hours": 10}], "return_kind": "soon"}
            )
        # The message is the first problem; errors lists every one, each with its field.
        assert "week must be between 1 and 52" in str(exc.value)
        assert [e.path for e in exc.value.errors] == ["step_plan", "return_kind"]
        assert "full or partial" in exc.value.errors[1]
        assert report_fields.get(s, pid) is None  # nothing changed
        report_fields.save(
            s,
            pid,
            {
                "work_capacity": "  Fire timer om dagen  ",
                "step_plan": [{"week": 4, "hours": 20}, {"week": 2, "hours": "15"}],
                "return_date": "2026-08-01",
                "return_kind": "full",
            },
            today=dt.date(2026, 4, 1),
        )
        s.commit()
        rf = report_fields.get(s, pid)
        assert rf.work_capacity == "Fire timer om dagen"
        assert rf.step_plan == [{"week": 2, "hours": 15.0}, {"week": 4, "hours": 20.0}]
        assert rf.return_date == dt.date(2026, 8, 1) and rf.updated_on == dt.date(2026, 4, 1)
        ev = s.query(AuditEvent).filter_by(action="participant_changed").one()
        assert sorted(ev.detail["fields"]) == [
            "return_date",
            "return_kind",
            "step_plan",
            "work_capacity",
        ]
        assert "Fire" not in str(ev.detail)


def test_partial_return_rule() -> None:
    steps, problems = return_plan.parse_steps(
        [{"week": 1, "hours": 20}, {"week": 5, "hours": 34}, {"week": 8, "hours": 37}]
    )
    assert problems == []
    # 34 of 37 leaves 3 hours of absence: no longer a partial sick leave; 37 is full.
    assert [s.week for s in return_plan.partial_return_breaks(37, steps)] == [5]
    assert return_plan.partial_return_breaks(None, steps) == []


def test_report_warns_when_a_partial_step_breaks_the_rule(vault) -> None:
    fields = dict(REPORT_FIELDS, step_plan=[{"week": 1, "hours": 20}, {"week": 5, "hours": 34}])
    (pid,) = add(vault, person(report_fields=fields))
    with vault.session() as s:
        c = build_report(s, pid, ReportRequest(kind="final_report"))
        assert c.hours is not None and c.hours.breaks == (5,)
        assert any("uge 5" in w and "4 timers fravær" in w for w in c.warnings)
        flat = squash(pdf_text(render_pdf(s, pid, ReportRequest(kind="final_report"))))
    assert "Bemærk: i uge 5 er fraværet mindre end 4 timer om ugen." in flat
    (ok,) = add(vault, person("GK-OK"))
    with vault.session() as s:
        assert build_report(s, ok, ReportRequest(kind="final_report")).warnings == ()


def test_participant_file_carries_the_fields(vault) -> None:
    (pid,) = add(vault, person())
    with vault.session() as s:
        p = s.get(Participant, pid)
        d = interchange.participant_to_dict(
            p, today=dt.date(2026, 4, 10), params=settings.pss_params(s)
        )
    rf = d["report_fields"]
    assert rf["work_capacity"] == REPORT_FIELDS["work_capacity"]
    assert rf["step_plan"][-1] == {"week": 9, "hours": 30.0}
    assert rf["return_kind"] == "partial" and rf["return_date"] == "2026-07-01"
    assert interchange.validate_document(interchange.document([d]), dt.date(2026, 4, 10)) == []
    bad = dict(d, ref="GK-BAD", report_fields={"step_plan": [{"week": 3}], "colour": "red"})
    errors = interchange.validate_document(interchange.document([bad]), dt.date(2026, 4, 10))
    assert any("step_plan[0].hours" in e for e in errors)
    assert any("colour" in e for e in errors)


@pytest.mark.parametrize("kind", ["status_report", "final_report"])
def test_every_heading_in_danish(vault, kind) -> None:
    (pid,) = add(vault, person())
    with vault.session() as s:
        flat = squash(
            pdf_text(render_pdf(s, pid, ReportRequest(kind=kind), today=dt.date(2026, 4, 10)))
        )
    for heading in HEADINGS_DA:
        assert heading in flat, heading
    for value in (
        "Kan arbejde 4 timer dagligt",
        "Stærk faglighed",
        "Søvnen forstyrres",
        "Har genfundet overskud",
        "opfølgning i kommunen om 6 uger",
        "Delvis raskmelding – 01.07.2026",
        "Optrapning uge for uge",
    ):
        assert value in flat, value
    # The progression section also gives the PSS-10 change already computed.
    progression = flat[flat.index("Progression siden start") :]
    assert "Ændring fra 31 til 11 point (-20)." in progression
    # The statusnotat is shorter than the final report: same headings, fewer extras.
    assert ("Statusnotat" in flat) == (kind == "status_report")


def test_a_section_left_out_is_absent(vault) -> None:
    (pid,) = add(vault, person())
    sections = tuple(s for s in registry.defaults() if s not in ("resources", "hours"))
    with vault.session() as s:
        flat = squash(
            pdf_text(render_pdf(s, pid, ReportRequest(kind="final_report", sections=sections)))
        )
    assert "Ressourcer og udfordringer" not in flat and "Stærk faglighed" not in flat
    assert "Timetal og optrapning" not in flat and "Muligheder for arbejde" in flat


def test_cli_export_all_fields_pdfa(vault, data_dir, passphrase_file, tmp_path) -> None:
    """The issue's done-when, end to end through `coachdesk export --format pdf`."""
    add(vault, person())
    vault.close()
    base = [
        "--data-dir",
        str(data_dir),
        "export",
        "--participant",
        "GK-2026-0042",
        "--format",
        "pdf",
        "--passphrase-file",
        str(passphrase_file),
    ]
    out = tmp_path / "slutrapport.pdf"
    assert main([*base, "--out", str(out)]) == 0
    data = out.read_bytes()
    flat = squash(pdf_text(data))
    for heading in HEADINGS_DA:
        assert heading in flat, heading
    with pikepdf.open(io.BytesIO(data)) as pdf, pdf.open_metadata() as meta:
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
    own = tmp_path / "kopi.pdf"
    assert main([*base, "--out", str(own), "--sections", "everything"]) == 0
    with pikepdf.open(own) as pdf:
        with pdf.open_metadata() as meta:
            assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("3", "B")
        (spec,) = pdf.Root.AF
        assert spec.AFRelationship == pikepdf.Name.Data
    flat_own = squash(pdf_text(own.read_bytes()))
    assert "Stærk faglighed" in flat_own  # the own copy holds the fields too


def test_step_plan_limits_in_the_participant_file(vault) -> None:
    """52 weeks at most, one entry per week (the schema's maxItems is 52 too)."""
    (pid,) = add(vault, person())
    with vault.session() as s:
        d = interchange.participant_to_dict(
            s.get(Participant, pid), today=dt.date(2026, 4, 10), params=settings.pss_params(s)
        )
    weeks = [{"week": w, "hours": 10} for w in range(1, 53)]
    ok = dict(d, report_fields={"step_plan": weeks})
    assert interchange.validate_document(interchange.document([ok]), dt.date(2026, 4, 10)) == []
    for bad_plan in ([*weeks, {"week": 1, "hours": 10}], [{"week": 2, "hours": 1}] * 2):
        bad = dict(d, report_fields={"step_plan": bad_plan})
        assert interchange.validate_document(interchange.document([bad]), dt.date(2026, 4, 10))


def test_reimport_with_replace_keeps_or_replaces_the_fields(vault) -> None:
    (pid,) = add(vault, person())
    changed = dict(REPORT_FIELDS, work_capacity="Nu seks timer om dagen.")
    for fields, expected in (
        (changed, "Nu seks timer om dagen."),
        (None, "Nu seks timer om dagen."),
    ):  # absent: kept as is
        p = person(report_fields=fields)
        if fields is None:
            del p["report_fields"]
        with vault.session() as s:
            interchange.import_document(s, interchange.document([p]), replace=True)
            s.commit()
            rf = report_fields.get(s, pid)
            assert rf is not None and rf.work_capacity == expected
