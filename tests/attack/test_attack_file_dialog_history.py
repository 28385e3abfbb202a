"""Issue 12, item 9: nothing personal outside the vault, file-dialog history included.

The coach exports a report into a folder named after the participant, through the
export dialog's real file picker. Qt's file dialog saves the folders it visited into
its own plain settings file (QtProject.conf, group FileDialog); afterwards the folder's
name must be found nowhere under the configuration folder or the home folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
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
    return [str(p) for root in roots for p in root.rglob("*")
            if needle in p.name or (p.is_file() and any(f in p.read_bytes() for f in forms))]


def test_export_folder_is_not_remembered_outside_the_vault(qtbot, qapp, tmp_path,
                                                           monkeypatch):
    from coachdesk.store import interchange
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.models import Participant
    from coachdesk.store.vault import Vault
    from coachdesk.ui.export_dialog import ExportDialog

    home, config = tmp_path / "home", tmp_path / "config"
    home.mkdir()
    config.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    # QSettings reads XDG_CONFIG_HOME once per process: point both formats here too.
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
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
