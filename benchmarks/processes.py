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
    return list(tree_branches(root))


def tree_branches(root: int) -> dict[int, int]:
    """Every process of the tree under ``root`` (root included), each with the child of root it descends from (root
    for root itself)."""
    tree, found, todo = children_of(), {root: root}, [(child, child) for child in children_of().get(root, [])]
    while todo:
        pid, branch = todo.pop()
        found[pid] = branch
        todo.extend((child, branch) for child in tree.get(pid, []))
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
    """Peak summed RSS of the tree, and the last CPU ticks seen of the descendants that the command itself will not
    wait for: those under a child of the command that is still running at the last sample (a forkserver and its
    workers). A child the command waits for is in the kernel's count already."""
    seen: dict[int, tuple[int, int]] = {}  # pid -> (ticks, branch)
    branches: dict[int, int] = {}
    while process.poll() is None:
        branches = tree_branches(process.pid)
        peak[0] = max(peak[0], sum(rss_kib(pid) for pid in branches))
        for pid, branch in branches.items():
            if pid != process.pid:
                seen[pid] = (max(seen.get(pid, (0, 0))[0], cpu_ticks(pid)), branch)
        time.sleep(every)
    living = set(branches.values()) - {process.pid}
    ticks.update({pid: used for pid, (used, branch) in seen.items() if branch in living})


def run_measured(command: Sequence[str], env: Mapping[str, str], every: float = 0.05) -> ProcessRun:
    """Run `command`, sampling the summed RSS of it and its descendants every `every` seconds. CPU is the kernel's
    count for the command and what it waited for, plus the last samples of the processes it never waits for
    (worker processes are children of a forkserver, which outlives the command): see sample_peak."""
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
