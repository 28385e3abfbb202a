"""Render the app's screens to PNG (offscreen) for review and the docs: one set-up, one
numbered registry of scenes.

``coachdesk screenshots`` renders the main screens (01-10, 1280x800) of any vault it may;
``make screenshots`` runs this module on a fresh demo vault, which renders those and
every other scene of the registry (``DOC_SCENES``: 11 on, 1366x768 and some also
1920x1080, and the report PDFs' pages) into docs/screenshots. Each scene has its own
number; adding a picture is one ``Scene`` entry.

A screenshot is a plaintext copy of what the app shows, so (docs/security.md, "GUI:
plain text, screenshots, file dialogs"): only a vault that holds nothing but `demo`'s
synthetic people is rendered, unless the caller says ``real_data`` (then it is an
export, in the audit log); the PNGs are readable by the owner only (0600, a folder made
here 0700), written into a private temporary folder and moved into place only once the
audit event is committed. The doc scenes change the vault (they delete a session and
undo that, add a job plan version and WHO-5 answers): demo vaults only, never with
``real_data``.

    COACHDESK_ALLOW_INSECURE_KDF=1 QT_QPA_PLATFORM=offscreen \
        .venv/bin/python -m coachdesk.ui.screenshots DATA_DIR OUT PASSPHRASE_FILE
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass

SIZE = (1280, 800)  # the main screens
DOC_SIZE = (1366, 768)  # the doc scenes; ``wide`` ones also at WIDE_SIZE
WIDE_SIZE = (1920, 1080)
SAMPLE_CODE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"  # never a real recovery code


REFUSED = (
    "This vault holds real participants (or people not made by 'coachdesk demo'): "
    "screenshots are plaintext copies of their data. Use a vault made by "
    "'coachdesk demo', or pass --real-data (recorded in the audit log as an export)."
)


def check_allowed(session: Any, real_data: bool) -> bool:
    """True for a vault of demo people only; raises BadInput for real data without
    ``real_data``."""
    from coachdesk.errors import BadInput
    from coachdesk.store import demo_mark

    demo = demo_mark.only_demo_people(session)
    if not demo and not real_data:
        raise BadInput(REFUSED)
    return demo


def save_png(widget: Any, path: Path) -> Path:
    """``widget`` (or a QImage) as a PNG at ``path``, readable by the owner only (0600
    from the first byte: written to a private temporary file beside it, then renamed)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QImageWriter

    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image = widget if isinstance(widget, QImage) else widget.grab().toImage()
    QImageWriter(buf, QByteArray(b"PNG")).write(image)
    fd, tmp = tempfile.mkstemp(prefix=".shot-", suffix=".tmp", dir=path.parent)  # 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(bytes(buf.data().data()))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def render_all(
    data_dir: Path,
    out: Path,
    passphrase: str,
    lang: str | None = None,
    today: dt.date | None = None,
    *,
    real_data: bool = False,
    docs: bool = False,
) -> list[Path]:
    """The main screens into ``out``; with ``docs`` every scene of the registry (a demo
    vault only: those scenes change it)."""
    from coachdesk.errors import BadInput
    from coachdesk.store.vault import Vault

    vault = Vault.open(data_dir, passphrase=passphrase)
    try:
        demo = vault.read(check_allowed, real_data)
        if docs and not demo:
            raise BadInput(REFUSED)
    except BaseException:
        vault.close()
        raise
    if not out.exists():
        out.mkdir(parents=True)
        out.chmod(0o700)
    staging = Path(tempfile.mkdtemp(prefix=".coachdesk-shots-", dir=out))  # 0700
    try:
        try:
            staged = _render(vault, data_dir, staging, lang, today, demo, docs)
        finally:
            vault.close()  # locked by the window already when all went well; idempotent
        written = []
        for f in staged:
            os.replace(f, out / f.name)
            written.append(out / f.name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# --- the registry ------------------------------------------------------------------------


@dataclass
class Studio:
    """What the scenes share: the app, the main window on the unlocked vault, the
    participant they show, the size of this pass and what earlier scenes left open."""

    app: Any
    window: Any
    vault: Any
    out: Path
    demo: bool
    today: dt.date
    pid: int | None = None
    size: tuple[int, int] = SIZE
    suffix: str = ""
    written: list[Path] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)

    def settle(self) -> None:
        for _ in range(5):
            self.app.processEvents()

    def save(self, widget: Any, name: str) -> None:
        self.settle()
        self.written.append(save_png(widget, self.out / f"{name}{self.suffix}.png"))

    def page(self) -> Any:
        """The participant's page, opened in the window at this pass's size."""
        assert self.pid is not None and self.window.workspace is not None
        self.window.resize(*self.size)
        self.window.show()
        return self.window.workspace.open_participant(self.pid)


