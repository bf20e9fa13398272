"""Commands as whole new processes: wall time and the peak memory of the process tree (sampled from /proc)."""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass(frozen=True, slots=True)
class ProcessRun:
    seconds: float
    cpu_seconds: float  # user + system of the process and of every descendant (see run_measured)
    peak_rss_mib: float
    returncode: int
    output: str


def children_of() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def tree_pids(root: int) -> list[int]:
    tree, found, todo = children_of(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, []))
    return found


def rss_kib(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KIB
    except (OSError, IndexError, ValueError):
        return 0


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime and stime
    except (OSError, IndexError, ValueError):
        return 0


def sample_peak(process: subprocess.Popen[str], peak: list[int], ticks: dict[int, int], every: float) -> None:
    """Peak summed RSS of the tree, and the last CPU ticks seen of each descendant (not the root)."""
    while process.poll() is None:
        pids = tree_pids(process.pid)
        peak[0] = max(peak[0], sum(rss_kib(pid) for pid in pids))
        for pid in pids[1:]:
            ticks[pid] = max(ticks.get(pid, 0), cpu_ticks(pid))
        time.sleep(every)


def run_measured(command: Sequence[str], env: Mapping[str, str], every: float = 0.05) -> ProcessRun:
    """Run `command`, sampling the summed RSS of it and its descendants every `every` seconds. CPU is the command's
    own (from the kernel when it is reaped) plus the last sample of each descendant: worker processes are children
    of a forkserver, which the command never waits for, so the kernel's count for the command leaves them out."""
    peak = [0]
    ticks: dict[int, int] = {}
    before = children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command), env=dict(env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    sampler = threading.Thread(target=sample_peak, args=(process, peak, ticks, every), daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    cpu = round(children_cpu() - before + sum(ticks.values()) / CLOCK_TICKS, 3)
    return ProcessRun(seconds, cpu, round(peak[0] / 1024, 1), process.returncode, output[-2000:])


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
