"""Organisation-wide effect (issue 17, item 4): three coaches' vaults with 3, 4 and 6
participants in one month. Each one's own cohort report hides most of its counts (or is
refused outright); their exact aggregates, merged by the organisation, give the exact
total 13 and the pooled mean change and confidence interval of the 13 people."""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
from pathlib import Path

import pytest
from test_report_data import add, person

from coachdesk.cli.main import main
from coachdesk.core import pss10
from coachdesk.reports import aggregate, cohort, cohort_report, org_report
from coachdesk.store import agefile
from coachdesk.store.keyfile import TEST_KDF

PASSPHRASE = "correct horse battery"
MARCH = ("2026-03", "2026-03")
SIZES = {"A": 3, "B": 4, "C": 6}


OUTCOMES = ("work_full", "work_partial", "sick_leave")


def answers(seed: int, final: bool) -> list[int]:
    """Items 4, 5, 7 and 8 are reverse-scored: a on the others and b on those gives a
    total of 6a + 4(4 - b). Before: 30 or 36 (high); after: improved to 10, improved
    to 20 (reliable, not clinically important), or unchanged."""
    if not final:
        a, b = (3, 1) if seed % 2 else (4, 1)
    else:
        a, b = [(1, 3), (2, 2), (3, 1) if seed % 2 else (4, 1)][seed % 3]
    return [b if j in (3, 4, 6, 7) else a for j in range(10)]


def people_for(tag: str, n: int) -> list[dict]:
    """A mixed small cohort: outcomes, verdicts and bands of 1-4 people each; the last of
    a vault of 6 dropped out before the final PSS-10."""
    out = []
    for i in range(n):
        seed = ord(tag) * 10 + i
        dropped = n >= 6 and i == n - 1
        assessments = [{"kind": "screening", "date": "2026-03-02", "answers": answers(seed, False)}]
        if not dropped:
            assessments.append(
                {"kind": "final", "date": "2026-06-01", "answers": answers(seed, True)}
            )
        extra = (
            {
                "status": "dropped_out",
                "outcome": None,
                "dropped_out": {"date": "2026-04-01", "reason": "flyttet"},
            }
            if dropped
            else {
                "status": "completed",
                "outcome": {"status": OUTCOMES[i % 3], "hours_per_week": 30, "date": "2026-06-01"},
            }
        )
        out.append(
            person(
                f"ORG{tag}-{i}",
                name=f"Kanarie{tag}{i}navn Jensen",
                course_start="2026-03-02",
                referral_date="2026-02-20",
                sessions=[],
                group_attendance=[],
                assessments=assessments,
                **extra,
            )
        )
    return out


@pytest.fixture(scope="module")
def org(tmp_path_factory):
    from coachdesk.store.vault import Vault

    tmp = tmp_path_factory.mktemp("org")
    pf = tmp / "pass.txt"
    pf.write_text(PASSPHRASE)
    key = tmp / "org.key"
    recipient = agefile.write_new_identity(str(key), comment="test")
    dirs, files, everyone = {}, {}, []
    for tag, n in SIZES.items():
        d = tmp / tag
        v, _ = Vault.create(d, PASSPHRASE, kdf=TEST_KDF)
        ppl = people_for(tag, n)
        add(v, *ppl)
        v.close()
        everyone += ppl
        dirs[tag] = d
        files[tag] = tmp / f"{tag}.age"
        assert (
            main(
                [
                    "--data-dir",
                    str(d),
                    "cohort-report",
                    "--aggregate",
                    "--recipient",
                    recipient,
                    "--from",
                    MARCH[0],
                    "--to",
                    MARCH[1],
                    "--out",
                    str(files[tag]),
                    "--passphrase-file",
                    str(pf),
                ]
            )
            == 0
        )
    return {
        "tmp": tmp,
        "pf": pf,
        "key": key,
        "recipient": recipient,
        "dirs": dirs,
        "files": files,
        "people": everyone,
    }


