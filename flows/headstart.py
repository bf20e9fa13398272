"""A head start for `agenda run`: the run's first chunks are derived while the flow's process is still starting.

`agenda run` starts its worker pool before it imports Prefect (flows/workers.py); the workers are ready about half a
second before the flow can hand them anything. The head start fixes the run's context there and then, reads the first
batch the flow will read (the same lazy discovery, stats and bounded reads) and submits its chunks to the pool.

Derivation is a pure function of its inputs (the bytes and the stat taken before them), the run context, the
taxonomy and the line limit, and it writes nothing. So when the flow later hands over a chunk, it reuses the future
started ahead only if all of those are exactly the same; any other chunk is derived anew, and a chunk the flow never
asks for (a file changed in between, an unchanged file of an incremental run) is dropped. The tables cannot differ.

No Prefect here: this runs before Prefect is imported.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from flows.core.article import RunContext, sha256_hex
from flows.core.batch import Processed, TextInput
from flows.core.feeditem import FeedInput
from flows.core.incremental import FileStat
from flows.core.problems import Problem
from flows.core.settings import RunSettings
from flows.io.derivation import derive_items
from flows.io.discover import is_feed, iter_inputs
from flows.io.read import TransientReadError, read_stable, stat_input

POOL_CHUNK = 50  # inputs per job of the pool: a few hundred milliseconds of work, one pickle each way

ChunkKey = tuple[tuple[FileStat, str], ...]
Item = TypeVar("Item")


def new_run_context() -> RunContext:
    now = datetime.now(UTC)
    return RunContext(run_id=f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}", started_at=now)


def chunk_key(items: Sequence[TextInput | FeedInput]) -> ChunkKey | None:
    """What identifies a chunk's inputs: each file's stat and the digest of the bytes read. Feed items never match."""
    if not all(isinstance(item, TextInput) for item in items):
        return None
    return tuple((item.stat, item.sha256) for item in items)


class HeadStart:
    """The chunks one run derived ahead, each reusable once, by a derivation of exactly the same arguments.
    A plain class, not a dataclass: Prefect does not walk into it when the dispatcher holding it is quoted."""

    __slots__ = ("context", "first_batch", "ready", "reused", "settings", "sources", "started", "stopping")

    def __init__(self, context: RunContext, sources: Sequence[str], settings: RunSettings, first_batch: int) -> None:
        self.context = context
        self.sources = list(sources)
        self.settings = settings
        self.first_batch = first_batch  # inputs in the flow's first batch, which this head start derives
        self.started: dict[ChunkKey, Future[list[Processed]]] = {}
        self.ready = threading.Event()  # set once every chunk that will be started has been
        self.stopping = threading.Event()  # set to stop reading: the run ended, or gave up waiting for the reads
        self.reused = 0  # chunks the flow took (the tests read it)

    def start(self, pool: Executor, chunks: Iterable[list[TextInput]] | None = None) -> None:
        """Submit each chunk of the first batch as soon as it is read (by default), once the pool has its workers:
        a submission before would start one more."""
        s = self.settings
        if chunks is None:
            chunks = iter_first_chunks(self.sources, self.settings, self.first_batch, self.stopping)
        try:
            for chunk in chunks:
                if self.stopping.is_set():
                    break
                key = chunk_key(chunk)
                if key is not None:
                    self.started[key] = pool.submit(derive_items, chunk, self.context, s.taxonomy, s.max_line_chars)
        finally:
            self.ready.set()

    def take(
        self, items: Sequence[TextInput | FeedInput], context: RunContext, taxonomy: str | None, max_line_chars: int
    ) -> Future[list[Processed]] | None:
        """The derivation of ``items`` started ahead, if it was started with exactly these arguments."""
        if (context, taxonomy, max_line_chars) != (self.context, self.settings.taxonomy, self.settings.max_line_chars):
            return None
        key = chunk_key(items)
        if key is None or not self.wait_ready():
            return None
        future = self.started.pop(key, None)
        self.reused += future is not None
        return future

    def claim(
        self, items: Sequence[TextInput | FeedInput], context: RunContext, taxonomy: str | None, max_line_chars: int
    ) -> Claimed:
        """What was started of the first batch's chunks, each in its place, and the rest dropped: the head start
        serves the first batch only, and an incremental run may take none of it."""
        claimed = Claimed([self.take(chunk, context, taxonomy, max_line_chars) for chunk in pool_chunks(items)])
        self.drop()
        return claimed

    def drop(self) -> None:
        """Forget the chunks nobody asked for: those not yet running never run (one already running finishes)."""
        self.wait_ready()
        for future in self.started.values():
            future.cancel()
        self.started.clear()

    def wait_ready(self) -> bool:
        """Wait for the reads ahead, no longer than the flow would wait for one batch's reads (a read that hangs
        must not hang the flow); on timeout stop them and use nothing of them."""
        if self.ready.wait(self.settings.io_timeout_seconds):
            return True
        self.stop()
        return False

    def stop(self) -> None:
        self.stopping.set()


class Claimed:
    """The futures of a batch's chunks that the head start derived (None for the others), in chunk order."""

    __slots__ = ("futures",)

    def __init__(self, futures: list[Future[list[Processed]] | None]) -> None:
        self.futures = futures


def pool_chunks(items: Sequence[Item]) -> list[list[Item]]:
    """A batch as the pool's jobs: POOL_CHUNK inputs each, in order."""
    return [list(items[start : start + POOL_CHUNK]) for start in range(0, len(items), POOL_CHUNK)]


def first_batch_size(settings: RunSettings, incremental: bool) -> int:
    """The flow's whole first batch, so that the workers stay busy until the second arrives; one chunk per worker
    for an output that has a ledger already, where the flow may find the first inputs unchanged and drop the work."""
    return min(POOL_CHUNK * settings.workers, settings.batch_size) if incremental else settings.batch_size


def first_paths(sources: Sequence[str], count: int) -> list[Path]:
    """The text files of the flow's first batch, as path_groups takes them: the first ``count`` that discovery
    yields, problems skipped, up to the first feed."""
    paths: list[Path] = []
    for item in iter_inputs(list(sources)):
        if isinstance(item, Path):
            if is_feed(item):
                break
            paths.append(item)
            if len(paths) == count:
                break
    return paths


def read_text(path: Path, max_bytes: int, folders: dict[Path, Path] | None = None) -> TextInput | None:
    """The file as the flow's read would see it; None for anything the flow would not derive."""
    try:
        stat = stat_input(path, folders)
        data = read_stable(stat, max_bytes) if isinstance(stat, FileStat) else stat
    except TransientReadError:
        return None
    if isinstance(data, Problem) or not isinstance(stat, FileStat):
        return None
    return TextInput(stat, data, sha256_hex(data))


def iter_first_chunks(
    sources: Sequence[str], settings: RunSettings, size: int, stopping: threading.Event | None = None
) -> Iterator[list[TextInput]]:
    """The chunks of the flow's first batch of ``size`` inputs (see Dispatcher.run), each as soon as it is read, up
    to the first input that could not be read: the flow's batch leaves that one out, so only the whole chunks before
    it stay the same (and the last chunk, which may be short, only when the batch ends there)."""
    paths = first_paths(sources, size)
    chunk: list[TextInput] = []
    folders: dict[Path, Path] = {}
    for path in paths:
        if stopping is not None and stopping.is_set():
            return
        text = read_text(path, settings.max_bytes, folders)
        if text is None:
            return
        chunk.append(text)
        if len(chunk) == POOL_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
