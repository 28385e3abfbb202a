"""Saving, changing and deleting a participant's PSS-10 questionnaires, audited.

A questionnaire entered in the form meets exactly the importer's rules: the check
builds the participant's assessments in the interchange shape and runs
core/records.validate_participant over them, so the form and the importer cannot drift.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.core import instruments, pss10, pss10_chart, records, vocab
from coachdesk.core.instrument import Result
from coachdesk.errors import BadInput, FieldError
from coachdesk.store import audit, settings
from coachdesk.store.models import Assessment, Participant

# Machine-readable kinds of problem, so a UI can say them in its own language.
PROBLEM_FUTURE = "future"
PROBLEM_BEFORE_REFERRAL = "before_referral"
PROBLEM_FINAL_BEFORE_SCREENING = "final_before_screening"
PROBLEM_SCREENING_AFTER_FINAL = "screening_after_final"
PROBLEM_ANSWERS = "answers"
PROBLEM_KIND = "kind"
PROBLEM_DATE = "date"


class AssessmentRejected(BadInput):
    """A questionnaire that breaks a rule; ``problems`` are PROBLEM_* keys, ``errors`` text."""

    def __init__(
        self, code: str, errors: Sequence[str], problems: list[str], **params: Any
    ) -> None:
        super().__init__(code, errors, **params)
        self.problems = problems


@dataclass(frozen=True)
class AssessmentRow:
    """One saved questionnaire with its score, as a list or chart shows it."""

    id: int
    kind: str
    date: dt.date
    answers: tuple[int | None, ...]
    score: pss10.Score


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return records.parse_date(value)
    except ValueError as exc:
        raise AssessmentRejected(
            "assessments.rejected_date", [f"date: {exc}"], [PROBLEM_DATE]
        ) from None


def _record(
    kind: str, day: dt.date, answers: Sequence[Any], instrument: str = instruments.DEFAULT
) -> dict[str, Any]:
    return {
        "kind": kind,
        "date": day.isoformat(),
        "instrument": instrument,
        "answers": list(answers),
    }


_BY_CODE = {
    "field.in_future": PROBLEM_FUTURE,
    "field.before_referral": PROBLEM_BEFORE_REFERRAL,
    "field.final_before_screening": PROBLEM_FINAL_BEFORE_SCREENING,
}


def _problem(error: FieldError) -> str:
    if error.code in _BY_CODE:
        return _BY_CODE[error.code]
    if ".answers" in error.path:
        return PROBLEM_ANSWERS
    if ".kind" in error.path:
        return PROBLEM_KIND
    return PROBLEM_DATE


def _participant_errors(
    p: Participant, assessments: list[dict[str, Any]], today: dt.date
) -> set[FieldError]:
    # Only the fields the assessment rules look at; the rest of the record is not ours.
    d: dict[str, Any] = {
        "ref": p.ref or "x",
        "name": p.name or "x",
        "referral_date": p.referral_date.isoformat() if p.referral_date else None,
        "assessments": assessments,
    }
    errors = records.validate_participant(d, "participant", today)
    return {e for e in errors if e.startswith("participant.assessments")}


def check_assessment(
    p: Participant,
    kind: str,
    day: dt.date,
    answers: Sequence[Any],
    assessment_id: int | None,
    today: dt.date,
    instrument: str = instruments.DEFAULT,
) -> None:
    """Raise AssessmentRejected when saving this questionnaire would break a rule."""
    existing = [_record(a.kind, a.date, a.answers, a.instrument) for a in p.assessments]
    ids = [a.id for a in p.assessments]
    proposed = list(existing)
    new = _record(kind, day, answers, instrument)
    if assessment_id is None:
        proposed.append(new)
        index = len(proposed) - 1
    else:
        index = ids.index(assessment_id)
        proposed[index] = new
    # Only errors this change introduces: an imported record with an old flaw stays editable.
    errors = sorted(
        _participant_errors(p, proposed, today) - _participant_errors(p, existing, today)
    )
    if not errors:
        return
    problems = []
    for e in errors:
        key = _problem(e)
        own = e.startswith(f"participant.assessments[{index}]")
        if key == PROBLEM_FINAL_BEFORE_SCREENING and not own:
            # An existing final now lies before this (new or moved) screening.
            key = PROBLEM_SCREENING_AFTER_FINAL
        if key not in problems:
            problems.append(key)
    # The message names the first problem; ``problems`` lists them all for the form.
    first = problems[0]
    params: dict[str, object] = {"date": day.isoformat()}
    if first == PROBLEM_KIND:
        params["kinds"] = ", ".join(vocab.ASSESSMENT_KINDS)
    if first == PROBLEM_ANSWERS:
        if instrument not in instruments.ids():
            raise AssessmentRejected(
                "assessments.unknown_instrument", errors, problems, instrument=repr(instrument)
            )
        inst = instruments.get(instrument)
        params |= {"lo": inst.answer_min, "hi": inst.answer_max, "n": inst.n_items}
    raise AssessmentRejected(f"assessments.rejected_{first}", errors, problems, **params)


def _participant(session: Session, participant_id: int) -> Participant:
    p = session.get(Participant, participant_id)
    if p is None:
        raise BadInput("assessments.no_participant", participant_id=participant_id)
    return p


def save_assessment(
    session: Session,
    participant_id: int,
    kind: str,
    date: dt.date | str,
    answers: Sequence[int | None],
    assessment_id: int | None = None,
    today: dt.date | None = None,
    instrument: str = instruments.DEFAULT,
) -> Assessment:
    """Add (or, with ``assessment_id``, change) a questionnaire; the caller commits.

    Raises AssessmentRejected (a BadInput) and adds nothing when a rule is broken.
    """
    today = today or dt.date.today()
    p = _participant(session, participant_id)
    day = _as_date(date)
    if kind not in vocab.ASSESSMENT_KINDS:
        raise AssessmentRejected(
            "assessments.bad_kind",
            [f"kind: {kind!r}"],
            [PROBLEM_KIND],
            value=", ".join(vocab.ASSESSMENT_KINDS),
        )
    if assessment_id is not None and assessment_id not in {a.id for a in p.assessments}:
        raise BadInput(
            "assessments.no_assessment", participant_id=participant_id, assessment_id=assessment_id
        )
    if assessment_id is not None:
        # An assessment keeps its instrument: changing it would be another questionnaire.
        instrument = next(x for x in p.assessments if x.id == assessment_id).instrument
    check_assessment(p, kind, day, answers, assessment_id, today, instrument)
    answers = list(answers)
    if assessment_id is None:
        a = Assessment(kind=kind, date=day, instrument=instrument, answers=answers)
        p.assessments.append(a)
        session.flush()
        audit.record(
            session,
            "assessment_saved",
            {
                "assessment": a.id,
                "kind": kind,
                "date": day.isoformat(),
                **({} if instrument == instruments.DEFAULT else {"instrument": instrument}),
                "answered": sum(x is not None for x in answers),
            },
            subject=p.uid,
        )
        return a
    a = next(x for x in p.assessments if x.id == assessment_id)
    old = list(a.answers)
    changed_items = [i + 1 for i, (o, n) in enumerate(zip(old, answers, strict=True)) if o != n]
    fields = [f for f, o, n in (("kind", a.kind, kind), ("date", a.date, day)) if o != n]
    a.kind, a.date, a.answers = kind, day, answers
    session.flush()
    audit.record(
        session,
        "assessment_changed",
        {
            "assessment": a.id,
            "kind": kind,
            "date": day.isoformat(),
            "fields": fields,
            "items": changed_items,
            # Named so the participant's own copy can say which questionnaire it was.
            "instrument": a.instrument,
        },
        subject=p.uid,
    )
    return a


def delete_assessment(session: Session, participant_id: int, assessment_id: int) -> None:
    """Remove one questionnaire, audited; the caller commits."""
    p = _participant(session, participant_id)
    a = next((x for x in p.assessments if x.id == assessment_id), None)
    if a is None:
        raise BadInput(
            "assessments.no_assessment", participant_id=participant_id, assessment_id=assessment_id
        )
    detail = {
        "assessment": a.id,
        "kind": a.kind,
        "date": a.date.isoformat(),
        "instrument": a.instrument,
    }
    p.assessments.remove(a)
    session.delete(a)
    session.flush()
    audit.record(session, "assessment_deleted", detail, subject=p.uid)


@dataclass(frozen=True)
class Saved:
    """A questionnaire as its form opens it again."""

    instrument: str
    kind: str
    date: dt.date
    answers: list[int | None]


def for_form(session: Session, participant_id: int, assessment_id: int) -> Saved | None:
    """The participant's questionnaire ``assessment_id`` (None if it is not theirs)."""
    a = session.get(Assessment, assessment_id)
    if a is None or a.participant_id != participant_id:
        return None
    return Saved(a.instrument, a.kind, a.date, list(a.answers))


