"""The run loop: batches of inputs to the derive task, results back in input order, rows into the table parts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from prefect.futures import PrefectFuture
from prefect.utilities.annotations import quote

from flows.core.article import Article, RunContext, sha256_hex
from flows.core.batch import Batch, Processed, TextInput
from flows.core.derive import DERIVED_TABLES, Row
from flows.core.feeditem import FeedInput
from flows.core.incremental import FileStat, LedgerEntry, unchanged_by_content, unchanged_by_stat
from flows.core.jsonrows import json_lines
from flows.core.problems import Problem, problem
from flows.core.settings import RunSettings
from flows.core.tally import Tally, add_rows, admit, note_problem, note_unchanged
from flows.derive import derive_batch
from flows.headstart import POOL_CHUNK, Claimed, HeadStart
from flows.ingest import read_batch, stat_batch
from flows.io.discover import is_feed, path_groups
from flows.io.feedinput import Quarantined, QuarantineFile, iter_feed
from flows.io.outputs import OutputLayout
from flows.io.registrystore import RegistryStore
from flows.io.storage import TablePart
from flows.publish import append_batch

Work = TextInput | FeedInput


@dataclass
class Dispatcher:
    """Sends batches of work to the derive task and publishes results in submission order."""

    layout: OutputLayout
    context: RunContext
    settings: RunSettings
    tally: Tally
    last: dict[str, LedgerEntry]
    parts: dict[str, TablePart]
    registry: RegistryStore
    quarantine: dict[str, QuarantineFile] = field(default_factory=dict)
    top_issues: Counter[str] = field(default_factory=Counter)  # articles per issue label, for the run summary
    pending: list[PrefectFuture[list[Processed]]] = field(default_factory=list)
    pool: Executor | None = None  # the worker processes of a local run with more than one worker
    ahead: HeadStart | None = None  # the first chunks, derived while the flow started (`agenda run` only)

    def submit(self, work: Sequence[Work]) -> None:
        claimed = self.claim_head_start(work)
        if work:
            s = self.settings
            batch = Batch(work)
            self.pending.append(derive_batch.submit(batch, self.context, s.taxonomy, s.max_line_chars, self.pool,
                                                    claimed))
        while len(self.pending) >= max(2 * self.settings.workers, 2):
            self.publish(self.pending.pop(0).result())

    def claim_head_start(self, work: Sequence[Work]) -> Claimed | None:
        """The head start serves the first batch only: what it derived of it is claimed, the rest dropped."""
        if self.ahead is None:
            return None
        ahead, self.ahead = self.ahead, None
        s = self.settings
        return ahead.claim(work, self.context, s.taxonomy, s.max_line_chars)

    def drain(self) -> None:
        while self.pending:
            self.publish(self.pending.pop(0).result())

    def publish(self, processed: list[Processed]) -> None:
        """Admit each input in input order (so results never depend on the number of workers), append its rows.
        The derived tables arrive encoded; only the article records are encoded here, once admission has set
        their `supersedes`."""
        records: list[Row] = []
        lines: dict[str, list[bytes]] = {name: [] for name in DERIVED_TABLES}
        counts: Counter[str] = Counter()
        actors: list[Row] = []
        for item in processed:
            admitted = admit(item, self.tally, self.last.get(item.stat.key))
            if admitted and isinstance(item.result, Article) and item.tables is not None:
                records.append(item.result.record)
                for name, data in item.tables.lines.items():
                    lines[name].append(data)
                counts.update(item.tables.counts)
                actors.extend(item.tables.actors)
                self.top_issues.update(item.tables.issue_labels)
        chunks = {"articles": (json_lines(records), len(records))}
        chunks |= {name: (b"".join(lines[name]), counts[name]) for name in DERIVED_TABLES}
        for name, count in append_batch(self.parts, quote(chunks)).items():
            add_rows(self.tally, name, count)
        self.registry.merge(actors, self.context.started_at, self.context.run_id)

    def changed(self, stats: Sequence[FileStat | Problem]) -> list[FileStat]:
        """The inputs whose size or mtime moved since the ledger saw them; the rest are unchanged unread."""
        wanted: list[FileStat] = []
        for stat in stats:
            self.tally.inputs_seen += 1
            if isinstance(stat, Problem):
                note_problem(self.tally, stat)
            elif unchanged_by_stat(stat, previous := self.last.get(stat.key)) and previous is not None:
                note_unchanged(self.tally, stat, previous)  # rejected inputs never match: see unchanged_by_stat
            else:
                wanted.append(stat)
        return wanted

    def texts(self, read: Sequence[tuple[FileStat, bytes | Problem]]) -> list[TextInput]:
        items: list[TextInput] = []
        for stat, data in read:
            if isinstance(data, Problem):
                note_problem(self.tally, data)
                continue
            digest = sha256_hex(data)
            if unchanged_by_content(digest, previous := self.last.get(stat.key)) and previous is not None:
                note_unchanged(self.tally, stat, previous, digest)
            else:
                items.append(TextInput(stat, data, digest))
        return items

    def io_options(self) -> dict[str, float]:
        s = self.settings
        return {"retries": s.io_retries, "retry_delay_seconds": s.io_retry_delay_seconds,
                "timeout_seconds": s.io_timeout_seconds}

    def stat(self, paths: Sequence[Path]) -> list[FileStat | Problem]:
        """Stats of a batch; when the task fails even after its retries, every file of the batch is rejected."""
        try:
            return stat_batch.with_options(**self.io_options())(quote(paths))  # quoted: Prefect walks no list
        except Exception as error:  # kept as data: each input of the batch gets the error as its reason
            return [problem("unreadable", str(p), f"stat failed after every retry: {error!r}") for p in paths]

    def read(self, stats: Sequence[FileStat]) -> list[tuple[FileStat, bytes | Problem]]:
        """Bytes of a batch; a timeout or error that outlasts the retries rejects the batch's files."""
        s = self.settings
        try:
            return read_batch.with_options(**self.io_options())(quote(stats), s.max_bytes, s.io_retries)
        except Exception as error:  # kept as data: each input of the batch gets the error as its reason
            reason = f"read failed after every retry: {error!r}"
            return [(stat, problem("unreadable", stat.location, reason)) for stat in stats]

    def take_texts(self, paths: Sequence[Path]) -> None:
        self.submit(self.texts(self.read(self.changed(self.stat(paths)))))

    def take_feed(self, path: Path) -> None:
        """Stream a feed: valid items in batches, invalid lines to the quarantine; an unchanged feed is skipped."""
        changed = self.changed(self.stat([path]))
        if not changed:
            return
        self.tally.inputs_seen -= 1  # the feed's items are the inputs, counted one by one below
        feed = changed[0]
        batch: list[Work] = []
        read_whole = True
        for entry in iter_feed(feed, self.settings.max_bytes):
            self.tally.inputs_seen += 1
            if isinstance(entry, Problem):
                note_problem(self.tally, entry)
                read_whole = False
            elif isinstance(entry, Quarantined):
                self.quarantine_line(feed, entry)
            elif unchanged_by_content(entry.sha256, previous := self.last.get(entry.stat.key)) and previous:
                note_unchanged(self.tally, entry.stat, previous, entry.sha256)
            else:
                batch.append(entry)
                if len(batch) == self.settings.batch_size:
                    self.submit(batch)
                    batch = []
        self.submit(batch)
        if read_whole:  # a feed that could not be read is taken again next run, not skipped as unchanged
            self.tally.entries.append(LedgerEntry(feed.key, feed.location, feed.size, feed.mtime_ns, None, None,
                                                  "written", self.context.run_id))

    def quarantine_line(self, feed: FileStat, entry: Quarantined) -> None:
        if feed.key not in self.quarantine:
            name = f"{len(self.quarantine):03d}-{Path(feed.location).name}"
            self.quarantine[feed.key] = QuarantineFile(self.layout.quarantine_path(self.context.run_id, name))
        self.quarantine[feed.key].add(entry, feed.location)
        note_problem(self.tally, entry.as_problem(feed.location))

    def run(self, found: Iterable[Path | Problem]) -> None:
        first = POOL_CHUNK * self.settings.workers if self.pool is not None else None  # a chunk for every worker
        if self.ahead is not None:
            first = self.ahead.first_batch  # the batch the head start derived
        for group in path_groups(found, self.settings.batch_size, self.tally, first):
            if len(group) == 1 and is_feed(group[0]):
                self.take_feed(group[0])
            else:
                self.take_texts(group)
        self.drain()
