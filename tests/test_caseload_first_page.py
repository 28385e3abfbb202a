"""The unlock's first page of the caseload is the prefix of the whole list (issue 19
item 4): one order, ``search_key`` (casefolded name, then ref) then id, read from
SQLite's index for the page and sorted in Python for the whole list. Python's str order
and SQLite's BINARY collation of UTF-8 are both code point order; these tests hold that
for names a caseload can hold (accents, ß, Greek, emoji, astral letters, equal names)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from coachdesk.store import caseload, interchange
from coachdesk.store.demo import demo_document

TODAY = dt.date(2026, 12, 2)
N = 40

HOSTILE = [
    ("Ærø Åse", "R-1"),
    ("aerø åse", "R-2"),
    ("Øster", "R-3"),
    ("Ostér", "R-4"),
    ("Straße", "R-5"),
    ("STRASSE", "R-6"),
    ("strasse", "r-6"),
    ("Σίσυφος", "R-7"),
    ("σίσυφοσ", "R-8"),
    ("Ann", "R-9"),
    ("Ann", "R-10"),  # equal names, refs in another order than the ids
    ("Ann", "r-10"),  # ... and equal search keys: by id
    ("Ann", "R-01"),
    ("Anna", "R-11"),
    ("Ann B", "R-12"),
    ("ann", "R-13"),
    ("İlker", "R-14"),
    ("ilker", "R-15"),
    ("Emoji 😀", "R-16"),
    ("Emoji 🙂", "R-17"),
    ("𝔄𝔫𝔫𝔞", "R-18"),  # mathematical letters (astral plane)
    ("𠜎 Chen", "R-19"),  # a CJK Extension B character (astral plane)
    ("", "R-20"),
    ("Zoë", ""),
    ("Zoe\u0308", "R-21"),  # the same name decomposed
    ("ﬀ ligature", "R-22"),
    ("Ω Ohm", "R-23"),
    ("Ω Omega", "R-24"),
    ("Ĳssel", "R-25"),
    ("Bo\tTab", "R-26"),
    ("Bo", "R-27"),
]


@pytest.fixture
def people(vault) -> list[int]:
    with vault.session() as s:
        interchange.import_document(s, demo_document(N, seed=3, today=TODAY), today=TODAY)
        s.commit()
        return list(s.execute(text("SELECT id FROM participant ORDER BY id")).scalars())


def _rename(vault, ids: list[int], names: list[tuple[str, str]], archived: list[bool]) -> None:
    """The people get these names and refs (and archived flags); the summary's triggers
    follow, as for any write. (Refs are unique: made so with the person's id where two
    are the same.)"""
    seen: set[str] = set()
    unique = []
    for pid, (name, ref) in zip(ids, names, strict=False):
        if ref in seen:
            ref = f"{ref}#{pid}"
        seen.add(ref)
        unique.append((name, ref))
    names = unique
    with vault.session() as s:
        s.execute(text("UPDATE participant SET ref = 'tmp-' || id"))
        for pid, (name, ref), arch in zip(ids, names, archived, strict=False):
            s.execute(
                text(
                    "UPDATE participant SET name = :n, ref = :r, search_key = :k, "
                    "archived = :a WHERE id = :id"
                ),
                {"n": name, "r": ref, "k": caseload.search_key(name, ref), "a": arch, "id": pid},
            )
        s.commit()


def _check_prefix(vault, first: int) -> None:
    for archived in (False, True):
        whole = vault.read_raw(caseload.read_caseload, TODAY, include_archived=archived)
        page = vault.read_raw(caseload.read_caseload, TODAY, include_archived=archived, first=first)
        assert whole.complete
        assert page.rows == whole.rows[:first]
        assert page.complete == (first >= len(whole.rows))
        assert page.today_appointments == whole.today_appointments
        # The whole list's order: the search key, then the id.
        assert [(r.search_key, r.id) for r in whole.rows] == sorted(
            (r.search_key, r.id) for r in whole.rows
        )
        # The ORM session's read is the same read.
        with vault.session() as s:
            assert caseload.load_caseload(s, TODAY, include_archived=archived) == whole


def test_the_first_page_of_hostile_names_is_the_prefix_of_the_whole_list(vault, people):
    archived = [i % 5 == 4 for i in range(len(HOSTILE))]
    _rename(vault, people, HOSTILE, archived)
    for first in (1, 5, 12, 29, N, N + 1, 500):
        _check_prefix(vault, first)
    whole = vault.read_raw(caseload.read_caseload, TODAY, include_archived=True)
    anns = [(r.name, r.ref) for r in whole.rows if r.name == "Ann"]
    # Name ties by ref; equal keys ("R-10", "r-10") by id.
    assert anns == [("Ann", "R-01"), ("Ann", "R-10"), ("Ann", "r-10"), ("Ann", "R-9")]


_NAME = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(
        st.tuples(_NAME, st.sampled_from(["", "A-1", "a-1", "B", "ß", "SS", "ss"])), max_size=N
    ),
    archived=st.lists(st.booleans(), min_size=N, max_size=N),
    first=st.integers(min_value=1, max_value=N + 2),
)
def test_the_first_page_is_the_prefix_of_the_whole_list_for_any_names(
    vault, people, names, archived, first
):
    _rename(vault, people, names, archived)
    _check_prefix(vault, first)


def test_rows_without_a_stored_search_key_read_the_whole_list(vault, people):
    """A row whose key was never stored sorts by the key worked out in Python, which
    SQLite's index does not know: the first page is given up for the whole list."""
    with vault.session() as s:
        s.execute(text("UPDATE participant SET search_key = '' WHERE id = :id"), {"id": people[7]})
        s.execute(
            text("UPDATE participant SET name = 'Aaron', search_key = '' WHERE id = :id"),
            {"id": people[3]},
        )
        s.commit()
    page = vault.read_raw(caseload.read_caseload, TODAY, first=5)
    whole = vault.read_raw(caseload.read_caseload, TODAY)
    assert page.complete and page.rows == whole.rows
    assert whole.rows[0].name == "Aaron"  # sorted by the key worked out for it
    assert whole.rows[0].search_key == caseload.search_key("Aaron", whole.rows[0].ref)


