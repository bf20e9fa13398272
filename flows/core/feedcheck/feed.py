"""From a feed's UTF-8 byte chunks to checked entries: frame the records, parse each, check each against the schema."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from flows.core.feedcheck.arrays import split_array
from flows.core.feedcheck.engine import NO_ISSUES, RecordChecker
from flows.core.feedcheck.issues import Issue, input_issue
from flows.core.feedcheck.lines import NOT_PARSED, Framed, Malformed, Oversized, Unterminated, split_lines
from flows.core.feedcheck.parse import Parser, parse_record

DEFAULT_MAX_RECORD_BYTES = 20 * 1024 * 1024  # one article per record; `agenda run` refuses bigger article files too
SNIFF_LIMIT = 64 * 1024
FRAMINGS = ("jsonl", "json", "sniff")
_WHITESPACE = b" \t\r\n"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One record as found (its line, its array index, its bytes, its value) and what is wrong with it.

    `is_record` is False for a problem between records (a stray comma in an array): it has no bytes of its own.
    """

    line: int
    index: int | None
    raw: bytes | None
    value: Any
    issues: tuple[Issue, ...] | list[Issue]
    is_record: bool = True

    @property
    def valid(self) -> bool:
        return not self.issues


def framing_for(name: str) -> str:
    """How to cut a file into records, from its name: JSON Lines, a JSON document or array, or look at the bytes."""
    lowered = name.lower()
    if lowered.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lowered.endswith(".json"):
        return "json"
    return "sniff"


def first_significant(chunks: Iterator[bytes], limit: int = SNIFF_LIMIT) -> tuple[int | None, Iterator[bytes]]:
    """The first non-blank byte within `limit` bytes (None if there is none), and the stream, still whole."""
    seen: list[bytes] = []
    size = 0
    for chunk in chunks:
        seen.append(chunk)
        stripped = chunk.lstrip(_WHITESPACE)
        if stripped:
            return stripped[0], chain(seen, chunks)
        size += len(chunk)
        if size >= limit:
            break
    return None, chain(seen, chunks)


def chain(head: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def whole_document(chunks: Iterable[bytes], max_bytes: int) -> Iterator[Framed]:
    """The input as one record, starting at its first non-blank byte; Oversized when above the limit."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size <= max_bytes:
            parts.append(chunk)
        else:
            parts.clear()
    if size > max_bytes:
        yield Oversized(1, size)
        return
    text = b"".join(parts)
    body = text.lstrip(_WHITESPACE)
    if body:
        line = 1 + text.count(b"\n", 0, len(text) - len(body))
        yield (line, None, body.rstrip(_WHITESPACE), NOT_PARSED)
    else:
        yield Malformed(1, "the document is empty")


def frame(chunks: Iterable[bytes], framing: str, max_bytes: int) -> tuple[str, Iterator[Framed]]:
    """Pick the record framing ("json-lines", "json-array" or "json-document") and cut the stream into records."""
    if framing == "jsonl":
        return "json-lines", split_lines(chunks, max_bytes)
    first, stream = first_significant(iter(chunks))
    if first == ord("["):
        return "json-array", split_array(stream, max_bytes)
    if framing == "json":
        return "json-document", whole_document(stream, max_bytes)
    return "json-lines", split_lines(stream, max_bytes)


def check_entries(
    framed: Iterable[Framed], checker: RecordChecker, max_bytes: int, parse: Parser = parse_record
) -> Iterator[FeedEntry]:
    """Parse and check every framed record, in order."""
    issues_of = checker.issues
    for item in framed:
        if type(item) is tuple:
            line, index, raw, parsed = item
            value, problem = parse(raw, parsed)
            if problem is None:
                yield FeedEntry(line, index, raw, value, issues_of(value))
            else:
                yield FeedEntry(line, index, raw, None, (problem,))
        else:
            yield odd_entry(item, checker, max_bytes, parse)


def odd_entry(item: Framed, checker: RecordChecker, max_bytes: int, parse: Parser) -> FeedEntry:
    """The entries that are not a plain record: too large, cut short, or a problem between records."""
    if isinstance(item, Oversized):
        message = f"the record is {item.size:,} bytes, above the limit of {max_bytes:,}; it was skipped unread"
        return FeedEntry(item.line, item.index, None, None, (input_issue("too_large", message),))
    if isinstance(item, Malformed):
        return FeedEntry(item.line, None, None, None, (input_issue("invalid_json", item.message),), is_record=False)
    assert isinstance(item, Unterminated)
    value, problem = parse(item.raw, NOT_PARSED)
    if problem is None:
        return FeedEntry(item.line, item.index, item.raw, value, checker.issues(value) or NO_ISSUES)
    where = "the last line has no newline" if item.index is None else "the input ends inside this item"
    message = f"{where} and is not valid JSON, so the input looks cut short ({problem.message})"
    return FeedEntry(item.line, item.index, item.raw, None, (input_issue("truncated", message, problem.line_offset),))
