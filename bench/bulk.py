"""The bulk paths of issue 19 item 1, each against its own baseline measured in the same run.

Called by bench/run.py (``measure(bench)``) for the figures with targets:

- ``export_ratio_10k``: ``coachdesk export --all --format json`` of the 10,000-person
  vault (a fresh process: start, unlock with the test KDF, export, record, commit)
  over a process that reads the exported file and writes the same bytes back:
  ``json.loads``, ``json.dumps(ensure_ascii=False, indent=2)`` (the export's format),
  write and fsync. Alternating, medians. ``export_ratio_compact_10k`` (no target) is
  the same export over a baseline that writes compact JSON instead (the C encoder's
  best case: a file of other bytes, so not the target's baseline).
- ``export_rss_mb_10k``: the export process's peak resident memory (its own VmHWM).
- ``import_ratio_2000``: ``interchange.import_document`` of the 2,000-person file
  with 8 sessions each into a new vault, commit included, over raw ``sqlcipher3``:
  ``json.loads`` of the same file, the same rows as tuples (JSON columns serialized,
  dates as their text) and one ``executemany`` per table, commit; both into fresh
  vaults, alternating, medians.
- ``import_rss_mb_10k``: ``coachdesk import`` of the 10,000-person file (8 sessions
  each) into an empty vault, the process's peak resident memory.

``python bench/bulk.py --scaling 100,1000,10000`` prints the export and import rows of
the scaling table (docs/performance.md) without the rest of the benchmark.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import workload  # noqa: E402

# The baseline process: the same bytes the export wrote, through the stdlib.
_BASELINE = r"""
import json, os, sys
src, dst, mode = sys.argv[1:4]
with open(src, "rb") as f:
    doc = json.loads(f.read())
if mode == "indent":
    out = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
else:
    out = json.dumps(doc, ensure_ascii=False).encode("utf-8") + b"\n"
with open(dst, "wb") as f:
    f.write(out)
    f.flush()
    os.fsync(f.fileno())
"""


# A command run so that it reports its own peak memory: VmHWM of its own address space,
# read as it ends. (The rusage of a child is no good here: Python starts children with
# vfork, and Linux carries the parent's peak into the child's ru_maxrss at exec, so
# every child of this big benchmark process would "peak" at the parent's size.)
_PEAK = r"""
import runpy, sys
out = sys.argv.pop(1)
def peak():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return line.split()[1]
    return "0"
try:
    if sys.argv[1] == "-m":
        sys.argv = [sys.argv[2], *sys.argv[3:]]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        sys.argv = sys.argv[1:]
        runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    with open(out, "w") as f:
        f.write(peak())
"""


def timed_process(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run ``cmd`` (``python -m module ...``); returns (seconds, its peak RSS in MB)."""
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile("w+") as err:
        peak = Path(tmp) / "peak"
        full = [cmd[0], "-c", _PEAK, str(peak), *cmd[1:]]
        t = time.perf_counter()
        proc = subprocess.run(full, env=env, stdout=subprocess.DEVNULL, stderr=err)
        seconds = time.perf_counter() - t
        if proc.returncode:
            err.seek(0)
            tail = (err.read().strip().splitlines() or ["no output"])[-1]
            raise RuntimeError(f"exited {proc.returncode}: {tail}")
        kib = int(peak.read_text() or 0) if peak.exists() else 0
    return seconds, kib / 1024


def _env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(BENCH.parent), "COACHDESK_ALLOW_INSECURE_KDF": "1"}


def _cli(data_dir: Path, pp: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "coachdesk",
        "--data-dir",
        str(data_dir),
        *args,
        "--passphrase-file",
        str(pp),
    ]


def export_runs(vault: Path, root: Path, reps: int) -> dict[str, list[float]]:
    """Export and its two baselines, alternating; each list has ``reps`` values."""
    d = root / "vault-export"
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(vault, d)  # its own copy: every export adds its disclosures
    pp = root / "export-passphrase.txt"
    pp.write_text(workload.PASSPHRASE, encoding="utf-8")
    out = root / "export.json"
    baseline = root / "baseline.py"
    baseline.write_text(_BASELINE, encoding="utf-8")
    runs: dict[str, list[float]] = {"export": [], "rss": [], "indent": [], "compact": []}
    env = _env()
    for _ in range(reps):
        out.unlink(missing_ok=True)
        s, rss = timed_process(
            _cli(d, pp, "export", "--all", "--format", "json", "--out", str(out)), env
        )
        runs["export"].append(s)
        runs["rss"].append(rss)
        for mode in ("indent", "compact"):
            s, _ = timed_process(
                [sys.executable, str(baseline), str(out), str(root / "baseline.json"), mode], env
            )
            runs[mode].append(s)
    runs["size_mb"] = [out.stat().st_size / 1e6]
    shutil.rmtree(d, ignore_errors=True)
    return runs


