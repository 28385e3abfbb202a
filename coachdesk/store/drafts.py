"""Drafts: an editor's unsaved content, kept encrypted in the vault on autosave, lock
and quit, and offered back when the editor opens again.

``Slot`` is the one draft helper every editor uses: keep, read, discard, and save the
real record and clear its draft in one transaction (a saved record never leaves a stale
draft behind, and a failed save keeps it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.store.models import Draft

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault

P = ParamSpec("P")
T = TypeVar("T")


def draft_keys(session: Session, participant_id: int) -> set[str]:
    """The keys of the participant's pending drafts (unsaved editor content)."""
    return set(session.scalars(select(Draft.key).where(Draft.participant_id == participant_id)))


def get_draft(session: Session, key: str) -> dict[str, Any] | None:
    row = session.execute(select(Draft).where(Draft.key == key)).scalar()
    return None if row is None else dict(row.content)


def put_draft(
    session: Session, key: str, participant_id: int | None, content: dict[str, Any]
) -> None:
    row = session.execute(select(Draft).where(Draft.key == key)).scalar()
    if row is None:
        session.add(Draft(key=key, participant_id=participant_id, content=content))
    else:
        row.content = content


def delete_draft(session: Session, key: str) -> None:
    row = session.execute(select(Draft).where(Draft.key == key)).scalar()
    if row is not None:
        session.delete(row)


class Slot:
    """One editor's draft under ``key`` (the editor may change the key, e.g. when a new
    session gets its id)."""

    def __init__(self, vault: Vault, participant_id: int | None, key: str) -> None:
        self.vault = vault
        self.participant_id = participant_id
        self.key = key

    def keep(self, content: dict[str, Any]) -> None:
        self.vault.write(put_draft, self.key, self.participant_id, content)

    def read(self) -> dict[str, Any] | None:
        return self.vault.read(get_draft, self.key)

    def discard(self) -> None:
        self.vault.write(delete_draft, self.key)

    def save(
        self, save: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """``save(session, *args, **kwargs)`` and the draft's removal, committed together;
        nothing is committed if ``save`` raises."""
        return self.save_rekeyed(None, save, *args, **kwargs)

    def save_rekeyed(
        self,
        rekey: Callable[[T], str] | None,
        save: Callable[Concatenate[Session, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """As ``save``; ``rekey(result)`` names the draft key from now on (a new record's
        key once it has an id), and a draft under that key goes too."""

        def both(session: Session) -> tuple[T, str]:
            result = save(session, *args, **kwargs)
            delete_draft(session, self.key)
            key = rekey(result) if rekey is not None else self.key
            if key != self.key:
                delete_draft(session, key)
            return result, key

        result, self.key = self.vault.write(both)
        return result