@dataclass(frozen=True)
class Scene:
    """One picture: ``NN-name.png``; ``draw`` returns the widget to grab (None: nothing
    to show here, no file). ``wide``: also at 1920x1080, as ``NN-name-1920.png``."""

    number: int
    name: str
    draw: Callable[[Studio], Any]
    wide: bool = False

    @property
    def file_stem(self) -> str:
        return f"{self.number:02d}-{self.name}"


def _window(st: Studio) -> Any:
    st.window.resize(*st.size)
    st.window.show()
    return st.window


def _main_tab(tab: str) -> Callable[[Studio], Any]:
    def draw(st: Studio) -> Any:
        page = st.page()
        if tab == "overview":
            return st.window
        if tab == "sessions":
            page.tabs.setCurrentWidget(page.sessions)
            item = page.sessions.list.item(0)
            if item is not None:
                page.sessions._open_item(item)
            return st.window
        page.tabs.setCurrentWidget(
            {"pss10": page.pss_tab, "jobplan": page.jobplan, "outcome": page.outcome}[tab]
        )
        return st.window

    return draw


def _first_run(st: Studio) -> Any:
    from coachdesk.ui.first_run import FirstRunView

    first = FirstRunView(Path(st.state["empty"]) / "vault")
    first.recovery_code = SAMPLE_CODE
    first.code_label.setText(SAMPLE_CODE)
    first.steps.setCurrentIndex(1)
    first.resize(*st.size)
    first.show()
    st.state["first_run"] = first  # closed after the grab
    return first


def _settings(st: Studio) -> Any:
    from coachdesk.ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(st.vault, st.window)
    dlg.adjustSize()
    dlg.show()
    st.state["close"] = dlg
    return dlg


# The main screens: what `coachdesk screenshots` renders (10-locked comes last, after the
# export is recorded and the window is locked).
MAIN_SCENES: tuple[Scene, ...] = (
    Scene(1, "unlock", _window),
    Scene(2, "first-run-recovery-code", _first_run),
    Scene(3, "caseload", _window),
    Scene(4, "participant-overview", _main_tab("overview")),
    Scene(5, "pss10", _main_tab("pss10")),
    Scene(6, "session-editor", _main_tab("sessions")),
    Scene(7, "job-plan", _main_tab("jobplan")),
    Scene(8, "outcome", _main_tab("outcome")),
    Scene(9, "settings", _settings),
)
LOCKED = Scene(10, "locked", _window)


