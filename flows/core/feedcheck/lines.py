"""Split a byte stream into JSON Lines records in bounded memory: a line above the limit is skipped, not held."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Oversized:
    """A record that was not kept because it is larger than the limit; `size` is its length in bytes."""

    line: int
    size: int
    index: int | None = None


@dataclass(frozen=True, slots=True)
class Unterminated:
    """The input ended inside a record (the last line has no newline, or a JSON array is not closed)."""

    line: int
    raw: bytes
    index: int | None = None


@dataclass(frozen=True, slots=True)
class Malformed:
    """Something wrong between records (a stray comma in an array, text after its end): no record to blame."""

    line: int
    message: str


# A record is (line, index, raw bytes, its value if the framing already parsed it, else NOT_PARSED): plain tuples
# keep the hot loop cheap.
NOT_PARSED: Any = object()
RawRecord = tuple[int, int | None, bytes, Any]
Framed = RawRecord | Oversized | Unterminated | Malformed


def is_blank(line: bytes) -> bool:
    return not line or line.isspace()


def split_lines(chunks: Iterable[bytes], max_bytes: int) -> Iterator[Framed]:
    """One item per non-blank line. A last line without a newline comes as Unterminated (it may be cut short)."""
    number = 0
    pending: list[bytes] = []
    pending_size = 0
    for chunk in chunks:
        pieces = chunk.split(b"\n")
        for piece in pieces[:-1]:
            number += 1
            if pending:
                size = pending_size + len(piece)
                joined = b"".join(pending) + piece if size <= max_bytes else b""
                pending, pending_size = [], 0
                if size > max_bytes:
                    yield Oversized(number, size)
                    continue
                piece = joined
            if len(piece) > max_bytes:
                yield Oversized(number, len(piece))
            elif not is_blank(piece):
                yield (number, None, piece.removesuffix(b"\r"), NOT_PARSED)
        tail = pieces[-1]
        if tail:
            pending_size += len(tail)
            if pending_size <= max_bytes:
                pending.append(tail)
            else:
                pending = [b""]  # keep the "inside a line" state without keeping the bytes
    if pending_size:
        number += 1
        if pending_size > max_bytes:
            yield Oversized(number, pending_size)
        elif not is_blank(last := b"".join(pending)):
            yield Unterminated(number, last.removesuffix(b"\r"))
