"""The worker processes a local run derives its batches in.

Prefect's task runner stays a thread pool in the flow's process; each derive task hands its batch to one of these
processes and waits. The workers import the pure stages and the reference data only (flows/io/derivation.py), never
Prefect, and report nothing to the API themselves: a worker is ready as soon as its extractors are built, and a batch
costs one pickle each way. The task runs and their states stay with the flow.

`agenda run` starts the pool first thing, before Prefect is even imported, so that the workers build their extractors
on the other cores while the flow's process starts Prefect, and gives the run a head start (flows/headstart.py): the
run's context is fixed there and its first chunks are derived before the flow asks for them. A flow started some
other way (`agenda serve`, or a caller of `agenda_run`) starts its own pool.

This module imports no Prefect: the command line uses it before Prefect is loaded.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from flows.core.settings import RunSettings
from flows.headstart import POOL_CHUNK, HeadStart, first_batch_size, new_run_context
from flows.io.derivation import prepare_process
from flows.io.discover import is_feed, iter_inputs
from flows.io.ledger import ledger_path, state_dir_of

# A forkserver forks each worker from a small process that has already imported these, so that no worker pays for
# the imports again; where there is no forkserver (Windows), workers are spawned.
_WORKER_MODULES = ["flows.io.preload"]


@dataclass(frozen=True, slots=True)
class WorkerPool:
    executor: ProcessPoolExecutor
    taxonomy: str | None
    starter: threading.Thread
    head_starts: list[HeadStart]  # the head start of the run this pool was started for, until the run adopts it
    ahead: HeadStart | None = None  # the same head start, kept after the run adopts it, to stop its reads

    def stop(self) -> None:
        """Stop reading ahead and let the starting finish (a pool cannot take submissions once shut down), then
        shut the workers down."""
        if self.ahead is not None:
            self.ahead.stop()
        self.starter.join()
        self.executor.shutdown(cancel_futures=True)


_started_ahead: list[WorkerPool] = []


def uses_worker_processes(settings: RunSettings) -> bool:
    """One worker means the flow's own process does the work; a Dask run derives on the cluster."""
    return settings.workers > 1 and not settings.dask_address


def processes_for(sources: Sequence[str], settings: RunSettings) -> int:
    """All the workers asked for when there are at least two chunks of work for them; else one, which still builds
    its extractors while the flow starts. Looks at the first inputs only (discovery is lazy)."""
    wanted = 2 * min(settings.batch_size, POOL_CHUNK)
    first = list(islice((item for item in iter_inputs(list(sources)) if isinstance(item, Path)), wanted))
    if len(first) >= wanted or any(is_feed(path) for path in first):
        return settings.workers
    return 1


def worker_context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_WORKER_MODULES)
    return context


def start_pool(processes: int, taxonomy: str | None, ahead: HeadStart | None = None) -> WorkerPool:
    """Start every worker now, each building its extractors at once, then (``ahead``) the run's first chunks. The
    starting happens on a thread of its own: the first start waits for the forkserver to import its modules, and the
    caller has better things to do."""
    executor = ProcessPoolExecutor(
        processes, mp_context=worker_context(), initializer=prepare_process, initargs=(taxonomy, os.getpid())
    )
    starter = threading.Thread(target=start_workers, args=(executor, processes, ahead), name="agenda-workers",
                               daemon=True)
    starter.start()
    return WorkerPool(executor, taxonomy, starter, [ahead] if ahead else [], ahead)


def start_workers(executor: ProcessPoolExecutor, processes: int, ahead: HeadStart | None = None) -> None:
    try:
        for _ in range(processes):
            executor.submit(int)  # the pool starts one more worker per submission, up to its size
        if ahead is not None:
            ahead.start(executor)  # each chunk as soon as it is read, while the workers build their extractors
    except BrokenProcessPool:  # a worker could not start (Ctrl-C, a bad taxonomy): the flow's first batch says so
        return
    finally:
        if ahead is not None:  # also when the workers failed before the head start could begin: nobody waits
            ahead.ready.set()


@contextmanager
def workers_ahead(sources: Sequence[str], settings: RunSettings, out: Path | None = None) -> Iterator[None]:
    """Start the pool of the run that `settings` describe now, and derive the run's first batch (into ``out``) in
    it; the run's flow picks both up (extraction_pool, adopt_head_start)."""
    if not uses_worker_processes(settings):
        yield
        return
    incremental = out is None or ledger_path(state_dir_of(out)).exists()
    head_start = HeadStart(new_run_context(), sources, settings, first_batch_size(settings, incremental))
    pool = start_pool(processes_for(sources, settings), settings.taxonomy, head_start)
    _started_ahead.append(pool)
    try:
        yield
    finally:
        _started_ahead.remove(pool)
        pool.stop()


def adopt_head_start(settings: RunSettings) -> HeadStart | None:
    """The head start of the run `settings` describe, once: the flow run that adopts it takes its context."""
    for pool in _started_ahead:
        if pool.taxonomy == settings.taxonomy and pool.head_starts and uses_worker_processes(settings):
            return pool.head_starts.pop()
    return None


@contextmanager
def extraction_pool(settings: RunSettings) -> Iterator[Executor | None]:
    """The executor a flow run derives its batches in: the pool started ahead for it, or one of its own; None when
    the batches are derived where the task runs (one worker, or Dask)."""
    if not uses_worker_processes(settings):
        yield None
        return
    ahead = next((pool for pool in _started_ahead if pool.taxonomy == settings.taxonomy), None)
    if ahead is not None:
        yield ahead.executor
        return
    pool = start_pool(settings.workers, settings.taxonomy)
    try:
        yield pool.executor
    finally:
        pool.stop()
