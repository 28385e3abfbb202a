"""Find the app's bundled files (icons, fonts, the ICC profile, the compiled
translations) from a source checkout and from a frozen build: the one helper for it.

From source they sit in coachdesk/resources/ and coachdesk/i18n/ beside this module; a
PyInstaller build unpacks them under sys._MEIPASS (packaging/coachdesk.spec copies both
folders to coachdesk/ there). Callers ask for a file name and never build paths themselves.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The app icon's sizes as PNG (packaging/make_icons.py writes them from the SVG).
ICON_PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _package_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "coachdesk"
    return Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding the bundled resource files."""
    return _package_dir() / "resources"


def translation_path(language: str) -> Path:
    """The compiled Qt translation for ``language`` ("da", "en"): coachdesk_<language>.qm.

    Not checked for existence: a source checkout before `make` has none, and the app
    then runs in the English of its source strings (QTranslator.load says False).
    """
    return _package_dir() / "i18n" / f"coachdesk_{language}.qm"


def resource_path(name: str) -> Path:
    """The path of the bundled resource file ``name`` (e.g. ``"coachdesk-32.png"``).

    Raises FileNotFoundError for a name that is not a file in the resources folder, so a
    packaging mistake shows up at once and not as a silently empty icon.
    """
    base = resources_dir()
    path = (base / name).resolve()
    # Only plain names inside the folder: a resource name is never a path to elsewhere.
    if path.parent != base.resolve() or not path.is_file():
        raise FileNotFoundError(f"CoachDesk resource not found: {name}")
    return path


def icon_png_paths() -> list[Path]:
    """Every size of the app icon as PNG, smallest first (for QIcon.addFile)."""
    return [resource_path(f"coachdesk-{n}.png") for n in ICON_PNG_SIZES]
