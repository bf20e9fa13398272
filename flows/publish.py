"""Stage 3, publish: append each batch to the run's table parts, then make them visible and write the report."""

from __future__ import annotations

from collections.abc import Mapping

from prefect import task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.core.derive import Row
from flows.core.summary import summary_markdown
from flows.io.datapackage import write_datapackage
from flows.io.outputs import OutputLayout
from flows.io.storage import TablePart, write_json_atomic


@task(name="append-batch", cache_policy=NO_CACHE)
def append_batch(parts: Mapping[str, TablePart], tables: Mapping[str, list[Row]]) -> dict[str, int]:
    for name, rows in tables.items():
        parts[name].append(rows)
    return {name: len(rows) for name, rows in tables.items()}


@task(name="commit-parts", cache_policy=NO_CACHE)
def commit_parts(parts: Mapping[str, TablePart]) -> None:
    """Rename every part into place; articles last, so an article is listed only once its rows are all there."""
    for name in sorted(parts, key=lambda table: table == "articles"):
        parts[name].commit()


@task(name="write-report", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def write_report(layout: OutputLayout, report: dict[str, object]) -> str:
    path = layout.report_path(str(report["run_id"]))
    write_json_atomic(path, report)
    return str(path)


@task(name="write-datapackage", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def describe_output(layout: OutputLayout, taxonomy_version: str) -> str:
    """Refresh OUT/datapackage.json so it lists every committed file with its size, rows and digest."""
    return str(write_datapackage(layout, taxonomy_version))


def publish_summary_artifact(report: Mapping[str, object]) -> None:
    create_markdown_artifact(
        key="agenda-run-summary", markdown=summary_markdown(report), description="agenda run summary"
    )
