"""The backup's peak memory (issue 19 item 2): ``backup_rss_mb_10k`` and, in the full run, 50k.

Each figure is the peak resident set (``ru_maxrss``) of one real ``coachdesk backup``
process, the way an IT department's script runs it: a fresh interpreter that unlocks the
vault and writes a verified ``.cdbackup``. The peak is read from that one child's own
resource usage (``os.wait4``), not from ``RUSAGE_CHILDREN``, which is the maximum over
every child the benchmark ever started. Median of several runs; the first run of each
vault also warms the page cache, so later runs do not measure the disk.

Also usable on its own, for a vault you made (``coachdesk demo``):

    python bench/backup_bench.py DATA_DIR [REPEATS]
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
_CLI = "import sys; from coachdesk.cli.main import main; sys.exit(main(sys.argv[1:]))"


def backup_peak(data_dir: Path, out_dir: Path) -> tuple[float, float]:
    """One ``coachdesk backup`` of ``data_dir`` into ``out_dir``: (peak RSS MB, seconds)."""
    if not hasattr(os, "wait4"):
        raise RuntimeError("os.wait4 is not available on this platform")
    out = out_dir / "coachdesk-20260101-120000.cdbackup"
    env = os.environ | {"PYTHONPATH": str(BENCH.parent)}
    argv = [sys.executable, "-c", _CLI, "--data-dir", str(data_dir), "backup"]
    argv += ["--out", str(out), "--passphrase-file", str(PASSPHRASE_FILE)]
    t = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, cwd=out_dir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        tail = (err.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"backup exited {proc.returncode}: {tail}")
    out.unlink()
    # Linux reports ru_maxrss in KiB (macOS in bytes; the benchmark runs on Linux).
    return usage.ru_maxrss / 1024, seconds


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


def run(bench: Any) -> None:
    """The figures for bench/run.py: 10k always, 50k in the full run."""
    scales = [10_000] if bench.quick else [10_000, 50_000]
    for n in scales:
        rss, seconds, size = median_peak(bench.vault(n), bench.reps(3, 5))
        bench.note(f"backup of {n:,} participants: vault {size:.0f} MB, {seconds:.1f} s")
        bench.put(f"backup_rss_mb_{n // 1000}k", rss, 1)
    if "backup_rss_mb_50k" in bench.results and "backup_rss_mb_10k" in bench.results:
        ratio = bench.results["backup_rss_mb_50k"] / bench.results["backup_rss_mb_10k"]
        bench.put("backup_rss_growth_50k_10k", ratio, 2)


if __name__ == "__main__":
    data = Path(sys.argv[1])
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    rss, seconds, size = median_peak(data, reps)
    print(f"vault {size:.1f} MB: backup peak RSS {rss:.1f} MB, {seconds:.2f} s (median of {reps})")
