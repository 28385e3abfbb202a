"""Item 5 (the store's part): the vault's engine hides statement parameters, so a failing
statement's error text never carries the personal data it was writing."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import StatementError


def test_a_failing_statement_does_not_show_its_parameters(vault):
    secret = "Ida Hemmelig 010203-1234"
    with vault.session() as s, pytest.raises(StatementError) as info:
        s.execute(text("INSERT INTO no_such_table (name) VALUES (:n)"), {"n": secret})
    assert secret not in str(info.value)
    assert vault.engine.hide_parameters
