"""Statistical disclosure control for the cohort report: which published cells to hide.

A cohort report publishes counts ("cells") that a reader can combine: verdicts add up
to the pairs, outcomes to completed + dropped out, and so on (``relations``). Hiding a
count of 1-4 as "<5" protects nobody if the reader can subtract it back from a total.
So the cells to hide are chosen against an exact model of the reader:

- a published cell is a known integer;
- a cell printed "<5" is somewhere in 1-4;
- a cell printed "udeladt" (hidden to protect another, or because it differs from a
  released report by 1-4) is anything from 0 to the number referred;
- every published relation holds (linear equalities and inequalities over the cells).

``protect`` hides the small cells, then, while some hidden cell has only one value
consistent with all of that, or an "udeladt" cell can be narrowed into 1-4, or a cell
hidden because of differencing can only differ from the released value by 1-4, hides
one more published cell next to it in a relation. ``feasible`` is an exact finite-domain solver (interval
propagation plus splitting, complete), fast enough for counts up to tens of thousands.

Rounding: every printed number is rounded half up (``round_half_up``): 17.25 -> 17.3,
82.5 % -> 83 %. Python's round() and "%.1f" round binary floats to even or down.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

SMALL = 5  # counts 1..SMALL-1 are "small"

# Why a cell is hidden.
PRIMARY = "small"  # the count itself is 1-4: printed "<5"
SECONDARY = "secondary"  # hidden so that a small count cannot be worked out
DIFFERENCING = "differencing"  # differs from a released report by 1-4

Interval = tuple[int, int]
Domain = tuple[Interval, ...]  # sorted, disjoint, non-empty intervals


def is_small(count: int) -> bool:
    return 0 < count < SMALL


def round_half_up(x: float, decimals: int = 1) -> Decimal:
    """x rounded half up at ``decimals`` places, from its shortest decimal form.

    repr(x) is the shortest string that reads back as x (17.25 -> "17.25"), so the
    tie is decided on the decimal number a person would see, not on binary noise.
    """
    q = Decimal(1).scaleb(-decimals)
    return Decimal(repr(float(x))).quantize(q, rounding=ROUND_HALF_UP)


# --- relations -------------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """sum(coef * cell) <op> const, with op "==" or "<=" (const moves published cells)."""

    terms: tuple[tuple[int, str], ...]
    op: str
    const: int = 0
    text: str = ""

    @property
    def cells(self) -> tuple[str, ...]:
        return tuple(c for _, c in self.terms)


def le(left: Sequence[str], right: Sequence[str], text: str) -> Relation:
    """sum(left) <= sum(right)."""
    return Relation(tuple((1, c) for c in left) + tuple((-1, c) for c in right), "<=", 0, text)


def eq(left: Sequence[str], right: Sequence[str], text: str) -> Relation:
    return Relation(tuple((1, c) for c in left) + tuple((-1, c) for c in right), "==", 0, text)


def holds(rel: Relation, values: Mapping[str, int]) -> bool:
    s = sum(k * values[c] for k, c in rel.terms)
    return s == rel.const if rel.op == "==" else s <= rel.const


# --- the exact solver ------------------------------------------------------------------


def _clip(dom: Domain, lo: int | None, hi: int | None) -> Domain:
    """dom within lo..hi (None: unbounded)."""
    out = []
    for a, b in dom:
        a2 = a if lo is None else max(a, lo)
        b2 = b if hi is None else min(b, hi)
        if a2 <= b2:
            out.append((a2, b2))
    return tuple(out)


def _ceil_div(a: int, b: int) -> int:
    return -((-a) // b)


def _propagate(doms: dict[str, Domain], rels: Sequence[Relation]) -> bool:
    """Tighten bounds until nothing changes; False when some domain empties.

    At most a few passes: bounds that creep by one per pass (a <= b - 1 <= a - 2 ...)
    are left to the splitting in ``feasible``, which halves them instead.
    """
    changed = True
    for _ in range(12):
        if not changed:
            break
        _calls[0] += 1
        changed = False
        for rel in rels:
            lo_sum = hi_sum = 0
            for k, c in rel.terms:
                d = doms[c]
                lo_sum += k * d[0][0] if k > 0 else k * d[-1][1]
                hi_sum += k * d[-1][1] if k > 0 else k * d[0][0]
            if lo_sum > rel.const or (rel.op == "==" and hi_sum < rel.const):
                return False
            for k, c in rel.terms:
                d = doms[c]
                own_lo = k * d[0][0] if k > 0 else k * d[-1][1]
                own_hi = k * d[-1][1] if k > 0 else k * d[0][0]
                # k*x <= const - (lo_sum - own_lo); for "==" also k*x >= const - (hi_sum - own_hi)
                upper = rel.const - (lo_sum - own_lo)
                lower = rel.const - (hi_sum - own_hi) if rel.op == "==" else None
                lo: int | None
                hi: int | None
                if k > 0:
                    lo = None if lower is None else _ceil_div(lower, k)
                    hi = upper // k
                else:
                    lo = _ceil_div(upper, k)
                    hi = None if lower is None else lower // k
                nd = _clip(d, lo, hi)
                if not nd:
                    return False
                if nd != d:
                    doms[c] = nd
                    changed = True
    return True


class Budget(Exception):
    """The search took too long: the caller refuses rather than guess."""


_calls = [0]
MAX_SEARCH_NODES = 8_000  # per protect(): about a second at worst


def feasible(doms: Mapping[str, Domain], rels: Sequence[Relation]) -> bool:
    """Is there an integer point in the domains that satisfies every relation? (exact)"""
    _calls[0] += 1
    if _calls[0] > MAX_SEARCH_NODES:
        raise Budget
    work = dict(doms)
    if any(not d for d in work.values()):
        return False
    if not _propagate(work, rels):
        return False
    open_ = [c for c, d in work.items() if len(d) > 1 or d[0][0] != d[0][1]]
    if not open_:
        return True
    c = min(open_, key=lambda k: sum(b - a for a, b in work[k]))
    d = work[c]
    if len(d) > 1:
        halves: list[Domain] = [d[:1], d[1:]]
    else:
        a, b = d[0]
        mid = (a + b) // 2
        halves = [((a, mid),), ((mid + 1, b),)]
    return any(feasible({**work, c: h}, rels) for h in halves)


def _minus(dom: Domain, lo: int, hi: int) -> Domain:
    """dom without the integers lo..hi."""
    out: list[Interval] = []
    for a, b in dom:
        if b < lo or a > hi:
            out.append((a, b))
            continue
        if a < lo:
            out.append((a, lo - 1))
        if b > hi:
            out.append((hi + 1, b))
    return tuple(out)


# --- the reader's model ----------------------------------------------------------------


def domains(
    values: Mapping[str, int], hidden: Mapping[str, str], upper: Mapping[str, int]
) -> dict[str, Domain]:
    """What a reader knows of each cell: its value, 1-4 ("<5"), or 0..upper ("udeladt")."""
    out: dict[str, Domain] = {}
    for c, v in values.items():
        ub = upper[c]
        if c not in hidden:
            out[c] = ((v, v),)
        elif hidden[c] == PRIMARY:
            out[c] = _clip(((1, SMALL - 1),), 1, ub)
        else:
            out[c] = ((0, ub),)
    return out


def _reduce(
    doms: dict[str, Domain], rels: Sequence[Relation]
) -> tuple[dict[str, Domain], list[Relation]]:
    """Substitute the known cells into the relations (fewer variables for the solver)."""
    out = []
    for rel in rels:
        const = rel.const
        terms = []
        for k, c in rel.terms:
            d = doms[c]
            if k == 0:
                continue
            if len(d) == 1 and d[0][0] == d[0][1]:
                const -= k * d[0][0]
            else:
                terms.append((k, c))
        out.append(Relation(tuple(terms), rel.op, const, rel.text))
    free = {c: d for c, d in doms.items() if not (len(d) == 1 and d[0][0] == d[0][1])}
    return free, out


def weak_cells(
    values: Mapping[str, int],
    hidden: Mapping[str, str],
    rels: Sequence[Relation],
    upper: Mapping[str, int],
    zones: Mapping[str, Iterable[int]] = {},
) -> list[str]:
    """The hidden cells a reader can pin down: one feasible value only, an "udeladt"
    cell narrowed into 1-4, or (for a cell with differencing ``zones``) a difference of
    1-4 to every value it could take."""
    doms, rels2 = _reduce(domains(values, hidden, upper), rels)
    # A relation among published cells only is a fact, not a question.
    live = [r for r in rels2 if r.terms]
    weak = []
    for c in hidden:
        if c not in doms:  # its domain is one value: known exactly
            weak.append(c)
            continue
        v = values[c]
        rest = _minus(doms[c], v, v)
        if not feasible({**doms, c: rest}, live):
            weak.append(c)
            continue
        if hidden[c] != PRIMARY and not feasible({**doms, c: _minus(doms[c], 1, SMALL - 1)}, live):
            weak.append(c)
            continue
        for old in zones.get(c, ()):
            safe = _minus(doms[c], old - (SMALL - 1), old - 1)
            safe = _minus(safe, old + 1, old + SMALL - 1)
            if not feasible({**doms, c: safe}, live):
                weak.append(c)
                break
    return weak


def protect(
    values: Mapping[str, int],
    rels: Sequence[Relation],
    upper: Mapping[str, int],
    forced: Mapping[str, str] = {},
    zones: Mapping[str, Iterable[int]] = {},
    keep: Iterable[str] = (),
) -> dict[str, str] | None:
    """The cells to hide, with why: small ones, ``forced`` ones, and enough others that
    no hidden cell can be worked out from the published cells and relations.

    ``keep`` are never hidden (the number referred: every bound rests on it); None
    when the cells cannot be protected without them. Greedy: next to a weak cell, hide
    the published neighbour that fixes the most weak cells (ties: the smallest).
    """
    _calls[0] = 0
    try:
        return _protect(values, rels, upper, forced, zones, set(keep))
    except Budget:
        return None


def _protect(
    values: Mapping[str, int],
    rels: Sequence[Relation],
    upper: Mapping[str, int],
    forced: Mapping[str, str],
    zones: Mapping[str, Iterable[int]],
    keep: set[str],
) -> dict[str, str] | None:
    hidden = {c: PRIMARY for c, v in values.items() if is_small(v)}
    hidden |= forced  # a small cell hidden for differencing prints "udeladt", not "<5"
    if keep & set(hidden):
        return None
    while True:
        weak = weak_cells(values, hidden, rels, upper, zones)
        if not weak:
            return hidden
        near = {c for r in rels if set(r.cells) & set(weak) for c in r.cells}
        candidates = sorted(
            (c for c in near if c not in hidden and c not in keep), key=lambda c: (values[c], c)
        )
        if not candidates:  # every neighbour is hidden: widen to any published cell
            candidates = sorted(
                (c for c in values if c not in hidden and c not in keep),
                key=lambda c: (values[c], c),
            )
        if not candidates:
            return None
        best, best_left = candidates[0], len(weak)
        for c in candidates[:4]:
            left = len(weak_cells(values, {**hidden, c: SECONDARY}, rels, upper, zones))
            if left < best_left:
                best, best_left = c, left
                if left == 0:
                    break
        hidden[best] = SECONDARY
