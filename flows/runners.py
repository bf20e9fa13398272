"""Pick the Prefect task runner for a run: threads in the flow's process (which hand batches to the worker
processes of flows/workers.py, when there are any), or a Dask cluster."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.core.settings import RunSettings


def task_runner_for(settings: RunSettings) -> TaskRunner:
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner  # optional extra: only a Dask run needs it

        logging.getLogger("distributed").setLevel(logging.WARNING)
        if settings.dask_address == "local":
            return DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "threads_per_worker": 1})
        return DaskTaskRunner(address=settings.dask_address)
    return ThreadPoolTaskRunner(max_workers=settings.workers)


@contextmanager
def api_for_workers(settings: RunSettings) -> Iterator[None]:
    """Dask workers need a Prefect API to report to. Without PREFECT_API_URL each would start a temporary server of
    its own, so start one local server first and name it in the environment the workers inherit."""
    if not settings.dask_address or os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        del os.environ["PREFECT_API_URL"]
        server.stop()
