"""the caseload in Danish alphabetical order: æ, ø, å after z, in that order

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 08:10:00

``participant.search_key`` (the caseload's search text and its order, copied into
``caseload_summary`` by the triggers of 0014) was the casefolded ``name\\x1fref`` in
code point order, which puts å before æ and ø. From this revision the key is composed
(NFC) and maps æ, ø, å to U+0080, U+0081, U+0082 (store/caseload.search_text), so the
order is the Danish alphabet's; the search maps what is typed the same way. This
migration re-keys every participant (the triggers bring the summary along). The
function is frozen here, as a migration is a snapshot: the app's own may change later
together with a migration of its own.
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_DANISH_ORDER = str.maketrans({"æ": "\x80", "ø": "\x81", "å": "\x82"})


def _key(name: str, ref: str) -> str:
    return unicodedata.normalize("NFC", f"{name}\x1f{ref}").casefold().translate(_DANISH_ORDER)


def _old_key(name: str, ref: str) -> str:
    return f"{name}\x1f{ref}".casefold()


def _rekey(key: object) -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name, ref, search_key FROM participant")).all()
    changed = [
        {"id": pid, "k": new}
        for pid, name, ref, old in rows
        if (new := key(name or "", ref or "")) != old  # type: ignore[operator]
    ]
    if changed:
        conn.execute(sa.text("UPDATE participant SET search_key = :k WHERE id = :id"), changed)


def upgrade() -> None:
    _rekey(_key)


def downgrade() -> None:
    _rekey(_old_key)
