"""Issue 12, item 9: nothing personal outside the vault, file-dialog history included.

The coach exports a report into a folder named after the participant, through the
export dialog's real file picker. Qt's file dialog saves the folders it visited into
its own plain settings file (QtProject.conf, group FileDialog); afterwards the folder's
name must be found nowhere under the configuration folder or the home folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from tests.canaries import canary_person, document
from tests.conftest import PASSPHRASE

CANARY = "KanarieAxfolderQ7 Ida Jensen"


def _answer_file_dialog(qapp: QApplication, folder: Path, name: str) -> QTimer:
    """Once the picker is up: go into ``folder`` (as a coach clicking through would),
    type ``name`` and accept."""
    timer = QTimer()

    def answer() -> None:
        for w in qapp.topLevelWidgets():
            if isinstance(w, QFileDialog) and w.isVisible():
                timer.stop()
                w.setDirectory(str(folder))
                edit = w.findChild(QLineEdit, "fileNameEdit")
                edit.setText(name)
                w.accept()
                return

    timer.timeout.connect(answer)
    timer.start(50)
    return timer


def _scan(roots: list[Path], needle: str) -> list[str]:
    """Files under ``roots`` whose name or bytes hold ``needle`` (also URL-encoded)."""
    forms = (needle.encode(), needle.replace(" ", "%20").encode())
    return [
        str(p)
        for root in roots
        for p in root.rglob("*")
        if needle in p.name or (p.is_file() and any(f in p.read_bytes() for f in forms))
    ]


@pytest.fixture
def isolated_home(tmp_path: Path, monkeypatch) -> Iterator[tuple[Path, Path]]:
    """HOME and the config folder in ``tmp_path``. QSettings reads XDG_CONFIG_HOME once
    per process: both formats are pointed there too (and back afterwards)."""
    before = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.ConfigLocation)
    home, config = tmp_path / "home", tmp_path / "config"
    home.mkdir()
    config.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    for fmt in formats:
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    yield home, config
    for fmt in formats:
        QSettings.setPath(fmt, QSettings.Scope.UserScope, before)


def test_export_folder_is_not_remembered_outside_the_vault(qtbot, qapp, tmp_path, isolated_home):
    from coachdesk.store import interchange
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.models import Participant
    from coachdesk.store.vault import Vault
    from coachdesk.ui.export_dialog import ExportDialog

    home, config = isolated_home
    qapp.setOrganizationName("CoachDeskTest")
    qapp.setApplicationName("CoachDeskTest")

    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=TEST_KDF)
    person = canary_person("A")
    person["consent"]["scope"] = ["course", "report_to_municipality"]
    with vault.session() as s:
        interchange.import_document(s, document(person))
        s.commit()
        pid = s.query(Participant.id).scalar()
    folder = tmp_path / "exports" / CANARY
    folder.mkdir(parents=True)

    dlg = ExportDialog(vault, pid)
    qtbot.addWidget(dlg)
    dlg.ask_sender = lambda current: None  # (the coach's details: not this test's matter)
    dlg.show()
    timer = _answer_file_dialog(qapp, folder, "report.pdf")
    dlg.start_export()
    timer.stop()
    qtbot.waitUntil(lambda: dlg.last_result is not None, timeout=30000)
    assert Path(dlg.last_result.path).parent == folder  # the picker was really used
    dlg.reject()
    dlg.deleteLater()
    qapp.processEvents()
    QSettings().sync()
    vault.close()

    assert any(p.is_file() for p in config.rglob("*"))  # Qt did write its settings here
    assert _scan([config, home], "KanarieAxfolderQ7") == []


def test_backup_restore_and_import_pickers_remember_nothing_either(
    qtbot, qapp, tmp_path, isolated_home, vault
):
    """The backup folder, restore and import pickers (the same path as the export's);
    an old history in Qt's file is removed at start."""
    from coachdesk.ui.backup_dialog import BackupDialog, RestoreDialog

    home, config = isolated_home
    folder = tmp_path / "usb" / CANARY
    folder.mkdir(parents=True)
    (folder / "coachdesk-1.cdbackup").write_bytes(b"not a backup")

    dlg = BackupDialog(vault)
    qtbot.addWidget(dlg)
    timer = _answer_file_dialog(qapp, folder, "")
    dlg.choose_folder()
    timer.stop()
    assert dlg.folder() == folder  # the picker was really used
    restore = RestoreDialog(tmp_path / "restored")
    qtbot.addWidget(restore)
    timer = _answer_file_dialog(qapp, folder, "coachdesk-1.cdbackup")
    restore.choose_file()
    timer.stop()
    timer = _answer_file_dialog(qapp, folder, "")
    restore.choose_folder()
    timer.stop()
    assert restore.folder_edit.text() == str(folder)
    from coachdesk.ui.import_dialog import ImportDialog

    (folder / "people.json").write_text(json.dumps(document(canary_person("B"))), encoding="utf-8")
    importer = ImportDialog(vault)
    qtbot.addWidget(importer)
    timer = _answer_file_dialog(qapp, folder, "people.json")
    importer.choose()
    timer.stop()
    assert importer.imported  # the picker was really used, and the file imported
    importer.deleteLater()  # a dialog's picker must not wait for its parent to go
    qapp.processEvents()
    QSettings().sync()
    assert (config / "QtProject.conf").exists()
    assert _scan([config, home], "KanarieAxfolderQ7") == []

    # What an older version left behind is removed when the app starts.
    qt = QSettings(QSettings.Scope.UserScope, "QtProject")
    qt.setValue("FileDialog/history", [f"file://{folder}"])
    qt.setValue("FileDialog/lastVisited", f"file://{folder}")
    qt.sync()
    assert _scan([config], "KanarieAxfolderQ7")
    from coachdesk.ui import file_dialogs

    file_dialogs.purge_qt_history()
    assert _scan([config, home], "KanarieAxfolderQ7") == []
