"""Read feeds for validation: files or standard input in fixed-size chunks, so memory never grows with the input."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

CHUNK_BYTES = 1 << 20
STDIN = "-"


@dataclass(frozen=True)
class FeedSource:
    """An input that opened: its name as given and its bytes, one chunk at a time (the file closes at the end)."""

    label: str
    chunks: Iterator[bytes]


class SchemaFileError(ValueError):
    """A --schema PATH that cannot be used: missing, unreadable, or not JSON."""


def read_chunks(handle: BinaryIO, close: bool, size: int = CHUNK_BYTES) -> Iterator[bytes]:
    try:
        while chunk := handle.read(size):
            yield chunk
    finally:
        if close:
            handle.close()


def describe_os_error(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(error, PermissionError):
        return "permission denied"
    return f"{type(error).__name__}: {error.strerror or error}"


def open_feed(name: str, stdin: BinaryIO | None = None) -> FeedSource | str:
    """The input's chunks, or why it cannot be opened. "-" is standard input."""
    if name == STDIN:
        return FeedSource("<stdin>", read_chunks(stdin or sys.stdin.buffer, close=False))
    path = Path(name)
    if path.is_dir():
        return "is a directory, not a file"
    try:
        handle = path.open("rb")
    except OSError as error:
        return describe_os_error(error)
    return FeedSource(name, read_chunks(handle, close=True))


def load_schema_file(path: Path) -> dict[str, Any]:
    """A JSON Schema document from disk."""
    try:
        schema = json.loads(path.read_text("utf-8-sig"))
    except OSError as error:
        raise SchemaFileError(f"schema {path}: {describe_os_error(error)}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SchemaFileError(f"schema {path}: not a JSON document ({error})") from error
    if not isinstance(schema, dict):
        raise SchemaFileError(f"schema {path}: the file must hold a JSON object")
    return schema
