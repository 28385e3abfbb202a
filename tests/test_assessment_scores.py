"""The stored score of each questionnaire (``assessment.score``, migration 0013).

The caseload and the cohort report read the stored primary score instead of scoring
every JSON answer list at each unlock. That is only safe if the stored value always
equals what the instrument's rule computes from the stored answers, after every way
answers are written: the forms (create, change, missing answers), the corrections'
delete and undo, the importer (new and replace, through its Core executemany), and
the migration's back-fill of existing vaults. Each test reads the raw column back from
the real SQLCipher vault and scores the stored answers independently.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk.core import instruments
from coachdesk.store import assessments, corrections, interchange, migrate
from coachdesk.store.models import stored_score

TODAY = dt.date(2026, 11, 27)
_refs = itertools.count(1)  # one vault serves every example of a property test


def expected(iid: str, answers: list[int | None]) -> float | None:
    """The instrument's own rule on the answers (the reference, not models.stored_score)."""
    try:
        value = instruments.get(iid).scored(answers).value
    except ValueError:
        return None
    return None if value is None else float(value)


def stored(vault) -> list[tuple[int, str, list[int | None], float | None]]:
    with vault.engine.connect() as c:
        rows = c.execute(sa.text("SELECT id, instrument, answers, score FROM assessment"))
        return [(i, iid, json.loads(a), sc) for i, iid, a, sc in rows]


def assert_all_right(vault) -> int:
    rows = stored(vault)
    for _, iid, answers, score in rows:
        assert score == expected(iid, answers), (iid, answers, score)
    return len(rows)


def answer_sets(inst: instruments.Instrument):
    """Any answers the instrument accepts, with missing items (None) anywhere."""
    one = st.one_of(st.none(), st.integers(inst.answer_min, inst.answer_max))
    return st.lists(one, min_size=inst.n_items, max_size=inst.n_items)


any_answers = st.sampled_from(instruments.BUILT_IN).flatmap(
    lambda inst: st.tuples(st.just(inst.id), answer_sets(inst))
)


def person(ref: str, items: list[tuple[str, list[int | None]]]) -> dict:
    return {
        "ref": ref,
        "name": "Test Person",
        "referral_date": "2026-01-05",
        "course_start": "2026-01-12",
        "assessments": [
            {"kind": "screening", "date": "2026-01-12", "instrument": iid, "answers": a}
            for iid, a in items
        ],
    }


def doc(*people: dict) -> dict:
    return {"format": "coachdesk.participants", "version": 2, "participants": list(people)}


# --- the rule ----------------------------------------------------------------------


@given(any_answers)
def test_the_rule_is_the_instruments_primary_score(item):
    iid, answers = item
    assert stored_score(iid, answers) == expected(iid, answers)


def test_the_rule_has_no_score_for_unknown_instruments_or_refused_answers():
    assert stored_score("no-such-scale", [1]) is None
    assert stored_score("pss10", [1, 2]) is None
    assert stored_score("pss10", [9] * 10) is None
    # No instrument named: PSS-10 (participant file v1); items 4, 5, 7, 8 are reversed.
    assert stored_score(None, [0] * 10) == expected("pss10", [0] * 10) == 16.0


# --- every write path --------------------------------------------------------------


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(any_answers, min_size=1, max_size=12))
def test_import_stores_the_score_of_every_answer_set(vault, items):
    """The importer's bulk INSERT (Core executemany): every row, every instrument."""
    with vault.session() as s:
        interchange.import_document(s, doc(person(f"P-{next(_refs)}", items)), today=TODAY)
        s.commit()
    assert assert_all_right(vault) >= len(items)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(any_answers, min_size=1, max_size=6), st.data())
def test_forms_create_and_change_store_the_score(vault, items, data):
    """save_assessment (the PSS-10 form and every instrument form): create, then change
    the answers (more or fewer missing), then change only the date."""
    with vault.session() as s:
        p = interchange.import_document(s, doc(person(f"F-{next(_refs)}", [])), today=TODAY)
        s.commit()
    with vault.session() as s:
        pid = s.execute(sa.text("SELECT max(id) FROM participant")).scalar_one()
        ids = []
        for iid, answers in items:
            a = assessments.save_assessment(
                s, pid, "followup", "2026-02-01", answers, today=TODAY, instrument=iid
            )
            ids.append((a.id, iid))
        s.commit()
    assert p is not None
    assert_all_right(vault)
    with vault.session() as s:
        for aid, iid in ids:
            new = data.draw(answer_sets(instruments.get(iid)))
            assessments.save_assessment(
                s, pid, "followup", "2026-02-01", new, assessment_id=aid, today=TODAY
            )
            s.commit()
            assert_all_right(vault)
            got = next(x for x in stored(vault) if x[0] == aid)
            assessments.save_assessment(
                s, pid, "followup", "2026-02-02", got[2], assessment_id=aid, today=TODAY
            )
            s.commit()
    assert_all_right(vault)


