"""Stage 2, derive: parse, validate and extract a batch of inputs, in whichever process the task runner picks."""

from __future__ import annotations

from concurrent.futures import Executor

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.core.article import RunContext
from flows.core.batch import Batch, Processed
from flows.headstart import Claimed, pool_chunks
from flows.io.derivation import derive_items


@task(name="derive-batch", cache_policy=NO_CACHE)
def derive_batch(
    batch: Batch,
    context: RunContext,
    taxonomy: str | None,
    max_line_chars: int,
    pool: Executor | None = None,
    claimed: Claimed | None = None,
) -> list[Processed]:
    """With a pool the batch goes to its worker processes in small chunks, so that every worker keeps busy however
    the batches fall (this task only waits), and a chunk the run's head start derived already (``claimed``) is not
    derived again; without one it is derived where the task runs: in the flow's process, or on a Dask worker."""
    if pool is None:
        return derive_items(batch.items, context, taxonomy, max_line_chars)
    chunks = pool_chunks(batch.items)
    started = claimed.futures if claimed is not None else [None] * len(chunks)
    futures = [
        future or pool.submit(derive_items, chunk, context, taxonomy, max_line_chars)
        for chunk, future in zip(chunks, started, strict=True)
    ]
    return [processed for future in futures for processed in future.result()]
