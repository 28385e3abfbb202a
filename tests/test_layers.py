"""The layer contract of docs/architecture.md, read from the source (AST), not trusted:

- core/ imports only the standard library and core/ itself (pure, no I/O libraries);
- store/ and reports/ never import Qt (PySide6, shiboken6): the CLI and the tests use
  them without a GUI;
- nothing outside cli/ imports the CLI (the app, the store and the reports are its
  clients' equals, not its callers); the one exception is ``python -m coachdesk``;
- ui/ never imports SQLAlchemy or the ORM models: widgets call store functions.

Every import counts: at the top, inside a function, under ``if TYPE_CHECKING``, and a
literal ``importlib.import_module("...")``. The checker is tested on a synthetic module
below, so a rule that silently stops matching fails too.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "coachdesk"

# The entry point of `python -m coachdesk` starts the CLI: that is its whole job.
CLI_IMPORT_ALLOWED = frozenset({"coachdesk/__main__.py"})


@dataclass(frozen=True)
class Import:
    module: str  # the dotted name imported (for `from a import b`, also "a.b")
    line: int


def _resolve(node: ast.ImportFrom, own: str) -> str:
    if not node.level:
        return node.module or ""
    base = own.split(".")[: -node.level]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(source: str, own: str) -> Iterator[Import]:
    """Every module ``source`` (the module named ``own``) imports, wherever it does."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node, own)
            yield Import(base, node.lineno)
            for alias in node.names:  # `from coachdesk.store import models` is store.models
                yield Import(f"{base}.{alias.name}", node.lineno)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield Import(node.args[0].value, node.lineno)


def _is(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def violations(rel: str, source: str) -> list[str]:
    """The layer rules ``source`` (at ``rel``, e.g. "coachdesk/core/x.py") breaks."""
    own = rel.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
    layer = rel.split("/")[1] if rel.count("/") >= 2 else ""
    out = []
    for imp in imports_of(source, own):
        name, where = imp.module, f"{rel}:{imp.line}"
        top = name.split(".")[0]
        if layer == "core" and not (top in sys.stdlib_module_names or _is(name, "coachdesk.core")):
            out.append(f"{where}: core/ imports {name} (only the standard library and core/)")
        if layer in ("store", "reports") and top in ("PySide6", "shiboken6"):
            out.append(f"{where}: {layer}/ imports {name} (no Qt below ui/)")
        if layer != "cli" and _is(name, "coachdesk.cli") and rel not in CLI_IMPORT_ALLOWED:
            out.append(f"{where}: imports {name} (only cli/ imports the CLI)")
        if layer == "ui":
            for banned in ("sqlalchemy", "coachdesk.store.models"):
                if _is(name, banned):
                    out.append(f"{where}: ui/ imports {name} (call a store function)")
    return out


def _sources() -> Iterator[tuple[str, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_every_module_keeps_to_its_layer() -> None:
    found = [v for rel, src in _sources() for v in violations(rel, src)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    ("rel", "source", "expected"),
    [
        ("coachdesk/core/x.py", "import sqlalchemy\n", "core/ imports sqlalchemy"),
        ("coachdesk/core/x.py", "from coachdesk.store import vault\n", "core/ imports"),
        ("coachdesk/core/x.py", "from ..errors import BadInput\n", "core/ imports coachdesk"),
        ("coachdesk/store/x.py", "def f():\n    from PySide6 import QtCore\n", "no Qt"),
        ("coachdesk/reports/x.py", "import shiboken6\n", "no Qt"),
        ("coachdesk/ui/x.py", "from coachdesk.cli.main import main\n", "only cli/"),
        ("coachdesk/store/x.py", "from coachdesk import cli\n", "only cli/"),
        (
            "coachdesk/reports/x.py",
            "import importlib\nimportlib.import_module('coachdesk.cli.context')\n",
            "only cli/",
        ),
        (
            "coachdesk/ui/x.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from sqlalchemy.orm import Session\n",
            "call a store function",
        ),
        ("coachdesk/ui/x.py", "from coachdesk.store import models\n", "call a store function"),
        ("coachdesk/ui/x.py", "from ..store.models import Participant\n", "store function"),
    ],
)
def test_the_checker_flags_a_forbidden_import(rel: str, source: str, expected: str) -> None:
    found = violations(rel, source)
    assert found and expected in found[0], found


@pytest.mark.parametrize(
    ("rel", "source"),
    [
        ("coachdesk/core/x.py", "from __future__ import annotations\nimport re, json\n"),
        ("coachdesk/core/x.py", "from . import pss10\nfrom coachdesk.core.dates import d\n"),
        ("coachdesk/store/x.py", "from sqlalchemy import select\nfrom coachdesk.core import x\n"),
        ("coachdesk/ui/x.py", "from PySide6.QtCore import Qt\nfrom coachdesk.store import vault\n"),
        ("coachdesk/cli/x.py", "from coachdesk.cli.context import Context\n"),
        ("coachdesk/__main__.py", "from coachdesk.cli.main import main\n"),
    ],
)
def test_the_checker_passes_an_allowed_import(rel: str, source: str) -> None:
    assert violations(rel, source) == []