def test_answers_removed_until_there_is_no_score(vault):
    with vault.session() as s:
        interchange.import_document(s, doc(person("M-1", [("pss10", [2] * 10)])), today=TODAY)
        s.commit()
    (aid, _, _, score) = stored(vault)[0]
    assert score == 20.0
    with vault.session() as s:
        pid = s.execute(sa.text("SELECT id FROM participant")).scalar_one()
        for missing, want in ((1, 20.0), (2, None), (10, None), (0, 20.0)):
            answers = [None] * missing + [2] * (10 - missing)
            assessments.save_assessment(
                s, pid, "screening", "2026-01-12", answers, assessment_id=aid, today=TODAY
            )
            s.commit()
            assert stored(vault)[0][3] == want
    assert_all_right(vault)


def test_corrections_delete_and_undo_keep_the_score(vault):
    with vault.session() as s:
        interchange.import_document(
            s, doc(person("C-1", [("pss10", [4, 3, None, 1, 0, 2, 3, 4, 1, 2])])), today=TODAY
        )
        s.commit()
    (aid, _, _, score) = stored(vault)[0]
    assert score is not None
    with vault.session() as s:
        pid = s.execute(sa.text("SELECT id FROM participant")).scalar_one()
        snap = corrections.delete_assessment(s, pid, aid)
        s.commit()
        assert stored(vault) == []
        corrections.restore(s, snap)
        s.commit()
    assert [r[3] for r in stored(vault)] == [score]
    assert_all_right(vault)


def test_import_replace_rescores(vault):
    with vault.session() as s:
        interchange.import_document(s, doc(person("R-1", [("who5", [1, 2, 3, 4, 5])])), today=TODAY)
        s.commit()
    with vault.session() as s:
        interchange.import_document(
            s,
            doc(person("R-1", [("who5", [0, 0, 0, 0, 1]), ("pss10", [1] * 10)])),
            replace=True,
            today=TODAY,
        )
        s.commit()
    assert sorted(r[3] for r in stored(vault)) == [
        4.0,
        18.0,
    ]  # WHO-5 index 1 x 4; PSS-10 6 x 1 + 4 reversed x 3
    assert_all_right(vault)


def test_no_code_writes_the_assessment_table_around_sqlalchemy():
    """The one write path holds only if nothing writes answers with raw SQL: the
    column default and the ORM events see every INSERT/UPDATE made through SQLAlchemy."""
    root = Path(__file__).resolve().parents[1] / "coachdesk"
    raw = re.compile(r"(INSERT\s+INTO|UPDATE|REPLACE\s+INTO)\s+assessment\b", re.IGNORECASE)
    core_update = re.compile(r"update\(\s*(Assessment|cast\(Table,\s*Assessment)")
    offenders = [
        str(f.relative_to(root))
        for f in root.rglob("*.py")
        if "migrations" not in f.parts
        and (raw.search(f.read_text("utf-8")) or core_update.search(f.read_text("utf-8")))
    ]
    assert offenders == []


# --- existing vaults ---------------------------------------------------------------


def test_migration_back_fills_existing_rows(vault):
    """A vault from before 0013 (scores absent): the upgrade scores every row."""
    with vault.session() as s:
        interchange.import_document(
            s,
            doc(
                person("B-1", [("pss10", [3] * 10), ("cbi", [2] * 13 + [None] * 6)]),
                person("B-2", [("pss10", [None, None] + [1] * 8), ("was", [7])]),
            ),
            today=TODAY,
        )
        s.commit()
    from alembic import command

    cfg = migrate.alembic_config()
    with vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0012")
    with vault.engine.connect() as c:
        cols = [r[1] for r in c.execute(sa.text("PRAGMA table_info(assessment)"))]
    assert "score" not in cols
    migrate.upgrade(vault.engine)
    assert migrate.current_revision(vault.engine) == migrate.HEAD
    assert assert_all_right(vault) == 4
    # PSS-10 all 3s: 6 x 3 + 4 reversed x 1; two missing: no total; CBI: its primary scale.
    assert [r[3] for r in stored(vault)] == [22.0, 50.0, None, 7.0]
