"""Stage 2, derive: parse, validate and extract a batch of inputs, in whichever process the task runner picks."""

from __future__ import annotations

from concurrent.futures import Executor

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.core.article import RunContext
from flows.core.batch import Batch, Processed
from flows.headstart import POOL_CHUNK, HeadStart
from flows.io.derivation import derive_items


@task(name="derive-batch", cache_policy=NO_CACHE)
def derive_batch(
    batch: Batch,
    context: RunContext,
    taxonomy: str | None,
    max_line_chars: int,
    pool: Executor | None = None,
    ahead: HeadStart | None = None,
) -> list[Processed]:
    """With a pool the batch goes to its worker processes in small chunks, so that every worker keeps busy however
    the batches fall (this task only waits), and a chunk the run's head start derived already is not derived again;
    without one it is derived where the task runs: in the flow's process, or on a Dask worker."""
    if pool is None:
        return derive_items(batch.items, context, taxonomy, max_line_chars)
    items = batch.items
    chunks = [items[start : start + POOL_CHUNK] for start in range(0, len(items), POOL_CHUNK)]
    futures = [
        (ahead and ahead.take(chunk, context, taxonomy, max_line_chars))
        or pool.submit(derive_items, chunk, context, taxonomy, max_line_chars)
        for chunk in chunks
    ]
    return [processed for future in futures for processed in future.result()]
