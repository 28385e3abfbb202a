"""The caseload model's own search and filters (typing narrows, deleting widens)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from coachdesk.core.course import Due
from coachdesk.store.caseload import CaseloadRow
from coachdesk.ui.caseload_model import CaseloadModel

NAMES = ["Ida Jensen", "Idun Holm", "Søren Ærø", "Anne Idsø", "Bo Bæk"]


def row(i: int, name: str, status: str = "individual_phase", overdue: bool = False):
    ref = f"R-{i}"
    return CaseloadRow(id=i, uid=str(i), name=name, ref=ref, status=status, course_start=None,
                       week=None, due=(Due("session", overdue=overdue),) if overdue else (),
                       last_session=None, sessions_held=0, pss_before=None, pss_after=None,
                       archived=False, consent_withdrawn=False,
                       search_key=f"{name}\x1f{ref}".casefold())


def shown(model: CaseloadModel) -> list[str]:
    return [model.row_at(r).name for r in range(model.rowCount())]


def test_search_status_and_attention(qapp):
    m = CaseloadModel()
    m.set_rows([row(0, NAMES[0]), row(1, NAMES[1], "completed"), row(2, NAMES[2]),
                row(3, NAMES[3], overdue=True), row(4, NAMES[4])])
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
@given(steps=st.lists(st.text(alphabet="idaøn -", max_size=4), min_size=1, max_size=6))
def test_any_typing_sequence_matches_a_fresh_filter(qapp, steps):
    m = CaseloadModel()
    rows = [row(i, n) for i, n in enumerate(NAMES)]
    m.set_rows(rows)
    for text in steps:
        m.set_filter(text, None, False)
        needle = text.strip().casefold()
        assert shown(m) == [r.name for r in rows if needle in r.search_key]
