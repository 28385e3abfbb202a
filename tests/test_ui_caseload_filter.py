"""The caseload model's own search and filters (typing narrows, deleting widens)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from coachdesk.core.course import Due
from coachdesk.store.caseload import CaseloadRow, search_key
from coachdesk.ui.caseload_model import CaseloadModel

NAMES = ["Ida Jensen", "Idun Holm", "Søren Ærø", "Anne Idsø", "Bo Bæk"]


def row(i: int, name: str, status: str = "individual_phase", overdue: bool = False):
    ref = f"R-{i}"
    return CaseloadRow(
        id=i,
        uid=str(i),
        name=name,
        ref=ref,
        status=status,
        course_start=None,
        week=None,
        due=(Due("session", overdue=overdue),) if overdue else (),
        last_session=None,
        sessions_held=0,
        pss_before=None,
        pss_after=None,
        archived=False,
        consent_withdrawn=False,
        search_key=search_key(name, ref),
    )


def shown(model: CaseloadModel) -> list[str]:
    return [model.row_at(r).name for r in range(model.rowCount())]


def test_search_status_and_attention(qapp):
    m = CaseloadModel()
    m.set_rows(
        [
            row(0, NAMES[0]),
            row(1, NAMES[1], "completed"),
            row(2, NAMES[2]),
            row(3, NAMES[3], overdue=True),
            row(4, NAMES[4]),
        ]
    )
    m.set_filter("id", None, False)
    assert shown(m) == ["Ida Jensen", "Idun Holm", "Anne Idsø"]
    m.set_filter("ida", None, False)  # narrows
    assert shown(m) == ["Ida Jensen"]
    m.set_filter("i", None, False)  # widens again
    assert shown(m) == ["Ida Jensen", "Idun Holm", "Anne Idsø"]
    m.set_filter("", "completed", False)
    assert shown(m) == ["Idun Holm"]
    m.set_filter("", None, True)
    assert shown(m) == ["Anne Idsø"]
    m.set_filter("SØREN", None, False)  # case-insensitive, Danish letters
    assert shown(m) == ["Søren Ærø"]
    m.set_filter("r-4", None, False)  # the ref too
    assert shown(m) == ["Bo Bæk"]
    assert m.total() == 5


def test_sort_keeps_the_filter(qapp):
    m = CaseloadModel()
    m.set_rows([row(i, n) for i, n in enumerate(NAMES)])
    m.set_filter("id", None, False)
    m.sort(0, Qt.SortOrder.DescendingOrder)
    assert shown(m) == ["Idun Holm", "Ida Jensen", "Anne Idsø"]


@settings(max_examples=60, deadline=None)
@given(steps=st.lists(st.text(alphabet="idaøæåÅÆ\u030a n-", max_size=4), min_size=1, max_size=6))
def test_any_typing_sequence_matches_a_fresh_filter(qapp, steps):
    """Whatever is typed, in any order of narrowing and widening, the rows shown are
    those whose name or ref holds it, letter case and composition aside: the Danish
    order's letter map (store/caseload.search_text) is invisible to the search."""
    m = CaseloadModel()
    rows = [row(i, n) for i, n in enumerate([*NAMES, "Åse Aa\u030by", "Ærlig Å"])]
    m.set_rows(rows)

    def plain(t: str) -> str:
        return unicodedata.normalize("NFC", t).casefold()

    for text in steps:
        m.set_filter(text, None, False)
        needle = plain(text.strip())
        assert shown(m) == [r.name for r in rows if needle in plain(f"{r.name}\x1f{r.ref}")]


def _rich_row(i: int):
    import datetime as dt

    statuses = ["referred", "individual_phase", "completed", "group_phase"]
    return CaseloadRow(
        id=i,
        uid=str(i),
        name=f"Person {(i * 7) % 23:02d}",
        ref=f"R-{(i * 5) % 17:02d}-{i}",
        status=statuses[i % 4],
        course_start=None,
        week=None if i % 5 == 0 else i % 13,
        due=(Due("final_pss", overdue=i % 3 == 0),) if i % 2 else (),
        last_session=None if i % 6 == 0 else dt.date(2026, 1 + i % 12, 1 + i % 27),
        sessions_held=i % 8,
        pss_before=None if i % 4 == 0 else 10 + i % 25,
        pss_after=None,
        archived=False,
        consent_withdrawn=False,
        search_key=f"person {i}",
    )