def test_each_coachs_own_report_hides_most_counts(org):
    from coachdesk.store.vault import Vault

    for tag, d in org["dirs"].items():
        with Vault.open(d, passphrase=PASSPHRASE) as v, v.session() as s:
            prep = cohort_report.prepare(s, *cohort_report_period())
        assert prep.stats.referred == SIZES[tag]
        if SIZES[tag] < 5:
            assert prep.refusal == "small"  # nothing at all is printed
        else:
            nonzero = [c for c, v in prep.values.items() if v]
            hidden = [c for c in nonzero if c in prep.hidden or c in prep.absent]
            assert len(hidden) > len(nonzero) / 2, (hidden, prep.values, prep.stats_hidden)


def cohort_report_period():
    return cohort_report.month_start(2026, 3), cohort_report.month_end(2026, 3)


def test_the_merged_report_has_the_exact_totals_and_pooled_statistics(org, capsys):
    out = org["tmp"] / "org.csv"
    files = [str(f) for f in org["files"].values()]
    assert (
        main(
            [
                "org-report",
                *files,
                "--identity",
                str(org["key"]),
                "--out",
                str(out),
                "--csv-dialect",
                "rfc4180",
            ]
        )
        == 0
    )
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(out.read_text("utf-8")))}
    assert rows["referred"]["n"] == "13"
    # The 13 people computed directly, outside CoachDesk's merge.
    totals = [
        (
            pss10.score(p["assessments"][0]["answers"]).total,
            pss10.score(p["assessments"][1]["answers"]).total,
        )
        for p in org["people"]
        if len(p["assessments"]) == 2
    ]
    changes = [a - b for b, a in totals]
    mean, lo, hi = cohort.mean_ci(changes)
    parts = [a for _, a in org_report.read_parts(files, str(org["key"]))]
    stats = aggregate.merged_stats(parts)
    assert stats.referred == 13 and stats.paired.n == len(changes) == 12
    assert stats.paired.mean_change == pytest.approx(mean, rel=1e-12)
    assert stats.paired.ci_low == pytest.approx(lo, rel=1e-12)
    assert stats.paired.ci_high == pytest.approx(hi, rel=1e-12)
    b_mean, b_sd = cohort.mean_sd(
        [pss10.score(p["assessments"][0]["answers"]).total for p in org["people"]]
    )
    assert stats.before.mean == pytest.approx(b_mean) and stats.before.sd == pytest.approx(b_sd)
    # ...and printed so in the merged report.
    change = rows["mean_change"]  # (its n, 12 pairs, is withheld to protect "no change")
    assert change["mean"] == str(cohort_report.dc.round_half_up(mean, 1))
    assert change["ci_low"] == str(cohort_report.dc.round_half_up(lo, 1))
    assert change["ci_high"] == str(cohort_report.dc.round_half_up(hi, 1))
    # The disclosure control applies to the merged totals: their own small cells are
    # hidden ("<5" and secondary), exactly as the cohort report would hide them.
    prep = org_report.prepare(org_report.read_parts(files, str(org["key"])))
    assert prep.hidden and all(rows[c]["n"] == "" for c in prep.hidden if c in rows)
    small = [c for c, v in prep.values.items() if 0 < v < 5]
    assert small and all(rows[c]["suppressed"] == "lt5" for c in small if c in rows)
    assert "13 participant(s) from 3 vault(s)" in capsys.readouterr().err


