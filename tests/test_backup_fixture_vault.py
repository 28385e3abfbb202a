"""A vault made by the first schema (tests/fixtures/vault-v1) opens with today's code.

Every future migration runs against this real old vault; its data must survive.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from coachdesk.core import pss10
from coachdesk.store import audit, backup, caseload, settings
from coachdesk.store.migrate import HEAD, current_revision
from coachdesk.store.models import Participant
from coachdesk.store.vault import Vault

FIXTURE = Path(__file__).parent / "fixtures" / "vault-v1"
PASSPHRASE = "vault-v1 fixture passphrase"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "v1"
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("README.md"))
    return target


def test_v1_vault_opens_migrates_and_reads(tmp_path):
    data_dir = _copy(tmp_path)
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v:
        assert current_revision(v.engine) == HEAD
        assert v.integrity_errors() == []
        with v.session() as s:
            assert audit.verify(s) == []
            assert settings.get(s, "coach_name") == "Fixture Coach"
            ida = s.query(Participant).filter_by(ref="V1-0001").one()
            assert ida.name == "Ida Fixture" and ida.cpr == "010190-9001"
            assert ida.status == "completed" and ida.outcome_status == "work_partial"
            kinds = [a.kind for a in ida.assessments]
            assert kinds == ["screening", "final"]
            before = pss10.score(ida.assessments[0].answers).total
            after = pss10.score(ida.assessments[1].answers).total
            assert (before, after) == (31, 15)
            assert ida.sessions[0].notes == "Fixture note"
            assert ida.job_plan is not None and ida.job_plan.goals[0]["status"] == "done"
            lars = s.query(Participant).filter_by(ref="V1-0002").one()
            assert lars.dropout_reason == "Flyttet"
            # Migration 0002 added the caseload's indexes to this 0001 vault, and the
            # caseload (plain SQL on the driver) reads it as the ORM does.
            indexes = {
                name
                for (name,) in s.connection().exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'index'"
                )
            }
            assert {"ix_session_log_caseload", "ix_session_log_next_appointment"} <= indexes
            row = next(
                r
                for r in caseload.load_caseload(s, dt.date(2026, 11, 27)).rows
                if r.ref == "V1-0001"
            )
            assert (row.pss_before, row.pss_after) == (31, 15)
            assert row.sessions_held == sum(x.status == "held" for x in ida.sessions)
            assert row.last_session == max(x.date for x in ida.sessions)


def test_v1_vault_recovery_code_and_backup_roundtrip(tmp_path):
    data_dir = _copy(tmp_path)
    code = next(
        line.split("`")[1]
        for line in (FIXTURE / "README.md").read_text().splitlines()
        if line.startswith("- recovery code")
    )
    with Vault.open(data_dir, recovery_code=code) as v:
        backup.create_backup(v, tmp_path / "v1.cdbackup")
    assert (
        backup.restore_backup(tmp_path / "v1.cdbackup", tmp_path / "r", passphrase=PASSPHRASE) == 2
    )


def test_fixture_files_are_untouched_by_the_tests():
    assert sorted(p.name for p in FIXTURE.iterdir()) == ["README.md", "vault.db", "vault.key"]
