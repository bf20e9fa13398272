"""Read an article feed (JSON Lines of feed-item.v1) as it streams: valid items go on, the rest to quarantine."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from flows.core.feedcheck.encoding import decode_stream
from flows.core.feedcheck.engine import RecordChecker
from flows.core.feedcheck.feed import check_entries, frame, framing_for
from flows.core.feeditem import FeedInput, item_location
from flows.core.incremental import FileStat
from flows.core.problems import Problem, problem
from flows.io.feeds import open_feed
from flows.io.schemas import load_schemas, resolve_schema_name
from flows.io.storage import temp_path_for


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A feed line that is not a valid feed item, kept whole with why."""

    line_number: int
    line: str
    errors: list[str]

    def as_problem(self, location: str) -> Problem:
        return problem("invalid_feed_item", item_location(location, self.line_number), "; ".join(self.errors))


@cache
def feed_item_checker() -> RecordChecker:
    return RecordChecker(load_schemas()[resolve_schema_name("feed-item")], load_schemas())


def item_identity(item: Mapping[str, Any], sha256: str) -> str:
    """What names an item across versions of its feed: its source id or URL when it has one (a changed text then
    supersedes the old one), else its content (lines may move when others are added, and that changes nothing)."""
    if item.get("source_id"):
        return f"id={item['source_id']}"
    if item.get("url"):
        return f"url={item['url']}"
    return f"sha256={sha256}"


def item_stat(stat: FileStat, line: int, raw: bytes, identity: str) -> FileStat:
    return FileStat(f"{stat.key}#{identity}", item_location(stat.location, line), len(raw), stat.mtime_ns)


def iter_feed(stat: FileStat, max_record_bytes: int) -> Iterator[FeedInput | Quarantined | Problem]:
    """Every record of the feed in order; a feed that cannot be read at all is one problem."""
    opened = open_feed(stat.location)
    if isinstance(opened, str):
        yield problem("unreadable", stat.location, opened)
        return
    decoded = decode_stream(opened.chunks)
    if decoded.problem:
        yield problem("unreadable", stat.location, decoded.problem)
        return
    _, framed = frame(decoded.chunks, framing_for(stat.location), max_record_bytes)
    for entry in check_entries(framed, feed_item_checker(), max_record_bytes):
        raw = entry.raw or b""
        if entry.valid and entry.is_record:
            digest = hashlib.sha256(raw).hexdigest()
            identity = item_identity(entry.value, digest)
            yield FeedInput(item_stat(stat, entry.line, raw, identity), entry.value, digest)
        else:
            text = raw.decode("utf-8", errors="replace")
            yield Quarantined(entry.line, text, [f"{i.pointer or '/'}: {i.message} [{i.code}]" for i in entry.issues])


class QuarantineFile:
    """The quarantined lines of one feed in one run: OUT/quarantine/<run_id>/<feed>.jsonl, visible at commit."""

    def __init__(self, final: Path) -> None:
        self.final = final
        final.parent.mkdir(parents=True, exist_ok=True)
        self.temp = temp_path_for(final)
        self._handle = self.temp.open("w", encoding="utf-8")

    def add(self, record: Quarantined, source: str) -> None:
        row = {"source": source, "line_number": record.line_number, "line": record.line, "errors": record.errors}
        self._handle.write(json.dumps(row, ensure_ascii=False) + "\n")

    def finish(self) -> list[tuple[Path, Path]]:
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        return [(self.temp, self.final)]