def test_the_merged_pdf_is_written_and_refuses_nothing_it_need_not(org):
    out = org["tmp"] / "org.pdf"
    assert (
        main(
            [
                "org-report",
                *map(str, org["files"].values()),
                "--identity",
                str(org["key"]),
                "--out",
                str(out),
                "--organisation",
                "Stressfri ApS",
            ]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")


def test_the_aggregate_holds_no_name_ref_cpr_date_or_score(org):
    """Canary: decrypt each file and search it for anything about one person."""
    ident = agefile.read_identity_file(str(org["key"]))
    for tag, f in org["files"].items():
        text = agefile.decrypt_with(f.read_bytes(), [ident]).decode()
        assert "Kanarie" not in text and f"ORG{tag}" not in text
        assert "Jensen" not in text
        for p in org["people"]:
            assert p["cpr"] not in text and p["cpr"].replace("-", "") not in text
            assert p["email"] not in text and p["caseworker"]["case_ref"] not in text
        for day in ("2026-03-02", "2026-06-01", "2026-02-20", "03-02", "06-01"):
            assert day not in text
        # No per-person score: no list of totals, only n, sum and sum of squares.
        doc = json.loads(text)
        assert set(doc["moments"]["change"]) == {"n", "sum", "sumsq"}
        assert not any(isinstance(v, list) for v in doc.values())


def test_duplicates_wrong_keys_and_broken_files_are_refused(org, capsys):
    key, files = str(org["key"]), org["files"]
    out = org["tmp"] / "dup.csv"
    dup = org["tmp"] / "A-again.age"
    shutil.copy(files["A"], dup)
    assert (
        main(
            [
                "org-report",
                str(files["A"]),
                str(dup),
                str(files["B"]),
                "--identity",
                key,
                "--out",
                str(out),
            ]
        )
        == 2
    )
    assert "same vault" in capsys.readouterr().err and not out.exists()
    other = org["tmp"] / "other.key"
    agefile.write_new_identity(str(other), comment="t")
    assert main(["org-report", str(files["A"]), "--identity", str(other), "--out", str(out)]) == 2
    assert "not encrypted to this organisation key" in capsys.readouterr().err
    cut = org["tmp"] / "cut.age"
    cut.write_bytes(files["C"].read_bytes()[:-20])
    assert (
        main(["org-report", str(files["A"]), str(cut), "--identity", key, "--out", str(out)]) == 4
    )
    capsys.readouterr()
    # Only one small vault: the merged report is refused as the cohort report would be.
    assert main(["org-report", str(files["A"]), "--identity", key, "--out", str(out)]) == 2
    assert "too few participants" in capsys.readouterr().err
    assert not out.exists()


def test_aggregate_needs_a_period_and_the_key(org, capsys):
    d, pf = org["dirs"]["A"], str(org["pf"])
    base = [
        "--data-dir",
        str(d),
        "cohort-report",
        "--aggregate",
        "--out",
        str(org["tmp"] / "x.age"),
        "--passphrase-file",
        pf,
    ]
    assert main([*base, "--recipient", org["recipient"]]) == 2
    assert "needs a period" in capsys.readouterr().err
    assert main([*base, "--from", "2026-03", "--to", "2026-03"]) == 2
    assert main([*base, "--from", "2026-03", "--to", "2026-03", "--recipient", "age1x"]) == 2
    assert not (org["tmp"] / "x.age").exists()


def test_pooled_moments_are_exact(org):
    """SD from integer sums equals the direct SD (no cancellation)."""
    parts = [
        aggregate.parse(
            agefile.decrypt_with(f.read_bytes(), [agefile.read_identity_file(str(org["key"]))]),
            f.name,
        )
        for f in org["files"].values()
    ]
    m = {k: sum(p.moments["change"][k] for p in parts) for k in ("n", "sum", "sumsq")}
    assert m["n"] == 12  # pairs: the 13th dropped out before the final PSS-10
    mean, sd = aggregate._summary(m)
    assert mean is not None and sd is not None and math.isfinite(sd)
    assert Path(org["files"]["A"]).stat().st_mode & 0o777 == 0o600


def test_a_forged_or_foreign_aggregate_is_refused(org, capsys):
    """Decrypts fine but is not what cohort-report --aggregate writes: refused whole."""
    ident = agefile.read_identity_file(str(org["key"]))
    rcpt = agefile.parse_recipient(org["recipient"])
    doc = json.loads(agefile.decrypt_with(org["files"]["C"].read_bytes(), [ident]))
    out = org["tmp"] / "forged.csv"
    cases = {
        "sums for other counts": doc
        | {"moments": doc["moments"] | {"change": doc["moments"]["change"] | {"n": 99}}},
        "a negative count": doc | {"cells": doc["cells"] | {"referred": -1}},
        "a participant file": {
            "format": "coachdesk.participants",
            "version": 1,
            "participants": [],
        },
        "an unknown version": doc | {"version": 2},
    }
    for name, forged in cases.items():
        f = org["tmp"] / "forged.age"
        f.write_bytes(agefile.encrypt_to(json.dumps(forged).encode(), [rcpt]))
        assert (
            main(
                [
                    "org-report",
                    str(org["files"]["A"]),
                    str(f),
                    "--identity",
                    str(org["key"]),
                    "--out",
                    str(out),
                ]
            )
            == 2
        ), name
        assert "forged.age" in capsys.readouterr().err
        assert not out.exists()
