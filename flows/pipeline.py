"""The main flow: ingest -> derive -> publish, batch by batch, committed as one unit per run."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.futures import PrefectFuture

from flows.core.article import Article, RunContext, sha256_hex
from flows.core.batch import Processed, TextInput
from flows.core.incremental import FileStat, LedgerEntry, unchanged_by_content, unchanged_by_stat
from flows.core.problems import Problem
from flows.core.settings import RunSettings
from flows.core.tally import Tally, add_rows, admit, build_report, new_tally, note_problem, note_unchanged
from flows.derive import derive_batch
from flows.ingest import read_batch, stat_batch
from flows.io.commit import recover
from flows.io.discover import iter_inputs
from flows.io.extractors import load_extractors
from flows.io.ledger import latest_entries, open_ledger, published_articles
from flows.io.locks import output_lock
from flows.io.outputs import TABLES, OutputLayout, known_articles, open_table_part
from flows.io.storage import TablePart
from flows.publish import append_batch, commit_output, describe_output, publish_summary_artifact
from flows.runners import task_runner_for


def new_run_context() -> RunContext:
    now = datetime.now(UTC)
    return RunContext(run_id=f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}", started_at=now)


def batches(found: Iterable[Path | Problem], size: int, tally: Tally) -> Iterator[list[Path]]:
    """Inputs in batches as discovery yields them; discovery problems go straight to the tally."""
    batch: list[Path] = []
    for item in found:
        tally.inputs_seen += 1
        if isinstance(item, Problem):
            note_problem(tally, item)
            continue
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def inputs_to_read(stats: Sequence[FileStat | Problem], last: dict[str, LedgerEntry], tally: Tally) -> list[FileStat]:
    wanted: list[FileStat] = []
    for stat in stats:
        if isinstance(stat, Problem):
            note_problem(tally, stat)
        elif unchanged_by_stat(stat, previous := last.get(stat.key)) and previous is not None:
            note_unchanged(tally, stat, previous)
        else:
            wanted.append(stat)
    return wanted


def texts_to_process(
    read: Sequence[tuple[FileStat, bytes | Problem]], last: dict[str, LedgerEntry], tally: Tally
) -> list[TextInput]:
    items: list[TextInput] = []
    for stat, data in read:
        if isinstance(data, Problem):
            note_problem(tally, data)
            continue
        digest = sha256_hex(data)
        if unchanged_by_content(digest, previous := last.get(stat.key)) and previous is not None:
            note_unchanged(tally, stat, previous, digest)
        else:
            items.append(TextInput(stat, data, digest))
    return items


def publish_processed(
    processed: list[Processed], parts: dict[str, TablePart], tally: Tally, last: dict[str, LedgerEntry]
) -> None:
    """Admit each input in input order (so results never depend on the number of workers) and append its rows."""
    tables: dict[str, list] = {name: [] for name in TABLES}
    for item in processed:
        if admit(item, tally, last.get(item.stat.key)) and isinstance(item.result, Article) and item.rows:
            tables["articles"].append(item.result.record)
            for name, rows in item.rows.items():
                tables[name].extend(rows)
    for name, count in append_batch(parts, tables).items():
        add_rows(tally, name, count)


def run_batches(
    sources: Sequence[str],
    layout: OutputLayout,
    context: RunContext,
    settings: RunSettings,
    ledger: sqlite3.Connection,
    tally: Tally,
) -> dict[str, TablePart]:
    last = latest_entries(ledger)
    parts = {name: open_table_part(layout, name, context.started_at, context.run_id) for name in TABLES}
    reader = read_batch.with_options(retries=settings.io_retries, retry_delay_seconds=settings.io_retry_delay_seconds,
                                     timeout_seconds=settings.io_timeout_seconds)
    pending: list[PrefectFuture[list[Processed]]] = []
    in_flight = max(2 * settings.workers, 2)
    for batch in batches(iter_inputs(sources), settings.batch_size, tally):
        stats = stat_batch(batch)
        items = texts_to_process(reader(inputs_to_read(stats, last, tally), settings.max_bytes), last, tally)
        if items:
            pending.append(derive_batch.submit(items, context, settings.taxonomy, settings.max_line_chars))
        while len(pending) >= in_flight:
            publish_processed(pending.pop(0).result(), parts, tally, last)
    for future in pending:
        publish_processed(future.result(), parts, tally, last)
    return parts


@flow(name="agenda-run", persist_result=False)
def agenda_run(sources: list[str], out: str = "data", settings: RunSettings | None = None) -> dict[str, object]:
    """Turn the article files named by `sources` into the tables under `out`; returns the run report."""
    settings = settings or RunSettings()
    logger = get_run_logger()
    context = new_run_context()
    layout = OutputLayout(Path(out))
    taxonomy_version = load_extractors(Path(settings.taxonomy) if settings.taxonomy else None).taxonomy.version
    with output_lock(layout.state_dir, context.run_id, settings.lock_wait_seconds) as stale:
        if stale is not None:
            logger.warning("took over the lock left by %s, which is no longer running", stale.describe())
        ledger = open_ledger(layout.state_dir)
        try:
            for run_id in recover(layout.root, layout.state_dir, ledger):
                logger.warning("finished committing run %s, which was interrupted", run_id)
            tally = new_tally(context.run_id, published_articles(ledger) or known_articles(layout))
            parts = run_batches(sources, layout, context, settings, ledger, tally)
            report = build_report(context, sources, out, tally, datetime.now(UTC), taxonomy_version)
            commit_output(layout, context.run_id, parts, tally.superseded, report, tally.entries, ledger)
        finally:
            ledger.close()
        describe_output(layout, taxonomy_version)
    logger.info("run %s: %s articles written", context.run_id, tally.written)
    publish_summary_artifact(report)
    return report


def run_pipeline(sources: list[str], out: str, settings: RunSettings) -> dict[str, object]:
    """Run the flow with the task runner the settings ask for (in process, a process pool, or Dask)."""
    return agenda_run.with_options(task_runner=task_runner_for(settings))(sources, out, settings)
