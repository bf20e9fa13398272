"""Stage 2, derive: parse, validate and extract a batch of inputs, in whichever process the task runner picks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.core.article import RunContext
from flows.core.batch import Processed, TextInput, process_inputs
from flows.core.feeditem import FeedInput
from flows.io.extractors import load_extractors
from flows.io.schemas import validator_for


@task(name="derive-batch", cache_policy=NO_CACHE)
def derive_batch(
    items: Sequence[TextInput | FeedInput], context: RunContext, taxonomy: str | None, max_line_chars: int
) -> list[Processed]:
    """Extractors and validators are built once per process (cached), never shipped with the batch."""
    extractors = load_extractors(Path(taxonomy) if taxonomy else None)
    return process_inputs(items, context, extractors, validator_for("article"), max_line_chars)
