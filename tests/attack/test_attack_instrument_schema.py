"""Attack: version-2 files with WHO-5, CBI and WAS assessments, and hostile variants,
get the same verdict from the JSON Schema and from the importer (issue 16).

The readers are those of test_attack_schema_agreement (an independent I-JSON +
jsonschema reader, and coachdesk's parse + validate + a real import rolled back).
"""

from __future__ import annotations

import copy
import json

import pytest
from test_attack_schema_agreement import importer_verdict, schema_verdict

CBI = [4, 3, 2, 1, 0, 2, 4, 4, 4, 4, 4, 4, 0] + [None] * 6


def base() -> dict:
    return {
        "format": "coachdesk.participants",
        "version": 2,
        "participants": [
            {
                "ref": "I-1",
                "name": "Mette Berg",
                "referral_date": "2026-01-05",
                "assessments": [
                    {
                        "kind": "screening",
                        "date": "2026-01-12",
                        "instrument": "pss10",
                        "answers": [3, 3, 4, 1, 1, 4, 2, 1, 3, 3],
                        "total": 31,
                        "prorated": False,
                        "band": "high",
                    },
                    {
                        "kind": "screening",
                        "date": "2026-01-12",
                        "instrument": "who5",
                        "answers": [1, 2, 1, 2, 1],
                        "total": 7,
                        "index": 28,
                        "band": "very_low",
                    },
                    {
                        "kind": "screening",
                        "date": "2026-01-12",
                        "instrument": "cbi",
                        "answers": CBI,
                        "total": None,
                        "personal": 50.0,
                        "work": 100.0,
                        "client": None,
                    },
                    {
                        "kind": "screening",
                        "date": "2026-01-12",
                        "instrument": "was",
                        "answers": [10],
                        "total": 10,
                        "band": "excellent",
                    },
                ],
            }
        ],
    }


def variant(i: int, **changes) -> str:
    d = copy.deepcopy(base())
    a = d["participants"][0]["assessments"][i]
    for k, v in changes.items():
        if v is ...:
            a.pop(k, None)
        else:
            a[k] = v
    return json.dumps(d, ensure_ascii=False)


CORPUS = [
    ("good-v2", json.dumps(base(), ensure_ascii=False)),
    ("v1-with-instrument", json.dumps(base() | {"version": 1}, ensure_ascii=False)),
    ("pss10-no-instrument", variant(0, instrument=...)),
    ("who5-no-instrument-5-answers", variant(1, instrument=..., index=..., band=...)),
    ("who5-10-answers", variant(1, answers=[1] * 10)),
    ("who5-answer-6", variant(1, answers=[1, 2, 6, 2, 1])),
    ("who5-answer-null", variant(1, answers=[1, 2, None, 2, 1])),
    ("who5-answer-true", variant(1, answers=[1, 2, True, 2, 1])),
    ("who5-answer-float", variant(1, answers=[1, 2, 2.5, 2, 1])),
    ("cbi-18-answers", variant(2, answers=CBI[:18])),
    ("cbi-answer-5", variant(2, answers=[5, *CBI[1:]])),
    ("was-11", variant(3, answers=[11])),
    ("was-2-answers", variant(3, answers=[1, 2])),
    ("was-empty", variant(3, answers=[])),
    ("instrument-unknown", variant(1, instrument="phq9")),
    ("instrument-null", variant(1, instrument=None)),
    ("instrument-int", variant(1, instrument=5)),
    ("instrument-case", variant(1, instrument="WHO5")),
    ("index-101", variant(1, index=101)),
    ("index-float", variant(1, index=28.5)),
    ("personal-100.5", variant(2, personal=100.5)),
    ("personal-str", variant(2, personal="50")),
    ("work-negative", variant(2, work=-1)),
    ("band-unknown", variant(3, band="superb")),
    ("total-41", variant(0, total=41)),
    ("unknown-computed", variant(1, mean=3)),
]


@pytest.fixture(scope="module")
def instrument_vault(tmp_path_factory):
    """One vault for the corpus: every import is rolled back."""
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault

    vault, _code = Vault.create(
        tmp_path_factory.mktemp("agree-instr") / "vault", "correct horse battery", kdf=TEST_KDF
    )
    yield vault
    vault.close()


@pytest.mark.parametrize(("name", "text"), CORPUS, ids=[n for n, _ in CORPUS])
def test_schema_and_importer_agree_on_instruments(instrument_vault, name, text):
    schema_ok, schema_errs = schema_verdict(text)
    importer_ok, importer_errs = importer_verdict(text, instrument_vault)
    assert schema_ok == importer_ok, (name, schema_errs, importer_errs)


def test_the_instrument_corpus_has_both_verdicts():
    verdicts = {schema_verdict(t)[0] for _, t in CORPUS}
    assert verdicts == {True, False}