@settings(max_examples=40, deadline=None)
@given(
    sorts=st.lists(st.tuples(st.integers(0, 6), st.booleans()), min_size=1, max_size=5),
    peek=st.lists(st.integers(0, 29), max_size=6),
)
def test_lazy_text_and_keys_follow_every_sort(qapp, sorts, peek):
    """Text is made when a row is first shown, keys at a column's first sort: whatever
    was made before a sort must move with its row, and every column sorts correctly."""
    from coachdesk.ui.caseload_model import SORT_ROLE

    rows = [_rich_row(i) for i in range(30)]
    fresh = CaseloadModel()
    fresh.set_rows(rows)
    text_of = {
        fresh.row_at(r).id: [fresh.data(fresh.index(r, c)) for c in range(7)] for r in range(30)
    }
    m = CaseloadModel()
    m.set_rows(list(rows))
    for r in peek:  # some rows painted before the first sort
        m.data(m.index(r, 2))
    for column, descending in sorts:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        m.sort(column, order)
        keys = [m.data(m.index(r, column), SORT_ROLE) for r in range(30)]
        assert keys == sorted(keys, reverse=descending)
        for r in range(30):
            assert [m.data(m.index(r, c)) for c in range(7)] == text_of[m.row_at(r).id]


@settings(max_examples=40, deadline=None)
@given(
    column=st.integers(0, 6),
    first=st.sampled_from(["", "1", "person 2"]),
    second=st.sampled_from(["", "2", "3", "person"]),
    status=st.sampled_from([None, "completed", "referred"]),
    attention=st.booleans(),
)
def test_filters_after_a_sort_match_a_fresh_scan(qapp, column, first, second, status, attention):
    rows = [_rich_row(i) for i in range(30)]
    m = CaseloadModel()
    m.set_rows(list(rows))
    m.set_filter(first, None, False)  # the filter's lists are made in the first order...
    m.sort(column, Qt.SortOrder.DescendingOrder)  # ...and must follow the sort
    m.set_filter(second, status, attention)
    want = {
        r.id
        for r in rows
        if second in r.search_key
        and (status is None or r.status == status)
        and (not attention or r.needs_attention)
    }
    assert {m.row_at(i).id for i in range(m.rowCount())} == want


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        ("Søren Ærø-Østergaard", False),
        ("Łukasz Wójcik", False),
        ("Şahin Yılmaz", False),
        ("Nguyễn Văn An", False),
        ("DEMO-2026-00001 – ref… → 5", False),
        ("محمد العلي", True),
        ("Nguye\u0302\u0303n", True),
        ("Zoë\u0308", True),
        ("王小明", True),
        ("Ida 🙂", True),
        ("Јован", True),
    ],
)
def test_which_names_need_shaping(text, shaped):
    from coachdesk.ui.caseload_model import needs_shaping

    assert needs_shaping(text) is shaped


def test_names_that_need_shaping_are_drawn_as_with_shaping(qtbot):
    """The table skips OpenType shaping for speed; a name in a joining script or with
    combining accents must still look exactly as with shaping on."""
    from PySide6.QtGui import QFont

    from coachdesk.ui.caseload_model import without_shaping
    from coachdesk.ui.caseload_view import CaseloadTable

    names = ["محمد العلي", "Nguye\u0302\u0303n Van", "Ida Jensen"]
    m = CaseloadModel()
    m.set_rows([row(i, n) for i, n in enumerate(names)])
    assert m.data(m.index(0, 0), Qt.ItemDataRole.FontRole) is not None
    assert m.data(m.index(2, 0), Qt.ItemDataRole.FontRole) is None  # plain Latin: the table's

    def cell_images(font: QFont) -> list:
        t = CaseloadTable()
        qtbot.addWidget(t)
        t.setFont(font)
        t.setModel(m)
        t.resize(600, 200)
        t.show()
        qtbot.waitExposed(t)
        shot = t.viewport().grab().toImage()
        return [shot.copy(t.visualRect(m.index(r, 0))) for r in range(2)]

    fast = cell_images(without_shaping(QFont()))
    reference = cell_images(QFont())  # shaping everywhere
    assert fast == reference
