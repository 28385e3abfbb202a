"""The reader who does arithmetic: an exact, independent attacker on a cohort CSV.

It reads only what the report publishes (the rfc4180 CSV: counts, "lt5" / "withheld"
labels, printed means and percentages) and the relations that docs/reports.md lists,
and for every value of every hidden count searches for a whole assignment of the
hidden counts consistent with all of it (depth first over each connected group of
hidden cells, pruning a partial assignment when some relation can no longer hold). It shares no code with
coachdesk/reports/disclosure_control.py on purpose: a bug there must not hide here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from coachdesk.core import pss10, vocab

BANDS = (("low", 0, 13), ("moderate", 14, 26), ("high", 27, 40))
OUTCOMES = [f"outcome:{k}" for k in (*vocab.OUTCOME_STATUSES, "none")]
# CSV row key -> the count it publishes in "n"
N_OF = {"before": "before_n", "after": "after_n"}
SESSIONS = {"cancelled", "no_show"}

# (terms, op, const): sum(coef * cell) op const; op "<=" or "==".
Lin = tuple[tuple[tuple[int, str], ...], str, int]


def _le(left: Iterable[str], right: Iterable[str]) -> Lin:
    return (tuple((1, c) for c in left) + tuple((-1, c) for c in right), "<=", 0)


def _eq(left: Iterable[str], right: Iterable[str]) -> Lin:
    return (tuple((1, c) for c in left) + tuple((-1, c) for c in right), "==", 0)


def read(csv_bytes: bytes) -> tuple[dict[str, int], dict[str, str], dict[str, dict[str, str]]]:
    """(published counts, hidden cells -> label, all rows by key) from an rfc4180 CSV."""
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(csv_bytes.decode("utf-8")))}
    known: dict[str, int] = {}
    hidden: dict[str, str] = {}
    for key, r in rows.items():
        cell = N_OF.get(key, key)
        if (
            key in ("mean_change", "group_attended_mean", "group_attended_share", "held_mean")
            or cell in SESSIONS
        ):
            continue
        if r["n"]:
            known[cell] = int(r["n"])
        elif r["suppressed"] in ("lt5", "withheld"):
            hidden[cell] = r["suppressed"]
        elif r["suppressed"] == "n_lt5" and "_band:" in cell:
            continue  # a distribution over fewer than 5 is not printed at all
        else:
            raise AssertionError(f"row {key} has neither a count nor a label")
    return known, hidden, rows


def relations(rows: dict[str, dict[str, str]], params: pss10.Params) -> list[Lin]:
    """Everything a reader knows links the counts (docs/reports.md, "Relations")."""
    rels = [
        _le(["screened"], ["referred"]),
        _le(["admitted", "not_eligible"], ["screened"]),
        _le(["completed", "dropped_out"], ["admitted"]),
        _eq(OUTCOMES, ["completed", "dropped_out"]),
        _le(["before_n"], ["screened"]),
        _le(["after_n"], ["referred"]),
        _le(["pairs"], ["before_n"]),
        _le(["pairs"], ["after_n"]),
        _eq(["improved", "no_change", "worsened"], ["pairs"]),
        _le(["clinically_important"], ["pairs"]),
    ]
    for w in ("before", "after"):
        if rows[f"{w}_band:low"]["suppressed"] != "n_lt5":
            rels.append(_eq([f"{w}_band:{b}" for b, _, _ in BANDS], [f"{w}_n"]))
    if params.reliable_difference < pss10.MCID_POINTS:
        rels.append(_le(["clinically_important"], ["improved"]))
    else:
        rels.append(_le(["improved"], ["clinically_important"]))
    # A printed mean (half up, 1 decimal) with its printed n bounds the band counts:
    # 10 n (m - 0.05) <= 10 S < 10 n (m + 0.05), S between sum(lo * band), sum(hi * band).
    for when in ("before", "after"):
        r = rows[when]
        if r["mean"] and r["n"]:
            n, m10 = int(r["n"]), round(float(r["mean"]) * 10)
            lo_s = -((-(n * (2 * m10 - 1))) // 20)  # ceil(n (m - 0.05))
            hi_s = -((-(n * (2 * m10 + 1))) // 20) - 1  # ceil(n (m + 0.05)) - 1
            rels.append((tuple((lo, f"{when}_band:{b}") for b, lo, _ in BANDS), "<=", hi_s))
            rels.append((tuple((-hi, f"{when}_band:{b}") for b, _, hi in BANDS), "<=", -lo_s))
    # A printed percentage p of a count n over a denominator D (half up):
    # (2p - 1) D <= 200 n and (2p + 1) D >= 200 n + 1.
    den_of = {
        k: ["referred"]
        for k in ("screened", "admitted", "not_eligible", "completed", "dropped_out")
    }
    den_of |= {k: ["pairs"] for k in ("improved", "no_change", "worsened", "clinically_important")}
    den_of |= {
        f"{w}_band:{b}": [f"{w}_n"]
        for w in ("before", "after")
        for b, _, _ in BANDS
        if rows[f"{w}_band:{b}"]["suppressed"] != "n_lt5"
    }
    den_of |= {k: ["completed", "dropped_out"] for k in OUTCOMES}
    for key, den in den_of.items():
        r = rows[key]
        if r["percent"] and r["n"]:
            p, n = int(r["percent"]), int(r["n"])
            rels.append((tuple((2 * p - 1, d) for d in den), "<=", 200 * n))
            rels.append((tuple((-(2 * p + 1), d) for d in den), "<=", -(200 * n + 1)))
    return rels


def _substitute(rels: list[Lin], known: dict[str, int]) -> list[Lin]:
    out = []
    for terms, op, const in rels:
        rest = tuple((k, c) for k, c in terms if c not in known)
        const2 = const - sum(k * known[c] for k, c in terms if c in known)
        out.append((rest, op, const2))
    return out


def feasible_values(
    known: dict[str, int],
    hidden: dict[str, str],
    rels: list[Lin],
    targets: Iterable[str] | None = None,
) -> dict[str, set[int]]:
    """Every value each hidden count (of ``targets``: all by default) can take,
    consistent with everything published."""
    wanted = set(hidden if targets is None else targets)
    top = known.get("referred", 4)
    doms = {
        c: (list(range(1, min(4, top) + 1)) if lab == "lt5" else list(range(top + 1)))
        for c, lab in hidden.items()
    }
    live = [r for r in _substitute(rels, known)]
    for terms, op, const in live:
        if not terms:
            ok = const >= 0 if op == "<=" else const == 0
            assert ok, "the published counts break a relation"
    live = [r for r in live if r[0]]
    # connected groups of hidden cells
    groups: list[set[str]] = []
    for c in doms:
        groups.append({c})
    for terms, _, _ in live:
        cs = {c for _, c in terms}
        merged = [g for g in groups if g & cs]
        rest = [g for g in groups if not g & cs]
        groups = [*rest, set().union(*merged)] if merged else rest
    assert _tighten(doms, live), "no assignment at all: the attacker's model is wrong"
    out: dict[str, set[int]] = {c: set() for c in doms}
    for g in groups:
        order = sorted(g, key=lambda c: len(doms[c]))
        mine = [r for r in live if {c for _, c in r[0]} & g]
        # For each value of each cell: is there one whole assignment that allows it?
        # A solution found adds all its values at once (fewer searches, same answer).
        for c in order:
            if c not in wanted:
                continue
            for v in doms[c]:
                if v in out[c]:
                    continue
                sol = _first({**{x: doms[x] for x in g}, c: [v]}, mine)
                if sol is not None:
                    for x, val in sol.items():
                        out[x].add(val)
    return out


def _first(doms: dict[str, list[int]], rels: list[Lin]) -> dict[str, int] | None:
    """Depth first with pruning at every node: the first assignment that satisfies
    every relation, or None."""
    doms = dict(doms)
    if not _tighten(doms, rels):
        return None
    open_ = [c for c, d in doms.items() if len(d) > 1]
    if not open_:
        sol = {c: d[0] for c, d in doms.items()}
        ok = all(_holds(r, sol) for r in rels)
        return sol if ok else None
    c = min(open_, key=lambda x: len(doms[x]))
    for v in doms[c]:
        sol = _first({**doms, c: [v]}, rels)
        if sol is not None:
            return sol
    return None


def _holds(rel: Lin, sol: dict[str, int]) -> bool:
    terms, op, const = rel
    total = sum(k * sol[c] for k, c in terms)
    return total <= const if op == "<=" else total == const


def _tighten(doms: dict[str, list[int]], rels: list[Lin]) -> bool:
    """Drop values that no choice of the others can complete (sound); False if none left."""
    for _ in range(30):
        changed = False
        for terms, op, const in rels:
            for k, c in terms:
                others_lo = others_hi = 0
                for k2, c2 in terms:
                    if c2 == c:
                        continue
                    a, b = doms[c2][0], doms[c2][-1]
                    others_lo += k2 * a if k2 > 0 else k2 * b
                    others_hi += k2 * b if k2 > 0 else k2 * a
                keep = [
                    v
                    for v in doms[c]
                    if k * v + others_lo <= const and (op == "<=" or k * v + others_hi >= const)
                ]
                if len(keep) != len(doms[c]):
                    if not keep:
                        return False
                    doms[c] = keep
                    changed = True
        if not changed:
            break
    return True
