"""Shared helpers of the performance suite: paths, timing, memory, statistics."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "real_docs.jsonl.gz"
QUERIES = SHARED / "corpus" / "queries.json"
PYTHON = sys.executable
# The real court documents, beside the repository (or beside the folder of worktrees that
# holds it); read from there, never copied into the repository.
LEGAL_DOCS = next(
    (
        folder / "shared" / "legal-docs-dev" / "files"
        for folder in REPO.parents[:3]
        if (folder / "shared" / "legal-docs-dev" / "files").is_dir()
    ),
    SHARED / "legal-docs-dev" / "files",
)


def bench_dir() -> Path:
    """The cache folder outside the repo (corpus text must never enter the repo)."""
    return Path(os.environ.get("LCR_BENCH_DIR", "/tmp/lcr-bench"))


def peak_rss_mb() -> float:
    """Peak resident set size of this process (VmHWM), in MiB."""
    return _status_kb("VmHWM") / 1024


def rss_mb() -> float:
    """Current resident set size of this process (VmRSS), in MiB."""
    return _status_kb("VmRSS") / 1024


def _status_kb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return float(line.split()[1])
    return float("nan")


def dir_size_mb(path: Path) -> float:
    """Total size of the files under `path`, in MiB."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1024 / 1024


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of `values`."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


def median(values: list[float]) -> float:
    """Median, NaN for no values."""
    return statistics.median(values) if values else float("nan")


def run_json(args: list[str], env: dict[str, str] | None = None, timeout: float = 7200) -> Any:
    """Run a bench module in a fresh interpreter; its last stdout line is JSON."""
    full_env = {**os.environ, **(env or {})}
    started = time.perf_counter()
    done = subprocess.run(
        args, cwd=REPO, env=full_env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if isinstance(result, dict):
        result.setdefault("wall_seconds", time.perf_counter() - started)
    return result


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kb = _meminfo_kb("MemTotal")
    return {
        "cores": str(os.cpu_count()),
        "cpu": model,
        "memory": f"{mem_kb / 1024 / 1024:.0f} GiB",
        "python": platform.python_version(),
        "os": platform.platform(),
    }


def _meminfo_kb(key: str) -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith(key + ":"):
            return float(line.split()[1])
    return float("nan")


def emit(result: Any) -> None:
    """Print the JSON result line a parent run_json() reads."""
    sys.stdout.flush()
    print(json.dumps(result))


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run a whole command as a user would, and return its seconds and its output."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:5])} failed: {done.stderr[-2000:]}")
    return seconds, done.stdout