def list_assessments(session: Session, participant_id: int) -> list[AssessmentRow]:
    """The participant's PSS-10 questionnaires, oldest first, each scored by core/pss10."""
    rows = session.execute(
        select(Assessment)
        .where(Assessment.participant_id == participant_id, Assessment.instrument == "pss10")
        .order_by(Assessment.date, Assessment.id)
    ).scalars()
    return [
        AssessmentRow(a.id, a.kind, a.date, tuple(a.answers), pss10.score(a.answers)) for a in rows
    ]


def chart_data(session: Session, participant_id: int) -> pss10_chart.ChartData:
    """The before/after chart of one participant, with the vault's PSS settings."""
    rows = list_assessments(session, participant_id)
    return pss10_chart.build(
        [(r.kind, r.date, r.answers) for r in rows], settings.pss_params(session)
    )


@dataclass(frozen=True)
class InstrumentRow:
    """One saved questionnaire of any instrument, scored by its registry entry."""

    id: int
    instrument: str
    kind: str
    date: dt.date
    answers: tuple[int | None, ...]
    result: Result


def list_instrument_assessments(
    session: Session, participant_id: int, instrument: str | None = None
) -> list[InstrumentRow]:
    """The participant's questionnaires (of one instrument, or all), oldest first.

    Rows of an instrument this CoachDesk does not know (a newer vault's) are left out.
    """
    q = select(Assessment).where(Assessment.participant_id == participant_id)
    if instrument is not None:
        q = q.where(Assessment.instrument == instrument)
    known = set(instruments.ids())
    return [
        InstrumentRow(
            a.id,
            a.instrument,
            a.kind,
            a.date,
            tuple(a.answers),
            instruments.get(a.instrument).scored(a.answers),
        )
        for a in session.execute(q.order_by(Assessment.date, Assessment.id)).scalars()
        if a.instrument in known
    ]
