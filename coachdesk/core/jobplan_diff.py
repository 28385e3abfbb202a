"""What changed between two versions of a job plan (interchange-shaped dicts).

Lists are matched by what identifies an entry to the coach, not by position: a goal by
its text, an accommodation need by category and description, a step by its start date.
An entry whose identity stays but whose details change (a goal's due date or status, a
need's end date, a step's hours) is one "changed" line, not a removal and an addition.
Qt-free; ui/jobplan_diff_dialog.py words the lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
# The plan's parts in the order the editor shows them.
SECTIONS = (
    "values",
    "direction",
    "goals",
    "accommodations",
    "hours_now",
    "hours_target",
    "hours_steps",
)


@dataclass(frozen=True)
class Change:
    section: str  # one of SECTIONS
    kind: str  # ADDED | REMOVED | CHANGED
    old: Any = None
    new: Any = None


def _key(section: str, item: Any) -> Any:
    if section == "goals":
        return (item.get("text") or "").strip()
    if section == "accommodations":
        return (item.get("category"), (item.get("description") or "").strip())
    if section == "hours_steps":
        return item.get("from")
    return item


def _lists(section: str, old: list[Any], new: list[Any]) -> list[Change]:
    old_by = {_key(section, x): x for x in old}
    new_by = {_key(section, x): x for x in new}
    out: list[Change] = []
    for k, x in old_by.items():
        if k not in new_by:
            out.append(Change(section, REMOVED, old=x))
        elif new_by[k] != x:
            out.append(Change(section, CHANGED, old=x, new=new_by[k]))
    out += [Change(section, ADDED, new=x) for k, x in new_by.items() if k not in old_by]
    return out


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every difference from ``old`` to ``new``, section by section; [] when the same."""
    out: list[Change] = []
    for section in SECTIONS:
        a, b = old.get(section), new.get(section)
        if section in ("values", "goals", "accommodations", "hours_steps"):
            out += _lists(section, list(a or []), list(b or []))
        else:
            a, b = (None if a == "" else a), (None if b == "" else b)
            if a == b:
                continue
            if a is None:
                out.append(Change(section, ADDED, new=b))
            elif b is None:
                out.append(Change(section, REMOVED, old=a))
            else:
                out.append(Change(section, CHANGED, old=a, new=b))
    return out
