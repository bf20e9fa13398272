"""Stream the items of a top-level JSON array one at a time, without parsing the whole document.

A small tokenizer: it tracks only strings, escapes and bracket depth, which is all it takes to find where each item
ends; each item's bytes then go to the record parser, which judges them. It holds one item at a time, and not even
that when the item is larger than the limit.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterable, Iterator
from typing import Any

from flows.core.feedcheck.lines import NOT_PARSED, Framed, Malformed, Oversized, Unterminated

try:
    import orjson
except ImportError:  # pragma: no cover - the tokenizer alone finds the same items, only slower
    orjson = None  # type: ignore[assignment]

# Runs of bytes that cannot end an item: anything but brackets and quotes, or a whole string. Possessive, so a long
# run costs one C-level match and never backtracks. Commas end an item only at depth 0.
_STRING = rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"'
_RUN_NESTED = re.compile(rb'(?:[^"\[\]{}]++|' + _STRING + rb")*+", re.DOTALL)
_RUN_TOP = re.compile(rb'(?:[^"\[\]{},]++|' + _STRING + rb")*+", re.DOTALL)
_STRING_TAIL = re.compile(rb'[^"\\]*+(?:\\.[^"\\]*+)*+', re.DOTALL)
_SPACE = re.compile(rb"[ \t\r\n]*+")
# Where an object or array item may end: its closing bracket, then the ',' or ']' that ends the item.
_ITEM_END = {ord("{"): re.compile(rb"\}[ \t\r\n]*+[,\]]"), ord("["): re.compile(rb"\][ \t\r\n]*+[,\]]")}
_GUESSES = 4

_QUOTE = ord('"')
_OPENERS, _CLOSERS = frozenset(b"[{"), frozenset(b"]}")
_COMMA, _OPEN_ARRAY, _CLOSE_ARRAY = ord(","), ord("["), ord("]")


class ArraySplitter:
    """Feed chunks in, get items out: (line, index, raw bytes), Oversized, Unterminated or Malformed."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.state = "start"  # start -> value_or_end -> item -> value -> item ... -> after_end
        self.line = 1
        self.index = 0
        self.depth = 0
        self.in_string = False
        self.escape_pending = False
        self.item_line = 0
        self.item_parts: list[bytes] = []
        self.item_size = 0
        self.said_after_end = False

    def feed(self, chunk: bytes) -> Iterator[Framed]:
        pos, counted = 0, 0
        while pos < len(chunk):
            if self.state == "item":
                if self.item_size == 0:  # at an item's first byte, not in the middle of one
                    pos, counted = yield from self.quick_items(chunk, pos, counted)
                    if self.state != "item":
                        continue
                item_start = pos
                pos, finished = self.scan_item(chunk, pos)
                self.keep(chunk[item_start:pos])
                if finished:
                    yield self.finish_item()
                    self.state = "value" if chunk[pos] == _COMMA else "after_end"
                    pos += 1
                continue
            pos = _SPACE.match(chunk, pos).end()
            if pos >= len(chunk):
                break
            self.line += chunk.count(b"\n", counted, pos)
            counted = pos
            pos, complaint = self.step_between_items(chunk, pos)
            if complaint:
                yield Malformed(self.line, complaint)
        self.line += chunk.count(b"\n", counted, len(chunk))

    def step_between_items(self, chunk: bytes, pos: int) -> tuple[int, str]:
        """Handle one significant byte outside any item: where to continue, and a complaint if it is out of place."""
        byte = chunk[pos]
        if self.state == "start":
            if byte != _OPEN_ARRAY:
                self.state = "after_end"
                return len(chunk), "the document does not start with '['"
            self.state = "value_or_end"
            return pos + 1, ""
        if self.state == "after_end":
            complaint = "" if self.said_after_end else "unexpected content after the array's closing ']'"
            self.said_after_end = True
            return len(chunk), complaint
        if byte == _CLOSE_ARRAY:
            complaint = "a comma right before the closing ']' (trailing comma)" if self.state == "value" else ""
            self.state = "after_end"
            return pos + 1, complaint
        if byte == _COMMA:
            self.state = "value"
            return pos + 1, "an empty item (two commas in a row, or a comma right after '[')"
        self.state, self.item_line, self.depth = "item", self.line, 0
        return pos, ""

    def quick_items(self, chunk: bytes, pos: int, counted: int) -> Generator[Framed, None, tuple[int, int]]:
        """Emit the items guess_item_end can find, one after the other; stop where the tokenizer must take over."""
        while (guessed := self.guess_item_end(chunk, pos)) is not None:
            end, after, value = guessed
            yield (self.item_line, self.index, chunk[pos:end], value)
            self.index += 1
            if chunk[after - 1] == _CLOSE_ARRAY:
                self.state = "after_end"
                return after, counted
            pos = _SPACE.match(chunk, after).end()
            if pos >= len(chunk) or chunk[pos] in (_COMMA, _CLOSE_ARRAY):
                self.state = "value"
                return after, counted
            self.line += chunk.count(b"\n", counted, pos)
            counted, self.item_line = pos, self.line
        return pos, counted

    def guess_item_end(self, chunk: bytes, pos: int) -> tuple[int, int, Any] | None:
        """Shortcut for an object or array item that ends in this chunk: where it ends, where its ',' or ']' ends,
        and its value.

        A closing bracket followed by ',' or ']' ends the item if the bytes up to it are one JSON value: a
        well-formed value cannot be continued, so the tokenizer would stop at the same place. orjson checks that
        in C, far faster than the tokenizer walks it; after a few wrong guesses the tokenizer takes over.
        """
        pattern = _ITEM_END.get(chunk[pos])
        if pattern is None or orjson is None:
            return None
        search_from = pos + 1
        for _ in range(_GUESSES):
            found = pattern.search(chunk, search_from)
            if found is None or found.start() - pos >= self.max_bytes:
                return None
            try:
                value = orjson.loads(chunk[pos : found.start() + 1])
            except orjson.JSONDecodeError:
                search_from = found.start() + 1
                continue
            return found.start() + 1, found.end(), value
        return None

    def scan_item(self, chunk: bytes, pos: int) -> tuple[int, bool]:
        """Advance through the current item; True when it ends at chunk[pos] (a ',' or ']' at depth 0)."""
        end = len(chunk)
        if self.escape_pending:
            pos, self.escape_pending = pos + 1, False
        while pos < end:
            if self.in_string:
                pos = _STRING_TAIL.match(chunk, pos).end()
                if pos >= end:
                    break
                if chunk[pos] == _QUOTE:
                    self.in_string = False
                    pos += 1
                else:  # a backslash whose escaped byte is in the next chunk
                    self.escape_pending, pos = True, end
                continue
            pos = (_RUN_TOP if self.depth == 0 else _RUN_NESTED).match(chunk, pos).end()
            if pos >= end:
                break
            byte = chunk[pos]
            if byte == _QUOTE:
                self.in_string = True
            elif byte in _OPENERS:
                self.depth += 1
            elif byte in _CLOSERS and self.depth > 0:
                self.depth -= 1
            elif byte in (_COMMA, _CLOSE_ARRAY):
                return pos, True
            pos += 1  # a stray '}' at depth 0 stays in the item: the parser will reject it
        return pos, False

    def keep(self, part: bytes) -> None:
        self.item_size += len(part)
        if self.item_size <= self.max_bytes:
            self.item_parts.append(part)
        else:
            self.item_parts.clear()

    def finish_item(self) -> Framed:
        line, index, size = self.item_line, self.index, self.item_size
        raw = b"".join(self.item_parts).rstrip(b" \t\r\n")
        self.item_parts, self.item_size, self.index = [], 0, index + 1
        self.in_string = self.escape_pending = False
        if size > self.max_bytes:
            return Oversized(line, size, index)
        return (line, index, raw, NOT_PARSED)

    def close(self) -> Iterator[Framed]:
        """The input has ended: a half-read item comes out as Unterminated, a missing ']' as Malformed."""
        if self.state == "start":
            yield Malformed(self.line, "the document is empty")
            return
        if self.state == "item":
            finished = self.finish_item()
            yield Unterminated(finished[0], finished[2], finished[1]) if isinstance(finished, tuple) else finished
        if self.state != "after_end":
            yield Malformed(self.line, "the input ends before the array's closing ']'")


def split_array(chunks: Iterable[bytes], max_bytes: int) -> Iterator[Framed]:
    """The items of a top-level JSON array, each with the line it starts on and its index."""
    splitter = ArraySplitter(max_bytes)
    for chunk in chunks:
        yield from splitter.feed(chunk)
    yield from splitter.close()