def _date_field(typed: str, *, new: bool) -> Callable[[Studio], Any]:
    """A new session's date typed wrong (refused, the message under the field, focus
    kept), then (``new=False``: the same editor) one the field understands."""

    def draw(st: Studio) -> Any:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        page = st.page()
        page.tabs.setCurrentWidget(page.sessions)
        if new:
            if page.sessions.editor is not None:
                page.sessions.editor._dirty = False  # nothing of it is kept
                page.sessions.close_editor()
            page.sessions.undo_bar.clear()
            page.sessions.open_editor(None)
        editor = page.sessions.editor
        st.settle()
        editor.date.edit.setFocus()
        QTest.keyClick(editor.date.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(editor.date.edit, typed)
        QTest.keyClick(editor.date.edit, Qt.Key.Key_Tab)
        return st.window

    return draw


def _delete_undo(st: Studio) -> Any:
    page = st.page()
    page.tabs.setCurrentWidget(page.sessions)
    if page.sessions.editor is not None:
        page.sessions.editor._dirty = False
        page.sessions.close_editor()
    page.sessions.list.setCurrentRow(0)
    page.sessions.delete_selected()
    st.save(st.window, "13-delete-undo")
    page.sessions.undo_bar.undo()  # the vault as it was
    return None


def _second_job_plan(st: Studio) -> None:
    """A changed job plan version (demo data only) for the diff."""
    from coachdesk.store import demo

    assert st.pid is not None
    st.vault.write(demo.add_plan_version, st.pid)


def _job_plan_diff(st: Studio) -> Any:
    _second_job_plan(st)
    page = st.page()
    page.tabs.setCurrentWidget(page.jobplan)
    page.jobplan.reload()  # the version just added
    page.jobplan.compare()
    dialog = page.jobplan.diff_dialog
    st.state["close"] = dialog
    return dialog


def _attendance(st: Studio) -> Any:
    page = st.page()
    page.tabs.setCurrentWidget(page.overview)
    page.attendance_list.setCurrentRow(0)
    return st.window


def _report_fields(st: Studio) -> Any:
    page = st.page()
    page.tabs.setCurrentWidget(page._tab("report"))
    return st.window


def _until(st: Studio, ready: Callable[[], bool], seconds: int = 60) -> None:
    """Let the event loop run (background jobs report back) until ``ready``."""
    from PySide6.QtTest import QTest

    deadline = dt.datetime.now() + dt.timedelta(seconds=seconds)
    while not ready() and dt.datetime.now() < deadline:
        QTest.qWait(50)
    st.settle()


def _export_dialog(kind: str) -> Callable[[Studio], Any]:
    def draw(st: Studio) -> Any:
        from coachdesk.ui.export_dialog import ExportDialog

        dlg = ExportDialog(st.vault, st.pid or 0, st.window)
        dlg.resize(*st.size)
        dlg.show()

        def shown() -> bool:
            return not dlg.jobs.busy() and not dlg._debounce.isActive() and dlg.preview_pages > 0

        _until(st, shown)
        if dlg.kind.currentData() != kind:
            dlg.kind.setCurrentIndex(dlg.kind.findData(kind))
            _until(st, shown)
        st.state["close"] = dlg
        return dlg

    return draw


def _cohort(st: Studio) -> Any:
    from coachdesk.ui.cohort_dialog import CohortReportDialog

    dlg = CohortReportDialog(st.vault, st.window, today=st.today)
    dlg.resize(*st.size)
    dlg.show()
    _until(st, lambda: dlg.prepared is not None and not dlg.jobs.busy())
    st.state["close"] = dlg
    return dlg


def _handover(st: Studio) -> Any:
    from pyrage import x25519

    from coachdesk.ui.handover_dialog import HandoverDialog

    dlg = HandoverDialog(st.vault, st.pid or 0, st.window)
    dlg.recipient.setText(str(x25519.Identity.generate().to_public()))  # a sample key
    dlg.path.setText(str(Path(tempfile.gettempdir()) / "overdragelse.age"))
    dlg.show()
    st.state["close"] = dlg
    return dlg


def _today(st: Studio) -> Any:
    ws = _window(st).workspace
    ws.show_caseload()
    ws.caseload.load_reminders()
    return st.window


def _agenda(st: Studio) -> Any:
    ws = _window(st).workspace
    ws.show_agenda()
    ws.agenda.go_today()
    return st.window


def _planned_session(st: Studio) -> Any:
    """Enter on the first planned conversation: its editor, with "Marker som afholdt"."""
    from coachdesk.ui.agenda_view import ITEM_ROLE

    ws = _window(st).workspace
    ws.show_agenda()
    table = ws.agenda.table
    row = next(
        (r for r in range(table.rowCount()) if table.item(r, 0).data(ITEM_ROLE).kind == "session"),
        None,
    )
    if row is None:
        return None
    item = table.item(row, 0).data(ITEM_ROLE)
    page = ws.open_session(item.participant_id, item.session_id)
    st.settle()
    st.save(st.window, "23-planned-session")
    page.sessions.close_editor()
    ws.close_tab(ws.indexOf(page))
    return None


def _roster(st: Studio) -> Any:
    """The roster of the largest hold that has had its group phase (the latest of equals)."""
    from coachdesk.store import agenda
    from coachdesk.ui.roster_view import RosterDialog

    sizes = st.vault.read(agenda.hold_sizes)
    best = max(
        (h for h in sizes if h + dt.timedelta(weeks=4) <= st.today),
        key=lambda h: (sizes[h], h),
        default=None,
    )
    dlg = RosterDialog(st.vault, st.window, course_start=best)
    dlg.resize(min(st.size[0] - 80, 1280), min(st.size[1] - 80, 720))
    dlg.show()
    st.state["close"] = dlg
    return dlg


def _calendar(st: Studio) -> Any:
    from coachdesk.ui.calendar_dialog import CalendarExportDialog

    dlg = CalendarExportDialog(st.vault, st.window)
    dlg.show()
    st.state["close"] = dlg
    return dlg


def _who5_answers(st: Studio) -> None:
    """WHO-5 before, during and after for the participant (demo data only)."""
    from coachdesk.store import demo

    assert st.pid is not None
    st.vault.write(demo.add_who5_answers, st.pid, st.today)


def _who5_chart(st: Studio) -> Any:
    from coachdesk.ui.instruments_tab import InstrumentsTab

    _who5_answers(st)
    page = st.page()
    tab = page._tab("instruments")
    assert isinstance(tab, InstrumentsTab)
    tab.reload()  # the answers just added
    page.tabs.setCurrentWidget(tab)
    tab.select("who5")
    return st.window


def _who5_form(st: Studio) -> Any:
    page = st.page()
    tab = page._tab("instruments")
    form = tab.new_questionnaire()
    form.resize(min(st.size[0], 960), min(st.size[1] - 60, 720) if st.suffix else 700)
    for digit in (3, 2, 4):
        form.grid._set(form.grid.current(), digit)
        form.grid.set_current(form.grid.current() + 1)
    st.state["reject"] = form
    return form


# Everything docs/ shows beyond the main screens, one number each.
DOC_SCENES: tuple[Scene, ...] = (
    Scene(11, "date-field", _date_field("31.02.2026", new=True)),
    Scene(12, "date-field-understood", _date_field("150926", new=False)),
    Scene(13, "delete-undo", _delete_undo),
    Scene(14, "job-plan-diff", _job_plan_diff),
    Scene(15, "attendance-marks", _attendance),
    Scene(16, "report-fields", _report_fields),
    Scene(17, "export-dialog", _export_dialog("final_report")),
    Scene(18, "export-dialog-own-copy", _export_dialog("access_copy")),
    Scene(19, "cohort-report", _cohort),
    Scene(20, "handover", _handover),
    Scene(21, "today-reminders", _today, wide=True),
    Scene(22, "agenda", _agenda, wide=True),
    Scene(23, "planned-session", _planned_session, wide=True),
    Scene(24, "roster", _roster, wide=True),
    Scene(25, "calendar-export", _calendar, wide=True),
    Scene(26, "who5-chart", _who5_chart, wide=True),
    Scene(27, "who5-form", _who5_form, wide=True),
)

# The report PDFs, page by page (the participant of the doc scenes, Danish).
REPORTS: tuple[tuple[str, str, str], ...] = (
    ("report-statusnotat", "status_report", "default"),
    ("report-slutrapport", "final_report", "default"),
    ("report-egen-kopi", "access_copy", "everything"),
)


def _play(st: Studio, scene: Scene) -> None:
    widget = scene.draw(st)
    if widget is not None:
        st.save(widget, scene.file_stem)
    for key in ("close", "reject", "first_run"):
        w = st.state.pop(key, None)
        if w is not None:
            w.reject() if key == "reject" else w.close()


def _report_pages(st: Studio) -> None:
    """Each report's pages, drawn by Qt's PDF renderer at about 80 dpi."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    from coachdesk.reports import content
    from coachdesk.reports.export import render_pdf

    for stem, kind, _ in REPORTS:
        request = content.ReportRequest(kind=kind, lang="da")
        data = st.vault.read(render_pdf, st.pid or 0, request)
        raw = QByteArray(data)
        buf = QBuffer(raw)
        buf.open(QIODevice.OpenModeFlag.ReadOnly)
        doc = QPdfDocument()
        doc.load(buf)
        for i in range(doc.pageCount()):
            points = doc.pagePointSize(i)
            size = QSize(round(points.width() * 80 / 72), round(points.height() * 80 / 72))
            st.written.append(save_png(doc.render(i, size), st.out / f"{stem}-{i + 1}.png"))
        doc.close()


def check_registry() -> None:
    """Every picture has its own number (a doubled one would overwrite a picture)."""
    numbers = [s.number for s in (*MAIN_SCENES, LOCKED, *DOC_SCENES)]
    doubled = sorted({n for n in numbers if numbers.count(n) > 1})
    if doubled:
        raise ValueError(f"screenshot numbers used twice: {doubled}")


def _participant(vault: Any) -> int | None:
    """A participant far enough along to have sessions and a job plan."""
    from coachdesk.store import demo

    pid: int | None = vault.read(demo.showcase_participant) or vault.read(demo.any_participant)
    return pid


def _render(
    vault: Any,
    data_dir: Path,
    out: Path,
    lang: str | None,
    today: dt.date | None,
    demo: bool,
    docs: bool = False,
) -> list[Path]:
    """Every scene into ``out`` (a private folder); the export is audited before the
    vault is locked."""
    check_registry()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from coachdesk.ui.app import setup_application

    app = QApplication.instance() or QApplication(["coachdesk-screenshots"])
    settings_dir = tempfile.TemporaryDirectory(prefix="coachdesk-shots-")
    # Screenshots must not touch (or depend on) the coach's own preferences.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir.name)
    setup_application(app, lang)
    from coachdesk.store import audit
    from coachdesk.ui.main_window import MainWindow

    window = MainWindow(data_dir, today=today, idle_minutes=60)
    st = Studio(app, window, vault, out, demo, today or dt.date.today())
    with tempfile.TemporaryDirectory() as empty:
        st.state["empty"] = empty
        _play(st, MAIN_SCENES[0])  # the unlock screen
        _play(st, MAIN_SCENES[1])  # the first run's recovery code
        del st.state["empty"]
    window.on_unlocked(vault)
    st.pid = _participant(vault)
    for scene in MAIN_SCENES[2:]:
        if st.pid is not None or scene.number in (3, 9):
            _play(st, scene)
    if docs and st.pid is not None:
        for size, suffix in ((DOC_SIZE, ""), (WIDE_SIZE, "-1920")):
            st.size, st.suffix = size, suffix
            for scene in DOC_SCENES:
                if scene.wide or not suffix:
                    _play(st, scene)
        st.size, st.suffix = SIZE, ""
        _report_pages(st)
    # An export of what the screens showed (names never in the log): committed before
    # the files leave the private folder. The locked screen (next) shows no data.
    vault.write(
        audit.record,
        "export",
        {"kind": "screenshots", "files": len(st.written) + 1, "demo_only": demo},
    )
    window.lock()
    _play(st, LOCKED)
    window.close()
    settings_dir.cleanup()
    return st.written


def main(argv: list[str]) -> int:
    """``python -m coachdesk.ui.screenshots DATA_DIR OUT PASSPHRASE_FILE``: every scene
    of the registry, in Danish, from a demo vault (``make screenshots``)."""
    from coachdesk.errors import BadInput

    if len(argv) != 3:
        print("usage: python -m coachdesk.ui.screenshots DATA_DIR OUT PASSPHRASE_FILE")
        return 2
    data_dir, out, pass_file = Path(argv[0]), Path(argv[1]), Path(argv[2])
    secret = pass_file.read_text(encoding="utf-8").strip()
    try:
        files = render_all(data_dir, out, secret, "da", docs=True)
    except BadInput as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"Wrote {len(files)} screenshot(s) to {out}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
