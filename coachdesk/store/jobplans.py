"""The job plan: its versions, and saving one (a new version, never an overwrite).

The caller owns the session and commits (the GUI through ``Vault.write``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import BadInput, FieldError
from coachdesk.store import audit, interchange, participants
from coachdesk.store.models import JobPlanVersion
from coachdesk.store.participants import child_record_errors


def job_plan_versions(session: Session, participant_id: int) -> list[JobPlanVersion]:
    return list(
        session.execute(
            select(JobPlanVersion)
            .where(JobPlanVersion.participant_id == participant_id)
            .order_by(JobPlanVersion.version)
        ).scalars()
    )


def version_dicts(session: Session, participant_id: int) -> list[dict[str, Any]]:
    """Every version, oldest first, as interchange dicts with their ``version`` number."""
    return [
        interchange.job_plan_to_dict(v) | {"version": v.version}
        for v in job_plan_versions(session, participant_id)
    ]


def validate_job_plan(plan: dict[str, Any], today: dt.date | None = None) -> list[FieldError]:
    return child_record_errors("job_plan", plan, today or dt.date.today())


def save_job_plan(
    session: Session, participant_id: int, plan: dict[str, Any], today: dt.date | None = None
) -> JobPlanVersion:
    """Saving never overwrites: it adds the next version (the report shows the latest).

    A plan identical to the latest version adds nothing and returns that version: a
    version is a change, and the report's "updated on" must not move without one.
    """
    today = today or dt.date.today()
    plan = {k: v for k, v in plan.items() if k != "updated_on"}
    errors = validate_job_plan(plan, today)
    if errors:
        raise BadInput("caseload.job_plan_not_saved", errors)
    p = participants.get_participant(session, participant_id)
    versions = job_plan_versions(session, p.id)
    latest = versions[-1].version if versions else 0
    row = interchange.job_plan_from_dict(
        plan | {"updated_on": today.isoformat()}, latest + 1, today
    )
    if versions and _same_plan(versions[-1], row):
        return versions[-1]
    row.participant_id = p.id
    session.add(row)
    session.flush()
    audit.record(
        session,
        "job_plan_saved",
        {
            "version": row.version,
            "goals": len(row.goals),
            "accommodations": len(row.accommodations),
        },
        subject=p.uid,
    )
    return row


def save_new_version(
    session: Session, participant_id: int, plan: dict[str, Any], today: dt.date | None = None
) -> bool:
    """``save_job_plan``; True if it added a version (False: the plan was unchanged)."""
    before = len(job_plan_versions(session, participant_id))
    save_job_plan(session, participant_id, plan, today)
    return len(job_plan_versions(session, participant_id)) > before


def _same_plan(a: JobPlanVersion, b: JobPlanVersion) -> bool:
    def content(j: JobPlanVersion) -> dict[str, Any]:
        return {k: v for k, v in interchange.job_plan_to_dict(j).items() if k != "updated_on"}

    return content(a) == content(b)


def add_goal(
    session: Session,
    participant_id: int,
    text: str,
    due: dt.date | None = None,
    today: dt.date | None = None,
) -> JobPlanVersion:
    """An agreed action becomes a goal: a new job plan version with the goal appended."""
    current = job_plan_versions(session, participant_id)
    plan = interchange.job_plan_to_dict(current[-1]) if current else {}
    plan["goals"] = [
        *plan.get("goals", []),
        {"text": text.strip(), "due": due.isoformat() if due else None, "status": "open"},
    ]
    plan = {k: v for k, v in plan.items() if v is not None}
    return save_job_plan(session, participant_id, plan, today)
