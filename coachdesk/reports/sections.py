"""The report sections: one registry entry each, in print order.

An entry says everything about a section: its key (the CLI's ``--sections`` name, the
disclosure log's word), its label (the ``section`` vocabulary of reports/strings), whether
it is sensitive (never pre-selected, marked in the dialog), whether exporting it asks
for the passphrase again (MASVS AUTH-2/3), how it is gathered from the vault
(reports/parts.py) and how it is drawn (reports/parts_pdf.py). content.build_report, the
caseworker PDF, the own copy, the export dialog, ``--sections`` and the disclosure log
all read this list, so a new section is one ``Section(...)`` below (docs/architecture.md).

The headings follow the documents a municipal caseworker works with (the LÆ 285
content of the sick-pay follow-up, the rehabilitation plan's preparatory part, the § 7b
retention plan): arbejdsevne, skånehensyn, timetal og optrapning, ressourcer og
udfordringer, progression, fremmøde, anbefaling / næste skridt (docs/reports.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coachdesk.core import instruments
from coachdesk.reports import parts, strings
from coachdesk.reports import parts_pdf as pdf
from coachdesk.reports.parts_pdf import Layout


@dataclass(frozen=True)
class Section:
    key: str
    build: Callable[[parts.Gathered], Any]
    # None: printed in the header, not as a part of the body (contact, full CPR).
    draw: Callable[[Any, Layout], list[Any]] | None
    default: bool = True  # pre-selected (the least data that serves the purpose)
    sensitive: bool = False  # never pre-selected; the dialog marks it
    reauth: bool = False  # an export with it asks for the passphrase again
    # What the dialog's tick box adds to the label (the questionnaires: which ones).
    detail: Callable[[], str] | None = None

    def label(self, lang: str) -> str:
        """The section's name in ``lang``: its heading, the dialog's tick box, the log."""
        return strings.label("section", self.key, lang)


_REGISTRY: list[Section] = [
    Section("course", parts.build_course, pdf.draw_course),
    Section("work_capacity", parts.build_work_capacity, pdf.draw_work_capacity),
    Section("accommodations", parts.build_accommodations, pdf.draw_accommodations),
    Section("hours", parts.build_hours, pdf.draw_hours),
    Section("resources", parts.build_resources, pdf.draw_resources),
    Section("progression", parts.build_progression, pdf.draw_progression),
    Section("attendance", parts.build_attendance, pdf.draw_attendance),
    Section("pss10", parts.build_pss10, pdf.draw_pss10),
    Section(
        "questionnaires",
        parts.build_questionnaires,
        pdf.draw_questionnaires,
        detail=lambda: ", ".join(i.short for i in instruments.all_instruments() if i.id != "pss10"),
    ),
    Section("job_plan", parts.build_job_plan, pdf.draw_job_plan),
    Section("values", parts.build_values, pdf.draw_values, default=False),
    Section("outcome", parts.build_outcome, pdf.draw_outcome),
    Section("summary", parts.build_summary, pdf.draw_summary),
    Section("recommendation", parts.build_recommendation, pdf.draw_recommendation),
    Section("notes", parts.build_notes, pdf.draw_notes, default=False, sensitive=True, reauth=True),
    Section("contact", parts.build_contact, None, default=False, sensitive=True),
    Section("cpr_full", parts.build_cpr_full, None, default=False, sensitive=True, reauth=True),
]

# ``--sections everything``: the participant's own copy (art. 15 and 20).
EVERYTHING = "everything"


def all_sections() -> tuple[Section, ...]:
    """Every section, in print order."""
    return tuple(_REGISTRY)


def names() -> tuple[str, ...]:
    """Every section's key, in print order (the valid `--sections` names)."""
    return tuple(s.key for s in _REGISTRY)


def defaults() -> tuple[str, ...]:
    """The least data that serves the report's purpose: the dialog's and the CLI's default."""
    return tuple(s.key for s in _REGISTRY if s.default and not s.sensitive)


def sensitive() -> frozenset[str]:
    return frozenset(s.key for s in _REGISTRY if s.sensitive)


def reauth() -> frozenset[str]:
    return frozenset(s.key for s in _REGISTRY if s.reauth)


def get(key: str) -> Section:
    for s in _REGISTRY:
        if s.key == key:
            return s
    raise KeyError(key)
