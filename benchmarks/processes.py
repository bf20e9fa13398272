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
    cpu_seconds: float  # user + system of the process and every descendant it waited for
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


def sample_peak(process: subprocess.Popen[str], peak: list[int], every: float) -> None:
    while process.poll() is None:
        peak[0] = max(peak[0], sum(rss_kib(pid) for pid in tree_pids(process.pid)))
        time.sleep(every)


def run_measured(command: Sequence[str], env: Mapping[str, str], every: float = 0.05) -> ProcessRun:
    """Run `command`, sampling the summed RSS of it and its descendants every `every` seconds."""
    peak = [0]
    before = children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command), env=dict(env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    sampler = threading.Thread(target=sample_peak, args=(process, peak, every), daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    cpu = round(children_cpu() - before, 3)
    return ProcessRun(seconds, cpu, round(peak[0] / 1024, 1), process.returncode, output[-2000:])


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
