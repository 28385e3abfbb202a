"""The widgets' side of the store (issue 18 item 2, docs/architecture.md "The store").

Widgets call store functions (through ``Vault.read`` / ``Vault.write`` or a store
object such as ``drafts.Slot``); they never hold a database session, commit, build
a query or touch the ORM models. Read from the source (AST), so it holds for code no
test happens to run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[1] / "coachdesk" / "ui"

FORBIDDEN_MODULES = ("sqlalchemy", "coachdesk.store.models")
# Calls that only a unit of work has: opening one, committing it, or querying in it.
FORBIDDEN_CALLS = ("session", "commit", "rollback", "flush", "execute", "scalars", "query")


def _forbidden_module(name: str) -> bool:
    return any(name == m or name.startswith(m + ".") for m in FORBIDDEN_MODULES)


def violations(source: str, filename: str = "<source>") -> list[str]:
    """'file:line: what' for each forbidden import or call in one module's source."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [
                f"{filename}:{node.lineno}: imports {a.name}"
                for a in node.names
                if _forbidden_module(a.name)
            ]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found += [
                f"{filename}:{node.lineno}: imports {n}" for n in names if _forbidden_module(n)
            ][:1]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in FORBIDDEN_CALLS
        ):
            found.append(f"{filename}:{node.lineno}: calls .{node.func.attr}()")
    return found


def test_widgets_never_open_a_session_commit_or_import_the_orm() -> None:
    problems = [
        v
        for path in sorted(UI.glob("*.py"))
        for v in violations(path.read_text(encoding="utf-8"), path.name)
    ]
    assert problems == []


@pytest.mark.parametrize(
    ("source", "what"),
    [
        ("import sqlalchemy\n", "imports sqlalchemy"),
        ("from sqlalchemy import select\n", "imports sqlalchemy"),
        ("from sqlalchemy.orm import Session\n", "imports sqlalchemy.orm"),
        ("from coachdesk.store.models import Participant\n", "imports coachdesk.store.models"),
        ("from coachdesk.store import models\n", "imports coachdesk.store.models"),
        ("def f(vault):\n    with vault.session() as s:\n        pass\n", "calls .session()"),
        ("def f(s):\n    s.commit()\n", "calls .commit()"),
        ("def f(s, q):\n    return s.execute(q).all()\n", "calls .execute()"),
        ("def f(s, q):\n    return list(s.scalars(q))\n", "calls .scalars()"),
    ],
)
def test_the_checker_catches_each_kind(source: str, what: str) -> None:
    """A test of the test: each forbidden thing, alone in a small module, is reported."""
    assert [v.split(": ", 1)[1] for v in violations(source)] == [what]


def test_the_checker_lets_store_calls_through() -> None:
    source = (
        "from coachdesk.store import drafts, participants\n"
        "def f(vault, pid):\n"
        "    return vault.read(participants.participant_record_of, pid)\n"
        "def g(vault, pid, changes):\n"
        "    vault.write(participants.update_participant, pid, changes)\n"
        "    drafts.Slot(vault, pid, 'k').discard()\n"
    )
    assert violations(source) == []
