"""Pick the Prefect task runner for a run: in process, a pool of processes, or a Dask cluster."""

from __future__ import annotations

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.core.settings import RunSettings


def task_runner_for(settings: RunSettings) -> TaskRunner:
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner  # optional extra: only a Dask run needs it

        if settings.dask_address == "local":
            return DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "threads_per_worker": 1})
        return DaskTaskRunner(address=settings.dask_address)
    if settings.workers > 1:
        return ProcessPoolTaskRunner(max_workers=settings.workers)
    return ThreadPoolTaskRunner(max_workers=1)
