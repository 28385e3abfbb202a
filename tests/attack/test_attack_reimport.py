"""Attack: `import --replace` as a way to lose the record of what was disclosed
(issue 12, item 4).

Replacing a participant used to delete their row and insert it again; ON DELETE
CASCADE took the disclosure log (what was given to whom: it must outlive a re-import)
and every earlier job plan version with it. Now the person is updated in place: same
row, same uid, the disclosure log untouched, the job plan history kept with the file's
plan added as the next version when it differs.
"""

from __future__ import annotations

import datetime as dt

from canaries import canary_person, document
from sqlalchemy import select

from coachdesk.cli.main import main
from coachdesk.store import interchange, jobplans
from coachdesk.store.models import Disclosure, JobPlanVersion, Participant, SessionLog

TODAY = dt.date(2026, 11, 20)
REF = "RE-1"


def _cli_import(vault, passphrase_file, tmp_path, doc) -> int:
    src = tmp_path / "replace.json"
    src.write_bytes(interchange.dumps(doc))
    return main(
        [
            "--data-dir",
            str(vault.data_dir),
            "import",
            str(src),
            "--replace",
            "--passphrase-file",
            str(passphrase_file),
        ]
    )


def _state(vault):
    from coachdesk.store.vault import Vault

    with Vault.open(vault.data_dir, passphrase="correct horse battery") as v, v.session() as s:
        p = s.execute(select(Participant).where(Participant.ref == REF)).scalar_one()
        return {
            "id": p.id,
            "uid": p.uid,
            "name": p.name,
            "disclosures": [
                (d.kind, d.recipient, d.sha256)
                for d in s.execute(
                    select(Disclosure).where(Disclosure.participant_id == p.id)
                ).scalars()
            ],
            "plans": [
                (j.version, j.direction)
                for j in s.execute(
                    select(JobPlanVersion)
                    .where(JobPlanVersion.participant_id == p.id)
                    .order_by(JobPlanVersion.version)
                ).scalars()
            ],
            "sessions": s.query(SessionLog).filter_by(participant_id=p.id).count(),
        }


def _setup(vault, passphrase_file, tmp_path, capsys):
    """A, imported; exported to a caseworker (a disclosure); a second plan saved."""
    with vault.session() as s:
        interchange.import_document(s, document(canary_person("A", ref=REF)), today=TODAY)
        s.commit()
        pid = s.execute(select(Participant.id).where(Participant.ref == REF)).scalar_one()
        plan = interchange.job_plan_to_dict(jobplans.job_plan_versions(s, pid)[-1])
        jobplans.save_job_plan(s, pid, plan | {"direction": "Version two"}, TODAY)
        s.commit()
    vault.close()
    assert (
        main(
            [
                "--data-dir",
                str(vault.data_dir),
                "export",
                "--participant",
                REF,
                "--format",
                "json",
                "--out",
                str(tmp_path / "out.json"),
                "--recipient",
                "Jobcenter",
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
        == 0
    )
    before = _state(vault)
    assert len(before["disclosures"]) == 1 and [v for v, _ in before["plans"]] == [1, 2]
    return before


def test_replace_keeps_the_disclosure_log_and_the_job_plan_history(
    vault, passphrase_file, tmp_path, capsys
):
    before = _setup(vault, passphrase_file, tmp_path, capsys)
    again = canary_person("A", ref=REF)
    again["name"] = "Renamed Person"
    again["job_plan"]["direction"] = "From the file"
    assert _cli_import(vault, passphrase_file, tmp_path, document(again)) == 0
    after = _state(vault)
    assert (after["id"], after["uid"]) == (before["id"], before["uid"])
    assert after["name"] == "Renamed Person"
    assert after["disclosures"] == before["disclosures"]
    assert after["plans"] == [*before["plans"], (3, "From the file")]
    assert after["sessions"] == before["sessions"]  # replaced, not doubled


def test_replace_with_the_same_plan_adds_no_version_and_without_a_plan_keeps_them(
    vault, passphrase_file, tmp_path, capsys
):
    before = _setup(vault, passphrase_file, tmp_path, capsys)
    from coachdesk.store.vault import Vault

    same = canary_person("A", ref=REF)
    with Vault.open(vault.data_dir, passphrase="correct horse battery") as v, v.session() as s:
        same["job_plan"] = interchange.job_plan_to_dict(
            jobplans.job_plan_versions(s, before["id"])[-1]
        )
    assert _cli_import(vault, passphrase_file, tmp_path, document(same)) == 0
    assert _state(vault)["plans"] == before["plans"]
    without = canary_person("A", ref=REF)
    without.pop("job_plan")
    assert _cli_import(vault, passphrase_file, tmp_path, document(without)) == 0
    after = _state(vault)
    assert after["plans"] == before["plans"]
    assert after["disclosures"] == before["disclosures"]
