"""Stage 1, ingest: find out which inputs are new or changed, and read them. I/O only, so these tasks are retried."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.core.incremental import FileStat
from flows.core.problems import Problem
from flows.io.read import read_stable, stat_input


@task(name="stat-batch", cache_policy=NO_CACHE)
def stat_batch(paths: Sequence[Path]) -> list[FileStat | Problem]:
    return [stat_input(path) for path in paths]


@task(name="read-batch", cache_policy=NO_CACHE)
def read_batch(stats: Sequence[FileStat], max_bytes: int) -> list[tuple[FileStat, bytes | Problem]]:
    return [(stat, read_stable(stat, max_bytes)) for stat in stats]
