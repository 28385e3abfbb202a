"""docs/screenshots/ comes from one registry (ui/screenshots.py, issue 18): every picture
has its own number, and every file there is drawn by a scene of `make screenshots`
(no stale or doubled ones, as 11, 18, 19 and 20 once were)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coachdesk.ui import screenshots

SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def test_every_number_is_used_once():
    screenshots.check_registry()
    numbers = [
        s.number for s in (*screenshots.MAIN_SCENES, screenshots.LOCKED, *screenshots.DOC_SCENES)
    ]
    assert len(numbers) == len(set(numbers))


def test_a_doubled_number_is_refused(monkeypatch):
    doubled = screenshots.Scene(11, "another-picture", lambda st: None)
    monkeypatch.setattr(screenshots, "DOC_SCENES", (*screenshots.DOC_SCENES, doubled))
    with pytest.raises(ValueError, match="11"):
        screenshots.check_registry()


def test_every_file_in_docs_screenshots_is_drawn_by_a_scene():
    stems = {s.file_stem for s in (*screenshots.MAIN_SCENES, screenshots.LOCKED)}
    stems |= {s.file_stem for s in screenshots.DOC_SCENES}
    wide = {f"{s.file_stem}-1920" for s in screenshots.DOC_SCENES if s.wide}
    reports = "|".join(re.escape(stem) for stem, _, _ in screenshots.REPORTS)
    stale = [
        f.name
        for f in SHOTS.glob("*.png")
        if f.stem not in stems | wide and not re.fullmatch(rf"({reports})-\d+", f.stem)
    ]
    assert stale == [], f"not drawn by make screenshots: {stale}"
    numbers = [f.name[:2] for f in SHOTS.glob("[0-9][0-9]-*.png") if "-1920" not in f.name]
    assert len(numbers) == len(set(numbers)), "two pictures share a number"
    missing = sorted(s for s in stems | wide if not (SHOTS / f"{s}.png").exists())
    assert missing == [], f"drawn but not in docs/screenshots: {missing}"
