"""What the translator still has to do: every unfinished or empty entry of the .ts files.

    .venv/bin/python i18n/check.py            # list them (make i18n runs this)
    .venv/bin/python i18n/check.py --strict   # exit 1 when there is any

The UI's Danish lives in i18n/coachdesk_da.ts and nowhere else: translate in Qt
Linguist (`pyside6-linguist i18n/coachdesk_da.ts`) or in the XML. `make i18n` runs
lupdate, which keeps every translation whose English source is unchanged and adds new
sources as unfinished; this script then lists those. English needs its plural forms
only (i18n/coachdesk_en.ts, `lupdate -pluralonly`), or Qt shows "1 page(s)". The
words the app uses, and why, are in i18n/glossary.md.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = (HERE / "coachdesk_da.ts", HERE / "coachdesk_en.ts")


def unfinished(path: Path) -> list[tuple[str, str]]:
    """(context, source) of each entry without a finished, non-empty translation."""
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [] if tr is None else [f.text or "" for f in tr.iter("numerusform")]
            text = "" if tr is None else (tr.text or "")
            empty = not any(forms) if msg.get("numerus") == "yes" else not text.strip()
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or empty:
                out.append((name, msg.findtext("source") or ""))
    return out


def main(argv: list[str]) -> int:
    missing = [(p.name, c, s) for p in FILES for c, s in unfinished(p)]
    for file, ctx, source in missing:
        print(f"untranslated: {file} [{ctx}] {source!r}")
    print(f"{len(missing)} string(s) still to translate")
    return 1 if missing and "--strict" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
