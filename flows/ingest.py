"""Stage 1, ingest: find out which inputs are new or changed, and read them. I/O only: reads are retried."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import task_run

from flows.core.incremental import FileStat
from flows.core.problems import Problem, problem
from flows.io.read import TransientReadError, read_stable, stat_input


@task(name="stat-batch", cache_policy=NO_CACHE)
def stat_batch(paths: Sequence[Path]) -> list[FileStat | Problem]:
    folders: dict[Path, Path] = {}  # resolved once per batch
    return [stat_input(path, folders) for path in paths]


@task(name="read-batch", cache_policy=NO_CACHE)
def read_batch(stats: Sequence[FileStat], max_bytes: int, retries: int) -> list[tuple[FileStat, bytes | Problem]]:
    """A transient failure fails the task, so that Prefect retries it; on the last try it becomes a rejection."""
    last_try = task_run.run_count > retries
    return [(stat, read_or_reject(stat, max_bytes, last_try)) for stat in stats]


def read_or_reject(stat: FileStat, max_bytes: int, last_try: bool) -> bytes | Problem:
    try:
        return read_stable(stat, max_bytes)
    except TransientReadError as error:
        if not last_try:
            raise
        return problem("unreadable", stat.location, f"still failing after every retry: {error.strerror}")
