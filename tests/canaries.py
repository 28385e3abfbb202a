"""A participant whose every text field holds a unique canary string (security tests).

Shared by the canary, erasure and crash tests: one place that knows every text field
of the participant file, so a new field is added here once.
"""

from __future__ import annotations

from typing import Any

# CPR canaries must be valid CPR numbers; their digits are unusual enough to be unique.
CPR_BY_TAG = {"A": "290288-9713", "B": "170371-9845", "C": "050505-9357"}


def canary(tag: str, field: str) -> str:
    return f"Kanarie{tag}x{field}Q7"


def canary_person(tag: str, ref: str | None = None) -> dict[str, Any]:
    c = lambda f: canary(tag, f)  # noqa: E731
    return {
        "ref": ref or c("ref"),
        "name": c("name") + " Ærøsdóttir",
        "cpr": CPR_BY_TAG[tag],
        "email": c("email").lower() + "@example.org",
        "phone": "+45 " + {"A": "71 93 28 46", "B": "63 58 19 27", "C": "52 86 31 94"}[tag],
        "caseworker": {
            "name": c("cwname"),
            "municipality": c("municipality"),
            "email": c("cwemail").lower() + "@kommune.example",
            "case_ref": c("caseref"),
        },
        "referral_date": "2026-01-05",
        "course_start": "2026-01-12",
        "status": "dropped_out",
        "dropped_out": {"date": "2026-03-02", "reason": c("dropreason")},
        "consent": {"given_on": "2026-01-12", "scope": ["course"], "withdrawn_on": None},
        "assessments": [
            {"kind": "screening", "date": "2026-01-12", "answers": [3, 3, 4, 1, 1, 4, 2, 1, 3, 3]}
        ],
        "sessions": [
            {
                "date": "2026-02-10",
                "start": "10:00",
                "minutes": 60,
                "mode": "in_person",
                "status": "held",
                "week": 5,
                "themes": ["boundaries_time"],
                "notes": c("notes"),
                "quotes": c("quotes"),
                "actions": [c("action")],
                "ratings": {"energy": 4},
            }
        ],
        "group_attendance": [{"date": "2026-01-14", "present": True}],
        "job_plan": {
            "values": [c("value")],
            "direction": c("direction"),
            "goals": [{"text": c("goal"), "due": "2026-03-01", "status": "open"}],
            "accommodations": [
                {"category": "hours", "description": c("accommodation"), "until": "2026-05-01"}
            ],
            "hours_now": 10,
            "hours_target": 30,
            "hours_steps": [{"from": "2026-03-01", "hours": 15}],
            "updated_on": "2026-02-20",
        },
        "outcome": {"status": "sick_leave", "hours_per_week": 0, "date": "2026-03-02"},
        "report_summary": c("summary"),
    }


def needles(tag: str) -> list[str]:
    """Every string that must not be found once the person is gone (or at rest)."""
    p = canary_person(tag)
    out = [f"Kanarie{tag}x", p["cpr"], p["cpr"].replace("-", ""), p["phone"][4:]]
    return out


def document(*people: dict[str, Any]) -> dict[str, Any]:
    return {"format": "coachdesk.participants", "version": 1, "participants": list(people)}


PAGE = 4096
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512 at the end of each page


def _decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    d = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return d.update(page[16 if first else 0 : PAGE - RESERVE]) + d.finalize()


def decrypted_pages(db_path, key: bytes) -> bytes:
    """Every page of the database file and of its WAL, decrypted with the raw key:
    live, free and stale pages alike. What someone with the key could find."""
    from pathlib import Path

    db_path = Path(db_path)
    raw = db_path.read_bytes()
    out = [_decrypt_page(raw[i : i + PAGE], key, i == 0) for i in range(0, len(raw), PAGE)]
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        w = wal.read_bytes()
        for off in range(32, len(w) - PAGE + 1, 24 + PAGE):
            page_no = int.from_bytes(w[off : off + 4], "big")
            out.append(_decrypt_page(w[off + 24 : off + 24 + PAGE], key, page_no == 1))
    return b"".join(out)


def dump(db_path, key: bytes) -> str:
    """Every row of every table (and the schema), through a keyed connection."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(db_path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        lines = []
        tables = conn.execute("SELECT name, sql FROM sqlite_master").fetchall()
        for name, sql in tables:
            lines.append(str(sql))
            if sql and sql.startswith("CREATE TABLE"):
                for row in conn.execute(f'SELECT * FROM "{name}"'):
                    lines.append(repr(row))
        return "\n".join(lines)
    finally:
        conn.close()
