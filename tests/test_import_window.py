"""The import reads a file once, from a window of its text (issue 19 item 1): the bytes
a chunk at a time, decoded without splitting a character, each participant decoded from
the window (grown when one is cut off), every refusal worded and placed (line, column)
as the whole-file parse places it, invalid UTF-8 anywhere refused before anything is
written, and the slices written before a refusal taken back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from canaries import canary_person
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from coachdesk.cli.main import main
from coachdesk.errors import BadInput
from coachdesk.store import interchange
from coachdesk.store.demo import demo_document
from coachdesk.store.models import Participant

TODAY = dt.date(2026, 11, 27)


def _file(n: int = 40, seed: int = 4) -> bytes:
    doc = demo_document(n, seed=seed, today=TODAY)
    # Characters of 2, 3 and 4 bytes in UTF-8 all through the file.
    for i, p in enumerate(doc["participants"]):
        p["name"] = f"Søren Ærø € 𝄞 {i}"
    return interchange.dumps(doc)


def _whole(data: bytes) -> str:
    """The whole-file parse's verdict (json.loads of all the text): the reference."""
    try:
        interchange.parse_text(interchange.decode_text(data))
    except BadInput as exc:
        return str(exc)
    return "ok"


def _windowed(data: bytes) -> str:
    try:
        interchange.check_syntax(data)
    except BadInput as exc:
        return str(exc)
    return "ok"


def _count(s) -> int:
    return s.execute(select(func.count()).select_from(Participant)).scalar() or 0


def test_multibyte_characters_across_every_window_boundary(vault, monkeypatch):
    """Chunks of 7 bytes: every 2-, 3- and 4-byte character of the names is cut
    somewhere; the people stored are the file's, character for character."""
    monkeypatch.setattr(interchange, "READ_CHUNK", 7)
    data = _file(25)
    with vault.session() as s:
        r = interchange.import_document(s, data, today=TODAY)
        s.commit()
        names = sorted(s.execute(select(Participant.name)).scalars())
    assert r.added == 25
    assert names == sorted(f"Søren Ærø € 𝄞 {i}" for i in range(25))


def test_an_error_late_in_a_file_of_many_windows_is_placed_as_before(vault, monkeypatch):
    """A syntax error near the end of a file of many windows: the same line and column
    as the whole-file parse, and nothing written (slices had been)."""
    data = _file(300)
    cut = data.rindex(b'"ref"')
    broken = data[:cut] + b'"ref" "X",' + data[cut + len(b'"ref":') :]
    want = _whole(broken)
    assert "line" in want and "column" in want
    monkeypatch.setattr(interchange, "READ_CHUNK", 4096)
    monkeypatch.setattr(interchange, "IMPORT_SLICE", 50)
    written = []
    real = interchange._bulk_insert

    def bulk(session, people, today):
        written.append(len(people))
        return real(session, people, today)

    monkeypatch.setattr(interchange, "_bulk_insert", bulk)
    with vault.session() as s:
        with pytest.raises(BadInput) as err:
            interchange.import_document(s, broken, today=TODAY)
        assert str(err.value) == want
        assert sum(written) >= 250  # slices were written before the error was read...
        assert _count(s) == 0  # ...and taken back by the savepoint
    assert _windowed(broken) == want


def test_a_bad_person_after_written_slices_leaves_the_session_as_it_was(vault, monkeypatch):
    monkeypatch.setattr(interchange, "READ_CHUNK", 10_000)
    monkeypatch.setattr(interchange, "IMPORT_SLICE", 20)
    doc = demo_document(120, seed=5, today=TODAY, first_number=10)
    bad = canary_person("B", ref="LATE-2")
    bad["sessions"][0]["date"] = "2026-02-30"
    doc["participants"].append(bad)
    with vault.session() as s:
        s.add(Participant(ref="KEEP-1", name="Kept"))  # pending, the caller's own
        with pytest.raises(BadInput) as err:
            interchange.import_document(s, interchange.dumps(doc), today=TODAY)
        assert err.value.errors and all("participants[120]" in e for e in err.value.errors)
        assert _count(s) == 1  # the caller's own row, not the imported slices
        s.commit()


def test_invalid_utf8_after_a_syntax_error_is_refused_as_not_utf8(vault):
    """As before: the bytes are checked whole before any of them is read as JSON."""
    data = _file(30)
    broken = data[:200] + b"}}}" + data[200:-20] + b"\xff" + data[-20:]
    with vault.session() as s:
        with pytest.raises(BadInput) as err:
            interchange.import_document(s, broken, today=TODAY)
        assert _count(s) == 0
    assert str(err.value) == _whole(broken)
    assert "UTF-8" in str(err.value)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(0, 10**6),
    st.sampled_from([b"", b",", b"}", b"]", b'"', b"\\", b"1e999", b"NaN", b"\xc3", b"{", b"\n"]),
    st.booleans(),
    st.sampled_from([3, 64, 4096]),
)
def test_any_damage_is_refused_in_the_same_words_and_place(where, junk, truncate, chunk):
    """A file damaged anywhere (a character inserted, or the rest cut off), read in
    windows of a few bytes to a few kilobytes: the same verdict as the whole-file parse."""
    data = SMALL
    at = where % (len(data) + 1)
    damaged = data[:at] if truncate else data[:at] + junk + data[at:]
    want = _whole(damaged)
    old = interchange.READ_CHUNK
    interchange.READ_CHUNK = chunk
    try:
        assert _windowed(damaged) == want
    finally:
        interchange.READ_CHUNK = old


SMALL = _file(3, seed=9)


def test_the_command_line_never_reads_the_file_whole(
    data_dir, vault, passphrase_file, tmp_path, monkeypatch
):
    src = tmp_path / "people.json"
    src.write_bytes(_file(12))

    real = Path.read_bytes

    def whole(self):
        assert Path(self) != src, "the whole file was read"
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", whole)
    monkeypatch.setattr(interchange, "READ_CHUNK", 1000)
    vault.close()
    rc = main(
        ["--data-dir", str(data_dir), "import", str(src), "--passphrase-file", str(passphrase_file)]
    )
    assert rc == 0


@pytest.mark.parametrize(
    "hostile",
    [
        b'"name": "A", "name": "B", ',  # a field given twice
        b'"notes": [' * 3000 + b"1" + b"]" * 3000 + b", ",  # deeper than the parser goes
        b'"birth_year": NaN, ',
        b'"birth_year": 1e999, ',
        b'"birth_year": ' + b"9" * 5000 + b", ",
    ],
)
def test_hostile_values_across_window_boundaries_are_refused_as_before(vault, monkeypatch, hostile):
    """A hostile value in a late participant of a file of many small windows: refused
    with the whole-file parse's words, nothing written."""
    data = _file(40)
    at = data.rindex(b'"ref"')
    bad = data[:at] + hostile + data[at:]
    want = _whole(bad)
    assert want != "ok"
    for chunk in (5, 97, 4096):
        monkeypatch.setattr(interchange, "READ_CHUNK", chunk)
        assert _windowed(bad) == want
        with vault.session() as s:
            with pytest.raises(BadInput) as err:
                interchange.import_document(s, bad, today=TODAY)
            assert str(err.value) == want
            assert _count(s) == 0