# --- import against raw executemany ------------------------------------------------------

_TABLE_COLS = {
    "assessment": ("participant_id", "kind", "date", "instrument", "answers", "created_at", "updated_at"),
    "session_log": (
        "participant_id", "date", "start", "minutes", "mode", "status", "week", "themes",
        "notes", "quotes", "actions", "ratings", "next_appointment", "confirmed", "created_at",
        "updated_at",
    ),
    "group_attendance": ("participant_id", "date", "present", "excused", "confirmed"),
    "job_plan_version": (
        "participant_id", "version", "values", "direction", "goals", "accommodations",
        "hours_now", "hours_target", "hours_steps", "updated_on", "created_at",
    ),
}  # fmt: skip
_P_COLS = (
    "id", "uid", "ref", "name", "search_key", "cpr", "birth_year", "email", "phone",
    "caseworker_name", "caseworker_municipality", "caseworker_email", "case_ref",
    "referral_date", "course_start", "status", "dropout_date", "dropout_reason",
    "consent_given_on", "consent_scope", "consent_withdrawn_on", "outcome_status",
    "outcome_hours", "outcome_date", "report_summary", "archived", "created_at", "updated_at",
)  # fmt: skip


def raw_import(conn: Any, data: bytes) -> None:
    """The floor: the file's rows into the same tables with the driver alone."""
    doc = json.loads(data)
    dumps = json.dumps
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    people, kids = [], {t: [] for t in _TABLE_COLS}  # type: ignore[var-annotated]
    for i, p in enumerate(doc["participants"], start=1):
        cw = p.get("caseworker") or {}
        do = p.get("dropped_out") or {}
        co = p.get("consent") or {}
        out = p.get("outcome") or {}
        people.append(
            (
                i, os.urandom(16).hex(), p["ref"], p["name"], f"{p['name']}\x1f{p['ref']}".casefold(),
                p.get("cpr"), p.get("birth_year"), p.get("email"), p.get("phone"),
                cw.get("name"), cw.get("municipality"), cw.get("email"), cw.get("case_ref"),
                p.get("referral_date"), p.get("course_start"), p.get("status") or "referred",
                do.get("date"), do.get("reason"), co.get("given_on"), dumps(co.get("scope") or []),
                co.get("withdrawn_on"), out.get("status"), out.get("hours_per_week"),
                out.get("date"), p.get("report_summary"), 0, now, now,
            )
        )  # fmt: skip
        for a in p.get("assessments") or []:
            kids["assessment"].append(
                (
                    i,
                    a["kind"],
                    a["date"],
                    a.get("instrument", "pss10"),
                    dumps(a["answers"]),
                    now,
                    now,
                )
            )
        for s in p.get("sessions") or []:
            kids["session_log"].append(
                (
                    i, s["date"], s.get("start"), s.get("minutes"), s.get("mode") or "in_person",
                    s.get("status") or "held", s.get("week"), dumps(s.get("themes") or []),
                    s.get("notes"), s.get("quotes"), dumps(s.get("actions") or []),
                    dumps(s.get("ratings") or {}), s.get("next_appointment"), 0, now, now,
                )
            )  # fmt: skip
        for g in p.get("group_attendance") or []:
            kids["group_attendance"].append((i, g["date"], g["present"], bool(g.get("excused")), 0))
        j = p.get("job_plan")
        if j is not None:
            kids["job_plan_version"].append(
                (
                    i, 1, dumps(j.get("values") or []), j.get("direction"),
                    dumps(j.get("goals") or []), dumps(j.get("accommodations") or []),
                    j.get("hours_now"), j.get("hours_target"), dumps(j.get("hours_steps") or []),
                    j.get("updated_on") or dt.date.today().isoformat(), now,
                )
            )  # fmt: skip

    def insert(table: str, cols: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        names = ", ".join(f'"{c}"' for c in cols)
        conn.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(cols))})", rows
        )

    insert("participant", _P_COLS, people)
    for table, cols in _TABLE_COLS.items():
        insert(table, cols, kids[table])
    conn.commit()


def import_runs(root: Path, data: bytes, reps: int) -> dict[str, list[float]]:
    from coachdesk.store import interchange
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault

    runs: dict[str, list[float]] = {"import": [], "raw": []}
    for i in range(reps):
        d = root / f"vault-bulk-import-{i}"
        with Vault.create(d, workload.PASSPHRASE, kdf=TEST_KDF)[0] as v, v.session() as s:
            t = time.perf_counter()
            interchange.import_document(s, data)
            s.commit()
            runs["import"].append(time.perf_counter() - t)
        shutil.rmtree(d)
        d = root / f"vault-bulk-raw-{i}"
        with Vault.create(d, workload.PASSPHRASE, kdf=TEST_KDF)[0] as v, v.session() as s:
            conn = s.connection().connection.dbapi_connection
            t = time.perf_counter()
            raw_import(conn, data)
            runs["raw"].append(time.perf_counter() - t)
        shutil.rmtree(d)
    return runs


