"""The attack tests (issue 12 and after): each file attacks one promise of docs/security.md.

The helpers beside the other tests (canaries.py, typist.py) live one folder up.
"""

from __future__ import annotations

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent.parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)
