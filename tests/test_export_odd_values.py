"""The streamed export's reading of stored values (issue 19 item 1): values whose text a
converter could change come out exactly as the ORM document writes them."""

from __future__ import annotations

import datetime as dt
import io
import json

from coachdesk.core import pss10
from coachdesk.store import interchange
from coachdesk.store.models import (
    Assessment,
    GroupAttendance,
    JobPlanVersion,
    Participant,
    ReportFields,
    SessionLog,
)

TODAY = dt.date(2026, 11, 27)
PARAMS = pss10.Params()
STAMP = "2026-11-27T10:00:00+01:00"
ODD_TEXT = 'a "quote", a \\ backslash, \x01\x1f\t\n, \u2028, ø, 𝄞 and \x7f'
ODD_FLOATS = [0.1 + 0.2, 1 / 3, 1e300, 5e-324, 2.0**60, 37.0, -0.0]


def _odd_vault(vault, n: int = 12) -> None:
    """People written through the ORM (no import rules), with the values whose text a
    JSON writer other than Python's could change: floats needing 17 digits, huge and
    tiny ones, control characters, quotes, backslashes, characters outside the BMP,
    booleans, NULLs, empty lists, nested JSON."""
    with vault.session() as s:
        for i in range(n):
            f = ODD_FLOATS[i % len(ODD_FLOATS)]
            p = Participant(
                ref=f"ODD-{i:03d}",
                name=f"Navn {i} {ODD_TEXT}",
                email=None if i % 2 else "x@example.org",
                course_start=dt.date(2026, 1, 5),
                referral_date=dt.date(2025, 12, 1),
                consent_scope=[] if i % 3 else ["course", ODD_TEXT],
                consent_given_on=dt.date(2026, 1, 5) if i % 3 == 0 else None,
                outcome_status="work_partial" if i % 2 else None,
                outcome_hours=f if i % 2 else None,
                outcome_date=dt.date(2026, 4, 1) if i % 2 else None,
            )
            s.add(p)
            s.flush()
            for k in range(i % 4):
                s.add(
                    SessionLog(
                        participant_id=p.id,
                        date=dt.date(2026, 1, 10 + k),
                        start="09:15",
                        minutes=45 + k,
                        notes=ODD_TEXT if k % 2 else None,
                        themes=[] if k % 2 else ["psychoeducation", ODD_TEXT],
                        actions=[ODD_TEXT],
                        ratings={"energy": k, "odd": f, "nested": [f, {"x": None}]},
                        next_appointment=dt.datetime(2026, 2, 1, 9, 15) if k == 1 else None,
                    )
                )
                s.add(
                    GroupAttendance(
                        participant_id=p.id,
                        date=dt.date(2026, 1, 6 + k),
                        present=bool(k % 2),
                        excused=k == 2,
                    )
                )
            s.add(
                Assessment(
                    participant_id=p.id,
                    kind="screening",
                    date=dt.date(2026, 1, 5),
                    instrument="pss10",
                    answers=[i % 5, 1, 2, 3, 4, 0, 1, 2, None if i % 4 == 1 else 3, 4],
                )
            )
            for version in (1, 2) if i % 2 else (1,):
                s.add(
                    JobPlanVersion(
                        participant_id=p.id,
                        version=version,
                        values=[ODD_TEXT, f"v{version}"],
                        direction=ODD_TEXT,
                        goals=[{"text": ODD_TEXT, "hours": f}],
                        hours_now=f,
                        hours_target=37.5,
                        hours_steps=[{"week": 1, "hours": f}],
                        updated_on=dt.date(2026, 2, version),
                    )
                )
            if i % 3 == 1:
                s.add(
                    ReportFields(
                        participant_id=p.id,
                        work_capacity=ODD_TEXT,
                        normal_hours=f,
                        hours_now=12.5,
                        step_plan=[{"week": 1, "hours": f}],
                        updated_on=dt.date(2026, 3, 1),
                    )
                )
        s.commit()


def _orm_bytes(vault) -> bytes:
    with vault.session() as s:
        people = interchange.load_participants(s)
        doc = {
            "format": interchange.FORMAT,
            "version": interchange.VERSION,
            "exported_at": STAMP,
            "participants": [
                interchange.participant_to_dict(p, today=TODAY, params=PARAMS) for p in people
            ],
        }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def test_odd_stored_values_are_exported_as_the_orm_reads_them(vault, monkeypatch):
    """Every value read from the rows (floats needing 17 digits, escapes, booleans,
    NULLs, nested JSON, the latest job plan) is the one the ORM reads, so the file is
    byte for byte the ORM document's."""
    _odd_vault(vault)
    monkeypatch.setattr(interchange, "exported_at", lambda: STAMP)
    monkeypatch.setattr(interchange, "EXPORT_SLICE", 5)
    want = _orm_bytes(vault)
    buf = io.BytesIO()
    with vault.session() as s:
        interchange.write_export(buf.write, s, None, today=TODAY, params=PARAMS)
    assert buf.getvalue() == want
    assert "0.30000000000000004" in want.decode() and "5e-324" in want.decode()
