"""The caseload in the Danish alphabet's order: ... x, y, z, æ, ø, å (code point order
put å before æ and ø). One order for the unlock's first page, the whole list and the
table's name column; the search still finds what is typed; a vault from before
revision 0016 is re-keyed by its migration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from coachdesk.store import caseload, migrate, participants
from coachdesk.ui.caseload_model import CaseloadModel

TODAY = dt.date(2026, 12, 2)
# "A\u030ase" is "Åse" typed as a + combining ring. "Aase" stays an A name: the old
# spelling's "aa" = å rule is not applied (a name's own spelling decides).
DANISH = ["Østergaard Ø", "Aase Å", "Zenia Zahle", "A\u030ase Åby", "Anders Ahl", "Ærø Æbelø"]
DANISH_ORDER = ["Aase Å", "Anders Ahl", "Zenia Zahle", "Ærø Æbelø", "Østergaard Ø", "A\u030ase Åby"]


def _add(vault, names):
    with vault.session() as s:
        for i, name in enumerate(reversed(names)):
            participants.create_participant(
                s, {"ref": f"DK-{i:03d}", "name": name, "status": "referred"}
            )
        s.commit()


def test_the_caseload_is_in_danish_alphabetical_order(vault, qapp) -> None:
    _add(vault, DANISH)
    whole = vault.read_raw(caseload.read_caseload, TODAY)
    names = [r.name for r in whole.rows]
    assert names == DANISH_ORDER
    page = vault.read_raw(caseload.read_caseload, TODAY, first=3)
    assert [r.name for r in page.rows] == names[:3]
    # The table's name column keeps that order (nothing to sort at unlock).
    m = CaseloadModel()
    m.set_rows(whole.rows)
    m.sort(0)
    assert [m.row_at(i).name for i in range(m.rowCount())] == names


def test_the_search_finds_danish_letters_typed_any_way(vault, qapp) -> None:
    _add(vault, DANISH)
    m = CaseloadModel()
    m.set_rows(vault.read_raw(caseload.read_caseload, TODAY).rows)

    def found(needle: str) -> set[str]:
        m.set_filter(needle, None, False)
        return {m.row_at(i).name for i in range(m.rowCount())}

    assert found("å") == {"Aase Å", "A\u030ase Åby"}
    assert found("Å") == found("a\u030a") == found("å")
    assert found("æ") == {"Ærø Æbelø"}
    assert found("ØSTER") == {"Østergaard Ø"}


def test_the_migration_rekeys_a_vault_from_before(vault) -> None:
    from alembic import command

    _add(vault, DANISH)
    cfg = migrate.alembic_config()
    with vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0015")

    def keys() -> dict[str, str]:
        with vault.engine.connect() as c:
            rows = c.execute(text("SELECT name, search_key FROM caseload_summary")).all()
        return dict(rows)

    old = keys()
    assert old["Ærø Æbelø"] == "ærø æbelø\x1fdk-000"  # the code point order's key
    migrate.upgrade(vault.engine)
    new = keys()
    assert new == {
        name: caseload.search_key(name, f"DK-{len(DANISH) - 1 - i:03d}")
        for i, name in enumerate(DANISH)
    }
    assert [r.name for r in vault.read_raw(caseload.read_caseload, TODAY).rows] == DANISH_ORDER
