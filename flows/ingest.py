"""Stage 1, ingest: read a batch of input files and turn each into a validated article record or a problem."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.core.article import Article, RunContext, Source, article_from_bytes, sha256_hex
from flows.core.problems import Problem, problem
from flows.core.validation import schema_errors
from flows.io.read import read_input
from flows.io.schemas import validator_for


@task(name="read-batch", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_batch(paths: Sequence[Path], max_bytes: int) -> list[tuple[str, bytes | Problem]]:
    """I/O only, so it alone is retried."""
    return [(str(path), read_input(path, max_bytes)) for path in paths]


def validated(article: Article) -> Article | Problem:
    errors = schema_errors(validator_for("article"), article.record)
    if errors:
        return problem("invalid_record", str(article.record["source_path"]), "; ".join(errors))
    return article


@task(name="parse-batch", cache_policy=NO_CACHE)
def parse_batch(inputs: Sequence[tuple[str, bytes | Problem]], context: RunContext) -> list[Article | Problem]:
    """Decode, lay out and validate every input of the batch; a bad input becomes a problem, never an exception."""
    results: list[Article | Problem] = []
    for location, data in inputs:
        if isinstance(data, Problem):
            results.append(data)
            continue
        article = article_from_bytes(data, Source(location, sha256_hex(data)), context)
        results.append(article if isinstance(article, Problem) else validated(article))
    return results
