"""The backup's peak memory (issue 19 item 2): ``backup_rss_mb_10k`` and, in the full run, 50k.

Each figure is the peak resident set of one real ``coachdesk backup`` process, the way an
IT department's script runs it: a fresh interpreter that unlocks the vault and writes a
verified ``.cdbackup``. The child reports its own ``VmHWM`` (Linux, /proc/self/status)
as it exits. Not ``ru_maxrss``: Linux carries the parent's peak into a child's
``ru_maxrss`` across fork and exec, so a child of the benchmark (which holds a 10,000
person vault in memory) reported the benchmark's 389 MB, not its own. Median of several
runs; the first run of each vault also warms the page cache.

Also usable on its own, for a vault you made (``coachdesk demo``, passphrase from
bench/demo-passphrase.txt), or for a backup of one (then the restore's peak):

    python bench/backup_bench.py DATA_DIR [REPEATS]
    python bench/backup_bench.py FILE.cdbackup [REPEATS]
"""

from __future__ import annotations

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
PASSPHRASE_FILE = BENCH / "demo-passphrase.txt"
# The real CLI, then the process's own peak RSS on stderr as it exits.
_CLI = """
import sys
from coachdesk.cli.main import main
rc = main(sys.argv[1:])
with open("/proc/self/status") as f:
    hwm = next(line.split()[1] for line in f if line.startswith("VmHWM:"))
sys.stderr.write(f"BENCH_VMHWM_KB {hwm}\\n")
sys.exit(rc)
"""


def _cli_peak(args: list[str], cwd: Path) -> tuple[float, float]:
    """One ``coachdesk ARGS`` process: (its own peak RSS MB, seconds)."""
    if not Path("/proc/self/status").exists():
        raise RuntimeError("needs Linux (/proc/self/status)")
    env = os.environ | {"PYTHONPATH": str(BENCH.parent)}
    argv = [sys.executable, "-c", _CLI, *args, "--passphrase-file", str(PASSPHRASE_FILE)]
    t = time.perf_counter()
    proc = subprocess.run(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    seconds = time.perf_counter() - t
    lines = proc.stderr.strip().splitlines()
    if proc.returncode != 0 or not lines or not lines[-1].startswith("BENCH_VMHWM_KB "):
        tail = (lines or ["no output"])[-1]
        raise RuntimeError(f"{args[2]} exited {proc.returncode}: {tail}")
    return int(lines[-1].split()[1]) / 1024, seconds


def backup_peak(data_dir: Path, out_dir: Path) -> tuple[float, float]:
    """One ``coachdesk backup`` of ``data_dir`` into ``out_dir``: (peak RSS MB, seconds)."""
    out = out_dir / "coachdesk-20260101-120000.cdbackup"
    peak = _cli_peak(["--data-dir", str(data_dir), "backup", "--out", str(out)], out_dir)
    out.unlink()
    return peak


def restore_peak(backup_file: Path, work: Path) -> tuple[float, float]:
    """One ``coachdesk restore`` of ``backup_file`` into a new folder: (peak MB, seconds)."""
    target = work / "restored"
    peak = _cli_peak(["--data-dir", str(target), "restore", str(backup_file)], work)
    shutil.rmtree(target)
    return peak


def median_peak(data_dir: Path, repeats: int) -> tuple[float, float, float]:
    """(median peak RSS MB, median seconds, the vault's size MB) over ``repeats`` runs."""
    out_dir = Path(tempfile.mkdtemp(prefix="coachdesk-bench-backup-"))
    try:
        runs = [backup_peak(data_dir, out_dir) for _ in range(repeats)]
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    size = sum(p.stat().st_size for p in data_dir.iterdir() if p.is_file()) / 1e6
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
        size,
    )


def _figure(bench: Any, n: int) -> float:
    rss, seconds, size = median_peak(bench.vault(n), bench.reps(3, 5))
    bench.note(
        f"backup of {n:,} participants: vault {size:.0f} MB, {seconds:.1f} s, peak RSS "
        f"{rss:.0f} MB (test KDF; a production unlock adds its Argon2id memory, 64 MiB, "
        "before the backup starts)"
    )
    bench.put(f"backup_rss_mb_{n // 1000}k", rss, 1)
    return rss


def run(bench: Any) -> None:
    """The figures for bench/run.py: at 10,000 and 50,000, and the growth between them
    (issue 19 item 2; the 50,000 vault takes about a minute to build, and the caseload's
    figure has built it already when both run)."""
    at_10k = _figure(bench, 10_000)
    try:
        at_50k = _figure(bench, 50_000)
    except Exception as exc:  # the 10k figure stands; the run goes on
        for name in ("backup_rss_mb_50k", "backup_rss_growth_50k_10k"):
            bench.na(name, f"{type(exc).__name__}: {exc}")
        return
    bench.put("backup_rss_growth_50k_10k", at_50k / at_10k, 2)


if __name__ == "__main__":
    data = Path(sys.argv[1])
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    if data.is_file():  # a .cdbackup: the restore's peak
        work = Path(tempfile.mkdtemp(prefix="coachdesk-bench-restore-"))
        try:
            runs = [restore_peak(data, work) for _ in range(reps)]
        finally:
            shutil.rmtree(work, ignore_errors=True)
        rss, seconds = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        print(f"backup {data.stat().st_size / 1e6:.1f} MB: restore peak RSS {rss:.1f} MB, ", end="")
        print(f"{seconds:.2f} s (median of {reps})")
    else:
        rss, seconds, size = median_peak(data, reps)
        print(
            f"vault {size:.1f} MB: backup peak RSS {rss:.1f} MB, {seconds:.2f} s (median of {reps})"
        )
