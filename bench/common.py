"""What every benchmark shares: timing runs, their median and spread, the machine, tables."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: Where synthetic projects and built sites go (removed by `make clean`).
WORK = REPO / "build" / "bench"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


@dataclass(frozen=True)
class Runs:
    """Several measurements of one thing, in seconds (or any unit)."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def spread(self, digits: int = 2) -> str:
        """'1.23 (1.20–1.31, n=5)': the median, the range and the number of runs."""
        lo, hi = min(self.values), max(self.values)
        return f"{self.median:.{digits}f} ({lo:.{digits}f}–{hi:.{digits}f}, n={len(self.values)})"


@dataclass(frozen=True)
class Sample:
    """One run of a command: wall-clock seconds, and CPU seconds (user + system) of the process.

    CPU time barely moves when other work shares the machine; wall-clock time does.
    """

    wall: float
    cpu: float


def timed(command: list[str], env: dict | None = None) -> Sample:
    """Run `command` once (it must succeed) and time it."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=env or ENV)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr.decode()[-3000:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime)


def mkdocs(*args: str) -> list[str]:
    """A `python -m mkdocs` command line with this interpreter."""
    return [sys.executable, "-m", "mkdocs", *args]


def machine() -> str:
    """One line about the machine the figures come from."""
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        kb = int(meminfo.readline().split()[1])
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="ascii", errors="replace") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (f"{os.cpu_count()} cores ({cpu}), {kb / 1024 / 1024:.1f} GiB memory, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)
