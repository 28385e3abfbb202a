"""GDPR erasure (security promise 9): every row about a person goes, and stays gone.

Deleting the participant row cascades (ON DELETE CASCADE) to assessments, sessions,
attendance, job plan versions, disclosures and drafts. The person's audit events are
redacted to their hashes (the chain still verifies), and one "participant_erased"
event names them only by a salted hash of the ref. ``secure_delete`` zeroes freed
pages; the VACUUM and the WAL checkpoint afterwards leave no old page in the file or
its WAL.

The erasure and the compaction are two steps, and either can fail on a full disk. If
the erasure's commit fails, nothing was erased (the transaction rolls back) and the
caller's error boundary says the disk is full. If the commit succeeded and only the
compaction failed, the person IS erased: ErasedNotCompacted says exactly that, and how
to finish (``coachdesk compact``), instead of a failure that would make the coach think
the person is still there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select

from coachdesk.core import records
from coachdesk.errors import BadInput, DiskFull, ErasedNotCompacted, classify
from coachdesk.store import audit
from coachdesk.store.models import (
    Assessment,
    Disclosure,
    Draft,
    GroupAttendance,
    JobPlanVersion,
    Participant,
    SessionLog,
)

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault

_CHILDREN = (
    ("assessments", Assessment),
    ("sessions", SessionLog),
    ("attendance", GroupAttendance),
    ("job_plan_versions", JobPlanVersion),
    ("disclosures", Disclosure),
    ("drafts", Draft),
)


@dataclass(frozen=True)
class ErasureResult:
    rows: dict[str, int]  # table -> rows removed (counts only: safe for the audit log)
    audit_events_redacted: int


def erasure_preview(session: Any, participant_id: int) -> dict[str, int]:
    """How many rows of each kind the erasure would remove (for the confirmation)."""
    out = {"participant": 1}
    for name, model in _CHILDREN:
        out[name] = int(
            session.execute(
                select(func.count())
                .select_from(model)
                .where(model.participant_id == participant_id)
            ).scalar()
            or 0
        )
    return out


def erase_participant(vault: Vault, ref: str) -> ErasureResult:
    """Erase the participant with ``ref``; raises BadInput when there is none."""
    ref = ref.strip()
    if records.has_surrogate(ref):
        # Not a character (an argument in a broken encoding): no stored ref has one,
        # and SQLite could not even be asked.
        raise BadInput("erasure.no_participant", ref=ref)
    with vault.session() as s:
        p = s.execute(select(Participant).where(Participant.ref == ref)).scalar_one_or_none()
        if p is None:
            raise BadInput("erasure.no_participant", ref=ref)
        rows = erasure_preview(s, p.id)
        uid, pid = p.uid, p.id
        # Drafts first explicitly: a draft's participant_id is nullable, and an editor
        # may have saved one keyed by the person without the foreign key.
        s.execute(delete(Draft).where(Draft.participant_id == pid))
        s.execute(delete(Draft).where(Draft.key.contains(uid)))
        s.expunge(p)
        s.execute(delete(Participant).where(Participant.id == pid))
        redacted = audit.redact_subject(s, uid)
        audit.record(
            s,
            "participant_erased",
            {"rows": rows, "audit_events_redacted": redacted},
            subject=audit.pseudonym(s, ref),
        )
        s.commit()
    result = ErasureResult(rows, redacted)
    try:
        compact(vault)
    except Exception as exc:
        full = isinstance(classify(exc), DiskFull)
        code = "erasure.not_compacted_disk_full" if full else "erasure.not_compacted"
        raise ErasedNotCompacted(code, result, ref=ref) from exc
    return result


def compact(vault: Vault) -> None:
    """VACUUM and truncate the WAL, so no freed page survives in either file."""
    raw = vault.engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert conn is not None  # a connection the pool just handed out
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")  # outside a transaction: isolation_level is None
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
