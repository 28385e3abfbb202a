"""Attack: the calendar export (.ics) leaks health data or a person's identity (issue 14).

A calendar file goes to phones and cloud calendars. A canary participant with every
text field filled (tests/canaries.py) and a planned session full of notes, themes and
ratings is exported; the file must parse twice (icalendar, and an independent reading
of RFC 5545's content lines and folding written here) and hold no name, CPR number,
phone, theme, note, canary text or health word.
"""

from __future__ import annotations

import datetime as dt
import re

import icalendar
from canaries import CPR_BY_TAG, canary_person, needles

from coachdesk.cli.main import main
from coachdesk.core import vocab
from coachdesk.store import agenda, interchange, settings
from coachdesk.store.vault import Vault

TODAY = dt.date.today()
START = TODAY - dt.timedelta(weeks=5)
PASSPHRASE = "correct horse battery"  # tests/conftest.py
HEALTH_WORDS = (
    "stress",
    "pss",
    "sygemeld",
    "sick",
    "angst",
    "depression",
    "udbrændt",
    "burnout",
    "helbred",
    "health",
    "diagnos",
    "psyk",
    "terapi",
    "symptom",
)


def _person(tag: str, mode: str) -> dict:
    p = canary_person(tag)
    p |= {
        "status": "individual_phase",
        "dropped_out": None,
        "outcome": None,
        "referral_date": (START - dt.timedelta(days=7)).isoformat(),
        "course_start": START.isoformat(),
        "consent": {"given_on": START.isoformat(), "scope": ["course"], "withdrawn_on": None},
        "assessments": [],
        "group_attendance": [],
        "job_plan": None,
    }
    p["sessions"] = [
        {
            "date": (TODAY + dt.timedelta(days=2)).isoformat(),
            "start": "10:15",
            "minutes": 50,
            "mode": mode,
            "status": "planned",
            "themes": list(vocab.THEMES[:3]),
            "notes": p["report_summary"] + " stress",
            "quotes": "stressed",
            "actions": ["stress"],
            "ratings": {"energy": 2},
        }
    ]
    return p


def unfold(raw: bytes) -> list[str]:
    """RFC 5545 section 3.1, read independently: CRLF line ends, no line over 75 octets,
    a continuation line starts with one space or tab that is removed when unfolding."""
    assert raw.endswith(b"\r\n")
    physical = raw[:-2].split(b"\r\n")
    out: list[bytes] = []
    for line in physical:
        assert b"\n" not in line and b"\r" not in line
        assert len(line) <= 75, line
        if line[:1] in (b" ", b"\t"):
            assert out, "a continuation line cannot come first"
            out[-1] += line[1:]
        else:
            out.append(line)
    text = [b.decode("utf-8") for b in out]
    for line in text:
        assert re.match(r"^[A-Z][A-Z0-9-]*[;:]", line), line  # name, then params or value
    return text


def test_ics_holds_no_names_cpr_or_health_words(vault, data_dir, passphrase_file, tmp_path) -> None:
    doc = {
        "format": "coachdesk.participants",
        "version": 1,
        "participants": [_person("A", "phone"), _person("B", "video")],
    }
    with vault.session() as s:
        interchange.import_document(s, doc)
        agenda.add_group_session(s, START, TODAY + dt.timedelta(days=1), "13:00", 120)
        s.commit()
    for how in ("ref", "initials"):
        with vault.session() as s:
            settings.put(s, "calendar_label", how)
            s.commit()
        vault.close()
        out = tmp_path / f"{how}.ics"
        assert (
            main(
                [
                    "--data-dir",
                    str(data_dir),
                    "--lang",
                    "da",
                    "agenda",
                    "--ics",
                    str(out),
                    "--passphrase-file",
                    str(passphrase_file),
                ]
            )
            == 0
        )
        raw = out.read_bytes()
        lines = unfold(raw)
        cal = icalendar.Calendar.from_ical(raw)
        events = cal.walk("VEVENT")
        assert len(events) == 3
        assert sum(1 for ln in lines if ln == "BEGIN:VEVENT") == 3
        text = "\n".join(lines).casefold()
        for tag in ("A", "B"):
            for needle in needles(tag):
                # The ref is the label the coach chose; everything else never appears.
                if how == "ref" and needle == f"Kanarie{tag}x":
                    continue
                assert needle.casefold() not in text, needle
            assert CPR_BY_TAG[tag].replace("-", "") not in text
            assert "ærøsdóttir" not in text
        if how == "ref":
            assert canary_person("A")["ref"].casefold() in text
            assert "kanarieaxname" not in text and "kanarieaxnotes" not in text
        for word in (*HEALTH_WORDS, *(t.casefold() for t in vocab.THEMES)):
            assert word not in text, word
        # Every property an event may carry, and nothing else.
        for ev in events:
            assert set(ev.keys()) <= {
                "UID",
                "DTSTAMP",
                "SUMMARY",
                "DTSTART",
                "DTEND",
                "DURATION",
                "TRANSP",
                "CLASS",
            }
        vault = Vault.open(data_dir, passphrase=PASSPHRASE)
    vault.close()
