"""The actor registry while a run merges its actors into it: a scratch SQLite file of the run's own, not memory.

The registry holds every actor ever seen, so it grows with the corpus; a run keeps it on disk and holds only one
batch's entries in memory at a time. The published registry (OUT/parquet/registry, OUT/json/registry) stays the
truth: the scratch file starts as a copy of it (made on the run's first merge), and at commit the new registry is
written from the scratch file in actor_id order, a chunk at a time. A run that dies leaves only a scratch file,
which the next run deletes (see `clear_scratch`).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

import orjson
import pyarrow.parquet as pq

from flows.core.jsonrows import json_bytes
from flows.core.registry import RegistryEntry, entry_from_row, merge_actor_rows

_SCHEMA = """
CREATE TABLE entries (
    actor_id TEXT PRIMARY KEY,
    line BLOB NOT NULL,
    name TEXT NOT NULL,
    run_articles INTEGER NOT NULL DEFAULT 0
)
"""
_CHUNK = 5_000  # entries read or written per step: bounds memory, keeps SQLite's statements short


def scratch_dir(state_dir: Path) -> Path:
    return state_dir / "scratch"


def clear_scratch(state_dir: Path) -> list[Path]:
    """Delete the scratch files of runs that died (call only while holding the output lock)."""
    found = sorted(p for p in scratch_dir(state_dir).glob("*") if p.is_file())
    for path in found:
        path.unlink()
    return found


def entry_from_line(line: bytes) -> RegistryEntry:
    return RegistryEntry(**orjson.loads(line))


def chunks(values: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(values)
    while chunk := list(islice(iterator, size)):
        yield chunk


class RegistryStore:
    """One run's working copy of the registry, seeded from the published registry file on first use."""

    def __init__(self, state_dir: Path, run_id: str, published: Path) -> None:
        self.path = scratch_dir(state_dir) / f"registry-{run_id}.sqlite"
        self.published = published
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.unlink(missing_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=OFF")  # scratch: a crash discards the file anyway
            self._db.execute("PRAGMA synchronous=OFF")
            self._db.execute(_SCHEMA)
            self._copy_published()
        return self._db

    def _copy_published(self) -> None:
        if not self.published.exists():
            return
        for batch in pq.ParquetFile(self.published).iter_batches(batch_size=_CHUNK):
            entries = [entry_from_row(row) for row in batch.to_pylist()]
            self._write(entries, Counter())

    def _write(self, entries: Sequence[RegistryEntry], run_articles: Mapping[str, int]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO entries (actor_id, line, name, run_articles) VALUES (?, ?, ?, ?)",
            [(e.actor_id, json_bytes(e.as_row()), e.name, run_articles.get(e.actor_id, 0)) for e in entries],
        )

    def _read(self, actor_ids: Sequence[str]) -> tuple[dict[str, RegistryEntry], Counter[str]]:
        entries: dict[str, RegistryEntry] = {}
        counts: Counter[str] = Counter()
        for chunk in chunks(actor_ids, 500):  # SQLite's limit on bound parameters is 999 on old builds
            marks = ", ".join("?" * len(chunk))
            query = f"SELECT actor_id, line, run_articles FROM entries WHERE actor_id IN ({marks})"
            for actor_id, line, run_articles in self.db.execute(query, chunk):
                entries[actor_id] = entry_from_line(line)
                counts[actor_id] = run_articles
        return entries, counts

    def merge(self, rows: Sequence[Mapping[str, Any]], seen_at: datetime, run_id: str) -> None:
        """Fold one batch of actors rows (one row per actor per article) into the registry."""
        if not rows:
            return
        entries, counts = self._read(sorted({str(row["actor_id"]) for row in rows}))
        merge_actor_rows(entries, rows, seen_at, run_id)
        counts.update(str(row["actor_id"]) for row in rows)
        self._write(list(entries.values()), counts)

    def top_actors(self, count: int) -> Counter[str]:
        """The names of the actors in the most of this run's articles, with those counts."""
        if self._db is None:
            return Counter()
        query = ("SELECT name, SUM(run_articles) AS articles FROM entries WHERE run_articles > 0 GROUP BY name "
                 "ORDER BY articles DESC, name LIMIT ?")  # two actors may share a name (Georgia): one line for it
        return Counter(dict(self.db.execute(query, (count,)).fetchall()))

    def lines(self) -> Iterator[tuple[bytes, int]]:
        """The whole registry as JSON Lines, in actor_id order: (chunk of lines, rows in it)."""
        cursor = self.db.execute("SELECT line FROM entries ORDER BY actor_id")
        while rows := cursor.fetchmany(_CHUNK):
            yield b"".join(bytes(line) + b"\n" for (line,) in rows), len(rows)

    def close(self) -> None:
        """Close and delete the scratch file."""
        if self._db is not None:
            self._db.close()
            self._db = None
        self.path.unlink(missing_ok=True)
