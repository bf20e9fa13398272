"""Bounded reads of input files: never more than the configured size, every failure a problem, every change seen."""

from __future__ import annotations

import errno
import os
import stat as stat_flags
from pathlib import Path

from flows.core.incremental import FileStat
from flows.core.problems import Problem, problem
from flows.io.discover import resolved

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Failures that may pass on their own (a network file system hiccup): worth a retry before an input is rejected.
TRANSIENT_ERRNOS = frozenset({errno.EIO, errno.EAGAIN, errno.EINTR, errno.ESTALE, errno.EBUSY, errno.ETIMEDOUT})


class TransientReadError(OSError):
    """A read failed in a way that may pass: the read task raises it so that Prefect retries the batch."""


def read_failure(location: str, error: OSError) -> Problem:
    if error.errno in TRANSIENT_ERRNOS:
        raise TransientReadError(error.errno, error.strerror, location) from error
    return problem("unreadable", location, f"{type(error).__name__}: {error.strerror or error}")


def regular_file_stat(path: Path, location: str) -> os.stat_result | Problem:
    """The stat of a regular file (links followed), or why there is none."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return problem("not_found", location, "the file disappeared before it could be read")
    except OSError as error:
        return read_failure(location, error)
    if not stat_flags.S_ISREG(info.st_mode):
        return problem("not_a_file", location)
    return info


def stat_input(path: Path, folders: dict[Path, Path] | None = None) -> FileStat | Problem:
    """Size and mtime of a regular file, keyed by its resolved path. Resolving costs a system call per component of
    the path: ``folders`` keeps the folders a batch has resolved (see `resolved`)."""
    location = str(path)
    info = regular_file_stat(path, location)
    if isinstance(info, Problem):
        return info
    key = resolved(path, folders) if folders is not None else path.resolve()
    return FileStat(str(key), location, info.st_size, info.st_mtime_ns)


def read_input(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | Problem:
    """The file's bytes, or why they could not be had."""
    location = str(path)
    try:
        # Non-blocking open, then a check of what was opened: a FIFO swapped in after the stat must not hang the run.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return problem("not_found", location, "the file disappeared before it could be read")
    except OSError as error:
        return read_failure(location, error)
    opened = os.fstat(descriptor)
    if not stat_flags.S_ISREG(opened.st_mode):
        os.close(descriptor)
        return problem("not_a_file", location)
    with os.fdopen(descriptor, "rb") as handle:
        try:
            # No more than the limit, and a buffer the size of the file (plus one byte, to see it grow), not of the
            # limit: a 20 MiB buffer for every 2 KiB article costs more than the read.
            data = handle.read(min(max_bytes, opened.st_size) + 1)
        except OSError as error:
            return read_failure(location, error)
    if len(data) > max_bytes:
        return problem("too_large", location, f"larger than the limit of {max_bytes} bytes")
    return data


def read_stable(stat: FileStat, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | Problem:
    """Read a file whose stat was taken before; if it changed meanwhile or while being read, say so."""
    path = Path(stat.location)
    if stat.size > max_bytes:
        return problem("too_large", stat.location, f"{stat.size} bytes, above the limit of {max_bytes} bytes")
    data = read_input(path, max_bytes)
    if isinstance(data, Problem):
        return data
    after = regular_file_stat(path, stat.location)
    if isinstance(after, Problem):
        return after
    if (after.st_size, after.st_mtime_ns) != (stat.size, stat.mtime_ns) or len(data) != stat.size:
        return problem("changed_while_reading", stat.location, "size or modification time moved during the read")
    return data