def import_file(n: int, sessions_each: int = 8) -> bytes:
    from coachdesk.store import interchange
    from coachdesk.store.demo import demo_document

    doc = demo_document(n, seed=7, today=dt.date.today())
    return interchange.dumps(workload.with_sessions(doc, sessions_each))


def import_process(root: Path, data: bytes, tag: str) -> tuple[float, float]:
    """``coachdesk import`` of ``data`` into a new, empty vault: (seconds, peak MB)."""
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault

    src = root / f"import-{tag}.json"
    src.write_bytes(data)
    d = root / f"vault-import-{tag}"
    shutil.rmtree(d, ignore_errors=True)
    Vault.create(d, workload.PASSPHRASE, kdf=TEST_KDF)[0].close()
    pp = root / "import-passphrase.txt"
    pp.write_text(workload.PASSPHRASE, encoding="utf-8")
    try:
        return timed_process(_cli(d, pp, "import", str(src)), _env())
    finally:
        shutil.rmtree(d, ignore_errors=True)
        src.unlink(missing_ok=True)


# --- bench/run.py's step ----------------------------------------------------------------


def measure(bench: Any) -> None:
    """Every figure of this module, printed through ``bench.put`` (bench/run.py)."""
    med = statistics.median
    try:
        runs = export_runs(bench.vault(10_000), bench.root, bench.reps(3, 5))
        bench.note(
            f"export at 10,000: {runs['size_mb'][0]:.0f} MB file; export "
            + ", ".join(f"{x:.2f}" for x in runs["export"])
            + " s; json.loads+dumps(indent=2)+write "
            + ", ".join(f"{x:.2f}" for x in runs["indent"])
            + " s; compact "
            + ", ".join(f"{x:.2f}" for x in runs["compact"])
            + " s"
        )
        bench.put("export_s_10k", med(runs["export"]))
        bench.put("export_ratio_10k", med(runs["export"]) / med(runs["indent"]), 2)
        bench.put("export_ratio_compact_10k", med(runs["export"]) / med(runs["compact"]), 2)
        bench.put("export_rss_mb_10k", med(runs["rss"]), 1)
    except Exception as exc:
        for name in ("export_ratio_10k", "export_rss_mb_10k"):
            bench.na(name, f"{type(exc).__name__}: {exc}")
    try:
        data = workload.import_file_2000()
        runs = import_runs(bench.root, data, bench.reps(3, 5))
        bench.note(
            "import of 2,000 (8 sessions each): "
            + ", ".join(f"{x:.2f}" for x in runs["import"])
            + " s; raw executemany "
            + ", ".join(f"{x:.2f}" for x in runs["raw"])
            + " s"
        )
        bench.put("import_ratio_2000", med(runs["import"]) / med(runs["raw"]), 2)
    except Exception as exc:
        bench.na("import_ratio_2000", f"{type(exc).__name__}: {exc}")
    try:
        data = import_file(10_000)
        results = [import_process(bench.root, data, "10k") for _ in range(bench.reps(1, 3))]
        del data
        bench.put("import_s_10k", med([s for s, _ in results]))
        bench.put("import_rss_mb_10k", med([m for _, m in results]), 1)
    except Exception as exc:
        bench.na("import_rss_mb_10k", f"{type(exc).__name__}: {exc}")


# --- the scaling rows for docs/performance.md ----------------------------------------------


def scaling(sizes: list[int], reps: int) -> None:
    root = Path(tempfile.mkdtemp(prefix="coachdesk-bulk-"))
    try:
        for n in sizes:
            vault = workload.make_vault(root / f"vault-{n}", n)
            runs = export_runs(vault, root, reps)
            shutil.rmtree(vault, ignore_errors=True)
            data = import_file(n)
            imports = [import_process(root, data, str(n)) for _ in range(reps)]
            del data
            med = statistics.median
            print(
                f"{n} export_s {med(runs['export']):.2f} export_rss_mb {med(runs['rss']):.0f} "
                f"export_ratio {med(runs['export']) / med(runs['indent']):.2f} "
                f"baseline_indent_s {med(runs['indent']):.2f} "
                f"import_s {med([s for s, _ in imports]):.2f} "
                f"import_rss_mb {med([m for _, m in imports]):.0f}",
                flush=True,
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scaling", default="100,1000,10000", help="participant counts")
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    os.environ.setdefault("COACHDESK_ALLOW_INSECURE_KDF", "1")
    scaling([int(x) for x in args.scaling.split(",")], args.reps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
