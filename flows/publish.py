"""Stage 3, publish: append batches to the run's table parts, commit the run as one unit, describe the output."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from prefect import task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.core.incremental import articles_moved, current_articles, current_entries
from flows.core.summary import summary_markdown
from flows.io.commit import commit_run
from flows.io.datapackage import write_datapackage
from flows.io.outputs import OutputLayout, reconcile_latest, stage_registry
from flows.io.storage import TablePart, json_document, write_temp

if TYPE_CHECKING:  # the dispatcher imports this module's tasks
    from flows.dispatch import Dispatcher


@task(name="append-batch", cache_policy=NO_CACHE)
def append_batch(parts: Mapping[str, TablePart], chunks: Mapping[str, tuple[bytes, int]]) -> dict[str, int]:
    """Each table's (JSON Lines, row count) of one batch, appended to the run's part of that table."""
    for name, (lines, rows) in chunks.items():
        parts[name].append_lines(lines, rows)
    return {name: rows for name, (_, rows) in chunks.items()}


@task(name="commit-run", cache_policy=NO_CACHE)
def commit_output(
    layout: OutputLayout,
    run_id: str,
    parts: Mapping[str, TablePart],
    run: Dispatcher,
    report: Mapping[str, object],
    ledger: sqlite3.Connection,
) -> bool:
    """Everything the run publishes becomes visible together, or (after a crash) is finished by the next run.
    Returns whether any table file changed (the run report alone does not count)."""
    renames: list[tuple[Path, Path]] = []
    for name in sorted(parts, key=lambda table: table == "articles"):  # articles last: listed once complete
        renames.extend(parts[name].finish())
    for feed in run.quarantine.values():
        renames.extend(feed.finish())
    merged = current_entries(run.last, run.tally.entries)
    if articles_moved(run.last, merged):
        renames.extend(reconcile_latest(layout, current_articles(merged)))
    if run.tally.written:
        renames.extend(stage_registry(layout, run.registry))
    report_path = layout.report_path(run_id)
    table_files_changed = bool(renames)
    renames.append((write_temp(report_path, json_document(report)), report_path))
    commit_run(layout.root, layout.state_dir, run_id, renames, run.tally.entries, ledger)
    return table_files_changed


@task(name="write-datapackage", cache_policy=NO_CACHE)
def describe_output(layout: OutputLayout, taxonomy_version: str) -> str:
    """Refresh OUT/datapackage.json so it lists every committed file with its size, rows and digest."""
    return str(write_datapackage(layout, taxonomy_version))


def publish_summary_artifact(
    report: Mapping[str, object], top_actors: Mapping[str, int], top_issues: Mapping[str, int]
) -> None:
    markdown = summary_markdown(report, top_actors, top_issues)
    create_markdown_artifact(key="agenda-run-summary", markdown=markdown, description="agenda run summary")
