"""Issue 12, item 7: text from an imported file is shown as text, never as markup.

A participant file whose every text field is HTML (a heading, a link, an image that
points at a real file on this computer) is imported; then every screen that shows the
person is opened. On each screen every label, tooltip, tab title and item-view tooltip is
rendered the way Qt renders it (plain, or through QTextDocument when Qt takes it for rich
text) and must show the markup literally. The image file's access time is watched too:
Qt reading it means the markup was rendered.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTabBar, QWidget

from tests.canaries import canary_person, document
from tests.conftest import PASSPHRASE


@pytest.fixture
def image() -> Iterator[Path]:
    # A short path: a ref holds at most 64 characters, and the ref carries the image too.
    folder = Path(tempfile.mkdtemp(prefix="cdimg"))
    path = folder / "c.png"
    img = QImage(8, 8, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    assert img.save(str(path))
    yield path
    shutil.rmtree(folder, ignore_errors=True)


def _payloads(img: Path, tag: str) -> dict[str, str]:
    """One payload per field; ``M<tag><field>`` marks where each one must show."""

    def html(field: str) -> str:
        return f"<h1>M{tag}{field} & Co</h1><a href='https://x.example/'>L</a><img src='{img}'>"

    fields = (
        "name",
        "cwname",
        "municipality",
        "caseref",
        "dropreason",
        "notes",
        "quotes",
        "action",
        "value",
        "direction",
        "goal",
        "accommodation",
        "summary",
    )
    out = {f: html(f) for f in fields}
    out["ref"] = f"<b>M{tag}ref</b><img src='{img}'>"
    assert len(out["ref"]) <= 64
    return out


def _person(tag: str, img: Path, today: dt.date) -> dict[str, Any]:
    m = _payloads(img, tag)
    p = canary_person(tag, ref=m["ref"])
    p["name"] = m["name"]
    p["caseworker"].update(name=m["cwname"], municipality=m["municipality"], case_ref=m["caseref"])
    s = p["sessions"][0]
    s.update(notes=m["notes"], quotes=m["quotes"], actions=[m["action"]])
    jp = p["job_plan"]
    jp["values"] = [m["value"]]
    jp["direction"] = m["direction"]
    jp["goals"][0]["text"] = m["goal"]
    jp["accommodations"][0]["description"] = m["accommodation"]
    p["report_summary"] = m["summary"]
    if tag == "A":  # in the course, with a conversation today (the caseload's Today strip)
        p["status"] = "individual_phase"
        p.pop("dropped_out")
        p.pop("outcome")
        p["consent"]["scope"] = ["course", "report_to_municipality"]
        s["next_appointment"] = f"{today.isoformat()}T10:00"
        # and planned in the agenda this week
        p["sessions"].append(
            {
                "date": today.isoformat(),
                "start": "10:00",
                "minutes": 60,
                "mode": "in_person",
                "status": "planned",
            }
        )
    else:  # dropped out long ago: due for erasure
        p["dropped_out"]["reason"] = m["dropreason"]
    return p


def _rendered(text: str, fmt: Qt.TextFormat) -> str:
    """What Qt shows for ``text`` in ``fmt`` (a QLabel, a tooltip: AutoText)."""
    if fmt == Qt.TextFormat.PlainText or (
        fmt == Qt.TextFormat.AutoText and not GuiQt.mightBeRichText(text)
    ):
        return text
    doc = QTextDocument()
    if fmt == Qt.TextFormat.MarkdownText:
        doc.setMarkdown(text)
    else:
        doc.setHtml(text)
    return doc.toPlainText().replace("\u00a0", " ")


def _mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class Watch:
    def __init__(self, payloads: dict[str, str], image: Path) -> None:
        self.payloads = payloads
        self.image = image
        self.seen: dict[str, int] = {}
        self.seen_in: dict[str, set[str]] = {}  # screen -> the fields found on it
        self.problems: list[str] = []
        # relatime updates the access time of a file read after its last change: an old
        # atime makes any read by Qt visible (checked on this file system first).
        os.utime(image, (0, time.time()))
        image.read_bytes()
        self.atime_works = image.stat().st_atime > 1
        os.utime(image, (0, time.time()))

    def _check(self, where: str, raw: str, shown: str, shortened_ok: bool = False) -> None:
        for key, payload in self.payloads.items():
            marker = payload.split(">", 1)[1].split("<", 1)[0].split(" ")[0]
            if marker not in raw:
                continue
            self.seen[key] = self.seen.get(key, 0) + 1
            self.seen_in.setdefault(where.split(":")[0], set()).add(key)
            if shortened_ok and shown.endswith("…") and shown[:-1] in payload:
                continue  # a tab title cut short, literally (its tooltip is checked whole)
            if payload not in shown:
                self.problems.append(f"{where}: shows {shown[:80]!r} for {key}")

    def screen(self, name: str, top: QWidget) -> None:
        top.grab()  # paint (and lay out) everything once, as the screen would
        for lab in top.findChildren(QLabel):
            self._check(
                f"{name}: QLabel {lab.objectName()}",
                lab.text(),
                _rendered(lab.text(), lab.textFormat()),
            )
        for w in [top, *top.findChildren(QWidget)]:
            if w.toolTip():
                self._check(
                    f"{name}: tooltip of {type(w).__name__}",
                    w.toolTip(),
                    _rendered(w.toolTip(), Qt.TextFormat.AutoText),
                )
            if w.windowTitle() and w.isWindow():
                self._check(f"{name}: window title", w.windowTitle(), w.windowTitle())
        for bar in top.findChildren(QTabBar):
            for i in range(bar.count()):
                self._check(
                    f"{name}: tab {i}",
                    _mnemonic(bar.tabText(i)),
                    _mnemonic(bar.tabText(i)),
                    shortened_ok=True,
                )
                if bar.tabToolTip(i):
                    self._check(
                        f"{name}: tab tooltip",
                        bar.tabToolTip(i),
                        _rendered(bar.tabToolTip(i), Qt.TextFormat.AutoText),
                    )
        for view in top.findChildren(QAbstractItemView):
            model = view.model()
            if model is None:
                continue
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models keep columnCount private
                columns = 1
            for r in range(min(model.rowCount(QModelIndex()), 200)):
                for c in range(columns):
                    idx = model.index(r, c, QModelIndex())
                    tip = idx.data(Qt.ItemDataRole.ToolTipRole)
                    if isinstance(tip, str) and tip:
                        self._check(
                            f"{name}: cell tooltip ({r},{c})",
                            tip,
                            _rendered(tip, Qt.TextFormat.AutoText),
                        )
        if self.atime_works and self.image.stat().st_atime > 1:
            self.problems.append(f"{name}: Qt read the image named in the markup")
            os.utime(self.image, (0, time.time()))


def test_markup_from_an_imported_file_is_shown_as_text(
    qtbot, qapp, tmp_path, image, isolated_settings, monkeypatch
):
    from coachdesk.store import interchange
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.models import Participant
    from coachdesk.store.vault import Vault
    from coachdesk.ui.audit_view import AuditView
    from coachdesk.ui.erase_dialog import EraseDialog, RetentionDialog
    from coachdesk.ui.export_dialog import ExportDialog
    from coachdesk.ui.main_window import MainWindow
    from coachdesk.ui.participant_dialog import ParticipantDialog

    today = dt.date.today()
    data = tmp_path / "vault"
    vault, _ = Vault.create(data, PASSPHRASE, kdf=TEST_KDF)
    with vault.session() as s:
        interchange.import_document(
            s, document(_person("A", image, today), _person("B", image, today))
        )
        s.commit()
        ids = {p.ref: p.id for p in s.query(Participant)}
    payloads = _payloads(image, "A") | {f"B{k}": v for k, v in _payloads(image, "B").items()}
    pid, pid_b = ids[payloads["ref"]], ids[payloads["Bref"]]
    watch = Watch(payloads, image)

    window = MainWindow(data, kdf=TEST_KDF, today=today, idle_minutes=60)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.on_unlocked(vault)
    watch.screen("caseload", window)
    assert window.workspace is not None
    window.workspace.show_agenda()
    watch.screen("agenda", window)
    page = window.workspace.open_participant(pid)
    watch.screen("participant overview", window)
    page.tabs.setCurrentWidget(page.pss_tab)
    watch.screen("PSS-10 tab", window)
    page.tabs.setCurrentWidget(page.sessions)
    page.sessions._open_item(page.sessions.list.item(0))
    watch.screen("sessions tab", window)
    page.tabs.setCurrentWidget(page.jobplan)
    watch.screen("job plan tab", window)
    page.tabs.setCurrentWidget(page.outcome)
    watch.screen("outcome tab", window)
    for i in range(page.tabs.count()):  # and any tab added since (built when shown)
        page.tabs.setCurrentIndex(i)
        watch.screen(f"tab {page.tabs.tabText(i)}", window)
    window.workspace.open_participant(pid_b)
    watch.screen("second participant", window)

    dialogs: list[tuple[str, Any]] = [
        ("export dialog", lambda: ExportDialog(vault, pid, window)),
        ("erase dialog", lambda: EraseDialog(vault, pid, window)),
        (
            "retention dialog",
            lambda: RetentionDialog(vault, window, today=today.replace(year=today.year + 8)),
        ),
        ("audit view", lambda: AuditView(vault, window)),
        ("participant dialog", lambda: ParticipantDialog(vault, pid, window)),
    ]
    for name, make in dialogs:
        dlg = make()
        dlg.show()
        if isinstance(dlg, ExportDialog):
            qtbot.waitUntil(
                lambda d=dlg: (
                    d.preview_pages > 0 or d.preview_state.text() != d.tr("Building the preview…")
                ),
                timeout=20000,
            )
        watch.screen(name, dlg)
        dlg.reject()

    assert not watch.problems, "\n".join(watch.problems)
    # The test looked where the data is: the name on several screens, each field somewhere.
    assert watch.seen.get("name", 0) >= 5
    assert watch.seen_in.get("agenda", set()) >= {"name", "ref"}
    for key in ("ref", "cwname", "municipality", "caseref", "Bname", "Bref"):
        assert watch.seen.get(key, 0) >= 1, key
    window.lock()


def test_messages_that_quote_data_are_plain_text(
    qtbot, qapp, tmp_path, image, isolated_settings, monkeypatch
):
    """Errors and notices may quote a ref, a path or what was typed: the lines that show
    them and the message boxes are plain text too."""
    from PySide6.QtWidgets import QMessageBox

    from coachdesk.errors import CoachDeskError
    from coachdesk.store import interchange
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.models import Participant
    from coachdesk.store.vault import Vault
    from coachdesk.ui import erase_dialog
    from coachdesk.ui.export_dialog import ExportDialog
    from coachdesk.ui.participant_page import ParticipantPage

    today = dt.date.today()
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=TEST_KDF)
    with vault.session() as s:
        interchange.import_document(s, document(_person("A", image, today)))
        s.commit()
        pid = s.query(Participant.id).scalar()
    payloads = _payloads(image, "A")
    watch = Watch(payloads, image)
    page = ParticipantPage(vault, pid)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.tabs.setCurrentWidget(page.sessions)
    page.sessions.open_editor(None)
    page.sessions.editor.goal_message.setText(payloads["action"])
    watch.screen("session editor message", page)
    export = ExportDialog(vault, pid)
    qtbot.addWidget(export)
    export.show()
    export._show_message(payloads["name"])
    export.preview_state.setText(payloads["name"])
    watch.screen("export dialog message", export)
    export.reject()

    boxes: list[tuple[str, Qt.TextFormat]] = []

    def close_box() -> None:
        for w in qapp.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                boxes.append((w.text(), w.textFormat()))
                watch.screen("message box", w)
                w.reject()

    def refuse(*_a: Any) -> None:
        raise CoachDeskError(payloads["ref"])

    monkeypatch.setattr(erase_dialog, "erase_participant", refuse)
    dlg = erase_dialog.EraseDialog(vault, pid)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.confirm.setText(payloads["ref"])
    timer = QTimer()
    timer.timeout.connect(close_box)
    timer.start(50)
    dlg._erase()
    qtbot.waitUntil(lambda: bool(boxes))  # the erasure runs off the GUI thread
    timer.stop()
    dlg.reject()
    vault.close()
    assert [text for text, _ in boxes] == [payloads["ref"]]
    assert not watch.problems, "\n".join(watch.problems)
    assert watch.seen.get("action") and watch.seen.get("name") and watch.seen.get("ref")
