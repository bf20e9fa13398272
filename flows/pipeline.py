"""The main flow: ingest -> derive -> publish, batch by batch, one table part per table per run."""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger

from flows.core.article import Article, RunContext
from flows.core.problems import Problem
from flows.core.tally import Tally, add_rows, admit, build_report, new_tally
from flows.derive import derive_batch
from flows.ingest import parse_batch, read_batch
from flows.io.discover import discover_inputs
from flows.io.extractors import load_extractors
from flows.io.outputs import TABLES, OutputLayout, known_articles, open_table_part
from flows.io.read import DEFAULT_MAX_BYTES
from flows.io.storage import TablePart
from flows.publish import append_batch, commit_parts, describe_output, publish_summary_artifact, write_report

DEFAULT_BATCH_SIZE = 200


@dataclass(frozen=True, slots=True)
class RunOptions:
    batch_size: int = DEFAULT_BATCH_SIZE
    max_bytes: int = DEFAULT_MAX_BYTES
    taxonomy: Path | None = None


def new_run_context() -> RunContext:
    now = datetime.now(UTC)
    return RunContext(run_id=f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}", started_at=now)


def batches(paths: Sequence[Path], size: int) -> Iterator[Sequence[Path]]:
    for start in range(0, len(paths), size):
        yield paths[start : start + size]


def split_results(results: Sequence[Article | Problem], tally: Tally) -> list[Article]:
    tally.rejected.extend(r for r in results if isinstance(r, Problem))
    return admit([r for r in results if isinstance(r, Article)], tally)


def process(paths: Sequence[Path], parts: dict[str, TablePart], tally: Tally, context: RunContext, options: RunOptions):
    extractors = load_extractors(options.taxonomy)
    for batch in batches(paths, options.batch_size):
        tally.inputs_seen += len(batch)
        articles = split_results(parse_batch(read_batch(batch, options.max_bytes), context), tally)
        if articles:
            for name, count in append_batch(parts, derive_batch(articles, extractors)).items():
                add_rows(tally, name, count)
    return extractors.taxonomy.version


@flow(name="agenda-run", log_prints=False, persist_result=False)
def agenda_run(sources: list[str], out: str, options: RunOptions | None = None) -> dict[str, object]:
    """Turn the article files named by `sources` into the tables under `out`; returns the run report."""
    options = options or RunOptions()
    logger = get_run_logger()
    context = new_run_context()
    layout = OutputLayout(Path(out))
    paths, missing = discover_inputs(sources)
    tally = new_tally(known_articles(layout))
    tally.rejected.extend(missing)
    parts = {name: open_table_part(layout, name, context.started_at, context.run_id) for name in TABLES}
    try:
        taxonomy_version = process(paths, parts, tally, context, options)
        if tally.written:
            commit_parts(parts)
        else:
            for part in parts.values():
                part.abort()
    except BaseException:
        for part in parts.values():
            part.abort()
        raise
    describe_output(layout, taxonomy_version)
    report = build_report(context, sources, out, tally, datetime.now(UTC), taxonomy_version)
    logger.info("report written to %s", write_report(layout, report))
    publish_summary_artifact(report)
    return report
