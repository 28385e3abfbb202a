"""The bulk export's records at their quicker speed (issue 19 item 1): the same hashes,
the same rows as SQLAlchemy reads them, and no PDF code loaded for a JSON export."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
from typing import Any, cast

from sqlalchemy import Table, select

from coachdesk.store import audit
from coachdesk.store.models import Disclosure, Participant


def _value(r: random.Random, depth: int = 0) -> Any:
    k = r.random()
    if depth > 3 or k < 0.45:
        return r.choice(
            [None, True, False, 0, -7, 2**60, 1.5, -0.1, 1e300, "", "æøå", 'q"\\/', "\x00\n", "€𝄞"]
        )
    if k < 0.7:
        return [_value(r, depth + 1) for _ in range(r.randint(0, 4))]
    return {
        r.choice(["b", "a", "Å", "a1", "", "z\n"]) + str(i): _value(r, depth + 1)
        for i in range(r.randint(0, 5))
    }


def test_audit_dumps_writes_what_json_dumps_writes():
    """The hashed text of an event or a disclosure is the stdlib's (sorted keys,
    compact, ASCII), byte for byte: a different text would break every chain."""
    r = random.Random(8)
    for _ in range(3000):
        v = {"detail": _value(r), "subject": r.choice([None, "u1"]), "nonce": "ab" * 16}
        want = json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        assert audit._dumps(v) == want.encode()
    # Not a dict: the stdlib itself.
    assert audit._dumps([1, "ø"]) == b'[1,"\\u00f8"]'


def test_stored_disclosures_are_the_rows_select_reads(vault):
    """The commit hook reads the disclosure rows through the cursor: every field equals
    SQLAlchemy's reading of the same row, so every keyed hash is the same."""
    with vault.session() as s:
        people = [Participant(ref=f"R-{i}", name=f"P {i}") for i in range(3)]
        s.add_all(people)
        s.flush()
        variants: list[dict[str, Any]] = [
            {"recipient": None, "sections": [], "encrypted": False, "channel": None},
            {"recipient": "Kommune Æ", "sections": ["a", "b"], "encrypted": True},
            {"recipient": "x", "sections": ["full_record"], "channel": "digital_post"},
            {"recipient": "y", "sections": None, "encrypted": False},
        ]
        for i, extra in enumerate(variants):
            s.add(
                Disclosure(
                    participant_id=people[i % 3].id,
                    at=dt.datetime(2026, 12, 2, 3, 40, 7, 123456 * (i % 2)),
                    kind="json",
                    sha256=f"{i:064x}",
                    **extra,
                )
            )
        s.commit()
        dtab = cast(Table, Disclosure.__table__)
        want = {r.id: r for r in s.execute(select(dtab))}
        got = audit._stored_disclosures(s, dtab, sorted(want))
        assert sorted(got) == sorted(want)
        key = audit.chain_key(s)
        for did, row in want.items():
            for name in audit._DISCLOSURE_COLUMNS:
                assert getattr(got[did], name) == getattr(row, name), name
            assert audit.disclosure_mac(key, got[did]) == audit.disclosure_mac(key, row)
        assert audit.verify(s) == []


def test_json_export_path_loads_no_pdf_code():
    """The JSON export's modules (reports/export.py's write_recorded and
    record_json_export) do not import reportlab or the report sections: 0.3-0.4 s of a
    command that writes no PDF."""
    code = (
        "import sys, coachdesk.reports.export, coachdesk.cli.data_commands;"
        "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'pikepdf',"
        " 'coachdesk.reports.sections', 'coachdesk.reports.content'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
