"""Stage 2, derive: parse, validate and extract a batch of inputs, in whichever process the task runner picks."""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.core.article import RunContext
from flows.core.batch import Batch, Processed, process_inputs
from flows.io.extractors import load_extractors
from flows.io.schemas import validator_for


@task(name="derive-batch", cache_policy=NO_CACHE)
def derive_batch(
    batch: Batch, context: RunContext, taxonomy: str | None, max_line_chars: int
) -> list[Processed]:
    """Extractors and validators are built once per process (cached), never shipped with the batch."""
    extractors = load_extractors(Path(taxonomy) if taxonomy else None)
    return process_inputs(batch.items, context, extractors, validator_for("article"), max_line_chars)
