"""Where the vault lives: --data-dir, COACHDESK_DATA_DIR, or the per-user data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "CoachDesk"
DB_NAME = "vault.db"
KEY_NAME = "vault.key"
LOCK_NAME = "vault.lock"


def default_data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("COACHDESK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def vault_exists(data_dir: Path) -> bool:
    """Is there a vault (or part of one) in the folder? Cheap: no database code loaded."""
    return (Path(data_dir) / KEY_NAME).exists() or (Path(data_dir) / DB_NAME).exists()
