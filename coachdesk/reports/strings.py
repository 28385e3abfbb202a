"""The reports' wording: English source strings (or keys) and their translations.

Reports are built outside Qt (the CLI makes them too), so they cannot use Qt's
translator. Danish is the users' language and the default; English is selectable.
The texts are data, not Python: sections "report", "vocab" and "month" of
coachdesk/i18n/texts.<lang>.json (core/texts.py). Labels for the vocabularies
(core/vocab.py) live there as well, so one PDF never mixes two wordings of the same
status. ``tr``/``text`` and ``label`` are the stable API.
"""

from __future__ import annotations

import datetime as dt

from coachdesk.core import texts

LANGS = texts.LANGS
DEFAULT_LANG = texts.DEFAULT_LANG

# Read-only views of the catalogue, for the tests that check it (English source -> text).
DA: dict[str, str] = texts.catalogue("da")["report"]
EN: dict[str, str] = texts.catalogue("en")["report"]
# (vocabulary, key) -> (Danish, English)
LABELS: dict[tuple[str, str], tuple[str, str]] = {
    (vocab, key): (da, texts.catalogue("en")["vocab"][name])
    for name, da in texts.catalogue("da")["vocab"].items()
    for vocab, _, key in [name.partition(".")]
}


def check_lang(lang: str | None) -> str:
    """The report language: Danish unless English is asked for."""
    return texts.check_lang(lang)


def tr(text: str, lang: str = DEFAULT_LANG, **fields: object) -> str:
    """Translate an English source string (or a key) and fill in ``{fields}``; a string
    that is not in the catalogue prints as itself."""
    out = texts.lookup("report", text, "da" if lang == "da" else "en") or text
    return out.format(**fields) if fields else out


text = tr  # the name the report section registry uses: strings.text(key, lang)


def label(vocab: str, key: str | None, lang: str = DEFAULT_LANG) -> str:
    """The printed word for a vocabulary key; an unknown key prints as itself."""
    if key is None:
        return ""
    return texts.lookup("vocab", f"{vocab}.{key}", "da" if lang == "da" else "en") or key


def _month(n: int, lang: str) -> str:
    return texts.text("month", str(n), "da" if lang == "da" else "en")


def fmt_date(d: dt.date | None, lang: str = DEFAULT_LANG) -> str:
    """A date as people write it: 12.01.2026 (Danish), 12 Jan 2026 (English)."""
    if d is None:
        return ""
    if lang == "da":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    return f"{d.day} {_month(d.month, lang)[:3]} {d.year}"


def fmt_long_date(d: dt.date, lang: str = DEFAULT_LANG) -> str:
    if lang == "da":
        return f"{d.day}. {_month(d.month, lang)} {d.year}"
    return f"{d.day} {_month(d.month, lang)} {d.year}"


def fmt_month(d: dt.date, lang: str = DEFAULT_LANG) -> str:
    """Month and year only: the cohort report prints no exact dates."""
    return f"{_month(d.month, lang)} {d.year}"


def fmt_number(x: float | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    """A number with the language's decimal mark (Danish: comma)."""
    if x is None:
        return "–"
    s = f"{x:.{decimals}f}"
    return s.replace(".", ",") if lang == "da" else s


def fmt_hours(x: float | None, lang: str = DEFAULT_LANG) -> str:
    """Hours: whole numbers without decimals, else one decimal."""
    if x is None:
        return ""
    return fmt_number(x, lang, 0 if float(x).is_integer() else 1)
