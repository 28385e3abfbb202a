"""Shared fixtures: a fresh, real SQLCipher vault per test (cheap KDF), offscreen Qt."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The cheap test KDF (--insecure-test-kdf, TEST_KDF) is refused without this (issue 12
# item 15); the suite sets it, a real installation never does.
os.environ["COACHDESK_ALLOW_INSECURE_KDF"] = "1"

PASSPHRASE = "correct horse battery"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault_and_code(data_dir: Path):
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault

    vault, code = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    yield vault, code
    vault.close()


@pytest.fixture
def vault(vault_and_code):
    return vault_and_code[0]


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    f = tmp_path / "pass.txt"
    f.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return f


@pytest.fixture
def no_network(monkeypatch) -> Iterator[None]:
    """Any attempt to create a socket fails the test (security promise 5)."""

    class _Forbidden(socket.socket):
        def __init__(self, *a, **k):
            raise AssertionError("CoachDesk tried to open a network socket")

    def _forbidden(*a, **k):
        raise AssertionError("CoachDesk tried to open a network connection")

    monkeypatch.setattr(socket, "socket", _Forbidden)
    monkeypatch.setattr(socket, "create_connection", _forbidden)
    monkeypatch.setattr(socket, "getaddrinfo", _forbidden)
    yield


@pytest.fixture
def isolated_settings(tmp_path: Path, qapp) -> Iterator[None]:
    """QSettings in a temp folder: GUI tests never read or write the real preferences."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings")
    )
    qapp.setOrganizationName("CoachDeskTest")
    qapp.setApplicationName("CoachDeskTest")
    QSettings().clear()
    yield
