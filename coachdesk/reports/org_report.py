"""The organisation's effect report: the coaches' aggregates merged, then protected once.

``coachdesk org-report FILES... --identity KEYFILE --out org.pdf|org.csv``. Each file is
one vault's exact cohort aggregate (aggregate.py), encrypted to the organisation's key.
The merged totals go through the very rules of the cohort report
(cohort_report.decide_totals: small counts "<5", secondary suppression against the
published relations, statistics over fewer than 5 withheld), so only the merged report
is suppressed, and its mean change and confidence interval are those of all the people
together. No vault is opened and nothing personal is read: the files hold none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from coachdesk.errors import BadInput
from coachdesk.reports import aggregate, cohort_report, strings
from coachdesk.store import agefile
from coachdesk.store.atomic import write_atomic


def read_parts(paths: Sequence[str], identity_file: str) -> list[tuple[str, aggregate.Aggregate]]:
    """Decrypt and check every file; any bad one refuses the whole report."""
    if not paths:
        raise BadInput("org_report.no_files")
    ident = agefile.read_identity_file(identity_file)
    parts = []
    for path in paths:
        name = Path(path).name
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise BadInput("file.cannot_read", path=path, strerror=exc.strerror) from None
        try:
            plain = agefile.decrypt_with(
                data,
                [ident],
                wrong_key="org_report.wrong_key",
            )
        except BadInput as exc:
            raise BadInput("org_report.file_refused", name=name, problem=exc) from None
        except agefile.FileDamaged as exc:
            raise agefile.FileDamaged("org_report.file_refused", name=name, problem=exc) from None
        parts.append((name, aggregate.parse(plain, name)))
    aggregate.check_distinct(parts)
    return parts


def prepare(parts: Sequence[tuple[str, aggregate.Aggregate]]) -> cohort_report.Prepared:
    aggs = [a for _, a in parts]
    stats = aggregate.merged_stats(aggs)
    start, end = min(a.start for a in aggs), max(a.end for a in aggs)
    return cohort_report.decide_totals(start, end, stats)


def write_org_report(
    paths: Sequence[str],
    identity_file: str,
    out: str,
    *,
    lang: str = strings.DEFAULT_LANG,
    csv_dialect: str = "excel-da",
    organisation: str = "",
    today: dt.date | None = None,
) -> tuple[cohort_report.Prepared, int]:
    """Merge, protect, render and write (PDF, or CSV for .csv); (prepared, vaults)."""
    target = Path(out)
    if not target.parent.exists():
        raise BadInput("folder_missing", parent=target.parent)
    if target.is_dir():
        raise BadInput("report_target_is_folder", target=target)
    if csv_dialect not in cohort_report.CSV_DIALECTS:
        raise BadInput("cohort.unknown_csv_dialect", csv_dialect=repr(csv_dialect))
    lang = strings.check_lang(lang)
    parts = read_parts(paths, identity_file)
    prep = prepare(parts)
    if prep.refusal:
        raise prep.refusal_error("en")
    vaults = len({a.source for _, a in parts})
    if target.suffix.lower() == ".csv":
        data = cohort_report.render_csv(prep, lang, csv_dialect)
    else:
        data = cohort_report.render_pdf(
            prep,
            lang,
            organisation,
            today or dt.date.today(),
            title=strings.tr("Organisation-wide effect report", lang),
            scope=strings.tr("org_scope", lang, vaults=vaults),
        )
    write_atomic(target, data)
    return prep, vaults
