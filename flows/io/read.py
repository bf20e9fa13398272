"""Bounded reads of input files: never more than the configured size, every failure a problem."""

from __future__ import annotations

from pathlib import Path

from flows.core.problems import Problem, problem

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def read_input(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | Problem:
    """The file's bytes, or why they could not be had."""
    location = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return problem("not_found", location, "the file disappeared before it could be read")
    except OSError as error:
        return problem("unreadable", location, f"{type(error).__name__}: {error.strerror or error}")
    if len(data) > max_bytes:
        return problem("too_large", location, f"larger than the limit of {max_bytes} bytes")
    return data
