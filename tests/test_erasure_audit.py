"""The audit chain around erasure (promise 8 and 9): redaction keeps it verifiable,
while any edit of a stored event (even by someone with the key) is caught by check."""

from __future__ import annotations

import sqlcipher3

from coachdesk.cli.main import main
from coachdesk.store import audit, interchange
from coachdesk.store.erasure import erase_participant
from coachdesk.store.models import AuditEvent
from tests.canaries import canary_person, document


def _raw_sql(db_path, key: bytes, sql: str) -> None:
    conn = sqlcipher3.connect(str(db_path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_edited_or_deleted_audit_rows_are_caught_after_an_erasure(vault, passphrase_file, capsys):
    with vault.session() as s:
        interchange.import_document(s, document(canary_person("A"), canary_person("B")))
        s.commit()
    erase_participant(vault, canary_person("A")["ref"])
    with vault.session() as s:
        assert audit.verify(s) == []
        n = s.query(AuditEvent).count()
        target = s.query(AuditEvent).filter_by(action="participant_erased").one().id
    key = vault.raw_key_for_backup()
    vault.close()
    args = ["--data-dir", str(vault.data_dir), "check", "--passphrase-file", str(passphrase_file)]
    assert main(args) == 0
    # Someone with the key hides what was erased: the chain no longer verifies.
    _raw_sql(
        vault.db_path,
        key,
        f"UPDATE audit_event SET detail = '{{\"rows\": {{}}}}' WHERE id = {target}",
    )
    capsys.readouterr()
    assert main(args) == 4
    assert f"audit event {target}" in capsys.readouterr().err
    # Deleting an event instead breaks the link to the next one.
    _raw_sql(
        vault.db_path,
        key,
        f"UPDATE audit_event SET detail = NULL, redacted = 1 WHERE id = {target}",
    )
    _raw_sql(vault.db_path, key, "DELETE FROM audit_event WHERE id = 2")
    assert main(args) == 4
    assert n > 2
