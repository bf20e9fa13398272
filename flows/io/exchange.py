"""Swap two directories in one atomic step (Linux renameat2 with RENAME_EXCHANGE), for whole-partition rewrites."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name, use_errno=True) if name else None


def exchange_paths(first: Path, second: Path) -> bool:
    """Atomically swap two existing paths; False when the system cannot (no renameat2, or the file system says no)."""
    libc = _libc()
    renameat2 = getattr(libc, "renameat2", None) if libc else None
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result != 0:
        errno = ctypes.get_errno()
        if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system or kernel cannot exchange
            return False
        raise OSError(errno, os.strerror(errno), str(first))
    return True


def replace_directory(new: Path, target: Path, graveyard: Path) -> None:
    """Put `new` where `target` is. Readers see the old or the new directory, never neither, where the system allows
    an exchange; elsewhere there is a moment with no directory at all (between two renames)."""
    graveyard.parent.mkdir(parents=True, exist_ok=True)
    if exchange_paths(new, target):
        new.rename(graveyard)
    else:
        target.rename(graveyard)
        new.rename(target)
