"""Derive batches in this process with its own extractors and record checker, built on first use and kept.

This module is what a worker process of the extraction pool imports: it pulls in the pure stages and the reference
data, never Prefect, so that a worker starts in a fraction of a second."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from flows.quiet import defer_heavy_imports

defer_heavy_imports()  # a worker process starts here: before jsonschema is imported below, as the CLI does

from flows.core.article import RunContext  # noqa: E402 - after the deferral above, on purpose
from flows.core.batch import Processed, TextInput, process_inputs  # noqa: E402 - as above
from flows.core.feeditem import FeedInput  # noqa: E402 - as above
from flows.io.extractors import load_extractors  # noqa: E402 - as above
from flows.io.schemas import checker_for  # noqa: E402 - as above


def prepare_process(taxonomy: str | None, run_pid: int | None = None) -> None:
    """Build this process's extractors and checker now, so that its first batch does not wait for them; with
    ``run_pid``, also end this process when that one is gone."""
    if run_pid is not None:
        watch_run_process(run_pid)
    load_extractors(Path(taxonomy) if taxonomy else None)
    checker_for("article")


def watch_run_process(pid: int, every: float = 1.0) -> None:
    """A worker's parent is the pool's forkserver, not the run's process, so nothing tells it when that process is
    killed (SIGKILL, or a SIGTERM that Prefect re-raises): it looks once a second, and exits when the run has."""

    def watch() -> None:
        while True:
            time.sleep(every)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # the pid exists (another user's process now): keep waiting
                continue

    threading.Thread(target=watch, name="agenda-run-watch", daemon=True).start()


def derive_items(
    items: Sequence[TextInput | FeedInput], context: RunContext, taxonomy: str | None, max_line_chars: int
) -> list[Processed]:
    extractors = load_extractors(Path(taxonomy) if taxonomy else None)
    return process_inputs(items, context, extractors, checker_for("article"), max_line_chars)
