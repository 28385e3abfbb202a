"""Every document the code and the docs point to exists (issue 18: comments cited a
domain.md and an interchange.md that were never written)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Where a cited .md may live, and the ones that belong to other projects.
HOMES = (ROOT, ROOT / "docs", ROOT / "i18n")
ELSEWHERE = {"style.md": "TagStudio's docs/style.md (docs/architecture.md cites it)"}
_MD = re.compile(r"\b[A-Za-z0-9_.-]+\.md\b")


def _texts() -> list[Path]:
    files = [*ROOT.glob("*.md"), *(ROOT / "docs").glob("*.md"), *(ROOT / "i18n").glob("*")]
    for folder in ("coachdesk", "tests", "bench", "packaging"):
        files += [p for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".md", ".sh")]
    return [p for p in files if p.is_file()]


def test_every_cited_document_exists() -> None:
    missing = sorted(
        f"{path.relative_to(ROOT)}: {name}"
        for path in _texts()
        if path != Path(__file__).resolve()
        for name in set(_MD.findall(path.read_text(encoding="utf-8", errors="replace")))
        if name not in ELSEWHERE and not any((home / name).is_file() for home in HOMES)
    )
    assert missing == []
