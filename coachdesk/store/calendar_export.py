"""The agenda as an iCalendar file (RFC 5545) that holds no health data.

A calendar leaves the vault for a phone, a shared work calendar or a cloud service, so
an event carries only what an appointment needs: who (the participant's ref or initials,
the ``calendar_label`` setting; never the name), when (date, start, duration) and how
(in person, phone, video). Never a name, CPR number, theme, note or rating, and no word
that says what the course is about (no "stress": the file reveals only that there is an
appointment). Generated with the maintained ``icalendar`` library.

Written as the project writes every export (reports/export.py): the file goes to a
temp file (0600) beside the target, the audit event is committed, and only then is it
renamed into place; if the audit cannot be committed there is no file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import BadInput
from coachdesk.store import agenda, audit, settings
from coachdesk.store.atomic import WriteFailed, reveal_after
from coachdesk.store.models import Participant

TZ = "Europe/Copenhagen"
LABELS = ("ref", "initials")
PRODID = "-//CoachDesk//Agenda//DA"
# The only words an event holds besides the label and the times (per language).
WORDS = {
    "da": {
        "session": "Samtale",
        "group": "Gruppesession",
        "participants": "deltagere",
        "in_person": "fremmøde",
        "phone": "telefon",
        "video": "video",
    },
    "en": {
        "session": "Conversation",
        "group": "Group session",
        "participants": "participants",
        "in_person": "in person",
        "phone": "phone",
        "video": "video",
    },
}
# Default export period: from today, eight weeks on.
DEFAULT_DAYS = 8 * 7


def initials(name: str) -> str:
    """'Anna-Marie B. Hansen' -> 'AMBH': the first letter of each part of the name."""
    parts = [w for part in name.replace("-", " ").split() if (w := part.strip(".,"))]
    return "".join(w[0].upper() for w in parts if w[0].isalpha())[:6] or "?"


def label_for(item: agenda.Item, how: str) -> str:
    return initials(item.name) if how == "initials" else item.ref


def _uid(item: agenda.Item) -> str:
    # Stable across exports (a calendar updates the event) and meaningless outside.
    key = (
        f"session:{item.session_id}"
        if item.kind == "session"
        else f"group:{item.course_start}:{item.date}"
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32] + "@coachdesk"


def summary(item: agenda.Item, how: str, lang: str) -> str:
    w = WORDS.get(lang, WORDS["da"])
    if item.kind == "group":
        return f"{w['group']} ({item.group_size} {w['participants']})"
    mode = w.get(item.mode or "in_person", "")
    return f"{w['session']} {label_for(item, how)} ({mode})"


def build_ics(
    items: list[agenda.Item], how: str = "ref", lang: str = "da", now: dt.datetime | None = None
) -> bytes:
    """The calendar as bytes: one VEVENT per item, times in Europe/Copenhagen."""
    if how not in LABELS:
        raise BadInput("calendar.bad_label")
    tz = ZoneInfo(TZ)
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for item in items:
        ev = icalendar.Event()
        ev.add("uid", _uid(item))
        ev.add("dtstamp", stamp)
        ev.add("summary", summary(item, how, lang))
        default = (
            agenda.DEFAULT_GROUP_MINUTES if item.kind == "group" else agenda.DEFAULT_SESSION_MINUTES
        )
        if item.start:
            hh, mm = (int(x) for x in item.start.split(":"))
            begin = dt.datetime.combine(item.date, dt.time(hh, mm), tzinfo=tz)
            ev.add("dtstart", begin)
            ev.add("duration", dt.timedelta(minutes=item.minutes or default))
        else:  # the day only: an all-day event
            ev.add("dtstart", item.date)
            ev.add("dtend", item.date + dt.timedelta(days=1))
        ev.add("transp", "OPAQUE")
        ev.add("class", "PRIVATE")
        cal.add_component(ev)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


@dataclass(frozen=True)
class IcsResult:
    path: Path
    events: int
    sha256: str


def period(first: dt.date | None, last: dt.date | None, today: dt.date) -> tuple[dt.date, dt.date]:
    first = first or today
    last = last or first + dt.timedelta(days=DEFAULT_DAYS - 1)
    if last < first:
        raise BadInput("calendar.end_before_start")
    return first, last


def export_ics(
    session: Session,
    out: str | os.PathLike[str],
    *,
    first: dt.date | None = None,
    last: dt.date | None = None,
    lang: str = "da",
    today: dt.date | None = None,
    commit: Callable[[], None] | None = None,
    label: str | None = None,
) -> IcsResult:
    """Write the agenda of ``first``-``last`` to ``out``; audited as an export.

    ``commit`` commits the caller's transaction (default: ``session.commit``): the file
    is renamed into place only after the audit event is committed. ``label`` (the
    dialog's choice of how people are named) becomes the vault's ``calendar_label``
    setting first, in the same transaction, if it differs.
    """
    if label is not None and settings.get(session, "calendar_label") != label:
        settings.change(session, {"calendar_label": label})
    first, last = period(first, last, today or dt.date.today())
    target = Path(out)
    if not target.parent.exists():
        raise BadInput("folder_missing", parent=target.parent)
    if target.is_dir():
        raise BadInput("calendar.target_is_folder", target=target)
    how = str(settings.get(session, "calendar_label"))
    chosen = agenda.items(session, first, last)
    data = build_ics(chosen, how if how in LABELS else "ref", lang)
    digest = hashlib.sha256(data).hexdigest()

    def record(_sha256: str) -> None:
        # Counts and the period only: no refs, no file name (it may hold a name).
        audit.record(
            session,
            "calendar_export",
            {
                "from": first.isoformat(),
                "to": last.isoformat(),
                "events": len(chosen),
                "sessions": sum(1 for i in chosen if i.kind == "session"),
                "label": how,
                "sha256": digest,
            },
        )
        # And in each person's own log (their own copy shows it): their appointments
        # left the vault, as a ref or initials and a time.
        per_person = Counter(i.participant_id for i in chosen if i.kind == "session")
        uids = {
            pid: uid
            for pid, uid in session.execute(
                select(Participant.id, Participant.uid).where(Participant.id.in_(list(per_person)))
            ).all()
        }
        audit.record_many(
            session,
            [
                ("calendar_export", {"events": n, "label": how}, uids[pid])
                for pid, n in sorted(per_person.items(), key=lambda x: x[0] or 0)
                if pid in uids
            ],
        )
        try:
            (commit or session.commit)()
        except OSError as exc:
            raise WriteFailed(
                "calendar.write_failed", name=target.name, value=exc.strerror or exc
            ) from exc

    reveal_after(target, data, record)
    return IcsResult(target, len(chosen), digest)
