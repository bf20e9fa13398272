"""The main flow: ingest -> derive -> publish, batch by batch, committed as one unit per run."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.utilities.annotations import quote

from flows.core.settings import RunSettings
from flows.core.tally import build_report, new_tally
from flows.dispatch import Dispatcher
from flows.headstart import new_run_context
from flows.io.commit import recover
from flows.io.compaction import recover_compaction
from flows.io.discover import iter_inputs
from flows.io.ledger import latest_entries, open_ledger, published_articles
from flows.io.locks import output_lock
from flows.io.outputs import TABLES, OutputLayout, known_articles, open_table_part
from flows.io.registrystore import RegistryStore, clear_scratch
from flows.io.taxonomy import load_taxonomy
from flows.publish import commit_output, describe_output, publish_summary_artifact
from flows.runners import api_for_workers, task_runner_for
from flows.workers import adopt_head_start, extraction_pool


def taxonomy_path(settings: RunSettings) -> Path | None:
    return Path(settings.taxonomy) if settings.taxonomy else None


@flow(name="agenda-run", persist_result=False)
def agenda_run(sources: list[str], out: str = "data", settings: RunSettings | None = None) -> dict[str, object]:
    """Turn the article files and feeds named by `sources` into the tables under `out`; returns the run report."""
    settings = settings or RunSettings()
    logger = get_run_logger()
    ahead = adopt_head_start(settings)  # `agenda run` fixed the context when it started deriving the first chunks
    context = ahead.context if ahead is not None else new_run_context()
    layout = OutputLayout(Path(out))
    taxonomy_version = load_taxonomy(taxonomy_path(settings)).version  # the extractors load only if there is work
    with extraction_pool(settings) as pool, output_lock(layout.state_dir, context.run_id,
                                                        settings.lock_wait_seconds) as stale:
        if stale is not None:
            logger.warning("took over the lock left by %s, which is no longer running", stale.describe())
        ledger = open_ledger(layout.state_dir)
        registry = RegistryStore(layout.state_dir, context.run_id, layout.registry_paths()[0])
        try:
            recover_compaction(layout)
            recovered = recover(layout.root, layout.state_dir, ledger)
            for run_id in recovered:
                logger.warning("finished committing run %s, which was interrupted", run_id)
            tally = new_tally(context.run_id, published_articles(ledger) or known_articles(layout))
            parts = {name: open_table_part(layout, name, context.started_at, context.run_id) for name in TABLES}
            last = latest_entries(ledger)
            clear_scratch(layout.state_dir)  # after recovery: a registry is only ever read from its published file
            dispatcher = Dispatcher(layout, context, settings, tally, last, parts, registry, pool=pool, ahead=ahead)
            dispatcher.run(iter_inputs(sources))
            report = build_report(context, sources, out, tally, datetime.now(UTC), taxonomy_version)
            published = commit_output(layout, context.run_id, quote(parts), quote(dispatcher), quote(report), ledger)
            top_actors = registry.top_actors(10)
        finally:
            if ahead is not None:
                ahead.drop()
            ledger.close()
            registry.close()
        if published or recovered or not (layout.root / "datapackage.json").exists():  # only when the files changed
            describe_output(layout, taxonomy_version)
    logger.info("run %s: %s articles written", context.run_id, tally.written)
    publish_summary_artifact(report, top_actors, dispatcher.top_issues)
    return report


def run_pipeline(sources: list[str], out: str, settings: RunSettings) -> dict[str, object]:
    """Run the flow with the task runner the settings ask for (in process, a process pool, or Dask)."""
    with api_for_workers(settings):
        return agenda_run.with_options(task_runner=task_runner_for(settings))(sources, out, settings)
