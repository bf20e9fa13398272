"""The head start: the run's first chunks derived ahead, reused only for exactly the same inputs and arguments."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import pytest

from flows.core.batch import TextInput
from flows.core.settings import RunSettings
from flows.headstart import POOL_CHUNK, HeadStart, first_batch_size, iter_first_chunks, new_run_context, read_text
from tests.conftest import WIKINEWS
from tests.test_operations import assert_same_tables


class RecordingPool(Executor):
    """Runs nothing: records what was submitted and hands back a future that is already done."""

    def __init__(self) -> None:
        self.submitted: list[tuple[Any, ...]] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.submitted.append(args)
        future: Future[Any] = Future()
        future.set_result(["derived", len(self.submitted)])
        return future


def corpus(folder: Path, files: int) -> Path:
    folder.mkdir(parents=True)
    for n in range(files):
        (folder / f"{n:03d}.txt").write_text(f"Headline {n}\n\nThe minister spoke in Paris on day {n}.\n", "utf-8")
    return folder


def started(folder: Path, settings: RunSettings, first_batch: int = 100) -> tuple[HeadStart, RecordingPool]:
    head_start, pool = HeadStart(new_run_context(), [str(folder)], settings, first_batch), RecordingPool()
    head_start.start(pool)
    return head_start, pool


def flow_reads(folder: Path, names: range) -> list[TextInput]:
    """The inputs as the flow's own stat and read would give them."""
    texts = [read_text(folder / f"{n:03d}.txt", RunSettings().max_bytes) for n in names]
    assert all(text is not None for text in texts)
    return [text for text in texts if text is not None]


def chunk_sizes(folder: Path, settings: RunSettings, incremental: bool = False) -> list[int]:
    return [len(c) for c in iter_first_chunks([str(folder)], settings, first_batch_size(settings, incremental))]


def test_the_first_chunks_are_those_of_the_flows_first_batch(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 120)
    assert chunk_sizes(folder, RunSettings(workers=2, batch_size=100)) == [POOL_CHUNK, POOL_CHUNK]
    assert chunk_sizes(folder, RunSettings(workers=2, batch_size=70)) == [POOL_CHUNK, 20]
    assert chunk_sizes(folder, RunSettings(workers=1, batch_size=8)) == [8]
    assert chunk_sizes(folder, RunSettings(workers=2)) == [POOL_CHUNK, POOL_CHUNK, 20]  # all 120: one batch
    assert chunk_sizes(folder, RunSettings(workers=2), incremental=True) == [POOL_CHUNK, POOL_CHUNK]
    chunks = list(iter_first_chunks([str(folder)], RunSettings(workers=2), 100))
    assert [Path(text.stat.location).name for text in chunks[1]] == [f"{n:03d}.txt" for n in range(50, 100)]


def test_a_feed_or_a_file_the_flow_would_not_derive_ends_the_head_start(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 120)
    (folder / "030.jsonl").write_text("{}\n", "utf-8")  # sorted before 030.txt: the first batch ends there
    assert chunk_sizes(folder, RunSettings(workers=2)) == [30]
    (folder / "030.jsonl").unlink()
    (folder / "070.txt").write_bytes(b"x" * 5000)  # too large: the flow's batch leaves it out, and shifts after it
    assert chunk_sizes(folder, RunSettings(workers=2, max_bytes=4000)) == [POOL_CHUNK]
    (folder / "020.txt").write_bytes(b"x" * 5000)
    assert chunk_sizes(folder, RunSettings(workers=2, max_bytes=4000)) == []


def test_a_chunk_started_ahead_is_reused_once_for_the_same_inputs_and_arguments(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 100)
    settings = RunSettings(workers=2)
    head_start, pool = started(folder, settings)
    assert len(pool.submitted) == 2 and all(args[1] == head_start.context for args in pool.submitted)
    first, second = flow_reads(folder, range(50)), flow_reads(folder, range(50, 100))
    context, taxonomy, limit = head_start.context, settings.taxonomy, settings.max_line_chars
    assert head_start.take(first, new_run_context(), taxonomy, limit) is None  # another run's context
    assert head_start.take(first, context, taxonomy, limit + 1) is None
    assert head_start.take(first, context, "custom.json", limit) is None
    assert head_start.take(first[:-1], context, taxonomy, limit) is None
    future = head_start.take(second, context, taxonomy, limit)
    assert future is not None and future.result() == ["derived", 2]
    assert head_start.take(second, context, taxonomy, limit) is None  # once
    assert head_start.reused == 1


def test_a_file_changed_between_the_head_start_and_the_flows_read_is_derived_anew(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 100)
    settings = RunSettings(workers=2)
    head_start, _ = started(folder, settings)
    changed = folder / "007.txt"
    before = changed.stat()
    changed.write_text("Headline 7\n\nThe minister spoke in Rome on day 7.\n", "utf-8")  # same size
    os.utime(changed, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same mtime: only the bytes differ
    assert head_start.take(flow_reads(folder, range(50)), head_start.context, None, settings.max_line_chars) is None
    changed.touch()
    assert head_start.take(flow_reads(folder, range(50)), head_start.context, None, settings.max_line_chars) is None
    assert head_start.take(flow_reads(folder, range(50, 100)), head_start.context, None,
                           settings.max_line_chars) is not None


def test_the_first_batch_claims_its_chunks_in_place_and_drops_the_rest(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 100)
    settings = RunSettings(workers=2)
    head_start, _ = started(folder, settings)
    pending: Future[Any] = Future()
    head_start.started[()] = pending  # a chunk no batch will ask for
    batch = flow_reads(folder, range(98))  # the last two left out (unchanged, say): the second chunk differs
    claimed = head_start.claim(batch, head_start.context, None, settings.max_line_chars)
    assert [future is not None for future in claimed.futures] == [True, False]
    assert pending.cancelled() and head_start.started == {}


@pytest.mark.usefixtures("prefect_harness")
def test_the_tables_are_the_same_with_and_without_a_head_start(tmp_path: Path) -> None:
    from flows.pipeline import agenda_run
    from flows.workers import _started_ahead, workers_ahead

    sources = [str(WIKINEWS / "articles")]
    settings = RunSettings(workers=2, batch_size=60)
    agenda_run(sources, str(tmp_path / "plain"), settings)
    with workers_ahead(sources, settings):
        head_start = _started_ahead[-1].head_starts[0]
        report = agenda_run(sources, str(tmp_path / "ahead"), settings)
    assert report["run_id"] == head_start.context.run_id  # the flow adopted the head start's context
    assert head_start.reused == 2  # a first batch of 60: chunks of 50 and 10
    assert_same_tables(tmp_path / "plain", tmp_path / "ahead")


def test_a_stopped_head_start_reads_and_starts_nothing_more(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 120)
    head_start = HeadStart(new_run_context(), [str(folder)], RunSettings(workers=2), 100)
    head_start.stop()  # the run ended before the reads began
    pool = RecordingPool()
    head_start.start(pool)
    assert pool.submitted == [] and head_start.ready.is_set()


def test_the_flow_waits_for_the_reads_ahead_no_longer_than_for_its_own(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 60)
    settings = RunSettings(workers=2, io_timeout_seconds=0.05)
    head_start = HeadStart(new_run_context(), [str(folder)], settings, 100)  # never started: its reads "hang"
    items = flow_reads(folder, range(50))
    assert head_start.take(items, head_start.context, settings.taxonomy, settings.max_line_chars) is None
    assert head_start.stopping.is_set()
