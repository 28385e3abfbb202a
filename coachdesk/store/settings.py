"""Settings kept inside the vault (they shape reports or are about people).

Machine-level, non-personal preferences (window layout, language) live in QSettings
in the UI layer; everything here is encrypted with the data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from coachdesk.core import pss10, schedule

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# No SQLAlchemy at import time: the caseload's first screenful at unlock reads the
# schedule through the driver (instrument_schedule_raw) before SQLAlchemy is loaded
# (issue 19); the ORM functions import the model when called.

DEFAULTS: dict[str, Any] = {
    "admission_threshold": pss10.DEFAULT_THRESHOLD,
    "pss_sd": pss10.DEFAULT_SD,
    "pss_r": pss10.DEFAULT_R,
    "retention_months": 12,
    "coach_name": "",
    "organisation": "",
    "backup_dir": "",
    # The folder the last report was exported to (in the vault: a path can name a person).
    "export_dir": "",
    # The coach's contact details, printed on every report (asked for once at export).
    "coach_contact": "",
    # Which questionnaires the course measures at which point (core/schedule.py).
    "instrument_schedule": {k: list(v) for k, v in schedule.DEFAULT.items()},
    # Optional sub-scales the course leaves out, "instrument.scale" (e.g. "cbi.client").
    "omitted_scales": [],
    # What a calendar export (.ics) calls a participant: "ref" or "initials", never the
    # name (store/calendar_export.py).
    "calendar_label": "ref",
    "demo_mark": "",  # store/demo_mark.py: set by `demo` while the vault holds only its people
}


def _stored(key: str, value: dict[str, Any] | None) -> Any:
    """The setting ``key`` from its row's JSON value (None: no row)."""
    return DEFAULTS[key] if value is None else value.get("v", DEFAULTS[key])


def get(session: Session, key: str) -> Any:
    from coachdesk.store.models import Setting

    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(Setting, key)
    return _stored(key, None if row is None else row.value)


def get_raw(conn: Any, key: str) -> Any:
    """``get`` on the driver's own connection (models.Setting's JSON text, as the ORM
    stores it), for the reads that run before SQLAlchemy is loaded."""
    if key not in DEFAULTS:
        raise KeyError(key)
    cur = conn.cursor()
    try:
        row = cur.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    finally:
        cur.close()
    return _stored(key, None if row is None or row[0] is None else json.loads(row[0]))


def put(session: Session, key: str, value: Any) -> None:
    from coachdesk.store.models import Setting

    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value={"v": value}))
    else:
        row.value = {"v": value}


def pss_params(session: Session) -> pss10.Params:
    return pss10.Params(
        threshold=int(get(session, "admission_threshold")),
        sd=float(get(session, "pss_sd")),
        r=float(get(session, "pss_r")),
    )


def instrument_schedule(session: Session) -> dict[str, tuple[str, ...]]:
    """The course's schedule of questionnaires; the default if the stored one no longer
    names known questionnaires (a vault from a build with more of them)."""
    return _schedule(get(session, "instrument_schedule"))


def instrument_schedule_raw(conn: Any) -> dict[str, tuple[str, ...]]:
    """``instrument_schedule`` on the driver's own connection (the same rule)."""
    return _schedule(get_raw(conn, "instrument_schedule"))


def _schedule(value: object) -> dict[str, tuple[str, ...]]:
    try:
        return schedule.check(value)
    except ValueError:
        return dict(schedule.DEFAULT)


def put_instrument_schedule(session: Session, value: object) -> None:
    """Store a schedule after schedule.check (ValueError says what is wrong)."""
    put(session, "instrument_schedule", {k: list(v) for k, v in schedule.check(value).items()})


def omitted_scales(session: Session) -> frozenset[str]:
    """The optional sub-scales the course leaves out ("cbi.client")."""
    value = get(session, "omitted_scales")
    return (
        frozenset(v for v in value if isinstance(v, str))
        if isinstance(value, list)
        else frozenset()
    )


def get_many(session: Session, keys: Iterable[str]) -> dict[str, Any]:
    return {k: get(session, k) for k in keys}


def change(session: Session, values: dict[str, Any]) -> None:
    """The coach changed these settings: store each (the schedule checked) and record
    one ``settings_changed`` event naming the keys (never the values)."""
    from coachdesk.store import audit  # (audit reads the key's salt from Setting rows)

    for key, value in values.items():
        if key == "instrument_schedule":
            put_instrument_schedule(session, value)
        else:
            put(session, key, value)
    audit.record(session, "settings_changed", {"keys": list(values)})
