"""Find out how a byte stream is encoded and hand on UTF-8: skip a UTF-8 BOM, decode UTF-16/32 that carry one."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

# Longest BOM first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF_BYTES = 4


@dataclass
class Decoded:
    """UTF-8 chunks, the encoding they were read as, notes worth telling the user, or why they cannot be read."""

    chunks: Iterator[bytes]
    encoding: str
    notes: list[str] = field(default_factory=list)
    problem: str | None = None


def gather_head(chunks: Iterator[bytes], size: int) -> bytes:
    """At least `size` bytes from the stream's start (fewer only when it is shorter)."""
    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) >= size:
            break
    return head


def prepend(head: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if head:
        yield head
    yield from rest


def find_bom(head: bytes) -> tuple[bytes, str] | None:
    return next(((bom, name) for bom, name in _BOMS if head.startswith(bom)), None)


def guess_bomless_utf16(head: bytes) -> str | None:
    """JSON starts with ASCII, so UTF-16 without a BOM shows NUL bytes in every other position."""
    pairs = [head[i : i + 2] for i in range(0, len(head) - 1, 2)]
    if not pairs:
        return None
    if all(pair[0] != 0 and pair[1] == 0 for pair in pairs):
        return "UTF-16LE"
    if all(pair[0] == 0 and pair[1] != 0 for pair in pairs):
        return "UTF-16BE"
    return None


def transcode(chunks: Iterator[bytes], encoding: str, notes: list[str]) -> Iterator[bytes]:
    """Decode to text and encode as UTF-8; lone surrogates pass through so the parser reports them per record."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="surrogatepass")
    for chunk in chunks:
        yield decoder.decode(chunk).encode("utf-8", "surrogatepass")
    try:
        yield decoder.decode(b"", final=True).encode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        notes.append(f"the input ends in the middle of a {encoding} character; that last fragment was ignored")


def decode_stream(chunks: Iterable[bytes]) -> Decoded:
    """Look at the first bytes and return a stream of UTF-8 bytes, with a note for anything that was converted."""
    stream = iter(chunks)
    head = gather_head(stream, _SNIFF_BYTES)
    found = find_bom(head)
    if found is None:
        if (utf16 := guess_bomless_utf16(head)) is not None:
            problem = f"the input looks like {utf16} without a byte order mark; re-encode it as UTF-8 (or add a BOM)"
            return Decoded(iter(()), utf16, problem=problem)
        return Decoded(prepend(head, stream), "utf-8")
    bom, encoding = found
    rest = prepend(head[len(bom) :], stream)
    if encoding == "utf-8":
        return Decoded(rest, "utf-8", notes=["a UTF-8 byte order mark at the start was skipped"])
    notes = [f"decoded from {encoding.upper()} (byte order mark found) to UTF-8"]
    return Decoded(transcode(rest, encoding, notes), encoding, notes=notes)