def test_the_first_page_is_read_along_the_order_index(vault, people):
    """EXPLAIN QUERY PLAN of the statements the page runs: the order index, no sort of
    the whole table (migration 0015)."""
    statements: list[str] = []

    def read(conn):  # type: ignore[no-untyped-def]
        conn.set_trace_callback(statements.append)
        try:
            caseload.read_caseload(conn, TODAY, first=10)
        finally:
            conn.set_trace_callback(None)
        page = next(q for q in statements if "LIMIT 11" in q and "caseload_summary" in q)
        assert "WHERE NOT archived" in page
        return [row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + page)]

    plan = vault.read_raw(read)
    assert any("ix_caseload_summary_order" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan


def test_the_instrument_plan_read_raw_is_the_orm_read(vault):
    from coachdesk.store import settings as vault_settings

    plans = [{"screening": ["pss10", "cbi"], "mid": ["who5"], "final": ["was"]}, "broken"]
    with vault.session() as s:
        assert vault.read_raw(vault_settings.instrument_schedule_raw) == (
            vault_settings.instrument_schedule(s)
        )
    for stored in plans:
        with vault.session() as s:
            vault_settings.put(s, "instrument_schedule", stored)
            s.commit()
        with vault.session() as s:
            assert vault.read_raw(vault_settings.instrument_schedule_raw) == (
                vault_settings.instrument_schedule(s)
            )


def test_the_caseload_module_imports_without_sqlalchemy():
    """The unlock worker reads the first page before SQLAlchemy need be loaded."""
    code = (
        "import sys; import coachdesk.store.caseload; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
